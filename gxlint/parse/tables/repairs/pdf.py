"""Repairs for tables damaged by PDF text extraction and document converters.

The generic reader (:mod:`..rows`) gives each run of numbers to the template row whose label ends
the text before it.  Text taken out of a PDF (or a converter's Markdown) damages tables in a few
recurring ways; each function here undoes one of them, and only where the reading it gives is the
only one the text allows (where more than one reading fits, the row stays as read):

- a row label with no numbers of its own, followed by the next row's label: its numbers stand on
  a line of their own above or below it (a value row without a label), every label of the table
  stands below its numbers, or its cells are blank;
- a blank 总计 cell, which PDF text drops without a trace (six numbers for seven columns), or the
  empty last cell of a Markdown row;
- table 二's blocks in another order than the template's, or a block written with the other
  template's columns (read with that template's rows and columns; GX201 says so once).

(Damage to the token stream itself — a number glued to its label, page numbers and running
headers — is undone in :mod:`..tokens`; flattened rows, digits of neighbouring cells run together,
in :mod:`.flatten`.)  Every repaired token keeps its offsets into the normalised text, so cells and
labels still point at what was written.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from .... import guard, templates
from ....model import GUESSED, Cell, Span
from ...normalize import key
from ..rows import Match, group
from ..specs import RowSpec, t2_specs
from ..tokens import EMPTY, NUM, TEXT, Token, count_numbers, lines_of, strip_empty


def read_rows(tokens: list[Token], specs: tuple[RowSpec, ...]) -> list[Match]:
    """The rows of a table region: :func:`..rows.group`, then rows a converter merged taken apart
    (:func:`unmerge_rows`), value rows whose label stands above or below them placed
    (:func:`place_value_lines`) and numbers wrapped inside their cells joined (:func:`join_wrapped`)."""
    g = group(tokens, specs)
    matches = place_value_lines(unmerge_rows(g.matches), g.orphans, g.trailing)
    return [join_wrapped(m) for m in matches]


# --- cells holding more than one number ------------------------------------------------------


def _pieces(items: list) -> Optional[list[list]]:
    """The row's numbers grouped by the cell (line, column) they stand in, in order; None when the
    row's cells are not between separators."""
    out: dict = {}
    for t in items:
        if t.kind == EMPTY:
            continue
        if t.col < 0:
            return None
        out.setdefault((t.line, t.col), []).append(t)
    return list(out.values())


def _well_formed(text: str) -> bool:
    return text.isdigit() and (text == "0" or text[0] != "0")


def join_wrapped(m: Match) -> Match:
    """``| 17 8 |``: a number wrapped inside its narrow cell (a PDF cell's two lines, a converter's
    line break) is one number again — when the row then has exactly its template's count of cells
    and each joined number is well formed.  Cells holding two numbers each are two merged rows
    (:func:`unmerge_rows`), not wrapped numbers."""
    items = join_wrapped_items(m.items, m.spec.n)
    return m if items is m.items else Match(m.spec, m.buf, m.at, items)


def join_wrapped_items(items: list, n: int) -> list:
    """:func:`join_wrapped` of a row's tokens and its template count ``n`` (the same list when
    nothing is joined)."""
    if all(t.alone or t.kind != NUM for t in items):
        return items  # (fast path) every number alone in its cell: nothing to join
    pieces = _pieces(items)
    if not pieces or all(len(p) == 1 for p in pieces) or (len(pieces) > 1 and all(len(p) == 2 for p in pieces)):
        return items
    blanks = sum(1 for t in strip_empty(items) if t.kind == EMPTY)
    if len(pieces) + blanks != n:
        return items
    joined: dict = {}
    for p in pieces:
        if len(p) < 2:
            continue
        text = "".join(t.text for t in p)
        if not _well_formed(text) or not all(t.text.isdigit() for t in p):
            return items
        joined[id(p[0])] = Token(NUM, p[0].start, p[-1].end, text, p[0].line, p[0].col, True, "joined")
        for t in p[1:]:
            joined[id(t)] = None
    out = []
    for t in items:
        r = joined.get(id(t), t)
        if r is not None:
            out.append(r)
    return out


def unmerge_rows(matches: list[Match]) -> list[Match]:
    """Two rows a converter merged into one (``| 3.危及… 4.保护… | 31 36 | 0 4 | … |``): both labels
    in one cell, so the first row has no numbers of its own, and every cell of the second holds two
    numbers, the first row's then its own.  Taken apart again; the numbers are a guess (``merged``)."""
    if all(m.items for m in matches):
        return matches
    out = list(matches)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if prev.items or not cur.items:
            continue
        pieces = _pieces(cur.items)
        n = cur.spec.n
        if not pieces or len(pieces) != n or prev.spec.n != n or not all(len(p) == 2 for p in pieces):
            continue
        if len({t.line for p in pieces for t in p}) != 1:
            continue
        out[k - 1] = Match(prev.spec, prev.buf, prev.at, [replace(p[0], how="merged") for p in pieces])
        out[k] = Match(cur.spec, cur.buf, cur.at, [replace(p[1], how="merged") for p in pieces])
    return out


def _marked(tokens: list, how: str) -> list:
    """Copies of the tokens marked with the inference that placed them (the tokens themselves may
    belong to another reading of the same region too)."""
    return [replace(t, how=how) if t.kind != EMPTY else t for t in tokens]


# --- a label with no numbers of its own ------------------------------------------------------


def place_value_lines(matches: list, orphans: Sequence = (), trailing: int = 0) -> list:
    """Rows found with no numbers (their label stood right before another row's label, or after the
    table's last numbers) take a value line without a label:

    - every label stands below its numbers: the numbers before the first label (they followed only
      the header) are the first row's, each row's are the next row's, the last row's stand before
      its label — when every run has exactly its row's count of cells;
    - a run of numbers that followed no label, right before the label;
    - the row before read one line of numbers too many (the label stands below its numbers) or the
      row after did (the label stands above) — only when one neighbour offers such a line.

    ``trailing`` rows at the end (a label after the last numbers) are dropped when none applies."""
    out = [list(m) for m in matches]
    shifted = _shift_all(out, orphans, trailing)
    if shifted is not None:
        return shifted
    for k, m in enumerate(out):
        spec, _buf, at, items = m
        if items:
            continue
        orphan = next((run for idx, run in orphans if idx == k), None)
        if orphan is not None and at == 0 and count_numbers(orphan) == spec.n:
            m[3] = _marked(orphan, "placed")
            continue
        options = []
        if k > 0 and out[k - 1][3]:
            lines = lines_of(out[k - 1][3])
            if len(lines) >= 2 and len(lines[-1]) == spec.n and sum(map(len, lines[:-1])) == out[k - 1][0].n:
                options.append((k - 1, lines[-1]))
        if k + 1 < len(out) and out[k + 1][3]:
            lines = lines_of(out[k + 1][3])
            if len(lines) >= 2 and len(lines[0]) == spec.n and sum(map(len, lines[1:])) == out[k + 1][0].n:
                options.append((k + 1, lines[0]))
        if not options:
            # line breaks lost (one-line text): a neighbour with exactly both rows' count of numbers
            if k > 0 and out[k - 1][3] and count_numbers(out[k - 1][3]) == out[k - 1][0].n + spec.n:
                options.append((k - 1, [t for t in out[k - 1][3] if t.kind != EMPTY][-spec.n :]))
            if k + 1 < len(out) and out[k + 1][3] and count_numbers(out[k + 1][3]) == out[k + 1][0].n + spec.n:
                options.append((k + 1, [t for t in out[k + 1][3] if t.kind != EMPTY][: spec.n]))
        if len(options) != 1:
            continue
        src, line = options[0]
        taken = {id(t) for t in line}
        out[src][3] = [t for t in out[src][3] if id(t) not in taken]
        m[3] = _marked(line, "placed")
    if trailing:
        out = out[: len(out) - trailing] + [m for m in out[len(out) - trailing :] if m[3]]
    return [Match(*m) for m in out]


def _shift_all(out: list, orphans: Sequence, trailing: int) -> Optional[list]:
    """Every row label below its numbers (see :func:`place_value_lines`), or None."""
    if trailing != 1 or len(out) < 3 or not orphans or orphans[0][0] != 0:
        return None
    runs = [orphans[0][1]] + [m[3] for m in out[:-1]]
    if any(not r for r in runs) or count_numbers(runs[0]) != out[0][0].n:
        return None
    # nearly every run has exactly its row's count (a run that has not is that row's GX204)
    if sum(count_numbers(r) == m[0].n for r, m in zip(runs, out)) < 0.75 * len(out):
        return None
    if any(idx != 0 for idx, _r in orphans[1:]):
        return None  # other runs that followed no label: the table is not simply shifted
    return [Match(m[0], m[1], m[2], _marked(r, "placed")) for r, m in zip(runs, out)]


def blank_cells(norm, label_span: Optional[Span], columns: tuple) -> list[Cell]:
    """Cells of a row whose label has no number at all: every cell left blank (PDF text drops empty
    cells), each pointing, empty, at the end of the label."""
    at = label_span.end if label_span is not None else 0
    return [Cell(c, "", Span(at, at), None, blank=True, certainty=GUESSED, how="blank") for c in columns]


# --- a blank 总计 cell --------------------------------------------------------------------


def blank_total(norm, items: list, cells: list[Cell], columns: tuple) -> Optional[list[Cell]]:
    """Table 三, space-separated text: six numbers for np…ot, tot.  Its 总计 cell was left blank
    when no other reading fits: if one of the six applicant cells were the blank one, the last
    number would be the total, never less than the five numbers before it together — when it is
    less, the six numbers are the six applicant columns and the total is blank.  Returns the cells
    with a blank 总计 appended, or None when the row is not that case."""
    if not columns or columns[-1] != "tot" or "sub" in columns or len(cells) != len(columns) - 1:
        return None
    if any(c.value is None or c.malformed for c in cells):
        return None
    toks = [t for t in items if t.kind != EMPTY]
    if len(toks) != len(cells):
        return None
    md = _markdown_trailing_blank(norm, items, toks)
    if md is not None:
        # a Markdown row (| … |) keeps its cells: an empty last cell is the blank 总计
        return cells + [Cell("tot", "", norm.span(md.start, md.end), None, blank=True)]
    for a, b in zip(toks, toks[1:]):
        if norm.text[a.end : b.start].strip():
            return None  # separators between the cells (|, tab): a cell left out, not blank
    vals = [c.value for c in cells if c.value is not None]  # every one (checked above)
    if vals[-1] >= sum(vals[:-1]) - 1e-9:
        return None  # the last number may be the total (one part blank): unknown which
    m = _NEXT_WORD.match(norm.text, toks[-1].end)
    if m and m.group(1)[:1].isdigit():
        return None  # the next word starts with a digit: the total may be glued to it
    end = cells[-1].span.end
    # which number is which column rests on the inference: every cell of the row is a guess
    return [replace(c, certainty=GUESSED, how="blank") for c in cells] + [
        Cell("tot", "", Span(end, end), None, blank=True, certainty=GUESSED, how="blank")
    ]


_NEXT_WORD = guard.lazy(r"\s*(\S?)")


def _markdown_trailing_blank(norm, items: list, toks: list):
    """The one empty cell after a row's last number in a Markdown row (a line that starts and
    ends with ``|``), or None."""
    last = toks[-1]
    after = [t for t in items[items.index(last) + 1 :] if t.line == last.line]
    if len(after) != 1 or after[0].kind != EMPTY:
        return None
    text = norm.text
    ls = text.rfind("\n", 0, last.start) + 1
    le = text.find("\n", last.end)
    line = text[ls : le if le >= 0 else len(text)].strip()
    if not (line.startswith("|") and line.endswith("|")) or line.endswith("||"):
        return None
    return after[0]


# --- table 二's blocks out of order -------------------------------------------------------


def _captions(tokens: list, blocks: list) -> list[tuple[int, int]]:
    """(token index, block index) of each block caption (第二十条第（X）项) in the token stream."""
    caps = [key(b["caption"]) for b in blocks]
    out = []
    for i, t in enumerate(tokens):
        if t.kind != TEXT:
            continue
        acc = ""
        for j in range(i, min(i + 3, len(tokens))):
            if tokens[j].kind != TEXT:
                break
            acc += key(tokens[j].text)
            hit = [b for b, c in enumerate(caps) if acc.startswith(c)]
            if hit:
                out.append((i, max(hit, key=lambda b: len(caps[b]))))
                break
            if not any(c.startswith(acc) for c in caps):
                break
    return out


def t2_blocks_any_order(tokens: list, specs: tuple, matches: list, version: str) -> list:
    """Table 二 read block by block, each block after its own caption, when its blocks stand in
    another order than the template's (the sequential read then misses rows).  Used only when it
    finds more rows than the sequential read."""
    found = {m[0].id for m in matches}
    if len(found) == len(specs):
        return matches
    blocks = templates.version(version)["t2"]["block"]
    caps = _captions(tokens, blocks)
    if len(caps) < 2:
        return matches
    order = [b for _i, b in caps]
    if order == sorted(order) and len(set(order)) == len(order):
        return matches  # in template order: the sequential read was right
    out = []
    for k, (i, b) in enumerate(caps):
        end = caps[k + 1][0] if k + 1 < len(caps) else len(tokens)
        caption = blocks[b]["caption"]
        bspecs = tuple(s for s in specs if s.block == caption)
        out.extend(read_rows(tokens[i:end], bspecs))
    ids = [m[0].id for m in out]
    if len(set(ids)) != len(ids) or len(set(ids)) <= len(found):
        return matches
    return out


# --- table 二 blocks written in the other template ------------------------------------------

_OTHER = {"v2019": "v2021", "v2021": "v2019"}


def t2_other_template_blocks(tokens: list, version: str, specs: tuple, matches: list) -> tuple[list, tuple, dict]:
    """Blocks of table 二 whose column headers are the other template's (a 2022 report whose
    第二十条第（一）项 still reads 本年新制作数量 / 本年新公开数量 / 对外公开总数量 while the other
    blocks follow the 2021 format): each such block is read with the other template's rows and
    columns.  Returns (matches, the row specs the table is read against, {caption: version} of
    the blocks read in the other template)."""
    other = _OTHER.get(version)
    if other is None:
        return matches, specs, {}
    blocks = {b["caption"]: b for b in templates.version(version)["t2"]["block"]}
    oblocks = {b["caption"]: b for b in templates.version(other)["t2"]["block"]}
    caps = _captions(tokens, templates.version(version)["t2"]["block"])
    swapped: dict[str, str] = {}
    out = list(matches)
    eff = list(specs)
    for k, (i, b) in enumerate(caps):
        caption = templates.version(version)["t2"]["block"][b]["caption"]
        if caption not in oblocks or caption in swapped:
            continue
        end = caps[k + 1][0] if k + 1 < len(caps) else len(tokens)
        seg = tokens[i:end]
        words = "".join(key(t.text) for t in seg if t.kind == TEXT)
        mine = [key(lab) for _c, lab in blocks[caption]["columns"]]
        theirs = [key(lab) for _c, lab in oblocks[caption]["columns"]]
        if all(h in words for h in mine) or not all(h in words for h in theirs):
            continue
        ospecs = tuple(s for s in t2_specs(other) if s.block == caption)
        found = read_rows(seg, ospecs)
        if not found:
            continue
        seg_ids = {id(t) for t in seg}
        out = [m for m in out if not (m[0].block == caption or (m[3] and id(m[3][0]) in seg_ids))]
        out.extend(found)
        at = next(j for j, s in enumerate(eff) if s.block == caption)
        eff = [s for s in eff if s.block != caption]
        eff[at:at] = list(ospecs)
        swapped[caption] = other
    if not swapped:
        return matches, specs, {}
    pos = {id(t): j for j, t in enumerate(tokens)}
    out.sort(key=lambda m: pos.get(id(m[3][0]), 0) if m[3] else pos.get(id(m[1].tokens[-1]), 0) if m[1].tokens else 0)
    return out, tuple(eff), swapped
