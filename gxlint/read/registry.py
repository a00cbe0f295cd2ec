"""The readers' registry: one row per reader, the only list of what gxlint reads.

Every front end reads its lists from here: the folder walk and the configuration's default
``include`` (:data:`gxlint.read.EXTENSIONS`), :func:`gxlint.read.sniff` (what an extension stands
for when the content does not say), :func:`gxlint.read.read` (which module reads a format), the
language server (which open documents it lints as you type, :func:`live_suffixes` and
:func:`live_languages`; the others it reads through the workspace index), and the extension's
document selector (``tests/read/test_registry.py`` checks it against :func:`live_languages`).

A reader is a module of this package with ``source(data, path, *, fmt, ext, max_bytes) -> Source``
(imported only when a file of its format is read) and a row below.  This module imports nothing:
it is read on every start.
"""

from __future__ import annotations

from typing import Optional


class Reader:
    """One reader (a plain class, not a dataclass: this module is imported on every start)."""

    __slots__ = ("name", "formats", "suffixes", "container", "module", "live", "languages", "missing", "shown", "via")

    def __init__(
        self,
        name: str,
        suffixes: tuple[str, ...],
        *,
        module: str,
        formats: Optional[tuple[str, ...]] = None,
        container: Optional[str] = None,
        live: bool = False,
        languages: tuple[str, ...] = (),
        missing: Optional[str] = None,
        shown: Optional[tuple[str, ...]] = None,
        via: Optional[str] = None,
    ) -> None:
        self.name = name
        self.formats = formats or (name,)  # the values of Source.format it gives
        self.suffixes = suffixes  # lower case, with the dot; matching ignores case
        # what a file of these suffixes is when its first bytes do not say: "text", "html", "pdf",
        # "zip" (a package: the reader of the suffix says it is damaged) or "ole"; None: its content decides
        self.container = container
        self.module = module  # gxlint.read.<module>: has source(...)
        # the editor lints an open document as it is typed (its buffer: text and web pages); the
        # others are read from disk by the workspace index (year-to-year findings, workspace diagnostics)
        self.live = live
        self.languages = languages  # the editor's language ids of a live reader's documents
        self.missing = missing  # GX002 message id when the module cannot be imported (a missing library)
        self.shown = shown or suffixes[:1]  # the suffixes the command line's help names
        self.via = via  # the program that converts it before it is read (said in the help)

    def __repr__(self) -> str:
        return f"Reader({self.name!r}, {self.suffixes!r})"


READERS: tuple[Reader, ...] = (
    Reader(
        "text",
        (".txt", ".md", ".markdown", ".text"),
        module="text",
        container="text",
        live=True,
        languages=("plaintext", "text", "markdown", "gxreport"),
        shown=(".txt", ".md"),
    ),
    Reader("docx", (".docx", ".docm", ".dotx"), module="docx", container="zip"),
    Reader(
        "html",
        (".html", ".htm", ".shtml", ".xhtml"),
        module="html",
        container="html",
        live=True,
        languages=("html", "xhtml"),
    ),
    Reader("pdf", (".pdf",), module="pdf", container="pdf", missing="pdf_unsupported"),
    Reader("ofd", (".ofd",), module="ofd", container="zip"),
    # old Word and WPS, OpenDocument and RTF: LibreOffice converts them to .docx (gxlint.read.office)
    Reader(
        "word",
        (".doc", ".wps", ".dot", ".wpt"),
        module="office",
        formats=("doc", "wps"),
        container="ole",
        shown=(".doc", ".wps"),
        via="LibreOffice",
    ),
    Reader("odt", (".odt", ".ott"), module="office", container="zip", via="LibreOffice"),
    Reader("rtf", (".rtf",), module="office", via="LibreOffice"),
)

BY_FORMAT: dict[str, Reader] = {f: r for r in READERS for f in r.formats}
BY_SUFFIX: dict[str, Reader] = {s: r for r in READERS for s in r.suffixes}


def suffixes(*names: str) -> tuple[str, ...]:
    """The suffixes of the readers ``names`` (every reader's when none is named), in order."""
    return tuple(s for r in READERS if not names or r.name in names for s in r.suffixes)


def live_suffixes() -> tuple[str, ...]:
    """The suffixes of the documents the editor lints as they are typed."""
    return tuple(s for r in READERS if r.live for s in r.suffixes)


def live_languages() -> frozenset[str]:
    """The editor's language ids of the documents it lints as they are typed."""
    return frozenset(lang for r in READERS if r.live for lang in r.languages)


def in_words(lang: str, *, short: bool = False) -> str:
    """The formats read, as the command line's help names them: ``.txt .md .docx … .ofd，经 LibreOffice
    转换的 .doc .wps .odt .rtf`` (zh) / ``.txt .md .docx … .ofd; .doc .wps .odt .rtf through
    LibreOffice`` (en); ``short``: the formats read directly, as a list (``.txt、.md、…``)."""
    en = lang == "en"
    direct = [s for r in READERS if r.via is None for s in r.shown]
    if short:
        return ", ".join(direct) if en else "、".join(direct)
    out = " ".join(direct)
    for via in dict.fromkeys(r.via for r in READERS if r.via):
        named = " ".join(s for r in READERS if r.via == via for s in r.shown)
        out += f"; {named} through {via}" if en else f"，经 {via} 转换的 {named}"
    return out
