"""Numbers in the prose: what they count, and the span of the number (template.md §8).

The prose is every line outside the tables of 二/三/四 (in those sections only lines that read as
sentences, i.e. contain 。); a line wrapped by a PDF or converter is read joined with the lines it
continues on (:mod:`gxlint.parse.paragraphs`).  Matching runs on that joined copy of ``doc.norm.text``
(simplified script, pinyin removed, full-width folded: ，→ , （→ ( ；→ ;) and every span is mapped
back to the original with its offset map, so a claim's ``span`` is exactly the number as the user wrote it (１６２,
一百六十二 or 162; a 万 multiplier included).

What a claim carries (``Claim`` fields, plus ``extra``):

- ``value``/``unit``/``approx`` (余 约 近 多 以上 超过 逾 左右: never an exact claim) and
  ``extra["bound"]``: min (余 多 以上 超过 逾: at least N), max (近: at most N), about (约 左右);
- ``subject``: received, received_incl (received “含上年结转”), carried_prev, answered (答复/办结),
  handled (办理: （七）总计 or 一+二), disclosed,
  partial, refused, unavailable, not_processed, other_processed, carried_next, review, litigation,
  keep/fix/oth_result/pend (with ``extra["group"]`` rv / lit / all), docs_made, docs_valid,
  docs_repealed; several subjects joined by 及/和/、 (予以公开及部分公开70件) give
  ``extra["subjects"]`` (a sum);
- ``applicant``: np ce ri sw ls ot, or org (法人或其他组织);
- ``scope``: 共 / 其中 / 含 / 另有 / 分别 / 均 (and 累计 — a cumulative figure, not comparable);
- ``negative``: 未收到…申请, 未发生/未产生…行政复议、行政诉讼, 无结转下年度, 未发生结果纠正或败诉;
  value 0, span = the phrase;
- ``extra["targets"]``: the table cells the claim names, as alternatives (each a dict with
  ``label``, ``terms`` = [(name, Cell)], ``value``); the first alternative is the template's
  reading, the others are readings a careful writer may also mean (共受理 N件 = 一 or 一+二);
- ``extra["flags"]``: why a claim is not comparable or only weakly so: cumulative, delta,
  other_year, inherited (subject taken from the sentence), after (subject written after the
  number), weak_context (复议/诉讼 with no word of 信息公开 in the sentence), explained (the
  sentence talks about the table's figures: 表格/栏目/口径/纳入);
- ``extra["parent"]`` (the 共/其中/含 total a claim is a part of, a Claim) and
  ``extra["base_subject"]`` (the subject of a 其中 whose total is not written: 全部予以答复，其中…);
- ``extra["parts"]`` on a total: the claims of its 其中 list; ``extra["closed"]``: the list ends
  with 其他; ``extra["sentence_claims"]``: the claims of the sentence, this one included (for explanations).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from typing import Optional

import regex

from .. import guard
from ..model import Cell, Claim, Document, Span
from . import paragraphs
from .normalize import strip_pinyin

# --- numbers -----------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

COUNT_UNITS = ("件", "条", "个", "篇", "期", "次", "人次", "项", "份", "场", "家")

# Linear in the length of a run of digits, numerals or spaces (a match is tried at every position:
# one that could only start inside a run — after a digit with 4 more digits to come, after a
# Chinese numeral, after a space — is refused at once, instead of reading the rest of the run again
# and failing the same way: 80,000 digits took 27 s).  A start inside a run is never a claim: the
# run's start was tried first with the same continuation; only the last 3 digits of a run can still
# start a 1,234-style number (a rejected one, but it consumes its text as before).
# A run of digits or numerals too long to be a figure (parse_number/cn_number refuse it) is
# passed over in one step ((*SKIP): the scan resumes after it), unless a , or . follows (1234,567).
_NUM_RE = guard.lazy(
    r"\d{16,}+(?![,.])(*SKIP)(*FAIL)|[零〇一二两三四五六七八九十百千万]{25,}+(*SKIP)(*FAIL)|"
    r"(?:(?P<pre>大约|约|将近|近|超过|逾)[ \t]*)?"
    r"(?P<num>(?!(?<=\d)\d{4})(?:\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?)"
    r"|(?<![零〇一二两三四五六七八九十百千万])[零〇一二两三四五六七八九十百千万]+)"
    r"(?P<wan>[ \t]*万(?!元))?"
    r"[ \t]*(?P<suf>余|多)?[ \t]*"
    r"(?P<unit>人次|万元|件|条|个|篇|期|次|元|%|项|份|场|家)"
    r"(?P<post>以上|左右)?"
)


def cn_number(s: str) -> Optional[float]:
    """一百六十二 → 162, 两 → 2, 十 → 10, 二〇二四 → 2024 (digit by digit); None if not a number."""
    if not s or len(s) > _MAX_CN:
        return None
    if all(ch in _CN_DIGITS for ch in s):
        if len(s) == 1:
            return float(_CN_DIGITS[s])
        return float(int("".join(str(_CN_DIGITS[ch]) for ch in s)))
    total = section = num = 0
    for ch in s:
        if ch in _CN_DIGITS:
            num = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            if num == 0:
                num = 1
            section += num * _CN_UNITS[ch]
            num = 0
        elif ch == "万":
            section += num
            total += (section or 1) * 10000
            section = num = 0
        else:
            return None
    return float(total + section + num)


MAX_DIGITS = 15
"""Digits before the decimal point a prose number may have (more: not a figure, the number is
ignored — a 400-digit count read as float was "inf")."""
_MAX_CN = 24
"""Characters a Chinese numeral may have (九千九百九十九万九千九百九十九 has 15); a longer run is
not a number (5,000 一 overflowed float(), a run of 万 built an enormous integer)."""


def parse_number(s: str) -> Optional[float]:
    if len(s) > MAX_DIGITS and sum(1 for ch in s.split(".", 1)[0] if ch.isdigit()) > MAX_DIGITS:
        return None
    if _RX1.fullmatch(s):
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return None
    return cn_number(s)


# --- words ------------------------------------------------------------------------------

# 收到/答复 … of something other than information-disclosure applications
_NOT_APPLICATIONS = r"[^,;。]{0,3}?(?:咨询|留言|来电|来信|来访|网民|提问|诉求|投诉|举报|意见|建议|信访|问题)|率"

SUBJECT_PATTERNS = [
    # the whole phrase (结转下年度继续办理), so that its 办理 is not read as a second subject
    (
        "carried_next",
        r"(?:结转|顺延|转入|延续|延期|转)(?:到|至|入)?下一?年度?(?:继续)?(?:办理|答复|处理)?|下一?年度?(?:继续)?(?:办理|答复)|跨年度?",
    ),
    ("carried_prev", r"上一?年度?+(?:结转|转入|遗留)|结转自?上一?年"),
    ("received", r"(?:新收|收到|受理|接收|接到)(?!" + _NOT_APPLICATIONS + ")"),
    ("answered", r"(?:答复|办结|办理完毕|处理完毕)(?!" + _NOT_APPLICATIONS + ")"),
    ("handled", r"办理(?!" + _NOT_APPLICATIONS + "|业务|事项|手续)"),
    ("partial", r"部分公开"),
    ("disclosed", r"予以公开|同意公开|全部公开"),
    ("refused", r"不予公开"),
    ("unavailable", r"无法提供"),
    ("not_processed", r"不予处理"),
    ("other_processed", r"其他处理"),
    ("oth_result", r"其他结果"),
    ("pend", r"尚未审结|未审结|正在审理|审理中"),
    ("keep", r"(?:结果)?维持"),
    ("fix", r"(?:结果)?纠正|败诉"),
    ("review", r"行政复议"),
    ("litigation", r"行政诉讼"),
    ("docs_made", r"(?:新)?(?:制发|印发|出台|制定)了?的?(?:行政)?规范性文件"),
    ("docs_valid", r"现行有效的?(?:行政)?(?:规范性文件)?"),
    ("docs_repealed", r"废止(?:了)?(?:行政)?规范性文件|规范性文件[^,;。]{0,4}废止"),
    # named without a verb (主动公开…其中行政规范性文件5件、行政许可126件): table 二, only ever a warning
    ("docs_any", r"(?:行政)?规范性文件(?!清理|备案|审查|数据库|管理|制度)"),
    ("permit", r"行政许可(?!事项|清单|目录|项目|服务)"),
    ("penalty", r"行政处罚(?!事项|清单|目录|项目|裁量|权)"),
    ("coercion", r"行政强制(?!事项|清单|目录|项目|权)"),
]
_SUBJ_RE = regex.compile("|".join(f"(?P<{n}>{p})" for n, p in SUBJECT_PATTERNS))
_REQUEST_UNITS = ("件", "%")
"""Units a count of requests (table 三) is written in: 件 (and a share of them); 条/个/项 count
pieces of information, 次 visits, 篇 articles."""
T3_SUBJECTS = {
    "received",
    "received_incl",
    "carried_prev",
    "answered",
    "handled",
    "partial",
    "disclosed",
    "refused",
    "unavailable",
    "not_processed",
    "other_processed",
    "carried_next",
}
T4_SUBJECTS = {"review", "litigation", "keep", "fix", "oth_result", "pend"}
T2_SUBJECTS = {"docs_made", "docs_valid", "docs_repealed", "docs_any", "permit", "penalty", "coercion"}
WEAK_T2 = {"docs_any", "permit", "penalty", "coercion"}

APPLICANTS = [
    ("org", r"法人或其他组织|法人和其他组织|法人及其他组织"),
    ("np", r"自然人|公民个人|个人"),
    ("ce", r"商业企业|企业"),
    ("ri", r"科研机构"),
    ("sw", r"社会公益组织"),
    ("ls", r"法律服务机构|律师事务所|律师"),
]
_APPL_RE = regex.compile("|".join(f"(?P<{n}>{p})" for n, p in APPLICANTS))

_CONNECT = regex.compile(r"^(?:及|和|与|以及|或|、|/)$")
_SCOPE_RE = regex.compile(r"共计|共有|共|合计|总计|累计|其中|包含|含|包括|另有|分别|均")
_FLAG_RE = regex.compile(
    r"(?P<cumulative>累计|历年|总累计)|(?P<delta>同比|环比|较上年|比上年|较去年|比去年|增长|增加|减少|下降|提高|上升|提升)"
    r"|(?P<prevyear>(?:上一?年度?+|去年)(?!结转|转入|遗留))"
)
_EXPLAIN_RE = regex.compile(r"表格|表中|栏目|口径|纳入|计入|统计为|予以体现")
_DISCLOSURE_RE = regex.compile(r"信息公开|依申请|政务公开|公开申请")
_NOT_COUNT_AFTER = regex.compile(r"工作日|自然日|月|小时|星期|季度|百分点|年|日")
_NEEDS_APPLY_IN_SENTENCE = {"received"}
_QUOTED = guard.lazy(r'"[^"\n]{0,80}"|《[^》\n]{0,80}》')
_DELIM = ",:;()、"  # clause delimiters (normalised text)
_WIDE_DELIM = ",:;()"
_SENT_END = regex.compile(r"[。!?\n]")

_NEG_RECEIVED = regex.compile(
    r"(?:未|没有|暂未|均未|尚未)(?:收到|接到|受理|接收)[^,;。]{0,20}?(?:依申请公开|政府信息公开申请|申请)"
    r"|无(?:政府信息公开|依申请公开)(?:申请)?(?!工作)|(?:未|没有)(?:发生|产生)依申请公开"
)
_NEG_T4 = regex.compile(
    r"(?:未|没有|暂未|均未|无)(?:发生|产生|出现|涉及|收到|有|被)?[^,;。未无]{0,25}?"
    r"(?:行政复议|行政诉讼)(?:(?:、|和|及|或|与|以及)[^,;。]{0,4}?(?:行政复议|行政诉讼))?"
)
_NEG_NEXT = regex.compile(r"(?:无|没有|未有)(?:申请)?(?:结转|顺延|转入)(?:到|至)?下一?年度?")
_NEG_FIX = regex.compile(
    r"(?:未|没有|无)(?:发生|出现)?[^,;。]{0,10}?(?:结果纠正|被纠正|纠错)(?:或败诉)?|(?:未|没有|无)(?:发生|出现)?败诉"
    r"|(?:未|没有|无)(?:发生|出现)?[^,;。]{0,20}?(?:行政复议|行政诉讼)[^,;。]{0,6}?(?:纠错|纠正|撤销)"
)
_CORRECTED = guard.lazy(r"[^,;。]{0,6}?(?:纠错|纠正|撤销|败诉|确认违法)")


# --- extraction ------------------------------------------------------------------------


def extract_claims(doc: Document) -> list[Claim]:
    norm = paragraphs.joined(doc)  # wrapped lines joined: 受理…申请\n26件 is one sentence
    ntext = norm.text
    excluded = []  # table spans (normalised offsets)
    pieces = []  # starts of every cell, row label and header of the tables
    for t in doc.tables.values():
        excluded.append((norm.from_orig(t.span.start), norm.from_orig(t.span.end)))
        for r in t.rows.values():
            if r.label_span is not None:
                pieces.append(norm.from_orig(r.label_span.start))
            pieces += [norm.from_orig(c.span.start) for c in r.cells if c.span is not None]
        pieces += [norm.from_orig(h.span.start) for h in t.headers]
    pieces.sort()
    table_sections = []
    for s in doc.sections:
        if s.index in (2, 3, 4):
            table_sections.append((norm.from_orig(s.body.start), norm.from_orig(s.body.end)))
    claims: list[Claim] = []
    pos = 0
    n = len(ntext)
    prev_apply = False
    while pos < n:
        nl = ntext.find("\n", pos)
        end = n if nl < 0 else nl
        line_start = pos
        pos = end + 1
        line = ntext[line_start:end]
        if not line.strip() or not _RX2.search(line):
            continue
        in_table_section = any(a <= line_start < b for a, b in table_sections)
        if in_table_section and "。" not in line:
            continue
        # the parts of the line outside the tables; a sentence between tables (no cell on the line) is prose
        segs = [(line_start, end)]
        if _has_piece(pieces, line_start, end) or "|" in line or "\t" in line.strip():
            for a, b in excluded:
                segs = [x for seg in segs for x in _minus(seg, (a, b))]
        para_apply = "申请" in line or prev_apply  # outcomes often follow in a paragraph of their own
        prev_apply = "申请" in line
        for a0, b0 in segs:
            seg = ntext[a0:b0]
            for m in _RX3.finditer(seg):
                for a, b in _chunks(seg, m.start(), m.end()):
                    claims.extend(_sentence(doc, a0 + a, a0 + b, para_apply))
    return claims


def _has_piece(pieces: list[int], a: int, b: int) -> bool:
    i = bisect_left(pieces, a)
    return i < len(pieces) and pieces[i] < b


def _minus(seg: tuple[int, int], cut: tuple[int, int]) -> list[tuple[int, int]]:
    a, b = seg
    c, d = cut
    if d <= a or c >= b:
        return [seg]
    return [x for x in ((a, c), (d, b)) if x[1] > x[0]]


MAX_SENTENCE = 1500  # a "sentence" longer than this (a page without 。) is cut at a delimiter
MAX_CLAUSE = 200


def _chunks(line: str, a: int, b: int):
    while b - a > MAX_SENTENCE:
        cut = max(line.rfind(ch, a, a + MAX_SENTENCE) for ch in ";,")
        cut = cut + 1 if cut > a else a + MAX_SENTENCE
        yield a, cut
        a = cut
    yield a, b


def _clause_bounds(text: str, i: int, j: int, delims: str) -> tuple[int, int]:
    a = i
    lo = max(0, i - MAX_CLAUSE)
    while a > lo and text[a - 1] not in delims:
        a -= 1
    b = j
    hi = min(len(text), j + MAX_CLAUSE)
    while b < hi and text[b] not in delims:
        b += 1
    return a, b


def _subjects_before(before: str) -> tuple[list[str], Optional[regex.Match]]:
    """The subject nearest before the number, with the ones joined to it by 及/和/、."""
    ms = list(_SUBJ_RE.finditer(before))
    if not ms:
        return [], None
    chain = [ms[-1]]
    for prev in reversed(ms[:-1]):
        gap = before[prev.end() : chain[0].start()].strip(" \t")
        if _CONNECT.match(gap):
            chain.insert(0, prev)
        else:
            break
    return [m.lastgroup for m in chain], ms[-1]


@functools.lru_cache(maxsize=4096)
def _numbers(text: str) -> tuple:
    """_NUM_RE's matches in a sentence (offsets in the sentence), memoised by the sentence's text:
    a re-lint after an edit scans again only the sentences that changed."""
    return tuple(_NUM_RE.finditer(text))


def _sentence(doc: Document, s: int, e: int, para_apply: bool = True) -> list[Claim]:
    norm = paragraphs.joined(doc)  # wrapped lines joined: 受理…申请\n26件 is one sentence
    text = norm.text[s:e]
    nums = _numbers(text)
    if not nums and "未" not in text and "无" not in text and "没" not in text:
        return []  # no number and none of the negations _negatives reads (未 无 没有): no claim
    out: list[Claim] = []
    has_apply = para_apply  # 收到/办理/予以公开 … count applications only in a paragraph about them
    disclosure = bool(_DISCLOSURE_RE.search(text))
    explain = bool(_EXPLAIN_RE.search(text))
    sent_span = norm.span(s, e)
    # subjects are not looked for inside quotes and titles (“…行政诉讼情况”“…”六个部分)
    stext = _QUOTED.sub(lambda q: " " * len(q.group()), text)

    def context(a: int, b: int) -> str:
        ca, _cb = _clause_bounds(text, a, b, _WIDE_DELIM)
        return " ".join(strip_pinyin(norm.original_text(s + max(ca, a - 30), s + b)).split())

    for m in nums:
        a, b = m.span("num")
        if m.group("wan"):
            b = m.end("wan")
        if a > 0 and (
            text[a - 1].isdigit() or text[a - 1] in ".-/_第" or text[a - 1].isascii() and text[a - 1].isalpha()
        ):
            continue
        num = m.group("num")
        val = parse_number(num)
        if val is None:
            continue
        if m.group("wan"):
            val *= 10000
        unit = m.group("unit")
        approx = bool(m.group("pre")) or bool(m.group("suf")) or bool(m.group("post"))
        # what the marker promises: at least N (余 多 以上 超过 逾), at most N (近), about N (约 左右)
        bound = (
            "min"
            if (m.group("suf") or m.group("post") == "以上" or m.group("pre") in ("超过", "逾"))
            else "max"
            if m.group("pre") in ("近", "将近")
            else "about"
            if approx
            else ""
        )
        # a year/ordinal written as Chinese digits, 一次性/一件事 …: only numerals we can read
        if not num[0].isdigit() and unit in ("次", "件", "个") and text[m.end() : m.end() + 1] in ("性", "事", "办"):
            continue
        if unit == "个" and _NOT_COUNT_AFTER.match(text, m.end()):
            continue  # 15个工作日, 3个月, 2个百分点: durations and points, not counts
        ca, cb = _clause_bounds(text, a, m.end(), _DELIM)
        before = text[ca:a]
        flags: list[str] = []
        subjects, sm = _subjects_before(stext[ca:a])
        if not subjects:
            am = _SUBJ_RE.search(stext[m.end() : cb])
            if am and am.start() <= 4:  # 另有48件顺延到下年度答复: the subject right after the number
                subjects = [am.lastgroup]
                flags.append("after")
        wa, _wb = _clause_bounds(text, a, m.end(), _WIDE_DELIM)
        wide_before = text[wa:a]
        for fm in _FLAG_RE.finditer(before):
            flags.append("other_year" if fm.lastgroup == "prevyear" else fm.lastgroup)
        for ym in _RX4.finditer(text[wa:a]):
            if doc.meta.year and int(ym.group(1)) != doc.meta.year:
                flags.append("other_year")
        scopes = [x.group() for x in _SCOPE_RE.finditer(wide_before)]
        scope = scopes[-1] if scopes else ""
        scope = {"共计": "共", "共有": "共", "合计": "共", "总计": "共", "包含": "含", "包括": "含"}.get(scope, scope)
        if scope == "累计":
            flags.append("cumulative")
        ap = list(_APPL_RE.finditer(text[ca:b] if subjects else text[wa:b]))
        applicant = ap[-1].lastgroup if ap else ""
        group = ""
        if any(x in ("keep", "fix", "oth_result", "pend") for x in subjects):
            g = [x.group() for x in _RX5.finditer(text[:a])]
            if sm is not None and sm.group() == "败诉":
                group = "lit"
            else:
                group = {"行政复议": "rv", "行政诉讼": "lit"}.get(g[-1], "") if g else ""
        if explain:
            flags.append("explained")
        if any(x in T4_SUBJECTS for x in subjects) and not disclosure:
            flags.append("weak_context")
        if any(x in WEAK_T2 for x in subjects):
            flags.append("weak_context")  # published items or decisions? a warning at most
        if any(x in T3_SUBJECTS for x in subjects) and not has_apply:
            subjects = []  # 收到/办理 … of something other than applications
        if any(x in _NEEDS_APPLY_IN_SENTENCE for x in subjects) and "申请" not in text:
            subjects = []  # 收到群众来信200件 next to a paragraph about applications
        if any(x in T3_SUBJECTS for x in subjects) and unit not in _REQUEST_UNITS:
            subjects = []  # 不予公开22条: pieces of information (条 个 项), not requests (件)
        span = norm.span(s + a, s + b)
        c = Claim(
            value=val,
            span=span,
            unit=unit,
            subject=subjects[0] if len(subjects) == 1 else ("sum" if subjects else ""),
            applicant=applicant,
            approx=approx,
            scope=scope,
            sentence=sent_span,
            context=context(a, m.end() if not m.group("post") else m.end("unit")),
            extra={
                "flags": flags,
                "norm": (s + a, s + m.end()),
                "bound": bound,
                "clause": (s + ca, s + cb),
                "wide": (s + wa, s + _wb),
                "group": group,
            },
        )
        if len(subjects) > 1:
            c.extra["subjects"] = subjects
        if ("均" in before or before.rstrip().endswith("各")) and subjects:
            # 行政复议、行政诉讼均为0件: every subject of the wide clause gets the value
            subs = [x.lastgroup for x in _SUBJ_RE.finditer(stext[wa:a])]
            if len(subs) > 1:
                for sub in subs:
                    out.append(_clone(c, sub, "均"))
                continue
        out.append(c)

    _respectively(text, stext, s, out)
    _bare_items(norm, text, s, out, sent_span)
    _negatives(doc, text, s, out, sent_span, context)
    out.sort(key=lambda c: (c.extra["norm"][0], c.subject))
    _structure(text, stext, s, out)
    for c in out:
        c.extra["sentence_claims"] = out  # shared: the claim itself is in it
        c.extra["targets"] = resolve(doc, c)
    for c in out:
        if c.unit == "%":
            _percent(doc, text, s, c)
    return out


_PCT_RE = regex.compile(r"占|比例|比重")


def _percent(doc: Document, text: str, s: int, c: Claim) -> None:
    """A share (占比 43.2%): the count it is a share of (part) and of what (base), as alternatives
    of (value, label, [Cell …] or [Claim])."""
    ca, a = c.extra["clause"][0] - s, c.extra["norm"][0] - s
    before = text[ca:a]
    if not _PCT_RE.search(before) or "率" in before or set(c.extra["flags"]) & {"cumulative", "delta", "other_year"}:
        return
    parts: list[tuple] = []
    holder: Optional[Claim] = None  # the claim whose parent/base_subject gives the base
    if c.subject or c.applicant:
        for alt in c.extra.get("targets", []):
            if alt["value"] is not None:
                parts.append((alt["value"], alt["label"], [cell for _, cell in alt["terms"]]))
        holder = c
    else:
        prev = [
            o
            for o in c.extra["sentence_claims"]
            if o is not c and not o.negative and o.unit != "%" and o.extra["norm"][1] <= c.extra["norm"][0]
        ]
        if prev:
            p = max(prev, key=lambda o: o.extra["norm"][1])
            gap = text[p.extra["norm"][1] - s : ca]
            if len(gap) <= 3 and not p.approx:
                parts.append((p.value, p.context, [p]))
                for alt in p.extra.get("targets", []):
                    if alt["value"] is not None and alt["value"] != p.value:
                        parts.append((alt["value"], alt["label"], [cell for _, cell in alt["terms"]]))
                holder = p
    if not parts or holder is None:
        return
    bases: list[tuple] = []
    parent = holder.extra.get("parent")
    if parent is not None and not parent.approx and parent.unit != "%":
        bases.append((parent.value, parent.context, [parent]))
        # when the written total itself contradicts the table, GX401 says so; the share may follow the table
        for alt in parent.extra.get("targets", []):
            if alt["value"] is not None and alt["value"] != parent.value:
                bases.append((alt["value"], alt["label"], [cell for _, cell in alt["terms"]]))
    else:
        sub = holder.extra.get("base_subject", "")
        if sub:
            subs = (
                [sub]
                + (["received_incl"] if sub == "answered" else [])
                + (["received"] if sub == "received_incl" else [])
            )
            for x in subs:
                for alt in resolve(doc, c, subject=x, applicant=""):
                    if alt["value"] is not None:
                        bases.append((alt["value"], alt["label"], [cell for _, cell in alt["terms"]]))
        elif holder is c and c.applicant and c.subject:
            for alt in resolve(doc, c, applicant=""):
                if alt["value"] is not None:
                    bases.append((alt["value"], alt["label"], [cell for _, cell in alt["terms"]]))
    if bases:
        c.extra["pct"] = {"parts": parts, "bases": bases}


def _clone(c: Claim, subject: str, scope: str) -> Claim:
    extra = dict(c.extra)
    extra["flags"] = list(c.extra["flags"])
    extra.pop("subjects", None)
    return Claim(
        value=c.value,
        span=c.span,
        unit=c.unit,
        subject=subject,
        applicant=c.applicant,
        approx=c.approx,
        negative=c.negative,
        scope=scope,
        sentence=c.sentence,
        context=c.context,
        extra=extra,
    )


def _respectively(text: str, stext: str, s: int, out: list[Claim]) -> None:
    """予以公开、部分公开、不予公开分别为30件、20件、5件: subjects in order."""
    for fm in _RX6.finditer(text):
        seg_start = max(text.rfind(ch, 0, fm.start()) for ch in ",;:(") + 1
        subs = [x.lastgroup for x in _SUBJ_RE.finditer(stext[seg_start : fm.start()])]
        nums = [c for c in out if c.extra["norm"][0] - s >= fm.end() and c.unit != "%"]
        run: list[Claim] = []
        for c in nums:
            if run:
                gap = text[run[-1].extra["norm"][1] - s : c.extra["norm"][0] - s]
                if not _RX7.fullmatch(gap):
                    break
            elif text[fm.end() : c.extra["norm"][0] - s].strip():
                break
            run.append(c)
        if subs and len(subs) == len(run):
            for c, sub in zip(run, subs):
                c.subject, c.scope = sub, "分别"
                c.extra.pop("subjects", None)
                c.extra["flags"] = [f for f in c.extra["flags"] if f != "after"]
        else:
            for c in run:
                c.subject = ""  # cannot tell which is which
                c.extra.pop("subjects", None)


_BARE = guard.lazy(r"(?<![\d.,])(\d{1,9})(?![\d.,%])")
_ITEM_END = guard.lazy(r"\s*(?:[、,;。)]|$)")


def _bare_items(norm, text: str, s: int, out: list[Claim], sent_span: Span) -> None:
    """An item of a list written without its unit (规范性文件6条、政策解读2条、其他信息38): it counts
    in its list all the same, in the unit of the item before it (a claim with no subject of its own,
    flagged ``no_unit``)."""
    counts = sorted((c for c in out if not c.negative and c.unit not in ("%", "")), key=lambda c: c.extra["norm"][0])
    if not counts:
        return
    taken = [(c.extra["norm"][0] - s, c.extra["norm"][1] - s) for c in out]
    for m in _BARE.finditer(text):
        a, b = m.span(1)
        if a == 0 or not ("\u4e00" <= text[a - 1] <= "\u9fff" or text[a - 1] == " ") or not _ITEM_END.match(text, b):
            continue
        if any(x <= a < y for x, y in taken):
            continue
        prev = [c for c in counts if c.extra["norm"][1] - s <= a]
        if not prev:
            continue
        p = prev[-1]
        gap = text[p.extra["norm"][1] - s : a]
        if len(gap) > 40 or "。" in gap or not any(ch in gap for ch in "、,"):
            continue
        start = max(text.rfind(ch, 0, a) for ch in "、,;:(") + 1
        val = float(m.group(1))
        out.append(
            Claim(
                value=val,
                span=norm.span(s + a, s + b),
                unit=p.unit,
                sentence=sent_span,
                context=" ".join(norm.original_text(s + start, s + b).split()),
                extra={
                    "flags": ["no_unit"],
                    "norm": (s + a, s + b),
                    "bound": "",
                    "clause": (s + start, s + b),
                    "wide": (s + start, s + b),
                    "group": "",
                },
            )
        )


def _negatives(doc, text, s, out, sent_span, context) -> None:
    norm = paragraphs.joined(doc)  # wrapped lines joined: 受理…申请\n26件 is one sentence

    def add(m, subject, group=""):
        a, b = m.span()
        out.append(
            Claim(
                value=0.0,
                span=norm.span(s + a, s + b),
                unit="",
                subject=subject,
                negative=True,
                sentence=sent_span,
                context=context(a, b),
                extra={
                    "flags": [],
                    "norm": (s + a, s + b),
                    "clause": (s + a, s + b),
                    "wide": (s + a, s + b),
                    "group": group,
                    "phrase": " ".join(norm.original_text(s + a, s + b).split()),
                },
            )
        )

    for m in _NEG_RECEIVED.finditer(text):
        add(m, "received")
    for m in _NEG_T4.finditer(text):
        if _CORRECTED.match(text, m.end()):
            continue  # 未出现…被行政复议纠错: no correction, not no review (_NEG_FIX reads it)
        words = set(_RX5.findall(m.group()))
        if "行政复议" in words:
            add(m, "review")
        if "行政诉讼" in words:
            add(m, "litigation")
    for m in _NEG_NEXT.finditer(text):
        add(m, "carried_next")
    for m in _NEG_FIX.finditer(text):
        words = set(_RX5.findall(m.group()))
        group = (
            "lit"
            if "纠" not in m.group() and "撤销" not in m.group()
            else "rv"
            if words == {"行政复议"}
            else "lit"
            if words == {"行政诉讼"}
            else "all"
        )
        add(m, "fix", group)


def _structure(text: str, stext: str, s: int, out: list[Claim]) -> None:
    """含 / 其中 relations: parents, parts, the base of a 其中 whose total is not written."""
    counts = [c for c in out if not c.negative]
    # 含: (含上年结转3件) right after a 受理 total makes it 一 + 二
    for i, c in enumerate(counts):
        if c.scope == "含" and i > 0:
            ca = c.extra["wide"][0] - s
            lead = text[ca : c.extra["norm"][0] - s]
            if not _RX8.match(lead):
                continue
            prev = counts[i - 1]
            if prev.extra["norm"][1] - s > ca:
                continue  # 包括…1条、…3条: an item of the same list, not the total it is part of
            gap = text[prev.extra["norm"][1] - s : ca]
            if _RX9.fullmatch(gap) and prev.unit == c.unit:
                c.extra["parent"] = prev
                prev.extra.setdefault("incl_parts", []).append(c)
                if prev.subject == "received" and c.subject == "carried_prev":
                    prev.subject = "received_incl"
    # 其中
    for qm in _RX10.finditer(text):
        q = qm.start()
        colon = text[qm.end() : qm.end() + 1] == ":"
        seg_start = text.rfind(";", 0, q) + 1
        prior = [c for c in counts if seg_start <= c.extra["norm"][0] - s < q and c.unit != "%" and c.scope != "含"]
        e = q
        while e > seg_start and text[e - 1] in ", :":
            e -= 1
        clause_start = max(text.rfind(ch, 0, e) for ch in ",;:(") + 1
        immediate = stext[clause_start:e]
        base_subject = ""
        parent = None
        if prior:
            parent = prior[-1]
        if (parent is None or parent.extra["norm"][1] - s <= clause_start) and clause_start < q:
            subs = [x.lastgroup for x in _SUBJ_RE.finditer(immediate)]
            if subs and not _RX11.search(immediate):
                base_subject, parent = subs[-1], None
        # the parts: claims after 其中 up to a stop
        stop = len(text)
        nxt = text.find("其中", qm.end())
        if nxt >= 0:
            stop = nxt
        if not colon:
            semi = text.find(";", qm.end())
            if semi >= 0:
                stop = min(stop, semi)
        if text.rfind("(", seg_start, q) > text.rfind(")", seg_start, q):
            close = text.find(")", qm.end())  # (其中…): the list ends with the parenthesis
            if close >= 0:
                stop = min(stop, close)
        parts = []
        closed = False
        for c in counts:
            p = c.extra["norm"][0] - s
            if not (qm.end() <= p < stop):
                continue
            ca = c.extra["clause"][0] - s
            if _RX12.search(text[ca:p]) and c.scope != "其中":
                break
            if c.unit != "%" and _depth(text, qm.end(), p) > 0:
                continue  # 预决算公开197条(政府预决算32条、…): a breakdown of an item, not of the total
            if c.unit != "%" and c.scope != "含":
                parts.append(c)
            c.extra.setdefault("parent", parent)
            if base_subject:
                c.extra.setdefault("base_subject", base_subject)
            if c.scope not in ("分别", "均", "含"):
                c.scope = "其中"
            if _RX13.search(text[ca:p]) and c.unit != "%":
                closed = True
                break
        if parent is not None:
            parent.extra["parts"] = parent.extra.get("parts", []) + [p for p in parts if p.unit == parent.unit]
            parent.extra["closed"] = closed
            parent.extra["list_at"] = s + q
            # a 其中 inside another 其中 list: where the inner list ends is a guess
            parent.extra["nested"] = bool(_RX14.search(text[seg_start:q]))
    # subject inherited by a clause that only names an applicant (其中自然人申请占比100%)
    last_subject = ""
    for c in counts:
        if c.subject:
            last_subject = c.subject if c.subject != "sum" else last_subject
        elif c.applicant:
            parent = c.extra.get("parent")
            from_parent = (parent.subject if parent is not None and parent.subject else "") or c.extra.get(
                "base_subject"
            )
            sub = from_parent or last_subject
            if sub and sub != "sum":
                c.subject = sub
                # from the 其中/含 total it belongs to: as sure as that total; from an earlier clause: unsure
                c.extra["flags"].append("inherited_parent" if from_parent else "inherited")


def _depth(text: str, a: int, b: int) -> int:
    """How many parentheses opened in text[a:b] are still open at b."""
    depth = 0
    for ch in text[a:b]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth > 0:
            depth -= 1
    return depth


# --- claim → cells ----------------------------------------------------------------------

_T3_ROWS = {
    "received": ["r1"],
    "carried_prev": ["r2"],
    "answered": ["r3_7"],
    "disclosed": ["r3_1"],
    "partial": ["r3_2"],
    "refused": ["r3_3_"],
    "unavailable": ["r3_4_"],
    "not_processed": ["r3_5_"],
    "other_processed": ["r3_6"],
    "carried_next": ["r4"],
    "received_incl": ["r1", "r2"],
    "handled": ["r3_7"],
}
# 共受理 N件 may count 一 or 一+二; 办理 N件 may be （七）总计 or all that was on the desk (一+二)
_T3_ALTS = {"received": [["r1"], ["r1", "r2"]], "handled": [["r3_7"], ["r1", "r2"]]}
_ORGS = ("ce", "ri", "sw", "ls", "ot")
_T4_PART = {"keep": "keep", "fix": "fix", "oth_result": "oth", "pend": "pend", "review": "tot", "litigation": "tot"}


def _t3_rows(table, keys: list[str]) -> list:
    rows = []
    for k in keys:
        if k.endswith("_"):
            rows += [r for rid, r in table.rows.items() if rid.startswith(k)]
        elif k == "r3_6":
            rows += [r for rid, r in table.rows.items() if rid == "r3_6" or rid.startswith("r3_6_")]
        elif k in table.rows:
            rows.append(table.rows[k])
        else:
            return []
    return rows


def _whole_groups(table, keys: list[str], rows: list) -> bool:
    """Every template row of a group the claim names was read (其他处理 300件 is not compared with
    two of the three rows of （六）其他处理)."""
    from .. import templates

    template = [rid for rid, _ in templates.version(table.version or "v2021")["t3"]["rows"]]
    have = {r.id for r in rows}
    for k in keys:
        if k.endswith("_"):
            want = {rid for rid in template if rid.startswith(k)}
        elif k == "r3_6":
            want = {rid for rid in template if rid == "r3_6" or rid.startswith("r3_6_")}
        else:
            want = {k}
        if not want <= have:
            return False
    return True


def _alt(label: str, terms: list[tuple[str, Optional[Cell]]]) -> dict:
    values = [c.value for _, c in terms if c is not None and c.value is not None and c.ok and not c.blank]
    ok = bool(terms) and len(values) == len(terms)
    return {"label": label, "terms": terms, "value": sum(values) if ok else None}


def _cols(table, applicant: str) -> list[str]:
    if not applicant:
        return ["tot"]
    if applicant == "org":
        return ["sub"] if "sub" in table.columns else list(_ORGS)
    return [applicant]


def _row_label(row) -> str:
    from ..identities import row_name

    return row_name(row)


def _subject_alts(
    doc: Document, subject: str, applicant: str, group: str, primary_only: bool = False
) -> list[list[tuple[str, Optional[Cell]]]]:
    alts: list[list[tuple[str, Optional[Cell]]]] = []
    if subject in T3_SUBJECTS:
        t = doc.tables.get("t3")
        if t is None:
            return []
        keysets = _T3_ALTS.get(subject, [_T3_ROWS[subject]])
        if primary_only:
            keysets = keysets[:1]
        from ..identities import COLUMN_NAMES

        for keys in keysets:
            rows = _t3_rows(t, keys)
            if not rows or any(r.unreliable for r in rows) or not _whole_groups(t, keys, rows):
                continue
            terms = []
            for r in rows:
                for col in _cols(t, applicant):
                    terms.append((f"表三“{_row_label(r)}”{COLUMN_NAMES.get(col, col)}", r.cell(col)))
            if not all(cell is not None and cell.certain for _, cell in terms):
                continue  # a cell read with doubt: the sentence is not compared with it
            alts.append(terms)
    elif subject in T4_SUBJECTS:
        t = doc.tables.get("t4")
        row = t.rows.get("t4") if t else None
        if row is None or row.unreliable:
            return []
        part = _T4_PART[subject]
        if subject == "review":
            groups = ["rv"]
        elif subject == "litigation":
            groups = ["ld", "lr"]
        else:
            groups = {"rv": ["rv"], "lit": ["ld", "lr"], "all": ["rv", "ld", "lr"]}.get(group, [])
        names = {"rv": "行政复议", "ld": "行政诉讼（未经复议直接起诉）", "lr": "行政诉讼（复议后起诉）"}
        parts = {"keep": "结果维持", "fix": "结果纠正", "oth": "其他结果", "pend": "尚未审结", "tot": "总计"}
        terms = [(f"表四 {names[g]} {parts[part]}", row.cell(f"{g}.{part}")) for g in groups]
        if groups and all(cell is not None and cell.certain for _, cell in terms):
            alts.append(terms)
    elif subject in T2_SUBJECTS:
        t = doc.tables.get("t2")
        rid = {"permit": "t2.permit", "penalty": "t2.penalty", "coercion": "t2.coercion"}.get(subject, "t2.docs")
        row = t.rows.get(rid) if t else None
        if row is None or row.unreliable:
            return []
        choices: dict[str, list[tuple[str, ...]]] = {
            "docs_made": [("made", "new_made")],
            "docs_valid": [("valid",)],
            "docs_repealed": [("repealed",)],
            "docs_any": [("made", "new_made"), ("valid",)],
            "permit": [("decisions",)],
            "penalty": [("decisions",)],
            "coercion": [("decisions",)],
        }
        cols = choices[subject]
        names = {
            "made": "本年制发件数",
            "new_made": "本年新制作数量",
            "valid": "现行有效件数",
            "repealed": "本年废止件数",
            "decisions": "本年处理决定数量",
        }
        for choice in cols:
            for c in choice:
                cell = row.cell(c)
                if cell is not None:
                    if cell.certain:
                        alts.append([(f"表二 {row.label} {names[c]}", cell)])
                    break
    return alts


def resolve(doc: Document, c: Claim, subject: Optional[str] = None, applicant: Optional[str] = None) -> list[dict]:
    """The table cells a claim names, as alternatives (see the module docstring)."""
    subject = c.subject if subject is None else subject
    applicant = c.applicant if applicant is None else applicant
    group = c.extra.get("group", "")
    subjects = c.extra.get("subjects") if subject == "sum" else [subject]
    if not subjects or not all(subjects):
        return []
    if applicant and any(x not in T3_SUBJECTS for x in subjects):
        return []
    per = [_subject_alts(doc, x, applicant, group, primary_only=len(subjects) > 1) for x in subjects]
    if any(not p for p in per):
        return []
    if len(subjects) == 1:
        return [_alt("+".join(lbl for lbl, _ in terms), terms) for terms in per[0]]
    terms = [t for p in per for t in p[0]]
    return [_alt("+".join(lbl for lbl, _ in terms), terms)]


# patterns used inside functions, compiled once (a regex.search(pattern, …) call costs ~18 µs of cache lookup)
_RX1 = regex.compile(r"[\d,]+(?:\.\d+)?")
_RX2 = guard.lazy(r"\d|[零〇一二两三四五六七八九十百千万未无没]")
_RX3 = guard.lazy(r"[^。!?]+[。!?]?")
_RX4 = regex.compile(r"(?<!\d)(20\d\d|19\d\d)年")
_RX5 = regex.compile(r"行政复议|行政诉讼")
_RX6 = regex.compile(r"分别(?:为|是|有)?")
_RX7 = regex.compile(r"\s*(?:、|,|和|及|与)\s*")
_RX8 = regex.compile(r"\s*(?:含|包含|包括)")
_RX9 = regex.compile(r"\s*\(?\s*")
_RX10 = regex.compile(r"其中")
_RX11 = regex.compile(r"\d")
_RX12 = regex.compile(r"累计|合计|总计|另有|另外|此外|历年|全年|共")
_RX13 = regex.compile(r"其[他它](?!结果|处理|组织)")
_RX14 = regex.compile("其中")


# Patterns applied to one sentence only (at most MAX_SENTENCE characters, fewer than guard.SHORT):
# they never get the regex budget's timeout, so gxlint.parse leaves them unwrapped (guard.protect:
# a wrapped call costs ~0.5 µs, and these are called ~90,000 times on a 1 MB report).  _NUM_RE and
# _QUOTED stay wrapped: called once per sentence, they stop a long run of sentences when the budget
# is spent; the line-level _RX2 and _RX3 get its timeout.
BOUNDED_USE = (
    "_SUBJ_RE",
    "_APPL_RE",
    "_CONNECT",
    "_SCOPE_RE",
    "_FLAG_RE",
    "_EXPLAIN_RE",
    "_DISCLOSURE_RE",
    "_NOT_COUNT_AFTER",
    "_SENT_END",
    "_NEG_RECEIVED",
    "_NEG_T4",
    "_NEG_NEXT",
    "_NEG_FIX",
    "_PCT_RE",
    "_RX1",
    "_RX4",
    "_RX5",
    "_RX6",
    "_RX7",
    "_RX8",
    "_RX9",
    "_RX10",
    "_RX11",
    "_RX12",
    "_RX13",
    "_RX14",
)
