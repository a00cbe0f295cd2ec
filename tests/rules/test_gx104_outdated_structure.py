"""GX104 outdated-structure (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx1_structure import CLEAN

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx104_once_at_the_first_old_heading():
    # a 2017 report: the old format was the right one then — one note, not an error
    RuleTester("GX104").invalid(
        layout("pre2019.txt"),
        [
            ("old_year", (3, 1), (3, 5), "这是 2017 年度的报告，按 2019 年以前的旧格式编写（一、概述"),
        ],
    )
    (d,) = lint(layout("pre2019.txt"), None, Settings.from_options(None, select="GX104")).diagnostics
    assert d.severity.name == "INFORMATION"


def test_gx104_alone_no_cascade():
    res = lint(layout("pre2019.txt"), None, Settings.from_options(None, select="GX1,GX2,GX3"))
    assert [d.code for d in res.diagnostics] == ["GX104"]


def test_gx104_2019_or_later_in_the_old_structure_is_one_error():
    text = layout("old_structure_2020.txt")
    RuleTester("GX104").invalid(
        text,
        [
            (
                "old",
                (5, 1),
                (5, 5),
                "报告使用 2019 年以前的旧结构（一、概述、三、依申请公开政府信息情况、四、政府信息公开的收费及减免情况），应按现行格式的六个部分编写",
            ),
        ],
    )
    res = lint(text, None, Settings.from_options(None))
    assert [(d.code, d.severity.name) for d in res.diagnostics] == [("GX104", "ERROR")]
    # the same report on one line (a web page's text): one finding, at the first old heading
    one = text.replace("\n", " ")
    res = lint(one, None, Settings.from_options(None))
    assert [d.code for d in res.diagnostics] == ["GX104"]
    assert res.diagnostics[0].span.start == one.index("一、概述")
    RuleTester("GX104", lang="en").invalid(text, [("old", (5, 1), (5, 5), "the report uses the pre-2019 structure")])


def test_gx104_2008_to_2018_report_one_note_whatever_its_headings():
    # a 2012 report: only one of its headings is of the recognised old kinds, 一、基本情况 is neither
    text = layout("pre2019_2012.txt")
    RuleTester("GX104").invalid(
        text,
        [
            (
                "old_year",
                (12, 1),
                (12, 17),
                "这是 2012 年度的报告，按 2019 年以前的旧格式编写（三、依申请公开政府信息的办理情况）",
            ),
        ],
    )
    res = lint(text, None, Settings.from_options(None))
    assert [d.code for d in res.diagnostics] == ["GX104"]  # signed 2013-03-20: in time under the old 条例
    one = text.replace("\n", " ")
    assert [d.code for d in lint(one, None, Settings.from_options(None)).diagnostics] == ["GX104"]
    # no recognisable old heading at all: the note sits on the title
    plain = text.replace("三、依申请公开政府信息的办理情况", "三、办理申请")
    RuleTester("GX104").invalid(plain, [("old_year_plain", (1, 1), (1, 28), "这是 2012 年度的报告，早于现行格式")])
    assert [d.code for d in lint(plain, None, Settings.from_options(None)).diagnostics] == ["GX104"]


def test_gx104_late_old_report_measured_by_the_old_deadline():
    text = layout("pre2019_2012.txt").replace("2013年3月20日", "2013年4月20日")
    res = lint(text, None, Settings.from_options(None))
    assert [d.code for d in res.diagnostics] == ["GX104", "GX502"]
    assert "2013年3月31日" in res.diagnostics[1].message


def test_gx104_silent_for_current_structure():
    t = RuleTester("GX104")
    for name in ("pipe.txt", "v2019_signed.txt", "pdf.txt"):
        t.valid(layout(name))
    for p in ("000", "001", "002", "003", "004"):
        t.valid(seed(p))
    # a modern report mentioning one old-style phrase is not old
    t.valid(CLEAN.replace("一、总体情况\n", "一、总体情况\n概述\n"))
    t.valid(CLEAN.replace("\n", " ").replace("一、总体情况 ", "一、总体情况 概述 "))
    # a modern 2018 report (the six sections and the tables): not the old structure
    t.valid(CLEAN.replace("2023", "2018"))
