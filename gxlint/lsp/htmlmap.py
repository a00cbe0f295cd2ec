"""HTML pages open in the editor: lint the page's text view, report in the HTML source.

The reader (:func:`gxlint.read.read_html_text`) gives each paragraph and cell the offset of its
first words in the source; a finding inside a block is placed at the same occurrence of its text
after that offset (the 2nd "12" of a paragraph maps to the 2nd "12" written after the paragraph
starts).  What cannot be placed exactly falls back to the block's first words.  Fixes are not
offered: they are edits of the text view, not of the HTML.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from ..diagnostics import Diagnostic, Related, Span
from ..read.html import in_markup
from ..read.registry import BY_FORMAT

HTML_LANGUAGES = frozenset(BY_FORMAT["html"].languages)
HTML_SUFFIXES = BY_FORMAT["html"].suffixes
WINDOW = 200_000  # how far past a block's start its text is looked for


def is_html(language_id: Optional[str], path: Optional[str]) -> bool:
    if (language_id or "").lower() in HTML_LANGUAGES:
        return True
    return bool(path and path.lower().endswith(HTML_SUFFIXES))


def lint_html(source: str, path: Optional[str], settings, more: Optional[Callable[[Any], list]] = None):
    """(diagnostics with spans in ``source``, the Result of linting the text view).  ``more(doc)``:
    further findings in the text view (the cross-report ones), placed in the source alike."""
    from ..engine import engine_diagnostic, lint
    from ..io import DecodeError
    from ..read import read_html_text

    try:
        src, _blocks = read_html_text(source, path)
    except DecodeError as exc:
        if not settings.is_enabled("GX002", "unreadable-input", path):
            return [], None
        return [engine_diagnostic("GX002", exc.message_id, Span(0, 0), settings, **exc.kwargs)], None
    res = lint(src.text, path, settings, native=src.native_cells)
    diags = list(res.diagnostics)
    if more is not None and res.doc is not None:
        diags = sorted(diags + more(res.doc), key=Diagnostic.sort_key)
    out = []
    for d in diags:
        span = map_span(src, source, d.span)
        # a place in another report keeps its own file and position
        related = [r if r.path else Related(map_span(src, source, r.span), r.message) for r in d.related]
        data = dict(d.data) if isinstance(d.data, dict) else {}
        loc = src.locate(d.span.start)
        if loc:
            data["source"] = dict(loc)
        out.append(Diagnostic(d.code, d.name, d.severity, d.message, span, related, None, data, d.rule))
    return out, res


def lint_html_file(path: str, settings, more: Optional[Callable[[Any], list]] = None):
    """A page on disk (a report not open in the editor): (diagnostics placed in its HTML source as
    the editor will show it, that source) — or None when its bytes cannot be read (too large,
    unreadable: the caller's reader says why)."""
    from ..io import DecodeError, read_bytes
    from ..read.html import decode_html

    try:
        data = read_bytes(path, max_bytes=settings.max_bytes)
    except (DecodeError, OSError):
        return None
    if b"\x00" in data[:4096]:  # UTF-16, or not a page at all: the file reader says what it is
        return None
    source, _enc = decode_html(data)
    diags, _res = lint_html(source, path, settings, more)
    return diags, source


def map_span(src, source: str, span: Span) -> Span:
    view = src.text
    entry = src.locator.entry(span.start) if src.locator is not None else None
    if entry is None or "offset" not in entry[2]:
        # before any block (or a block that could not be placed): the nearest placed one before it
        return _nearest(src, span)
    bstart, bend, loc = entry
    base = loc["offset"]
    start, end = span.start, min(span.end, bend if bend > bstart else span.end)
    snippet = view[start:end].split("\n", 1)[0].strip()
    if not snippet:
        return Span(base, base)
    # which occurrence of the snippet inside the block this is
    block = view[bstart:start]
    nth = block.count(snippet)
    pos = base
    limit = min(len(source), base + WINDOW)
    seen = 0
    while True:
        idx = source.find(snippet, pos, limit)
        if idx < 0:
            return Span(base, base + 1)
        pos = idx + 1
        if in_markup(source, idx, base):
            continue  # inside <td colspan="2">: markup, not text
        if seen == nth:
            return Span(idx, idx + len(snippet))
        seen += 1


def _nearest(src, span: Span) -> Span:
    loc = src.locate(span.start) or {}
    off = loc.get("offset")
    if off is not None:
        return Span(off, off + 1)
    return Span(0, 0)
