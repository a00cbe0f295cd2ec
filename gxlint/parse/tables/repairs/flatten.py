"""Flattened tables: cell separators lost, digits of neighbouring cells run together.

A web archive's text of a report page keeps the words of a table but not its cell borders:
``申请数量801000081`` is the row 80 | 1 | 0 | 0 | 0 | 0 | 81, and the enumerator of the next
row's label is glued to the last cell (``…00000002.其他法律…``).  This module

1. cuts such words into label text and digit runs (:func:`retokenize`), and
2. splits each row's digit runs into its cells (:func:`split_row`), using only what is known of
   that row: the number of cells the template gives it, that each cell is a well-formed number
   (no leading zero, a sign only in a signed column, a decimal point only in an amount column) and
   the row's own totals (表三: 总计 = the six applicant columns; 表四: each group's 总计 = its four
   results).  A split that is the only one satisfying these is read; its cells are marked
   ``recovered``.  Where more than one split fits (or none), the row cannot be read with
   certainty: the row and its table are marked unreadable (GX207) and nothing else is said of it.

Which constraints a split used is recorded on the row (``Row.assumed``): an identity used to
choose the split holds by construction, so it is not reported as checked (never circular).  The
column identities (（七）总计 = the outcome rows, the balance across rows) are never used to split
a row: they stay for GX302/GX303 to check — a flattened report whose outcome rows add up to 27
against a （七）总计 of 21 says so.

The search is bounded (cell length, number of candidate splits, steps): a pathological digit run
ends as "unreadable", never as a hang.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Callable, NamedTuple, Optional, Sequence

from .... import guard
from ...normalize import NormText
from ..numbers import cell_ok
from ..rows import Match, t4_runs
from ..specs import RowSpec
from ..tokens import EMPTY, NUM, TEXT, Token, strip_empty
from .pdf import read_rows

_RUN = guard.lazy(r"[0-9](?:[0-9]|[.\-+](?=[0-9]))*")
_UNIT_START = guard.lazy(r"^(?:件|条|个|项|年|月|日|号|次|份|篇|人|位|页|家|期|场|类|余|多|宗|例|起(?!诉)|%|％)")

MAX_CELL = 15  # characters of one cell
MAX_RUN = 400  # characters of a row's digits: longer is not a row of a report table
CANDIDATES = 64  # splits collected before a row is called ambiguous anyway
BUDGET = 20000  # search steps per row …
TABLE_BUDGET = 120000  # … and per table: a table of pathological runs ends as unreadable, quickly

# reasons a table (or row) could not be read, for GX207 (ids, never shown)
GLUED = "glued"  # 相邻单元格的数字连在一起，无法确定各单元格的数值
NO_LABEL = "no_label"  # 数值行没有行标签
NO_VALUES = "no_values"  # 表格的标签在，但读不出数值


def retokenize(tokens: list, text: str) -> tuple[list, int]:
    """Cut TEXT words holding glued digit runs into TEXT and NUM tokens.

    Returns (tokens, number of words cut).  ``…00000002.其他法律`` gives the NUM ``0000000`` and
    the TEXT ``2.其他法律…`` (a digit right before ``.`` and a non-digit is the next label's
    enumerator); a number followed by a unit (``2021年``, ``47件``) stays text."""
    out: list = []
    cut = 0
    for t in tokens:
        if t.kind != TEXT or not any("0" <= ch <= "9" for ch in t.text):
            out.append(t)
            continue
        s = t.text
        pieces: list = []
        pos = 0
        for m in _RUN.finditer(s):
            a, b = m.span()
            if b < len(s) and s[b] == "." and b - 1 >= a and s[b - 1].isdigit():
                b -= 1  # "…0002.属于": the "2." opens the next label
            if b <= a:
                continue
            nxt = s[b : b + 2]
            if _UNIT_START.match(nxt):
                continue  # 2021年, 47件: prose, part of the text
            if a > 0 and s[a - 1] in "第":
                continue  # 第1页, 第20条
            if a > pos:
                pieces.append(Token(TEXT, t.start + pos, t.start + a, s[pos:a], t.line, t.col))
            pieces.append(Token(NUM, t.start + a, t.start + b, s[a:b], t.line, t.col, False, "glued"))
            pos = b
        if not any(p.kind == NUM for p in pieces):
            out.append(t)
            continue
        if pos < len(s):
            pieces.append(Token(TEXT, t.start + pos, t.end, s[pos:], t.line, t.col))
        out.extend(pieces)
        cut += 1
    return out, cut


# --- cells -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """One identity of a row: cell ``total`` = sum of cells ``parts`` (column indexes)."""

    total: int
    parts: tuple[int, ...]
    name: str = ""  # identity id it stands for (T3.rowsum, T3.subtotal, T4.sum:rv)


@dataclass
class Split:
    """The outcome of splitting one row's digit runs."""

    cells: Optional[list[tuple[int, int, int]]] = None  # (piece index, start, end) per cell
    reason: Optional[str] = None  # why it could not be read (GLUED …)
    assumed: tuple[str, ...] = ()  # identities the split relied on
    count: int = 0  # splits found (capped)
    recovered: set = field(default_factory=set)  # cell indexes cut out of a longer run
    candidates: list = field(default_factory=list)  # the splits that fit, when more than one
    impossible: tuple[str, ...] = ()  # identities no admissible split makes hold
    likely: Optional[list[tuple[int, int, int]]] = None  # then the most likely split (for messages)


class _Budget(Exception):
    pass


class _Cuts:
    """The ways to cut a row's pieces into n well-formed cells, by cell count alone: the cell
    lengths allowed at each (piece, offset, cell) and how many ways (0, 1 or 2 = "more than one")
    complete a cut from there.  Dynamic programming over (piece, offset, cell), memoised and
    computed only for the states a cut can reach: linear in the length of the run.  The search by
    the row's totals (:func:`_search`) uses it to leave dead ends at once."""

    __slots__ = ("pieces", "n", "oks", "lens", "memo", "opts")

    def __init__(self, pieces: Sequence[str], n: int, oks: Sequence[Callable[[str], bool]]) -> None:
        self.pieces = pieces
        self.n = n
        self.oks = oks
        self.lens = [len(p) for p in pieces]
        self.memo: dict[tuple[int, int, int], int] = {}
        self.opts: dict = {}

    def options(self, pi: int, off: int, c: int) -> tuple[int, ...]:
        """Lengths of a well-formed cell ``c`` starting at ``off`` in piece ``pi`` (a piece's
        remainder cannot start with '.': a decimal cut in two)."""
        ok = self.oks[c]
        k = (pi, off, ok)
        got = self.opts.get(k)
        if got is None:
            p = self.pieces[pi]
            lp = self.lens[pi]
            got = tuple(
                L
                for L in range(1, min(MAX_CELL, lp - off) + 1)
                if not (off + L < lp and p[off + L] == ".") and ok(p[off : off + L])
            )
            self.opts[k] = got
        return got

    def ways(self, pi: int, off: int, c: int) -> int:
        # recursion depth is at most n + len(pieces) (each level adds a cell or a piece)
        lens = self.lens
        while pi < len(lens) and off == lens[pi]:
            pi, off = pi + 1, 0
        if pi == len(lens):
            return 1 if c == self.n else 0
        if c == self.n:
            return 0
        k = (pi, off, c)
        got = self.memo.get(k)
        if got is not None:
            return got
        total = 0
        for L in self.options(pi, off, c):
            total += self.ways(pi, off + L, c + 1)
            if total >= 2:
                total = 2
                break
        self.memo[k] = total
        return total


def _plain(
    pieces: Sequence[str], n: int, oks: Sequence[Callable[[str], bool]], cuts: Optional[_Cuts] = None
) -> tuple[int, Optional[list]]:
    """How many ways (0, 1 or 2 = "more than one") to cut the pieces into n well-formed cells,
    by cell count alone, and the way when there is exactly one."""
    lens = [len(p) for p in pieces]
    # the cut forced by the count alone (as the search would find it): one cell per piece, or one
    # per character (a row of single digits, 0000000): one way if those cells are well formed, else none
    if len(pieces) == n:
        forced = [(pi, 0, lens[pi]) for pi in range(n)]
    elif sum(lens) == n:
        forced = [(pi, k, k + 1) for pi in range(len(pieces)) for k in range(lens[pi])]
    else:
        forced = None
    if forced is not None:
        if all(b - a <= MAX_CELL and oks[c](pieces[pi][a:b]) for c, (pi, a, b) in enumerate(forced)):
            return 1, forced
        return 0, None
    cuts = cuts or _Cuts(pieces, n, oks)
    count = cuts.ways(0, 0, 0)
    if count != 1:
        return count, None
    out = []
    pi, off, c = 0, 0, 0
    while pi < len(pieces):
        if off == lens[pi]:
            pi, off = pi + 1, 0
            continue
        for L in cuts.options(pi, off, c):
            if cuts.ways(pi, off + L, c + 1) == 1:
                out.append((pi, off, off + L))
                off, c = off + L, c + 1
                break
        else:  # pragma: no cover - count == 1 guarantees a way
            return 2, None
    return 1, out


def _search(
    pieces: Sequence[str],
    n: int,
    oks: Sequence[Callable[[str], bool]],
    groups: Sequence[Group],
    limit: int,
    budget: Optional[list] = None,
    cuts: Optional[_Cuts] = None,
) -> list[list[tuple[int, int, int]]]:
    """All ways (up to ``limit`` + 1) to cut the pieces into n well-formed cells satisfying the
    groups.  Raises _Budget when the search is too long (``budget``: the table's steps left).
    A cut that cannot be completed into well-formed cells at all (``cuts``) is not followed."""
    cuts = cuts or _Cuts(pieces, n, oks)
    sols: list[list[tuple[int, int, int]]] = []
    cur: list[tuple[int, int, int]] = []
    vals: list[Optional[int]] = []
    steps = 0
    lens = cuts.lens
    forced_of: dict[int, Group] = {}
    for g in groups:
        if all(p < g.total for p in g.parts):
            forced_of[g.total] = g

    def value(s: str) -> Optional[int]:
        try:
            return int(s)
        except ValueError:
            return None

    def rec(pi: int, off: int, c: int) -> None:
        nonlocal steps
        steps += 1
        if steps > BUDGET:
            raise _Budget
        if budget is not None:
            budget[0] -= 1
            if budget[0] < 0:
                raise _Budget
        if len(sols) > limit:
            return
        if pi == len(pieces):
            if c == n and all(_holds(g, vals) for g in groups):
                sols.append(list(cur))
            return
        if off == lens[pi]:
            rec(pi + 1, 0, c)
            return
        if c == n:
            return
        g = forced_of.get(c)
        if g is not None:
            parts = [vals[p] for p in g.parts]
            if any(v is None for v in parts):
                return
            want = str(sum(parts))  # type: ignore[arg-type]
            lengths: Sequence[int] = (
                (len(want),) if pieces[pi].startswith(want, off) and len(want) in cuts.options(pi, off, c) else ()
            )
        else:
            lengths = cuts.options(pi, off, c)
        for L in lengths:
            if not cuts.ways(pi, off + L, c + 1):
                continue  # the rest cannot be cut into well-formed cells
            s = pieces[pi][off : off + L]
            cur.append((pi, off, off + L))
            vals.append(value(s))
            rec(pi, off + L, c + 1)
            cur.pop()
            vals.pop()
            if len(sols) > limit:
                return

    rec(0, 0, 0)
    return sols


def _holds(g: Group, vals: list) -> bool:
    parts = [vals[p] for p in g.parts]
    tot = vals[g.total]
    if tot is None or any(v is None for v in parts):
        return False
    return sum(parts) == tot


def split_row(
    pieces: Sequence[str],
    n: int,
    oks: Sequence[Callable[[str], bool]],
    groups: Sequence[Group] = (),
    budget: Optional[list] = None,
    exhaust: bool = True,
) -> Split:
    """Split a row's digit runs (``pieces``, each one or more cells) into its ``n`` cells.

    First by the cell count and well-formedness alone; when that leaves more than one split, by
    the row's own totals too (recorded in ``assumed``).  A unique split is read; otherwise the
    row is unreadable (GLUED)."""
    if not pieces or sum(len(p) for p in pieces) > MAX_RUN or len(pieces) > n:
        return Split(reason=GLUED)
    cuts = _Cuts(pieces, n, oks)
    count, only = _plain(pieces, n, oks, cuts)
    if only is not None:
        return _done(pieces, only, ())
    if count == 0:
        return Split(reason=GLUED)
    if not groups:
        return Split(reason=GLUED, count=2)
    try:
        fit = _search(pieces, n, oks, groups, CANDIDATES, budget, cuts)
    except _Budget:
        return Split(reason=GLUED)
    if len(fit) == 1:
        return _done(pieces, fit[0], tuple(g.name for g in groups))
    if not fit and exhaust:
        return _exhaust(pieces, n, oks, groups, budget, cuts)
    if not fit:
        return Split(reason=GLUED)
    return Split(reason=GLUED, count=len(fit), candidates=fit if len(fit) <= CANDIDATES else [])


def _exhaust(
    pieces: Sequence[str],
    n: int,
    oks: Sequence[Callable[[str], bool]],
    groups: Sequence[Group],
    budget: Optional[list],
    cuts: "_Cuts",
) -> Split:
    """No split makes all the row's identities hold: those that hold under no admissible split at all
    fail whatever the cells are (certain by exhaustion: ``…1324015`` as 复议后起诉's five cells), and
    the most likely split (the others holding, each total at least its parts, fewest long cells) is
    kept to show.  The row stays unreadable: only those identities are certain."""
    impossible = []
    try:
        for g in groups:
            if not _search(pieces, n, oks, (g,), 0, budget, cuts):
                impossible.append(g)
        rest = tuple(g for g in groups if g not in impossible)
        cands = _search(pieces, n, oks, rest, CANDIDATES, budget, cuts) if impossible else []
    except _Budget:
        return Split(reason=GLUED)
    if not impossible or not cands:
        return Split(reason=GLUED)

    def plausible(sol) -> tuple:
        vals = [int(pieces[pi][a:b]) for pi, a, b in sol]
        ordered = sum(1 for g in groups if all(vals[g.total] >= vals[p] for p in g.parts))
        return (ordered, -sum(1 for pi, a, b in sol if b - a > 1))

    return Split(
        reason=GLUED, count=len(cands), impossible=tuple(g.name for g in impossible), likely=max(cands, key=plausible)
    )


def _done_assumed(pieces: Sequence[str], cells: list, assumed: tuple) -> Split:
    sp = _done(pieces, cells, ())
    sp.assumed = assumed
    return sp


def _done(pieces: Sequence[str], cells: list, assumed: tuple) -> Split:
    per_piece: dict[int, int] = {}
    for pi, _a, _b in cells:
        per_piece[pi] = per_piece.get(pi, 0) + 1
    recovered = {k for k, (pi, _a, _b) in enumerate(cells) if per_piece[pi] > 1}
    return Split(cells=cells, assumed=assumed if recovered else (), count=1, recovered=recovered)


# --- the groups of each table --------------------------------------------------------------


def t3_groups(columns: Sequence[str]) -> tuple[Group, ...]:
    idx = {c: k for k, c in enumerate(columns)}
    out = []
    if "tot" in idx and all(c in idx for c in ("np", "ce", "ri", "sw", "ls", "ot")):
        if "sub" in idx:
            out.append(Group(idx["sub"], tuple(idx[c] for c in ("ce", "ri", "sw", "ls", "ot")), "T3.subtotal"))
            out.append(Group(idx["tot"], (idx["np"], idx["sub"]), "T3.rowsum"))
        else:
            out.append(Group(idx["tot"], tuple(idx[c] for c in ("np", "ce", "ri", "sw", "ls", "ot")), "T3.rowsum"))
    return tuple(out)


def t4_groups(columns: Sequence[str]) -> tuple[Group, ...]:
    idx = {c: k for k, c in enumerate(columns)}
    out = []
    for g in ("rv", "ld", "lr"):
        need = [f"{g}.{p}" for p in ("keep", "fix", "oth", "pend", "tot")]
        if all(c in idx for c in need):
            out.append(Group(idx[need[-1]], tuple(idx[c] for c in need[:-1]), f"T4.sum:{g}"))
    return tuple(out)


# --- rows of a table -------------------------------------------------------------------------


def bounded(text: str, nums: list, next_spec: Optional[RowSpec] = None) -> bool:
    """Where the row's digits begin and end is certain, so that "no split makes this identity hold"
    is true of the report and not of a misplaced boundary: its runs stand on one line (a line break
    may have cut a number in two), and what follows them is not the rest of the next label's
    enumerator (``…7000007`` + ``2.没有…``: had a line break fallen between 2 and ``.``, the 2 would
    read as the row's) — the next row's enumerator stands right after, or a label without one."""
    if not nums or len({t.line for t in nums}) != 1:
        return False
    end = nums[-1].end
    while end < len(text) and text[end] in " \t\r\n\u3000":
        end += 1
    after = text[end : end + 4]
    if not after:
        return True
    if after[0] in ".．、,，:：" or after[0].isdigit():
        return False
    if next_spec is not None and next_spec.enum and next_spec.enum[0].isdigit():
        return after.startswith(next_spec.enum)
    return True


def split_matches(
    matches: list,
    columns_of: Callable,
    groups_of: Callable,
    columns_ids: Optional[dict] = None,
    text: Optional[str] = None,
) -> tuple[list, dict, set]:
    """Split the digit runs of each matched row (spec, buf, at, items) of a flattened table into
    cells.  Returns the matches with one NUM token per cell where the split is certain,
    {row id: Split} and the column identities a split relied on ({(identity id, column)}).

    ``columns_ids`` (表三: {"outcomes": [row ids]}) lets rows that their own totals leave
    ambiguous be decided by the column identities (（七）总计 = outcome rows; 一+二 = （七）+四) —
    only the columns where their candidate splits differ, and those identities are then recorded
    as assumed (not checked)."""
    out = []
    info: dict = {}
    nums_of: dict = {}
    budget = [TABLE_BUDGET]
    for k, (spec, buf, at, items) in enumerate(matches):
        cols = tuple(columns_of(spec))
        nums = [t for t in items if t.kind != EMPTY]
        if any(t.kind == EMPTY for t in strip_empty(items)) or not nums:
            continue
        oks = [_ok_for(c in spec.signed, c in spec.decimal) for c in cols]
        nxt = matches[k + 1].spec if k + 1 < len(matches) else None
        sp = split_row(
            [t.text for t in nums],
            len(cols),
            oks,
            groups_of(cols),
            budget,
            exhaust=text is not None and bounded(text, nums, nxt),
        )
        info[spec.id] = sp
        nums_of[spec.id] = nums
    assumed: set = set()
    if columns_ids is not None:
        assumed = _by_columns(matches, info, nums_of, columns_of, columns_ids)
    for spec, buf, at, items in matches:
        found, row_nums = info.get(spec.id), nums_of.get(spec.id)
        if found is None or row_nums is None or found.cells is None:
            out.append(Match(spec, buf, at, items))
            continue
        out.append(Match(spec, buf, at, _cells_of(row_nums, found)))
    return out, info, assumed


def _cells_of(nums: list, sp: Split) -> list:
    """One NUM token per cell of a split row: a cell cut out of a longer run is ``split``; one that
    was a run of its own keeps how it was read."""
    out = []
    for k, (pi, a, b) in enumerate(sp.cells or ()):
        t = nums[pi]
        out.append(
            Token(
                NUM,
                t.start + a,
                t.start + b,
                t.text[a:b],
                t.line,
                t.col,
                t.alone and a == 0 and b == len(t.text),
                "split" if k in sp.recovered else t.how,
            )
        )
    return out


def likely_tokens(nums: list, sp: Split) -> list:
    """The tokens of the most likely split of a row no split reads with certainty (see :func:`_exhaust`)."""
    if sp.likely is None:
        return []
    return _cells_of(nums, Split(cells=sp.likely, recovered={k for k, (pi, _a, _b) in enumerate(sp.likely)}))


def _zero_run(t) -> bool:
    """``00``, ``0012`` between spaces (not alone in a cell between separators): a run that starts
    with 0 and has more digits is never one count — it is several cells run together."""
    return t.kind == NUM and not t.alone and len(t.text) > 1 and t.text[0] == "0" and t.text.isdigit()


MAX_COMBINATIONS = 4096


def _by_columns(matches: list, info: dict, nums_of: dict, columns_of: Callable, ids: dict) -> set:
    """Decide rows left ambiguous by their own totals with the column identities of table 三.
    Updates ``info``; returns the (identity, column) pairs used."""
    amb = [rid for rid, sp in info.items() if sp.cells is None and sp.candidates]
    if not amb or not matches:
        return set()
    cols = tuple(columns_of(matches[0][0]))
    values: dict = {}  # row id -> list of candidate value vectors
    for spec, _buf, _at, items in matches:
        rid = spec.id
        sp = info.get(rid)
        nums = nums_of.get(rid)
        if sp is not None and nums is not None:
            sols = [sp.cells] if sp.cells is not None else sp.candidates
            vecs = []
            for sol in sols:
                v = [_int(nums[pi].text[a:b]) for pi, a, b in sol]
                vecs.append(v)
            values[rid] = vecs
        else:
            v = [_int(t.text) for t in strip_empty(items)]
            values[rid] = [v] if len(v) == len(cols) else []
    total = 1
    for rid in amb:
        total *= len(values[rid])
    if total > MAX_COMBINATIONS:
        return set()
    outcomes = list(ids.get("outcomes", ()))
    idents = []  # (identity id, column index, lhs rows, rhs rows)
    for c in range(len(cols)):
        idents.append(("T3.outsum", c, ["r3_7"], outcomes))
        idents.append(("T3.balance", c, ["r1", "r2"], ["r3_7", "r4"]))

    # an identity decides only where the candidates of an ambiguous row it involves differ
    def differs(rid: str, c: int) -> bool:
        return len({vec[c] for vec in values[rid] if len(vec) > c}) > 1

    used = [
        (name, c, lhs, rhs)
        for name, c, lhs, rhs in idents
        if all(r in values and values[r] for r in lhs + rhs) and any(r in amb and differs(r, c) for r in lhs + rhs)
    ]
    if not used:
        return set()
    fits = []
    for combo in itertools.product(*(range(len(values[r])) for r in amb)):
        pick = dict(zip(amb, combo))

        def val(r: str, c: int):
            vec = values[r][pick.get(r, 0)]
            return vec[c] if c < len(vec) else None

        ok = True
        for _name, c, lhs, rhs in used:
            a = [val(r, c) for r in lhs]
            b = [val(r, c) for r in rhs]
            if any(x is None for x in a + b) or sum(a) != sum(b):
                ok = False
                break
        if ok:
            fits.append(pick)
            if len(fits) > 1:
                return set()
    if len(fits) != 1:
        return set()
    pick = fits[0]
    for rid in amb:
        sp = info[rid]
        pieces = [t.text for t in nums_of[rid]]
        done = _done_assumed(pieces, sp.candidates[pick[rid]], sp.assumed or ("T3.rowsum",))
        info[rid] = done
    return {(name, cols[c]) for name, c, _l, _r in used}


def _int(s: str) -> Optional[int]:
    try:
        return int(s)
    except ValueError:
        return None


@functools.lru_cache(maxsize=None)
def _ok_for(signed: bool, decimal: bool) -> Callable[[str], bool]:
    """The cell test of a column kind (one function per kind: :class:`_Cuts` keys on it)."""
    return lambda s: cell_ok(s, signed=signed, decimal=decimal)


def mark(rows: dict, info: dict) -> Optional[str]:
    """Record on the rows what the splitting found; returns the table's unreadable reason."""
    reason = None
    for rid, sp in info.items():
        row = rows.get(rid)
        if row is None:
            continue
        if sp.cells is None:
            row.unreadable = sp.reason or GLUED
            row.unreliable = True
            row.impossible = sp.impossible
            reason = reason or row.unreadable
            continue
        row.assumed = sp.assumed
    return reason


@functools.lru_cache(maxsize=64)
def groups_for(columns: tuple) -> tuple[Group, ...]:
    """The row identities a row with these columns has (none for table 二)."""
    if "tot" in columns:
        return t3_groups(columns)
    if any(c.endswith(".tot") for c in columns):
        return t4_groups(columns)
    return ()


class T4Split(NamedTuple):
    """Table 四's row found as glued digit runs: the region's tokens (re-cut), the row's tokens (one
    per cell when the split is certain, else the runs as found) and the split."""

    tokens: list
    items: list
    split: Split


def split_t4(norm: NormText, tokens: list, columns: Sequence[str]) -> Optional[T4Split]:
    """Table 四 flattened: its row of 15 cells as one or a few digit runs (``…总计110024001510102``).
    None when the region is not flattened."""
    toks, cut = retokenize(tokens, norm.text)
    exact, after = t4_runs(toks, columns)
    if exact or not after:
        return None
    n = len(columns)
    for run in after:
        nums = [t for t in run if t.kind == NUM]
        if any(t.kind == EMPTY for t in strip_empty(run)) or not nums:
            continue
        if sum(len(t.text) for t in nums) < n or len(nums) >= n:
            continue
        if not cut and len(nums) > 1 and not _glued_to_text(toks, nums[0]) and not any(map(_zero_run, nums)):
            return None  # spaced numbers, one missing: a damaged row (GX204), not a glued one
        oks = [_ok_for(False, False)] * n
        sp = split_row([t.text for t in nums], n, oks, t4_groups(columns), exhaust=bounded(norm.text, nums))
        items = _cells_of(nums, sp) if sp.cells is not None else nums
        return T4Split(toks, items, sp)
    return None


def _glued_to_text(toks: list, num) -> bool:
    """``num`` follows a word with no space between (``总计2200400``, split off its label already
    by parse.pdftext): the row's digits are glued, as in a flattened table."""
    for k, t in enumerate(toks):
        if t is num or (t.start == num.start and t.end == num.end):
            return k > 0 and toks[k - 1].kind == TEXT and toks[k - 1].end == num.start
    return False


# --- a flattened reading of a table ---------------------------------------------------------


def regroup(
    norm: NormText, tokens: list, specs: tuple[RowSpec, ...], columns_of: Callable, column_ids: Optional[dict] = None
) -> Optional[tuple[list[Match], dict, set]]:
    """The table read again with glued digit runs cut out of the label words and split into cells:
    (matches, {row id: Split}, assumed identities), or None when no word holds a glued run."""
    toks, cut = retokenize(tokens, norm.text)
    if not cut and not any(map(_zero_run, toks)):
        return None
    matches = read_rows(toks, specs)
    if not matches:
        return None
    return split_matches(matches, columns_of, groups_for, column_ids, norm.text)


def mark_table(tbl, state: tuple) -> None:
    """Record on the table what a flattened reading found: (unreadable reason, assumed identities)."""
    tbl.layout = "flattened"
    tbl.unreadable, tbl.assumed = state
    bad = [r for r in tbl.rows.values() if r.unreadable]
    if bad:
        tbl.unreadable_span = bad[0].span
