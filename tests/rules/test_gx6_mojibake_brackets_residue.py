"""GX603 mojibake, GX604 unbalanced-brackets, GX605 page-residue."""
import pytest

from gxlint.fixes import apply_edits
from gxlint.testing import RuleTester, where

from gx56_sample import line_of, read_seed, report

gx603 = RuleTester("GX603")
gx604 = RuleTester("GX604")
gx605 = RuleTester("GX605")

SRC = "政府信息公开工作年度报告"


# --- GX603 -------------------------------------------------------------------------------

def test_seed_002_line_14_double_decoding():
    got = gx603.positions(read_seed("002"))
    assert (14, 581) in [(l, c) for l, c, _ in got]
    msg = [m for l, c, m in got if l == 14][0]
    assert "?!薄胺旨?jí)" in msg
    assert len([1 for l, _, _ in got if l == 14]) == 1     # the second damaged span of line 14 is related info


@pytest.mark.parametrize("damaged,kind", [
    (SRC.encode("utf-8").decode("gb18030", "ignore"), "GBK"),
    (SRC.encode("utf-8").decode("cp1252", "ignore"), "Latin-1"),
    ("政府信息\ufffd\ufffd公开", "替换字符"),
    ("锟斤拷锟斤拷", "替换字符"),
    ("主动公开</p><p>政府信息", "HTML"),
    ("主动公开&nbsp;&nbsp;政府信息", "HTML"),
    ("“三审三?!薄胺旨?jí)审核", "问号"),
    ("公开鍏?紑工作", "问号"),
])
def test_damage_of_every_kind(damaged, kind):
    text = report(opening="2023年，我局" + damaged + "，推进政务公开。")
    got = gx603.positions(text)
    assert len(got) == 1 and got[0][0] == line_of(text, "2023年，我局")[0] and kind in got[0][2], got


def test_gbk_damage_says_what_the_bytes_read():
    text = report(opening="2023年，我局" + SRC.encode("utf-8").decode("gb18030", "ignore") + "。")
    assert "政府信息" in gx603.positions(text)[0][2]


@pytest.mark.parametrize("fine", [
    "2023年，我局喆堃珺犇鑫淼焱垚等同志参加培训。",          # rare characters of names
    "2023年，群众问：怎样申请?我局当场答复。",               # a question mark after a question
    "2023年，依据《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》。",   # seed 004 line 5
    "2023年，访问 http://www.example.gov.cn/index.html?id=5 查询。",
    "2023年，我局认真(zhēn)贯彻落实。",                     # pinyin is GX602's
])
def test_normal_text_is_not_mojibake(fine):
    gx603.valid(report(opening=fine))


def test_simplified_seeds_have_no_mojibake():
    for seed in ("000", "001", "003", "004"):
        gx603.valid(read_seed(seed))


# --- GX604 -------------------------------------------------------------------------------

def test_seed_000_line_12_doubled_opening_quote():
    seed = read_seed("000")
    got = gx604.positions(seed)
    assert [(l, c) for l, c, _ in got] == [(12, 64)] and "左引号" in got[0][2]
    res, own = gx604.diagnostics(seed)
    assert own[0].fix.safe
    fixed, _ = apply_edits(seed, own[0].fix.edits)
    assert "醒目“办不成事”反映窗口" in fixed
    gx604.valid(fixed)


def _bracket_of(text):
    """The text each GX604 finding covers."""
    _res, own = gx604.diagnostics(text)
    return [text[d.span.start:d.span.end] for d in own]


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


@pytest.mark.parametrize("line,ch", [("1》加强组织领导。", "》"), ("一”加强组织领导。", "”"), ("a》加强组织领导。", "》")])
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
    gx604.invalid(text, [
        ("unclosed", line_of(text, "《"), (4, 12)),
        ("unopened", line_of(text, "）"), (5, 2)),
    ])


def test_brackets_after_a_page_residue_line_are_still_checked():
    # the residue line is GX605's (its brackets are not judged); the next line's are GX604's
    text = report(extra_top="标题：某某市某某局（年报", title="某某市某某局《2023年政府信息公开工作年度报告")
    gx605.invalid(text, [("line", (1, 1), (1, 13))], output=[("标题：某某市某某局（年报\n", "")])
    gx604.invalid(text, [("unclosed", line_of(text, "《"), (2, 8))])


def test_an_opening_mark_at_the_very_end_of_the_text():
    text = report(extra_end="附件《").rstrip("\n")
    res, own = gx604.diagnostics(text)
    assert [(d.code, text[d.span.start:d.span.end]) for d in res.diagnostics if d.code in ("GX001", "GX604")] == [
        ("GX604", "《")]


def test_a_doubled_title_mark_has_the_safe_fix_too():
    text = report(opening="2023年，我局学习《《条例》。")
    _res, own = gx604.diagnostics(text)
    assert [(d.fix.safe, apply_edits(text, d.fix.edits)[0]) for d in own] == [
        (True, report(opening="2023年，我局学习《条例》。"))]


@pytest.mark.parametrize("line", ["设置配备醒目“““办不成事”反映窗口。",      # three: not the typo of one doubled
                                  "2023年，我局（（以下简称本局）推进工作。"])      # parentheses are not fixed
def test_only_an_exactly_doubled_quote_or_title_mark_is_fixed(line):
    _res, own = gx604.diagnostics(report(opening=line))
    assert own and all(d.fix is None for d in own)


def test_crossing_brackets():
    text = report(opening="2023年，我局学习（《条例）》。")
    got = gx604.positions(text)
    assert line_of(text, "《") in [(l, c) for l, c, _ in got]


@pytest.mark.parametrize("fine", [
    "2023年，我局（以下简称“本局”）学习《条例》。",
    "2023年，我局(以下简称本局）推进工作。",                 # mixed widths still pair
    "1）加强组织领导。",                                    # list markers
    "一)加强组织领导。",
    "2023年，依据《关于印发<年度报告格式>的通知》。",
    '2023年，我局坚持"应公开尽公开"原则。',                 # straight quotes are not checked
])
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


# --- GX605 -------------------------------------------------------------------------------

def test_seeds():
    assert [p[0] for p in gx605.positions(read_seed("002"))] == [2]
    assert [p[0] for p in gx605.positions(read_seed("004"))] == [3, 84]
    for seed in ("000", "001", "003"):
        gx605.valid(read_seed(seed))


@pytest.mark.parametrize("line", [
    "来源：某某市某某局 发布时间：2024-01-14 浏览次数：128 字体：[ 大 中 小 ]",
    "扫一扫在手机打开当前页",
    "【打印本页】 【关闭窗口】",
    "字号：大 中 小",
    "发布时间：2024-01-14 10:30",
    "【字体：大 中 小】【打印】【关闭】",
])
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


def test_seed_003_corner_note_is_balanced_as_written():
    # EXPECTED.md says line 30's corner note opens “(” and never closes it; the file has
    # “(本列数据的勾稽关系为：…之和)” — closed on the same line.  GX604 must not invent a finding.
    line30 = read_seed("003").split("\n")[29]
    assert line30.startswith("(本列数据的勾稽关系为") and line30.count("(") == line30.count(")") == 1
    gx604.valid(read_seed("003"))


def test_english_messages():
    text = report(opening="2023年，我局（以下简称本局推进政务公开。", extra_end="扫一扫在手机上查看当前页面")
    assert "opening parenthesis （ is never closed by ）" in RuleTester("GX604", lang="en").positions(text)[0][2]
    assert "web page residue" in RuleTester("GX605", lang="en").positions(text)[0][2]
    moj = report(opening="2023年，我局" + SRC.encode("utf-8").decode("gb18030", "ignore") + "。")
    assert "UTF-8 text decoded as GBK" in RuleTester("GX603", lang="en").positions(moj)[0][2]
