"""Plain data: the parsed report.

Every node carries a :class:`Span` — start/end code-point offsets into the *original* text
(``Document.text``).  The parser matches on a normalised copy (``Document.norm``) but always maps
positions back, so a diagnostic built from any node points at what the user wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pragma: no cover
    from .parse.normalize import NormText
    from .positions import LineIndex


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open range [start, end) of code-point offsets into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            object.__setattr__(self, "end", self.start)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end or (self.start == self.end == offset)

    def cover(self, other: "Span") -> "Span":
        return Span(min(self.start, other.start), max(self.end, other.end))

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(slots=True)
class Section:
    """One of the six required parts (一 … 六) of the report."""

    index: int  # 1..6, the section this heading names (by its title)
    numeral: str  # the numeral written in the heading ("三"), may differ from index
    title: str  # heading text as written (original text)
    span: Span  # the heading itself
    body: Span  # from the end of the heading to the next section heading (or EOF)
    canonical: str  # 一、总体情况 …
    inline: bool = False  # heading found mid-line (one-line documents)


# How a cell was read, strongest first (docs/zh/certainty.md, docs/en/certainty.md).  An error may
# rest only on a cell graded native, delimited or recovered (gxlint.certainty).
NATIVE = "native"  # a cell of the document's own table (.docx, .html, a ruled .pdf)
DELIMITED = "delimited"  # between explicit separators in text (| tab │), or one of a row's numbers
# separated by spaces or line breaks, exactly as many as the template has
RECOVERED = "recovered"  # repaired, and the repair is the only reading the text admits: a run of
# digits split into cells, a number wrapped in its cell joined, a number
# cut off the label it was glued to
GUESSED = "guessed"  # one reading among several: values placed by position (a label apart from
# its values), rows a converter merged taken apart, a row with more or
# fewer numbers than the template, a number taken for a page number
GRADES = (NATIVE, DELIMITED, RECOVERED, GUESSED)
CERTAIN = frozenset((NATIVE, DELIMITED, RECOVERED))


@dataclass(slots=True)
class Cell:
    """A numeric cell of a table row."""

    column: str  # column id (np, ce, ri, sw, ls, ot, sub, tot, rv.keep, made, …)
    raw: str  # the cell as written (original text)
    span: Span
    value: Optional[float] = None  # None when blank or unreadable
    blank: bool = False  # the cell is empty (missing, not 0)
    malformed: Optional[str] = None  # why the text is not a well-formed number (GX205)
    certainty: str = DELIMITED  # how it was read: NATIVE, DELIMITED, RECOVERED or GUESSED
    how: str = ""  # the repair behind a recovered or guessed reading (parse.tables.tokens.REPAIRS)

    @property
    def ok(self) -> bool:
        return self.value is not None and self.malformed is None

    @property
    def certain(self) -> bool:
        """Read with certainty: an error may rest on it."""
        return self.certainty in CERTAIN

    @property
    def recovered(self) -> bool:
        """Read by a repair that is the only reading the text admits (a run of digits split …)."""
        return self.certainty == RECOVERED

    @property
    def int_value(self) -> Optional[int]:
        return None if self.value is None else int(round(self.value))


@dataclass(slots=True)
class Row:
    """A data row of table 二/三/四, identified against the template."""

    id: str  # template row id: r1, r3_3_2, rv (table 四), t2.rules …
    label: str  # template label (canonical)
    written: str  # the label as written (original text, fragments joined by spaces)
    label_span: Optional[Span]
    cells: list[Cell] = field(default_factory=list)
    expected: int = 0  # number of cells the template gives this row
    found: int = 0  # number of numeric tokens read for the row (before trimming/padding)
    block: str = ""  # caption/block this row belongs to (table 二: 第二十条第（一）项)
    label_exact: bool = True  # the written label matches the template up to punctuation/space/script
    unreliable: bool = False  # cell count wrong: values cannot be trusted for identities
    unreadable: Optional[str] = None  # why the row's cells cannot be read with certainty
    # (parse.tables.repairs.flatten: "glued", "no_label" …); then unreliable too
    assumed: tuple = ()  # identities (T3.rowsum, T4.sum:rv …) the reading relied on: they hold
    # by construction and are not checked (see parse.tables.repairs.flatten)
    delimited: bool = True  # its numbers stand between explicit separators (| tab │) or in a
    # document's own cells: how many there are is certain (GX204 may be an
    # error); False for numbers separated by spaces or line breaks only
    impossible: tuple = ()  # a row that could not be split with certainty (unreadable "glued"):
    # its identities (T3.rowsum, T4.sum:lr …) that no split makes hold
    likely: list = field(default_factory=list)  # … and the cells of its most likely split (guessed)

    @property
    def span(self) -> Span:
        parts = [c.span for c in self.cells if c.span is not None]
        if self.label_span is not None:
            parts.append(self.label_span)
        if not parts:
            return Span(0, 0)
        return Span(min(p.start for p in parts), max(p.end for p in parts))

    def cell(self, column: str) -> Optional[Cell]:
        for c in self.cells:
            if c.column == column:
                return c
        return None

    def value(self, column: str) -> Optional[float]:
        c = self.cell(column)
        return None if c is None else c.value


@dataclass(slots=True)
class HeaderLabel:
    """A column or caption label of a table, as written, compared with the template."""

    written: str
    span: Span
    expected: Optional[str]  # the template label it stands for (None: unrecognised)
    exact: bool = True


@dataclass(slots=True)
class Table:
    kind: str  # "t2", "t3", "t4"
    version: Optional[str]  # template version the table's labels follow (v2019/v2021)
    span: Span
    columns: list[str] = field(default_factory=list)
    rows: dict[str, Row] = field(default_factory=dict)  # template order
    missing: list[str] = field(default_factory=list)  # template rows not found (ids)
    headers: list[HeaderLabel] = field(default_factory=list)
    variant: str = ""  # "subtotal" for the 8-column 小计 variant of table 三
    truncated: bool = False  # the table stops before its last template row
    section: Optional[int] = None
    layout: str = ""  # "flattened": cell separators lost, cells recovered by parse.tables.repairs.flatten
    unreadable: Optional[str] = None  # why (part of) the table cannot be read with certainty (GX207):
    # "glued", "no_label", "no_values"; then GX103/GX203/GX204/
    # GX205 say nothing of it
    unreadable_span: Optional[Span] = None  # where: the first row that cannot be read
    assumed: set = field(default_factory=set)  # (identity id, column) a flattened reading relied on:
    # they hold by construction, not checked
    block_versions: dict[str, str] = field(default_factory=dict)  # table 二 blocks read in the other template
    strays: list[Span] = field(default_factory=list)  # numbers inside the table that no row took (a
    # value row whose label was lost): the table's shape is in doubt
    repairs: list[str] = field(default_factory=list)  # what the reader repaired to read the table
    # (parse.tables.tokens.REPAIRS keys, "spacer" …), in the order found

    def row(self, rid: str) -> Optional[Row]:
        return self.rows.get(rid)

    def value(self, rid: str, column: str) -> Optional[float]:
        r = self.rows.get(rid)
        return None if r is None else r.value(column)


@dataclass(slots=True)
class Claim:
    """A number stated in the prose, with what it counts (see template.md §8)."""

    value: float
    span: Span  # the number (original text)
    unit: str = ""  # 件 条 个 篇 期 次 人次 万元 元 %
    subject: str = ""  # what it counts: received, carried_over, answered, disclosed, …
    applicant: str = ""  # applicant type column when the sentence names one (np, ce, …)
    approx: bool = False  # 余/约/近/多/以上: never an exact claim
    negative: bool = False  # 未收到 / 无 / 未发生
    scope: str = ""  # 共 / 其中 / 含 / 另有 / 分别 / 均
    sentence: Span = Span(0, 0)
    context: str = ""  # the words around it, for messages
    extra: dict[str, Any] = field(default_factory=dict)


# --- what the parser reads around the report's body (gxlint.parse.meta, gxlint.parse.debris) ---


@dataclass(frozen=True, slots=True)
class DateMention:
    """A well-formed date in the text."""

    date: tuple[int, int, int]
    span: Span  # original text
    form: str  # cn (2024年1月17日), iso (2024-01-14), dot (2024.1.17), slash, hanzi (二〇二四年一月十七日)


@dataclass(frozen=True, slots=True)
class MalformedDate:
    """Date-like text that is not a valid date (``20231月1日``, ``2023年13月1日``)."""

    span: Span
    written: str
    reason: str  # missing-nian / bad-year / invalid


@dataclass(slots=True)
class Dates:
    """Every date of the text, in text order."""

    found: list[DateMention] = field(default_factory=list)  # well-formed
    malformed: list[MalformedDate] = field(default_factory=list)  # not a valid date (GX501)


@dataclass(frozen=True, slots=True)
class YearMention:
    """A place that states the report year."""

    year: int
    span: Span  # the year as written (original text)
    source: str  # title / period / period_end / body / opening / fee / caption


@dataclass(slots=True)
class Period:
    """The statistics period (本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止).

    ``span`` is set when a full date range is written; ``statement`` when only words that state a
    period are (统计期限, 数据截至 …), with no full date range."""

    span: Optional[Span] = None  # the date range (original text)
    year: Optional[int] = None  # the year it starts in
    end_year: Optional[int] = None  # the year it ends in, when written (2023年1月1日至2024年12月31日)
    statement: Optional[Span] = None  # a statement of the period that names no full date range

    @property
    def stated(self) -> bool:
        """The report states its statistics period (a date range, or in words)."""
        return self.span is not None or self.statement is not None


@dataclass(slots=True)
class Signature:
    """The 落款 on the last lines of the report (page residue skipped): the issuing organ and the date."""

    span: Optional[Span] = None  # organ and date together (or the one found)
    date: Optional[tuple[int, int, int]] = None
    date_span: Optional[Span] = None
    organ: Optional[str] = None  # the organ's name as written on the 落款 line
    organ_span: Optional[Span] = None
    content_end: Optional[int] = None  # original offset of the end of the report's last non-residue
    # line (where a missing 落款 belongs); None: no text at all


@dataclass(slots=True)
class Meta:
    """The report's title, year, organ, statistics period, dates, signature and publication date."""

    title: Optional[str] = None
    title_span: Optional[Span] = None
    title_norm: Optional[str] = None  # the title's normalised text (a title wrapped over two lines joined)
    year: Optional[int] = None  # the report year as decided
    year_source: str = ""  # title / period / body / signature / config
    year_mentions: list[YearMention] = field(default_factory=list)  # every place that states a year
    organ: Optional[str] = None
    organ_level: Optional[str] = None  # department / government / township / None
    organ_span: Optional[Span] = None  # where the organ's name was read
    organ_source: Optional[str] = None  # title / signature / source (the page's 来源) / None
    period: Period = field(default_factory=Period)
    dates: Dates = field(default_factory=Dates)
    signature: Signature = field(default_factory=Signature)
    published: Optional[tuple[int, int, int]] = None  # the publication date of the web page around it
    published_span: Optional[Span] = None


@dataclass(frozen=True, slots=True)
class ResidueLine:
    """A line of web-page chrome (来源：… 时间：… / 【打印本页】 / an archive's 标题: line)."""

    span: Span  # the line's content (original text, no line break)
    delete: Span  # what deleting the line removes (with one line break)
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class InlineChrome:
    """Web-page chrome inside a line of report text (a page flattened to one line)."""

    span: Span  # the chrome run (original text), never the report text around it
    delete: Span  # what deleting it removes (with the spaces after it)
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mojibake:
    """Text damaged by a wrong decoding."""

    span: Span  # original text
    kind: str  # lost (?), replacement (U+FFFD), gbk (UTF-8 read as GBK), latin (UTF-8 read as Latin-1), html
    written: str
    recovered: str = ""  # what the bytes say when read correctly (gbk / latin), if known


@dataclass(slots=True)
class Debris:
    """What is in the text but not the report's own: page residue, page chrome, mojibake."""

    residue: list[ResidueLine] = field(default_factory=list)  # whole lines of web-page chrome
    chrome: list[InlineChrome] = field(default_factory=list)  # chrome inside a line of report text
    mojibake: list[Mojibake] = field(default_factory=list)  # text damaged by a wrong decoding


# --- section headings as written (gxlint.parse.sections) ----------------------------------


@dataclass(frozen=True, slots=True)
class NonstandardHeading:
    """A section found under a heading that differs from the format's (GX202)."""

    index: int  # the section it stands for (1..6)
    form: str  # fuzzy (a typo or extra words) / alt (numbered its own way) / core (its core words only)
    span: Span


@dataclass(frozen=True, slots=True)
class DuplicateHeading:
    """A second heading of a section that already has one (GX102)."""

    index: int
    numeral: str  # the numeral written in it
    span: Span


@dataclass(slots=True)
class Headings:
    """Section headings beyond :attr:`Document.sections`: the ones written differently, repeated,
    or of the pre-2019 structure."""

    nonstandard: list[NonstandardHeading] = field(default_factory=list)
    duplicates: list[DuplicateHeading] = field(default_factory=list)
    old: list[Span] = field(default_factory=list)  # headings of the pre-2019 structure (概述, 依申请公开…)


@dataclass(slots=True)
class Document:
    text: str  # the original text, as decoded
    path: Optional[str]
    norm: "NormText"
    lines: "LineIndex"
    sections: list[Section] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    template: Optional[str] = None  # v2019 / v2021 / pre2019 / None
    expected_template: Optional[str] = None  # what the report year requires
    pre2019: Optional[Span] = None  # where the old structure was recognised
    headings: Headings = field(default_factory=Headings)
    debris: Debris = field(default_factory=Debris)
    cache: dict[str, Any] = field(default_factory=dict)  # what helpers compute once per document
    # (identities, paragraphs …), never parser output

    def section(self, index: int) -> Optional[Section]:
        for s in self.sections:
            if s.index == index:
                return s
        return None

    def table(self, kind: str) -> Optional[Table]:
        return self.tables.get(kind)

    @property
    def year(self) -> Optional[int]:
        return self.meta.year
