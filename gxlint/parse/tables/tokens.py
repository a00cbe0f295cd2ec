"""The first stage of the table reader: a table region cut into a stream of tokens.

Whatever the layout — ``|`` rows, tab rows with shifted columns, one cell per line, cells between
blank lines, Markdown, PDF text with labels wrapped over several lines or printed one character
per line — the region becomes TEXT words, NUM words and EMPTY cells (an empty cell *between* two
separators on one line).  Offsets are into the normalised text (:class:`NormText`).

The token stream is also where the damage that is purely lexical is undone, each only where the
text allows one reading: a row's first number glued to its label (``大量反复申请0  0  0``), a
signed cell written with a space (``增 1``), page numbers and a page's running header inside a
table, a number followed by a unit (prose, not a cell).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import regex

from ... import guard
from ..normalize import NormText, key
from .specs import row_label_keys

TEXT, NUM, EMPTY = 0, 1, 2

_SEP = guard.lazy(r"[|\t│┃║]")
# a rule line of a drawn or grid table: +----+----+, ├──┼──┤, ═══
_GRID_RULE = guard.lazy(r"^(?=.*(?:[+─━═┼┤├┬┴┌┐└┘╪╋╂┿╔╗╚╝╠╣╦╩╬]|-{3,}))[\s+\-=:|─━│┃║┼┤├┬┴┌┐└┘═╪╋╂┿╔╗╚╝╠╣╦╩╬]+$")
_WORD = guard.lazy(r"[^ \t|]+")
_MD_RULE = guard.lazy(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PAGE_NO = guard.lazy(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
# a numeric-looking word: digits with signs, 增/减, separators; or a lone dash/slash
_NUMISH = guard.lazy(
    r"^(?:[+\-]|增|减)?[0-9][0-9,.，]*$|^[—–\-－/／]{1,3}$|^[0-9]+[OoIl][0-9OoIl]*$|^[OoIl]*[0-9][0-9OoIl]*$"
)


@dataclass(slots=True)
class Token:
    kind: int
    start: int  # normalised offsets
    end: int
    text: str
    line: int  # index of the line within the region (for "same line" tests)
    col: int = -1  # on a line with cell separators (| tab │): the index of its cell on the line
    # (the cell after a leading separator is 0); -1 on a line without separators
    alone: bool = False  # the only word of its cell between separators: a cell read as written
    how: str = ""  # the repair that made this token (see :data:`REPAIRS`), "" when read as written


REPAIRS = {
    "glued": "a number cut off the label it was glued to (大量反复申请0)",
    "split": "a run of digits of neighbouring cells split into its cells (flattened table)",
    "joined": "a number wrapped inside its cell joined again (| 17 8 | → 178)",
    "placed": "a row of values given to a label that does not stand beside it",
    "merged": "two rows the converter merged into one, taken apart again",
    "page": "a bare number after the row taken for a page number",
    "blank": "a blank cell inferred where the text shows none",
    "letters": "letters among a number's digits (1O, l2): perhaps a scan misread by OCR",
}
"""What :attr:`Token.how` may say.  The first three are *recoveries*: the only reading the text
admits; the others are *inferences* from the layout (see :mod:`gxlint.certainty`)."""
RECOVERIES = frozenset(("glued", "split", "joined"))


def tokenize(norm: NormText, start: int, end: int, max_lines: int = 20000) -> list[Token]:
    text = norm.text
    out: list[Token] = []
    pos = start
    line_no = 0
    # a line of at most guard.SHORT characters is matched with the bare patterns (the wrapper only
    # checks the budget, one call in 64: done here once per 64 lines), and its words are memoised
    # by its text; a longer one under the budget
    wrapped = (_MD_RULE, _PAGE_NO, _GRID_RULE, _SEP, _WORD, _NUMISH, _MD_CELL_RULE)
    short = guard.SHORT
    heads = head_lines(text, start)  # a running header repeats one of these (computed once)
    while pos < end and line_no < max_lines:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        if line_end - pos > short:
            words = _line_words(line, wrapped)
        else:
            words = _short_line_words(line)
            if not line_no & 63:
                guard.check()
        if words and not (heads and line.strip() in heads and running_header(text, start, pos, line_end, _PAGE_NO)):
            out += [Token(kind, pos + a, pos + b, w, line_no, col, alone) for kind, a, b, w, col, alone in words]
        line_no += 1
        pos = line_end + 1
    out = split_glued_numbers(out, text)  # 大量反复申请0  0  0
    return _enumerators(_prose_numbers(_join_signs(_drop_page_numbers(out, text), text), text))


# markup a converter leaves inside a table's cells: Markdown emphasis, HTML tags and entities
_MARKUP = guard.lazy(
    r"\*\*|__|~~|</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s[^<>\n]{0,60})?/?>|&(?:nbsp|ensp|emsp|#160|#xa0|#x3000);",
    regex.IGNORECASE,
)


def _unmarked(line: str) -> str:
    """The line with converter markup (``**12**``, ``17<br>8``, ``&nbsp;``) blanked out, offsets kept:
    layout, not words of the table (GX603 reports it as residue)."""
    if "*" in line or "<" in line or "&" in line or "_" in line or "~" in line:
        return (
            guard.bare(_MARKUP).sub(lambda m: " " * len(m.group()), line)
            if len(line) <= guard.SHORT
            else _MARKUP.sub(lambda m: " " * len(m.group()), line)
        )
    return line


def _line_words(line: str, patterns) -> tuple:
    """The words of one line of a table region as (kind, start, end, text, col, alone), offsets in
    the line; () for a blank line, a Markdown/grid rule or a page number line."""
    md_rule, page_no, grid_rule, sep, word, numish, cell_rule = patterns
    line = _unmarked(line)
    out: list[Token] = []
    if line.strip() and not md_rule.match(line) and not page_no.match(line) and not grid_rule.match(line):
        if sep.search(line):
            pieces = []
            p0 = 0
            for m in sep.finditer(line):
                pieces.append((p0, m.start()))
                p0 = m.end()
            pieces.append((p0, len(line)))
            last = len(pieces) - 1
            rule = _md_rule_pieces(line, pieces, cell_rule)
            lead = 1 if not line[pieces[0][0] : pieces[0][1]].strip() else 0  # | a | b |: a is cell 0
            for k, (a, b) in enumerate(pieces):
                if k in rule:
                    continue
                piece = line[a:b]
                if not piece.strip():
                    if 0 < k < last:
                        out.append(Token(EMPTY, a, b, "", 0, k - lead, True))
                    continue
                n0 = len(out)
                _words(out, piece, a, 0, word, numish)
                for t in out[n0:]:
                    t.col = k - lead
                if len(out) - n0 == 1:
                    out[n0].alone = True
        else:
            _words(out, line, 0, 0, word, numish)
    return tuple((t.kind, t.start, t.end, t.text, t.col, t.alone) for t in out)


@functools.lru_cache(maxsize=8192)
def _short_line_words(line: str) -> tuple:
    """:func:`_line_words` of a line of at most guard.SHORT characters (bare patterns), memoised by
    the line's text: a re-lint after an edit reads again only the lines that changed."""
    return _line_words(
        line, tuple(guard.bare(p) for p in (_MD_RULE, _PAGE_NO, _GRID_RULE, _SEP, _WORD, _NUMISH, _MD_CELL_RULE))
    )


# a number followed on its line by one of these is prose ("共收到申请 47 件", "保留 4 位小数",
# "2023 年 1 月"), never a table cell; 万/元 are left out (an amount cell may carry its unit)
_UNIT_START = guard.lazy(r"^(?:件|条|个|项|年|月|日|号|次|份|篇|人|位|页|家|期|场|类|余|多|宗|例|起(?!诉)|%|％)")


def _join_signs(toks: list[Token], text: str) -> list[Token]:
    """v2019 本年增/减 written with a space: "增 1", "减 2" is one signed cell."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if (
            t.kind == TEXT
            and t.text in ("增", "减")
            and i + 1 < len(toks)
            and toks[i + 1].kind == NUM
            and toks[i + 1].line == t.line
            and not text[t.end : toks[i + 1].start].strip(" ")
            and toks[i + 1].text.isdigit()
        ):
            nx = toks[i + 1]
            # alone in its cell when the cell holds just the two words
            alone = (
                t.col >= 0
                and t.col == nx.col
                and not (
                    (i > 0 and toks[i - 1].line == t.line and toks[i - 1].col == t.col)
                    or (i + 2 < len(toks) and toks[i + 2].line == t.line and toks[i + 2].col == t.col)
                )
            )
            out.append(Token(NUM, t.start, nx.end, t.text + nx.text, t.line, t.col, alone))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


_ENUMERATOR = guard.lazy(r"^[0-9]{1,2}[.．、]$")


def _enumerators(toks: list[Token]) -> list[Token]:
    """``| 2. | 其他法律… |``: a row's enumerator in a cell of its own (a converter split it off its
    label) is text, the beginning of the label that follows it on its line — never a number."""
    for i in range(len(toks) - 1):
        t, nx = toks[i], toks[i + 1]
        if t.kind == NUM and nx.kind == TEXT and nx.line == t.line and _ENUMERATOR.match(t.text):
            t.kind = TEXT
    return toks


def _prose_numbers(toks: list[Token], text: str) -> list[Token]:
    for i in range(len(toks) - 1):
        t, nx = toks[i], toks[i + 1]
        if (
            t.kind == NUM
            and nx.kind == TEXT
            and nx.line == t.line
            and not text[t.end : nx.start].strip(" ")
            and _UNIT_START.match(nx.text)
        ):
            t.kind = TEXT
    return toks


_PAGE_WORD = regex.compile(r"^(?:[-—–]\d{1,4}[-—–]|第\d{1,4}页(?:共\d{1,4}页)?)$")
_DASH = regex.compile(r"^[-—–]$")


def _drop_page_numbers(toks: list[Token], text: str) -> list[Token]:
    """Page numbers inside a line (a one-line document, or a PDF line joined to its neighbours):
    "- 5 -" as three words separated by single spaces, "-5-", "第5页"."""
    out: list[Token] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.kind == TEXT and _PAGE_WORD.match(t.text):
            i += 1
            continue
        if (
            i + 2 < n
            and len(t.text) == 1
            and _DASH.match(t.text)
            and toks[i + 1].kind == NUM
            and toks[i + 1].text.isdigit()
            and len(toks[i + 1].text) <= 4
            and _DASH.match(toks[i + 2].text)
            and text[t.end : toks[i + 1].start] == " "
            and text[toks[i + 1].end : toks[i + 2].start] == " "
        ):
            i += 3
            continue
        out.append(t)
        i += 1
    return out


_MD_CELL_RULE = guard.lazy(r"^\s*:?-{3,}:?\s*$")


def _md_rule_pieces(line: str, pieces: list, cell_rule=None) -> set:
    """Pieces of a Markdown rule (|---|---|) inside a line (a one-line document): two or more
    consecutive ``---`` cells.  A lone ``---`` stays a (malformed) cell."""
    out: set = set()
    run: list = []
    for k, (a, b) in enumerate(pieces + [(0, 0)]):
        if k < len(pieces) and b - a >= 3 and (cell_rule or _MD_CELL_RULE).match(line[a:b]):
            run.append(k)
            continue
        if len(run) >= 2:
            out.update(run)
        run = []
    return out


def _words(out: list[Token], piece: str, base: int, line_no: int, word=None, numish=None) -> None:
    word = word or _WORD
    numish = numish or _NUMISH
    for m in word.finditer(piece):
        w = m.group()
        kind = NUM if numish.match(w) else TEXT
        out.append(Token(kind, base + m.start(), base + m.end(), w, line_no))


# --- an empty spacer column ----------------------------------------------------------------


def drop_spacer_columns(tokens: list[Token]) -> tuple[list[Token], bool]:
    """A column that is empty on every line of a table (LibreOffice's HTML export adds one; a
    converter's grid may too): no cell of it holds a word, on any line with separators, and on at
    least two lines it stands between cells that do.  It is layout, not a column of blank cells
    (a column of blank cells has its header): its empty cells are dropped.  Returns the tokens and
    whether a spacer column was found."""
    used = set()
    inner: dict[int, set] = {}
    for t in tokens:
        if t.col < 0:
            continue
        if t.kind == EMPTY:
            inner.setdefault(t.col, set()).add(t.line)
        else:
            used.add(t.col)
    spacer = {c for c, lines in inner.items() if c not in used and len(lines) >= 2}
    if not spacer:
        return tokens, False
    return [t for t in tokens if not (t.kind == EMPTY and t.col in spacer)], True


# --- a page number among a row's numbers ---------------------------------------------------


def lines_of(items: list) -> list[list]:
    """Numbers of a run grouped by line (EMPTY tokens dropped)."""
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


def strip_empty(items: list) -> list:
    """A run without its leading and trailing empty cells (layout; interior ones are blank cells).
    In a run over several lines (a row continued on the next line, or on the next row of a grid)
    the empty cells at the edges of each line are layout too: only an empty cell between two
    numbers of its line is a blank cell."""
    toks = list(items)
    while toks and toks[0].kind == EMPTY:
        toks.pop(0)
    while toks and toks[-1].kind == EMPTY:
        toks.pop()
    if len(toks) > 2 and toks[0].line != toks[-1].line and any(t.kind == EMPTY for t in toks):
        nums: dict[int, tuple[int, int]] = {}
        for k, t in enumerate(toks):
            if t.kind != EMPTY:
                first, _last = nums.get(t.line, (k, k))
                nums[t.line] = (first, k)
        toks = [
            t
            for k, t in enumerate(toks)
            if t.kind != EMPTY or (t.line in nums and nums[t.line][0] < k < nums[t.line][1])
        ]
    return toks


def count_numbers(items: list) -> int:
    """Tokens of a run that are not EMPTY."""
    return sum(1 for t in items if t.kind != EMPTY)


def trim_page_number(items: list, n: int) -> list:
    """PDF text: a bare page number on its own line right after a row whose numbers share one line
    ("… 0 0 0" / "5" / next row) is not an eighth cell.  (In a one-cell-per-line layout every
    number has its own line, so nothing is dropped there.)  It may as well be the last digit of a
    number wrapped in its cell: the row's numbers are then a guess (``how`` = "page")."""
    nums = [t for t in items if t.kind != EMPTY]
    if len(nums) != n + 1 or n < 2:
        return items
    last = nums[-1]
    head_lines = {t.line for t in nums[:-1]}
    if len(head_lines) == 1 and last.line not in head_lines and last.text.isdigit() and len(last.text) <= 3:
        return [replace(t, how="page") if t.kind == NUM else t for t in items if t is not last]
    return items


def trim_leading_page_number(items: list, n: int) -> list:
    """PDF text: a page break between a row's label and its numbers leaves the bare page number on
    a line of its own (``4.保护第三方合法权益`` / ``5`` / ``2 0 0 0 0 0 2``): one number too many,
    alone on its line, before a line holding exactly the row's cells — not a first cell."""
    if n < 2 or len(items) < n + 1 or count_numbers(items) != n + 1:
        return items
    lines = lines_of(items)
    if len(lines) != 2 or len(lines[0]) != 1 or len(lines[1]) != n:
        return items
    first = lines[0][0]
    if not (first.text.isdigit() and len(first.text) <= 3 and first.text[0] != "0"):
        return items
    return [t for t in items if t is not first]


# --- a row's first number glued to its label ----------------------------------------------

# a label word ending in Han (or a closing bracket/quote) followed by a plain number
_GLUED_NUM = guard.lazy(r"^(.*[\p{Han}）)”\"])((?:0|[1-9][0-9]{0,8})(?:\.[0-9]{1,4})?)$")
_DIGIT = guard.lazy(r"[0-9]")
_LEAD_ENUM = guard.lazy(r"^[0-9]{1,2}[.、．]")
CANONICAL = guard.lazy(r"^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")


def _ends_with_row_label(k: str) -> bool:
    return any(k.endswith(lk) for lk in row_label_keys())


# a row's last number glued to the next row's label when that label opens with （七） or 四、
# (after 1. the digits would be ambiguous: 13.补正后… may be 1 | 3.补正后… or 13 | .…)
_GLUED_NEXT = guard.lazy(
    r"^(0|[1-9][0-9]{0,5})((?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\p{Han}.*)$"
)


def split_glued_numbers(toks: list, text: str) -> list:
    """``4.无正当理由大量反复申请0  0  0`` → the label, then a cell ``0``.

    A word that ends in a number right after a Han character is split when it is a row of
    numbers' first cell: the next words on its line are numbers (each a plain, well-formed number:
    a run like ``000121`` is a flattened row, read elsewhere), or the word is a template row label
    followed by the number (``行政许可126`` in a one-column block).  Prose (``申请21件``) does not end
    in a number and is never touched."""
    if not any(t.kind == TEXT and (t.text[-1:].isdigit() or t.text[:1].isdigit()) for t in toks):
        return toks
    out: list = []
    n = len(toks)
    for i, t in enumerate(toks):
        if (
            t.kind == TEXT
            and t.text[:1].isdigit()
            and i > 0
            and toks[i - 1].kind == NUM
            and toks[i - 1].line == t.line
            and _plain_run_before(toks, i)
        ):
            m = _GLUED_NEXT.match(t.text)
            if m is not None:  # … 0 1（七）总计: the number, then the next row's label
                cut = t.start + len(m.group(1))
                out.append(Token(NUM, t.start, cut, m.group(1), t.line, t.col, False, "glued"))
                t = Token(TEXT, cut, t.end, m.group(2), t.line, t.col)
        if t.kind != TEXT or not t.text[-1:].isdigit() or len(t.text) > 90:
            out.append(t)
            continue
        m = _GLUED_NUM.match(t.text)
        if m is None:
            out.append(t)
            continue
        head, num = m.group(1), m.group(2)
        if len(head) > 80 or _DIGIT.search(_LEAD_ENUM.sub("", head)):
            out.append(t)  # digits inside the word: a flattened table, split elsewhere
            continue
        follow = []
        j = i + 1
        while j < n and toks[j].kind == NUM and toks[j].line == t.line:
            follow.append(toks[j])
            j += 1
        row_after = (
            bool(follow)
            and all(CANONICAL.match(f.text) for f in follow)
            and (j == n or toks[j].line != t.line or toks[j].kind != NUM)
        )
        alone = i + 1 == n or toks[i + 1].line != t.line or toks[i + 1].kind == TEXT
        label_alone = alone and _ends_with_row_label(key(head))
        if not (row_after or label_alone):
            out.append(t)
            continue
        cut = t.start + len(head)
        out.append(Token(TEXT, t.start, cut, head, t.line, t.col))
        out.append(Token(NUM, cut, t.end, num, t.line, t.col, False, "glued"))
    return out


def _plain_run_before(toks: list, i: int) -> bool:
    """The numbers before token i on its line are each a plain, well-formed number (a run like
    ``00`` belongs to a flattened row, read elsewhere)."""
    j = i - 1
    while j >= 0 and toks[j].kind == NUM and toks[j].line == toks[i].line:
        if not CANONICAL.match(toks[j].text):
            return False
        j -= 1
    # the row's label does not end in digits either (…其他处理4 0 0 0: flattened)
    return j < 0 or not toks[j].text[-1:].isdigit()


# --- two header cells glued together ------------------------------------------------------


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
    prev = text[before + 1 : max(pos - 1, 0)] if pos > 0 else ""
    nl = text.find("\n", line_end + 1)
    nxt = text[line_end + 1 : nl if nl >= 0 else len(text)]
    return any(s.strip() and page_no.match(s) for s in (prev, nxt))


def head_lines(text: str, region_start: int) -> tuple[str, ...]:
    """The document's first three lines before the region (stripped): the only lines
    :func:`running_header` can find (a caller that tests many lines checks this first)."""
    return _head_lines(text, region_start)


@functools.lru_cache(maxsize=8)
def _head_lines(text: str, region_start: int) -> tuple[str, ...]:
    out = []
    for ln in text[: min(2000, region_start)].split("\n"):
        ln = ln.strip()
        if ln and not any(CANONICAL.match(w) for w in ln.split()):
            out.append(ln)
        if len(out) == 3:
            break
    return tuple(out)


# Anchored patterns of bounded length (they match or fail within their first dozen characters,
# whatever the length of the word they are given): no timeout could ever apply, so gxlint.parse
# leaves them unwrapped (guard.protect; they are called once per word of every table region).
BOUNDED_USE = ("_PAGE_WORD", "_DASH")
