"""GX604 unbalanced-brackets (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

import os

import pytest
from gx6_mojibake_brackets_residue import _bracket_of
from gx6_wrapped_and_chrome import WRAPPED
from gx56_sample import line_of, read_seed, report

from gxlint.fixes import apply_edits
from gxlint.testing import RuleTester, where
from seedutil import CORPUS_REAL

gx604 = RuleTester("GX604")


def test_seed_000_line_12_doubled_opening_quote():
    seed = read_seed("000")
    got = gx604.positions(seed)
    assert [(l, c) for l, c, _ in got] == [(12, 64)] and "左引号" in got[0][2]
    res, own = gx604.diagnostics(seed)
    assert own[0].fix.safe
    fixed, _ = apply_edits(seed, own[0].fix.edits)
    assert "醒目“办不成事”反映窗口" in fixed
    gx604.valid(fixed)


def test_unclosed_and_unopened():
    text = report(opening="2023年，我局（以下简称本局推进政务公开。")
    gx604.invalid(text, [("unclosed", line_of(text, "（"), (4, 10), "左括号 （ 没有配对的 ）")])
    assert _bracket_of(text) == ["（"]
    text = report(opening="2023年，我局以下简称本局）推进政务公开。")
    gx604.invalid(text, [("unopened", line_of(text, "）"), (4, 16), "右括号 ） 前面没有配对的 （")])
    assert _bracket_of(text) == ["）"]
    text = report(opening="2023年，我局学习《条例推进政务公开。")
    gx604.invalid(text, [("unclosed", line_of(text, "《"), (4, 12), "书名号")])
    text = report(opening="2023年，我局坚持“应公开尽公开原则。")
    gx604.invalid(text, [("unclosed", line_of(text, "“"), (4, 12))])


@pytest.mark.parametrize(
    "line,ch", [("1》加强组织领导。", "》"), ("一”加强组织领导。", "”"), ("a》加强组织领导。", "》")]
)
def test_only_a_parenthesis_makes_a_list_marker(line, ch):
    # “1）”“一)” open a list item; a 书名号 or quotation mark after a number closes nothing
    text = report(opening=line)
    gx604.invalid(text, [("unopened", *where(text, ch), "前面没有配对的")])


def test_a_closer_whose_family_is_not_open_is_unopened_even_inside_another_bracket():
    text = report(opening="2023年（我局”推进政务公开）。")
    gx604.invalid(text, [("unopened", line_of(text, "”"), (4, 10), "右引号 ” 前面没有配对的 “")])


def test_a_list_marker_does_not_end_the_line_s_check():
    text = report(opening="1）加强《条例学习。")
    gx604.invalid(text, [("unclosed", line_of(text, "《"), (4, 6), "左书名号 《 没有配对的 》")])


def test_a_line_opening_with_another_family_s_closer_does_not_continue_the_bracket():
    # 《 is not closed by the next line's ）: both lines are reported (the 》 after it closes nothing)
    text = report(opening="2023年，我局学习《条例\n）推进》工作。")
    gx604.invalid(
        text,
        [
            ("unclosed", line_of(text, "《"), (4, 12)),
            ("unopened", line_of(text, "）"), (5, 2)),
        ],
    )


def test_a_doubled_title_mark_has_the_safe_fix_too():
    text = report(opening="2023年，我局学习《《条例》。")
    _res, own = gx604.diagnostics(text)
    assert [(d.fix.safe, apply_edits(text, d.fix.edits)[0]) for d in own] == [
        (True, report(opening="2023年，我局学习《条例》。"))
    ]


@pytest.mark.parametrize(
    "line",
    [
        "设置配备醒目“““办不成事”反映窗口。",  # three: not the typo of one doubled
        "2023年，我局（（以下简称本局）推进工作。",
    ],
)  # parentheses are not fixed
def test_only_an_exactly_doubled_quote_or_title_mark_is_fixed(line):
    _res, own = gx604.diagnostics(report(opening=line))
    assert own and all(d.fix is None for d in own)


def test_crossing_brackets():
    text = report(opening="2023年，我局学习（《条例）》。")
    got = gx604.positions(text)
    assert line_of(text, "《") in [(l, c) for l, c, _ in got]


@pytest.mark.parametrize(
    "fine",
    [
        "2023年，我局（以下简称“本局”）学习《条例》。",
        "2023年，我局(以下简称本局）推进工作。",  # mixed widths still pair
        "1）加强组织领导。",  # list markers
        "一)加强组织领导。",
        "2023年，依据《关于印发<年度报告格式>的通知》。",
        '2023年，我局坚持"应公开尽公开"原则。',  # straight quotes are not checked
    ],
)
def test_balanced_text(fine):
    gx604.valid(report(opening=fine))


def test_a_parenthesis_continued_on_the_next_line():
    gx604.valid(report(opening="2023年，共受理申请162件（含上年\n结转3件），全部按时答复。"))


def test_brackets_inside_mojibake_are_not_judged():
    gx604.valid(read_seed("002"))


def test_seed_001_line_13_unclosed_parenthesis():
    # （地址:…,电话:0851-33231880。 — the parenthesis is never closed: a real finding
    got = gx604.positions(read_seed("001"))
    assert [(l, c) for l, c, _ in got] == [(13, 78)]


def test_seed_003_corner_note_is_balanced_as_written():
    # EXPECTED.md says line 30's corner note opens “(” and never closes it; the file has
    # “(本列数据的勾稽关系为：…之和)” — closed on the same line.  GX604 must not invent a finding.
    line30 = read_seed("003").split("\n")[29]
    assert line30.startswith("(本列数据的勾稽关系为") and line30.count("(") == line30.count(")") == 1
    gx604.valid(read_seed("003"))


def test_brackets_and_quotes_closing_on_a_later_wrapped_line_are_balanced():
    gx604.valid(WRAPPED)
    gx604.valid(WRAPPED.replace("\n", "\r\n"))


def test_the_same_text_unwrapped_at_a_short_line_still_reports():
    # the line with （地址： is short: its author ended it there, so the bracket is never closed
    text = WRAPPED.replace("洪泽湖大道 90\n", "洪泽湖大道 90。\n")
    gx604.invalid(
        text,
        [
            ("unclosed", line_of(text, "（地址"), (7, 13), "左括号 （ 没有配对的 ）"),
            ("unopened", line_of(text, "）。"), (9, 16), "右括号 ） 前面没有配对的 （"),
        ],
    )


def test_an_unclosed_quote_in_a_wrapped_paragraph_is_reported_once_at_the_quote():
    text = WRAPPED.replace("先审后发”程序", "先审后发程序")
    gx604.invalid(text, [("unclosed", line_of(text, "“分"), (12, 28), "左引号 “ 没有配对的 ”")])


def test_a_page_number_does_not_end_a_paragraph_but_a_short_line_does():
    text = WRAPPED.replace("严格执行“分\n", "严格执行“分。\n")  # the line now ends a sentence
    gx604.invalid(
        text,
        [
            ("unclosed", line_of(text, "“分"), (12, 28), "左引号"),
            ("unopened", line_of(text, "”程序"), (14, 10), "右引号"),
        ],
    )


def test_seed_000_doubled_quote_still_found_and_seed_003_silent():
    assert [(l, c) for l, c, _ in gx604.positions(read_seed("000"))] == [(12, 64)]  # the doubled “ of ““办不成事”
    gx604.valid(read_seed("003"))


def test_hongze_pdf_text_has_no_unbalanced_bracket():
    gx604.valid(open(os.path.join(CORPUS_REAL, "hongze-2023.txt"), encoding="utf-8").read())
