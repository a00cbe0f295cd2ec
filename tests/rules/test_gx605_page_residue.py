"""GX605 page-residue (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

import os

import pytest
from gx6_wrapped_and_chrome import BODY, CHROME_LINE, _meta
from gx56_sample import line_of, read_seed, report

from gxlint.fixes import apply_edits
from gxlint.testing import RuleTester, where
from seedutil import CORPUS_REAL

gx605 = RuleTester("GX605")


def test_seeds():
    assert [p[0] for p in gx605.positions(read_seed("002"))] == [2]
    assert [p[0] for p in gx605.positions(read_seed("004"))] == [3, 84]
    for seed in ("000", "001", "003"):
        gx605.valid(read_seed(seed))


@pytest.mark.parametrize(
    "line",
    [
        "来源：某某市某某局 发布时间：2024-01-14 浏览次数：128 字体：[ 大 中 小 ]",
        "扫一扫在手机打开当前页",
        "【打印本页】 【关闭窗口】",
        "字号：大 中 小",
        "发布时间：2024-01-14 10:30",
        "【字体：大 中 小】【打印】【关闭】",
    ],
)
def test_residue_lines(line):
    text = report(extra_end=line)
    gx605.invalid(text, [("line", *where(text, line))], output=[(line + "\n", "")])


def test_source_only_lines_count_at_the_edges_only():
    text = report(extra_top="来源：某某市某某局")
    gx605.invalid(text, [("line", (1, 1), (1, 10))], output=[("来源：某某市某某局\n", "")])
    # inside the report, “信息来源：…” is report text
    gx605.valid(report(opening="2023年，我局发布信息。\n信息来源：某某市某某局"))
    gx605.valid(report(opening="2023年，我局在门户网站设置了打印本页和关闭窗口功能。"))
    # a bare 打印 / 关闭 line inside the report is a word, not a page button
    gx605.valid(report(opening="2023年，我局发布信息。\n关闭\n推进政务公开。"))


def test_fix_deletes_exactly_the_line():
    text = report(extra_top="来源：某某市某某局 发布时间：2024-01-14 累计次数：3")
    res, own = gx605.diagnostics(text)
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed == report()
    # the last line, without a final line break
    seed = read_seed("004")
    res, own = gx605.diagnostics(seed)
    fixed, _ = apply_edits(seed, [e for d in own for e in d.fix.edits])
    assert fixed.rstrip().endswith("2024年1月2日") and "扫一扫" not in fixed and "来源" not in fixed
    assert fixed.count("\n") == seed.count("\n") - 2


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
    gx605.invalid(
        text,
        [
            ("line", line_of(text, "原文链接"), (30, 39)),
        ],
        output=[("原文链接: https://www.example.gov.cn/a.htm\n", "")],
    )


def test_chrome_inside_a_body_line_is_reported_with_its_own_span_only():
    text = report(title=CHROME_LINE)
    got = gx605.invalid(
        text,
        [
            ("inline", (1, 1), (1, 21), "行内夹着网站页面元素"),
        ],
        output=[
            ("当前位置： 首页政务公开政府信息公开年报 ", ""),
            ("来源：某某市某某局 时间：2024-01-20 16:34 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> ", ""),
        ],
    )
    assert "“当前位置”导航" in got[0][2] and "来源、发布时间" in got[0][2]
    _res, own = gx605.diagnostics(text)
    d = own[0]
    assert text[d.span.start : d.span.end] == "当前位置： 首页政务公开政府信息公开年报"
    (rel,) = d.related
    assert (
        text[rel.span.start : rel.span.end]
        == "来源：某某市某某局 时间：2024-01-20 16:34 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： -->"
    )
    fixed, _ = apply_edits(text, d.fix.edits)
    assert fixed.split("\n")[0] == "某某市某某局2023年度政府信息公开工作年度报告 " + BODY


@pytest.mark.parametrize(
    "line",
    [
        "扫一扫在手机上查看当前页面某某市某某局2023年政府信息公开工作年度报告",
        "某某市某某局2023年政府信息公开工作年度报告 【打印本页】 【关闭窗口】",
        "某某市某某局2023年政府信息公开工作年度报告 浏览次数：128 字体：[ 大 中 小 ]",
    ],
)
def test_other_anchored_chrome_inside_a_line(line):
    text = report(title=line)
    got = gx605.positions(text)
    assert len(got) == 1 and got[0][0] == 1, got
    _res, own = gx605.diagnostics(text)
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert "某某市某某局2023年政府信息公开工作年度报告" in fixed.split("\n")[0]
    assert not {"扫一扫", "打印", "关闭", "浏览", "字体"} & {
        w for w in ("扫一扫", "打印", "关闭", "浏览", "字体") if w in fixed.split("\n")[0]
    }


@pytest.mark.parametrize(
    "opening",
    [
        "2023年，我局通过微信 微博 等平台发布信息120条，关注微信公众号的群众增多。",
        "2023年，我局在门户网站首页设置当前位置导航，方便群众查找。",
        "2023年，我局发布信息，信息来源：某某市某某局，均已审核。",
        "2023年，我局开通了微信、微博、QQ空间等账号，并设置了文字版页面。",
    ],
)
def test_report_sentences_about_wechat_or_sources_are_not_chrome(opening):
    gx605.valid(report(opening=opening))


def test_pingtan_2021_chrome_opens_the_body_line():
    text = open(os.path.join(CORPUS_REAL, "pingtan-2021.txt"), encoding="utf-8").read()
    got = gx605.positions(text)
    assert [(l, c) for l, c, _ in got] == [(1, 1), (10, 1)]
    _res, own = gx605.diagnostics(text)
    chrome = [d for d in own if d.data["message_id"] == "inline"][0]
    assert text[chrome.span.start : chrome.span.end] == "当前位置： 首页政务公开政府信息公开政府信息公开年报"
    assert "根据《中华人民共和国政府信息公开条例》" not in "".join(
        text[r.span.start : r.span.end] for r in chrome.related
    )


def test_a_breadcrumb_line_of_its_own_is_chrome():
    text = report(extra_top="当前位置：首页 > 政务公开 > 政府信息公开年报")
    gx605.invalid(
        text,
        [("inline", (1, 1), (1, 26), "“当前位置”导航")],
        output=[("当前位置：首页 > 政务公开 > 政府信息公开年报", "")],
    )


def test_chrome_findings_are_bounded_on_hostile_input():
    text = "一、总体情况\n" + "当前位置：首页 正文 " * 5000
    _res, own = gx605.diagnostics(text)
    assert len(own) == 1 and len(own[0].related) < 100


def test_page_buttons_after_the_last_sentence_of_a_flattened_page():
    text = report(signature="某某市某某局 2024年1月20日。 附件下载")
    gx605.invalid(text, [("inline", line_of(text, "附件下载"), (28, 24))], output=[(" 附件下载", "")])
    _res, own = gx605.diagnostics(text)
    assert text[own[0].span.start : own[0].span.end] == "附件下载"
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed.endswith("某某市某某局 2024年1月20日。\n")
    # a sentence that mentions downloads is report text
    gx605.valid(report(signature="某某市某某局\n2024年1月20日", part6="群众可在网站提供的附件下载"))
