"""The second stage: runs of numbers given to the template rows whose labels precede them.

Consecutive TEXT words are joined (keys have no spaces or line breaks, so 商业\\n企业, a vertical
三、/本/年/度/… or a label broken inside a word read as written).  Each run of NUM/EMPTY tokens is
given to the template row whose label ends the text before it; the candidates are the next rows in
template order (so a missing row is noticed, and a wrapped block label sharing its lines with a
sub-row label — "（四）无 1.本机关…" … "法提供 2.没有…" — is ignored).  Numbers that follow no
label are not guessed at: they are kept as *orphans* for the repairs (:mod:`.repairs.pdf`) to place
where the text allows one placement.

A row's label is also compared with the template's wording here (exact up to punctuation, spaces
and script; a block label glued in front; a label wrapped around its numbers), and its tokens are
read as cells (:func:`cells_from_items`).
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from typing import NamedTuple, Optional, Sequence

from ... import guard
from ...model import DELIMITED, GUESSED, RECOVERED, Cell, Span
from ..normalize import NormText, key
from .numbers import LETTERS, read_number
from .specs import RowSpec, block_label_keys, plain
from .tokens import EMPTY, NUM, RECOVERIES, TEXT, Token, strip_empty, trim_leading_page_number, trim_page_number

_DIGIT = guard.lazy(r"[0-9]")


@dataclass(slots=True)
class LabelBuffer:
    """The TEXT tokens before a run of numbers, with their keys joined (labels are matched on it)."""

    tokens: list
    keys: list  # key of each token
    offs: list  # start of each token's key in the joined key

    @classmethod
    def new(cls) -> "LabelBuffer":
        return cls([], [], [])

    def add(self, tok: Token) -> None:
        k = key(tok.text)
        self.offs.append(self.offs[-1] + len(self.keys[-1]) if self.keys else 0)  # O(1), not a re-sum
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
    if len(buf_key) > 600:  # not worth keeping in the cache
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
        score = 0.0  # short labels (规章) must be written in full
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
                    break  # no later candidate can score higher (performance)
    return best


class Match(NamedTuple):
    """A template row and the numbers read for it."""

    spec: RowSpec
    buf: LabelBuffer  # the text before the numbers
    at: int  # where the row's label starts in the buffer's joined key
    items: list  # its NUM/EMPTY tokens ([] when its label has no numbers of its own)


class Grouping(NamedTuple):
    """What :func:`group` found: the rows (a label found after the last numbers included at the
    end), the runs of numbers that followed no label, and how many rows at the end are such labels."""

    matches: list  # [Match]
    orphans: list  # [(index in matches, tokens)]
    trailing: int


# --- labels with no numbers of their own -------------------------------------------------


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
    if not any(later.key in joined[after:] for later in cands[k0 + 1 :]):
        return found, []
    bounds = set(buf.offs) | {len(joined)}
    # a label inside a longer word (prose before the table: 本局不制定规章) is not a row: a later
    # label standing as words of its own is the one these numbers follow
    in_word = at not in bounds
    chain = [(spec, at)]
    pos = at + len(spec.key)
    for later in cands[k0 + 1 :]:
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
    idx = buf.token_at(max(label_end - 1, 0))
    if buf.token_at(next_at) <= idx:
        return None
    head = LabelBuffer.new()
    for t in buf.tokens[: idx + 1]:
        head.add(t)
    return head


def trailing_rows(buf, specs: Sequence[RowSpec], matches: list) -> list:
    """The complete label of the next template row in the text after the last run of numbers
    (a label standing below its numbers): a row with no numbers yet, which the repairs
    (:func:`.repairs.pdf.place_value_lines`) give a value line or drop."""
    if not matches or not specs or not buf.tokens:
        return []
    spec = specs[0]
    at = buf.joined().find(spec.key)
    if at < 0 or at not in set(buf.offs):
        return []
    return [Match(spec, buf, at, [])]


# --- the generic reader ----------------------------------------------------------------


def group(
    tokens: list[Token], specs: tuple[RowSpec, ...], *, lookahead: int = 8, stop_after_last: bool = True
) -> Grouping:
    """Assign NUM runs to template rows (:class:`Match`), keeping the runs that followed no label."""
    matches = []
    orphans: list = []  # runs of numbers that followed no label: (index in matches, tokens)
    order = {id(s): k for k, s in enumerate(specs)}
    nxt = 0  # index of the next template row expected
    buf = LabelBuffer.new()
    items: list[Token] = []
    current = None  # (spec, buf, at)
    i = 0
    n = len(tokens)

    def close():
        nonlocal current, items
        if current is not None and items:
            matches.append(
                Match(
                    current[0],
                    current[1],
                    current[2],
                    trim_leading_page_number(trim_page_number(items, current[0].n), current[0].n),
                )
            )
        items = []

    while i < n:
        tok = tokens[i]
        if tok.kind == TEXT:
            if items or current is None:
                # a run of numbers just ended (or nothing started yet): start a new label buffer
                if items:
                    close()
                    current = None
                    buf = LabelBuffer.new()
            buf.add(tok)
            i += 1
            continue
        # NUM or EMPTY
        if current is None:
            j = i
            while j < n and tokens[j].kind == EMPTY:
                j += 1
            if j == n or tokens[j].kind == TEXT:
                i = j  # empty cells between labels (padding): not a run of numbers
                continue
            if not buf.tokens:
                i += 1
                continue
            cands = list(specs[nxt : nxt + lookahead])
            found = identify(buf.joined(), cands)
            if found is None and nxt + lookahead < len(specs):
                cands = list(specs[nxt + lookahead :])
                found = identify(buf.joined(), cands, threshold=0.8)
            # complete labels standing before the one these numbers follow: rows with no numbers
            found, skipped = prefer_later(buf, found, cands)
            for k, (sk, sk_at) in enumerate(skipped):
                head = split_buffer(buf, sk_at + len(sk.key), skipped[k + 1][1] if k + 1 < len(skipped) else found[2])
                if head is not None:
                    matches.append(Match(sk, head, sk_at, []))
            if found is None:
                # numbers after unrecognised text (a header, prose): skip this run
                run0 = i
                while i < n and tokens[i].kind != TEXT:
                    i += 1
                orphans.append((len(matches), tokens[run0:i]))
                buf = LabelBuffer.new()
                continue
            spec = found[0]
            nxt = order[id(spec)] + 1
            current = (spec, buf, found[2])
            buf = LabelBuffer.new()
        items.append(tok)
        i += 1
        if stop_after_last and current is not None and nxt >= len(specs):
            # the last row: take its run of numbers, then stop reading
            while i < n and tokens[i].kind != TEXT:
                items.append(tokens[i])
                i += 1
            close()
            current = None
            buf = LabelBuffer.new()
            break
    close()
    trailing = trailing_rows(buf, specs[nxt : nxt + 1], matches) if current is None else []
    return Grouping(matches + trailing, orphans, len(trailing))


_T4_HEADER_WORDS = ("行政复议", "行政诉讼", "结果维持", "总计", "维持", "纠正", "审结", "起诉")


def t4_runs(tokens: list, columns: Sequence) -> tuple[list, list]:
    """Runs of numbers in table 四's region: (runs of exactly 15 cells, runs after the header)."""
    n = len(tokens)
    header_seen = False
    runs: list[tuple[bool, list[Token]]] = []  # (after the header, the run)
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
            runs.append((header_seen, trim_page_number(items, len(columns))))
    # exactly 15 numbers: the row, even when its header was lost; otherwise the longest run after
    # the header (a damaged row, GX204)
    exact = [r for _h, r in runs if run_len(r) == len(columns)]
    after = [r for h, r in runs if h]
    return exact, after


def run_len(items: list[Token]) -> int:
    return len(strip_empty(items))


# --- cells and labels of a row ------------------------------------------------------


def explicit(items: list[Token]) -> bool:
    """The row's cells stand between explicit separators (| tab │, a document's own cells): each
    number alone in its cell (or cut off the label it shared its cell with), so how many cells the
    row has is certain.  Numbers separated only by spaces or line breaks are not."""
    for t in items:  # an empty cell always stands between separators
        if t.col < 0 or (t.kind == NUM and not (t.alone or t.how == "glued")):
            return False
    return True


def cells_from_items(
    norm: NormText, items: list[Token], columns: tuple, *, signed=(), decimal=(), delimited: Optional[bool] = None
) -> tuple[list[Cell], int]:
    """The row's cells, each graded by how it was read (:data:`gxlint.model.GRADES`): a number a
    repair recovered is RECOVERED, one an inference placed is GUESSED; a number read as written is
    DELIMITED when the row's cells are explicit (:func:`explicit`) or the row has exactly the
    template's count of them, else GUESSED (which number is which column is then a guess).
    ``delimited``: :func:`explicit` of the items, when the caller knows it already."""
    toks = strip_empty(items)
    if delimited is None:
        delimited = explicit(toks)
    as_written = DELIMITED if delimited or len(toks) == len(columns) else GUESSED
    cells = []
    for k, t in enumerate(toks):
        col = columns[k] if k < len(columns) else f"extra{k - len(columns) + 1}"
        span = norm.span(t.start, t.end)
        raw = norm.original[span.start : span.end]
        grade = (RECOVERED if t.how in RECOVERIES else GUESSED) if t.how else as_written
        if t.kind == EMPTY:
            cells.append(Cell(col, raw, span, None, blank=True, certainty=grade, how=t.how))
            continue
        v, bad = read_number(t.text, signed=col in signed, decimal=col in decimal)
        if bad == LETTERS and not t.how:
            grade, how = GUESSED, "letters"  # 1O, l2: a scan read by OCR? (a document's own cell: native)
        else:
            how = t.how
        cells.append(Cell(col, raw, span, v, malformed=bad, certainty=grade, how=how))
    return cells, len(toks)


_BREAK = guard.lazy(r"\r\n|\r|\n")


def written_label(norm: NormText, buf: LabelBuffer, at: int) -> tuple[str, Optional[Span]]:
    if not buf.tokens:
        return "", None
    first = buf.token_at(at)
    toks = buf.tokens[first:]
    span = norm.span(toks[0].start, toks[-1].end)
    written = " ".join(norm.original[norm.span(t.start, t.end).start : norm.span(t.start, t.end).end] for t in toks)
    # the part of the first token before the label start (a block label glued to it) is not the label
    head_cut = at - buf.offs[first]
    if head_cut > 0:
        t0 = toks[0]
        # find the original offset of the cut within the first token
        o = orig_offset_for_key(norm, t0, head_cut)
        span = Span(o, span.end)
        written = _BREAK.sub(" ", norm.original[o : span.end])
    return written, span


def orig_offset_for_key(norm: NormText, tok: Token, k: int) -> int:
    """Original offset where the k-th key character of a token starts (key() drops spaces, quotes,
    trailing punctuation; the length of key(prefix) never decreases as the prefix grows, so the
    first prefix whose key is longer than k is found by bisection)."""
    s = tok.text
    lo, hi = 0, len(s)  # find the smallest j with len(key(s[:j + 1])) > k
    while lo < hi:
        mid = (lo + hi) // 2
        if len(key(s[: mid + 1])) > k:
            hi = mid
        else:
            lo = mid + 1
    return norm.to_orig(tok.start + min(lo, max(len(s) - 1, 0)))


def label_exact(written_key: str, spec: RowSpec, next_key: str = "", parts: tuple = (), next_parts: tuple = ()) -> bool:
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
    if len(w) >= 6 and spec.plain.startswith(w) and plain(next_key).startswith(spec.plain[len(w) :][:6]):
        return True
    # a block label glued in front (（四）无法提供1.本机关…) or a fragment of one
    for bl in block_label_keys():
        if w.startswith(bl) and w[len(bl) :] == spec.plain:
            return True
    return False


def _is_block_fragment(k: str) -> bool:
    return bool(k) and any(k in bl for bl in block_label_keys())


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
            return True  # the label's end glued to the next words
        if _is_block_fragment(p):
            stack.append((i + 1, j))
    return False


def label_parts(buf: LabelBuffer, at: int) -> tuple:
    """plain() keys of the label's words, the first cut where the label starts."""
    if not buf.tokens:
        return ()
    first = buf.token_at(at)
    out = [plain(buf.keys[first][at - buf.offs[first] :])]
    out.extend(plain(k) for k in buf.keys[first + 1 :])
    return tuple(out)


def label_wrapped_around_numbers(written_key: str, spec, next_key: str, next_at: int) -> bool:
    """``2.重复申 1 0 0 0 0 0 1`` / ``请`` / ``3.要求提供…``: the written label is the beginning of
    the template label and the text between its numbers and the next row's label is exactly the
    rest of it."""
    w = plain(written_key)
    if not w or not spec.plain.startswith(w) or w == spec.plain:
        return False
    if len(w) < len(plain(spec.enum)) + 2:
        return False
    rest = spec.plain[len(w) :]
    return plain(next_key[:next_at]) == rest
