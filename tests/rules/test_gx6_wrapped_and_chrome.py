"""GX604 on wrapped (PDF) text, GX605 on web-archive headers and page chrome inside a body line."""
import os

import pytest

from gxlint.fixes import apply_edits
from gxlint.testing import RuleTester
from seedutil import CORPUS_REAL

from gx56_sample import line_of, read_seed, report

gx604 = RuleTester("GX604")
gx605 = RuleTester("GX605")

# PDF text: 28 Han characters a line; brackets and quotes open on one line and close on a later one
WRAPPED = (
    "洪泽区人民政府\n"
    "2023 年政府信息公开工作年度报告\n"
    "本报告由淮安市洪泽区人民政府办公室根据《中华人民共和\n"
    "国政府信息公开条例》（国令第 711 号）（以下简称《条例》）\n"
    "要求编制此报告。报告中所列数据统计期限自 2023 年 1 月 1 日\n"
    "起至 2023 年 12 月 31 日止。如对本报告有疑问，请与淮安市洪\n"
    "泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90\n"
    "号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：\n"
    "hzzwgk@126.com）。\n"
    "一、总体情况\n"
    "加强区政府门户网站及政务新媒体日常管理，运用第三方检\n"
    "测平台实行常态化监测，执行信息审核发布制度。严格执行“分\n"
    "- 2 -\n"
    "级审核、先审后发”程序，落实 “三审三校”制度，从严从实把\n"
    "好政治关、法律关、政策关、保密关、文字关，未经审核的信息\n"
    "一律不准发布。\n"
)


# --- GX604 -------------------------------------------------------------------------------

def test_brackets_and_quotes_closing_on_a_later_wrapped_line_are_balanced():
    gx604.valid(WRAPPED)
    gx604.valid(WRAPPED.replace("\n", "\r\n"))


def test_the_same_text_unwrapped_at_a_short_line_still_reports():
    # the line with （地址： is short: its author ended it there, so the bracket is never closed
    text = WRAPPED.replace("洪泽湖大道 90\n", "洪泽湖大道 90。\n")
    gx604.invalid(text, [
        ("unclosed", line_of(text, "（地址"), (7, 13), "左括号 （ 没有配对的 ）"),
        ("unopened", line_of(text, "）。"), (9, 16), "右括号 ） 前面没有配对的 （"),
    ])


def test_an_unclosed_quote_in_a_wrapped_paragraph_is_reported_once_at_the_quote():
    text = WRAPPED.replace("先审后发”程序", "先审后发程序")
    gx604.invalid(text, [("unclosed", line_of(text, "“分"), (12, 28), "左引号 “ 没有配对的 ”")])


def test_a_page_number_does_not_end_a_paragraph_but_a_short_line_does():
    text = WRAPPED.replace("严格执行“分\n", "严格执行“分。\n")     # the line now ends a sentence
    gx604.invalid(text, [
        ("unclosed", line_of(text, "“分"), (12, 28), "左引号"),
        ("unopened", line_of(text, "”程序"), (14, 10), "右引号"),
    ])


def test_seed_000_doubled_quote_still_found_and_seed_003_silent():
    assert [(l, c) for l, c, _ in gx604.positions(read_seed("000"))] == [(12, 64)]      # the doubled “ of ““办不成事”
    gx604.valid(read_seed("003"))


def test_hongze_pdf_text_has_no_unbalanced_bracket():
    gx604.valid(open(os.path.join(CORPUS_REAL, "hongze-2023.txt"), encoding="utf-8").read())


# --- GX605: a web archive's header ------------------------------------------------------

ARCHIVE_HEAD = (
    "标题: 某某市某某局2023年度政府信息公开工作年度报告\n"
    "发布时间: 2024-01-20 15:22\n"
    "文号: \n"
    "发布机构: \n"
    "栏目: 政府信息公开年报\n"
    "原文链接: https://www.example.gov.cn/zwgk/nb/202401/t20240120_1.htm\n"
    "本地目录: zwgk/nb/202401/1_某某市某某局2023年度政府信息公开工作年度报告\n"
    "页面链接与图片详见 links.tsv(同目录)\n"
    "==================== 正文 ====================\n"
)


def test_archive_header_is_one_finding_with_one_fix():
    text = ARCHIVE_HEAD + report()
    got = gx605.invalid(text, [
        ("lines", (1, 1), (9, 45), "这 9 行是网站页面元素"),
    ],
        output=[("标题: 某某市某某局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-20 15:22\n文号: \n发布机构: \n栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/zwgk/nb/202401/t20240120_1.htm\n本地目录: zwgk/nb/202401/1_某某市某某局2023年度政府信息公开工作年度报告\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n", "")])
    assert "页面信息" in got[0][2] and "发布时间" in got[0][2] and "网页存档说明" in got[0][2]
    _res, own = gx605.diagnostics(text)
    d = own[0]
    assert text[d.span.start:d.span.end] == ARCHIVE_HEAD.rstrip("\n")
    fixed, _ = apply_edits(text, d.fix.edits)
    # the whole header goes: the report has its own title, and its signature gives GX502 the same date
    assert fixed == report()
    # a signature of another date: the publication date GX502 reads stays (its line alone)
    text = ARCHIVE_HEAD + report(signature="某某市某某局\n2024年1月10日")
    _res, own = gx605.diagnostics(text)
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed == "发布时间: 2024-01-20 15:22\n" + report(signature="某某市某某局\n2024年1月10日")
    assert own[0].fix.safe and "保留发布时间" in own[0].fix.message and "发布期限" in own[0].fix.message


def _meta(text):
    from gxlint.engine import lint

    m = lint(text, "r.txt").doc.meta
    return m.title and " ".join(m.title.split()), m.organ, m.year, m.published


def test_archive_header_fix_keeps_the_only_title_and_the_date():
    """平潭 2022/2023: the 标题: line is the report's only title (organ, year, GX7 pairs) and 发布时间:
    is the date GX502 reads; the safe fix keeps both, and the lone date line left is an unsafe fix
    that says what it takes away."""
    body = report(title="", signature="")     # no title of its own, no signature
    text = ARCHIVE_HEAD + body
    before = _meta(text)
    assert before[0] == "某某市某某局2023年度政府信息公开工作年度报告" and before[3] == (2024, 1, 20)
    _res, own = gx605.diagnostics(text)
    fix = own[0].fix
    assert fix.safe and "保留报告标题、发布时间" in fix.message
    fixed, _ = apply_edits(text, fix.edits)
    assert fixed == "某某市某某局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-20 15:22\n" + body
    assert _meta(fixed) == before
    # what is left: the date line alone — reported, and its fix is not safe and says why
    got = gx605.invalid(fixed, [
        ("line", (2, 1), (2, 23), "这一行是网站页面元素（发布时间）"),
    ], output=[("发布时间: 2024-01-20 15:22\n", "")])
    _res, own = gx605.diagnostics(fixed)
    assert not own[0].fix.safe
    assert "会一并删掉发布时间，发布期限将无法核对" in own[0].fix.message
    assert got


def test_archive_header_fix_keeps_the_only_organ_of_a_source_line():
    text = "来源: 某某市某某局 浏览次数: 12\n" + report(title="", signature="2024年1月20日")
    org = _meta(text)[1]
    assert org == "某某市某某局"
    _res, own = gx605.diagnostics(text)
    assert not own[0].fix.safe and "发布机关（来源）" in own[0].fix.message


def test_metadata_words_inside_the_report_are_report_text():
    gx605.valid(report(opening="2023年，我局发布信息。\n公开方式：主动公开\n标题：关于印发某某办法的通知"))
    gx605.valid(report(opening="2023年，我局更新了栏目: 政务公开、政策解读等。"))
    gx605.valid(report(opening="2023年，我局推进政务公开。\n==== 正文 ===="))


def test_archive_lines_at_the_end_of_the_report():
    text = report(extra_end="原文链接: https://www.example.gov.cn/a.htm")
    gx605.invalid(text, [
        ("line", line_of(text, "原文链接"), (30, 39)),
    ], output=[("原文链接: https://www.example.gov.cn/a.htm\n", "")])


# --- GX605: page chrome inside a line of report text --------------------------------------

BODY = "根据《中华人民共和国政府信息公开条例》，编制本报告。"
CHROME_LINE = ("当前位置： 首页政务公开政府信息公开年报 某某市某某局2023年度政府信息公开工作年度报告 "
               "来源：某某市某某局 时间：2024-01-20 16:34 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> " + BODY)


def test_chrome_inside_a_body_line_is_reported_with_its_own_span_only():
    text = report(title=CHROME_LINE)
    got = gx605.invalid(text, [
        ("inline", (1, 1), (1, 21), "行内夹着网站页面元素"),
    ], output=[("当前位置： 首页政务公开政府信息公开年报 ", ""), ("来源：某某市某某局 时间：2024-01-20 16:34 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> ", "")])
    assert "“当前位置”导航" in got[0][2] and "来源、发布时间" in got[0][2]
    _res, own = gx605.diagnostics(text)
    d = own[0]
    assert text[d.span.start:d.span.end] == "当前位置： 首页政务公开政府信息公开年报"
    (rel,) = d.related
    assert text[rel.span.start:rel.span.end] == \
        "来源：某某市某某局 时间：2024-01-20 16:34 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： -->"
    fixed, _ = apply_edits(text, d.fix.edits)
    assert fixed.split("\n")[0] == "某某市某某局2023年度政府信息公开工作年度报告 " + BODY


@pytest.mark.parametrize("line", [
    "扫一扫在手机上查看当前页面某某市某某局2023年政府信息公开工作年度报告",
    "某某市某某局2023年政府信息公开工作年度报告 【打印本页】 【关闭窗口】",
    "某某市某某局2023年政府信息公开工作年度报告 浏览次数：128 字体：[ 大 中 小 ]",
])
def test_other_anchored_chrome_inside_a_line(line):
    text = report(title=line)
    got = gx605.positions(text)
    assert len(got) == 1 and got[0][0] == 1, got
    _res, own = gx605.diagnostics(text)
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert "某某市某某局2023年政府信息公开工作年度报告" in fixed.split("\n")[0]
    assert not {"扫一扫", "打印", "关闭", "浏览", "字体"} & {w for w in ("扫一扫", "打印", "关闭", "浏览", "字体")
                                                     if w in fixed.split("\n")[0]}


@pytest.mark.parametrize("opening", [
    "2023年，我局通过微信 微博 等平台发布信息120条，关注微信公众号的群众增多。",
    "2023年，我局在门户网站首页设置当前位置导航，方便群众查找。",
    "2023年，我局发布信息，信息来源：某某市某某局，均已审核。",
    "2023年，我局开通了微信、微博、QQ空间等账号，并设置了文字版页面。",
])
def test_report_sentences_about_wechat_or_sources_are_not_chrome(opening):
    gx605.valid(report(opening=opening))


def test_pingtan_2021_chrome_opens_the_body_line():
    text = open(os.path.join(CORPUS_REAL, "pingtan-2021.txt"), encoding="utf-8").read()
    got = gx605.positions(text)
    assert [(l, c) for l, c, _ in got] == [(1, 1), (10, 1)]
    _res, own = gx605.diagnostics(text)
    chrome = [d for d in own if d.data["message_id"] == "inline"][0]
    assert text[chrome.span.start:chrome.span.end] == "当前位置： 首页政务公开政府信息公开政府信息公开年报"
    assert "根据《中华人民共和国政府信息公开条例》" not in "".join(text[r.span.start:r.span.end] for r in chrome.related)


def test_a_breadcrumb_line_of_its_own_is_chrome():
    text = report(extra_top="当前位置：首页 > 政务公开 > 政府信息公开年报")
    gx605.invalid(text, [("inline", (1, 1), (1, 26), "“当前位置”导航")], output=[("当前位置：首页 > 政务公开 > 政府信息公开年报", "")])


def test_traditional_script_chrome_is_deleted_not_converted():
    # GX601 leaves the chrome to GX605 (overlapping edits would make --fix need two passes)
    from gxlint.fixes import fix_text
    from gxlint.engine import lint
    text = "報(bào)告來源:某局 發布時間:2024-01-14 累計次數:3"
    res = lint(text)
    d605 = [d for d in res.diagnostics if d.code == "GX605"]
    assert len(d605) == 1 and text[d605[0].span.start:d605[0].span.end] == "來源:某局 發布時間:2024-01-14 累計次數:3"
    assert not [d for d in res.diagnostics if d.code == "GX601" and d.fix and
                any(e.start >= d605[0].span.start for e in d.fix.edits)]
    assert fix_text(text)[0] == "報告"      # one traditional character left: GX601 only hints (unsafe)


def test_chrome_findings_are_bounded_on_hostile_input():
    text = "一、总体情况\n" + "当前位置：首页 正文 " * 5000
    _res, own = gx605.diagnostics(text)
    assert len(own) == 1 and len(own[0].related) < 100


def test_page_buttons_after_the_last_sentence_of_a_flattened_page():
    text = report(signature="某某市某某局 2024年1月20日。 附件下载")
    got = gx605.invalid(text, [("inline", line_of(text, "附件下载"), (28, 24))], output=[(" 附件下载", "")])
    _res, own = gx605.diagnostics(text)
    assert text[own[0].span.start:own[0].span.end] == "附件下载"
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed.endswith("某某市某某局 2024年1月20日。\n")
    # a sentence that mentions downloads is report text
    gx605.valid(report(signature="某某市某某局\n2024年1月20日", part6="群众可在网站提供的附件下载"))
