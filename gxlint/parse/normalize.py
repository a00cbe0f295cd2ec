"""Normalisation for matching, never for reporting.

``NormText`` is the original text with
  0. line breaks unified to ``\n`` (the \r of a \r\n removed, a lone \r read as \n: the line
     breaks LSP knows), so a report saved on Windows or an old Mac is read exactly like the same
     report with \n line ends — the parser and the rules never see a \r,
  1. pinyin annotations removed (報(bào)告 → 報告; also one cut off at the end of a line: 申請(qǐn),
  2. full-width ASCII folded to half-width (（１６２） → (162)), NBSP, U+3000 and other spaces → ' ',
     zero-width characters → ' ', curly quotes → straight ones,
  3. traditional script converted to simplified (OpenCC t2s),
and an offset map back to the original, so that anything found in the normalised text can be
reported at the exact original position.  Only steps 0 (\r\n) and 1 change the length; OpenCC's t2s is
length-preserving for the text it is given here (checked, and done character by character on a
line where it is not).

``key(s)`` is the stricter folding used to compare a label with the template: no spaces or line
breaks at all, 1、 → 1., no quotes, unified dashes.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right

import regex

from .. import guard
from ..model import Span

# pinyin with a tone mark (or ü), in parentheses right after a Han character (or a space after it:
# text recognised from a scan): 報(bào)告, 體(tǐ)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN_RE = guard.lazy(
    r"(?<=\p{Han}) ?[(（]([a-z" + _TONED + r"]{1,7})(?:[)）]|(?=[\r\n]|$))",
    regex.IGNORECASE,
)
_HAS_TONE = set(_TONED + _TONED.upper())

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII → ASCII
        table[cp] = chr(cp - 0xFEE0)
    for ch in _SPACES + _ZERO_WIDTH + "\t\v\f":
        table[ord(ch)] = " " if ch != "\t" else "\t"
    table[ord("\r")] = "\n"  # a lone \r (old Mac line ends); the \r of \r\n is removed before
    for ch in "“”„‟〝〞＂":
        table[ord(ch)] = '"'
    for ch in "‘’‚‛＇":
        table[ord(ch)] = "'"
    table[ord("〔")] = "["
    table[ord("〕")] = "]"
    table[ord("【")] = "["
    table[ord("】")] = "]"
    table[ord("﹝")] = "["
    table[ord("﹞")] = "]"
    table[ord("－")] = "-"
    table[ord("．")] = "."
    return table


FOLD = _build_fold_table()


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc  # imported lazily: ~5 ms, and only needed when there is Han text

    return opencc.OpenCC("t2s")


def t2s(s: str) -> str:
    """Traditional → simplified, guaranteed to keep the length (character by character if needed)."""
    if not s or s.isascii():
        return s
    conv = _converter()
    out = conv.convert(s)
    if len(out) == len(s):
        return out
    # rare: a phrase mapping changed the length; convert line by line, then char by char
    lines = s.splitlines(keepends=True)
    res = []
    for line in lines:
        c = conv.convert(line)
        if len(c) != len(line):
            c = "".join(ch2 if len(ch2 := conv.convert(ch)) == 1 else ch for ch in line)
        res.append(c)
    return "".join(res)


def _fold_t2s(s: str) -> tuple[str, bool]:
    """Steps 2 and 3 (FOLD, then t2s) of a text without \r\n, line by line — t2s converts no
    phrase across a line break, and keeps each line's length (character by character for a line
    where a phrase would change it) — and whether t2s changed anything.  Each line's result is
    memoised by its text: a re-lint after an edit converts only the lines that changed."""
    lines = s.split("\n")
    parts = [_fold_t2s_line(ln) if len(ln) <= _MEMO_LINE else _fold_t2s_text(ln) for ln in lines]
    if len(parts) == 1:
        return parts[0]
    return "\n".join([p[0] for p in parts]), any([p[1] for p in parts])


def _fold_t2s_text(line: str) -> tuple[str, bool]:
    folded = line.translate(FOLD)
    simp = t2s(folded)
    return simp, simp != folded


_MEMO_LINE = 2000  # longer lines (a page flattened into one line) are not kept
_fold_t2s_line = functools.lru_cache(maxsize=8192)(_fold_t2s_text)


class NormText:
    """A normalised copy of a text with a map back to original offsets."""

    __slots__ = ("original", "text", "_del_at", "_del_cum", "_del_orig", "_del_fwd", "pinyin", "changed_script")

    def __init__(self, original: str) -> None:
        self.original = original
        pinyin: list[Span] = []
        # deletions, in original order: (start, end, forward).  A forward deletion (the \r of a
        # \r\n) belongs to the character after it: a span starting at that line break starts
        # at the \r, so that the break is never cut in two.
        dels: list[tuple[int, int, bool]] = []
        if "(" in original or "（" in original:
            # (a syllable without a tone mark is not an annotation: 网站(www))
            spans = [
                m.span()
                for m in _PINYIN_RE.finditer(original, timeout=guard.left())
                if not _HAS_TONE.isdisjoint(m.group(1))
            ]
            dels = [(a, b, False) for a, b in spans]
            pinyin = [Span(a, b) for a, b in spans]
        if "\r\n" in original:
            crlf = [(i, i + 1, True) for i in _find_all(original, "\r\n")]
            dels = sorted(dels + crlf) if dels else crlf
        pieces: list[str] = []
        del_at: list[int] = []  # norm offset at which a deletion happened
        del_cum: list[int] = []  # total deleted up to and including that deletion
        del_fwd: list[bool] = []
        pos = 0
        removed = 0
        for a, b, fwd in dels:
            pieces.append(original[pos:a])
            del_at.append(a - removed)
            removed += b - a
            del_cum.append(removed)
            del_fwd.append(fwd)
            pos = b
        if pieces:
            pieces.append(original[pos:])
            stripped = "".join(pieces)
        else:
            stripped = original
        simp, self.changed_script = _fold_t2s(stripped)
        self.text = simp
        self._del_at = del_at
        self._del_cum = del_cum
        self._del_orig = [a + c for a, c in zip(del_at, del_cum)]  # original offset of the text after each
        self._del_fwd = del_fwd if any(del_fwd) else None
        self.pinyin = pinyin

    def to_orig(self, i: int, *, end: bool = False) -> int:
        """Original offset of normalised offset i.  For a span end, text deleted right before i
        (a pinyin annotation, the \r of a \r\n) stays outside the span; for a span start, a
        pinyin annotation stays outside, the \r of a line break inside."""
        if not self._del_at:
            return i
        if end:
            k = bisect_left(self._del_at, i) - 1
            return i + (self._del_cum[k] if k >= 0 else 0)
        k = bisect_right(self._del_at, i) - 1
        if k < 0:
            return i
        if self._del_fwd is not None and self._del_fwd[k] and self._del_at[k] == i:
            return i + (self._del_cum[k - 1] if k > 0 else 0)
        return i + self._del_cum[k]

    def span(self, start: int, end: int) -> Span:
        """Original span of normalised [start, end)."""
        return Span(self.to_orig(start), self.to_orig(end, end=True))

    def segments(self):
        """(start, end, shift): runs of normalised offsets whose original offset is i + shift
        (the runs between removed pinyin annotations and \r's of \r\n)."""
        start, shift = 0, 0
        for at, cum in zip(self._del_at, self._del_cum):
            if at > start:
                yield start, at, shift
            start, shift = at, cum
        if len(self.text) > start or start == 0:
            yield start, len(self.text), shift

    def from_orig(self, o: int) -> int:
        """Normalised offset of an original offset (inside a deleted annotation: where it was).

        The smallest normalised i whose original offset is at least o (at most len(text)): the
        characters from _del_at[k] on (up to the next deletion) start at original offset
        _del_at[k] + _del_cum[k]; one binary search finds the run o falls in (or the deleted
        text just before the next run)."""
        if not self._del_at:
            return o
        at, cum = self._del_at, self._del_cum
        k = bisect_right(self._del_orig, o) - 1
        i = o - (cum[k] if k >= 0 else 0)
        if k + 1 < len(at) and i > at[k + 1]:
            i = at[k + 1]  # inside deleted text: where it was
        return max(0, min(i, len(self.text)))


# --- label keys --------------------------------------------------------------------------

_KEY_DROP = guard.lazy(r"[\s\"'`*_#>|]+")
_KEY_ENUM = guard.lazy(r"(?<=^|[^\d.])(\d{1,2})[、，,．]")
# (?<!…): only the start of a run of punctuation is tried (linear: a long run not at the end was
# read again from each of its characters)
_KEY_TRAIL = guard.lazy(r"(?<![。;；:：,，、.])[。;；:：,，、.]+$")


def key(s: str) -> str:
    """Fold a (normalised) label for comparison: no whitespace or quotes, 1、 → 1., （）→ ().

    Cached for short strings: table words and labels repeat within a report and across reports."""
    if len(s) <= 64:
        return _key_cached(s)
    return _key(s)


def _key(s: str) -> str:
    s = s.translate(FOLD)
    s = _KEY_DROP.sub("", s)
    s = _KEY_ENUM.sub(r"\1.", s)
    return _KEY_TRAIL.sub("", s)


_key_cached = functools.lru_cache(maxsize=65536)(_key)


@functools.lru_cache(maxsize=4096)
def key_t2s(s: str) -> str:
    """key() of a raw (possibly traditional) string: used for template data and tests."""
    return key(t2s(s.translate(FOLD)))


def _find_all(s: str, sub: str) -> list[int]:
    out = []
    find = s.find
    i = find(sub)
    while i >= 0:
        out.append(i)
        i = find(sub, i + len(sub))
    return out


def normalize(text: str) -> NormText:
    return NormText(text)


def strip_pinyin(s: str) -> str:
    """Remove pinyin annotations from a short string (no offset map)."""
    if "(" not in s and "（" not in s:
        return s  # an annotation starts with a parenthesis
    return _PINYIN_RE.sub(lambda m: "" if any(ch in _HAS_TONE for ch in m.group(1)) else m.group(0), s)
