"""Plain text and Markdown: the decoded text is its own text view (:func:`gxlint.io.decode`)."""

from __future__ import annotations

from typing import Optional

from ..io import decode


def read_text(data: bytes, *, max_bytes: Optional[int] = None):
    from . import Source

    dec = decode(data, max_bytes=max_bytes)
    return Source(
        dec.text,
        "text",
        None,
        fixable=True,
        encoding=dec.encoding,
        bom=dec.bom,
        newline=dec.newline,
        certain=dec.certain,
    )


def source(data: bytes, path: Optional[str] = None, *, fmt: str, ext: str, max_bytes: Optional[int] = None):
    """The registry's entry point (:mod:`gxlint.read.registry`): bytes → :class:`gxlint.read.Source`."""
    return read_text(data, max_bytes=max_bytes)
