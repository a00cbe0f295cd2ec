"""Document readers: bytes → text view + native locations (see :mod:`gxlint.read.blocks`).

One module per format (:mod:`.text`, :mod:`.docx`, :mod:`.html`, :mod:`.pdf`, :mod:`.ofd`; and
:mod:`.office`, which has LibreOffice convert .doc, .wps, .odt and .rtf to .docx); each knows no
rules and no Document.  :func:`read` picks the reader by content first (a .docx renamed .txt is
still a .docx), then by extension (any case), and returns a :class:`Source`: the text view the
positions of every finding point into, its format, a locator to the native location (paragraph,
table/row/cell, page, HTML source line) and whether fixes can be written back (text formats only).

The format libraries (lxml, the PDF library) are imported only when a file of that format is
read, so checking a .txt file starts as fast as before.
"""

from __future__ import annotations

import os
from typing import Any, Optional

from ..io import DecodeError
from .registry import BY_FORMAT, BY_SUFFIX, READERS, suffixes

# every extension a folder walk takes (lower case; matching is case-insensitive): the registry's
# (gxlint/read/registry.py), by reader
TEXT_EXTENSIONS = suffixes("text")
DOCX_EXTENSIONS = suffixes("docx")
HTML_EXTENSIONS = suffixes("html")
PDF_EXTENSIONS = suffixes("pdf")
OFD_EXTENSIONS = suffixes("ofd")
OLD_WORD_EXTENSIONS = suffixes("word")
ODT_EXTENSIONS = suffixes("odt")
RTF_EXTENSIONS = suffixes("rtf")
OFFICE_EXTENSIONS = OLD_WORD_EXTENSIONS + ODT_EXTENSIONS + RTF_EXTENSIONS
EXTENSIONS = suffixes()
"""What ``gxlint check FOLDER`` picks up.  The formats LibreOffice converts (:data:`OFFICE_EXTENSIONS`)
are included whether it is installed or not: they are reports too, and without it each gets a GX002
that says which program reads it (rather than being skipped)."""
FORMATS = tuple(f for r in READERS for f in r.formats)
"""The values of :attr:`Source.format` (``files[].format`` in the JSON output)."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class Source:
    """What a reader gives: (a plain class, not a dataclass: this module is imported on every start)"""

    __slots__ = ("text", "format", "locator", "fixable", "encoding", "bom", "newline", "certain")

    def __init__(
        self,
        text: str,
        format: str,
        locator: Any = None,
        fixable: bool = True,
        encoding: Optional[str] = None,
        bom: bool = False,
        newline: Optional[str] = None,
        certain: bool = True,
    ) -> None:
        self.text = text  # the text view: what line/column of every finding point into
        self.format = format  # one of FORMATS
        self.locator = locator  # blocks.Locator (None for text: the text is the source)
        self.fixable = fixable  # fixes can be written back (text formats only)
        self.encoding = encoding  # text and html: how the bytes were decoded
        self.bom = bom
        self.newline = newline
        self.certain = certain  # False: the encoding was a close guess (fixes are not written)

    def __repr__(self) -> str:
        return f"Source(format={self.format!r}, {len(self.text)} chars)"

    def locate(self, offset: int) -> Optional[dict]:
        if self.locator is None:
            return None
        return self.locator.locate(offset)

    @property
    def native_cells(self) -> list:
        """(start, end) of the text of every cell of the document's own tables, in order (none for text)."""
        return getattr(self.locator, "cells", None) or []


def supported(path: str) -> bool:
    """Whether a folder walk takes ``path`` (by extension, any case)."""
    return os.path.splitext(path)[1].lower() in EXTENSIONS


def sniff(data: bytes, path: Optional[str] = None) -> str:
    """The format of ``data``: content first, then the extension.  One of text, docx, html, pdf,
    zip (a zip that may still turn out to be a .docx), ole (an old binary Office/WPS file)."""
    head = data[:8]
    if data[:1024].lstrip()[:5] == b"%PDF-" or data[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head == OLE_MAGIC:
        return "ole"
    reader = BY_SUFFIX.get(_ext(path))
    if reader is not None and reader.container is not None:
        # a .pdf, .docx, .doc that is not one at all: the reader of its extension says it is damaged
        return reader.container
    from .html import looks_like_html

    if looks_like_html(data):
        return "html"
    return "text"


# Formats that are not reports, told by their content, whatever the file is called: one entry
# each — the GX002 message that names what the file is and what to send instead.
OTHER_FORMATS = {
    "spreadsheet": "spreadsheet",  # .xlsx, .xls, .ods, WPS 表格: not a report
    "presentation": "presentation",  # .pptx, .ppt, .odp
    "image": "image",  # PNG, JPEG, GIF, BMP, TIFF, WebP: a picture (of a page?)
    "archive": "archive",  # RAR, 7z, gzip, bzip2, xz, tar (a zip is told by the .docx reader)
}
SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv")
PRESENTATION_EXTENSIONS = (".pptx", ".ppt", ".dps", ".odp")
_ODF = {
    "application/vnd.oasis.opendocument.text": ("odt", ".odt"),
    "application/vnd.oasis.opendocument.spreadsheet": ("spreadsheet", ".ods"),
    "application/vnd.oasis.opendocument.presentation": ("presentation", ".odp"),
}
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
)
_ARCHIVES = (
    (b"Rar!\x1a\x07", ".rar"),
    (b"7z\xbc\xaf\x27\x1c", ".7z"),
    (b"\x1f\x8b", ".gz"),
    (b"BZh", ".bz2"),
    (b"\xfd7zXZ\x00", ".xz"),
)


def identify(data: bytes, kind: str, path: Optional[str] = None) -> Optional[tuple[str, str]]:
    """What ``data`` is when it is not read as ``kind`` (what :func:`sniff` said): (format, the
    extension it stands for) — a format read here (``ofd``; ``odt``, ``rtf``, ``doc``, ``wps``
    through LibreOffice) or one of :data:`OTHER_FORMATS` — or None: the file is read as ``kind``."""
    ext = _ext(path)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return "rtf", ".rtf"
    for magic, img in _IMAGES:
        if data.startswith(magic):
            return "image", img
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image", ".webp"
    if data[:2] == b"BM" and len(data) >= 26 and int.from_bytes(data[2:6], "little") == len(data):
        return "image", ".bmp"
    for magic, arc in _ARCHIVES:
        if data.startswith(magic):
            return "archive", arc
    if data[257:262] == b"ustar":
        return "archive", ".tar"
    if kind == "zip":
        names = _zip_names(data)
        if not names:
            # not a zip after all: the reader of its extension says it is damaged
            return ("ofd", ".ofd") if ext in OFD_EXTENSIONS else ("odt", ext) if ext in ODT_EXTENSIONS else None
        lower = {n.lower(): n for n in names}
        if "ofd.xml" in lower:
            return "ofd", ".ofd"
        if "mimetype" in lower:
            mime = _zip_member(data, lower["mimetype"], 200).strip().decode("ascii", "replace")
            for prefix, (fmt, odf_ext) in _ODF.items():
                if mime.startswith(prefix):
                    return fmt, ext if fmt == "odt" and ext in ODT_EXTENSIONS else odf_ext
        if "word/document.xml" in lower:
            return None
        if "xl/workbook.xml" in lower:
            return "spreadsheet", ext if ext in SPREADSHEET_EXTENSIONS else ".xlsx"
        if "ppt/presentation.xml" in lower:
            return "presentation", ext if ext in PRESENTATION_EXTENSIONS else ".pptx"
        return None
    if kind == "ole":
        head = data[: 1 << 20]
        if "WordDocument".encode("utf-16-le") in head:
            return ("wps", ext) if ext in (".wps", ".wpt") else ("doc", ext if ext in OLD_WORD_EXTENSIONS else ".doc")
        if "Workbook".encode("utf-16-le") in head or "Book\x00".encode("utf-16-le") in head:
            return "spreadsheet", ext if ext in SPREADSHEET_EXTENSIONS else ".xls"
        if "PowerPoint Document".encode("utf-16-le") in head:
            return "presentation", ext if ext in PRESENTATION_EXTENSIONS else ".ppt"
        if "EncryptedPackage".encode("utf-16-le") in head:
            return None  # a password-protected .docx is an OLE container
        # another compound file: LibreOffice decides (and says when it cannot open it)
        return ("wps", ext) if ext in (".wps", ".wpt") else ("doc", ext if ext in OLD_WORD_EXTENSIONS else ".doc")
    return None


def _zip_names(data: bytes) -> Optional[list]:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.namelist()
    except Exception:  # a damaged or hostile zip: the .docx reader says what is wrong
        return None


def _zip_member(data: bytes, name: str, limit: int) -> bytes:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf, zf.open(name) as fh:
            return fh.read(limit)
    except Exception:
        return b""


def read(data: bytes, path: Optional[str] = None, *, max_bytes: Optional[int] = None) -> Source:
    """Bytes → :class:`Source`.  Raises :class:`gxlint.io.DecodeError` for what cannot be read."""
    from ..io import ZIP_HEADS, _mb, package_limit

    package = data[:4] in ZIP_HEADS
    if max_bytes is not None and len(data) > (package_limit(max_bytes) if package else max_bytes):
        raise DecodeError("too_large", size=_mb(len(data)), limit=_mb(max_bytes))
    kind = sniff(data, path)
    other = identify(data, kind, path)
    if other is not None:
        fmt, ext = other
        if fmt in OTHER_FORMATS:
            raise DecodeError(OTHER_FORMATS[fmt], ext=ext)
        return _reader_module(fmt).source(data, path, fmt=fmt, ext=ext, max_bytes=max_bytes)
    if package and kind != "zip" and max_bytes is not None and len(data) > max_bytes:
        raise DecodeError("too_large", size=_mb(len(data)), limit=_mb(max_bytes))
    if kind == "ole":
        raise DecodeError("encrypted_docx")  # a password-protected .docx is an OLE container
    fmt = _KIND_FORMAT[kind]
    return _reader_module(fmt).source(data, path, fmt=fmt, ext=_ext(path), max_bytes=max_bytes)


# what sniff() says → the format read when identify() has nothing more to say (a zip is a .docx)
_KIND_FORMAT = {"text": "text", "zip": "docx", "html": "html", "pdf": "pdf"}


def _reader_module(fmt: str):
    """The module of the reader of ``fmt``, imported now (a format's libraries load only when a
    file of it is read); a reader whose library is missing says so (its ``missing`` GX002)."""
    import importlib

    reader = BY_FORMAT[fmt]
    name = f"{__name__}.{reader.module}"
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        if reader.missing and (getattr(exc, "name", None) in (None, name) or reader.name in str(exc)):
            raise DecodeError(reader.missing, error=_exc_line(exc)) from None
        raise


def checked(src: Source, data: bytes, max_bytes: Optional[int]) -> Source:
    """A package's size limit is on its text: images and other media in it do not count."""
    from ..io import _mb

    if max_bytes is not None and len(data) > max_bytes and len(src.text.encode("utf-8")) > max_bytes:
        raise DecodeError("too_large", size=_mb(len(src.text.encode("utf-8"))), limit=_mb(max_bytes))
    return src


def read_html_text(text: str, path: Optional[str] = None):
    """An HTML page already decoded (an editor buffer): (Source, blocks) — the blocks keep each
    paragraph's and cell's position in the HTML source (``loc['offset']``)."""
    from .html import read_html_str

    blocks = read_html_str(text)
    return from_blocks(blocks, "html"), blocks


def from_blocks(blocks, fmt: str) -> Source:
    """A block reader's blocks → :class:`Source` (its text view, the locator; not fixable)."""
    from .blocks import render

    text, locator = render(blocks)
    return Source(text, fmt, locator, fixable=False, newline="\n")


def _ext(path: Optional[str]) -> str:
    return os.path.splitext(path or "")[1].lower()


def _exc_line(exc: BaseException) -> str:
    s = f"{type(exc).__name__}: {exc}"
    return s if len(s) <= 200 else s[:197] + "…"


def describe(loc: Optional[dict], lang: str = "zh") -> str:
    """A native location in words: ``表 3 第 5 行第 2 列``, ``第 3 页``, ``第 12 段``, ``源文件第 120 行``;
    in a document LibreOffice converted (``via``), the place in the converted .docx, and it says so."""
    if not loc:
        return ""
    parts: list[str] = []
    en = lang == "en"
    if loc.get("page"):
        parts.append(f"page {loc['page']}" if en else f"第 {loc['page']} 页")
    part = loc.get("part")
    if part == "header":
        parts.append("page header" if en else "页眉")
    elif part == "footer":
        parts.append("page footer" if en else "页脚")
    elif part == "textbox":
        parts.append("text box" if en else "文本框")
    if loc.get("table"):
        t = loc["table"]
        if loc.get("row") and loc.get("col"):
            if en:
                parts.append(f"table {t} row {loc['row']} column {loc['col']}")
            else:
                parts.append(f"表 {t} 第 {loc['row']} 行第 {loc['col']} 列")
        elif loc.get("row"):
            parts.append(f"table {t} row {loc['row']}" if en else f"表 {t} 第 {loc['row']} 行")
        else:
            parts.append(f"table {t}" if en else f"表 {t}")
    elif loc.get("para"):
        parts.append(f"paragraph {loc['para']}" if en else f"第 {loc['para']} 段")
    if loc.get("line") and not loc.get("page"):
        if loc.get("column"):
            parts.append(
                f"source line {loc['line']} column {loc['column']}"
                if en
                else f"源文件第 {loc['line']} 行第 {loc['column']} 列"
            )
        else:
            parts.append(f"source line {loc['line']}" if en else f"源文件第 {loc['line']} 行")
    out = (", " if en else "，").join(parts)
    if out and loc.get("via"):
        out += f" (as {loc['via']} converted it to .docx)" if en else f"（{loc['via']} 转换为 .docx 后）"
    return out
