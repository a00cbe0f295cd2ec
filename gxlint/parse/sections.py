"""The six section headings (template.md §3), and the old pre-2019 structure.

Headings are found in the normalised text by their *titles* (一、总体情况 …) with the numeral
recorded separately, so a misnumbered heading is still recognised (and reported by GX102).
Table 三's row labels (一、本年新收…, 三、本年度办理结果, 四、结转下年度继续办理) never match a
section title, so they are not sections.  A heading counts when it starts a line (after spaces,
NBSP, U+3000 or Markdown marks); in a one-line document, or when a section has no such heading,
the first heading-shaped match inside a line is taken.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import guard, templates
from ..model import Section, Span
from .normalize import NormText

NUMERALS = "一二三四五六七八九十"


def _spaced(pattern: str) -> str:
    """Allow spaces/tabs between the Han characters of a title pattern (not inside [...])."""
    out = []
    in_class = False
    for ch in pattern:
        out.append(ch)
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif not in_class and "\u4e00" <= ch <= "\u9fff":
            out.append("[ \t]*")
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _heading_re() -> "regex.Pattern[str]":
    alts = []
    for sec in templates.common()["section"]:
        alts.append(f"(?P<s{sec['index']}>{_spaced(sec['pattern'])})")
    return regex.compile(
        r"(?P<num>[一二三四五六七八九十])[ \t]*[、.,．][ \t]*(?:" + "|".join(alts) + r")"
    )


@functools.lru_cache(maxsize=1)
def _old_re() -> "regex.Pattern[str]":
    pats = templates.common()["old_structure"]["patterns"]
    # *+ (possessive): a run of spaces is not re-split between the two [ \t] (quadratic)
    return regex.compile(
        r"(?m)^[ \t#*>]*+(?:[一二三四五六七八九十][ \t]*[、.,．])?[ \t]*(?:" + "|".join(_spaced(p) for p in pats) + r")"
    )


@dataclass(slots=True)
class Heading:
    index: int
    numeral: str
    start: int        # normalised offsets
    end: int
    line_start: bool


def _at_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t#*>-":
        i -= 1
    return i < 0 or text[i] in "\r\n"


def _heading_end(text: str, end: int) -> int:
    """Extend a heading over trailing Markdown bold / colon on its line (the spaced title
    pattern may have taken the spaces after the title: they are not part of it)."""
    while end > 0 and text[end - 1] in " \t":
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
        found.append(Heading(idx, m.group("num"), m.start(), _heading_end(text, m.end()), _at_line_start(text, m.start())))
    return found


_MIN_BODY = 8


def choose(headings: list[Heading]) -> tuple[list[Heading], list[Heading]]:
    """Pick the headings that are sections; the rest are (accepted, duplicates).

    Per section index: every line-start heading is a section (a second one is a duplicate for
    GX102); when there is none, the first inline one is taken.
    """
    by_index: dict[int, list[Heading]] = {}
    gap: dict[int, int] = {}      # id(heading) -> characters until the next heading-shaped match
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
                title=norm.original[span.start:span.end],
                span=span,
                body=norm.span(h.end, body_end),
                canonical=common[h.index]["canonical"],
                inline=not h.line_start,
            )
        )
    return sections


def find_old_structure(norm: NormText) -> list[Span]:
    """Headings of the pre-2019 structure (概述, 依申请公开…, 收费及减免…)."""
    return [norm.span(m.start(), m.end()) for m in _old_re().finditer(norm.text, timeout=guard.left())]
