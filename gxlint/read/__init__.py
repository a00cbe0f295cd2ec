"""Document readers: bytes → text view + native locations (see :mod:`gxlint.read.blocks`).

One module per format; each knows no rules and no Document.
"""
