"""What is in the text but not the report's own (:class:`gxlint.model.Debris`): lines of web-page
chrome (page residue), chrome inside a line of report text, and text damaged by a wrong decoding
(mojibake).

Matched on the normalised text (``NormText.text``) and mapped back to original spans, like the rest
of the parser.  Page residue (GX605) and mojibake (GX603) are findings of their own; every rule
that reads text skips what is listed here.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from typing import Optional

import regex

from .. import guard
from ..model import Debris, InlineChrome, Mojibake, ResidueLine, Span
from .normalize import NormText


def find_debris(norm: NormText, first_section_start: int) -> Debris:
    """Page residue, page chrome and mojibake of a text (``first_section_start``: offset in the
    normalised text of section 一's heading, -1 without one: what is before it is the report's edge)."""
    residue = find_residue(norm, first_section_start)
    return Debris(residue, find_inline_chrome(norm, residue), find_mojibake(norm))


# --- web-page residue -------------------------------------------------------------------

_R_ITEM = (
    ("source", r"(?:文章|信息)?来源\s*[:：]\s*[^\s:：]{0,30}"),
    (
        "time",
        r"(?:发布|更新|成文|发文)?(?:时间|日期)\s*[:：]\s*(?:\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)?",
    ),
    ("views", r"(?:累计|浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]?\s*\d*\s*次?"),
    ("font", r"(?:字体|字号)\s*[:：]?\s*(?:\[\s*\]|[\[【(]?\s*[大中小]\s*[\]】)]?\s*){0,3}(?:\[\s*\])?"),
    ("qr", r"扫一扫在手机(?:上)?(?:查看|打开)当前页(?:面)?"),
    ("print", r"[\[【]?\s*打印(?:本页|此页|文章)?\s*[\]】]?"),
    ("close", r"[\[【]?\s*关闭(?:窗口|本页)?\s*[\]】]?"),
    ("share", r"分享到\s*[:：]?|[\[【]?\s*收藏(?:本页)?\s*[\]】]?|[\[【]?\s*返回顶部\s*[\]】]?"),
    ("author", r"(?:作者|编辑|责任编辑|发布机构)\s*[:：]\s*[^\s:：]{0,20}"),
)
_R_RE = guard.lazy("|".join(f"(?P<{k}>{p})" for k, p in _R_ITEM))
# a web archive's or a page's metadata line (标题: … / 原文链接: … / 索引号：…), at the edge of the report
_R_META = guard.lazy(
    r"(?:标题|题名|文号|发文字号|发布机构|发文机关|发布单位|栏目|所属栏目|原文链接|原文地址|原文网址|网页地址|页面地址|网址"
    r"|本地目录|本地路径|保存路径|抓取时间|采集时间|索引号|信息索引号|主题分类|体裁分类|公开方式|公开范围|公开时限|生成日期"
    r"|关键词|关键字)[ \t]*[:：]"
)
# the archive's separator before the text (==== 正文 ====), and its note on stored files (详见 links.tsv)
_R_RULE = guard.lazy(r"[=＝\-─━*~_]{3,}[ \t]*(?:正文|原文|正文开始|以下为正文)[ \t]*[=＝\-─━*~_]{3,}")
_R_FILE = guard.lazy(
    r"(?:链接|图片|附件|目录|详见)[^\n]{0,30}?[\w.-]+\.(?:tsv|csv|json|html?|txt|xml)\b"
    r"|[\w.-]+\.(?:tsv|csv|json|html?|txt|xml)\b[^\n]{0,10}?(?:链接|图片|附件|目录)"
)
_R_STRONG = {"views", "font", "qr", "print", "close", "share"}
_R_SENTENCE = guard.lazy(r"[。；;！？]")
_R_SEP = " \t|/·•,，;；[]"


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
        if guard.bare(_R_META).match(s):
            return ("meta",)
        if (
            _R_RULE.fullmatch(line.strip())
            or guard.bare(_R_FILE).search(s)
            and len(s) <= 60
            and not guard.bare(_R_SENTENCE).search(s)
        ):
            return ("archive",)
    if not s or len(s) > 160:
        return ()
    rx = guard.bare(_R_RE)
    if not rx.match(s.lstrip(_R_SEP)):
        return ()  # (fast path) report text: it does not even start with a chrome item
    kinds: list[str] = []
    pos = 0
    weak_only = True
    for m in rx.finditer(s):
        gap = s[pos : m.start()]
        if gap.strip(_R_SEP):
            return ()
        if m.end() == m.start():
            continue
        kinds.append(m.lastgroup)
        if m.lastgroup in _R_STRONG and not (
            m.lastgroup in ("print", "close") and m.group().strip() in ("打印", "关闭")
        ):
            weak_only = False  # a bare 打印 / 关闭 is a word, not yet a page button
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

_DATE_TIME = r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:[ \t]*\d{1,2}:\d{2}(?::\d{2})?)?"
_SRC = r"(?:文章|信息)?来源[ \t]*[:：][ \t]*[^\s:：]{1,30}"
_TIME = r"(?:发布|更新)?(?:时间|日期)[ \t]*[:：][ \t]*" + _DATE_TIME
# what makes a run chrome for certain: nothing a report sentence says looks like these
_C_ANCHOR = guard.lazy(
    r"(?P<crumb>(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)[ \t]*[:：]?[ \t]*(?:网站)?(?:首页|主页))"
    r"|(?P<pair>" + _SRC + r"[ \t|/·]*" + _TIME + "|" + _TIME + r"[ \t|/·]*" + _SRC + ")"
    r"|(?P<qr>扫一扫在手机(?:上)?(?:查看|打开)当前页(?:面)?)"
    r"|(?P<font>(?:字体|字号)[ \t]*[:：]?[ \t]*[\[【(]?[ \t]*大[ \t]*[\]】)]?[ \t]*[\[【(]?[ \t]*中[ \t]*[\]】)]?[ \t]*[\[【(]?[ \t]*小[ \t]*[\]】)]?)"
    r"|(?P<views>(?:累计|浏览|阅读|访问|点击)(?:次数|量)[ \t]*[:：][ \t]*\d+[ \t]*次?)"
    r"|(?P<buttons>[\[【][ \t]*(?:打印本页|打印此页|关闭窗口|关闭本页|返回顶部)[ \t]*[\]】])"
)
# what may stand next to an anchor in the same run (each a whole word, separated by spaces)
_C_TOKEN = guard.lazy(
    r"(?P<crumb>(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)[ \t]*[:：]?[ \t]*(?:网站)?(?:首页|主页)"
    r"(?:[ \t]*[>»›/][ \t]*[^\s>»›/]{1,30})*[^\s]{0,60})"
    r"|(?P<source>" + _SRC + ")|(?P<time>" + _TIME + ")"
    r"|(?P<qr>扫一扫在手机(?:上)?(?:查看|打开)当前页(?:面)?)"
    r"|(?P<font>(?:字体|字号)[ \t]*[:：]?(?:[ \t]*[\[【(]?[ \t]*[大中小]?[ \t]*[\]】)]?){1,3})"
    r"|(?P<views>(?:累计|浏览|阅读|访问|点击)(?:次数|量|数)[ \t]*[:：]?[ \t]*\d*[ \t]*次?)"
    r"|(?P<share>(?:分享到|相关链接|附件|相关附件)[ \t]*[:：]|-->|<!--"
    r"|(?<![\p{Han}\w])(?P<button>微信|微博|QQ空间|QQ|腾讯微博|新浪微博|全真版|文字版|无障碍|适老版|文件下载|附件下载|收藏本页|收藏"
    r"|打印本页|打印|关闭窗口|关闭|返回顶部|【[^【】\n]{1,6}】)(?P=button)?(?![\p{Han}\w]))"
)
# (a button's word may stand twice, glued: 无障碍无障碍 — its icon's text and its label)
_C_SEP = " \t\u3000|/·•,，;；"
_C_MAX = 100  # a text with more chrome than this is not a report (and the rest says nothing new)
_C_TRIGGER = guard.lazy("位置|来源|时间|日期|扫一扫|字体|字号|次数|浏览量|阅读量|访问量|点击量|打印|关闭|返回顶部")


def find_inline_chrome(norm: NormText, residue: list[ResidueLine]) -> list[InlineChrome]:
    """Runs of page chrome inside a line that also holds report text (a web page flattened to one
    line: ``当前位置：首页… 来源：… 时间：… 微信 微博 …`` before the report).  A run counts only with an
    anchor (a breadcrumb, a 来源 + 时间 pair, 扫一扫…, 字体 大 中 小, 浏览次数, a 【打印本页】 button);
    words like 微信 join a run only as whole words next to it."""
    text = norm.text
    dead = [(norm.from_orig(r.span.start), norm.from_orig(r.span.end)) for r in residue]
    out: list[InlineChrome] = []
    # only lines with a word an anchor starts with are searched (a cheap scan of the whole text)
    spans: list[tuple[int, int]] = []
    for tm in _C_TRIGGER.finditer(text):
        if spans and tm.start() < spans[-1][1]:
            continue
        ls = text.rfind("\n", 0, tm.start()) + 1
        le = text.find("\n", tm.end())
        spans.append((ls, len(text) if le < 0 else le))
    for ls, le in spans:
        anchors = [am for am in _C_ANCHOR.finditer(text, ls, le) if not any(a <= am.start() < b for a, b in dead)]
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
                while j > 0 and not text[toks[j - 1].end() : toks[j].start()].strip(_C_SEP):
                    j -= 1
                k = i
                while k + 1 < len(toks) and not text[toks[k].end() : toks[k + 1].start()].strip(_C_SEP):
                    k += 1
                a, b = toks[j].start(), max(toks[k].end(), am.end())
                kinds = [t.lastgroup for t in toks[j : k + 1]]
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
_C_TAIL = guard.lazy(
    r"(?:(?<=[。.!！?？])|[ \t\u3000]+)((?:(?:附件下载|相关附件|打印本页|关闭窗口|返回顶部|分享到|"
    r"【[^【】\n]{1,6}】)[ \t\u3000]*){1,6})$"
)


def _chrome_tail(text: str, dead) -> Optional[tuple[int, int, int]]:
    """(start, end, spaces before it) of page buttons after the last sentence of the text."""
    end = len(text.rstrip())
    m = _C_TAIL.search(text, max(0, end - 80), end)
    if not m or any(a <= m.start(1) < b for a, b in dead):
        return None
    ls = text.rfind("\n", 0, m.start(1)) + 1
    if not text[ls : m.start(1)].strip():
        return None  # a line of its own: find_residue's
    a = m.start(1)
    b = a + len(m.group(1).rstrip(" \t\u3000"))
    lead = len(text[ls:a]) - len(text[ls:a].rstrip(" \t\u3000"))
    return a, b, lead


_TEXT_LINE = guard.lazy(r"(?m)^[^\S\n]*\S[^\n]*")


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
            a -= 2 if a >= 2 and o[a - 2 : a] == "\r\n" else 1
        out.append(ResidueLine(sp, Span(a, b), kinds))
    return out


# --- mojibake ---------------------------------------------------------------------------

_TONE_FRAG = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# a '?' glued to Han text where a question mark cannot be: lost bytes of a double decoding
_LOST = guard.lazy(
    r"(?<=\p{Han})(?<![吗呢么吧啊否何谁哪几怎嘛呀])\?+[!！]?(?:[\p{Han}!！]{0,6}?\?+[!！]?)*(?:["
    + _TONE_FRAG
    + r"]{1,6}\))?(?=[\p{Han}!！"
    + _TONE_FRAG
    + r"A-Z])",
    regex.IGNORECASE,
)
_LOST_TAIL = guard.lazy(r"[" + _TONE_FRAG + r"]{1,6}\)", regex.IGNORECASE)
_FFFD = guard.lazy(r"\ufffd+")
_HTML = guard.lazy(
    r"</?(?:p|br|span|div|strong|b|i|em|u|font|td|tr|th|table|tbody|img|a|h[1-6]|li|ul|ol|section|center|o:p)\b[^<>\n]{0,200}?/?>"
    r"|&(?:nbsp|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|amp|lt|gt|quot|emsp|ensp|times|deg|#\d{2,6}|#x[0-9a-f]{2,5});",
    regex.IGNORECASE,
)
_KNOWN = guard.lazy(r"锟斤拷|烫烫烫|屯屯屯")
_LATIN_RUN = guard.lazy(
    r"(?:[\u00c0-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,2}){2,}"
)
_GBK_LEADS = range(0xE4, 0xEA)  # UTF-8 lead bytes of CJK characters


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
            continue  # a lone ? after a common character: a question (吗? 申请?), not lost bytes
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
    guard.check()
    run_back, run = guard.bare(_RUN_BACK), guard.bare(_NON_ASCII_RUN)
    done_to = -1
    for lm in _gbk_lead_re().finditer(orig):
        if lm.start() < done_to:
            continue  # in the run just read
        m = run.match(orig, run_back.match(orig, 0, lm.start()).start())
        if m is None:
            continue  # a stretch too short to be a run
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
        out.append(Mojibake(sp, kind, orig[sp.start : sp.end], rec))
        last_end = b
    return out


# whole-text scans as module patterns: gxlint.parse puts these under the regex budget
_NON_ASCII_RUN = guard.lazy(r"[^\x00-\x7f\s]{3,}")
# the characters of a _NON_ASCII_RUN before a position, read backwards (where its run starts)
_RUN_BACK = guard.lazy(r"(?r)[^\x00-\x7f\s]*")


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
    for k in [k for k, ch in enumerate(s) if ch in leads]:  # only where a round trip can start
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
    window = s[i : i + 40]
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
    rec = bytes(bs[: bounds[n - 1]]).decode("utf-8", "ignore") if n else ""
    han = [c for c in rec if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 3:
        return i, ""
    try:
        "".join(han).encode("gb2312")
    except UnicodeEncodeError:
        return i, ""
    return i + n, rec
