"""Document readers: bytes → text view + native locations (see :mod:`gxlint.read.blocks`).

One module per format; each knows no rules and no Document.
"""

# The file extensions a folder walk checks (``gxlint check DIR``): the one place to extend when a
# reader for another format lands.  Matched case-sensitively; other files are listed as skipped.
EXTENSIONS = (".txt", ".md", ".markdown")
