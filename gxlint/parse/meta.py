"""Title, report year, statistics period, signature, dates, issuing organ and its level."""
from __future__ import annotations

import regex

from ..model import Meta, Span
from .normalize import NormText

_TITLE_RE = regex.compile(r"(?m)^[ \t#*]*(?P<t>[^\n]{0,80}?(?P<y>(?:19|20)\d\d)\s*年度?[^\n]{0,40}?报告)[ \t*]*$")
_TITLE_LOOSE = regex.compile(r"(?m)^[ \t#*]*(?P<t>[^\n]{2,80}?政府信息公开[^\n]{0,20}?报告)[ \t*]*$")
_PERIOD_RE = regex.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|-|—|~)\s*(?:(?P<y2>(?:19|20)\d\d)\s*年\s*)?12\s*月\s*31\s*日")
_YEAR_BODY = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_DATE_RE = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日|[-./](?P<m2>\d{1,2})[-./](?P<d2>\d{1,2})(?!\d))")

_LEVEL_PATTERNS = (
    ("township", regex.compile(r"(?:乡|镇|街道|街道办事处|苏木)(?:人民政府)?$")),
    ("department", regex.compile(r"(?:办公室|办公厅|局|委员会|委|办|厅|部|署|院|中心|站|所|队)$")),
    ("government", regex.compile(r"人民政府$")),
)


def organ_level(name: str) -> str | None:
    """department (Jan 31), government (Mar 31) or township (no national deadline)."""
    n = regex.sub(r"\s+", "", name)
    if regex.search(r"(?:乡|镇|街道|苏木)", n) and not n.endswith(("局", "委", "办公室")):
        return "township"
    for level, pat in _LEVEL_PATTERNS:
        if pat.search(n):
            return level
    return None


def parse_meta(norm: NormText, first_section_start: int) -> Meta:
    text = norm.text
    meta = Meta()
    head = text[: max(first_section_start, 0)] if first_section_start > 0 else text[:400]
    m = _TITLE_RE.search(head) or _TITLE_LOOSE.search(head)
    if m:
        ts, te = m.start("t"), m.end("t")
        meta.title_span = norm.span(ts, te)
        meta.title = norm.original[meta.title_span.start:meta.title_span.end]
        if m.groupdict().get("y"):
            meta.year = int(m.group("y"))
            meta.year_source = "title"
    pm = _PERIOD_RE.search(text)
    if pm:
        meta.extra["period_span"] = norm.span(pm.start(), pm.end())
        meta.extra["period_year"] = int(pm.group("y"))
        if meta.year is None:
            meta.year = int(pm.group("y"))
            meta.year_source = "period"
    # signature: the last non-empty lines
    tail_start = max(0, len(text) - 400)
    dates = list(_DATE_RE.finditer(text, tail_start))
    if dates:
        d = dates[-1]
        y = int(d.group("y"))
        mo = int(d.group("m") or d.group("m2"))
        da = int(d.group("d") or d.group("d2"))
        # only a date on one of the last lines counts as the signature date
        after = text[d.end():].strip()
        if len(after) <= 40:
            meta.signature_date = (y, mo, da)
            meta.signature_date_span = norm.span(d.start(), d.end())
    meta.organ = title_organ(meta.title) or _signature_organ(text, meta)
    if meta.organ:
        meta.organ_level = organ_level(meta.organ)
    if meta.year is None:
        ym = _YEAR_BODY.search(text, max(first_section_start, 0))
        if ym:
            meta.year = int(ym.group("y"))
            meta.year_source = "body"
        elif meta.signature_date:
            meta.year = meta.signature_date[0] - 1
            meta.year_source = "signature"
    return meta


def title_organ(title: str | None) -> str | None:
    if not title:
        return None
    m = regex.match(r"^\s*(?P<o>.+?)\s*(?:19|20)\d\d\s*年", title)
    return m.group("o") if m else None


def _signature_organ(text: str, meta: Meta) -> str | None:
    """The issuing organ: the non-empty line just before the signature date."""
    if meta.signature_date_span is None:
        return None
    lines = [ln.strip() for ln in text[max(0, len(text) - 600):].splitlines() if ln.strip()]
    for i, ln in enumerate(lines):
        if _DATE_RE.search(ln) and i > 0:
            cand = lines[i - 1]
            if 2 <= len(cand) <= 40 and not regex.search(r"[。，,；;:：]", cand):
                return cand
    return None


def span_of(norm: NormText, m: "regex.Match[str]") -> Span:
    return norm.span(m.start(), m.end())
