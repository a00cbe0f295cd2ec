"""What rules ask of a parsed Document besides its nodes: is this place prose, which lines form
a paragraph, are a table's labels in this text (re-exported to rules by :mod:`gxlint.api`).

Computed from the Document (and cached in ``doc.cache``), never from bytes or files.
"""

from __future__ import annotations

from ..model import Document, Span
from . import paragraphs as _paragraphs
from .normalize import key
from .paragraphs import is_table_line
from .tables.specs import plain
from .tables.specs import table_labels_present as _labels_present

__all__ = ["in_prose", "paragraph_keys", "paragraphs", "plain_text", "table_labels_present"]


def plain_text(s: str) -> str:
    """A (normalised) label with punctuation, spaces and quotes removed: for wording comparisons."""
    return plain(key(s))


def table_labels_present(kind: str, text: str) -> bool:
    """The captions/column headers of table ``kind`` (t2/t3/t4) are in ``text``: the table is there,
    even where its cells could not be read (the parser then marks it unreadable)."""
    return _labels_present(kind, plain_text(text))


def paragraph_keys(doc: Document) -> list:
    """0-based line → paragraph key.  A table is one paragraph; so is a run of short cell-like
    lines (table cells the parser did not read as a table: one cell per line, blank lines between);
    any other line is its own paragraph.  Computed once per document (GX601 and GX602 aggregate by it)."""
    cached = doc.cache.get("paragraph_keys")
    if cached is not None:
        return cached
    lines = doc.lines
    tables = [
        (lines.line_of(t.span.start), lines.line_of(max(t.span.start, t.span.end - 1))) for t in doc.tables.values()
    ]
    keys: list = []
    run = None
    for ln in range(lines.count):
        s = lines.line_text(ln).strip(" \t\u3000\u00a0|")
        k = next((("table", i) for i, (a, b) in enumerate(tables) if a <= ln <= b), None)
        if k is None and not s:
            keys.append(run or ("line", ln))  # a blank line does not end a run of cells
            continue
        if k is None and len(s) <= 40 and not s.endswith(("。", "；", ";", "！", "？")):
            run = run or ("run", ln)
            k = run
        else:
            run = None
            k = k or ("line", ln)
        keys.append(k)
    doc.cache["paragraph_keys"] = keys
    return keys


def paragraphs(doc: Document):
    """The document's wrapped lines (:class:`gxlint.parse.paragraphs.Paragraphs`): which line breaks
    are soft wraps of a PDF or converter (``continues(line)``), and the text with them joined.
    Computed once per document."""
    return _paragraphs.of(doc)


def in_prose(doc: Document, span: Span) -> bool:
    """``span`` (original offsets) lies in the prose: in none of the tables the parser read, of
    the section headings, of the page residue and chrome (GX605's lines and runs), not before the
    report's title nor after its signature's date, nor before the first section on a line ahead of
    its page chrome (the web page around the report), and on no line
    that is a table row the parser did not read (``|`` or tab separated, a run of three numbers:
    :func:`gxlint.parse.paragraphs.is_table_line`) nor, in sections 二/三/四, a line without a 。
    (table text: captions, header and label cells the parser left; the claim reader skips them
    the same way).  For the text rules (GX606): ask only about the places found."""
    fixed = doc.cache.get("not_prose")
    if fixed is None:
        meta = doc.meta
        fixed = [t.span for t in doc.tables.values()] + [s.span for s in doc.sections]
        fixed += [r.span for r in doc.debris.residue]
        fixed += [c.span for c in doc.debris.chrome]
        if meta.title_span is not None:  # the page above the report's title
            fixed.append(Span(0, meta.title_span.start))
        # a page flattened into one line: before the first section, what stands on a line ahead of
        # page chrome is the page's header too (a breadcrumb whose anchor a scan broke: 当 前位置)
        first = min((s.span.start for s in doc.sections), default=len(doc.text))
        for c in doc.debris.chrome:
            if c.span.end <= first:
                fixed.append(Span(doc.lines.line_start(doc.lines.line_of(c.span.start)), c.span.end))
        if meta.signature.date_span is not None:  # the page below its signature
            fixed.append(Span(meta.signature.date_span.end, len(doc.text)))
        doc.cache["not_prose"] = fixed
    if any(f.start < span.end and span.start < f.end for f in fixed):
        return False
    lines = doc.lines
    text = doc.text
    tabled = [s.body for s in doc.sections if s.index in (2, 3, 4)]
    for ln in range(lines.line_of(span.start), lines.line_of(max(span.start, span.end - 1)) + 1):
        a, b = lines.line_start(ln), lines.line_end(ln)
        if b - a > _LONG_LINE:
            # a page on one line (a web archive, a one-line report): the sentence around the span,
            # from the table, heading or chrome before it to the one after it
            a = max(
                a,
                span.start - _LONG_LINE // 2,
                *(text.rfind(ch, a, span.start) + 1 for ch in "。！？"),
                *(f.end for f in fixed if f.end <= span.start),
            )
            b = min(
                b,
                span.end + _LONG_LINE // 2,
                *(e for ch in "。！？" if (e := text.find(ch, span.end, b)) >= 0),
                *(f.start for f in fixed if f.start >= span.end),
            )
            if is_table_line(text[a:b]):
                return False
            continue
        line = text[a:b]
        if is_table_line(line) or ("。" not in line and any(s.start <= a < s.end for s in tabled)):
            return False
    return True


_LONG_LINE = 400
"""A longer line is a page (or a whole report) on one line: whether a place in it is prose is
decided by its sentence, not by the line."""
