"""Prose numbers read in their scope: nested breakdowns, what a denial denies, wrapped lines."""
import os

from gx4_reports import at, city, report, t3_row

from gxlint.engine import lint
from gxlint.testing import RuleTester
from seedutil import CORPUS_REAL
from wrapping import wrap

GX401 = RuleTester("GX401")
GX402 = RuleTester("GX402")
GX404 = RuleTester("GX404")

FUNDS = ("今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、"
         "“三公”经费27条、债券发行4条。")


# --- GX404: a breakdown of an item in parentheses is not an item of the total -------------

def test_nested_breakdown_in_parentheses_is_not_added_to_the_total():
    GX404.valid(report(FUNDS))              # 152 + 197 + 27 + 4 = 380; 32 + 165 are parts of 197


def test_nested_breakdown_still_leaves_a_wrong_outer_sum_reported():
    text = report(FUNDS.replace("380条", "379条"))
    GX404.invalid(text, [("exceeds", at(text, "379"), (3, 9), "各分项之和为 380（152 + 197 + 27 + 4），超过总数 379")])


def test_the_outer_list_in_parentheses_still_reads_its_items():
    # pingtan-2019's 共公布政府信息2599条，(其中…其他应主动公开政府信息856条): the list itself is in parentheses
    text = report("我区共公布政府信息100条，(其中机构职能类信息20条，规划计划类信息30条，其他应主动公开政府信息49条)。")
    GX404.invalid(text, [("closed", at(text, "100"), (3, 13), "以“其他”结尾的各分项之和为 99（20 + 30 + 49），与总数 100 不符")])


def test_a_list_closed_by_other_and_read_to_its_end_is_an_error_even_with_mixed_items():
    # 行政规范性文件 reads as a subject of its own (table 二), the others do not: still one partition
    text = report("我区共公布政府信息100条(其中机构职能类信息20条，行政规范性文件30条，其他应主动公开政府信息51条)。",
                  docs=(30, 0, 30))
    GX404.invalid(text, [("exceeds", at(text, "100"), (3, 13), "各分项之和为 101（20 + 30 + 51），超过总数 100")])
    assert GX404.diagnostics(text)[1][0].severity.label == "error"
    # not closed: mixed dimensions exceeding stay a warning
    text = "一、总体情况\n本年度共收到申请100件，其中，网上申请70件，自然人申请50件。\n"
    assert GX404.diagnostics(text)[1][0].severity.label == "warning"


# --- GX402: 未出现…被复议纠错 denies corrections, not reviews ---------------------------------

def _t4(review_keep=0, review_fix=0):
    rv = [review_keep, review_fix, 0, 0, review_keep + review_fix]
    return rv + [0] * 10


def test_no_correction_is_not_no_review():
    for sentence in ("全年未出现因信息公开被复议纠错的情况。", "全年未出现因政府信息公开被行政复议纠错的情况。",
                     "全年未出现因政府信息公开申请被行政复议、行政诉讼纠错的情况。"):
        GX402.valid(report("2023年，我局收到政府信息公开申请0件。" + sentence, t4=_t4(review_keep=1)))


def test_no_correction_against_a_corrected_review_is_reported():
    text = report("2023年，全年未出现因政府信息公开被行政复议纠错的情况。", t4=_t4(review_fix=1))
    got = GX402.invalid(text, [("none", at(text, "未出现"), (3, 26))])
    assert "结果纠正" in got[0][2]


def test_no_review_at_all_is_still_a_denial_of_reviews():
    text = report("2023年，我局未发生政府信息公开行政复议。", t4=_t4(review_keep=1))
    GX402.invalid(text, [("none", at(text, "未发生"), (3, 22))])


# --- GX401: an outcome's count is not the total ------------------------------------------

T3 = {"r1": t3_row(20), "r3_1": t3_row(14), "r3_4_1": t3_row(6), "r3_7": t3_row(20)}


def test_count_of_one_outcome_is_not_the_answered_total():
    for prose in ("2023年，我局办结政府信息公开申请20件，其中依申请同意公开 14 件。",
                  "2023年共受理政府信息公开申请20件，均已按时办结，其中依申请同意公开 14 件，无法提供6件。",
                  "依申请公开方面，全年共办结20件。其中依申请同意公开 14 件。"):
        GX401.valid(report(prose, t3=T3))


# --- wrapped lines: one sentence across a PDF line break ---------------------------------

def test_a_wrapped_report_reads_its_prose_as_the_unwrapped_one():
    text = city()
    wrapped = wrap(text, 28, page_every=4)
    assert wrapped != text
    for code in ("GX401", "GX402", "GX403", "GX404"):
        RuleTester(code).valid(wrapped)


def test_a_number_on_the_line_after_its_subject_is_one_claim():
    prose = ("2023年，我局进一步规范依申请公开流程，畅通依申请公开受理渠道，全年受理政府信息公开申请\n"
             "26件，均在法定期限内答复，未经审核的信息一律不准发布，切实保障群众知情权和监督权利。\n"
             "我局加强政府门户网站及政务新媒体日常管理，运用第三方检测平台实行常态化监测，执行信\n"
             "息审核发布制度，严格执行分级审核和先审后发程序，落实三审三校制度，从严从实把好政治\n"
             "关、法律关、政策关、保密关、文字关，确保公开信息及时准确规范。")
    text = report(prose, t3={"r1": t3_row(20), "r3_1": t3_row(20), "r3_7": t3_row(20)})
    res = lint(text)
    claims = [c for c in res.doc.claims if c.value == 26]
    assert len(claims) == 1 and claims[0].subject == "received"
    assert text[claims[0].span.start:claims[0].span.end] == "26"
    assert "受理政府信息公开申请26件" in claims[0].context       # the message shows the sentence, not the break
    GX401.invalid(text, [("mismatch", at(text, "26件"), (4, 3), "正文称收到/受理申请为 26，但表三“一、本年新收政府信息公开申请数量”总计为 20")])


def test_pingtan_style_totals():
    path = os.path.join(CORPUS_REAL, "pingtan-2019.txt")
    text = open(path, encoding="utf-8").read()
    got = GX404.positions(text)
    assert [(l, c) for l, c, _ in got] == [(10, text.split("\n")[9].index("2599") + 1)]
