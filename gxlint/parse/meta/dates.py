"""Dates: every date of the text (well-formed or not), Chinese numerals, the statistics period
and the publication date of the web page around the report."""

from __future__ import annotations

import datetime
from typing import Optional

import regex

from ... import guard
from ...model import DateMention, Dates, MalformedDate, Period, ResidueLine, Span, YearMention
from ..normalize import NormText

_CN_DIGIT = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "o": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_YEAR = r"[一二][〇○零Oo一二三四五六七八九]{3}"
_CN_SMALL = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]|元)"

YEAR = r"(?:19|20)\d\d"
_PERIOD_RE = guard.lazy(
    r"(?P<y>" + YEAR + r")\s*年\s*(?:1|01)\s*月\s*(?:1|01)\s*日\s*(?:起)?\s*(?:至|到|-|—|~|～)\s*"
    r"(?:(?P<y2>" + YEAR + r")\s*年\s*)?12\s*月\s*31\s*日"
)
_PERIOD_CN = guard.lazy(
    r"(?P<y>" + CN_YEAR + r")\s*年\s*一\s*月\s*一\s*日\s*(?:起)?\s*(?:至|到|-|—)\s*"
    r"(?:(?P<y2>" + CN_YEAR + r")\s*年\s*)?十二\s*月\s*三十一\s*日"
)
_PERIOD_WORDS = guard.lazy(r"统计(?:期限|期间|时限|时间|周期|区间|范围|口径|年度)|数据(?:统计)?(?:截至|截止)|时间跨度")
_DATE_RE = guard.lazy(
    r"(?<![\d.])(?P<y>" + YEAR + r")\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"|(?P<sep>[-./])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?![\d.]))"
)
_DATE_CN = guard.lazy(r"(?P<y>" + CN_YEAR + r")\s*年\s*(?P<m>" + _CN_SMALL + r")\s*月\s*(?P<d>" + _CN_SMALL + r")\s*日")
_MALFORMED = (
    # the 年 is missing: 20231月1日
    regex.compile(r"(?<![\d.])(?P<y>" + YEAR + r")(?P<m>\d{1,2})\s*月\s*\d{1,2}\s*日"),
    # a five-digit year: 20233年12月31日
    regex.compile(r"(?<![\d.])(?:19|20)\d{3}\s*年\s*\d{1,2}\s*月"),
)


def cn_number(s: str) -> Optional[int]:
    """一 … 三十一, 元 (= 1), or a digit-by-digit year (二〇二四)."""
    s = s.strip()
    if not s:
        return None
    if s == "元":
        return 1
    if len(s) == 4 and all(ch in _CN_DIGIT for ch in s):
        return int("".join(str(_CN_DIGIT[ch]) for ch in s))
    if "十" in s:
        a, _, b = s.partition("十")
        tens = _CN_DIGIT.get(a, 0) if a else 1
        ones = _CN_DIGIT.get(b, 0) if b else 0
        return tens * 10 + ones
    if len(s) == 1 and s in _CN_DIGIT:
        return _CN_DIGIT[s]
    return None


def year_of(s: str) -> Optional[int]:
    s = s.strip()
    if s.isdigit():
        return int(s)
    return cn_number(s)


def valid_date(y: int, m: int, d: int) -> bool:
    try:
        datetime.date(y, m, d)
    except (ValueError, TypeError):
        return False
    return True


def find_dates(text: str) -> tuple[list[tuple[int, int, tuple[int, int, int], str]], list[tuple[int, int, str]]]:
    """Dates in a normalised text: ([(start, end, (y, m, d), form)], [(start, end, reason)])."""
    out = []
    bad = []
    for m in _DATE_RE.finditer(text):
        y = int(m.group("y"))
        if m.group("m") is not None:
            mo, d, form = int(m.group("m")), int(m.group("d")), "cn"
        else:
            mo, d = int(m.group("m2")), int(m.group("d2"))
            form = {"-": "iso", ".": "dot", "/": "slash"}[m.group("sep")]
        if valid_date(y, mo, d):
            out.append((m.start(), m.end(), (y, mo, d), form))
        elif form == "cn" or form == "iso":
            bad.append((m.start(), m.end(), "invalid"))
    for m in _DATE_CN.finditer(text):
        cy, cm, cd = year_of(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d"))
        if cy and cm and cd and valid_date(cy, cm, cd):
            out.append((m.start(), m.end(), (cy, cm, cd), "hanzi"))
        else:
            bad.append((m.start(), m.end(), "invalid"))
    for i, pat in enumerate(_MALFORMED):
        for m in pat.finditer(text):
            if i == 0:
                mo = int(m.group("m"))
                if not 1 <= mo <= 12:
                    continue
            bad.append((m.start(), m.end(), "missing-nian" if i == 0 else "bad-year"))
    out.sort()
    taken = [(a, b) for a, b, _, _ in out]
    bad = sorted({b for b in bad if not any(a <= b[0] < e for a, e in taken)})
    return out, bad


def read_dates(norm: NormText) -> tuple[Dates, list[tuple[int, int, tuple[int, int, int], str]]]:
    """Every date of the text (original spans), and the well-formed ones as :func:`find_dates`
    gives them (normalised offsets: where the signature looks for its date)."""
    dates, bad = find_dates(norm.text)
    found = [DateMention(d, norm.span(a, b), f) for a, b, d, f in dates]
    malformed = [
        MalformedDate(norm.span(a, b), norm.original[norm.span(a, b).start : norm.span(a, b).end], r) for a, b, r in bad
    ]
    return Dates(found, malformed), dates


def read_period(norm: NormText) -> tuple[Period, list[YearMention]]:
    """The statistics period, and the years it states (period, period_end)."""
    text = norm.text
    period = Period()
    mentions: list[YearMention] = []
    pm = _PERIOD_RE.search(text) or _PERIOD_CN.search(text)
    if pm:
        period.span = norm.span(pm.start(), pm.end())
        py = year_of(pm.group("y"))
        assert py is not None  # YEAR and CN_YEAR are always read as a year
        period.year = py
        mentions.append(YearMention(py, norm.span(pm.start("y"), pm.end("y")), "period"))
        if pm.group("y2"):
            y2 = year_of(pm.group("y2"))
            assert y2 is not None
            period.end_year = y2
            mentions.append(YearMention(y2, norm.span(pm.start("y2"), pm.end("y2")), "period_end"))
    else:
        pw = _PERIOD_WORDS.search(text)
        if pw:
            period.statement = norm.span(pw.start(), pw.end())
    return period, mentions


def publication(residue: list[ResidueLine], dates: Dates) -> tuple[Optional[tuple[int, int, int]], Optional[Span]]:
    """The publication date of the web page around the report: the first date on a residue line
    with a 时间 item (发布时间：2024-01-17), as (date, span), or (None, None)."""
    for r in residue:
        if "time" in r.kinds:
            for dm in dates.found:
                if r.span.start <= dm.span.start < r.span.end:
                    return dm.date, dm.span
    return None, None
