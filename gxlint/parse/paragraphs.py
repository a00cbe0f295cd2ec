"""Logical paragraphs: lines wrapped by a PDF extraction or a converter, read joined.

Text extracted from a PDF (and Markdown converted from one) breaks lines where the page's line
ended, mid-sentence and mid-word: ``受理政府信息公开申请\\n26件``, ``（地址：……大道 90\\n号……）``.
Read line by line, such a text has brackets that never close and numbers without their subject.
:class:`Paragraphs` decides, once per document, which line breaks are such *soft* wraps and gives
a joined copy of the normalised text (:class:`JoinedText`) with an offset map back to the original,
so that what is found in the joined text is reported at the exact original position.

A line break is soft when all of these hold:

- the document is wrapped at all: at least three body lines, not ending a sentence, have about
  the same display width W (Han characters count 2, ASCII 1) — the page's line width;
- the line is *full*: its width is close to W (a short line — a heading, a title, a caption, the
  last line of a paragraph — ends where its author ended it);
- the line does not end a sentence (。！？, possibly followed by a closing quote or bracket);
- the next line does not start a new paragraph: no heading or list marker (一、 （一） 1. ①
  第…条 Markdown marks), no table row, no blank line;
- neither line is a table row (tab or pipe separated, or three numbers separated by spaces) or
  lies in a table the parser read.

A page number line (``- 2 -``, ``第 2 页``) or a running header/footer (the same short line three
times or more) between two wrapped lines is skipped (removed from the joined text with the break).  Line ends may be ``\\n``, ``\\r\\n`` or ``\\r``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Optional

from .. import guard
from ..model import Span
from ..positions import LineIndex

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Document
    from .normalize import NormText

# the same page-number lines the table reader drops (parse.tables.tokens), and 共N页 第M页
PAGE_NUMBER = guard.lazy(
    r"^[ \t\u3000]*(?:[-—–－~]+[ \t]*\d{1,4}[ \t]*[-—–－~]+|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?"
    r"|共[ \t]*\d{1,4}[ \t]*页[ \t]*[,，/]?[ \t]*第[ \t]*\d{1,4}[ \t]*页|\d{1,4}[ \t]*/[ \t]*\d{1,4})[ \t\u3000]*$"
)
# what starts a paragraph of its own: headings, list items, Markdown blocks
PARA_START = guard.lazy(
    r"^[ \t\u3000]*(?:[(（][ \t]*(?:[一二三四五六七八九十]{1,3}|\d{1,2})[ \t]*[)）]"
    r"|[一二三四五六七八九十]{1,3}[ \t]*[、.．,，]"
    r"|\d{1,2}[ \t]*(?:[、．]|\.(?!\d)|[)）])"
    r"|[①-⑳⑴-⒇]"
    r"|第[一二三四五六七八九十百\d]{1,4}[条章节部分项]"
    r"|[#>|*+•·●■◆▪-]"
    r"|附件|附表)"
)
# three numbers separated by nothing but spaces: a table row (2023 年 1 月 1 日 is prose)
_NUMBER_RUN = guard.lazy(r"(?:(?<=\s)|^)[-+]?\d+(?:\.\d+)?(?:[ \t\u3000]+[-+]?\d+(?:\.\d+)?){2}(?=\s|$)")
_SENTENCE_END = guard.lazy(r"[。！？!?][\"'”’」』)）]*$")
_LINE_BREAK = guard.lazy(r"\r\n|\r|\n")
_HAN = guard.lazy(r"\p{Han}{4}")
_HAN_SPACE = guard.lazy(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")


def _ends_sentence(line: str) -> bool:
    return _SENTENCE_END.search(line.rstrip(" \t\u3000")[-6:]) is not None


MIN_WRAP_WIDTH = 30  # 15 Han characters: narrower "wrapping" is a table column or a list
MIN_WRAPPED_LINES = 3


_LONG = 400  # longer lines are wider than any page (only their width matters)


def width(s: str) -> int:
    """Display width: ASCII 1, anything else 2 (Han characters and full-width punctuation; the few
    narrow non-ASCII marks like “ ” count 2 as well — consistently, which is all a wrap width needs)."""
    return 2 * len(s) - len(s.encode("ascii", "ignore"))


def is_table_line(s: str) -> bool:
    t = s.strip(" \u3000")
    return "\t" in t or "|" in t or _NUMBER_RUN.search(t) is not None


def is_page_number(s: str) -> bool:
    return bool(s.strip()) and PAGE_NUMBER.match(s) is not None


class JoinedText:
    """The normalised text with the soft line breaks (and page-number lines between wrapped lines)
    removed.  Same interface as :class:`NormText` for what the claim reader uses: ``text``,
    ``original``, ``span``, ``to_orig``, ``from_orig``."""

    __slots__ = ("norm", "text", "_cut_at", "_cut_cum", "_cut_len")

    def __init__(self, norm: "NormText", cuts: list[tuple[int, int]]) -> None:
        self.norm = norm
        src = norm.text
        pieces = []
        cut_at: list[int] = []  # joined offset at which a cut happened
        cut_cum: list[int] = []  # total removed up to and including that cut
        cut_len: list[int] = []
        pos = removed = 0
        for a, b in cuts:  # norm [a, b), sorted, disjoint
            pieces.append(src[pos:a])
            cut_at.append(a - removed)
            removed += b - a
            cut_cum.append(removed)
            cut_len.append(b - a)
            pos = b
        pieces.append(src[pos:])
        self.text = "".join(pieces) if cuts else src
        self._cut_at, self._cut_cum, self._cut_len = cut_at, cut_cum, cut_len

    @property
    def original(self) -> str:
        return self.norm.original

    def to_norm(self, i: int, *, end: bool = False) -> int:
        """Normalised offset of joined offset i (a span end stays before a removed break)."""
        if not self._cut_at:
            return i
        k = (bisect_left(self._cut_at, i) if end else bisect_right(self._cut_at, i)) - 1
        return i + (self._cut_cum[k] if k >= 0 else 0)

    def from_norm(self, n: int) -> int:
        """Joined offset of normalised offset n (inside a removed break: where it was cut)."""
        if not self._cut_at:
            return n
        lo, hi = 0, len(self._cut_at)
        while lo < hi:  # the last cut whose norm start is <= n
            mid = (lo + hi) // 2
            if self._cut_at[mid] + (self._cut_cum[mid] - self._cut_len[mid]) <= n:
                lo = mid + 1
            else:
                hi = mid
        k = lo - 1
        if k < 0:
            return n
        start = self._cut_at[k] + self._cut_cum[k] - self._cut_len[k]
        if n < start + self._cut_len[k]:
            return self._cut_at[k]
        return n - self._cut_cum[k]

    def to_orig(self, i: int, *, end: bool = False) -> int:
        return self.norm.to_orig(self.to_norm(i, end=end), end=end)

    def from_orig(self, o: int) -> int:
        if not self._cut_at:
            return self.norm.from_orig(o)
        return self.from_norm(self.norm.from_orig(o))

    def span(self, start: int, end: int) -> Span:
        """Original span of joined [start, end)."""
        return Span(self.to_orig(start), self.to_orig(end, end=True))

    def original_text(self, start: int, end: int) -> str:
        """The original text of joined [start, end) without the removed breaks (for messages)."""
        orig = self.norm.original
        out = []
        x = start
        i = bisect_right(self._cut_at, start)
        while i < len(self._cut_at) and self._cut_at[i] < end:
            c = self._cut_at[i]
            out.append(orig[self.to_orig(x) : self.to_orig(c, end=True)])
            x = c
            i += 1
        out.append(orig[self.to_orig(x) : self.to_orig(end, end=True)])
        return "".join(out)


class Paragraphs:
    """Which line breaks of a document are soft wraps (see the module docstring)."""

    __slots__ = ("norm", "_lines", "wrap_width", "joins", "_joined", "_table_lines")

    def __init__(self, norm: "NormText", table_lines: Optional[set[int]] = None) -> None:
        self.norm = norm
        text = norm.text
        self._lines: Optional[LineIndex] = None  # only needed to join lines (most texts: none)
        self.joins: dict[int, int] = {}  # line → the line it continues on (0-based)
        self._joined: Optional[JoinedText] = None
        table_lines = table_lines or set()
        self._table_lines = table_lines
        content = _split_lines(text)
        n = len(content)
        # widths as written (normalisation folds full-width punctuation to narrow ASCII)
        orig = _split_lines(norm.original) if norm.original is not text else content
        if len(orig) != n:
            orig = content
        widths = [width(x.strip(" \t\u3000")) for x in orig]
        # only lines at least MIN_WRAP_WIDTH wide can wrap (page numbers and blank lines never are)
        wide = [ln for ln in range(n) if widths[ln] >= MIN_WRAP_WIDTH and ln not in table_lines]
        ends = {ln for ln in wide if _ends_sentence(content[ln])}
        # a table row ends no sentence; a line of thousands of characters is no wrapped line either way
        wide = [ln for ln in wide if ln in ends or len(content[ln]) > _LONG or not is_table_line(content[ln])]
        self.wrap_width = _wrap_width([widths[ln] for ln in wide if ln not in ends], [widths[ln] for ln in wide])
        if self.wrap_width is None:
            return
        full = self.wrap_width - max(6, self.wrap_width // 8)
        running = _running_lines(content, widths, self.wrap_width)
        for ln in wide:
            if widths[ln] < full or ln in ends:
                continue
            nxt = ln + 1
            while nxt < n and (is_page_number(content[nxt]) or content[nxt].strip(" \t\u3000") in running):
                nxt += 1
            if (
                nxt >= n
                or not content[nxt].strip(" \t\u3000")
                or nxt in table_lines
                or is_table_line(content[nxt])
                or PARA_START.match(content[nxt])
            ):
                continue
            self.joins[ln] = nxt

    @property
    def lines(self) -> LineIndex:
        """Line starts of the normalised text (built when first needed)."""
        if self._lines is None:
            self._lines = LineIndex(self.norm.text)
        return self._lines

    @property
    def joined(self) -> JoinedText:
        """The normalised text with soft breaks removed, and spaces between two Han characters of
        the prose (自然 人, 部分公 开: text recognised from a scan), computed once."""
        if self._joined is None:
            cuts = []
            text = self.norm.text
            for ln, nxt in sorted(self.joins.items()):
                a = self.lines.line_end(ln)
                while a > self.lines.line_start(ln) and text[a - 1] in " \t\u3000":
                    a -= 1
                b = self.lines.line_start(nxt)
                e = self.lines.line_end(nxt)
                while b < e and text[b] in " \t\u3000":
                    b += 1
                cuts.append((a, b))
            spaces = [m.span() for m in _HAN_SPACE.finditer(text)]
            if spaces:
                memo: dict[int, bool] = {}
                cuts += [(a, b) for a, b in spaces if not self._in_table(a, memo)]
                cuts.sort()
                merged: list[tuple[int, int]] = []
                for a, b in cuts:  # a space right before a soft break is inside that cut
                    if merged and a < merged[-1][1]:
                        merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
                    else:
                        merged.append((a, b))
                cuts = merged
            self._joined = JoinedText(self.norm, cuts)
        return self._joined

    def _in_table(self, pos: int, memo: dict) -> bool:
        ln = self.lines.line_of(pos)
        got = memo.get(ln)
        if got is None:
            got = ln in self._table_lines or is_table_line(
                self.norm.text[self.lines.line_start(ln) : self.lines.line_end(ln)]
            )
            memo[ln] = got
        return got

    def continues(self, line: int) -> Optional[int]:
        """The line this 0-based line continues on, if its line break is a soft wrap."""
        return self.joins.get(line)


def _split_lines(s: str) -> list[str]:
    """The lines of s (\n, \r\n or \r): str.split when there is no \r (one C call, no regex over
    the whole text)."""
    return s.split("\n") if "\r" not in s else _LINE_BREAK.split(s)


def _running_lines(content: list[str], widths: list[int], wrap_width: int) -> set[str]:
    """A page's running header or footer: the same short line (Han text, no sentence end) three
    times or more in the document."""
    seen: dict[str, int] = {}
    for s, w in zip(content, widths):
        if 8 <= w <= wrap_width * 3 // 4:
            t = s.strip(" \t\u3000")
            seen[t] = seen.get(t, 0) + 1
    return {t for t, k in seen.items() if k >= 3 and _HAN.search(t) and not _ends_sentence(t) and not is_table_line(t)}


def _wrap_width(open_widths: list[int], all_widths: list[int]) -> Optional[int]:
    """The page's line width W, or None when the text is not wrapped.

    W is the top of the band [w-5, w+1] holding the most lines that do not end a sentence (at least
    three, at least MIN_WRAP_WIDTH wide).  The text is wrapped only when that band holds at least
    30 % of all text lines of that width and hardly any line is wider than W (a text written one
    paragraph per line has lines of every width)."""
    ws = sorted(w for w in open_widths if w >= MIN_WRAP_WIDTH)
    if len(ws) < MIN_WRAPPED_LINES:
        return None
    best, best_n = None, 0
    for w in ws:
        cnt = bisect_right(ws, w + 1) - bisect_left(ws, w - 5)
        if cnt > best_n or (cnt == best_n and best is not None and w > best):
            best, best_n = w, cnt
    if best is None or best_n < MIN_WRAPPED_LINES:
        return None
    top = ws[bisect_right(ws, best + 1) - 1]
    wide = [w for w in all_widths if w >= MIN_WRAP_WIDTH]
    in_band = sum(1 for w in wide if top - 6 <= w <= top + 1)
    wider = sum(1 for w in wide if w > top + 6)
    if in_band < 0.3 * len(wide) or wider > max(1, in_band // 10):
        return None
    return top


def of(doc: "Document") -> Paragraphs:
    """The document's paragraphs, computed once (cached on the Document).  Lines of the tables
    the parser read never join."""
    p = doc.cache.get("paragraphs")
    if p is None:
        table_lines: set[int] = set()
        for t in doc.tables.values():
            a = doc.lines.line_of(t.span.start)
            b = doc.lines.line_of(max(t.span.start, t.span.end - 1))
            table_lines.update(range(a, b + 1))
        p = Paragraphs(doc.norm, table_lines)
        doc.cache["paragraphs"] = p
    return p


def joined(doc: "Document") -> JoinedText:
    """The document's normalised text with wrapped lines joined (cached)."""
    return of(doc).joined
