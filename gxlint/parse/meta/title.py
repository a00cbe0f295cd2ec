"""The report's title: a title line of its own, one wrapped over two lines, one opening a line the
report runs on in (a one-line document), or a page's labelled 标题: line."""

from __future__ import annotations

from typing import Callable

import regex

from ... import guard
from ...model import Meta, YearMention
from ..normalize import NormText
from .dates import CN_YEAR, YEAR, year_of
from .organ import organ_level

_TITLE_RE = guard.lazy(
    r"(?m)^[ \t#*>]*(?P<t>[^\n]{0,80}?(?P<y>" + YEAR + "|" + CN_YEAR + r")\s*年度?[^\n]{0,40}?报告)[ \t*]*$"
)
_TITLE_LOOSE = guard.lazy(r"(?m)^[ \t#*>]*(?P<t>[^\n]{2,80}?政府信息公开[^\n]{0,20}?(?:报告|年报))[ \t*]*$")
# one-line documents: the title opens a line and the report runs on after a space
# (平潭综合实验区2019年政府信息公开工作年度报告 根据《条例》…), or it stands between spaces in a
# line of page chrome (… 政府信息公开年报 某某局2021年度政府信息公开工作年度报告 来源：…)
_TITLE_OPENS = guard.lazy(
    r"(?m)^[ \t#*>]*(?P<t>[^\n\s。，,；;:：!！?？《》“”]{2,60}?(?P<y>"
    + YEAR
    + "|"
    + CN_YEAR
    + r")\s*年度?(?:的)?(?:政府信息公开|政务公开)[^\n\s。，,；;:：]{0,12}?(?:报告|年报))[ \t\u3000]+(?=\S)"
)
_TITLE_SPACED = guard.lazy(
    r"(?<=^|[ \t\u3000])(?P<t>[^\n\s。，,；;:：!！?？《》“”]{2,40}?(?P<y>"
    + YEAR
    + "|"
    + CN_YEAR
    + r")\s*年度?(?:的)?政府信息公开工作(?:年度)?(?:报告|年报))(?=[ \t\u3000]|$)",
    regex.MULTILINE,
)
# a page's own metadata line (标题: …): its title only when the report has none of its own
_TITLE_LABEL = guard.lazy(r"^[ \t#*>]*标题[ \t]*[:：][ \t]*")
_LABEL_ONLY = guard.lazy(r"[ \t#*>]*[^\s:：]{1,8}[ \t]*[:：][ \t]*")
_OTHER_LABEL = guard.lazy(r"^[ \t#*>]*[^\s:：]{1,8}[ \t]*[:：]|[/\\]|https?:")  # 本地目录: zwgk/… 原文链接: http…


def read_title(norm: NormText, head: str, in_residue: Callable[[int], bool], meta: Meta) -> list[YearMention]:
    """The title in ``head`` (the text before section 一): sets ``meta.title``, ``title_span`` and
    ``title_norm``; returns the year the title states (a list of at most one :class:`YearMention`)."""
    text = norm.text
    mentions: list[YearMention] = []
    m = None
    for cand in _title_candidates(head):
        # a labelled 标题: line of a web archive is page chrome (GX605), but when the report has no
        # title of its own it is still the report's title (the candidates come in preference order)
        if not in_residue(cand.start("t")) or isinstance(cand, _Labelled):
            m = cand
            break
    wrapped = _wrapped_title(text, head, m, in_residue)
    if wrapped:
        ts, te, joined, ys, ye = wrapped
        meta.title_span = norm.span(ts, te)
        meta.title = norm.original[meta.title_span.start : meta.title_span.end]
        meta.title_norm = joined
        y = year_of(text[ys:ye])
        if y:
            mentions.append(YearMention(y, norm.span(ys, ye), "title"))
    elif m:
        ts, te = m.start("t"), m.end("t")
        meta.title_span = norm.span(ts, te)
        meta.title = norm.original[meta.title_span.start : meta.title_span.end]
        meta.title_norm = text[ts:te]
        if m.groupdict().get("y"):
            y = year_of(m.group("y"))
            if y:
                mentions.append(YearMention(y, norm.span(m.start("y"), m.end("y")), "title"))
    return mentions


def _title_candidates(head: str):
    """Title matches in preference order: a title line of its own, a title opening a line the
    report runs on in (a one-line document), a title between spaces, then a labelled 标题: line."""
    labelled = []
    seen = set()
    for cand in list(_TITLE_RE.finditer(head)) + list(_TITLE_LOOSE.finditer(head)):
        lab = _TITLE_LABEL.match(cand.group("t"))
        if lab:
            labelled.append(cand)
            continue
        if _OTHER_LABEL.search(cand.group("t")):
            continue  # another metadata line of the page (a path, a link) naming the report
        seen.add(cand.start("t"))
        yield cand
    for pat in (_TITLE_OPENS, _TITLE_SPACED):
        for cand in pat.finditer(head):
            a = cand.start("t")
            if a in seen:
                continue
            line_start = head.rfind("\n", 0, a) + 1
            if _TITLE_LABEL.fullmatch(head, line_start, a):
                continue  # the labelled line, below
            if _OTHER_LABEL.search(cand.group("t")) or _LABEL_ONLY.fullmatch(head, line_start, a):
                continue  # the value of another metadata field (本地目录: …)
            seen.add(a)
            yield cand
    for cand in labelled:
        yield _Labelled(cand, _TITLE_LABEL.match(cand.group("t")).end())


class _Labelled:
    """A title match with its 标题: label cut off."""

    __slots__ = ("_m", "_cut")

    def __init__(self, m, cut: int) -> None:
        self._m, self._cut = m, cut

    def start(self, g=0):
        return self._m.start(g) + (self._cut if g == "t" else 0)

    def end(self, g=0):
        return self._m.end(g)

    def group(self, g=0):
        return self._m.group(g)[self._cut :] if g == "t" else self._m.group(g)

    def groupdict(self):
        return self._m.groupdict()


def _wrapped_title(text: str, head: str, m, in_residue):
    """A title wrapped over two lines, as (start, end, joined text, year start, year end) in the
    normalised text, or None.  Either the organ stands on the line above a title line that starts
    with the year (洪泽区人民政府 / 2023 年政府信息公开工作年度报告), or the title's last words
    stand on the next line (某某局2023年政府信息公开工作 / 年度报告)."""
    lines = [(x.start(), x.end()) for x in regex.finditer(r"[^\r\n]+", head) if x.group().strip()]

    def bounds(a, b):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip(" \t\u3000#*>"))
        return a + lead, a + len(seg.rstrip(" \t\u3000*"))

    def short_part(a, b, limit):
        s = text[a:b]
        return (
            2 <= len(s) <= limit
            and not regex.search(r"[。，,；;:：!！?？()（）\d]", s)
            and regex.search(r"\p{Han}{2}", s)
            and not in_residue(a)
        )

    if m is not None:
        ts, ys = m.start("t"), m.start("y") if m.groupdict().get("y") is not None else -1
        if ys >= 0 and not text[ts:ys].strip(" \t\u3000"):
            # the line holds no organ: the line above, if it is an organ's name, is the title's start
            k = next((i for i, (a, b) in enumerate(lines) if a <= ts < b + 1), None)
            if k:
                pa, pb = bounds(*lines[k - 1])
                if short_part(pa, pb, 30) and text[pb:ts].count("\n") == 1 and organ_level(text[pa:pb]):
                    return pa, m.end("t"), text[pa:pb] + text[ts : m.end("t")], ys, m.end("y")
        return None
    for (a1, b1), (a2, b2) in zip(lines, lines[1:]):
        if text[b1:a2].count("\n") != 1:
            continue
        a1, b1 = bounds(a1, b1)
        a2, b2 = bounds(a2, b2)
        if in_residue(a1) or not short_part(a2, b2, 20) or b1 - a1 > 80:
            continue
        joined = text[a1:b1] + text[a2:b2]
        jm = _TITLE_RE.fullmatch(joined) or _TITLE_LOOSE.fullmatch(joined)
        if jm and jm.start("t") == 0 and jm.end("t") == len(joined):
            if jm.groupdict().get("y") is None:
                return a1, b2, joined, -1, -1
            split = b1 - a1
            ys, ye = jm.start("y"), jm.end("y")
            ys, ye = (a1 + ys, a1 + ye) if ye <= split else (a2 + ys - split, a2 + ye - split)
            return a1, b2, joined, ys, ye
    return None
