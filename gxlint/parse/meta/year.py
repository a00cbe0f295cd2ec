"""The report year: the places that state it (title, statistics period, the report named in the
body, the opening sentence, the fee statement, table captions) and the year most of them state."""

from __future__ import annotations

from typing import Callable, Optional

from ... import guard
from ...model import Span, YearMention
from ..normalize import NormText
from .dates import CN_YEAR, YEAR, year_of

_YEAR_BODY = guard.lazy(r"(?<!\d)(?P<y>" + YEAR + r")\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_REPORT_NAME = guard.lazy(
    r"(?P<y>" + YEAR + "|" + CN_YEAR + r")\s*年度?\s*(?:的)?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)"
)
_FEE_YEAR = guard.lazy(
    r"(?P<y>" + YEAR + r")\s*年度?(?![^。;\n]{0,30}?办法)[^。;\n]{0,20}?收取[^。;\n]{0,10}?信息处理费"
)
_CAPTION_YEAR = guard.lazy(
    r"(?m)^[ \t*#>\u3000]*(?:[二三四]\s*[、.]\s*)?(?P<y>" + YEAR + r")\s*年度?\s*(?:的)?\s*"
    r"(?:行政机关)?(?:主动公开政府信息|收到和处理政府信息公开申请|政府信息公开行政复议|因政府信息公开)"
)
_PART_TWO = guard.lazy(r"(?m)^[ \t*#>\u3000]*二\s*[、.]\s*(?:行政机关)?主动公开")
_OPENING_YEAR = guard.lazy(r"^[ \t*#>-]*(?P<y>" + YEAR + r")\s*年度?(?:以来)?\s*[,，、]")
# whole-text scans as module patterns: gxlint.parse puts these under the regex budget
_LINE = guard.lazy(r"[^\n]+")


def body_mentions(
    norm: NormText, first_section_start: int, title_span: Optional[Span], in_residue: Callable[[int], bool]
) -> list[YearMention]:
    """The years stated in the body: the report named in the opening statement and part 一, the
    opening sentence of section 一, table captions and the fee statement (in that order)."""
    text = norm.text
    mentions: list[YearMention] = []
    body_start = max(first_section_start, 0)
    title_range = (norm.from_orig(title_span.start), norm.from_orig(title_span.end)) if title_span else (-1, -1)
    # the report named in the opening statement and part 一 (later parts may name last year's report)
    p2 = _PART_TWO.search(text, body_start)
    for rm in _REPORT_NAME.finditer(text, 0, p2.start() if p2 else len(text)):
        if title_range[0] <= rm.start() < title_range[1] or in_residue(rm.start()):
            continue
        y = year_of(rm.group("y"))
        if y:
            mentions.append(YearMention(y, norm.span(rm.start("y"), rm.end("y")), "body"))
    if first_section_start >= 0:
        # the opening sentence of section 一: "2023年，…"
        nl = text.find("\n", first_section_start)
        for lm in _LINE.finditer(text, pos=nl + 1 if nl >= 0 else len(text)):
            s = lm.group()
            if not s.strip():
                continue
            om = _OPENING_YEAR.match(s)
            if om:
                mentions.append(
                    YearMention(
                        int(om.group("y")), norm.span(lm.start() + om.start("y"), lm.start() + om.end("y")), "opening"
                    )
                )
            if len(s.strip()) > 30:
                break
    for cm in _CAPTION_YEAR.finditer(text, body_start):
        mentions.append(YearMention(int(cm.group("y")), norm.span(cm.start("y"), cm.end("y")), "caption"))
    for fm in _FEE_YEAR.finditer(text, body_start):
        mentions.append(YearMention(int(fm.group("y")), norm.span(fm.start("y"), fm.end("y")), "fee"))
    return mentions


def body_year(norm: NormText, first_section_start: int) -> Optional[int]:
    """The first year written in the body (a last resort, when no place states the report year)."""
    ym = _YEAR_BODY.search(norm.text, max(first_section_start, 0))
    return int(ym.group("y")) if ym else None


_WEIGHT = {"title": 3, "period": 3, "period_end": 0, "body": 1, "opening": 1, "fee": 1, "caption": 1}
_ORDER = ("title", "period", "body", "opening", "fee", "caption", "period_end")


def decide_year(mentions: list[YearMention]) -> tuple[Optional[int], str]:
    if not mentions:
        return None, ""
    score: dict[int, int] = {}
    per_src: dict[tuple[int, str], int] = {}
    for m in mentions:
        # several body mentions of one year count as at most two
        if per_src.get((m.year, m.source), 0) >= 2:
            continue
        per_src[(m.year, m.source)] = per_src.get((m.year, m.source), 0) + 1
        score[m.year] = score.get(m.year, 0) + _WEIGHT.get(m.source, 1)
    best = max(score.values())
    top = [y for y, s in score.items() if s == best]
    for src in _ORDER:
        for m in mentions:
            if m.source == src and m.year in top:
                return m.year, ("period" if src == "period_end" else src)
    return top[0], mentions[0].source
