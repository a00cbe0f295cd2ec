"""Repairs for tables damaged by PDF text extraction and document converters.

The generic reader (:mod:`gxlint.parse.tables`) cuts a table's region into TEXT/NUM/EMPTY tokens
and gives each run of numbers to the template row whose label ends the text before it.  Text taken
out of a PDF (or a converter's Markdown) damages tables in a few recurring ways; each function here
undoes one of them, and only where the reading it gives is the only one the text allows (where
more than one reading fits, the row stays as read and GX204 says so):

- a row's first number glued to its label (``大量反复申请0  0  0``, ``行政许可126``), or its last
  number glued to the next row's label (``0 1（七）总计``);
- two header cells glued together (``信息内容本年处理决定数量``);
- a short row label broken around its numbers (``2.重复申 1 0 0 0 0 0 1`` / ``请``);
- a row label with no numbers of its own, followed by the next row's label: its numbers stand on
  a line of their own above or below it (a value row without a label), every label of the table
  stands below its numbers, or its cells are blank;
- a blank 总计 cell, which PDF text drops without a trace (six numbers for seven columns), or the
  empty last cell of a Markdown row;
- table 二's blocks in another order than the template's, or a block written with the other
  template's columns (read with that template's rows and columns; GX201 says so once);
- a bare page number or the running page header between a row's label and its numbers.

Every repaired token keeps its offsets into the normalised text, so cells and labels still point
at what was written.  Flattened rows (digits of neighbouring cells run together: ``801000081``,
``00``) are left alone here: they are read elsewhere.
"""
from __future__ import annotations

import functools
from typing import Callable, Optional

import regex

from .. import templates
from ..model import Cell, Span
from .normalize import key

# --- a row's first number glued to its label ----------------------------------------------

# a label word ending in Han (or a closing bracket/quote) followed by a plain number
_GLUED_NUM = regex.compile(r"^(.*[\p{Han}）)”\"])((?:0|[1-9][0-9]{0,8})(?:\.[0-9]{1,4})?)$")
_DIGIT = regex.compile(r"[0-9]")
_LEAD_ENUM = regex.compile(r"^[0-9]{1,2}[.、．]")
_CANONICAL = regex.compile(r"^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")


def _row_label_keys() -> tuple[str, ...]:
    out = []
    for v in ("v2019", "v2021"):
        data = templates.version(v)
        out.extend(key(label) for _rid, label in data["t3"]["rows"])
        for b in data["t2"]["block"]:
            out.extend(key(label) for _rid, label in b["rows"])
    return tuple(sorted(set(out), key=len, reverse=True))


_LABEL_KEYS: Optional[tuple[str, ...]] = None


def _ends_with_row_label(k: str) -> bool:
    global _LABEL_KEYS
    if _LABEL_KEYS is None:
        _LABEL_KEYS = _row_label_keys()
    return any(k.endswith(lk) for lk in _LABEL_KEYS)


# a row's last number glued to the next row's label when that label opens with （七） or 四、
# (after 1. the digits would be ambiguous: 13.补正后… may be 1 | 3.补正后… or 13 | .…)
_GLUED_NEXT = regex.compile(r"^(0|[1-9][0-9]{0,5})((?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\p{Han}.*)$")


def split_glued_numbers(toks: list, text: str) -> list:
    """``4.无正当理由大量反复申请0  0  0`` → the label, then a cell ``0``.

    A word that ends in a number right after a Han character is split when it is a row of
    numbers' first cell: the next words on its line are numbers (each a plain, well-formed number:
    a run like ``000121`` is a flattened row, read elsewhere), or the word is a template row label
    followed by the number (``行政许可126`` in a one-column block).  Prose (``申请21件``) does not end
    in a number and is never touched."""
    from .tables import NUM, TEXT, Token

    if not any(t.kind == TEXT and (t.text[-1:].isdigit() or t.text[:1].isdigit()) for t in toks):
        return toks
    out: list = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.kind == TEXT and t.text[:1].isdigit() and i > 0 and toks[i - 1].kind == NUM \
                and toks[i - 1].line == t.line and _plain_run_before(toks, i):
            m = _GLUED_NEXT.match(t.text)
            if m is not None:        # … 0 1（七）总计: the number, then the next row's label
                cut = t.start + len(m.group(1))
                out.append(Token(NUM, t.start, cut, m.group(1), t.line))
                t = Token(TEXT, cut, t.end, m.group(2), t.line)
        if t.kind != TEXT or not t.text[-1:].isdigit() or len(t.text) > 90:
            out.append(t)
            continue
        m = _GLUED_NUM.match(t.text)
        if m is None:
            out.append(t)
            continue
        head, num = m.group(1), m.group(2)
        if len(head) > 80 or _DIGIT.search(_LEAD_ENUM.sub("", head)):
            out.append(t)       # digits inside the word: a flattened table, split elsewhere
            continue
        follow = []
        j = i + 1
        while j < n and toks[j].kind == NUM and toks[j].line == t.line:
            follow.append(toks[j])
            j += 1
        row_after = bool(follow) and all(_CANONICAL.match(f.text) for f in follow) and (
            j == n or toks[j].line != t.line or toks[j].kind != NUM)
        alone = i + 1 == n or toks[i + 1].line != t.line or toks[i + 1].kind == TEXT
        label_alone = alone and _ends_with_row_label(key(head))
        if not (row_after or label_alone):
            out.append(t)
            continue
        cut = t.start + len(head)
        out.append(Token(TEXT, t.start, cut, head, t.line))
        out.append(Token(NUM, cut, t.end, num, t.line))
    return out


def _plain_run_before(toks: list, i: int) -> bool:
    """The numbers before token i on its line are each a plain, well-formed number (a run like
    ``00`` belongs to a flattened row, read elsewhere)."""
    from .tables import NUM

    j = i - 1
    while j >= 0 and toks[j].kind == NUM and toks[j].line == toks[i].line:
        if not _CANONICAL.match(toks[j].text):
            return False
        j -= 1
    # the row's label does not end in digits either (…其他处理4 0 0 0: flattened)
    return j < 0 or not toks[j].text[-1:].isdigit()


# --- two header cells glued together ------------------------------------------------------

def split_glued_headers(toks: list, expected: list[str]) -> list:
    """``信息内容本年处理决定数量`` → ``信息内容`` + ``本年处理决定数量``: a header word that is two
    (or more) of the block's expected headers written without a space between them."""
    from .tables import TEXT, Token, plain

    exp = [plain(key(e)) for e in expected]
    out: list = []
    for t in toks:
        if t.kind != TEXT:
            out.append(t)
            continue
        # a header cell is short: a long word (a flattened one-line table) is not looked into
        pieces = _split_into(t.text, exp) if len(t.text) <= 60 else None
        if pieces is None or len(pieces) < 2:
            out.append(t)
            continue
        pos = t.start
        for p in pieces:
            out.append(Token(TEXT, pos, pos + len(p), p, t.line))
            pos += len(p)
    return out


def _split_into(word: str, exp: list[str]) -> Optional[list[str]]:
    """The word cut into consecutive pieces each of which reads as one expected header (the last may
    be the beginning of one: a header wrapped onto the next line); None when it cannot be."""
    from .tables import plain

    if plain(key(word)) in exp:
        return None
    for cut in range(1, len(word)):
        if plain(key(word[:cut])) in exp and plain(key(word[cut - 1:cut])):
            rest = word[cut:]
            rk = plain(key(rest))
            if not rk:
                continue
            if rk in exp or any(e.startswith(rk) and len(rk) >= 2 for e in exp):
                return [word[:cut], rest]
            more = _split_into(rest, exp)
            if more is not None:
                return [word[:cut]] + more
    return None


# --- a short label broken around its numbers ----------------------------------------------

def label_wrapped_around_numbers(written_key: str, spec, next_key: str, next_at: int) -> bool:
    """``2.重复申 1 0 0 0 0 0 1`` / ``请`` / ``3.要求提供…``: the written label is the beginning of
    the template label and the text between its numbers and the next row's label is exactly the
    rest of it."""
    from .tables import plain

    w = plain(written_key)
    if not w or not spec.plain.startswith(w) or w == spec.plain:
        return False
    if len(w) < len(plain(spec.enum)) + 2:
        return False
    rest = spec.plain[len(w):]
    return plain(next_key[:next_at]) == rest


# --- a label with no numbers of its own ------------------------------------------------------

def prefer_later(buf, found, cands: list):
    """The buffer holds a complete row label, then (after it, in words of its own) the complete
    label of a later row: the numbers that follow are the later row's.  Returns (found, skipped)
    where skipped lists (spec, start in the buffer's key) of the rows whose labels stand, complete,
    before it with no number of their own.  A label glued to digits or to the next label (a
    flattened table, read elsewhere) is left as it was."""
    if found is None or found[1] < 1.0:
        return found, []
    spec, _score, at = found
    try:
        k0 = cands.index(spec)
    except ValueError:
        return found, []
    joined = buf.joined()
    after = at + len(spec.key)
    if not any(later.key in joined[after:] for later in cands[k0 + 1:]):
        return found, []
    bounds = set(buf.offs) | {len(joined)}
    # a label inside a longer word (prose before the table: 本局不制定规章) is not a row: a later
    # label standing as words of its own is the one these numbers follow
    in_word = at not in bounds
    chain = [(spec, at)]
    pos = at + len(spec.key)
    for later in cands[k0 + 1:]:
        idx = joined.find(later.key, pos)
        if idx < 0:
            continue
        ends_word = pos in bounds or (in_word and len(chain) == 1)
        if idx not in bounds or not ends_word or _DIGIT.search(joined, pos, idx):
            break
        chain.append((later, idx))
        pos = idx + len(later.key)
    if len(chain) == 1:
        return found, []
    last, last_at = chain[-1]
    return (last, 1.0, last_at), chain[1:-1] if in_word else chain[:-1]


def split_buffer(buf, label_end: int, next_at: int):
    """The part of a label buffer up to a label ending at key offset ``label_end`` (a new buffer),
    or None when the next label (at ``next_at``) starts inside the same token."""
    from .tables import _Buf

    idx = buf.token_at(max(label_end - 1, 0))
    if buf.token_at(next_at) <= idx:
        return None
    head = _Buf.new()
    for t in buf.tokens[:idx + 1]:
        head.add(t)
    return head


def trailing_rows(buf, specs: list, matches: list) -> list:
    """The complete label of the next template row in the text after the last run of numbers
    (a label standing below its numbers): a row with no numbers yet, (spec, buffer, start, []),
    which :func:`place_value_lines` gives a value line or drops."""
    if not matches or not specs or not buf.tokens:
        return []
    spec = specs[0]
    at = buf.joined().find(spec.key)
    if at < 0 or at not in set(buf.offs):
        return []
    return [(spec, buf, at, [])]


def _lines_of(items: list) -> list[list]:
    """Numbers of a run grouped by line (EMPTY tokens dropped)."""
    from .tables import EMPTY

    groups: list[list] = []
    last = None
    for t in items:
        if t.kind == EMPTY:
            continue
        if t.line != last:
            groups.append([])
            last = t.line
        groups[-1].append(t)
    return groups


def place_value_lines(matches: list, orphans: list = (), trailing: int = 0) -> list:
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
        if orphan is not None and at == 0 and _count(orphan) == spec.n:
            m[3] = list(orphan)
            continue
        options = []
        if k > 0 and out[k - 1][3]:
            lines = _lines_of(out[k - 1][3])
            if len(lines) >= 2 and len(lines[-1]) == spec.n and sum(map(len, lines[:-1])) == out[k - 1][0].n:
                options.append((k - 1, lines[-1]))
        if k + 1 < len(out) and out[k + 1][3]:
            lines = _lines_of(out[k + 1][3])
            if len(lines) >= 2 and len(lines[0]) == spec.n and sum(map(len, lines[1:])) == out[k + 1][0].n:
                options.append((k + 1, lines[0]))
        if not options:
            # line breaks lost (one-line text): a neighbour with exactly both rows' count of numbers
            if k > 0 and out[k - 1][3] and _count(out[k - 1][3]) == out[k - 1][0].n + spec.n:
                options.append((k - 1, [t for t in out[k - 1][3] if t.kind != 2][-spec.n:]))
            if k + 1 < len(out) and out[k + 1][3] and _count(out[k + 1][3]) == out[k + 1][0].n + spec.n:
                options.append((k + 1, [t for t in out[k + 1][3] if t.kind != 2][:spec.n]))
        if len(options) != 1:
            continue
        src, line = options[0]
        taken = {id(t) for t in line}
        out[src][3] = [t for t in out[src][3] if id(t) not in taken]
        m[3] = list(line)
    if trailing:
        out = out[:len(out) - trailing] + [m for m in out[len(out) - trailing:] if m[3]]
    return [tuple(m) for m in out]


def _count(items: list) -> int:
    return sum(1 for t in items if t.kind != 2)


def _shift_all(out: list, orphans: list, trailing: int) -> Optional[list]:
    """Every row label below its numbers (see :func:`place_value_lines`), or None."""
    if trailing != 1 or len(out) < 3 or not orphans or orphans[0][0] != 0:
        return None
    runs = [orphans[0][1]] + [m[3] for m in out[:-1]]
    if any(not r for r in runs) or _count(runs[0]) != out[0][0].n:
        return None
    # nearly every run has exactly its row's count (a run that has not is that row's GX204)
    if sum(_count(r) == m[0].n for r, m in zip(runs, out)) < 0.75 * len(out):
        return None
    if any(idx != 0 for idx, _r in orphans[1:]):
        return None          # other runs that followed no label: the table is not simply shifted
    return [(m[0], m[1], m[2], list(r)) for r, m in zip(runs, out)]


def blank_cells(norm, label_span: Optional[Span], columns: tuple) -> list[Cell]:
    """Cells of a row whose label has no number at all: every cell left blank (PDF text drops empty
    cells), each pointing, empty, at the end of the label."""
    at = label_span.end if label_span is not None else 0
    return [Cell(c, "", Span(at, at), None, blank=True) for c in columns]


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
    toks = [t for t in items if t.kind != 2]
    if len(toks) != len(cells):
        return None
    md = _markdown_trailing_blank(norm, items, toks)
    if md is not None:
        # a Markdown row (| … |) keeps its cells: an empty last cell is the blank 总计
        return cells + [Cell("tot", "", norm.span(md.start, md.end), None, blank=True)]
    for a, b in zip(toks, toks[1:]):
        if norm.text[a.end:b.start].strip():
            return None      # separators between the cells (|, tab): a cell left out, not blank
    vals = [c.value for c in cells]
    if vals[-1] >= sum(vals[:-1]) - 1e-9:
        return None          # the last number may be the total (one part blank): unknown which
    m = _NEXT_WORD.match(norm.text, toks[-1].end)
    if m and m.group(1)[:1].isdigit():
        return None          # the next word starts with a digit: the total may be glued to it
    end = cells[-1].span.end
    return cells + [Cell("tot", "", Span(end, end), None, blank=True)]


_NEXT_WORD = regex.compile(r"\s*(\S?)")


def _markdown_trailing_blank(norm, items: list, toks: list):
    """The one empty cell after a row's last number in a Markdown row (a line that starts and
    ends with ``|``), or None."""
    last = toks[-1]
    after = [t for t in items[items.index(last) + 1:] if t.line == last.line]
    if len(after) != 1 or after[0].kind != 2:
        return None
    text = norm.text
    ls = text.rfind("\n", 0, last.start) + 1
    le = text.find("\n", last.end)
    line = text[ls:le if le >= 0 else len(text)].strip()
    if not (line.startswith("|") and line.endswith("|")) or line.endswith("||"):
        return None
    return after[0]


# --- table 二's blocks out of order -------------------------------------------------------

def _captions(tokens: list, blocks: list) -> list[tuple[int, int]]:
    """(token index, block index) of each block caption (第二十条第（X）项) in the token stream."""
    from .tables import TEXT

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


def t2_blocks_any_order(tokens: list, specs: tuple, matches: list, version: str,
                        groups: Callable) -> list:
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
        return matches       # in template order: the sequential read was right
    out = []
    for k, (i, b) in enumerate(caps):
        end = caps[k + 1][0] if k + 1 < len(caps) else len(tokens)
        caption = blocks[b]["caption"]
        bspecs = tuple(s for s in specs if s.block == caption)
        out.extend(groups(tokens[i:end], bspecs))
    ids = [m[0].id for m in out]
    if len(set(ids)) != len(ids) or len(set(ids)) <= len(found):
        return matches
    return out


# --- table 二 blocks written in the other template ------------------------------------------

_OTHER = {"v2019": "v2021", "v2021": "v2019"}


def t2_other_template_blocks(tokens: list, version: str, specs: tuple, matches: list,
                             groups: Callable, specs_of: Callable) -> tuple[list, tuple, dict]:
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
        words = "".join(key(t.text) for t in seg if t.kind == 0)
        mine = [key(lab) for _c, lab in blocks[caption]["columns"]]
        theirs = [key(lab) for _c, lab in oblocks[caption]["columns"]]
        if all(h in words for h in mine) or not all(h in words for h in theirs):
            continue
        ospecs = tuple(s for s in specs_of(other) if s.block == caption)
        found = groups(seg, ospecs)
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


# --- a bare page number before a row's numbers -----------------------------------------------

def trim_leading_page_number(items: list, n: int) -> list:
    """PDF text: a page break between a row's label and its numbers leaves the bare page number on
    a line of its own (``4.保护第三方合法权益`` / ``5`` / ``2 0 0 0 0 0 2``): one number too many,
    alone on its line, before a line holding exactly the row's cells — not a first cell."""
    if n < 2 or len(items) < n + 1 or _count(items) != n + 1:
        return items
    lines = _lines_of(items)
    if len(lines) != 2 or len(lines[0]) != 1 or len(lines[1]) != n:
        return items
    first = lines[0][0]
    if not (first.text.isdigit() and len(first.text) <= 3 and first.text[0] != "0"):
        return items
    return [t for t in items if t is not first]


# --- a running page header inside a table -----------------------------------------------------

def running_header(text: str, region_start: int, pos: int, line_end: int, page_no) -> bool:
    """PDF text: the page's running header (the report's title or the issuer, repeated at the top
    of every page) printed inside a table at a page break.  A line is one when it repeats, word for
    word, one of the document's first three lines (before the table) and stands next to a page
    number line."""
    if line_end - pos > 200 or line_end - pos < 4:
        return False
    heads = _head_lines(text, region_start)
    if not heads:
        return False
    line = text[pos:line_end].strip()
    if line not in heads:
        return False
    before = text.rfind("\n", 0, max(pos - 1, 0))
    prev = text[before + 1:max(pos - 1, 0)] if pos > 0 else ""
    nl = text.find("\n", line_end + 1)
    nxt = text[line_end + 1:nl if nl >= 0 else len(text)]
    return any(s.strip() and page_no.match(s) for s in (prev, nxt))


def head_lines(text: str, region_start: int) -> tuple[str, ...]:
    """The document's first three lines before the region (stripped): the only lines
    :func:`running_header` can find (a caller that tests many lines checks this first)."""
    return _head_lines(text, region_start)


@functools.lru_cache(maxsize=8)
def _head_lines(text: str, region_start: int) -> tuple[str, ...]:
    out = []
    for ln in text[:min(2000, region_start)].split("\n"):
        ln = ln.strip()
        if ln and not any(_CANONICAL.match(w) for w in ln.split()):
            out.append(ln)
        if len(out) == 3:
            break
    return tuple(out)
