"""Title, report year, statistics period, signature, dates, issuing organ and its level, page residue.

Everything is matched on the normalised text (``NormText.text``: simplified, pinyin removed,
full-width folded) and mapped back to original spans.  Besides the typed fields of :class:`Meta`,
``meta.extra`` holds:

- ``period_span`` / ``period_year`` / ``period_end_year``: the statistics period (2023年1月1日至12月31日)
- ``period_statement``: span of a statistics-period statement that names no full date range
- ``dates``: every well-formed date (:class:`DateMention`), in text order
- ``malformed_dates``: date-like text that is not a valid date (``20231月1日``, ``2023年13月1日``)
- ``year_mentions``: places that state the report year (:class:`YearMention`: title, period,
  body report name, opening sentence, fee statement, caption)
- ``residue``: web-page chrome lines (:class:`ResidueLine`)
- ``chrome``: web-page chrome inside a line of report text (:class:`InlineChrome`)
- ``mojibake``: text damaged by a wrong decoding (:class:`Mojibake`)
- ``organ_span`` / ``organ_source``: where the organ name was read (title / signature / source)
- ``signature_organ`` / ``signature_organ_span``: the 落款 organ line
- ``content_end``: original offset of the end of the report's last non-residue line
"""
from __future__ import annotations

import datetime
import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

import regex

from ..model import Meta, Span
from .normalize import NormText

# --- numbers and dates ------------------------------------------------------------------

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = r"[一二][〇○零Oo一二三四五六七八九]{3}"
_CN_SMALL = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]|元)"

_YEAR = r"(?:19|20)\d\d"
_TITLE_RE = regex.compile(
    r"(?m)^[ \t#*>]*(?P<t>[^\n]{0,80}?(?P<y>" + _YEAR + "|" + _CN_YEAR + r")\s*年度?[^\n]{0,40}?报告)[ \t*]*$")
_TITLE_LOOSE = regex.compile(r"(?m)^[ \t#*>]*(?P<t>[^\n]{2,80}?政府信息公开[^\n]{0,20}?(?:报告|年报))[ \t*]*$")
# one-line documents: the title opens a line and the report runs on after a space
# (平潭综合实验区2019年政府信息公开工作年度报告 根据《条例》…), or it stands between spaces in a
# line of page chrome (… 政府信息公开年报 某某局2021年度政府信息公开工作年度报告 来源：…)
_TITLE_OPENS = regex.compile(
    r"(?m)^[ \t#*>]*(?P<t>[^\n\s。，,；;:：!！?？《》“”]{2,60}?(?P<y>" + _YEAR + "|" + _CN_YEAR +
    r")\s*年度?(?:的)?(?:政府信息公开|政务公开)[^\n\s。，,；;:：]{0,12}?(?:报告|年报))[ \t\u3000]+(?=\S)")
_TITLE_SPACED = regex.compile(
    r"(?<=^|[ \t\u3000])(?P<t>[^\n\s。，,；;:：!！?？《》“”]{2,40}?(?P<y>" + _YEAR + "|" + _CN_YEAR +
    r")\s*年度?(?:的)?政府信息公开工作(?:年度)?(?:报告|年报))(?=[ \t\u3000]|$)", regex.MULTILINE)
# a page's own metadata line (标题: …): its title only when the report has none of its own
_TITLE_LABEL = regex.compile(r"^[ \t#*>]*标题[ \t]*[:：][ \t]*")
_LABEL_ONLY = regex.compile(r"[ \t#*>]*[^\s:：]{1,8}[ \t]*[:：][ \t]*")
_OTHER_LABEL = regex.compile(r"^[ \t#*>]*[^\s:：]{1,8}[ \t]*[:：]|[/\\]|https?:")     # 本地目录: zwgk/… 原文链接: http…
_PERIOD_RE = regex.compile(
    r"(?P<y>" + _YEAR + r")\s*年\s*(?:1|01)\s*月\s*(?:1|01)\s*日\s*(?:起)?\s*(?:至|到|-|—|~|～)\s*"
    r"(?:(?P<y2>" + _YEAR + r")\s*年\s*)?12\s*月\s*31\s*日")
_PERIOD_CN = regex.compile(
    r"(?P<y>" + _CN_YEAR + r")\s*年\s*一\s*月\s*一\s*日\s*(?:起)?\s*(?:至|到|-|—)\s*"
    r"(?:(?P<y2>" + _CN_YEAR + r")\s*年\s*)?十二\s*月\s*三十一\s*日")
_PERIOD_WORDS = regex.compile(r"统计(?:期限|期间|时限|时间|周期|区间|范围|口径|年度)|数据(?:统计)?(?:截至|截止)|时间跨度")
_YEAR_BODY = regex.compile(r"(?<!\d)(?P<y>" + _YEAR + r")\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_DATE_RE = regex.compile(
    r"(?<![\d.])(?P<y>" + _YEAR + r")\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"|(?P<sep>[-./])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?![\d.]))")
_DATE_CN = regex.compile(r"(?P<y>" + _CN_YEAR + r")\s*年\s*(?P<m>" + _CN_SMALL + r")\s*月\s*(?P<d>" + _CN_SMALL + r")\s*日")
_MALFORMED = (
    # the 年 is missing: 20231月1日
    regex.compile(r"(?<![\d.])(?P<y>" + _YEAR + r")(?P<m>\d{1,2})\s*月\s*\d{1,2}\s*日"),
    # a five-digit year: 20233年12月31日
    regex.compile(r"(?<![\d.])(?:19|20)\d{3}\s*年\s*\d{1,2}\s*月"),
)
_REPORT_NAME = regex.compile(
    r"(?P<y>" + _YEAR + "|" + _CN_YEAR + r")\s*年度?\s*(?:的)?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)")
_FEE_YEAR = regex.compile(r"(?P<y>" + _YEAR + r")\s*年度?(?![^。;\n]{0,30}?办法)[^。;\n]{0,20}?收取[^。;\n]{0,10}?信息处理费")
_CAPTION_YEAR = regex.compile(
    r"(?m)^[ \t*#>\u3000]*(?:[二三四]\s*[、.]\s*)?(?P<y>" + _YEAR + r")\s*年度?\s*(?:的)?\s*"
    r"(?:行政机关)?(?:主动公开政府信息|收到和处理政府信息公开申请|政府信息公开行政复议|因政府信息公开)")
_PART_TWO = regex.compile(r"(?m)^[ \t*#>\u3000]*二\s*[、.]\s*(?:行政机关)?主动公开")
_OPENING_YEAR = regex.compile(r"^[ \t*#>-]*(?P<y>" + _YEAR + r")\s*年度?(?:以来)?\s*[,，、]")


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
            continue        # another metadata line of the page (a path, a link) naming the report
        seen.add(cand.start("t"))
        yield cand
    for pat in (_TITLE_OPENS, _TITLE_SPACED):
        for cand in pat.finditer(head):
            a = cand.start("t")
            if a in seen:
                continue
            line_start = head.rfind("\n", 0, a) + 1
            if _TITLE_LABEL.fullmatch(head, line_start, a):
                continue        # the labelled line, below
            if _OTHER_LABEL.search(cand.group("t")) or _LABEL_ONLY.fullmatch(head, line_start, a):
                continue        # the value of another metadata field (本地目录: …)
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
        return self._m.group(g)[self._cut:] if g == "t" else self._m.group(g)

    def groupdict(self):
        return self._m.groupdict()


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


@dataclass(frozen=True, slots=True)
class DateMention:
    date: tuple[int, int, int]
    span: Span          # original text
    form: str           # cn (2024年1月17日), iso (2024-01-14), dot (2024.1.17), slash, hanzi (二〇二四年一月十七日)


@dataclass(frozen=True, slots=True)
class MalformedDate:
    span: Span
    written: str
    reason: str         # missing-nian / bad-year / invalid


@dataclass(frozen=True, slots=True)
class YearMention:
    year: int
    span: Span          # the year as written (original text)
    source: str         # title / period / period_end / body / opening / fee / caption


@dataclass(frozen=True, slots=True)
class ResidueLine:
    span: Span          # the line's content (original text, no line break)
    delete: Span        # what deleting the line removes (with one line break)
    kinds: tuple[str, ...]


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
        y, mo, d = year_of(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d"))
        if y and mo and d and valid_date(y, mo, d):
            out.append((m.start(), m.end(), (y, mo, d), "hanzi"))
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


# --- organ level ------------------------------------------------------------------------

_TOWNSHIP = regex.compile(r"(?:乡|镇|街道|苏木|街道办)(?:人民政府|办事处|党工委|政府)?$")
_DEPARTMENT = regex.compile(
    r"(?:办公室|办公厅|局|委员会|委|办|厅|部|署|院|中心|站|所|队|管委会|分局|支队|大队)$")
_GOVERNMENT = regex.compile(r"(?:人民)?政府$")


def organ_level(name: str) -> str | None:
    """department (Jan 31), government (Mar 31) or township (no national deadline)."""
    n = regex.sub(r"[\s*#]+", "", name)
    if _TOWNSHIP.search(n):
        return "township"
    if _DEPARTMENT.search(n):
        return "department"
    if _GOVERNMENT.search(n):
        return "government"
    return None


# --- web-page residue -------------------------------------------------------------------

_R_ITEM = (
    ("source", r"(?:文章|信息)?来源\s*[:：]\s*[^\s:：]{0,30}"),
    ("time", r"(?:发布|更新|成文|发文)?(?:时间|日期)\s*[:：]\s*(?:\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)?"),
    ("views", r"(?:累计|浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]?\s*\d*\s*次?"),
    ("font", r"(?:字体|字号)\s*[:：]?\s*(?:\[\s*\]|[\[【(]?\s*[大中小]\s*[\]】)]?\s*){0,3}(?:\[\s*\])?"),
    ("qr", r"扫一扫在手机(?:上)?(?:查看|打开)当前页(?:面)?"),
    ("print", r"[\[【]?\s*打印(?:本页|此页|文章)?\s*[\]】]?"),
    ("close", r"[\[【]?\s*关闭(?:窗口|本页)?\s*[\]】]?"),
    ("share", r"分享到\s*[:：]?|[\[【]?\s*收藏(?:本页)?\s*[\]】]?|[\[【]?\s*返回顶部\s*[\]】]?"),
    ("author", r"(?:作者|编辑|责任编辑|发布机构)\s*[:：]\s*[^\s:：]{0,20}"),
)
_R_RE = regex.compile("|".join(f"(?P<{k}>{p})" for k, p in _R_ITEM))
# a web archive's or a page's metadata line (标题: … / 原文链接: … / 索引号：…), at the edge of the report
_R_META = regex.compile(
    r"(?:标题|题名|文号|发文字号|发布机构|发文机关|发布单位|栏目|所属栏目|原文链接|原文地址|原文网址|网页地址|页面地址|网址"
    r"|本地目录|本地路径|保存路径|抓取时间|采集时间|索引号|信息索引号|主题分类|体裁分类|公开方式|公开范围|公开时限|生成日期"
    r"|关键词|关键字)[ \t]*[:：]")
# the archive's separator before the text (==== 正文 ====), and its note on stored files (详见 links.tsv)
_R_RULE = regex.compile(r"[=＝\-─━*~_]{3,}[ \t]*(?:正文|原文|正文开始|以下为正文)[ \t]*[=＝\-─━*~_]{3,}")
_R_FILE = regex.compile(r"(?:链接|图片|附件|目录|详见)[^\n]{0,30}?[\w.-]+\.(?:tsv|csv|json|html?|txt|xml)\b"
                        r"|[\w.-]+\.(?:tsv|csv|json|html?|txt|xml)\b[^\n]{0,10}?(?:链接|图片|附件|目录)")
_R_STRONG = {"views", "font", "qr", "print", "close", "share"}
_R_SENTENCE = regex.compile(r"[。；;！？]")
_R_SEP = " \t|/·•,，;；[]"


def _bare(p):
    """A compiled pattern without its regex-budget wrapper (guard.Pattern): for short strings only."""
    return getattr(p, "_p", p)


def residue_kinds(line: str, *, edge: bool) -> tuple[str, ...]:
    """See :func:`_residue_kinds`; memoised by the line's text (lines up to 400 characters: a
    longer one is report text after a strip): a re-lint after an edit reads again only the lines
    that changed."""
    if len(line) <= 400:
        return _residue_kinds_memo(line, edge)
    return _residue_kinds(line, edge=edge)


@functools.lru_cache(maxsize=8192)
def _residue_kinds_memo(line: str, edge: bool) -> tuple[str, ...]:
    return _residue_kinds(line, edge=edge)


def _residue_kinds(line: str, *, edge: bool) -> tuple[str, ...]:
    """The chrome items a (normalised) line consists of, or () when it is report text.

    A line counts only when nothing but chrome items and separators is left; a line of
    only 来源/时间/作者 items counts when it is at the edge of the report (before section 一 or
    after the last report text) or when it combines 来源 with 时间."""
    s = line.strip(" \t|*#>-")
    # s is at most 300 characters below (fewer than guard.SHORT): the bare patterns, called once
    # per line of the report, without the budget wrapper (which would add no timeout)
    if edge and s and len(s) <= 300:
        if _bare(_R_META).match(s):
            return ("meta",)
        if _R_RULE.fullmatch(line.strip()) or _bare(_R_FILE).search(s) and len(s) <= 60 and not _bare(_R_SENTENCE).search(s):
            return ("archive",)
    if not s or len(s) > 160:
        return ()
    rx = _bare(_R_RE)
    if not rx.match(s.lstrip(_R_SEP)):
        return ()       # (fast path) report text: it does not even start with a chrome item
    kinds: list[str] = []
    pos = 0
    weak_only = True
    for m in rx.finditer(s):
        gap = s[pos:m.start()]
        if gap.strip(_R_SEP):
            return ()
        if m.end() == m.start():
            continue
        kinds.append(m.lastgroup)
        if m.lastgroup in _R_STRONG and not (m.lastgroup in ("print", "close") and m.group().strip() in ("打印", "关闭")):
            weak_only = False       # a bare 打印 / 关闭 is a word, not yet a page button
        pos = m.end()
    if s[pos:].strip(_R_SEP):
        return ()
    if not kinds:
        return ()
    ks = set(kinds)
    if not weak_only:
        return tuple(kinds)
    if {"source", "time"} <= ks or edge:
        return tuple(kinds)
    return ()


# --- page chrome inside a line -----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class InlineChrome:
    span: Span          # the chrome run (original text), never the report text around it
    delete: Span        # what deleting it removes (with the spaces after it)
    kinds: tuple[str, ...]


_DATE_TIME = r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:[ \t]*\d{1,2}:\d{2}(?::\d{2})?)?"
_SRC = r"(?:文章|信息)?来源[ \t]*[:：][ \t]*[^\s:：]{1,30}"
_TIME = r"(?:发布|更新)?(?:时间|日期)[ \t]*[:：][ \t]*" + _DATE_TIME
# what makes a run chrome for certain: nothing a report sentence says looks like these
_C_ANCHOR = regex.compile(
    r"(?P<crumb>(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)[ \t]*[:：]?[ \t]*(?:网站)?(?:首页|主页))"
    r"|(?P<pair>" + _SRC + r"[ \t|/·]*" + _TIME + "|" + _TIME + r"[ \t|/·]*" + _SRC + ")"
    r"|(?P<qr>扫一扫在手机(?:上)?(?:查看|打开)当前页(?:面)?)"
    r"|(?P<font>(?:字体|字号)[ \t]*[:：]?[ \t]*[\[【(]?[ \t]*大[ \t]*[\]】)]?[ \t]*[\[【(]?[ \t]*中[ \t]*[\]】)]?[ \t]*[\[【(]?[ \t]*小[ \t]*[\]】)]?)"
    r"|(?P<views>(?:累计|浏览|阅读|访问|点击)(?:次数|量)[ \t]*[:：][ \t]*\d+[ \t]*次?)"
    r"|(?P<buttons>[\[【][ \t]*(?:打印本页|打印此页|关闭窗口|关闭本页|返回顶部)[ \t]*[\]】])")
# what may stand next to an anchor in the same run (each a whole word, separated by spaces)
_C_TOKEN = regex.compile(
    r"(?P<crumb>(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)[ \t]*[:：]?[ \t]*(?:网站)?(?:首页|主页)"
    r"(?:[ \t]*[>»›/][ \t]*[^\s>»›/]{1,30})*[^\s]{0,60})"
    r"|(?P<source>" + _SRC + ")|(?P<time>" + _TIME + ")"
    r"|(?P<qr>扫一扫在手机(?:上)?(?:查看|打开)当前页(?:面)?)"
    r"|(?P<font>(?:字体|字号)[ \t]*[:：]?(?:[ \t]*[\[【(]?[ \t]*[大中小]?[ \t]*[\]】)]?){1,3})"
    r"|(?P<views>(?:累计|浏览|阅读|访问|点击)(?:次数|量|数)[ \t]*[:：]?[ \t]*\d*[ \t]*次?)"
    r"|(?P<share>(?:分享到|相关链接|附件|相关附件)[ \t]*[:：]|-->|<!--"
    r"|(?<![\p{Han}\w])(?P<button>微信|微博|QQ空间|QQ|腾讯微博|新浪微博|全真版|文字版|无障碍|适老版|文件下载|附件下载|收藏本页|收藏"
    r"|打印本页|打印|关闭窗口|关闭|返回顶部|【[^【】\n]{1,6}】)(?P=button)?(?![\p{Han}\w]))")
# (a button's word may stand twice, glued: 无障碍无障碍 — its icon's text and its label)
_C_SEP = " \t\u3000|/·•,，;；"
_C_MAX = 100        # a text with more chrome than this is not a report (and the rest says nothing new)
_C_TRIGGER = re.compile("位置|来源|时间|日期|扫一扫|字体|字号|次数|浏览量|阅读量|访问量|点击量|打印|关闭|返回顶部")


def find_inline_chrome(norm: NormText, residue: list[ResidueLine]) -> list[InlineChrome]:
    """Runs of page chrome inside a line that also holds report text (a web page flattened to one
    line: ``当前位置：首页… 来源：… 时间：… 微信 微博 …`` before the report).  A run counts only with an
    anchor (a breadcrumb, a 来源 + 时间 pair, 扫一扫…, 字体 大 中 小, 浏览次数, a 【打印本页】 button);
    words like 微信 join a run only as whole words next to it."""
    text = norm.text
    dead = [(norm.from_orig(r.span.start), norm.from_orig(r.span.end)) for r in residue]
    out: list[InlineChrome] = []
    # only lines with a word an anchor starts with are searched (a cheap scan of the whole text)
    spans = []
    for tm in _C_TRIGGER.finditer(text):
        if spans and tm.start() < spans[-1][1]:
            continue
        ls = text.rfind("\n", 0, tm.start()) + 1
        le = text.find("\n", tm.end())
        spans.append((ls, len(text) if le < 0 else le))
    for ls, le in spans:
        anchors = [am for am in _C_ANCHOR.finditer(text, ls, le)
                   if not any(a <= am.start() < b for a, b in dead)]
        if not anchors:
            continue
        toks = [t for t in _C_TOKEN.finditer(text, ls, le) if t.end() > t.start()]
        starts = [t.start() for t in toks]
        done_to = -1
        for am in anchors:
            if am.start() < done_to:
                continue
            # the run of tokens around the anchor, separated by nothing but separators
            i = bisect_right(starts, am.start()) - 1
            if i < 0 or toks[i].end() <= am.start():
                a, b, kinds = am.start(), am.end(), [am.lastgroup]
            else:
                j = i
                while j > 0 and not text[toks[j - 1].end():toks[j].start()].strip(_C_SEP):
                    j -= 1
                k = i
                while k + 1 < len(toks) and not text[toks[k].end():toks[k + 1].start()].strip(_C_SEP):
                    k += 1
                a, b = toks[j].start(), max(toks[k].end(), am.end())
                kinds = [t.lastgroup for t in toks[j:k + 1]]
            done_to = b
            d = b
            while d < le and text[d] in " \t\u3000":
                d += 1
            kinds = ["pair" if x in ("source", "time") and am.lastgroup == "pair" else x for x in kinds]
            out.append(InlineChrome(norm.span(a, b), norm.span(a, d), tuple(dict.fromkeys(kinds))))
            if len(out) >= _C_MAX:
                return out
    tail = _chrome_tail(text, dead)
    if tail and not any(c.span.start <= norm.to_orig(tail[0]) < c.span.end for c in out):
        out.append(InlineChrome(norm.span(tail[0], tail[1]), norm.span(tail[0] - tail[2], tail[1]), ("share",)))
    return out


# page buttons that end a flattened page after the report's last sentence (… 。 附件下载)
_C_TAIL = regex.compile(r"(?:(?<=[。.!！?？])|[ \t\u3000]+)((?:(?:附件下载|相关附件|打印本页|关闭窗口|返回顶部|分享到|"
                        r"【[^【】\n]{1,6}】)[ \t\u3000]*){1,6})$")


def _chrome_tail(text: str, dead) -> Optional[tuple[int, int, int]]:
    """(start, end, spaces before it) of page buttons after the last sentence of the text."""
    end = len(text.rstrip())
    m = _C_TAIL.search(text, max(0, end - 80), end)
    if not m or any(a <= m.start(1) < b for a, b in dead):
        return None
    ls = text.rfind("\n", 0, m.start(1)) + 1
    if not text[ls:m.start(1)].strip():
        return None         # a line of its own: find_residue's
    a = m.start(1)
    b = a + len(m.group(1).rstrip(" \t\u3000"))
    lead = len(text[ls:a]) - len(text[ls:a].rstrip(" \t\u3000"))
    return a, b, lead


_TEXT_LINE = regex.compile(r"(?m)^[^\S\n]*\S[^\n]*")


def find_residue(norm: NormText, first_section_start: int) -> list[ResidueLine]:
    text = norm.text
    out: list[ResidueLine] = []
    # only the lines with text are kept: a line is a match object (~200 bytes), and blank-line
    # floods (a million empty lines) must not cost a match object each
    # (a line with a non-space character: tried at line starts only, leading spaces then \S —
    # linear; .strip() keeps exactly the lines str.strip() finds non-blank)
    meaningful = [m for m in _TEXT_LINE.finditer(text) if m.group().strip()]
    lines = meaningful
    # text lines (for "edge": no report text after it)
    last_text_end = 0
    for m in reversed(meaningful):
        if not residue_kinds(m.group(), edge=True):
            last_text_end = m.end()
            break
    for m in lines:
        s = m.group()
        if not s.strip():
            continue
        edge = (first_section_start >= 0 and m.end() <= first_section_start) or m.start() >= last_text_end
        kinds = residue_kinds(s, edge=edge)
        if not kinds:
            continue
        sp = norm.span(m.start(), m.end())
        o = norm.original
        # delete the line with its line break (or the one before it, on the last line)
        a, b = sp.start, sp.end
        while a > 0 and o[a - 1] not in "\r\n":
            a -= 1
        while b < len(o) and o[b] not in "\r\n":
            b += 1
        if b < len(o):
            b += 2 if o.startswith("\r\n", b) else 1
        elif a > 0:
            a -= 2 if a >= 2 and o[a - 2:a] == "\r\n" else 1
        out.append(ResidueLine(sp, Span(a, b), kinds))
    return out


# --- the meta parser --------------------------------------------------------------------

def parse_meta(norm: NormText, first_section_start: int) -> Meta:
    text = norm.text
    meta = Meta()
    head = text[: max(first_section_start, 0)] if first_section_start > 0 else text[:400]
    residue = find_residue(norm, first_section_start)
    meta.extra["residue"] = residue
    meta.extra["chrome"] = find_inline_chrome(norm, residue)
    meta.extra["mojibake"] = find_mojibake(norm)
    residue_norm = [(norm.from_orig(r.span.start), norm.from_orig(r.span.end)) for r in residue]

    def in_residue(i: int) -> bool:
        return any(a <= i < b for a, b in residue_norm)

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
        meta.title = norm.original[meta.title_span.start:meta.title_span.end]
        meta.extra["title_norm"] = joined
        y = year_of(text[ys:ye])
        if y:
            mentions.append(YearMention(y, norm.span(ys, ye), "title"))
    elif m:
        ts, te = m.start("t"), m.end("t")
        meta.title_span = norm.span(ts, te)
        meta.title = norm.original[meta.title_span.start:meta.title_span.end]
        meta.extra["title_norm"] = text[ts:te]
        if m.groupdict().get("y"):
            y = year_of(m.group("y"))
            if y:
                mentions.append(YearMention(y, norm.span(m.start("y"), m.end("y")), "title"))

    # statistics period
    pm = _PERIOD_RE.search(text) or _PERIOD_CN.search(text)
    if pm:
        meta.extra["period_span"] = norm.span(pm.start(), pm.end())
        py = year_of(pm.group("y"))
        meta.extra["period_year"] = py
        mentions.append(YearMention(py, norm.span(pm.start("y"), pm.end("y")), "period"))
        if pm.group("y2"):
            y2 = year_of(pm.group("y2"))
            meta.extra["period_end_year"] = y2
            mentions.append(YearMention(y2, norm.span(pm.start("y2"), pm.end("y2")), "period_end"))
    else:
        pw = _PERIOD_WORDS.search(text)
        if pw:
            meta.extra["period_statement"] = norm.span(pw.start(), pw.end())

    body_start = max(first_section_start, 0)
    title_range = (norm.from_orig(meta.title_span.start), norm.from_orig(meta.title_span.end)) if meta.title_span else (-1, -1)
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
                mentions.append(YearMention(int(om.group("y")), norm.span(lm.start() + om.start("y"), lm.start() + om.end("y")), "opening"))
            if len(s.strip()) > 30:
                break
    for cm in _CAPTION_YEAR.finditer(text, body_start):
        mentions.append(YearMention(int(cm.group("y")), norm.span(cm.start("y"), cm.end("y")), "caption"))
    for fm in _FEE_YEAR.finditer(text, body_start):
        mentions.append(YearMention(int(fm.group("y")), norm.span(fm.start("y"), fm.end("y")), "fee"))
    meta.extra["year_mentions"] = mentions

    # dates, the published date (web residue) and the signature
    dates, bad = find_dates(text)
    meta.extra["dates"] = [DateMention(d, norm.span(a, b), f) for a, b, d, f in dates]
    meta.extra["malformed_dates"] = [MalformedDate(norm.span(a, b), norm.original[norm.span(a, b).start:norm.span(a, b).end], r)
                                     for a, b, r in bad]
    for r in residue:
        if "time" in r.kinds:
            for dm in meta.extra["dates"]:
                if r.span.start <= dm.span.start < r.span.end:
                    meta.published, meta.published_span = dm.date, dm.span
                    break
        if meta.published:
            break
    _signature(norm, meta, residue_norm, dates)

    # the organ: title, then signature, then the page's 来源
    organ_src = None
    t_organ = title_organ(meta.extra.get("title_norm"))
    if t_organ and meta.title_span is not None:
        ts = norm.from_orig(meta.title_span.start)
        k = text.find(t_organ, ts)
        meta.organ = t_organ
        meta.extra["organ_span"] = norm.span(k, k + len(t_organ)) if k >= 0 else meta.title_span
        organ_src = "title"
    elif meta.extra.get("signature_organ"):
        meta.organ = meta.extra["signature_organ"]
        meta.extra["organ_span"] = meta.extra["signature_organ_span"]
        organ_src = "signature"
    else:
        for r in residue:
            if "source" in r.kinds:
                a, b = norm.from_orig(r.span.start), norm.from_orig(r.span.end)
                sm = regex.search(r"来源\s*[:：]\s*(?P<o>[^\s:：]{2,30})", text[a:b])
                if sm:
                    meta.organ = sm.group("o")
                    meta.extra["organ_span"] = norm.span(a + sm.start("o"), a + sm.end("o"))
                    organ_src = "source"
                    break
    meta.extra["organ_source"] = organ_src
    if meta.organ:
        meta.organ_level = organ_level(meta.organ)
        if meta.organ_level is None and organ_src == "title" and meta.extra.get("signature_organ"):
            meta.organ_level = organ_level(meta.extra["signature_organ"])

    # the report year: the year most places state (the title wins a tie, then the period)
    meta.year, meta.year_source = _decide_year(mentions)
    if meta.year is None:
        ym = _YEAR_BODY.search(text, body_start)
        if ym:
            meta.year = int(ym.group("y"))
            meta.year_source = "body"
        elif meta.signature_date:
            meta.year = meta.signature_date[0] - 1
            meta.year_source = "signature"
    return meta


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
        return 2 <= len(s) <= limit and not regex.search(r"[。，,；;:：!！?？()（）\d]", s) \
            and regex.search(r"\p{Han}{2}", s) and not in_residue(a)

    if m is not None:
        ts, ys = m.start("t"), m.start("y") if m.groupdict().get("y") is not None else -1
        if ys >= 0 and not text[ts:ys].strip(" \t\u3000"):
            # the line holds no organ: the line above, if it is an organ's name, is the title's start
            k = next((i for i, (a, b) in enumerate(lines) if a <= ts < b + 1), None)
            if k:
                pa, pb = bounds(*lines[k - 1])
                if short_part(pa, pb, 30) and text[pb:ts].count("\n") == 1 and organ_level(text[pa:pb]):
                    return pa, m.end("t"), text[pa:pb] + text[ts:m.end("t")], ys, m.end("y")
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


_WEIGHT = {"title": 3, "period": 3, "period_end": 0, "body": 1, "opening": 1, "fee": 1, "caption": 1}
_ORDER = ("title", "period", "body", "opening", "fee", "caption", "period_end")


def _decide_year(mentions: list[YearMention]) -> tuple[Optional[int], str]:
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


def _signature(norm: NormText, meta: Meta, residue_norm, dates) -> None:
    """落款: the issuing organ and the date on the last lines of the report (residue skipped)."""
    text = norm.text
    dead = {a for a, _b in residue_norm}
    lines = [m for m in _LINE.finditer(text)
             if m.group().strip() and m.start() not in dead]
    if not lines:
        return
    meta.extra["content_end"] = norm.to_orig(lines[-1].start() + len(lines[-1].group().rstrip()), end=True)
    last = lines[-3:]
    date_line = None
    for lm in reversed(last[-2:]):
        for a, b, d, _f in dates:
            if lm.start() <= a and b <= lm.end():
                rest = (text[lm.start():a] + text[b:lm.end()]).strip(" \t*#>|")
                if len(rest) <= 40 and not regex.search(r"[。;；]", rest):
                    date_line = (lm, a, b, d, rest)
        if date_line:
            break
    if date_line:
        lm, a, b, d, rest = date_line
        meta.signature_date = d
        meta.signature_date_span = norm.span(a, b)
        organ = None
        if rest and _looks_like_organ(rest):
            k = text.find(rest, lm.start())
            organ = (rest, k, k + len(rest))
        else:
            i = lines.index(lm)
            if i > 0:
                prev = lines[i - 1]
                cand = prev.group().strip(" \t*#>|\u3000")
                if _looks_like_organ(cand):
                    k = text.find(cand, prev.start())
                    organ = (cand, k, k + len(cand))
        if organ:
            meta.extra["signature_organ"] = organ[0]
            meta.extra["signature_organ_span"] = norm.span(organ[1], organ[2])
            meta.signature_span = norm.span(min(organ[1], a), max(organ[2], b))
        else:
            meta.signature_span = meta.signature_date_span
    elif _inline_signature(norm, meta, lines[-1], dates):
        pass
    else:
        cand = lines[-1].group().strip(" \t*#>|\u3000")
        if _looks_like_organ(cand) and organ_level(cand):
            k = text.find(cand, lines[-1].start())
            meta.extra["signature_organ"] = cand
            meta.extra["signature_organ_span"] = norm.span(k, k + len(cand))
            meta.signature_span = meta.extra["signature_organ_span"]


_TAIL_CUT = regex.compile(r"[。;；!！?？]")
_INLINE_MIN = 120       # a last line this long is a paragraph (or a whole one-line report), not a 落款


def _inline_signature(norm: NormText, meta: Meta, line, dates) -> bool:
    """A 落款 at the end of a long last line (a one-line document: …无其他需要报告的事项。
    某某局 2024年1月17日): the date ends the line, the organ is the space-separated words before
    it (after the last sentence).  Also an organ alone at the end when it is set off by spaces and
    names an organ (…事项。 某某县人民政府)."""
    text = norm.text
    s = line.group().rstrip(" \t*#>|\u3000")
    if len(s) < _INLINE_MIN:
        return False
    base = line.start()
    cut = max((m.end() for m in _TAIL_CUT.finditer(s, max(0, len(s) - 80))), default=max(0, len(s) - 80))
    tail_start = base + cut
    end = base + len(s)
    date = None
    for a, b, d, _f in dates:
        if tail_start <= a and b == end:
            date = (a, b, d)
    organ = None
    stop = date[0] if date else end
    words = regex.match(r"(?:.*[ \t\u3000])?(?P<o>[^ \t\u3000]+)[ \t\u3000]*$", text[tail_start:stop], regex.DOTALL)
    if words and stop > tail_start:
        o = words.group("o").strip(" \t*#>|\u3000")
        a = tail_start + words.start("o")
        set_off = a == tail_start or text[a - 1] in " \t\u3000"
        if set_off and _looks_like_organ(o) and organ_level(o) and (date or a > tail_start):
            organ = (o, a, a + len(o))
    if date and not organ and not (date[0] == tail_start or text[date[0] - 1] in " \t\u3000"):
        date = None     # a date glued to a sentence (本局将于2024年1月17日) is not a 落款
    if date is None and organ is None:
        return False
    if date:
        meta.signature_date = date[2]
        meta.signature_date_span = norm.span(date[0], date[1])
    if organ:
        meta.extra["signature_organ"] = organ[0]
        meta.extra["signature_organ_span"] = norm.span(organ[1], organ[2])
    lo = organ[1] if organ else date[0]
    hi = date[1] if date else organ[2]
    meta.signature_span = norm.span(lo, hi)
    return True


def _looks_like_organ(s: str) -> bool:
    return 2 <= len(s) <= 40 and not regex.search(r"[。，,；;:：!！?？]", s) and bool(regex.search(r"\p{Han}{2}", s))


# whole-text scans as module patterns: gxlint.parse puts these under the regex budget
_LINE = regex.compile(r"[^\n]+")
_LINE_OR_EMPTY = regex.compile(r"[^\n]*")
_NON_ASCII_RUN = regex.compile(r"[^\x00-\x7f\s]{3,}")


@functools.lru_cache(maxsize=1)
def _title_organ_re():
    from .. import guard

    return guard.compile(r"^\s*(?P<o>.+?)\s*(?:关于)?(?:" + _YEAR + "|" + _CN_YEAR + r")\s*年")


def title_organ(title: str | None) -> str | None:
    if not title:
        return None
    m = _title_organ_re().match(title)
    return m.group("o").strip(" \t*#>") if m else None


def span_of(norm: NormText, m: "regex.Match[str]") -> Span:
    return norm.span(m.start(), m.end())


# --- mojibake ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Mojibake:
    span: Span          # original text
    kind: str           # lost (?), replacement (U+FFFD), gbk (UTF-8 read as GBK), latin (UTF-8 read as Latin-1), html
    written: str
    recovered: str = ""  # what the bytes say when read correctly (gbk / latin), if known


_TONE_FRAG = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# a '?' glued to Han text where a question mark cannot be: lost bytes of a double decoding
_LOST = regex.compile(
    r"(?<=\p{Han})(?<![吗呢么吧啊否何谁哪几怎嘛呀])\?+[!！]?(?:[\p{Han}!！]{0,6}?\?+[!！]?)*(?:[" + _TONE_FRAG + r"]{1,6}\))?(?=[\p{Han}!！" + _TONE_FRAG + r"A-Z])",
    regex.IGNORECASE)
_LOST_TAIL = regex.compile(r"[" + _TONE_FRAG + r"]{1,6}\)", regex.IGNORECASE)
_FFFD = regex.compile(r"\ufffd+")
_HTML = regex.compile(
    r"</?(?:p|br|span|div|strong|b|i|em|u|font|td|tr|th|table|tbody|img|a|h[1-6]|li|ul|ol|section|center|o:p)\b[^<>\n]{0,200}?/?>"
    r"|&(?:nbsp|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|amp|lt|gt|quot|emsp|ensp|times|deg|#\d{2,6}|#x[0-9a-f]{2,5});",
    regex.IGNORECASE)
_KNOWN = regex.compile(r"锟斤拷|烫烫烫|屯屯屯")
_LATIN_RUN = regex.compile(r"(?:[\u00c0-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,2}){2,}")
_GBK_LEADS = range(0xE4, 0xEA)       # UTF-8 lead bytes of CJK characters


@functools.lru_cache(maxsize=1)
def _gbk_lead_set() -> frozenset:
    """The characters whose GBK bytes start with one of _GBK_LEADS (where a GBK round trip can
    begin): looked up instead of encoding every character (performance)."""
    chars = set()
    for lead in _GBK_LEADS:
        for trail in range(0x40, 0xFF):
            try:
                ch = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and ch.encode("gbk")[0] == lead:
                chars.add(ch)
    return frozenset(chars)


def find_mojibake(norm: NormText) -> list[Mojibake]:
    """Text damaged by a wrong decoding.  Each detector needs evidence a normal (rare) character
    cannot give: a byte round trip that yields common characters, a '?' where punctuation cannot
    be, U+FFFD, HTML markup."""
    text, orig = norm.text, norm.original
    found: list[tuple[int, int, str, str]] = []
    for m in _FFFD.finditer(text):
        found.append((m.start(), m.end(), "replacement", ""))
    for m in _KNOWN.finditer(text):
        found.append((m.start(), m.end(), "replacement", ""))
    for m in _LOST.finditer(text):
        a, b = m.start(), m.end()
        t = _LOST_TAIL.match(text, b)
        if t:
            b = t.end()
        if regex.fullmatch(r"\?", text[a:b]) and not _gbk_lead_char(text[a - 1]):
            continue    # a lone ? after a common character: a question (吗? 申请?), not lost bytes
        found.append((a, b, "lost", ""))
    for m in _HTML.finditer(text):
        found.append((m.start(), m.end(), "html", ""))
    # UTF-8 read as Latin-1 / cp1252 (æ”¿åºœ): decodes back exactly
    for m in _LATIN_RUN.finditer(orig):
        rec = _latin_back(m.group())
        if rec:
            a, b = norm.from_orig(m.start()), norm.from_orig(m.end())
            found.append((a, b, "latin", rec))
    # UTF-8 read as GBK (鏀垮簻淇℃伅): the GBK bytes decode as UTF-8 into ≥3 common characters
    # only the runs (of _NON_ASCII_RUN) with a character where a round trip can start: found from
    # those characters (few in real text), each run once
    # (bare patterns: a character class each, every run read once back and once forward —
    # linear in the text, no timeout could apply; one budget check for the loop)
    from .. import guard

    guard.check()
    run_back, run = _bare(_RUN_BACK), _bare(_NON_ASCII_RUN)
    done_to = -1
    for lm in _gbk_lead_re().finditer(orig):
        if lm.start() < done_to:
            continue        # in the run just read
        m = run.match(orig, run_back.match(orig, 0, lm.start()).start())
        if m is None:
            continue        # a stretch too short to be a run
        done_to = m.end()
        for k, j, rec in _gbk_runs(m.group()):
            found.append((norm.from_orig(m.start() + k), norm.from_orig(m.start() + j), "gbk", rec))
    found.sort()
    out: list[Mojibake] = []
    last_end = -1
    for a, b, kind, rec in found:
        if a < last_end:
            continue
        sp = norm.span(a, b)
        out.append(Mojibake(sp, kind, orig[sp.start:sp.end], rec))
        last_end = b
    return out


# the characters of a _NON_ASCII_RUN before a position, read backwards (where its run starts)
_RUN_BACK = regex.compile(r"(?r)[^\x00-\x7f\s]*")


@functools.lru_cache(maxsize=1)
def _gbk_lead_re():
    """A pattern matching one character of :func:`_gbk_lead_set` (``re``: its character sets are
    bitmaps, ~100× faster here than ``regex``'s for a class of ~1,100 characters; linear)."""
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(_gbk_lead_set())) + "]")


@functools.lru_cache(maxsize=4096)
def _gbk_runs(s: str) -> tuple[tuple[int, int, str], ...]:
    """The stretches of a run of non-ASCII characters that are UTF-8 read as GBK: (start, end,
    recovered text), offsets relative to the run (memoised by the run's text: a re-lint after an
    edit reads again only the runs that changed)."""
    leads = _gbk_lead_set()
    out = []
    i = 0
    for k in [k for k, ch in enumerate(s) if ch in leads]:   # only where a round trip can start
        if k < i:
            continue
        if k >= len(s) - 2:
            break
        j, rec = _gbk_back(s, k)
        if j > k:
            out.append((k, j, rec))
            i = j
    return tuple(out)


def _gbk_lead_char(ch: str) -> bool:
    """A character whose GBK bytes start with a UTF-8 lead byte of a CJK character: what UTF-8
    text read as GBK is made of (鍏 涓 鏀 …); the common characters of real text are not."""
    try:
        return ch.encode("gbk")[0] in _GBK_LEADS
    except UnicodeEncodeError:
        return False


def _latin_back(s: str) -> str:
    for enc in ("cp1252", "latin-1"):
        try:
            rec = s.encode(enc).decode("utf-8", "replace")
        except UnicodeEncodeError:
            continue
        han = len(regex.findall(r"\p{Han}", rec))
        if han >= 2 and han >= 0.6 * len(rec):
            return rec
    return ""


def _gbk_back(s: str, i: int) -> tuple[int, str]:
    """If s[i:] starts with UTF-8 bytes that were decoded as GBK: (end, recovered text)."""
    try:
        first = s[i].encode("gbk")
    except UnicodeEncodeError:
        return i, ""
    if first[0] not in _GBK_LEADS:
        return i, ""
    window = s[i:i + 40]
    bs = bytearray()
    bounds = []
    for ch in window:
        try:
            bs += ch.encode("gbk")
        except UnicodeEncodeError:
            break
        bounds.append(len(bs))
    try:
        rec = bytes(bs).decode("utf-8")
        valid = len(bs)
    except UnicodeDecodeError as e:
        valid = e.start
        rec = bytes(bs[:valid]).decode("utf-8")
    # whole characters of s that the valid bytes cover
    n = sum(1 for x in bounds if x <= valid)
    rec = bytes(bs[:bounds[n - 1]]).decode("utf-8", "ignore") if n else ""
    han = [c for c in rec if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 3:
        return i, ""
    try:
        "".join(han).encode("gb2312")
    except UnicodeEncodeError:
        return i, ""
    return i + n, rec
