"""What changed since last year: two reports of one organ compared, cell by cell and section by
section (``gxlint compare OLD NEW``, the 与上年对比 view of ``gxlint report``, GX705, the editor's
hover and code lens).

- :class:`Digest`: what a comparison reads of one report, small enough for the cross-report
  index (:class:`gxlint.across.index.Entry`): every cell of tables 二/三/四 with whether it was
  read with certainty, and the prints of section 五's text (GX705).
- :func:`prose_of`: a section's text as compared — the normalised characters (simplified script,
  full-width folded, pinyin dropped) without white space, tables or page chrome, each with its
  original offset; so a PDF's wrapped lines, a web page's one-line text and a .docx compare equal.
- :func:`shared`: the passages of this year's text that stand in last year's: every run of at
  least :data:`K` characters found in last year's same section (K-character grams, CRC-32).
  The carried-over share of a section is the part of its characters inside such passages.
- :func:`compare`: two Documents → :class:`Comparison` (cells, key figures, a sentence summary,
  sections with their carried-over share and passages).

A value read without certainty (:attr:`gxlint.model.Cell.certain` false) is shown with the
comparison, marked; nothing here is a finding.  GX705 (warning) reads the prints; GX701 (error)
reads only the index's certain cells.
"""

from __future__ import annotations

import base64
import sys
import zlib
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional, TypeGuard

K = 8
"""Gram length: a passage counts as carried over from 8 characters on (measured: GX705's page)."""
PRINTED = (5,)
"""The sections whose prints the index keeps (GX705 reads them)."""
COPIED_SHARE = 0.5
"""GX705: section 五 is copied when this share of its characters stands in last year's 五."""
COPIED_MIN_CHARS = 40
"""GX705: a shorter section 五 is not checked."""
SECTIONS = (0, 1, 2, 3, 4, 5, 6)
SHORT_NAMES = {
    0: ("引言", "preamble"),
    1: ("一", "1"),
    2: ("二", "2"),
    3: ("三", "3"),
    4: ("四", "4"),
    5: ("五", "5"),
    6: ("六", "6"),
}
SECTION_NAMES = {
    0: ("（标题下的引言）", "(preamble)"),
    1: ("一、总体情况", "1. Overview"),
    2: ("二、主动公开政府信息情况", "2. Proactive disclosure"),
    3: ("三、收到和处理政府信息公开申请情况", "3. Requests received and handled"),
    4: ("四、政府信息公开行政复议、行政诉讼情况", "4. Administrative review and litigation"),
    5: ("五、存在的主要问题及改进情况", "5. Problems and improvements"),
    6: ("六、其他需要报告的事项", "6. Other matters"),
}
_SKIP = frozenset(" \t\r\n\u3000\u00a0\u2002\u2003\u200b\ufeff|│┃║")


# --- a section's text ----------------------------------------------------------------------


class Prose:
    """The characters compared (``text``) and the original offset of each (``pos``)."""

    __slots__ = ("text", "pos")

    def __init__(self, text: str, pos: "array") -> None:
        self.text, self.pos = text, pos

    def __len__(self) -> int:
        return len(self.text)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original [start, end) of kept characters [a, b)."""
        return self.pos[a], self.pos[b - 1] + 1


def _regions(doc, index: int) -> Optional[tuple[int, int]]:
    """Original [start, end) of a section's body, or of the preamble (index 0: after the title,
    before section 一)."""
    if index == 0:
        first = min((s.span.start for s in doc.sections), default=None)
        if first is None:
            return None
        t = doc.meta.title_span
        start = t.end if t is not None and t.end <= first else 0
        return (start, first) if first > start else None
    s = doc.section(index)
    if s is None:
        return None
    return s.body.start, s.body.end


def _holes(doc, a: int, b: int) -> list[tuple[int, int]]:
    """What inside [a, b) is not text compared: tables, page chrome, the title, the signature."""
    out = []
    for t in doc.tables.values():
        if t.span is not None and t.span.end > a and t.span.start < b:
            out.append((t.span.start, t.span.end))
    for r in doc.debris.residue:
        if r.span.end > a and r.span.start < b:
            out.append((r.span.start, r.span.end))
    for c in doc.debris.chrome:
        if c.span.end > a and c.span.start < b:
            out.append((c.span.start, c.span.end))
    for sp in (doc.meta.title_span, doc.meta.signature.span, doc.meta.signature.date_span):
        if sp is not None and sp.end > a and sp.start < b:
            out.append((sp.start, sp.end))
    out.sort()
    return out


def prose_of(doc, index: int) -> Optional[Prose]:
    """Section ``index``'s text as compared (None when the report has no such section)."""
    reg = _regions(doc, index)
    if reg is None:
        return None
    a, b = reg
    norm = doc.norm
    ntext = norm.text
    holes = _holes(doc, a, b)
    chars: list[str] = []
    pos = array("q")
    k = 0
    for i in range(norm.from_orig(a), norm.from_orig(b)):
        ch = ntext[i]
        if ch in _SKIP or ch.isspace():
            continue
        o = norm.to_orig(i)
        while k < len(holes) and holes[k][1] <= o:
            k += 1
        if k < len(holes) and holes[k][0] <= o:
            continue
        chars.append(ch)
        pos.append(o)
    return Prose("".join(chars), pos)


def grams(text: str) -> "array":
    """CRC-32 of every K-character gram of ``text``, in order."""
    crc = zlib.crc32
    return array("I", (crc(text[i : i + K].encode("utf-8")) for i in range(len(text) - K + 1)))


@dataclass
class Passage:
    """A run of this year's text found in last year's: kept-character ranges on both sides."""

    a: int
    b: int
    old_a: int
    old_b: int

    @property
    def chars(self) -> int:
        return self.b - self.a


def shared(new: "array", n_new: int, old: "array") -> list[Passage]:
    """The passages of this year's text (``new``: its grams; ``n_new`` characters) that stand in
    last year's (``old``: its grams): maximal runs of characters covered by grams found there,
    cut where last year's text does not go on in the same place (each passage is one run on
    both sides)."""
    if not len(new) or not len(old):
        return []
    where: dict[int, int] = {}
    for at, h in enumerate(old):
        where.setdefault(h, at)
    n_old = len(old)
    out: list[Passage] = []
    run_a = run_b = -1  # the current passage: new [run_a, run_b), old from old_a
    old_a = 0
    prev_i = prev_j = -1
    for i, h in enumerate(new):
        j = where.get(h)
        if j is None:
            continue
        if run_a >= 0 and i <= run_b:
            c = prev_j + (i - prev_i)
            if c < n_old and old[c] == h:  # last year's text goes on here too
                run_b, prev_i, prev_j = i + K, i, c
                continue
        # a new passage (the text jumps to another place of last year's, or a gap)
        if run_a >= 0:
            out.append(Passage(run_a, run_b, old_a, old_a + (run_b - run_a)))
        start = max(i, run_b) if run_a >= 0 else i
        if start >= i + K:
            run_a = -1
            continue
        run_a, run_b, old_a = start, i + K, j + (start - i)
        prev_i, prev_j = i, j
    if run_a >= 0:
        out.append(Passage(run_a, min(run_b, n_new), old_a, old_a + (min(run_b, n_new) - run_a)))
    return out


def share(passages: list[Passage], n: int) -> float:
    return sum(p.chars for p in passages) / n if n else 0.0


# --- the digest an index entry keeps -------------------------------------------------------


def cell_key(kind: str, rid: str, column: str) -> str:
    """t3.r1.np, t2.docs.valid, t4.rv.fix (the index's keys for cells)."""
    if kind == "t4":
        return f"t4.{column}"
    if kind == "t2" and rid.startswith("t2."):
        rid = rid[3:]
    return f"{kind}.{rid}.{column}"


def _pack(a: "array") -> str:
    if sys.byteorder == "big":  # pragma: no cover - the cache is little-endian everywhere
        a = array(a.typecode, a)
        a.byteswap()
    return base64.b64encode(a.tobytes()).decode("ascii")


def _unpack(s: str, typecode: str) -> "array":
    a = array(typecode)
    a.frombytes(base64.b64decode(s))
    if sys.byteorder == "big":  # pragma: no cover
        a.byteswap()
    return a


@dataclass
class Printed:
    """A section's prints in an index entry: its grams, how many characters it has, where each
    kept character stands (runs of consecutive offsets) and the lines it covers (for positions)."""

    n: int
    grams: "array"
    runs: list  # [[kept index, original offset], …]: a new run where offsets jump
    heading: tuple  # original [start, end) of the heading
    lines: list  # [[line, start offset], …] of the lines the section touches
    astral: list  # original offsets of characters outside the BMP (UTF-16 columns)

    def orig(self, i: int) -> int:
        k = bisect_right(self.runs, [i, float("inf")]) - 1
        ki, o = self.runs[max(k, 0)]
        return o + (i - ki)

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.orig(a), self.orig(b - 1) + 1

    def ref(self, start: int, end: int):
        """An index :class:`~gxlint.across.index.Ref` for [start, end) of the original text."""
        from .index import Ref

        starts = [x[1] for x in self.lines]

        def pos(o: int) -> tuple[int, int, int]:
            k = bisect_right(starts, o) - 1
            line, ls = self.lines[max(k, 0)] if self.lines else (0, 0)
            col = o - ls
            return line, col, col + sum(1 for x in self.astral if ls <= x < o)

        la, ca, ua = pos(start)
        lb, cb, ub = pos(end)
        return Ref(0.0, start, end, la, ca, lb, cb, ua, ub)

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "g": _pack(self.grams),
            "r": self.runs,
            "h": list(self.heading),
            "l": self.lines,
            "u": self.astral,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Printed":
        return cls(
            int(d["n"]),
            _unpack(d["g"], "I"),
            [list(map(int, x)) for x in d["r"]],
            tuple(d["h"]),
            [list(map(int, x)) for x in d["l"]],
            [int(x) for x in d.get("u") or ()],
        )


def _printed(doc, index: int) -> Optional[Printed]:
    p = prose_of(doc, index)
    s = doc.section(index)
    if p is None or s is None:
        return None
    runs: list = []
    last = None
    for i, o in enumerate(p.pos):
        if last is None or o != last + 1:
            runs.append([i, o])
        last = o
    lines = doc.lines
    a, b = s.body.start, max(s.body.end, s.body.start)
    first, last_line = lines.line_of(a), lines.line_of(b)
    line_list = [[n, lines.line_start(n)] for n in range(first, last_line + 1)]
    astral = (
        [i for i in range(a, b) if ord(doc.text[i]) > 0xFFFF]
        if not doc.text[a:b].isascii() and max(doc.text[a:b] or "a") > "\uffff"
        else []
    )
    return Printed(len(p), grams(p.text), runs, (s.span.start, s.span.end), line_list, astral)


@dataclass
class Digest:
    """What a comparison reads of one report (kept in its index entry)."""

    values: dict = field(default_factory=dict)  # cell key → value (every readable cell)
    doubt: set = field(default_factory=set)  # cell keys read without certainty
    templates: dict = field(default_factory=dict)  # table kind → template version of its labels
    prose: dict = field(default_factory=dict)  # section index → Printed (PRINTED only)

    def value(self, key: str) -> Optional[float]:
        return self.values.get(key)

    def certain(self, key: str) -> bool:
        return key in self.values and key not in self.doubt

    def to_dict(self) -> dict:
        return {
            "v": {k: int(v) if float(v).is_integer() else v for k, v in self.values.items()},
            "d": sorted(self.doubt),
            "t": self.templates,
            "p": {str(k): p.to_dict() for k, p in self.prose.items()},
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Digest":
        return cls(
            {k: float(v) for k, v in (d.get("v") or {}).items()},
            set(d.get("d") or ()),
            dict(d.get("t") or {}),
            {int(k): Printed.from_dict(p) for k, p in (d.get("p") or {}).items()},
        )


def _int(v, lo: int = 0, hi: int = 1 << 40) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool) and lo <= v < hi


def _pairs(v) -> TypeGuard[list[list[int]]]:
    return isinstance(v, list) and all(isinstance(x, list) and len(x) == 2 and _int(x[0]) and _int(x[1]) for x in v)


def validate_digest(d) -> None:
    """``d`` exactly as :meth:`Digest.to_dict` writes it, or ValueError (the index cache validates
    every entry it reads: a poisoned digest is rebuilt, never a traceback)."""
    import binascii
    import math

    if not isinstance(d, dict):
        raise ValueError("not an object")
    v, doubt, tpl, prose = d.get("v"), d.get("d"), d.get("t"), d.get("p")
    if (
        not isinstance(v, dict)
        or len(v) > 10_000
        or not all(
            isinstance(k, str)
            and len(k) <= 64
            and isinstance(x, (int, float))
            and not isinstance(x, bool)
            and math.isfinite(x)
            for k, x in v.items()
        )
    ):
        raise ValueError("values")
    if not isinstance(doubt, list) or not all(isinstance(k, str) and len(k) <= 64 for k in doubt):
        raise ValueError("doubt")
    if not isinstance(tpl, dict) or not all(isinstance(k, str) and isinstance(x, str) for k, x in tpl.items()):
        raise ValueError("templates")
    if not isinstance(prose, dict) or len(prose) > len(SECTIONS):
        raise ValueError("prose")
    for k, p in prose.items():
        if not (isinstance(k, str) and k.isdigit() and int(k) in SECTIONS and isinstance(p, dict)):
            raise ValueError("prose")
        n, g = p.get("n"), p.get("g")
        if not _int(n, 0, 1 << 24) or not isinstance(g, str):
            raise ValueError("prose count")
        try:
            size = len(base64.b64decode(g, validate=True))
        except (binascii.Error, ValueError):
            raise ValueError("prose grams") from None
        if size != 4 * max(0, n - K + 1):
            raise ValueError("prose grams")
        runs, head, lines, astral = p.get("r"), p.get("h"), p.get("l"), p.get("u")
        if (
            not _pairs(runs)
            or not runs
            and n
            or any(a[0] >= b[0] for a, b in zip(runs, runs[1:]))
            or any(r[0] >= n for r in runs)
        ):
            raise ValueError("prose runs")
        if not (isinstance(head, list) and len(head) == 2 and _int(head[0]) and _int(head[1])):
            raise ValueError("prose heading")
        if not _pairs(lines) or not (astral is None or isinstance(astral, list) and all(_int(x) for x in astral)):
            raise ValueError("prose lines")


def digest_of(doc) -> Digest:
    """The digest of a parsed report."""
    dg = Digest()
    for kind, t in doc.tables.items():
        if t.version:
            dg.templates[kind] = t.version
        for row in t.rows.values():
            if row.unreadable:
                continue  # digits that could not be split into cells: no value to show
            doubtful = bool(t.unreadable or row.unreliable)
            for c in row.cells:
                if c.value is None or c.malformed is not None:
                    continue
                key = cell_key(kind, row.id, c.column)
                dg.values[key] = c.value
                if doubtful or not c.certain:
                    dg.doubt.add(key)
    for idx in PRINTED:
        p = _printed(doc, idx)
        if p is not None:
            dg.prose[idx] = p
    return dg


# --- the comparison ------------------------------------------------------------------------

# the key figures, in the order a reviewer reads them: (id, zh, en, cells added up)
FIGURES = (
    ("received", "本年新收政府信息公开申请", "new requests", ("t3.r1.tot",)),
    ("carried_in", "上年结转申请", "requests carried over from last year", ("t3.r2.tot",)),
    ("handled", "办理结果总计", "requests handled", ("t3.r3_7.tot",)),
    ("disclosed", "予以公开", "disclosed", ("t3.r3_1.tot",)),
    ("review", "行政复议", "administrative reviews", ("t4.rv.tot",)),
    ("review_fix", "行政复议结果纠正", "reviews corrected", ("t4.rv.fix",)),
    ("litigation", "行政诉讼", "lawsuits", ("t4.ld.tot", "t4.lr.tot")),
    ("litigation_fix", "行政诉讼结果纠正", "lawsuits corrected", ("t4.ld.fix", "t4.lr.fix")),
    ("carried_out", "结转下年度继续办理", "carried into next year", ("t3.r4.tot",)),
    ("docs_valid", "现行有效行政规范性文件", "normative documents in force", ("t2.docs.valid",)),
    ("rules_valid", "现行有效规章", "rules in force", ("t2.rules.valid",)),
)
SHARE = ("disclosed_share", "予以公开占办理总数", "disclosed of handled")


@dataclass
class Figure:
    id: str
    zh: str
    en: str
    old: Optional[float]
    new: Optional[float]
    certain: bool  # every cell behind both values read with certainty
    unit: str = "件"

    @property
    def delta(self) -> Optional[float]:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def pct(self) -> Optional[float]:
        d = self.delta
        return None if d is None or not self.old or self.unit == "%" else d / self.old * 100

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "label": self.zh,
            "label_en": self.en,
            "old": self.old,
            "new": self.new,
            "change": self.delta,
            "percent": _round(self.pct),
            "unit": self.unit,
            "certain": self.certain,
        }


@dataclass
class CellChange:
    key: str
    table: str
    row: str
    column: str
    row_label: str
    column_label: str
    old: Optional[float]
    new: Optional[float]
    old_certain: bool
    new_certain: bool

    @property
    def delta(self) -> Optional[float]:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def certain(self) -> bool:
        return self.old_certain and self.new_certain

    @property
    def changed(self) -> bool:
        """Both read with certainty and different (a value read without certainty changes nothing)."""
        return self.certain and self.old is not None and self.new is not None and self.old != self.new

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "row_label": self.row_label,
            "column_label": self.column_label,
            "old": self.old,
            "new": self.new,
            "change": self.delta if self.certain else None,
            "changed": self.changed,
            "old_certain": self.old_certain,
            "new_certain": self.new_certain,
        }


@dataclass
class SectionChange:
    index: int
    title: str
    old_chars: int
    new_chars: int
    share: Optional[float]  # of this year's characters; None: not in both
    passages: list = field(default_factory=list)  # [{"new": [a, b], "old": [a, b], "chars": n, "text": …}]
    old_span: Optional[tuple] = None  # the section (heading and body) in each text
    new_span: Optional[tuple] = None

    @property
    def copied(self) -> bool:
        """What GX705 says of section 五 (the other sections are shown, never ruled on)."""
        return (
            self.index in PRINTED
            and self.share is not None
            and self.new_chars >= COPIED_MIN_CHARS
            and self.share >= COPIED_SHARE
        )

    def to_dict(self) -> dict:
        return {
            "index": self.index,
            "title": self.title,
            "old_chars": self.old_chars,
            "new_chars": self.new_chars,
            "carried_share": _round(self.share, 4),
            "copied": self.copied,
            "old_span": list(self.old_span) if self.old_span else None,
            "new_span": list(self.new_span) if self.new_span else None,
            "passages": self.passages,
        }


@dataclass
class Side:
    path: str
    organ: Optional[str]
    organ_source: str
    organ_key: Optional[str]
    year: Optional[int]
    template: Optional[str]
    format: str = "text"

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "organ": self.organ,
            "organ_source": self.organ_source,
            "organ_key": self.organ_key,
            "year": self.year,
            "template": self.template,
            "format": self.format,
        }


@dataclass
class Comparison:
    old: Side
    new: Side
    organ: str  # same / places (one organ, written with and without its places) / unsettled / different
    figures: list
    cells: list
    sections: list
    summary: str
    summary_en: str
    old_text: Optional[str] = None
    new_text: Optional[str] = None

    @property
    def changed_cells(self) -> list:
        return [c for c in self.cells if c.changed]

    def to_dict(self, texts: bool = False) -> dict:
        d = {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "organ": self.organ,
            "summary": self.summary,
            "summary_en": self.summary_en,
            "figures": [f.to_dict() for f in self.figures],
            "cells": [c.to_dict() for c in self.cells],
            "changed": sum(1 for c in self.cells if c.changed),
            "sections": [s.to_dict() for s in self.sections],
        }
        if texts:
            d["old_text"], d["new_text"] = self.old_text, self.new_text
        return d


def _round(v: Optional[float], nd: int = 1) -> Optional[float]:
    return None if v is None else round(v, nd)


def _sum(dg: Optional[Digest], keys) -> tuple[Optional[float], bool]:
    if dg is None:
        return None, False
    vals = [dg.value(k) for k in keys]
    if all(v is None for v in vals):
        return None, False
    if any(v is None for v in vals) and len(keys) > 1:
        return None, False
    return sum(v for v in vals if v is not None), all(dg.certain(k) for k in keys)


def figures_of(old: Optional[Digest], new: Optional[Digest]) -> list[Figure]:
    """The key figures of two years (either may be None: a value only this year)."""
    out = []
    for fid, zh, en, keys in FIGURES:
        a, ca = _sum(old, keys)
        b, cb = _sum(new, keys)
        if a is None and b is None:
            continue
        if fid == "rules_valid" and not a and not b:
            continue  # no rule-making power (most organs): nothing to say
        out.append(Figure(fid, zh, en, a, b, ca and cb))
        if fid == "disclosed":
            sa = _ratio(old, "t3.r3_1.tot", "t3.r3_7.tot")
            sb = _ratio(new, "t3.r3_1.tot", "t3.r3_7.tot")
            if sa is not None or sb is not None:
                cert = all(d is not None and d.certain(k) for d in (old, new) for k in ("t3.r3_1.tot", "t3.r3_7.tot"))
                out.append(Figure(SHARE[0], SHARE[1], SHARE[2], sa, sb, cert, "%"))
    return out


def _ratio(dg: Optional[Digest], a: str, b: str) -> Optional[float]:
    if dg is None:
        return None
    x, y = dg.value(a), dg.value(b)
    return None if x is None or not y else x / y * 100


def _labels(kind: str, version: Optional[str]) -> tuple[dict, dict]:
    """(row id → label, column id → label) of a table in a template version."""
    from .. import templates
    from ..identities import COLUMN_NAMES, T4_GROUPS, T4_PARTS

    rows: dict = {}
    cols: dict = {}
    try:
        tpl = templates.version(version or "v2021")
    except Exception:
        tpl = templates.version("v2021")
    if kind == "t2":
        for block in tpl["t2"]["block"]:
            for rid, label in block["rows"]:
                rows.setdefault(rid[3:] if rid.startswith("t2.") else rid, label)
            for cid, label in block["columns"]:
                cols.setdefault(cid, label)
    elif kind == "t3":
        blocks = {k: v.replace("(", "（").replace(")", "）") for k, v in (tpl["t3"].get("blocks") or {}).items()}
        for rid, label in tpl["t3"]["rows"]:
            label = label.replace("(", "（").replace(")", "）")
            if label.startswith("（") and "）" in label:  # （二）部分公开（区分处理的……） → （二）部分公开
                i = label.index("）")
                label = label[: i + 1] + label[i + 1 :].split("（")[0]
            parts = rid.split("_")
            if len(parts) == 3:
                label = f"{blocks.get('_'.join(parts[:2]), '')} {label}".strip()
            rows[rid] = label
        cols = dict(COLUMN_NAMES)
    else:
        for g, gname in T4_GROUPS:
            for p, pname in T4_PARTS:
                cols[f"{g}.{p}"] = f"{gname}·{pname}"
            cols[f"{g}.tot"] = f"{gname}·总计"
    return rows, cols


_COLUMN_ORDER = ("np", "ce", "ri", "sw", "ls", "ot", "sub", "tot")


def _order(kind: str, version: Optional[str]) -> dict:
    """Sort keys: template row order, then column order."""
    from .. import templates

    try:
        tpl = templates.version(version or "v2021")
    except Exception:
        tpl = templates.version("v2021")
    if kind == "t3":
        return {rid: k for k, (rid, _l) in enumerate(tpl["t3"]["rows"])}
    if kind == "t2":
        out: dict = {}
        for block in tpl["t2"]["block"]:
            for rid, _l in block["rows"]:
                out.setdefault(rid[3:], len(out))
        return out
    return {}


def _t4_order() -> dict:
    from ..identities import T4_GROUPS, T4_PARTS

    parts = [p for p, _n in T4_PARTS] + ["tot"]
    return {f"{g}.{p}": gi * 10 + pi for gi, (g, _n) in enumerate(T4_GROUPS) for pi, p in enumerate(parts)}


def cells_of(old: Optional[Digest], new: Optional[Digest]) -> list[CellChange]:
    """Every cell of tables 二/三/四 in either year, in table order, with both values."""
    keys = set(old.values if old else ()) | set(new.values if new else ())
    out = []
    by_kind: dict = {}
    for key in keys:
        by_kind.setdefault(key.split(".", 1)[0], []).append(key)
    for kind in ("t2", "t3", "t4"):
        ks = by_kind.get(kind)
        if not ks:
            continue
        version = (new.templates.get(kind) if new else None) or (old.templates.get(kind) if old else None)
        other = old.templates.get(kind) if old else None
        rows, cols = _labels(kind, version)
        if other and other != version:
            r2, c2 = _labels(kind, other)
            for k, v in r2.items():
                rows.setdefault(k, v)
            for k, v in c2.items():
                cols.setdefault(k, v)
        order = _order(kind, version)
        if other and other != version:
            for k, v in _order(kind, other).items():
                order.setdefault(k, v + 0.5)

        def split(key: str) -> tuple[str, str]:
            rest = key.split(".", 1)[1]
            if kind == "t4":
                return "t4", rest
            # two parts: the keys of tables 2 and 3 are kind.row.column (cell_key)
            return tuple(rest.split(".", 1))  # type: ignore[return-value]

        t4 = _t4_order()

        def sort_key(key: str):
            rid, col = split(key)
            ci = _COLUMN_ORDER.index(col) if col in _COLUMN_ORDER else t4.get(col, 50)
            return (order.get(rid, 999), ci, col)

        for key in sorted(ks, key=sort_key):
            rid, col = split(key)
            out.append(
                CellChange(
                    key,
                    kind,
                    rid,
                    col,
                    rows.get(rid, "表四" if kind == "t4" else rid),
                    cols.get(col, col),
                    old.value(key) if old else None,
                    new.value(key) if new else None,
                    bool(old and old.certain(key)),
                    bool(new and new.certain(key)),
                )
            )
    return out


def _n(v: Optional[float], unit: str = "件") -> str:
    from ..diagnostics import fmt_num

    if v is None:
        return "—"
    return (f"{v:.1f}%" if unit == "%" else f"{fmt_num(v)} {unit}") if unit else fmt_num(v)


def _change_zh(f: Figure) -> str:
    """比上年增加 37 件（+40.7%） / 与上年持平 / 上年为 0 / 上年报告中无此项"""
    if f.old is None:
        return "上年报告中无此项"
    d = f.delta
    assert d is not None  # summary() says only figures with this year's value
    if d == 0:
        return "与上年持平"
    if not f.old:
        return "上年为 0"
    word = "增加" if d > 0 else "减少"
    return f"比上年{word} {_n(abs(d))}（{f.pct:+.1f}%）"


def _change_en(f: Figure) -> str:
    from ..diagnostics import fmt_num

    if f.old is None:
        return "not in last year's report"
    d = f.delta
    assert d is not None  # summary() says only figures with this year's value
    if d == 0:
        return "as last year"
    if not f.old:
        return "up from 0"
    return f"{'up' if d > 0 else 'down'} {fmt_num(abs(d))} ({f.pct:+.1f}%)"


# how the summary names each figure, and which figures it leaves out when they are 0 both years
_SAY = {
    "received": ("依申请公开申请", "requests"),
    "handled": ("办结", "handled"),
    "carried_in": ("上年结转", "carried over from last year"),
    "carried_out": ("结转下年度", "carried into next year"),
    "docs_valid": ("现行有效行政规范性文件", "normative documents in force"),
    "rules_valid": ("现行有效规章", "rules in force"),
    "review": ("行政复议", "administrative reviews"),
    "litigation": ("行政诉讼", "lawsuits"),
}
_QUIET_AT_ZERO = ("carried_in", "carried_out", "review", "litigation")


def summary(figs: list[Figure], lang: str = "zh") -> str:
    """The key figures in one paragraph: 依申请公开申请 128 件，比上年增加 37 件（+40.7%）；…
    A figure read without certainty is marked; figures that are 0 both years are said together."""
    from ..diagnostics import fmt_num

    en = lang == "en"
    by = {f.id: f for f in figs}
    parts: list[str] = []
    zeros: list[str] = []
    for fid in (
        "received",
        "handled",
        "disclosed",
        "carried_in",
        "carried_out",
        "review",
        "litigation",
        "docs_valid",
        "rules_valid",
    ):
        f = by.get(fid)
        if f is None or f.new is None:
            continue
        doubt = (" (read without certainty)" if en else "（读取不确定）") if not f.certain else ""
        if fid in _QUIET_AT_ZERO and not f.new and not f.old:
            zeros.append(_SAY[fid][1 if en else 0])
            continue
        if fid == "disclosed":
            sh = by.get(SHARE[0])
            if en:
                txt = f"disclosed: {fmt_num(f.new)}"
                if sh is not None and sh.new is not None:
                    txt += f", {sh.new:.1f}% of those handled" + (
                        f" (last year {sh.old:.1f}%)" if sh.old is not None else ""
                    )
            else:
                txt = f"予以公开 {_n(f.new)}"
                if sh is not None and sh.new is not None:
                    txt += f"，占办理总数的 {sh.new:.1f}%" + (f"（上年 {sh.old:.1f}%）" if sh.old is not None else "")
            parts.append(txt + doubt)
            continue
        zh, e = _SAY[fid]
        txt = f"{e}: {fmt_num(f.new)}, {_change_en(f)}" if en else f"{zh} {_n(f.new)}，{_change_zh(f)}"
        fix = by.get(fid + "_fix")
        if fix is not None and fix.new:
            txt += f", of which {fmt_num(fix.new)} corrected" if en else f"，其中被纠正 {_n(fix.new)}"
        parts.append(txt + doubt)
    if zeros:
        if en:
            names = ", ".join(zeros[:-1]) + " and " + zeros[-1] if len(zeros) > 1 else zeros[0]
            parts.append(names + ": none, as last year")
        else:
            parts.append("、".join(zeros) + ("均为 0" if len(zeros) > 1 else "为 0") + "，与上年相同")
    if not parts:
        return ""
    return ("; ".join(parts) + ".") if en else ("；".join(parts) + "。")


def summary_zh(figs: list[Figure]) -> str:
    return summary(figs, "zh")


def summary_en(figs: list[Figure]) -> str:
    return summary(figs, "en")


def organ_relation(old_key: Optional[str], new_key: Optional[str]) -> str:
    """same / places / unsettled / different (:func:`gxlint.across.organ.related`)."""
    from . import organ as _organ

    if old_key and old_key == new_key:
        return "same"
    if old_key and new_key and _organ.compatible(old_key, new_key):
        return "places"
    if not old_key or not new_key or _organ.related(old_key, new_key):
        return "unsettled"
    return "different"


def side_of(doc, path: str, fmt: str = "text", aliases=None) -> Side:
    from . import organ as _organ

    written, source, _span = _organ.of_document(doc, path)
    return Side(
        path, written, source if written else "", _organ.normalize(written, aliases), doc.meta.year, doc.template, fmt
    )


def sections_of(old_doc, new_doc, *, quote: int = 400) -> list[SectionChange]:
    """Each section's carried-over share and passages (this year's text against last year's)."""
    out = []
    for idx in SECTIONS:
        pn, po = prose_of(new_doc, idx), prose_of(old_doc, idx)
        title = SECTION_NAMES[idx][0]
        s = new_doc.section(idx) if idx else None
        if s is not None:
            title = s.title.strip() or s.canonical
        if pn is None and po is None:
            continue
        spans = _whole(old_doc, idx), _whole(new_doc, idx)
        if pn is None or po is None or not len(pn):
            out.append(SectionChange(idx, title, len(po) if po else 0, len(pn) if pn else 0, None, [], *spans))
            continue
        ps = shared(grams(pn.text), len(pn), grams(po.text))
        rows = []
        for p in ps:
            na, nb = pn.span(p.a, p.b)
            oa, ob = po.span(p.old_a, min(p.old_b, len(po)))
            rows.append({"new": [na, nb], "old": [oa, ob], "chars": p.chars, "text": new_doc.text[na:nb][:quote]})
        out.append(SectionChange(idx, title, len(po), len(pn), share(ps, len(pn)), rows, *spans))
    return out


def _whole(doc, idx: int) -> Optional[tuple]:
    """A section with its heading (the preamble for 0), as original offsets."""
    if idx == 0:
        return _regions(doc, 0)
    s = doc.section(idx)
    return None if s is None else (s.span.start, max(s.body.end, s.span.end))


def compare(
    old_doc,
    new_doc,
    old_path: str = "",
    new_path: str = "",
    *,
    old_format: str = "text",
    new_format: str = "text",
    aliases=None,
    texts: bool = True,
) -> Comparison:
    """Last year's report (``old_doc``) and this year's (``new_doc``), compared."""
    dold, dnew = digest_of(old_doc), digest_of(new_doc)
    figs = figures_of(dold, dnew)
    so = side_of(old_doc, old_path, old_format, aliases)
    sn = side_of(new_doc, new_path, new_format, aliases)
    return Comparison(
        so,
        sn,
        organ_relation(so.organ_key, sn.organ_key),
        figs,
        cells_of(dold, dnew),
        sections_of(old_doc, new_doc),
        summary_zh(figs),
        summary_en(figs),
        old_doc.text if texts else None,
        new_doc.text if texts else None,
    )


def printed_share(new: Digest, old: Digest, index: int = 5) -> Optional[tuple[float, list[Passage], Printed, Printed]]:
    """Section ``index``'s carried-over share from two digests (GX705): (share, passages, this
    year's prints, last year's), or None when either has no prints of it."""
    pn, po = new.prose.get(index), old.prose.get(index)
    if pn is None or po is None or not pn.n:
        return None
    ps = shared(pn.grams, pn.n, po.grams)
    return share(ps, pn.n), ps, pn, po
