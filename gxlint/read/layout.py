"""The page geometry every fixed-layout reader shares: characters with boxes and ruling lines →
lines, paragraphs, ruled and unruled tables, page chrome and page breaks.

A reader of a fixed-layout format (:mod:`gxlint.read.pdf`, :mod:`gxlint.read.ofd`) gives, for each
page, its characters in *reading space* — points (1/72 inch), origin at the top left, y downwards —
as :class:`Char` (text, box, baseline, font size) and its ruling segments as horizontal
``(y, x0, x1)`` and vertical ``(x, y0, y1)`` edges; :func:`make_page` finds the tables and lines of
the page, and :func:`blocks` the document's blocks in reading order:

1. tables: connected ruling lines with at least two rows and two columns make a grid; a grid unit
   joins its neighbour where no ruling line separates them (merged cells), and the merged cell is
   expanded to the grid as :mod:`gxlint.read.blocks` describes; a cell's text is its lines joined
   (a row label wrapped inside its cell is one label);
2. text outside tables: lines by baseline, then paragraphs: a line that reaches the right margin
   continues on the next one unless that one is indented, a heading, in another size or far below
   (also across a page break), so a wrapped sentence is one paragraph;
3. page furniture: page numbers (``- 3 -``, ``第 3 页``, ``3/5``) and lines repeated in the top or
   bottom margin of several pages are dropped;
4. tables drawn without rules: a run of lines whose numbers stand in aligned columns (three rows
   or more) is cut into cells by those columns; label columns start where labels start in several
   rows; a label wrapped over lines joins the nearest row (an empty cell first);
5. a table that ends a page and a table that starts the next one with the same columns (or a
   subset: merged cells hide boundaries) are one table, on the union of their columns (a header
   row repeated on the new page is dropped).

Nothing here knows a file format: the readers turn their format's drawing into characters and
edges, and check what only they can tell (a scan, fonts without a Unicode map).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from ..io import DecodeError
from .blocks import Block, CellBlock, Para, TableBlock

# ----------------------------------------------------------------------------- data

_PAGE_NO = re.compile(
    r"^[\s\-—–－―_·•]*(?:第\s*)?[0-9一二三四五六七八九十]{1,4}\s*(?:页)?\s*(?:[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?"
    r"[\s\-—–－―_·•]*$|^(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"
)
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")
_SENTENCE_END = "。！？；：!?;:"


@dataclass(slots=True)
class Char:
    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  # baseline, top-down
    size: float


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    nchars: int
    chars: list  # its characters, left to right (aligned-column tables are cut from them)


@dataclass(slots=True)
class Table:
    page: int
    bbox: tuple[float, float, float, float]
    xs: list[float]
    ys: list[float]
    # cells: (r0, c0, r1, c1) inclusive grid ranges → text, bbox
    cells: list[tuple[int, int, int, int, str, tuple[float, float, float, float]]]

    @property
    def top(self) -> float:
        return self.bbox[1]

    def grid(self, xs: Optional[list[float]] = None) -> list[list[CellBlock]]:
        """The rows with merged cells expanded, on this table's columns or on ``xs`` (a finer set of
        column boundaries that contains this table's: the columns of a table continued on the next
        page, where some of them may be merged)."""
        xs = xs or self.xs
        col = [min(range(len(xs)), key=lambda k: abs(xs[k] - x)) for x in self.xs]
        nr, nc = len(self.ys) - 1, len(xs) - 1
        rows: list[list[Optional[CellBlock]]] = [[None] * nc for _ in range(nr)]
        for r0, c0, r1, c1, text, bb in self.cells:
            loc = {"page": self.page, "bbox": [round(v, 1) for v in bb]}
            u0, u1 = col[c0], max(col[c1 + 1] - 1, col[c0])
            for r in range(r0, r1 + 1):
                for c in range(u0, min(u1, nc - 1) + 1):
                    if rows[r][c] is None:
                        rows[r][c] = CellBlock(text if (r, c) == (r0, u0) else "", loc)
        return [[c if c is not None else CellBlock("", {"page": self.page}) for c in row] for row in rows]


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    images: int = 0
    nchars: int = 0
    unmapped: int = 0  # characters without a Unicode value (private use area, U+FFFD)
    stream: str = ""  # the first characters in content-stream order (see glyph_order)


# ----------------------------------------------------------------------------- entry point

# ----------------------------------------------------------------------------- one page


def make_page(
    number: int,
    width: float,
    height: float,
    chars: list[Char],
    h_edges: list[tuple[float, float, float]],
    v_edges: list[tuple[float, float, float]],
    *,
    images: int = 0,
    nchars: Optional[int] = None,
    unmapped: int = 0,
    stream: str = "",
) -> Page:
    """A page from its characters and ruling edges (reading space, see the module's docstring):
    its ruled tables with their text, and the lines of the text outside them."""
    out = Page(
        number,
        width,
        height,
        images=images,
        nchars=len(chars) if nchars is None else nchars,
        unmapped=unmapped,
        stream=stream,
    )
    tables = _tables(h_edges, v_edges, number)
    rest: list[Char] = []
    if tables:
        by_table: list[list[Char]] = [[] for _ in tables]
        for c in chars:
            cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
            for k, t in enumerate(tables):
                x0, y0, x1, y1 = t.bbox
                if x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1:
                    by_table[k].append(c)
                    break
            else:
                rest.append(c)
        for t, tc in zip(tables, by_table):
            if _fill(t, tc):
                out.tables.append(t)
            else:  # a frame around text, not a table: its text is ordinary text
                rest.extend(tc)
    else:
        rest = chars
    out.lines = _lines(rest, number)
    return out


def blocks(pages: list[Page]) -> list[Block]:
    """The document's blocks in reading order: page furniture dropped, tables drawn without rules
    found, paragraphs joined across lines and pages, tables across page breaks made one."""
    _drop_furniture(pages)
    for p in pages:
        _aligned_tables(p)
    return _assemble(pages)


def text_blocks(pages: list[Page], kind: str) -> list[Block]:
    """:func:`blocks` of a document that has text to read; else the GX002 that says why (``kind``
    names the format in the message id: ``scanned_pdf``, ``empty_ofd``, ``pdf_unmapped_text`` …):
    pages of images only, no text at all, or fonts without a Unicode map — what a reader gets there
    are glyph numbers, and reading them would report every section missing; it is said once."""
    if not any(p.lines or p.tables for p in pages):
        if any(p.images for p in pages):
            raise DecodeError(f"scanned_{kind}", pages=len(pages))
        raise DecodeError(f"empty_{kind}", pages=len(pages))
    share = unmapped_share(pages)
    if share:
        raise DecodeError(f"{kind}_unmapped_text", share=share)
    if glyph_order("".join(p.stream for p in pages)[:GLYPH_ORDER_SAMPLE]):
        raise DecodeError(f"{kind}_unmapped_text", share="100%")
    return blocks(pages)


def unmapped_share(pages: list[Page]) -> str:
    """ "" when the text can be read; else the share (``"35%"``) of the characters whose font gave
    no Unicode value (private use area, U+FFFD) — more than a fifth: what was read are glyph
    numbers, not text, and reading them would report every section missing."""
    total = sum(p.nchars for p in pages)
    unmapped = sum(p.unmapped for p in pages)
    return f"{100 * unmapped // total}%" if total and unmapped > 0.2 * total else ""


GLYPH_ORDER_SAMPLE = 4000  # characters of the content stream looked at


def glyph_order(stream: str) -> bool:
    """Whether the text reads as glyph numbers of subset fonts without a Unicode map: a writer
    that re-encodes fonts (ghostscript's pdfwrite) numbers each glyph from 33 (``!``) in the
    order of first use, so, read without a ToUnicode map, the document's characters first
    appear in consecutive code order — ``! "#$%&'()*+,-./0 ,-.12 34`` — which no real text does.
    True when at least 30 distinct characters first appear and over half of those steps are +1."""
    seen: set = set()
    firsts: list[int] = []
    for ch in stream:
        if ch not in seen and not ch.isspace():
            seen.add(ch)
            firsts.append(ord(ch))
    if len(firsts) < 30:
        return False
    steps = sum(1 for a, b in zip(firsts, firsts[1:]) if b == a + 1)
    return steps > 0.5 * (len(firsts) - 1)


def unmapped(ch: str) -> bool:
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o == 0xFFFD or 0xF0000 <= o


def visible(r: float, g: float, b: float, a: float = 255) -> bool:
    """A colour (0–255 components) a reader sees on white paper: not transparent, not white."""
    return a > 0 and not (r > 240 and g > 240 and b > 240)


def add_rule(h_edges: list, v_edges: list, x0: float, y0: float, x1: float, y1: float) -> None:
    """A straight segment in reading space → a horizontal or vertical ruling edge (else nothing)."""
    if abs(y0 - y1) <= 1.0 and abs(x1 - x0) > 1.0:
        h_edges.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x0 - x1) <= 1.0 and abs(y1 - y0) > 1.0:
        v_edges.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def path_rules(subpaths: Iterable[tuple[list[tuple[float, float]], bool]], stroked: bool, filled: bool):
    """The straight segments (x0, y0, x1, y1) a drawn path shows as ruling lines: the sides of its
    stroked subpaths ``(points, closed)``, and thin filled rectangles (how Word and WPS draw
    borders) as the line along their middle.  Filled cell shading is not a border."""
    for pts, closed in subpaths:
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        rect_like = len(pts) >= 4 and all(
            abs(p[0] - q[0]) <= 0.5 or abs(p[1] - q[1]) <= 0.5 for p, q in zip(pts, pts[1:])
        )
        if filled and rect_like and min(w, h) <= 3.0 and max(w, h) > 1.0:
            # a thin filled rectangle is a drawn line
            if w >= h:
                yield min(xs), (min(ys) + max(ys)) / 2, max(xs), (min(ys) + max(ys)) / 2
            else:
                yield (min(xs) + max(xs)) / 2, min(ys), (min(xs) + max(xs)) / 2, max(ys)
            continue
        if stroked:
            for p, q in zip(pts, pts[1:]):
                yield p[0], p[1], q[0], q[1]
            if closed is False and rect_like and len(pts) == 4:
                yield pts[-1][0], pts[-1][1], pts[0][0], pts[0][1]


def mul(m1, m2):
    """m1 then m2 (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


# ----------------------------------------------------------------------------- tables

SNAP = 3.0


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _merge_edges(edges: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear, overlapping or touching segments → one."""
    out: list[tuple[float, float, float]] = []
    for pos in _cluster([e[0] for e in edges], 1.5):
        segs = sorted((a, b) for p, a, b in edges if abs(p - pos) <= 1.5 + 1e-6)
        cur_a, cur_b = segs[0]
        for a, b in segs[1:]:
            if a <= cur_b + SNAP:
                cur_b = max(cur_b, b)
            else:
                out.append((pos, cur_a, cur_b))
                cur_a, cur_b = a, b
        out.append((pos, cur_a, cur_b))
    return out


def _tables(h_edges, v_edges, page: int) -> list[Table]:
    if not h_edges or not v_edges:
        return []
    hs = _merge_edges(h_edges)
    vs = _merge_edges(v_edges)
    # connected components of touching horizontal and vertical segments
    parent = list(range(len(hs) + len(vs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, hx0, hx1) in enumerate(hs):
        for j, (x, vy0, vy1) in enumerate(vs):
            if hx0 - SNAP <= x <= hx1 + SNAP and vy0 - SNAP <= y <= vy1 + SNAP:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list, list]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    tables = []
    for gh, gv in groups.values():
        if not gh or not gv:
            continue
        ys = _cluster([h[0] for h in gh], SNAP)
        xs = _cluster([v[0] for v in gv], SNAP)
        # a row whose closing border is missing (a table cut by the page end, its border drawn on
        # the next page) still has its column rules: the grid extends to where they end
        v_top, v_bottom = min(v[1] for v in gv), max(v[2] for v in gv)
        h_left, h_right = min(h[1] for h in gh), max(h[2] for h in gh)
        if ys and v_bottom > ys[-1] + SNAP:
            ys.append(v_bottom)
        if ys and v_top < ys[0] - SNAP:
            ys.insert(0, v_top)
        if xs and h_right > xs[-1] + SNAP:
            xs.append(h_right)
        if xs and h_left < xs[0] - SNAP:
            xs.insert(0, h_left)
        if len(ys) < 2 or len(xs) < 2:
            continue
        tables.append(_grid(page, xs, ys, gh, gv))
    tables.sort(key=lambda t: t.top)
    return tables


def _covers(edges, pos: float, mid: float) -> bool:
    return any(abs(p - pos) <= SNAP and a - SNAP <= mid <= b + SNAP for p, a, b in edges)


def _grid(page: int, xs: list[float], ys: list[float], hs, vs) -> Table:
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = list(range(nr * nc))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(nr):
        ymid = (ys[r] + ys[r + 1]) / 2
        for c in range(nc):
            xmid = (xs[c] + xs[c + 1]) / 2
            if c + 1 < nc and not _covers(vs, xs[c + 1], ymid):
                a, b = find(r * nc + c), find(r * nc + c + 1)
                if a != b:
                    parent[a] = b
            if r + 1 < nr and not _covers(hs, ys[r + 1], xmid):
                a, b = find(r * nc + c), find((r + 1) * nc + c)
                if a != b:
                    parent[a] = b
    span: dict[int, list[int]] = {}
    for r in range(nr):
        for c in range(nc):
            s = span.setdefault(find(r * nc + c), [r, c, r, c])
            s[0], s[1], s[2], s[3] = min(s[0], r), min(s[1], c), max(s[2], r), max(s[3], c)
    cells = []
    claimed: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in sorted(span.values()):
        units = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if units & claimed:  # a non-rectangular merge (L-shaped): keep its first unit only
            units = {(r0, c0)} - claimed
            if not units:
                continue
            r1, c1 = r0, c0
        claimed |= units
        cells.append((r0, c0, r1, c1, "", (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    return Table(page, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys, cells)


def _fill(t: Table, chars: list[Char]) -> bool:
    """Put each character in its cell; False when the grid is not a table (a single cell per row)."""
    nc = len(t.xs) - 1
    nr = len(t.ys) - 1
    owner: dict[tuple[int, int], int] = {}
    for k, (r0, c0, r1, c1, _, _) in enumerate(t.cells):
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                owner[(r, c)] = k
    # a frame around text (one cell in every row), or rules with nothing inside, is no table
    multi_col = any(len({owner.get((r, c)) for c in range(nc)}) > 1 for r in range(nr))
    if not multi_col or not chars:
        return False
    per_cell: list[list[Char]] = [[] for _ in t.cells]
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        c = min(max(bisect.bisect_right(t.xs, cx) - 1, 0), nc - 1)
        r = min(max(bisect.bisect_right(t.ys, cy) - 1, 0), nr - 1)
        owned = owner.get((r, c))
        if owned is not None:
            per_cell[owned].append(ch)
    cells = []
    for (r0, c0, r1, c1, _, bb), cs in zip(t.cells, per_cell):
        lines = _lines(cs, t.page)
        text = ""
        for ln in lines:
            text = _join(text, ln.text)
        cells.append((r0, c0, r1, c1, text, bb))
    t.cells = cells
    return True


# ----------------------------------------------------------------------------- lines and text


def _is_wide(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF
        or 0x3000 <= o <= 0x303F
        or 0x2010 <= o <= 0x206F
        or 0x20000 <= o
    )


def _lines(chars: list[Char], page: int) -> list[Line]:
    """Characters → lines by baseline, each line's characters left to right, spaces by geometry."""
    if not chars:
        return []
    rows: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: (c.base, c.x0)):
        if rows:
            last = rows[-1]
            ref = last[0]
            tol = 0.35 * min(ref.size, c.size)
            if abs(c.base - ref.base) <= tol:
                last.append(c)
                continue
        rows.append([c])
    out = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        kept = [row[0]]
        for c in row[1:]:
            prev = kept[-1]
            if c.ch == prev.ch and abs(c.x0 - prev.x0) < 0.1 * max(c.size, prev.size):
                continue  # a character drawn twice (fake bold, or a shadow)
            kept.append(c)
        row = kept
        parts = [row[0].ch]
        for prev, c in zip(row, row[1:]):
            gap = c.x0 - prev.x1
            size = max(prev.size, c.size)
            if not _is_wide(prev.ch) and not _is_wide(c.ch) and gap > 0.15 * size:
                parts.append(" ")
            elif gap > 1.0 * size or (gap > 0.5 * size and (prev.ch.isdigit() or c.ch.isdigit())):
                parts.append(" ")  # far apart: two cells of a table drawn without rules
            parts.append(c.ch)
        out.append(
            Line(
                "".join(parts),
                row[0].x0,
                max(c.x1 for c in row),
                min(c.top for c in row),
                max(c.bottom for c in row),
                Counter(round(c.size, 1) for c in row).most_common(1)[0][0],
                page,
                len(row),
                row,
            )
        )
    return out


def _join(a: str, b: str) -> str:
    """Join a wrapped line to what precedes it: no space in Chinese, a space between Latin words."""
    if not a:
        return b
    if not b:
        return a
    if not _is_wide(a[-1]) and not _is_wide(b[0]) and a[-1] not in "-/" and a[-1].isalnum() and b[0].isalnum():
        return a + " " + b
    return a + b


# ----------------------------------------------------------------------------- page furniture


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[Page]) -> None:
    """Page numbers, and running headers/footers: lines in the top or bottom tenth of the page, set
    apart from the body (more than a line's height away from any other line), whose text (digits
    aside) comes back on at least half of the pages. A body line that happens to repeat (the same
    paragraph twice) sits in the flow of its paragraph and is kept."""
    zone: dict[int, list[tuple[Line, bool]]] = {}
    counts: Counter[str] = Counter()
    for p in pages:
        top_limit, bottom_limit = 0.1 * p.height, 0.9 * p.height
        ordered = sorted(p.lines, key=lambda ln: ln.top)
        inside: list[tuple[Line, bool]] = []
        for k, ln in enumerate(ordered):
            if not (ln.bottom <= top_limit or ln.top >= bottom_limit):
                continue
            gaps = []
            if k > 0:
                gaps.append(ln.top - ordered[k - 1].bottom)
            if k + 1 < len(ordered):
                gaps.append(ordered[k + 1].top - ln.bottom)
            tables = [t.bbox for t in p.tables]
            near_table = any(t[1] - ln.bottom < ln.size and ln.top - t[3] < ln.size for t in tables)
            apart = all(g > ln.size for g in gaps) and not near_table
            inside.append((ln, apart))
        zone[p.number] = inside
        for key in {_furniture_key(ln.text) for ln, apart in inside if apart}:
            counts[key] += 1
    need = max(2, (len(pages) + 1) // 2)
    for p in pages:
        drop = {
            id(ln)
            for ln, apart in zone[p.number]
            if _PAGE_NO.match(ln.text) or (apart and len(pages) >= 2 and counts[_furniture_key(ln.text)] >= need)
        }
        if drop:
            p.lines = [ln for ln in p.lines if id(ln) not in drop]


# ----------------------------------------------------------------------------- tables without rules

_NUMBER = re.compile(r"[+\-−－]?\d[\d,，.]*%?")
_NUMERIC_CH = set("0123456789+-−－.,，%")
MIN_ALIGNED_ROWS = 3


def _segments(ln: Line, gap: float) -> list[tuple[str, float, float]]:
    """The line cut where characters are more than ``gap`` × size apart: (text, x0, x1)."""
    out: list[tuple[str, float, float]] = []
    cur: list[Char] = []
    for c in ln.chars:
        if cur and c.x0 - cur[-1].x1 > gap * max(c.size, cur[-1].size):
            out.append(("".join(x.ch for x in cur), cur[0].x0, cur[-1].x1))
            cur = []
        cur.append(c)
    if cur:
        out.append(("".join(x.ch for x in cur), cur[0].x0, cur[-1].x1))
    return out


def _tabular(ln: Line) -> bool:
    segs = _segments(ln, 0.8)
    return len(segs) >= 3 and sum(1 for t, _, _ in segs if _NUMBER.fullmatch(t)) >= 2


def _aligned_tables(page: Page) -> None:
    """Runs of lines whose numbers stand in aligned columns (a table drawn without rules) → tables.

    A run is at least three lines with three or more far-apart pieces, two of them numbers, and
    the lines between them that hold label text only (a row label wrapped over lines). The number
    columns are where the numbers of the run stand; the label columns start where label pieces
    start in several rows; a wrapped label line joins the nearest row whose cell it fills."""
    lines = sorted(page.lines, key=lambda ln: ln.top)
    flags = [_tabular(ln) for ln in lines]
    i = 0
    taken: set[int] = set()
    while i < len(lines):
        if not flags[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(lines):
            if flags[j] and lines[j].top - lines[run[-1]].bottom < 1.5 * lines[j].size:
                run.append(j)
                j += 1
                continue
            # up to four lines of label text only (left of every number) between table rows
            limit = min(x0 for n in run if flags[n] for t, x0, _ in _segments(lines[n], 0.25) if _NUMBER.fullmatch(t))
            k = j
            while (
                k < len(lines)
                and k - j < 4
                and not flags[k]
                and lines[k].x1 < limit
                and lines[k].top - lines[k - 1].bottom < 1.0 * lines[k].size
            ):
                k += 1
            if k > j and k < len(lines) and flags[k] and lines[k].top - lines[k - 1].bottom < 1.0 * lines[k].size:
                run.extend(range(j, k))
                j = k
                continue
            break
        rows = [n for n in run if flags[n]]
        if len(rows) >= MIN_ALIGNED_ROWS:
            table = _aligned_table(page.number, [lines[n] for n in run], [flags[n] for n in run])
            if table is not None:
                page.tables.append(table)
                taken.update(run)
        i = j if j > i else i + 1
    if taken:
        page.lines = [ln for n, ln in enumerate(lines) if n not in taken]
        page.tables.sort(key=lambda t: t.top)


def _aligned_table(page: int, run: list[Line], flags: list[bool]) -> Optional[Table]:
    # number columns: overlapping extents of the numbers of the table rows
    spans = sorted(
        (x0, x1) for ln, f in zip(run, flags) if f for t, x0, x1 in _segments(ln, 0.25) if _NUMBER.fullmatch(t)
    )
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    if len(cols) < 2:
        return None
    first_num = cols[0][0]
    size = max(ln.size for ln in run)

    def num_col(c: Char) -> Optional[int]:
        if c.ch not in _NUMERIC_CH:
            return None
        cx = (c.x0 + c.x1) / 2
        for k, (a, b) in enumerate(cols):
            if a - 0.3 * c.size <= cx <= b + 0.3 * c.size:
                return k
        return None

    # label pieces: the characters outside the number columns, cut at gaps
    pieces: list[list[tuple[float, float, list[Char]]]] = []
    for ln in run:
        cur: list[Char] = []
        out: list[tuple[float, float, list[Char]]] = []
        for c in ln.chars:
            if num_col(c) is not None:
                continue
            if c.x0 >= first_num:  # text among the numbers: not a table of this shape
                return None
            if cur and c.x0 - cur[-1].x1 > 0.3 * max(c.size, cur[-1].size):
                out.append((cur[0].x0, cur[-1].x1, cur))
                cur = []
            cur.append(c)
        if cur:
            out.append((cur[0].x0, cur[-1].x1, cur))
        pieces.append(out)
    starts = Counter(round(x0) for ps in pieces for x0, _, _ in ps)
    label_starts = _cluster([float(x) for x, n in starts.items() for _ in range(n)], 2.0)
    label_starts = (
        [x for x in label_starts if sum(n for s, n in starts.items() if abs(s - x) <= 2.0) >= 2] or [min(starts)]
        if starts
        else []
    )
    if not label_starts:
        label_starts = [min(ln.x0 for ln in run)]
    nl = len(label_starts)

    def label_col(x0: float) -> int:
        k = bisect.bisect_right(label_starts, x0 + 2.0) - 1
        return max(0, min(k, nl - 1))

    ncols = nl + len(cols)
    row_lines = [n for n, f in enumerate(flags) if f]
    own: dict[tuple[int, int], list[tuple[float, str]]] = {}
    extra: dict[tuple[int, int], list[tuple[float, str]]] = {}
    for n, ln in enumerate(run):
        cells: dict[int, list[Char]] = {}
        for c in ln.chars:
            k = num_col(c)
            if k is not None:
                cells.setdefault(nl + k, []).append(c)
        spans_into: list[int] = []
        for x0, x1, cs in pieces[n]:
            k = label_col(x0)
            cells.setdefault(k, []).extend(cs)
            # a label running on under the next label column (a merged cell) fills that one too
            spans_into.extend(m for m in range(k + 1, nl) if x1 > label_starts[m] + 2.0)
        if flags[n]:
            for m in spans_into:
                own.setdefault((n, m), [])
        for col, cs in cells.items():
            text = "".join(c.ch for c in sorted(cs, key=lambda c: c.x0))
            if flags[n]:
                own.setdefault((n, col), []).append((ln.top, text))
                continue
            # a wrapped label line joins the nearest row; between two rows about as near, the one
            # whose cell in this column is empty, then the one above (a cell's text runs downwards)
            dist = {r: abs(run[r].top - ln.top) for r in row_lines}
            best = min(dist.values())
            near = [r for r in row_lines if dist[r] <= best + 0.3 * size]
            r = sorted(near, key=lambda r: ((r, col) in own, run[r].top > ln.top, dist[r]))[0]
            extra.setdefault((r, col), []).append((ln.top, text))
    xs = list(label_starts)
    xs = [min(xs[0], min(ln.x0 for ln in run))] + xs[1:]
    for k, (a, b) in enumerate(cols):
        xs.append(a - 0.25 * size if k == 0 else (cols[k - 1][1] + a) / 2)
    xs.append(cols[-1][1] + 0.25 * size)
    xs = sorted(xs)
    if len(xs) != ncols + 1:
        return None
    ys = [run[row_lines[0]].top - 0.25 * size]
    for a, b in zip(row_lines, row_lines[1:]):
        ys.append((run[a].bottom + run[b].top) / 2 if b == a + 1 else run[a + 1].top - 0.1)
    ys.append(max(ln.bottom for ln in run) + 0.25 * size)
    cells_out = []
    for r, n in enumerate(row_lines):
        for col in range(ncols):
            parts = sorted(own.get((n, col), []) + extra.get((n, col), []))
            text = ""
            for _, t in parts:
                text = _join(text, t)
            cells_out.append((r, col, r, col, text, (xs[col], ys[r], xs[col + 1], ys[r + 1])))
    return Table(page, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys, cells_out)


# ----------------------------------------------------------------------------- reading order


def _body_metrics(pages: list[Page]) -> tuple[float, float]:
    lefts: Counter[int] = Counter()
    rights: Counter[int] = Counter()
    for p in pages:
        for ln in p.lines:
            if ln.nchars >= 8:
                lefts[round(ln.x0)] += ln.nchars
                rights[round(ln.x1)] += ln.nchars
    left: float = min(lefts.most_common(3))[0] if lefts else 0.0
    if rights:
        best = rights.most_common(1)[0][0]
        # the right margin: the furthest right edge that full lines reach (within a character)
        right: float = max(x for x in rights if abs(x - best) <= 24)
    else:
        right = 0.0
    # a short document of short lines: no line reaches the margin, which is then where the page's
    # left margin mirrors (lines far from it are not full lines)
    widths = sorted(p.width for p in pages)
    width = widths[len(widths) // 2]
    if right < 0.6 * width:
        right = width - left
    return float(left), float(right)


def _continues(a: Line, b: Line, left: float, right: float, same_page: bool) -> bool:
    size = max(a.size, b.size)
    if abs(a.size - b.size) > 0.2 * size:
        return False
    if a.x1 < right - 1.6 * size:  # a short line ends its paragraph
        return False
    if b.x0 > min(a.x0, left) + 0.8 * size:  # the next one is indented: a new paragraph
        return False
    if same_page and b.top - a.bottom > 1.2 * size:
        return False
    if _HEADING.match(b.text) and a.text.rstrip()[-1:] in _SENTENCE_END + "。":
        return False
    return True


def _assemble(pages: list[Page]) -> list[Block]:
    left, right = _body_metrics(pages)
    items: list[tuple[Page, Any]] = []
    for p in pages:
        seq: list[Any] = sorted([*p.lines, *p.tables], key=lambda it: it.top)
        items.extend((p, it) for it in seq)
    blocks: list[Any] = []  # Para, or a list of Table parts (one table across pages)
    cur: Optional[Para] = None
    last_line: Optional[Line] = None
    for idx, (p, it) in enumerate(items):
        if isinstance(it, Table):
            cur, last_line = None, None
            prev = blocks[-1] if blocks and isinstance(blocks[-1], list) else None
            if (
                prev is not None
                and prev[-1].page == it.page - 1
                and _is_first(items, idx)
                and _same_columns(prev[-1], it)
            ):
                prev.append(it)
            else:
                blocks.append([it])
            continue
        ln: Line = it
        if (
            cur is not None
            and last_line is not None
            and _continues(last_line, ln, left, right, last_line.page == ln.page)
            and (last_line.page == ln.page or _is_first(items, idx))
        ):
            cur.text = _join(cur.text, ln.text)
            if ln.page == cur.loc["page"]:
                bb = cur.loc["bbox"]
                cur.loc["bbox"] = [round(min(bb[0], ln.x0), 1), bb[1], round(max(bb[2], ln.x1), 1), round(ln.bottom, 1)]
            last_line = ln
            continue
        cur = Para(
            ln.text,
            {"page": ln.page, "bbox": [round(ln.x0, 1), round(ln.top, 1), round(ln.x1, 1), round(ln.bottom, 1)]},
        )
        blocks.append(cur)
        last_line = ln
    return [b if isinstance(b, Para) else _table_block(b) for b in blocks]


def _table_block(parts: list[Table]) -> TableBlock:
    """One table from its parts on consecutive pages, on the union of their column boundaries."""
    xs = _cluster([x for t in parts for x in t.xs], 2 * SNAP) if len(parts) > 1 else parts[0].xs
    rows: list[list[CellBlock]] = []
    for t in parts:
        grid = t.grid(xs)
        if rows:
            grid = _drop_repeated_header(rows, grid)
            if grid and _continues_row(rows[-1], grid[0]):
                # a row the page break cut in two (a wrapped label goes on at the top of the next
                # page, its numbers all stayed above): one row
                for c, cell in enumerate(grid[0]):
                    if cell.text:
                        rows[-1][c] = CellBlock(_join(rows[-1][c].text, cell.text), rows[-1][c].loc)
                grid = grid[1:]
        rows.extend(grid)
    first = parts[0]
    return TableBlock(rows, {"page": first.page, "bbox": [round(v, 1) for v in first.bbox]})


def _is_first(items, idx: int) -> bool:
    """Whether item ``idx`` is the first on its page (after the page furniture is gone)."""
    return idx > 0 and items[idx - 1][0] is not items[idx][0]


def _same_columns(a: Table, b: Table) -> bool:
    """b continues a: same outer edges, and the column boundaries of one are among the other's
    (a row that merges columns on one page hides some of them)."""
    if abs(a.xs[0] - b.xs[0]) > 2 * SNAP or abs(a.xs[-1] - b.xs[-1]) > 2 * SNAP:
        return False

    def within(p, q):
        return all(any(abs(x - y) <= 2 * SNAP for y in q) for x in p)

    return within(b.xs, a.xs) or within(a.xs, b.xs)


def _continues_row(last: list[CellBlock], first: list[CellBlock]) -> bool:
    """``first`` (the top row of a table's next page) holds only the rest of some cells of ``last``."""
    filled = [c for c, cell in enumerate(first) if cell.text]
    before = [c for c, cell in enumerate(last) if cell.text]

    def same_width(a: CellBlock, b: CellBlock) -> bool:
        ba, bb = a.loc.get("bbox"), b.loc.get("bbox")
        return ba is not None and bb is not None and abs(ba[0] - bb[0]) <= 2 * SNAP and abs(ba[2] - bb[2]) <= 2 * SNAP

    return (
        bool(filled)
        and len(filled) < len(before)
        and all(last[c].text for c in filled)
        and not any(_NUMBER.fullmatch(first[c].text) for c in filled)
        and all(same_width(last[c], first[c]) for c in filled)
    )


def _drop_repeated_header(old: list[list[CellBlock]], new: list[list[CellBlock]]) -> list[list[CellBlock]]:
    k = 0
    while (
        k < len(new)
        and k < len(old)
        and [c.text for c in new[k]] == [c.text for c in old[k]]
        and any(c.text for c in new[k])
    ):
        k += 1
    return new[k:]
