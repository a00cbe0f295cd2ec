"""The six section headings (template.md §3), and the old pre-2019 structure.

Headings are found in the normalised text by their *titles* (一、总体情况 …) with the numeral
recorded separately, so a misnumbered heading is still recognised (and reported by GX102).
Table 三's row labels (一、本年新收…, 三、本年度办理结果, 四、结转下年度继续办理) never match a
section title, so they are not sections.  A heading counts when it starts a line (after spaces,
NBSP, U+3000 or Markdown marks); in a one-line document, or when a section has no such heading,
the first heading-shaped match inside a line is taken.

A section whose heading is not found by its title is then looked for in its place, as written
(:func:`find_as_written`): a typo or extra words, or the report's own numbering; such headings
are listed for GX202.  Old-structure headings (:func:`find_old_structure`) are found at the start
of a line, or inside a line after their numeral.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import regex

from .. import guard, templates
from ..model import Section, Span
from .normalize import NormText

NUMERALS = "一二三四五六七八九十"


def _spaced(pattern: str, wrap: bool = False) -> str:
    """Allow spaces/tabs between the Han characters of a title pattern (not inside [...]); with
    ``wrap`` a line break too (a title wrapped by a PDF or a converter: 六、其他需要报告\n的事项)."""
    out = []
    in_class = False
    n = len(pattern)
    i = 0
    while i < n:
        ch = pattern[i]
        out.append(ch)
        i += 1
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif not in_class and "\u4e00" <= ch <= "\u9fff":
            # a quantifier belongs to the character (的? stays optional): the spaces go after it
            if i < n and pattern[i] in "?*+":
                out.append(pattern[i])
                i += 1
            out.append("[ \t]*(?:\n[ \t]*)?" if wrap else "[ \t]*")
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _heading_re() -> "regex.Pattern[str]":
    alts = []
    for sec in templates.common()["section"]:
        alts.append(f"(?P<s{sec['index']}>{_spaced(sec['pattern'])})")
    return regex.compile(r"(?P<num>[一二三四五六七八九十])[ \t]*[、.,．][ \t]*(?:" + "|".join(alts) + r")")


@functools.lru_cache(maxsize=1)
def _old_re() -> "regex.Pattern[str]":
    """An old heading at the start of a line (numeral optional), or inside a line after its
    numeral (a one-line document: 二、依申请公开政府信息情况 …).  ``*+`` (possessive): a run of
    spaces is not re-split between the two ``[ \t]`` (quadratic)."""
    pats = "|".join(_spaced(p) for p in templates.common()["old_structure"]["patterns"])
    return regex.compile(
        r"(?m)(?:^[ \t#*>]*+(?:[一二三四五六七八九十][ \t]*[、.,．])?|(?<=^|[\s。;；:：])[一二三四五六七八九十][ \t]*[、.,．])"
        r"[ \t]*(?:" + pats + r")"
    )


@dataclass(slots=True)
class Heading:
    index: int
    numeral: str
    start: int  # normalised offsets
    end: int
    line_start: bool
    form: str = "standard"  # standard / fuzzy (a typo or extra words) / alt (numbered its own way)


def _at_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t#*>-":
        i -= 1
    return i < 0 or text[i] in "\r\n"


def _heading_end(text: str, end: int) -> int:
    """Extend a heading over trailing Markdown bold / colon on its line (the spaced title
    pattern may have taken the spaces after the title: they are not part of it)."""
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    n = len(text)
    while end < n and text[end] in "*:：":
        end += 1
    return end


def find_headings(norm: NormText) -> list[Heading]:
    """Every heading-shaped match, in text order."""
    text = norm.text
    found = []
    for m in _heading_re().finditer(text, timeout=guard.left()):
        idx = next(i for i in range(1, 7) if m.group(f"s{i}") is not None)
        found.append(
            Heading(idx, m.group("num"), m.start(), _heading_end(text, m.end()), _at_line_start(text, m.start()))
        )
    return found


_MIN_BODY = 8


def choose(headings: list[Heading]) -> tuple[list[Heading], list[Heading]]:
    """Pick the headings that are sections; the rest are (accepted, duplicates).

    Per section index: every line-start heading is a section (a second one is a duplicate for
    GX102); when there is none, the first inline one is taken.
    """
    by_index: dict[int, list[Heading]] = {}
    gap: dict[int, int] = {}  # id(heading) -> characters until the next heading-shaped match
    for k, h in enumerate(headings):
        by_index.setdefault(h.index, []).append(h)
        gap[id(h)] = (headings[k + 1].start - h.end) if k + 1 < len(headings) else 1 << 30
    accepted: list[Heading] = []
    duplicates: list[Heading] = []
    for idx, hs in by_index.items():
        starts = [h for h in hs if h.line_start]
        if starts:
            accepted.append(starts[0])
            # a repeated title right after a heading (e.g. the table caption repeating the
            # heading) is not a second section; only a repeat far away counts
            duplicates.extend(starts[1:])
        else:
            # inline only (a one-line document): a heading mentioned in a list ("报告分为一、总体情况，
            # 二、主动公开…") is right before the next mention; the heading itself has a body
            with_body = [h for h in hs if gap[id(h)] >= _MIN_BODY]
            accepted.append(with_body[0] if with_body else hs[-1])
    accepted.sort(key=lambda h: h.start)
    duplicates.sort(key=lambda h: h.start)
    return accepted, duplicates


def build_sections(norm: NormText, headings: list[Heading]) -> list[Section]:
    common = {s["index"]: s for s in templates.common()["section"]}
    sections = []
    text = norm.text
    for i, h in enumerate(headings):
        body_end = headings[i + 1].start if i + 1 < len(headings) else len(text)
        span = norm.span(h.start, h.end)
        sections.append(
            Section(
                index=h.index,
                numeral=h.numeral,
                title=norm.original[span.start : span.end],
                span=span,
                body=norm.span(h.end, body_end),
                canonical=common[h.index]["canonical"],
                inline=not h.line_start,
            )
        )
    return sections


def find_old_structure(norm: NormText) -> list[Span]:
    """Headings of the pre-2019 structure (概述, 依申请公开…, 收费及减免…)."""
    text = norm.text
    out = []
    for m in _old_re().finditer(text, timeout=guard.left()):
        a = m.start()
        b = m.end()
        while a < b and text[a] in " \t#*>":
            a += 1
        while b > a and text[b - 1] in " \t\r\n":
            b -= 1
        out.append(norm.span(a, b))
    return out


# --- headings as written ------------------------------------------------------------------
#
# A section whose heading is not found by its title is looked for once more, in its place (after
# the heading of the section before it, before the heading of the section after it):
#
# - ``fuzzy``: its own numeral (二、…) and its title with a typo or a few extra words
#   (四、政府信息公开行政法复议、行政诉讼情况).  Inside a line only the typo form (the title right
#   after the numeral), at the start of a line also extra words before or after it on that line.
# - ``alt``: a line that is nothing but the title, numbered the report's own way ((二) 1. 第二部分 二:)
#   or not at all (主动公开政府信息情况); the titles of 二/三/四 may be shortened there
#   ((一)主动公开情况).
#
# - ``core``: its own numeral and, right after it, the section's core words (五 + 问题/不足/改进),
#   whatever else it says (五、存在的主要问题及明年工作计划): the section under its own wording.
#
# Table 三's row labels (一、本年新收… 四、结转下年度…) never come near a section title's wording.


@functools.lru_cache(maxsize=None)
def _num_sep(numeral: str) -> "regex.Pattern[str]":
    return regex.compile(numeral + r"[ \t]*(?:\n[ \t]*)?[、.,．][ \t]*(?:\n[ \t]*)?")


_SENTENCE = guard.lazy(r"[。;；,，!！?？]")
# shortened titles a report's own numbering uses for the statistics parts
_ALT_TITLES = {
    2: r"(?:行政机关)?主动公开(?:政府信息)?(?:的)?(?:工作)?情况",
    3: r"(?:行政机关)?(?:收到和处理(?:政府信息公开)?申请|依申请公开(?:政府信息)?)(?:的)?(?:工作)?情况",
    4: r"(?:因)?(?:政府信息公开)?(?:工作)?(?:被申请)?行政复议[、和与及,]?(?:提起)?行政诉讼(?:的)?(?:工作)?情况",
}
_EXTRA_WORDS = 10  # extra characters a line-start heading may carry besides its title


def _budget(title: str) -> int:
    """Edits a title may differ by: one for a short title, two for a long one."""
    return 1 if len(title) < 12 else 2


@functools.lru_cache(maxsize=1)
def _fuzzy_res() -> dict[int, "regex.Pattern[str]"]:
    out = {}
    for sec in templates.common()["section"]:
        title = sec["canonical"][2:]
        # a year before the title is extra words too (二、2023年主动公开政府信息情况)
        out[sec["index"]] = regex.compile(
            r"(?:(?:19|20)\d\d[ \t]*年度?[ \t]*(?:的)?)?(?:"
            + _spaced(sec["pattern"], wrap=True)
            + r"){e<=%d}" % _budget(title),
            regex.BESTMATCH,
        )
    return out


@functools.lru_cache(maxsize=1)
def _alt_res() -> dict[int, "regex.Pattern[str]"]:
    out = {}
    for sec in templates.common()["section"]:
        title = _ALT_TITLES.get(sec["index"], sec["pattern"])
        out[sec["index"]] = regex.compile(
            r"(?m)^[ \t#*>]*(?P<h>(?:[(][一二三四五六七八九十]{1,2}[)]|\d{1,2}[ \t]*[、.．]|第[一二三四五六七八九十]部分[、:]?"
            r"|[一二三四五六七八九十](?:[ \t]*:|[ \t]+))?"
            r"[ \t]*" + _spaced(title) + r")[ \t*:]*$"
        )
    return out


def _slot(accepted: list[Heading], index: int, n: int) -> tuple[int, int]:
    lo = max((h.end for h in accepted if h.index < index), default=0)
    hi = min((h.start for h in accepted if h.index > index), default=n)
    return lo, hi


def _line_end(text: str, pos: int) -> int:
    b = text.find("\n", pos)
    return len(text) if b < 0 else b


_MAX_TRIES = 200  # numbered places tried per section (a real report has a few dozen at most)


@functools.lru_cache(maxsize=1)
def _title_chars() -> dict[int, tuple[frozenset, int]]:
    """Per section: the Han characters of its canonical title, and how many of them a window of
    text must hold to be worth a fuzzy match (errors and the pattern's variants may drop some)."""
    out = {}
    for sec in templates.common()["section"]:
        chars = frozenset(ch for ch in sec["canonical"][2:] if "\u4e00" <= ch <= "\u9fff")
        out[sec["index"]] = (chars, max(1, len(chars) - _budget(sec["canonical"][2:]) - 3))
    return out


def _fuzzy_in(text: str, index: int, lo: int, hi: int) -> Optional[Heading]:
    numeral = NUMERALS[index - 1]
    pat = _fuzzy_res()[index]
    chars, need = _title_chars()[index]
    tries = seen = 0
    for m in _num_sep(numeral).finditer(text, lo, hi, timeout=guard.left()):
        seen += 1
        if seen > 50 * _MAX_TRIES:
            break
        if len(chars.intersection(text[m.end() : m.end() + 40])) < need:
            continue  # (fast path) nothing like the title here
        tries += 1
        if tries > _MAX_TRIES:
            break
        at_start = _at_line_start(text, m.start())
        if at_start:
            # the whole line is the heading: its title, with a typo or a few extra words
            line_end = _line_end(text, m.end())
            rest = text[m.end() : min(line_end, hi)].rstrip(" \t*:")
            if rest and len(rest) <= 40 and not _SENTENCE.search(rest):
                t = pat.search(rest, timeout=guard.left())
                if t is not None and len(rest) - (t.end() - t.start()) <= _EXTRA_WORDS:
                    return Heading(index, numeral, m.start(), _heading_end(text, m.end() + len(rest)), True, "fuzzy")
        # the title right after the numeral, with a typo, and the text running on after it (a
        # one-line document, or a PDF line that holds the heading and the first sentence)
        t = pat.match(text, m.end(), min(hi, m.end() + 60), timeout=guard.left())
        if t is None or t.end() - t.start() < 4:
            continue
        e = t.end()
        while e > t.start() and text[e - 1] in " \t":
            e -= 1
        if at_start and e < len(text) and text[e] not in " \t\u3000\n:*":
            continue  # a line that opens with a sentence (…情况良好，…), not a heading set off
        return Heading(index, numeral, m.start(), _heading_end(text, e), at_start, "fuzzy")
    return None


def _alt_in(text: str, index: int, lo: int, hi: int) -> Optional[Heading]:
    for m in _alt_res()[index].finditer(text, lo, hi, timeout=guard.left()):
        return Heading(index, NUMERALS[index - 1], m.start("h"), _heading_end(text, m.end("h")), True, "alt")
    return None


# the words that make a heading this section's whatever else it says (五、存在的主要问题及明年工作计划)
_CORE = {
    1: r"总体|概况",
    2: r"主动公开",
    3: r"(?:收到|处理|受理|办理)[^。;,:]{0,8}申请|依申请公开",
    4: r"行政复议|行政诉讼",
    5: r"问题|不足|改进|整改",
    6: r"其他(?:需要)?(?:报告|说明)|需要报告",
}
_CORE_WINDOW = 16  # the core words stand within this many characters after the numeral
_CORE_MAX = 30  # a heading found by its core words ends within this many characters


@functools.lru_cache(maxsize=None)
def _core_re(index: int) -> "regex.Pattern[str]":
    return regex.compile(r"[^。;；,，!！?？\d]{0,%d}?(?:%s)" % (_CORE_WINDOW, _CORE[index]))


_CORE_END = guard.lazy(r"[。;；,，:：!！?？(（\d]|\s{2,}")
_CLAUSE = guard.lazy(r"[,，;；。]")


def _core_in(text: str, index: int, lo: int, hi: int) -> Optional[Heading]:
    """The section's numeral and, right after it, its core words (五 + 问题), whatever else the
    heading says: a heading in the report's own wording (GX202), not a missing section (GX101)."""
    numeral = NUMERALS[index - 1]
    pat = _core_re(index)
    for m in _num_sep(numeral).finditer(text, lo, hi, timeout=guard.left()):
        before = text[m.start() - 1] if m.start() > 0 else "\n"
        if "\u4e00" <= before <= "\u9fff" or before in "第(（":
            continue  # 第五、, 十五、, (五、: not this section's numeral
        if pat.match(text, m.end(), min(hi, m.end() + _CORE_WINDOW + 8), timeout=guard.left()) is None:
            continue
        if _old_re().match(text, m.start(), min(hi, m.start() + 80), timeout=guard.left()) is not None:
            continue  # a heading of the pre-2019 structure (三、依申请公开政府信息情况): GX104's
        at_start = _at_line_start(text, m.start())
        line_end = min(_line_end(text, m.end()), hi)
        stop = _CORE_END.search(text, m.end(), min(line_end, m.end() + _CORE_MAX))
        e = stop.start() if stop is not None else min(line_end, m.end() + _CORE_MAX)
        if stop is not None and _CLAUSE.match(text, e):
            continue  # 四、加强…行政复议应诉工作，提高水平。: a numbered sentence, not a heading
        while e > m.end() and text[e - 1] in " \t":
            e -= 1
        if e - m.end() < 2:
            continue
        return Heading(index, numeral, m.start(), _heading_end(text, e), at_start, "core")
    return None


def find_as_written(norm: NormText, accepted: list[Heading]) -> list[Heading]:
    """Headings, as written, of the sections ``accepted`` lacks (see above), in their places.
    Returns the new headings; ``accepted`` is not changed."""
    text = norm.text
    have = list(accepted)
    found: list[Heading] = []
    present = {h.index for h in accepted}
    for index in range(1, 7):
        if index in present:
            continue
        lo, hi = _slot(have, index, len(text))
        if lo >= hi:
            continue
        h = _fuzzy_in(text, index, lo, hi) or _alt_in(text, index, lo, hi) or _core_in(text, index, lo, hi)
        if h is not None:
            found.append(h)
            have.append(h)
    return found
