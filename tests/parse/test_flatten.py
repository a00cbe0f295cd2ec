"""Flattened tables (gxlint.parse.tables.repairs.flatten): glued digit runs cut out of label words and split into
cells by what the row itself allows; the column identities only for rows that leaves ambiguous,
and then never checked; a row that cannot be split with certainty is unreadable (GX207)."""

from __future__ import annotations

import os

import pytest

from gxlint import synth
from gxlint.engine import lint
from gxlint.identities import ASSUMED, all_identities
from gxlint.lsp.hover import hover_markdown
from gxlint.parse import parse
from gxlint.parse.normalize import NormText
from gxlint.parse.tables import NUM, TEXT, tokenize
from gxlint.parse.tables.numbers import cell_ok
from gxlint.parse.tables.repairs.flatten import GLUED, retokenize, split_row, t3_groups, t4_groups
from seedutil import CORPUS_REAL

T3 = ("np", "ce", "ri", "sw", "ls", "ot", "tot")
T4 = tuple(f"{g}.{p}" for g in ("rv", "ld", "lr") for p in ("keep", "fix", "oth", "pend", "tot"))


def plain_ok(n):
    return [lambda s: cell_ok(s)] * n


def cells(pieces, sp):
    return [pieces[pi][a:b] for pi, a, b in sp.cells]


# --- cutting words -----------------------------------------------------------------------


def test_retokenize_cuts_digit_runs_and_keeps_the_next_labels_enumerator():
    text = "1.属于国家秘密00000002.其他法律行政法规禁止公开1000001（七）总计 2021年"
    norm = NormText(text)
    toks, cut = retokenize(tokenize(norm, 0, len(text)), norm.text)
    assert cut == 1
    assert [(t.kind, t.text) for t in toks] == [
        (TEXT, "1.属于国家秘密"),
        (NUM, "0000000"),
        (TEXT, "2.其他法律行政法规禁止公开"),
        (NUM, "1000001"),
        (TEXT, "(七)总计"),
        (TEXT, "2021年"),
    ]


def test_retokenize_leaves_prose_numbers_and_article_numbers_as_text():
    text = "共收到申请47件第20条"
    norm = NormText(text)
    toks, cut = retokenize(tokenize(norm, 0, len(text)), norm.text)
    assert cut == 0 and [t.kind for t in toks] == [TEXT]


# --- splitting a row -----------------------------------------------------------------------


def test_cell_ok():
    assert cell_ok("0") and cell_ok("17") and not cell_ok("07") and not cell_ok("00")
    assert not cell_ok("-3") and cell_ok("-3", signed=True) and not cell_ok("-0", signed=True)
    assert cell_ok("+3", signed=True) and not cell_ok("+3")
    assert not cell_ok("2.5") and cell_ok("2.5", decimal=True) and not cell_ok("02.5", decimal=True)
    assert not cell_ok("2.", decimal=True) and not cell_ok("")


def test_a_row_of_single_digits_splits_by_count_alone():
    sp = split_row(["0000000"], 7, plain_ok(7), t3_groups(T3))
    assert cells(["0000000"], sp) == ["0"] * 7
    assert sp.assumed == ()  # the row total was not needed: it stays checkable
    assert sp.recovered == set(range(7))


def test_the_row_total_decides_and_is_then_assumed():
    p = ["801000081"]
    sp = split_row(p, 7, plain_ok(7), t3_groups(T3))
    assert cells(p, sp) == ["80", "1", "0", "0", "0", "0", "81"]
    assert sp.assumed == ("T3.rowsum",)


def test_spaces_that_survive_are_cell_borders():
    p = ["200", "000121"]
    sp = split_row(p, 7, plain_ok(7), t3_groups(T3))
    assert cells(p, sp) == ["20", "0", "0", "0", "0", "1", "21"]
    p = ["23", "0", "00", "0", "023"]
    assert cells(p, split_row(p, 7, plain_ok(7), t3_groups(T3))) == ["23", "0", "0", "0", "0", "0", "23"]


def test_two_splits_that_both_add_up_leave_the_row_unreadable():
    # 27|0|0|2|0|1|30 and 2|7|0|0|20|1|30
    sp = split_row(["270020130"], 7, plain_ok(7), t3_groups(T3))
    assert sp.cells is None and sp.reason == GLUED and len(sp.candidates) == 2


def test_no_split_at_all_is_unreadable():
    assert split_row(["12"], 7, plain_ok(7), t3_groups(T3)).reason == GLUED


def test_signed_and_decimal_columns():
    oks = [lambda s: cell_ok(s), lambda s: cell_ok(s, signed=True)]
    p = ["35-15"]
    assert cells(p, split_row(p, 2, oks)) == ["35", "-15"]
    p = ["12+3"]
    assert cells(p, split_row(p, 2, oks)) == ["12", "+3"]
    p = ["24252.311082"]
    assert cells(p, split_row(p, 1, [lambda s: cell_ok(s, decimal=True)])) == ["24252.311082"]
    # table 二 has no totals: several splits, unreadable
    assert split_row(["693665"], 3, plain_ok(3)).reason == GLUED


def test_table_four_groups():
    p = ["10203120001200000"]
    sp = split_row(p, 15, plain_ok(15), t4_groups(T4))
    assert cells(p, sp) == ["1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"]


@pytest.mark.parametrize("digits", [309, 400, 2000])
def test_a_huge_run_ends_as_unreadable_not_a_hang(digits):
    sp = split_row(["1" * digits], 7, plain_ok(7), t3_groups(T3))
    assert sp.cells is None and sp.reason == GLUED
    sp = split_row(["10" * (digits // 2)], 15, plain_ok(15), t4_groups(T4))
    assert sp.cells is None


# --- tables --------------------------------------------------------------------------------

T3_2020 = (
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况"
    "自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量200 000121"
    "二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开6000017（二）部分公开（区分处理的，只计这一情形，"
    "不计其他情形）6000006（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”"
    "00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷"
    "00000008.属于行政查询事项0000000三、本年度办理结果（四）无法提供1.本机关不掌握相关政府信息40000042.没有现成信息需要"
    "另行制作00000003.补正后申请内容仍不明确3000003（五）不予处理1.信访举报投诉类申请00000002.重复申请30000033.要求提供"
    "公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理4 0 0 0 0 0 4"
    "（七）总计20 0 00 0 121四、结转下年度继续办理 0 0 00 00 0"
)

T3_2021 = (
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况"
    "自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量640020470"
    "二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开270020130（二）部分公开（区分处理的，只计这一"
    "情形，不计其他情形）500000 5（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”"
    "00000004.保护第三方合法权益00000005.属于三类内部事务信息10000016.属于四类过程性信息00000007.属于行政执法案卷6000006"
    "8.属于行政查询事项1000001（四）无法提供1.本机关不掌握相关政府信息2200003252.没有现成信息需要另行制作0000000"
    "3.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物0000000"
    "4.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期不补正、"
    "行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    "00000003.其他1000001（七）总计630020469四、结转下年度继续办理1000001"
)


def test_flattened_table_reads_and_its_outcome_total_is_checked():
    """Outcome rows adding up to 27 against a （七）总计 of 21: the rows are split by their own
    cell counts and totals, never by the outcome identity, so GX302 says so."""
    doc = parse(T3_2020)
    t = doc.tables["t3"]
    assert t.layout == "flattened" and t.unreadable is None and not t.missing and not t.assumed
    assert [c.value for c in t.rows["r1"].cells] == [20, 0, 0, 0, 0, 1, 21]
    assert [c.value for c in t.rows["r3_7"].cells] == [20, 0, 0, 0, 0, 1, 21]
    assert all(c.recovered for c in t.rows["r3_1"].cells)
    assert t.rows["r3_6"].cells[0].how != "split"  # "4 0 0 0 0 0 4": its own cells (cut off its label)
    res = lint(T3_2020)
    codes = [d.code for d in res.diagnostics]
    assert not {"GX103", "GX203", "GX204", "GX205", "GX207"} & set(codes)
    gx302 = [d for d in res.diagnostics if d.code == "GX302"]
    assert any("总计列为 21" in d.message and "27" in d.message for d in gx302), [d.message for d in gx302]


def test_rows_left_ambiguous_are_decided_by_the_columns_which_are_then_not_checked():
    doc = parse(T3_2021)
    t = doc.tables["t3"]
    assert t.unreadable is None
    assert [c.value for c in t.rows["r3_1"].cells] == [27, 0, 0, 2, 0, 1, 30]
    assert [c.value for c in t.rows["r3_4_1"].cells] == [22, 0, 0, 0, 0, 3, 25]
    assert ("T3.outsum", "np") in t.assumed and ("T3.outsum", "tot") not in t.assumed
    out = {i.extra.get("column"): i for i in all_identities(doc) if i.id == "T3.outsum"}
    assert out["np"].skipped == ASSUMED and out["tot"].skipped is None and out["tot"].holds
    rowsum = {i.extra.get("row"): i for i in all_identities(doc) if i.id == "T3.rowsum"}
    assert rowsum["r3_1"].skipped == ASSUMED  # split by its total: not checked by it
    assert rowsum["r3_3_5"].skipped is None  # split by its cell count alone: checked


def test_a_row_no_identity_decides_makes_the_table_unreadable_once():
    text = T3_2021.replace("（七）总计630020469", "（七）总计")  # no total row to decide with
    res = lint(text)
    codes = [d.code for d in res.diagnostics]
    assert codes.count("GX207") == 1
    assert not {"GX203", "GX204", "GX205"} & set(codes)
    t = res.doc.tables["t3"]
    assert t.unreadable == GLUED and t.rows["r3_1"].unreadable
    assert all(i.holds is None for i in all_identities(res.doc) if i.extra.get("row") == "r3_1")


def test_hover_says_a_cell_was_recovered():
    doc = parse(T3_2020)
    cell = doc.tables["t3"].rows["r1"].cells[0]
    md = hover_markdown(doc, [], cell.span.start)
    assert "拆分得出" in md
    assert "recovered" in hover_markdown(doc, [], cell.span.start, lang="en")
    doc = parse(T3_2021.replace("（七）总计630020469", "（七）总计"))
    cell = doc.tables["t3"].rows["r3_1"].cells[0]
    assert "无法确定各单元格的数值" in hover_markdown(doc, [], cell.span.start)


def test_an_ordinary_table_is_not_read_as_flattened():
    s = synth.sample(5, layout="pipe")
    doc = parse(s.text)
    assert all(t.layout == "" and not t.unreadable for t in doc.tables.values())
    assert not any(c.recovered for t in doc.tables.values() for r in t.rows.values() for c in r.cells)


@pytest.mark.parametrize("seed", range(12))
def test_every_cell_read_from_a_flattened_report_is_the_true_one(seed):
    """A unique split is the true one: every readable cell of a generated flattened report has
    its generated value, at its generated position."""
    s = synth.sample(seed, layout="flattened")
    doc = parse(s.text)
    n = 0
    for kind in ("t3", "t4"):
        t = doc.tables[kind]
        for row in t.rows.values():
            if row.unreadable:
                continue
            for c in row.cells:
                key = ("cell", kind, row.id, c.column)
                assert s.rendered.span(*key) == c.span, (s.describe(), key)
                truth = s.report.t3[row.id][c.column] if kind == "t3" else s.report.t4[c.column]
                assert c.value == truth, (s.describe(), key)
                n += 1
    assert n > 0


@pytest.mark.parametrize("year", range(2019, 2025))
def test_the_flattened_real_reports_read(year):
    path = os.path.join(CORPUS_REAL, f"pingtan-{year}.txt")
    res = lint(open(path, encoding="utf-8").read(), path)
    codes = [d.code for d in res.diagnostics]
    assert not {"GX103", "GX203", "GX204", "GX205"} & set(codes)
    t3 = res.doc.tables["t3"]
    assert t3.layout == "flattened" and not t3.missing and t3.unreadable is None
    assert ("GX302" in codes) == (year == 2020)
