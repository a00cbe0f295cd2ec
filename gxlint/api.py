"""Everything a rule module may import.

A rule module is one file under ``rules/`` (installed as ``gxlint.rules``).  Top to bottom:
its docstring (the rule's documentation: ``## 检查内容`` / ``## 为什么`` / ``## 示例`` / ``## 依据``),
imports from ``gxlint.api`` only, one :class:`Rule` subclass with its metadata, the hook(s) it
needs, private helpers last.  Adding a rule is adding a file; nothing else registers it.

Example::

    class EmptySection(Rule):
        code = "GX103"
        name = "empty-section"
        family = "structure"
        severity = Severity.ERROR
        messages = {"empty": {"zh": "“{title}”下没有内容", "en": "“{title}” has no content"}}

        def on_section(self, section, ctx):
            if ...:
                ctx.report("empty", section.span, title=section.title)
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Optional, Sequence

from .model import Cell, Claim, Document, HeaderLabel, Meta, Row, Section, Span, Table

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings

__all__ = [
    "Cell", "Claim", "Context", "Diagnostic", "Document", "Edit", "Fix", "HeaderLabel", "Meta",
    "Related", "Row", "Rule", "Section", "Severity", "Span", "Table", "fmt_num",
    "Identity", "all_identities", "row_name", "COLUMN_NAMES", "COLUMN_NAMES_EN", "template_data",
    "plain_text", "paragraph_keys", "paragraphs", "table_labels_present", "in_prose", "lexicon",
    "Doubt", "doubts", "reportable", "cell_certain", "count_certain", "shape_certain",
]


class Severity(enum.IntEnum):
    """Same numbering as LSP's DiagnosticSeverity."""

    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: "str | int | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        if isinstance(value, int):
            return cls(value)
        v = str(value).strip().lower()
        aliases = {"info": "information", "warn": "warning", "err": "error"}
        v = aliases.get(v, v)
        for s in cls:
            if s.label == v:
                return s
        raise ValueError(f"unknown severity {value!r} (error, warning, information, hint)")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace original text [start, end) by new_text."""

    start: int
    end: int
    new_text: str


@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Related:
    """More information at another place: in this report, or (``path`` set) in another report —
    then ``position`` is (line, column, end line, end column, UTF-16 column, UTF-16 end column),
    0-based, in that report, since the outputs have only this report's text."""

    span: Span
    message: str
    path: Optional[str] = None
    position: Optional[tuple] = None


@dataclass(slots=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    related: list[Related] = field(default_factory=list)
    fix: Optional[Fix] = None
    data: dict[str, Any] = field(default_factory=dict)   # machine-readable facts (for hovers, baselines)
    rule: Optional[str] = None                           # the rule's module, for GX001 and docs

    def sort_key(self) -> tuple:
        # findings of one rule at one place: in the rule's own order (data "rank", e.g. the
        # section number of GX101's missing sections), then by message
        rank = self.data.get("rank", 0) if isinstance(self.data, dict) else 0
        return (self.span.start, self.span.end, self.code, rank, self.message)


def fmt_num(v: Optional[float]) -> str:
    """A number as a report writes it: 9, 0.35 (never 9.0); None as （空）."""
    if v is None:
        return "（空）"
    if float(v).is_integer():
        return str(int(v))
    return f"{v:.4f}".rstrip("0").rstrip(".")


CORRECT = "correct"
"""Message ids of a rule's corrections: ``correct.<message id>`` for one of its findings, ``correct``
for any.  Each says what the organ should do, with the numbers the finding carries (the review
letters' 修改要求, :meth:`Context.correction`)."""


class Rule:
    """Base class of a rule.  Subclasses set the metadata and implement one or more hooks.

    Hooks (each optional), called by the engine while it walks the document once:
      - ``on_document(doc, ctx)``
      - ``on_section(section, ctx)``
      - ``on_table(table, ctx)``
      - ``on_claim(claim, ctx)``
      - ``on_index(report, index, ctx)``: cross-report rules (GX7) only — ``report`` is this
        report's entry in the index of many reports (:class:`gxlint.across.Entry`), ``index`` the
        :class:`gxlint.across.Index`; called when gxlint reads several reports, never with bytes
        or files; ``ctx.doc`` may be None (the report was indexed from the cache)
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    summary_en: ClassVar[str] = ""        # the docstring's title in English (gxlint rules/rule --lang en)
    family: ClassVar[str] = ""            # structure, template, arithmetic, prose, meta, hygiene, engine
    severity: ClassVar[Severity] = Severity.WARNING
    fixable: ClassVar[bool] = False
    messages: ClassVar[dict[str, dict[str, str]]] = {}
    emitted_by_engine: ClassVar[bool] = False   # GX001/GX002: documentation only, the engine reports them

    # filled in by the registry
    module: ClassVar[str] = ""
    doc: ClassVar[str] = ""

    def __init__(self, settings: "Optional[Settings]" = None) -> None:
        self.settings = settings


class Context:
    """What a hook gets besides the node: the document, the settings, and ``report``."""

    __slots__ = ("doc", "settings", "lang", "rule", "severity", "_sink")

    def __init__(self, doc: Optional[Document], settings: "Settings", rule: Rule, severity: Severity, sink: list) -> None:
        # doc is None only for the engine's own GX001/GX002 (a file that could not be read or parsed)
        self.doc = doc
        self.settings = settings
        self.lang = settings.lang if settings.lang in ("zh", "en") else "zh"
        self.rule = rule
        self.severity = severity
        self._sink = sink

    @property
    def text(self) -> str:
        return self.doc.text

    def message(self, message_id: str, **kwargs: Any) -> str:
        msgs = self.rule.messages.get(message_id)
        if msgs is None:
            raise KeyError(f"{self.rule.code}: no message {message_id!r}")
        template = msgs.get(self.lang) or msgs.get("zh") or next(iter(msgs.values()))
        return template.format(**kwargs)

    def report(
        self,
        message_id: str,
        span: Span,
        *,
        related: Sequence[Related] = (),
        fix: Optional[Fix] = None,
        severity: Optional[Severity] = None,
        data: Optional[dict[str, Any]] = None,
        **kwargs: Any,
    ) -> Diagnostic:
        """Report a finding.  ``message_id`` keys ``Rule.messages``; kwargs fill its placeholders.

        ``severity`` lowers or raises this one finding (e.g. a warning for an ambiguous sentence);
        a configured severity override for the rule still wins.
        """
        sev = self.severity
        if severity is not None and not self.settings.has_severity_override(self.rule.code):
            sev = severity
        d = Diagnostic(
            code=self.rule.code,
            name=self.rule.name,
            severity=sev,
            message=self.message(message_id, **kwargs),
            span=span,
            related=list(related),
            fix=fix,
            data=dict(data or {}),
            rule=self.rule.module,
        )
        d.data.setdefault("message_id", message_id)
        if "correction" not in d.data:
            corr = self.correction(message_id, **kwargs)
            if corr:
                d.data["correction"] = corr
        self._sink.append(d)
        return d

    def correction(self, message_id: str, **kwargs: Any) -> str:
        """What the organ is asked to correct for a finding of ``message_id`` (the review letter's
        修改要求): the rule's message ``correct.<message_id>``, else its ``correct`` — filled with the
        same values as the finding's message, so the numbers agree.  "" when the rule has none."""
        for mid in (f"{CORRECT}.{message_id}", CORRECT):
            if mid in self.rule.messages:
                try:
                    return self.message(mid, **kwargs)
                except (KeyError, IndexError, ValueError):
                    continue
        return ""

    def related(self, span: Span, message_id: str, **kwargs: Any) -> Related:
        return Related(span, self.message(message_id, **kwargs))

    def related_in(self, path: str, ref: Any, message_id: str, **kwargs: Any) -> Related:
        """Related information in another report: ``ref`` is a cell of the cross-report index
        (:class:`gxlint.across.Ref`: offsets and positions in that report)."""
        return Related(Span(ref.start, ref.end), self.message(message_id, **kwargs), path, tuple(ref.position))


def template_data(version: str) -> dict:
    """The template (TOML data) of a version: v2019 / v2021, or "common"."""
    from . import templates

    return templates.common() if version == "common" else templates.version(version)


def plain_text(s: str) -> str:
    """A (normalised) label with punctuation, spaces and quotes removed: for wording comparisons."""
    from .parse.tables.specs import plain
    from .parse.normalize import key

    return plain(key(s))


def table_labels_present(kind: str, text: str) -> bool:
    """The captions/column headers of table ``kind`` (t2/t3/t4) are in ``text``: the table is there,
    even where its cells could not be read (the parser then marks it unreadable)."""
    from .parse.tables.specs import table_labels_present as present

    return present(kind, plain_text(text))


def paragraph_keys(doc: Document) -> list:
    """0-based line → paragraph key.  A table is one paragraph; so is a run of short cell-like
    lines (table cells the parser did not read as a table: one cell per line, blank lines between);
    any other line is its own paragraph.  Computed once per document (GX601 and GX602 aggregate by it)."""
    cached = doc.cache.get("paragraph_keys")
    if cached is not None:
        return cached
    lines = doc.lines
    tables = [(lines.line_of(t.span.start), lines.line_of(max(t.span.start, t.span.end - 1)))
              for t in doc.tables.values()]
    keys: list = []
    run = None
    for ln in range(lines.count):
        s = lines.line_text(ln).strip(" \t\u3000\u00a0|")
        k = next((("table", i) for i, (a, b) in enumerate(tables) if a <= ln <= b), None)
        if k is None and not s:
            keys.append(run or ("line", ln))      # a blank line does not end a run of cells
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
    from .parse import paragraphs as _paragraphs

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
        if meta.title_span is not None:         # the page above the report's title
            fixed.append(Span(0, meta.title_span.start))
        # a page flattened into one line: before the first section, what stands on a line ahead of
        # page chrome is the page's header too (a breadcrumb whose anchor a scan broke: 当 前位置)
        first = min((s.span.start for s in doc.sections), default=len(doc.text))
        for c in doc.debris.chrome:
            if c.span.end <= first:
                fixed.append(Span(doc.lines.line_start(doc.lines.line_of(c.span.start)), c.span.end))
        if meta.signature.date_span is not None:    # the page below its signature
            fixed.append(Span(meta.signature.date_span.end, len(doc.text)))
        doc.cache["not_prose"] = fixed
    if any(f.start < span.end and span.start < f.end for f in fixed):
        return False
    from .parse.paragraphs import is_table_line

    lines = doc.lines
    text = doc.text
    tabled = [s.body for s in doc.sections if s.index in (2, 3, 4)]
    for ln in range(lines.line_of(span.start), lines.line_of(max(span.start, span.end - 1)) + 1):
        a, b = lines.line_start(ln), lines.line_end(ln)
        if b - a > _LONG_LINE:
            # a page on one line (a web archive, a one-line report): the sentence around the span,
            # from the table, heading or chrome before it to the one after it
            a = max(a, span.start - _LONG_LINE // 2, *(text.rfind(ch, a, span.start) + 1 for ch in "。！？"),
                    *(f.end for f in fixed if f.end <= span.start))
            b = min(b, span.end + _LONG_LINE // 2, *(e for ch in "。！？" if (e := text.find(ch, span.end, b)) >= 0),
                    *(f.start for f in fixed if f.start >= span.end))
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


def lexicon():
    """The word list and segmentation of :mod:`gxlint.lexicon` (loaded when first used)."""
    from . import lexicon as _lexicon

    return _lexicon


# identity helpers (imported last: identities imports fmt_num from here)
from .identities import COLUMN_NAMES, COLUMN_NAMES_EN, Identity, all_identities, row_name  # noqa: E402
from .certainty import Doubt, cell_certain, count_certain, doubts, reportable, shape_certain  # noqa: E402
