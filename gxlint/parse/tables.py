"""Tables 二/三/四, read label-anchored and template-driven.

The region of a table (its section's body) is cut into a stream of tokens — TEXT words, NUM
words and EMPTY cells (an empty cell *between* two separators on one line) — whatever the layout:
``|`` rows, tab rows with shifted columns, one cell per line, cells between blank lines, Markdown,
PDF text with labels wrapped over several lines or printed one character per line.

Consecutive TEXT words are joined (keys have no spaces or line breaks, so 商业\\n企业, a vertical
三、/本/年/度/… or a label broken inside a word read as written).  Each run of NUM/EMPTY tokens is
given to the template row whose label ends the text before it; the candidates are the next rows in
template order (so a missing row is noticed, and a wrapped block label sharing its lines with a
sub-row label — "（四）无 1.本机关…" … "法提供 2.没有…" — is ignored).  Numbers that follow no
label are not guessed at.
"""
from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from typing import Optional

import regex

from .. import guard, templates
from ..model import Cell, HeaderLabel, Row, Span, Table
from . import pdftext
from .normalize import NormText, key

TEXT, NUM, EMPTY = 0, 1, 2

_SEP = regex.compile(r"[|\t│┃║]")
# a rule line of a drawn or grid table: +----+----+, ├──┼──┤, ═══
_GRID_RULE = regex.compile(r"^(?=.*(?:[+─━═┼┤├┬┴┌┐└┘╪╋╂┿╔╗╚╝╠╣╦╩╬]|-{3,}))[\s+\-=:|─━│┃║┼┤├┬┴┌┐└┘═╪╋╂┿╔╗╚╝╠╣╦╩╬]+$")
_WORD = regex.compile(r"[^ \t|]+")
_MD_RULE = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PAGE_NO = regex.compile(r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$")
# a numeric-looking word: digits with signs, 增/减, separators; or a lone dash/slash
_NUMISH = regex.compile(r"^(?:[+\-]|增|减)?[0-9][0-9,.，]*$|^[—–\-－/／]{1,3}$|^[0-9]+[OoIl][0-9OoIl]*$|^[OoIl]*[0-9][0-9OoIl]*$")
_PUNCT = regex.compile(r"[\p{P}\p{S}\s]+")
_ENUM = regex.compile(r"^(?:\d{1,2}\.|\([一二三四五六七八九十]\)|[一二三四五六七八九十]、)")


def plain(s: str) -> str:
    """Letters only: for "same wording" comparisons (punctuation, spaces, quotes ignored)."""
    return (_raw(_PUNCT) if len(s) <= guard.SHORT else _PUNCT).sub("", s)


@dataclass(slots=True)
class Token:
    kind: int
    start: int      # normalised offsets
    end: int
    text: str
    line: int       # index of the line within the region (for "same line" tests)


def _raw(p):
    """The compiled pattern without its regex-budget wrapper (guard.Pattern), for a call on a
    string of at most guard.SHORT characters (where the wrapper would add no timeout)."""
    return getattr(p, "_p", p)


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
    heads = pdftext.head_lines(text, start)     # a running header repeats one of these (computed once)
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
        if words and not (heads and line.strip() in heads and pdftext.running_header(text, start, pos, line_end, _PAGE_NO)):
            out += [Token(kind, pos + a, pos + b, w, line_no) for kind, a, b, w in words]
        line_no += 1
        pos = line_end + 1
    out = pdftext.split_glued_numbers(out, text)      # 大量反复申请0  0  0
    return _prose_numbers(_join_signs(_drop_page_numbers(out, text), text), text)


def _line_words(line: str, patterns) -> tuple:
    """The words of one line of a table region as (kind, start, end, text), offsets in the line;
    () for a blank line, a Markdown/grid rule or a page number line."""
    md_rule, page_no, grid_rule, sep, word, numish, cell_rule = patterns
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
            for k, (a, b) in enumerate(pieces):
                if k in rule:
                    continue
                piece = line[a:b]
                if not piece.strip():
                    if 0 < k < last:
                        out.append(Token(EMPTY, a, b, "", 0))
                    continue
                _words(out, piece, a, 0, word, numish)
        else:
            _words(out, line, 0, 0, word, numish)
    return tuple((t.kind, t.start, t.end, t.text) for t in out)


@functools.lru_cache(maxsize=8192)
def _short_line_words(line: str) -> tuple:
    """:func:`_line_words` of a line of at most guard.SHORT characters (bare patterns), memoised by
    the line's text: a re-lint after an edit reads again only the lines that changed."""
    return _line_words(line, tuple(_raw(p) for p in (_MD_RULE, _PAGE_NO, _GRID_RULE, _SEP, _WORD, _NUMISH, _MD_CELL_RULE)))


# a number followed on its line by one of these is prose ("共收到申请 47 件", "保留 4 位小数",
# "2023 年 1 月"), never a table cell; 万/元 are left out (an amount cell may carry its unit)
_UNIT_START = regex.compile(r"^(?:件|条|个|项|年|月|日|号|次|份|篇|人|位|页|家|期|场|类|余|多|宗|例|起(?!诉)|%|％)")


def _join_signs(toks: list[Token], text: str) -> list[Token]:
    """v2019 本年增/减 written with a space: "增 1", "减 2" is one signed cell."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if (t.kind == TEXT and t.text in ("增", "减") and i + 1 < len(toks) and toks[i + 1].kind == NUM
                and toks[i + 1].line == t.line and not text[t.end:toks[i + 1].start].strip(" ")
                and toks[i + 1].text.isdigit()):
            nx = toks[i + 1]
            out.append(Token(NUM, t.start, nx.end, t.text + nx.text, t.line))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _prose_numbers(toks: list[Token], text: str) -> list[Token]:
    for i in range(len(toks) - 1):
        t, nx = toks[i], toks[i + 1]
        if t.kind == NUM and nx.kind == TEXT and nx.line == t.line and not text[t.end:nx.start].strip(" ") \
                and _UNIT_START.match(nx.text):
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
        if (i + 2 < n and len(t.text) == 1 and _DASH.match(t.text) and toks[i + 1].kind == NUM and toks[i + 1].text.isdigit()
                and len(toks[i + 1].text) <= 4 and _DASH.match(toks[i + 2].text)
                and text[t.end:toks[i + 1].start] == " " and text[toks[i + 1].end:toks[i + 2].start] == " "):
            i += 3
            continue
        out.append(t)
        i += 1
    return out


_MD_CELL_RULE = regex.compile(r"^\s*:?-{3,}:?\s*$")


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


# --- numbers ---------------------------------------------------------------------------

_INT = regex.compile(r"^[0-9]+$")
_DEC = regex.compile(r"^[0-9]+\.[0-9]+$")
_THOUSANDS = regex.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+$")
_SIGNED = regex.compile(r"^(?:([+\-])|(增)|(减))([0-9]+)$")


MAX_DIGITS = 15
"""Digits a cell may have before the decimal point.  A float holds every integer of 15 digits
exactly; no count or amount in a report comes near (a run of digits from cells flattened together
is split into its cells before it is read).  A longer one is malformed (GX205, no value): a
309-digit one overflowed float(), a 4,301-digit one Python's int-string limit."""
TOO_LONG = "数字位数过多"


def _int_digits(w: str) -> int:
    """Digits before the decimal point (signs, 增/减 and thousands separators not counted)."""
    head = w.split(".", 1)[0]
    return sum(1 for ch in head if "0" <= ch <= "9")


def read_number(w: str, *, signed: bool = False, decimal: bool = False) -> tuple[Optional[float], Optional[str]]:
    """(value, why-malformed) of a cell's text.  A readable but ill-formed value (00) keeps its value."""
    if len(w) > MAX_DIGITS and _int_digits(w) > MAX_DIGITS and (_INT.match(w) or _THOUSANDS.match(w) or _DEC.match(w) or _SIGNED.match(w)):
        return None, TOO_LONG
    if (_raw(_INT) if len(w) <= guard.SHORT else _INT).match(w):     # most cells: no budget wrapper
        if len(w) > 1 and w[0] == "0":
            return float(int(w)), "多余的前导零"
        return float(int(w)), None
    if _THOUSANDS.match(w):
        return float(int(w.replace(",", ""))), None
    if _DEC.match(w):
        if decimal:
            return float(w), None
        return float(w), "件数不能是小数"
    m = _SIGNED.match(w)
    if m:
        v = float(int(m.group(4)))
        neg = m.group(1) == "-" or m.group(3) is not None
        v = -v if neg else v
        if signed:
            return v, None
        if neg:
            return v, "件数不能为负"
        return v, "件数不应带符号"
    if regex.match(r"^[—–\-－/／]{1,3}$", w):
        return None, "用横线或斜线代替数字"
    if regex.search(r"[OoIl]", w):
        return None, "数字中混有字母"
    return None, "不是规范的数字"


# --- row identification ----------------------------------------------------------------

@dataclass(slots=True)
class RowSpec:
    id: str
    label: str          # canonical (template) label
    key: str            # key(label)
    plain: str
    enum: str           # its enumerator (1. / (一) / 一、) or ""
    n: int              # cells expected
    block: str = ""
    columns: tuple = ()
    signed: tuple = ()
    decimal: tuple = ()


@dataclass(slots=True)
class _Buf:
    tokens: list
    keys: list          # key of each token
    offs: list          # start of each token's key in the joined key

    @classmethod
    def new(cls) -> "_Buf":
        return cls([], [], [])

    def add(self, tok: Token) -> None:
        k = key(tok.text)
        self.offs.append(self.offs[-1] + len(self.keys[-1]) if self.keys else 0)   # O(1), not a re-sum
        self.tokens.append(tok)
        self.keys.append(k)

    def joined(self) -> str:
        return "".join(self.keys)

    def token_at(self, koff: int) -> int:
        """Index of the token containing key offset koff."""
        idx = 0
        for i, o in enumerate(self.offs):
            if o <= koff:
                idx = i
            else:
                break
        return idx


def _score(buf_key: str, spec: RowSpec) -> tuple[float, int]:
    """How well the end of the buffer reads as this row's label: (score 0..1, start in buffer)."""
    if not buf_key:
        return 0.0, 0
    if len(buf_key) > 600:     # not worth keeping in the cache
        return _score_cached.__wrapped__(buf_key, spec.key, spec.plain, spec.enum)
    return _score_cached(buf_key, spec.key, spec.plain, spec.enum)


@functools.lru_cache(maxsize=8192)
def _score_cached(buf_key: str, spec_key: str, spec_plain: str, spec_enum: str) -> tuple[float, int]:
    """_score memoised: the same label text is scored once (a re-lint after a keystroke, a
    table that repeats its labels), not with a new SequenceMatcher each time (performance)."""
    spec = _SpecKey(spec_key, spec_plain, spec_enum)
    lab = spec.plain
    # exact containment of the whole label: the best evidence
    pb = buf_key
    idx = pb.rfind(spec.key)
    if idx >= 0:
        return 1.0, idx
    tail_len = len(spec.key) + 10
    tail_start = max(0, len(pb) - tail_len)
    tail = pb[tail_start:]
    sm = difflib.SequenceMatcher(None, tail, spec.key, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return 0.0, 0
    matched = sum(b.size for b in blocks)
    score = matched / max(len(spec.key), 1)
    # a label that is only a prefix of the template label (cut short) still identifies the row
    # when the written part is long and distinctive
    if spec.enum:
        enum_at = tail.find(spec.enum)
        if enum_at < 0:
            score -= 0.15
    first = blocks[0].a
    if len(plain(lab)) <= 3 and score < 1.0:
        score = 0.0     # short labels (规章) must be written in full
    return score, tail_start + first


@dataclass(slots=True)
class _SpecKey:
    key: str
    plain: str
    enum: str


def identify(buf_key: str, cands: list[RowSpec], threshold: float = 0.6) -> Optional[tuple[RowSpec, float, int]]:
    best = None
    for order, spec in enumerate(cands):
        s, at = _score(buf_key, spec)
        if s >= threshold:
            # prefer a higher score; on a tie the one earlier in template order
            if best is None or s > best[1] + 1e-9:
                best = (spec, s, at)
                if s >= 1.0:
                    break       # no later candidate can score higher (performance)
    return best


# --- table specs from the template -----------------------------------------------------

def _enum_of(k: str) -> str:
    m = _ENUM.match(k)
    return m.group() if m else ""


def _spec(rid: str, label: str, n: int, **kw) -> RowSpec:
    k = key(label)
    return RowSpec(rid, label, k, plain(k), _enum_of(k), n, **kw)


@functools.lru_cache(maxsize=None)
def t3_specs(version: str, n: int) -> tuple[RowSpec, ...]:
    rows = templates.version(version)["t3"]["rows"]
    return tuple(_spec(rid, label, n) for rid, label in rows)


@functools.lru_cache(maxsize=None)
def t2_specs(version: str) -> tuple[RowSpec, ...]:
    out = []
    for b in templates.version(version)["t2"]["block"]:
        cols = tuple(c for c, _ in b["columns"])
        for rid, label in b["rows"]:
            out.append(_spec(rid, label, len(cols), block=b["caption"], columns=cols,
                             signed=tuple(b.get("signed", ())), decimal=tuple(b.get("decimal", ()))))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def _block_label_keys() -> tuple[str, ...]:
    return tuple(plain(key(x)) for x in templates.common()["t3"]["block_labels"])


# --- version detection -----------------------------------------------------------------

_V2021_T2 = ("制发件数", "废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额")
_V2019_T2 = ("本年新", "对外公开总数", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额", "第二十条第(九)项", "政府集中采购")
_V2021_T3 = ("逾期不补正", "逾期未按收费通知")


def detect_t2_version(region_key: str) -> Optional[str]:
    a = sum(region_key.count(s) for s in _V2021_T2)
    b = sum(region_key.count(s) for s in _V2019_T2)
    if a > b:
        return "v2021"
    if b > a:
        return "v2019"
    return None


def detect_t3_version(region_key: str) -> Optional[str]:
    if any(s in region_key for s in _V2021_T3):
        return "v2021"
    if "(六)其他处理" in region_key or "其他处理" in region_key:
        return "v2019"
    return None


def region_key(norm: NormText, start: int, end: int) -> str:
    return key(norm.text[start:end])


# --- the generic reader ----------------------------------------------------------------

@dataclass(slots=True)
class _Group:
    label: Optional[tuple[RowSpec, float, int]]
    buf: _Buf
    items: list       # NUM/EMPTY tokens


def _groups(tokens: list[Token], specs: tuple[RowSpec, ...], *, lookahead: int = 8,
            stop_after_last: bool = True) -> list[tuple[RowSpec, _Buf, int, list]]:
    """Assign NUM runs to template rows: (spec, label buffer, label start in the buffer's key, items)."""
    matches = []
    orphans: list = []           # runs of numbers that followed no label: (index in matches, tokens)
    order = {id(s): k for k, s in enumerate(specs)}
    nxt = 0                      # index of the next template row expected
    buf = _Buf.new()
    items: list[Token] = []
    current = None               # (spec, buf, at)
    i = 0
    n = len(tokens)

    def close():
        nonlocal current, items
        if current is not None and items:
            matches.append((current[0], current[1], current[2],
                            pdftext.trim_leading_page_number(_trim_page_number(items, current[0].n), current[0].n)))
        items = []

    while i < n:
        tok = tokens[i]
        if tok.kind == TEXT:
            if items or current is None:
                # a run of numbers just ended (or nothing started yet): start a new label buffer
                if items:
                    close()
                    current = None
                    buf = _Buf.new()
            buf.add(tok)
            i += 1
            continue
        # NUM or EMPTY
        if current is None:
            j = i
            while j < n and tokens[j].kind == EMPTY:
                j += 1
            if j == n or tokens[j].kind == TEXT:
                i = j          # empty cells between labels (padding): not a run of numbers
                continue
            if not buf.tokens:
                i += 1
                continue
            cands = list(specs[nxt:nxt + lookahead])
            found = identify(buf.joined(), cands)
            if found is None and nxt + lookahead < len(specs):
                cands = list(specs[nxt + lookahead:])
                found = identify(buf.joined(), cands, threshold=0.8)
            # complete labels standing before the one these numbers follow: rows with no numbers
            found, skipped = pdftext.prefer_later(buf, found, cands)
            for k, (sk, sk_at) in enumerate(skipped):
                head = pdftext.split_buffer(buf, sk_at + len(sk.key),
                                            skipped[k + 1][1] if k + 1 < len(skipped) else found[2])
                if head is not None:
                    matches.append((sk, head, sk_at, []))
            if found is None:
                # numbers after unrecognised text (a header, prose): skip this run
                run0 = i
                while i < n and tokens[i].kind != TEXT:
                    i += 1
                orphans.append((len(matches), tokens[run0:i]))
                buf = _Buf.new()
                continue
            spec = found[0]
            nxt = order[id(spec)] + 1
            current = (spec, buf, found[2])
            buf = _Buf.new()
        items.append(tok)
        i += 1
        if stop_after_last and current is not None and nxt >= len(specs):
            # the last row: take its run of numbers, then stop reading
            while i < n and tokens[i].kind != TEXT:
                items.append(tokens[i])
                i += 1
            close()
            current = None
            buf = _Buf.new()
            break
    close()
    trailing = pdftext.trailing_rows(buf, specs[nxt:nxt + 1], matches) if current is None else []
    # value rows whose label stands above or below them
    return pdftext.place_value_lines(matches + trailing, orphans, len(trailing))


def _cells_from_items(norm: NormText, items: list[Token], columns: tuple, *, signed=(), decimal=()) -> tuple[list[Cell], int]:
    # leading/trailing empties are layout; interior ones are blank cells
    toks = list(items)
    while toks and toks[0].kind == EMPTY:
        toks.pop(0)
    while toks and toks[-1].kind == EMPTY:
        toks.pop()
    cells = []
    for k, t in enumerate(toks):
        col = columns[k] if k < len(columns) else f"extra{k - len(columns) + 1}"
        span = norm.span(t.start, t.end)
        raw = norm.original[span.start:span.end]
        if t.kind == EMPTY:
            cells.append(Cell(col, raw, span, None, blank=True))
            continue
        v, bad = read_number(t.text, signed=col in signed, decimal=col in decimal)
        cells.append(Cell(col, raw, span, v, malformed=bad))
    return cells, len(toks)


_BREAK = regex.compile(r"\r\n|\r|\n")


def _written_label(norm: NormText, buf: _Buf, at: int) -> tuple[str, Optional[Span]]:
    if not buf.tokens:
        return "", None
    first = buf.token_at(at)
    toks = buf.tokens[first:]
    span = norm.span(toks[0].start, toks[-1].end)
    written = " ".join(norm.original[norm.span(t.start, t.end).start:norm.span(t.start, t.end).end] for t in toks)
    # the part of the first token before the label start (a block label glued to it) is not the label
    head_cut = at - buf.offs[first]
    if head_cut > 0:
        t0 = toks[0]
        # find the original offset of the cut within the first token
        o = _orig_offset_for_key(norm, t0, head_cut)
        span = Span(o, span.end)
        written = _BREAK.sub(" ", norm.original[o:span.end])
    return written, span


def _orig_offset_for_key(norm: NormText, tok: Token, k: int) -> int:
    """Original offset where the k-th key character of a token starts (key() drops spaces, quotes,
    trailing punctuation; the length of key(prefix) never decreases as the prefix grows, so the
    first prefix whose key is longer than k is found by bisection)."""
    s = tok.text
    lo, hi = 0, len(s)          # find the smallest j with len(key(s[:j + 1])) > k
    while lo < hi:
        mid = (lo + hi) // 2
        if len(key(s[: mid + 1])) > k:
            hi = mid
        else:
            lo = mid + 1
    return norm.to_orig(tok.start + min(lo, max(len(s) - 1, 0)))


def _trim_page_number(items: list, n: int) -> list:
    """PDF text: a bare page number on its own line right after a row whose numbers share one line
    ("… 0 0 0" / "5" / next row) is not an eighth cell.  (In a one-cell-per-line layout every
    number has its own line, so nothing is dropped there.)"""
    nums = [t for t in items if t.kind != EMPTY]
    if len(nums) != n + 1 or n < 2:
        return items
    last = nums[-1]
    head_lines = {t.line for t in nums[:-1]}
    if len(head_lines) == 1 and last.line not in head_lines and last.text.isdigit() and len(last.text) <= 3:
        return [t for t in items if t is not last]
    return items


def _label_exact(written_key: str, spec: RowSpec, next_key: str = "", parts: tuple = (),
                 next_parts: tuple = ()) -> bool:
    w = plain(written_key)
    if w == spec.plain or w.endswith(spec.plain):
        return True
    # PDF text: fragments of a merged block label (三、/本/年/… printed one character per line,
    # "（六）其" / "他处理" wrapped) interleaved with the lines of a wrapped row label
    if parts and _interleaved(parts, spec.plain):
        return True
    # … and a label wrapped around its numbers, the rest (maybe after such fragments) following them
    if parts and next_parts and len(w) >= 6 and _interleaved(parts, spec.plain, more=next_parts):
        return True
    # a long label wrapped around its numbers: the rest continues in the next text
    if len(w) >= 6 and spec.plain.startswith(w) and plain(next_key).startswith(spec.plain[len(w):][:6]):
        return True
    # a block label glued in front (（四）无法提供1.本机关…) or a fragment of one
    for bl in _block_label_keys():
        if w.startswith(bl) and w[len(bl):] == spec.plain:
            return True
    return False


def _is_block_fragment(k: str) -> bool:
    return bool(k) and any(k in bl for bl in _block_label_keys())


def _interleaved(parts: tuple, target: str, more: tuple = ()) -> bool:
    """Can the label's words be split into the target label (in order) plus block-label fragments?
    With ``more`` (the words after the row's numbers), the label may end among those."""
    n = len(parts)
    seq = parts + more
    seen = set()
    stack = [(0, 0)]
    while stack:
        i, j = stack.pop()
        if (i, j) in seen:
            continue
        seen.add((i, j))
        if j == len(target) and i >= n and (more or i == n):
            return True
        if i == len(seq):
            continue
        p = seq[i]
        if not p:
            stack.append((i + 1, j))
            continue
        if target.startswith(p, j):
            stack.append((i + 1, j + len(p)))
        elif i >= n and j > 0 and p.startswith(target[j:]):
            return True          # the label's end glued to the next words
        if _is_block_fragment(p):
            stack.append((i + 1, j))
    return False


def _label_parts(buf: _Buf, at: int) -> tuple:
    """plain() keys of the label's words, the first cut where the label starts."""
    if not buf.tokens:
        return ()
    first = buf.token_at(at)
    out = [plain(buf.keys[first][at - buf.offs[first]:])]
    out.extend(plain(k) for k in buf.keys[first + 1:])
    return tuple(out)


def _build_rows(norm: NormText, matches, specs, columns_of) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for k, (spec, buf, at, items) in enumerate(matches):
        cols = columns_of(spec)
        cells, found = _cells_from_items(norm, items, cols, signed=spec.signed, decimal=spec.decimal)
        written, lspan = _written_label(norm, buf, at)
        wkey = buf.joined()[at:]
        nxt_key = matches[k + 1][1].joined() if k + 1 < len(matches) else ""
        if not items:                  # a label with no number at all: its cells are blank
            cells, found = pdftext.blank_cells(norm, lspan, cols), len(cols)
        elif found == len(cols) - 1:   # PDF text drops a blank 总计 cell without a trace
            with_blank = pdftext.blank_total(norm, items, cells, cols)
            if with_blank is not None:
                cells, found = with_blank, len(cols)
        row = Row(
            id=spec.id, label=spec.label, written=written, label_span=lspan, cells=cells,
            expected=len(cols), found=found, block=spec.block,
            label_exact=_label_exact(wkey, spec, nxt_key, _label_parts(buf, at),
                                     _label_parts(matches[k + 1][1], 0)[:8] if k + 1 < len(matches) else ())
            or (k + 1 < len(matches) and pdftext.label_wrapped_around_numbers(wkey, spec, nxt_key, matches[k + 1][2])),
        )
        row.unreliable = found != len(cols)
        rows[spec.id] = row
    return rows


def _missing(specs, rows) -> list[str]:
    return [s.id for s in specs if s.id not in rows]


def parse_t3(norm: NormText, start: int, end: int, fallback: Optional[str],
             force: Optional[str] = None) -> Optional[Table]:
    rk = region_key(norm, start, end)
    ver = force or detect_t3_version(rk) or fallback or "v2021"
    tokens = tokenize(norm, start, end)
    if not tokens:
        return None
    # header: text before the first row label; 小计 means the 8-column local variant
    first_row_key = key("本年新收政府信息公开申请数量")
    cut = rk.find(first_row_key)
    header_key = rk[:cut] if cut >= 0 else rk[:200]
    base = list(templates.common()["t3"]["columns"])
    variant = ""
    headers: list[HeaderLabel] = []
    if "小计" in header_key:
        variant = "subtotal"
        i_sub = header_key.find("小计")
        i_ce = header_key.find("商业企业")
        pos = 1 if (0 <= i_sub < i_ce) else 6
        base.insert(pos, "sub")
        for t in tokens:
            if t.kind == TEXT and "小计" in t.text:
                sp = norm.span(t.start, t.end)
                headers.append(HeaderLabel(norm.original[sp.start:sp.end], sp, None, exact=False))
                break
    columns = tuple(base)
    specs = t3_specs(ver, len(columns))
    matches = _groups(tokens, specs)
    rows = _build_rows(norm, matches, specs, lambda s: columns) if matches else {}
    from . import flatten       # a flattened table (cell separators lost): parse.flatten
    flat = flatten.reading(norm, tokens, specs, lambda s: columns, rows,
                           {"outcomes": templates.version(ver)["t3"]["outcomes"]})
    if flat is not None:
        matches, rows, unreadable = flat
    elif not matches:
        return flatten.labels_only(norm, "t3", ver, start, end, specs)
    if flat is None and not variant:
        pos = _subtotal_from_data(rows)
        if pos is not None:
            # 8 numbers in (nearly) every row and one column is the sum of the five organisation
            # columns: the 小计 variant with its header lost (PDF text), not 25 misread rows
            base.insert(pos, "sub")
            columns = tuple(base)
            variant = "subtotal"
            specs = t3_specs(ver, len(columns))
            matches = _groups(tokens, specs)
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
    tokens = tokenize(norm, start, end)
    columns = tuple(templates.common()["t4"]["columns"])
    exact, after = _t4_runs(tokens, columns)
    if not exact:
        from . import flatten   # its row of 15 cells as glued digit runs: parse.flatten
        flat = flatten.read_t4(norm, tokens, columns)
        if flat is not None:
            return flat
        if not after:
            return flatten.labels_only_t4(norm, start, end, tokens)
    items = exact[0] if exact else max(after, key=_run_len)
    cells, found = _cells_from_items(norm, items, columns)
    sp0 = norm.span(tokens[0].start, tokens[0].end)
    row = Row("t4", "行政复议、行政诉讼", "", None, cells, expected=len(columns), found=found)
    row.unreliable = found != len(columns)
    return Table("t4", None, Span(sp0.start, row.span.end), list(columns), {"t4": row}, [], [])


def _t4_runs(tokens: list, columns: tuple) -> tuple[list, list]:
    """Runs of numbers in table 四's region: (runs of exactly 15 cells, runs after the header)."""
    n = len(tokens)
    header_seen = False
    runs: list[list[Token]] = []
    i = 0
    while i < n:
        t = tokens[i]
        if t.kind == TEXT:
            k = key(t.text)
            if any(w in k for w in _T4_HEADER_WORDS):
                header_seen = True
            i += 1
            continue
        items = []
        while i < n and tokens[i].kind != TEXT:
            items.append(tokens[i])
            i += 1
        if any(x.kind == NUM for x in items):
            runs.append((header_seen, _trim_page_number(items, len(columns))))
    # exactly 15 numbers: the row, even when its header was lost; otherwise the longest run after
    # the header (a damaged row, GX204)
    exact = [r for _h, r in runs if _run_len(r) == len(columns)]
    after = [r for h, r in runs if h]
    return exact, after


_T4_HEADER_WORDS = ("行政复议", "行政诉讼", "结果维持", "总计", "维持", "纠正", "审结", "起诉")


def _run_len(items: list[Token]) -> int:
    toks = list(items)
    while toks and toks[0].kind == EMPTY:
        toks.pop(0)
    while toks and toks[-1].kind == EMPTY:
        toks.pop()
    return len(toks)


def parse_t2(norm: NormText, start: int, end: int, fallback: Optional[str],
             force: Optional[str] = None) -> Optional[Table]:
    rk = region_key(norm, start, end)
    ver = force or detect_t2_version(rk) or fallback or "v2021"
    tokens = tokenize(norm, start, end)
    if not tokens:
        return None
    specs = t2_specs(ver)
    matches = pdftext.t2_blocks_any_order(tokens, specs, _groups(tokens, specs), ver, _groups)
    # blocks whose headers are the other template's are read with its rows and columns
    matches, specs, other = pdftext.t2_other_template_blocks(tokens, ver, specs, matches, _groups, t2_specs)
    rows = _build_rows(norm, matches, specs, lambda s: s.columns) if matches else {}
    rows = {s.id: rows[s.id] for s in specs if s.id in rows}     # template order
    from . import flatten       # a flattened table (cell separators lost): parse.flatten
    flat = flatten.reading(norm, tokens, specs, lambda s: s.columns, rows)
    if flat is not None:
        matches, rows, unreadable = flat
        other = {}
    elif not matches:
        return flatten.labels_only(norm, "t2", ver, start, end, specs)
    tbl = Table("t2", ver, norm.span(tokens[0].start, tokens[0].end), [], rows, _missing(specs, rows), [])
    if flat is not None:
        flatten.mark_table(tbl, unreadable)
    tbl.block_versions = other
    tbl.headers = _t2_headers(norm, ver, matches, other)
    last = max(r.span.end for r in rows.values())
    tbl.span = Span(tbl.span.start, last)
    found_idx = [k for k, s in enumerate(specs) if s.id in rows]
    tbl.truncated = bool(found_idx) and found_idx[-1] < len(specs) - 1
    return tbl


def _t2_headers(norm: NormText, ver: str, matches, other: Optional[dict] = None) -> list[HeaderLabel]:
    """Column headers of each block of table 二, compared with the template (GX202)."""
    blocks = {b["caption"]: b for b in templates.version(ver)["t2"]["block"]}
    for caption, v in (other or {}).items():     # a block read in the other template
        blocks[caption] = next(b for b in templates.version(v)["t2"]["block"] if b["caption"] == caption)
    out: list[HeaderLabel] = []
    seen_blocks = set()
    for spec, buf, at, _items in matches:
        if spec.block in seen_blocks:
            continue
        seen_blocks.add(spec.block)
        b = blocks[spec.block]
        expected = ["信息内容"] + [lab for _c, lab in b["columns"]]
        variants = {c: regex.compile(v) for c, v in b.get("variants", {}).items()}
        var_by_label = {lab: variants.get(c) for c, lab in b["columns"]}
        label_tok = buf.token_at(at)
        toks = buf.tokens[:label_tok]
        # start after the caption
        cap_key = key(b["caption"])
        start_i = 0
        acc = ""
        for j, t in enumerate(toks):
            acc += key(t.text)
            if cap_key in acc or plain(cap_key) in plain(acc):
                start_i = j + 1
                break
        hdr = pdftext.split_glued_headers(toks[start_i:], expected)    # 信息内容本年处理决定数量
        wrapped = _wrapped_headers(norm, hdr, expected)
        out.extend(wrapped if wrapped is not None else _match_headers(norm, hdr, expected, var_by_label))
    return out


def _wrapped_headers(norm: NormText, toks: list[Token], expected: list[str]) -> Optional[list[HeaderLabel]]:
    """Header cells wrapped inside their columns (PDF text): "本年制发 本年废止 现行有效" over
    "件数 件数 件数".  Each word continues the first column, to the right of the last one used on
    its line, whose label it continues.  Only when every word fits and every label is complete
    (otherwise None: the general matcher decides what differs)."""
    words = [t for t in toks if t.kind == TEXT]
    if len(words) <= len(expected) or len({t.line for t in words}) < 2:
        return None
    exp = [plain(key(e)) for e in expected]
    first_line = [t for t in words if t.line == words[0].line]
    one_per_column = len(first_line) == len(expected)
    got = [""] * len(exp)
    parts: list[list[Token]] = [[] for _ in exp]
    line, last = None, -1
    positional: list[int] = []
    for t in words:
        if t.line != line:
            line, last = t.line, -1
            on_line = [w for w in words if w.line == line]
            unfinished = [j for j in range(len(exp)) if got[j] != exp[j]]
            # a continuation line with one word for each unfinished column: the words go there in order
            positional = unfinished if (one_per_column and t is not words[0] and len(on_line) == len(unfinished)) else []
        k = plain(key(t.text))
        if positional:
            j = positional.pop(0)
            got[j] += k
            parts[j].append(t)
            last = j
            continue
        for j in range(last + 1, len(exp)):
            if k and exp[j].startswith(got[j] + k):
                break
        else:
            # a word in other wording: when the first line holds one word per column, it continues
            # the next unfinished column (reported as that column, not as an unknown one)
            if not one_per_column:
                return None
            j = next((j for j in range(last + 1, len(exp)) if got[j] != exp[j]), -1)
            if j < 0:
                return None
        got[j] += k
        parts[j].append(t)
        last = j
    if any(not p for p in parts):
        return None
    if got != exp and sum(g != e for g, e in zip(got, exp)) > 1 and not one_per_column:
        return None
    out = []
    for j, ts in enumerate(parts):
        # a header wrapped over lines is pointed at by its first piece (the pieces are not adjacent)
        sp = norm.span(ts[0].start, ts[-1].end) if len(ts) == 1 else norm.span(ts[0].start, ts[0].end)
        written = " ".join(norm.original[norm.span(t.start, t.end).start:norm.span(t.start, t.end).end] for t in ts)
        out.append(HeaderLabel(written, sp, expected[j], exact=got[j] == exp[j]))
    return out


def _match_headers(norm: NormText, toks: list[Token], expected: list[str], variants: dict) -> list[HeaderLabel]:
    exp = [(e, plain(key(e))) for e in expected]
    done = [False] * len(exp)
    out: list[HeaderLabel] = []
    cur: list[Token] = []

    def cur_key(ts):
        return plain("".join(key(t.text) for t in ts))

    def complete(k: str) -> Optional[int]:
        for j, (e, ek) in enumerate(exp):
            if done[j]:
                continue
            if k == ek:
                return j
            v = variants.get(e)
            if v is not None and v.fullmatch(key("".join(t.text for t in cur))):
                return j
        return None

    def prefix_of_any(k: str) -> bool:
        return any(not done[j] and ek.startswith(k) for j, (e, ek) in enumerate(exp)) or any(
            v is not None and not done[j] and exp[j][1].startswith(k[:4]) for j, (e, v) in enumerate((e, variants.get(e)) for e, _ in exp)
        )

    def flush_mismatch():
        if not cur:
            return
        k = cur_key(cur)
        # the first unmatched expected label this fragment stands for
        best = None
        for j, (e, ek) in enumerate(exp):
            if done[j]:
                continue
            if ek.startswith(k) or difflib.SequenceMatcher(None, k, ek).ratio() >= 0.5:
                best = j
                break
        sp = norm.span(cur[0].start, cur[-1].end)
        written = norm.original[sp.start:sp.end]
        if best is not None:
            done[best] = True
            out.append(HeaderLabel(written, sp, exp[best][0], exact=False))
        else:
            out.append(HeaderLabel(written, sp, None, exact=False))
        cur.clear()

    for t in toks:
        if t.kind != TEXT:
            continue
        trial = cur + [t]
        k = cur_key(trial)
        cur.append(t)
        j = complete(k)
        if j is not None:
            done[j] = True
            sp = norm.span(cur[0].start, cur[-1].end)
            out.append(HeaderLabel(norm.original[sp.start:sp.end], sp, exp[j][0], exact=True))
            cur.clear()
            continue
        if prefix_of_any(k):
            continue
        # adding t broke it: flush what was before t, retry t alone
        cur.pop()
        flush_mismatch()
        cur.append(t)
        k = cur_key(cur)
        j = complete(k)
        if j is not None:
            done[j] = True
            sp = norm.span(t.start, t.end)
            out.append(HeaderLabel(norm.original[sp.start:sp.end], sp, exp[j][0], exact=True))
            cur.clear()
        elif not prefix_of_any(k):
            flush_mismatch()
    flush_mismatch()
    return out


# Anchored patterns of bounded length (they match or fail within their first dozen characters,
# whatever the length of the word they are given): no timeout could ever apply, so gxlint.parse
# leaves them unwrapped (guard.protect; they are called once per word of every table region).
BOUNDED_USE = ("_PAGE_WORD", "_DASH")
