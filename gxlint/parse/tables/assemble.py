"""The last stage: tables 二/三/四 built from their regions, label-anchored and template-driven.

tokens (:mod:`.tokens`) → rows (:mod:`.rows`) → headers (:mod:`.headers`) → repairs
(:mod:`.repairs.pdf`, :mod:`.repairs.flatten`) → the :class:`Table` with its rows and cells.
A flattened table (cell separators lost) is read both ways and the reading that finds more of the
template's rows, more of them with the right number of cells, is kept.
"""

from __future__ import annotations

import bisect
from typing import Callable, Optional

from ... import templates
from ...model import GUESSED, Row, Span, Table
from ..normalize import NormText
from .headers import t2_headers, t3_header
from .repairs import flatten
from .repairs.pdf import (
    blank_cells,
    blank_total,
    join_wrapped_items,
    read_rows,
    t2_blocks_any_order,
    t2_other_template_blocks,
)
from .rows import (
    cells_from_items,
    explicit,
    label_exact,
    label_parts,
    label_wrapped_around_numbers,
    run_len,
    t4_runs,
    written_label,
)
from .specs import (
    RowSpec,
    detect_t2_version,
    detect_t3_version,
    plain,
    region_key,
    t2_specs,
    t3_specs,
    table_labels_present,
)
from .tokens import NUM, Token, drop_spacer_columns, tokenize


def _build_rows(norm: NormText, matches, specs, columns_of) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for k, (spec, buf, at, items) in enumerate(matches):
        cols = columns_of(spec)
        delimited = bool(items) and explicit(items)
        cells, found = cells_from_items(
            norm, items, cols, signed=spec.signed, decimal=spec.decimal, delimited=delimited
        )
        written, lspan = written_label(norm, buf, at)
        wkey = buf.joined()[at:]
        nxt_key = matches[k + 1][1].joined() if k + 1 < len(matches) else ""
        if not items:  # a label with no number at all: its cells are blank
            cells, found = blank_cells(norm, lspan, cols), len(cols)
        elif found == len(cols) - 1:  # PDF text drops a blank 总计 cell without a trace
            with_blank = blank_total(norm, items, cells, cols)
            if with_blank is not None:
                cells, found = with_blank, len(cols)
        row = Row(
            id=spec.id,
            label=spec.label,
            written=written,
            label_span=lspan,
            cells=cells,
            expected=len(cols),
            found=found,
            block=spec.block,
            label_exact=label_exact(
                wkey,
                spec,
                nxt_key,
                label_parts(buf, at),
                label_parts(matches[k + 1][1], 0)[:8] if k + 1 < len(matches) else (),
            )
            or (k + 1 < len(matches) and label_wrapped_around_numbers(wkey, spec, nxt_key, matches[k + 1][2])),
        )
        row.unreliable = found != len(cols)
        row.delimited = delimited
        rows[spec.id] = row
    return rows


def _likely(norm: NormText, nums: list[Token], sp, columns: tuple) -> list:
    """The cells of the most likely split of a row that no split reads with certainty: guesses."""
    cells, _n = cells_from_items(norm, flatten.likely_tokens(nums, sp), columns)
    for c in cells:
        c.certainty = GUESSED
    return cells


def _strays(norm: NormText, tokens: list[Token], matches: list) -> list[Span]:
    """Numbers between the table's first and last row that no row took (original spans)."""
    used = sorted((t.start, t.end) for m in matches for t in m.items if t.kind == NUM)
    if not used or sum(1 for t in tokens if t.kind == NUM) == len(used):
        return []
    lo, hi = used[0][0], max(e for _s, e in used)
    starts = [a for a, _b in used]
    out = []
    for t in tokens:
        if t.kind != NUM or not lo <= t.start < hi:
            continue
        k = bisect.bisect_right(starts, t.start) - 1
        if k < 0 or not (used[k][0] <= t.start < used[k][1]):
            out.append(norm.span(t.start, t.end))
    return out


def _repairs(rows, *more: str) -> list[str]:
    """What the reader repaired to read a table: the repairs behind its cells (in the order met) and
    ``more`` (repairs of the token stream: a spacer column)."""
    out: list[str] = [m for m in more if m]
    for r in rows.values():
        for c in r.cells:
            if c.how and c.how not in out:
                out.append(c.how)
    return out


def _missing(specs, rows) -> list[str]:
    return [s.id for s in specs if s.id not in rows]


def _flattened(
    norm: NormText,
    tokens: list[Token],
    specs: tuple[RowSpec, ...],
    columns_of: Callable,
    rows: dict[str, Row],
    column_ids: Optional[dict] = None,
):
    """A flattened table: (matches, rows, (unreadable reason, assumed identities)) when the table reads
    better with glued digit runs cut out of the label words and split into cells; else None.
    Only tried when the ordinary reading misses rows or miscounts cells."""
    if rows and len(rows) == len(specs) and not any(r.unreliable for r in rows.values()):
        return None
    found = flatten.regroup(norm, tokens, specs, columns_of, column_ids)
    if found is None:
        return None
    matches, info, assumed = found
    frows = _build_rows(norm, matches, specs, columns_of)
    reason = flatten.mark(frows, info)
    for m in matches:
        sp, row = info.get(m.spec.id), frows.get(m.spec.id)
        if sp is not None and row is not None and sp.impossible:
            row.likely = _likely(norm, [t for t in m.items if t.kind == NUM], sp, tuple(columns_of(m.spec)))

    def score(rs):
        return (len(rs), sum(1 for r in rs.values() if not r.unreliable))

    if score(frows) <= score(rows):
        return None
    return matches, frows, (reason, assumed)


def parse_t3(
    norm: NormText, start: int, end: int, fallback: Optional[str], force: Optional[str] = None
) -> Optional[Table]:
    rk = region_key(norm, start, end)
    ver = force or detect_t3_version(rk) or fallback or "v2021"
    tokens, spacer = drop_spacer_columns(tokenize(norm, start, end))
    if not tokens:
        return None
    # header: text before the first row label; 小计 means the 8-column local variant
    base, variant, headers = t3_header(norm, rk, tokens)
    columns = tuple(base)
    specs = t3_specs(ver, len(columns))
    matches = read_rows(tokens, specs)
    rows = _build_rows(norm, matches, specs, lambda s: columns) if matches else {}
    flat = _flattened(
        norm, tokens, specs, lambda s: columns, rows, {"outcomes": templates.version(ver)["t3"]["outcomes"]}
    )
    if flat is not None:
        matches, rows, unreadable = flat
    elif not matches:
        return _labels_only(norm, "t3", ver, start, end, specs)
    if flat is None and not variant:
        pos = _subtotal_from_data(rows)
        if pos is not None:
            # 8 numbers in (nearly) every row and one column is the sum of the five organisation
            # columns: the 小计 variant with its header lost (PDF text), not 25 misread rows
            base.insert(pos, "sub")
            columns = tuple(base)
            variant = "subtotal"
            specs = t3_specs(ver, len(columns))
            matches = read_rows(tokens, specs)
            rows = _build_rows(norm, matches, specs, lambda s: columns)
    span = norm.span(tokens[0].start, tokens[-1].end)
    tbl = Table("t3", ver, span, list(columns), rows, _missing(specs, rows), headers, variant)
    if flat is not None:
        flatten.mark_table(tbl, unreadable)
    last_found = max(k for k, s in enumerate(specs) if s.id in rows)
    tbl.truncated = last_found < len(specs) - 1
    # the table's span ends with its last row
    last_row = rows[specs[last_found].id]
    tbl.span = Span(norm.span(tokens[0].start, tokens[0].end).start, last_row.span.end)
    tbl.repairs = _repairs(rows, "spacer" if spacer else "")
    tbl.strays = _strays(norm, tokens, matches) if flat is None else []
    return tbl


def _subtotal_from_data(rows: dict) -> Optional[int]:
    """Where a 小计 column sits when the header does not say (6: after the five organisations,
    1: before them), judged from rows of 8 readable numbers; None unless nearly every row has 8."""
    if len(rows) < 5:
        return None
    eight = [r for r in rows.values() if r.found == 8 and all(c.value is not None for c in r.cells)]
    if len(eight) < 0.8 * len(rows):
        return None

    def fits(p: int) -> int:
        n = 0
        for r in eight:
            v = [c.value for c in r.cells]
            orgs = v[1:6] if p == 6 else v[2:7]
            if abs(v[p] - sum(orgs)) < 1e-9 and abs(v[7] - v[0] - v[p]) < 1e-9:
                n += 1
        return n

    best = max((6, 1), key=fits)
    return best if fits(best) >= 0.8 * len(eight) else None


def parse_t4(norm: NormText, start: int, end: int) -> Optional[Table]:
    """Table 四: one data row of 15 numbers after a header naming the groups.  The row is the
    first run of exactly 15 cells after the header; failing that, the longest run (a damaged row,
    reported by GX204) — never a stray number from a sentence before the table."""
    tokens, spacer = drop_spacer_columns(tokenize(norm, start, end))
    columns = tuple(templates.common()["t4"]["columns"])
    exact, after = t4_runs(tokens, columns)
    if not exact:  # a number wrapped in its cell (| 1 | 2<br>5 |): the row once joined
        exact = [j for j in (join_wrapped_items(r, len(columns)) for r in after) if run_len(j) == len(columns)]
    if not exact:
        flat = _flattened_t4(norm, tokens, columns)  # its row of 15 cells as glued digit runs
        if flat is not None:
            flat.repairs = _repairs(flat.rows, "spacer" if spacer else "")
            return flat
        if not after:
            return _labels_only_t4(norm, start, end, tokens)
    items = exact[0] if exact else max(after, key=run_len)
    cells, found = cells_from_items(norm, items, columns)
    sp0 = norm.span(tokens[0].start, tokens[0].end)
    row = Row("t4", "行政复议、行政诉讼", "", None, cells, expected=len(columns), found=found)
    row.unreliable = found != len(columns)
    row.delimited = explicit(items)
    tbl = Table("t4", None, Span(sp0.start, row.span.end), list(columns), {"t4": row}, [], [])
    tbl.repairs = _repairs(tbl.rows, "spacer" if spacer else "")
    return tbl


def _flattened_t4(norm: NormText, tokens: list[Token], columns: tuple) -> Optional[Table]:
    """Table 四 flattened (:func:`.repairs.flatten.split_t4`): its row read, or unreadable; None when
    the region is not flattened."""
    found = flatten.split_t4(norm, tokens, columns)
    if found is None:
        return None
    toks, items, sp = found
    n = len(columns)
    cells, nfound = cells_from_items(norm, items, tuple(columns))
    row = Row("t4", "行政复议、行政诉讼", "", None, cells, expected=n, found=nfound)
    row.delimited = explicit(items)
    sp0 = norm.span(toks[0].start, toks[0].end)
    tbl = Table("t4", None, Span(sp0.start, row.span.end), list(columns), {"t4": row}, [], [])
    tbl.layout = "flattened"
    flatten.mark(tbl.rows, {"t4": sp})
    if sp.impossible:
        row.likely = _likely(norm, items, sp, tuple(columns))
    if row.unreadable:
        tbl.unreadable = row.unreadable
        tbl.unreadable_span = row.span
    return tbl


def parse_t2(
    norm: NormText, start: int, end: int, fallback: Optional[str], force: Optional[str] = None
) -> Optional[Table]:
    rk = region_key(norm, start, end)
    ver = force or detect_t2_version(rk) or fallback or "v2021"
    tokens, spacer = drop_spacer_columns(tokenize(norm, start, end))
    if not tokens:
        return None
    specs = t2_specs(ver)
    matches = t2_blocks_any_order(tokens, specs, read_rows(tokens, specs), ver)
    # blocks whose headers are the other template's are read with its rows and columns
    matches, specs, other = t2_other_template_blocks(tokens, ver, specs, matches)
    rows = _build_rows(norm, matches, specs, lambda s: s.columns) if matches else {}
    rows = {s.id: rows[s.id] for s in specs if s.id in rows}  # template order
    flat = _flattened(norm, tokens, specs, lambda s: s.columns, rows)
    if flat is not None:
        matches, rows, unreadable = flat
        other = {}
    elif not matches:
        return _labels_only(norm, "t2", ver, start, end, specs)
    tbl = Table("t2", ver, norm.span(tokens[0].start, tokens[0].end), [], rows, _missing(specs, rows), [])
    if flat is not None:
        flatten.mark_table(tbl, unreadable)
    tbl.block_versions = other
    tbl.headers = t2_headers(norm, ver, matches, other)
    last = max(r.span.end for r in rows.values())
    tbl.span = Span(tbl.span.start, last)
    found_idx = [k for k, s in enumerate(specs) if s.id in rows]
    tbl.truncated = bool(found_idx) and found_idx[-1] < len(specs) - 1
    tbl.repairs = _repairs(rows, "spacer" if spacer else "")
    tbl.strays = _strays(norm, tokens, matches) if flat is None else []
    return tbl


# --- a table whose labels are there but no values could be read ---------------------------


def _labels_only(norm, kind: str, ver: str, start: int, end: int, specs) -> "Optional[Table]":
    """No row could be read, but the table's headers and labels are in the text: the table is
    there and unreadable (GX207), not missing (GX103)."""
    if not table_labels_present(kind, plain(region_key(norm, start, end))):
        return None
    tbl = Table(kind, ver, _content_span(norm, start, end), [], {}, [], [])
    tbl.unreadable = "no_values"
    return tbl


def _content_span(norm, start: int, end: int) -> "Span":
    """The region without the white space it starts with."""
    text = norm.text
    while start < end and text[start].isspace():
        start += 1
    return norm.span(start, end)


def _labels_only_t4(norm, start: int, end: int, tokens: list) -> "Optional[Table]":
    """Table 四's header is there but no row of numbers could be read: unreadable, not missing."""
    if not tokens or not table_labels_present("t4", plain(region_key(norm, start, end))):
        return None
    tbl = Table("t4", None, _content_span(norm, start, end), list(templates.common()["t4"]["columns"]), {}, [], [])
    tbl.unreadable = "no_values"
    return tbl
