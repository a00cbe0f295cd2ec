import pytest
from gx6_mojibake_brackets_residue import SRC
from gx56_sample import line_of, report

from gxlint.testing import RuleTester

gx603 = RuleTester("GX603")
gx604 = RuleTester("GX604")
gx605 = RuleTester("GX605")


@pytest.mark.parametrize(
    "fine",
    [
        "2023年，我局喆堃珺犇鑫淼焱垚等同志参加培训。",  # rare characters of names
        "2023年，群众问：怎样申请?我局当场答复。",  # a question mark after a question
        "2023年，依据《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》。",  # seed 004 line 5
        "2023年，访问 http://www.example.gov.cn/index.html?id=5 查询。",
        "2023年，我局认真(zhēn)贯彻落实。",  # pinyin is GX602's
    ],
)
def test_normal_text_is_not_mojibake(fine):
    gx603.valid(report(opening=fine))


def test_brackets_after_a_page_residue_line_are_still_checked():
    # the residue line is GX605's (its brackets are not judged); the next line's are GX604's
    text = report(extra_top="标题：某某市某某局（年报", title="某某市某某局《2023年政府信息公开工作年度报告")
    gx605.invalid(text, [("line", (1, 1), (1, 13))], output=[("标题：某某市某某局（年报\n", "")])
    gx604.invalid(text, [("unclosed", line_of(text, "《"), (2, 8))])


def test_an_opening_mark_at_the_very_end_of_the_text():
    text = report(extra_end="附件《").rstrip("\n")
    res, own = gx604.diagnostics(text)
    assert [(d.code, text[d.span.start : d.span.end]) for d in res.diagnostics if d.code in ("GX001", "GX604")] == [
        ("GX604", "《")
    ]


def test_english_messages():
    text = report(opening="2023年，我局（以下简称本局推进政务公开。", extra_end="扫一扫在手机上查看当前页面")
    assert "opening parenthesis （ is never closed by ）" in RuleTester("GX604", lang="en").positions(text)[0][2]
    assert "web page residue" in RuleTester("GX605", lang="en").positions(text)[0][2]
    moj = report(opening="2023年，我局" + SRC.encode("utf-8").decode("gb18030", "ignore") + "。")
    assert "UTF-8 text decoded as GBK" in RuleTester("GX603", lang="en").positions(moj)[0][2]
