"""GX105 item-numbering: sub-items of the prose sections that skip or repeat a number, one level
numbered in two ways, a sub-heading numbered like a section — and silence wherever the numbering
is only unusual (nested runs, runs that do not start at 1, references, tables, dates, decimals)."""

import os

from gx56_sample import line_of, report

from gxlint.testing import RuleTester

gx105 = RuleTester("GX105")
REAL = os.path.join(os.path.dirname(__file__), "..", "fixtures", "corpus_real")

TEMPLATE_SUBHEADS = [
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
]


def part1(*lines: str) -> str:
    return report(opening="\n".join(lines))


def subheads(*heads: str) -> list[str]:
    out = []
    for h in heads:
        out += [h, "全年完成各项工作。"]
    return out


# --- it fires --------------------------------------------------------------------------------


def test_a_skipped_sub_item():
    text = part1(*subheads("（一）主动公开", "（二）依申请公开", "（四）政府信息管理"))
    gx105.invalid(text, [("skip", line_of(text, "（四）"), (8, 4), "编号从“（二）”跳到了“（四）”，中间缺少“（三）”")])


def test_a_repeated_sub_item():
    text = part1(*subheads("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（三）平台建设"))
    gx105.invalid(
        text,
        [("repeat", line_of(text, "（三）", 1), (10, 4), "编号“（三）”重复了（上一项也是“（三）”），应为“（四）”")],
    )


def test_one_level_numbered_two_ways():
    text = part1(*subheads("（一）主动公开", "2.依申请公开", "（三）政府信息管理"))
    gx105.invalid(
        text, [("mixed", line_of(text, "2."), (6, 3), "“2.”与同一层的“（一）”“（三）”编号方式不同，应为“（二）”")]
    )


def test_a_sub_heading_numbered_like_a_section():
    text = part1(
        "2023年，我局推进政务公开工作。",
        "二、主动公开情况",
        "全年主动公开信息50条。",
        "三、依申请公开情况",
        "本年度未收到申请。",
    )
    found = gx105.invalid(
        text, [("top", line_of(text, "二、主动公开情况"), (5, 3), "“二、主动公开情况”是“一、总体情况”部分里的小标题")]
    )
    assert "应为“（二）”" in found[0][2]
    (d,) = gx105.diagnostics(text)[1]
    assert len(d.related) == 1  # 三、依申请公开情况, as related information


def test_enumerations_in_the_text():
    text = report(
        opening="我局认真落实条例。",
        part6="存在以下问题：一是公开不够及时；三是解读形式单一；三是互动不足。无其他需要报告的事项。",
    )
    # 一是 … 三是 … 三是: one finding, at the first 三是 (the slip; the second is right)
    gx105.invalid(
        text, [("misnumbered", line_of(text, "三是"), (27, 19), "“三是”应为“二是”（上一项是“一是”，下一项也是“三是”）")]
    )
    text = report(
        opening="我局认真落实条例。", part6="存在以下问题：一是公开不够及时；三是解读形式单一。无其他需要报告的事项。"
    )
    gx105.invalid(text, [("skip", line_of(text, "三是"), (27, 19), "编号从“一是”跳到了“三是”，中间缺少“二是”")])


def test_arabic_and_circled_runs():
    text = part1("（一）主动公开", "1.门户网站公开。", "2.政务新媒体公开。", "4.公开栏公开。")
    gx105.invalid(text, [("skip", line_of(text, "4."), (7, 3))])
    text = part1("主要做法：①健全制度；②加强审核；②强化监督。")
    gx105.invalid(text, [("repeat", line_of(text, "②", 1), (4, 19))])


def test_one_line_page():
    text = (
        "某某局2023年政府信息公开工作年度报告 一、总体情况 （一）主动公开 全年公开信息50条。（二）依申请公开 "
        "未收到申请。（四）政府信息管理 加强管理。 二、主动公开政府信息情况 ……\n"
    )
    gx105.invalid(text, [("skip", line_of(text, "（四）"), (1, 65))])


# --- it stays silent -------------------------------------------------------------------------


def test_the_template_sub_headings():
    gx105.valid(part1(*subheads(*TEMPLATE_SUBHEADS)))


def test_nested_runs_count_afresh_under_each_parent():
    gx105.valid(
        part1(
            "（一）主动公开",
            "1.门户网站。",
            "2.新媒体。",
            "（二）依申请公开",
            "1.受理。",
            "2.答复。",
            "（三）政府信息管理",
            "一是健全制度，二是加强审核，三是强化监督。",
        )
    )


def test_continuous_numbering_across_parents_and_nested_runs_of_one_system():
    gx105.valid(part1("（一）主动公开", "1.门户网站。", "2.新媒体。", "（二）依申请公开", "3.受理。", "4.答复。"))
    gx105.valid(part1("1.主动公开", "1.门户网站。", "2.新媒体。", "2.依申请公开", "3.政府信息管理"))


def test_runs_that_do_not_start_at_one_and_restarts():
    gx105.valid(part1(*subheads("（二）依申请公开", "（四）政府信息管理")))  # the first item is not numbered
    gx105.valid(part1("存在问题：1.公开不及时。2.解读不足。", "改进措施：1.加强审核。2.丰富形式。"))
    gx105.valid(part1("1.门户网站。", "1.新媒体。", "1.公开栏。"))  # Markdown's 1. 1. 1.


def test_a_missing_number_written_some_other_way_is_not_a_skip():
    # （四） right after a closing bracket, 二\n是 broken by a PDF line: there, only not where an item starts
    gx105.valid(
        part1(
            "（一）主动公开。（二）依申请公开。（三）依申请公开情况（属于已主动公开的1条）（四）加强监督管理。（五）完善新媒体。"
        )
    )
    gx105.valid(report(opening="一是公开财政预算。二\n是公开减税降费政策。三是公开政府采购。"))


def test_references_dates_decimals_and_quotes():
    gx105.valid(
        part1(
            "根据《条例》第二十条第（一）项、第（五）项规定，公开率达99.5%。",
            "全年1、2月份公开信息3.5万条，（三）季度以后逐月公开。",
            "印发《关于（一）（三）项工作的通知》。",
            "一、二季度公开信息较多。",
        )
    )


def test_tables_are_not_looked_at():
    # table 三's row labels are numbered (一、 （一） 1.): never sub-items
    gx105.valid(report())
    text = part1(
        "（一）主动公开", "全年公开信息。", "统计项目 | 数量", "（三）公开 | 5", "（二）依申请公开", "未收到申请。"
    )
    gx105.valid(text)


# --- the real reports ------------------------------------------------------------------------


def test_the_real_reports():
    pingtan23 = open(os.path.join(REAL, "pingtan-2023.txt"), encoding="utf-8").read()
    # section 五: 存在的问题主要有以下几个方面：一是……；三是……；三是……
    gx105.invalid(pingtan23, [("misnumbered", line_of(pingtan23, "三是开拓创新"), (10, 2781))])
    names = sorted(f for f in os.listdir(REAL) if f.endswith(".txt") and f != "pingtan-2023.txt")
    seeds = os.path.join(os.path.dirname(__file__), "..", "fixtures", "seeds")
    paths = [os.path.join(REAL, n) for n in names] + [
        os.path.join(seeds, n) for n in sorted(os.listdir(seeds)) if n.endswith(".txt")
    ]
    assert len(paths) == 15
    for p in paths:
        gx105.valid(open(p, encoding="utf-8").read())


def test_a_section_heading_the_parser_missed_is_not_a_sub_heading():
    # 五、 in section 六 and no section 五 anywhere: it may be that section's heading, misplaced
    text = report(part6="本年度未收取信息处理费。\n五、存在的问题\n宣传力度还不够。").replace(
        "五、存在的主要问题及改进情况\n宣传力度还不够。\n", ""
    )
    gx105.valid(text)
    # … and with section 五 in its place, it is a sub-heading of 六 numbered like a section
    text = report(part6="本年度未收取信息处理费。\n五、存在的问题\n宣传力度还不够。")
    gx105.invalid(text, [("top", line_of(text, "五、存在的问题"), (28, 3))])
