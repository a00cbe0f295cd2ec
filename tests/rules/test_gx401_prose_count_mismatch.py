"""GX401 prose-count-mismatch: a prose number against the cell it names."""

import pytest
from gx4_reports import CITY_PROSE, at, city, report, t3_row
from gx4_scope import T3

from gxlint.engine import lint
from gxlint.testing import RuleTester

GX401 = RuleTester("GX401")


T = RuleTester("GX401")


def test_complete_city_report_is_silent():
    T.valid(city())


def test_received_mismatch_points_at_the_number_with_both_figures():
    text = city(CITY_PROSE.replace("申请 2417 件", "申请 2418 件"))
    T.invalid(
        text,
        [
            (
                "mismatch",
                at(text, "2418"),
                (3, 25),
                "正文称收到/受理申请为 2418，但表三“一、本年新收政府信息公开申请数量”总计为 2417",
            )
        ],
        output=[("2418", "2417")],
    )
    res, own = T.diagnostics(text)
    assert own[0].severity.label == "error"
    assert [r.message for r in own[0].related] == ["表三“一、本年新收政府信息公开申请数量”总计：2417"]
    assert (
        res.doc.lines.line_of(own[0].related[0].span.start) + 1
        == text.splitlines().index(next(l for l in text.splitlines() if l.startswith("一、本年新收"))) + 1
    )


def test_han_fu_after_answered_does_not_make_it_received_plus_carried():
    # 2390 is （七）总计 although 含上年度结转 follows 答复; 21 is 二; 48 is 四
    for old, new, cell in [
        ("答复 2390 件", "答复 2391 件", "（七）总计"),
        ("结转申请 21 件", "结转申请 22 件", "二、上年结转"),
        ("另有 48 件", "另有 47 件", "四、结转下年度继续办理"),
    ]:
        text = city(CITY_PROSE.replace(old, new))
        num = new.split()[1]
        start = at(text, " " + num + " ", offset=1)
        T.invalid(text, [("mismatch", start, (start[0], start[1] + len(num)), cell)], output=[(new, old)])


def test_litigation_is_the_sum_of_both_groups():
    text = city(CITY_PROSE.replace("结果维持 17 件", "结果维持 10 件"))  # 10 = only the direct group
    T.invalid(
        text,
        [
            (
                "mismatch",
                at(text, "10 件"),
                (5, 46),
                "结果维持为 10，但表四 行政诉讼（未经复议直接起诉） 结果维持、表四 行政诉讼（复议后起诉） 结果维持之和为 17",
            ),
        ],
        output=[("持 10 件", "持 17 件")],
    )
    text = city(CITY_PROSE.replace("行政诉讼 30 件", "行政诉讼 19 件"))
    T.invalid(text, [("mismatch", at(text, "19 件"), (5, 34))], output=[("讼 19 件", "讼 30 件")])


def test_outcomes_and_combined_outcomes():
    text = city(CITY_PROSE.replace("不予公开 100 件", "不予公开 99 件"))
    T.invalid(text, [("mismatch", at(text, "99 件"), (4, 38), "不予公开为 99，但表三")], output=[("99", "100")])
    T.valid(city("本年度共受理政府信息公开申请 2417 件，全部予以答复，其中予以公开及部分公开 1500 件。"))
    text = city("本年度共受理政府信息公开申请 2417 件，全部予以答复，其中予以公开及部分公开 1400 件。")
    T.invalid(text, [("mismatch", at(text, "1400"), (3, 46), "予以公开及部分公开为 1400")], output=[("1400", "1500")])


def test_applicant_column():
    text = city(CITY_PROSE.replace("自然人申请 2317 件", "自然人申请 2316 件"))
    T.invalid(
        text,
        [
            (
                "mismatch",
                at(text, "2316"),
                (3, 40),
                "自然人收到/受理申请为 2316，但表三“一、本年新收政府信息公开申请数量”自然人为 2317",
            )
        ],
        output=[("2316", "2317")],
    )


def test_han_shang_nian_jie_zhuan_after_received_means_one_plus_two():
    t3 = {"r1": t3_row(159), "r2": t3_row(3), "r3_1": t3_row(162), "r3_7": t3_row(162)}
    T.valid(report("共受理依申请公开162件(含上年结转3件)。", t3=t3))
    text = report("共受理依申请公开159件(含上年结转3件)。", t3=t3)
    T.invalid(
        text, [("mismatch", at(text, "159"), (3, 12), "受理申请（含上年结转）为 159")], output=[("开159件", "开162件")]
    )
    # without 含, 共受理 may be 一 or 一+二: both readings are accepted
    T.valid(report("共受理依申请公开162件。", t3=t3))
    T.valid(report("共受理依申请公开159件。", t3=t3))


def test_normative_documents():
    text = city(CITY_PROSE.replace("规范性文件5件", "规范性文件6件"))
    T.invalid(
        text,
        [("mismatch", at(text, "6件，现行"), (6, 17), "新制发规范性文件为 6，但表二 行政规范性文件 本年制发件数为 5")],
        output=[("件6件", "件5件")],
    )


def test_explained_difference_is_silent_and_explanation_words_make_a_warning():
    prose = (
        "2023年新制发行政规范性文件5件，在清理过程中发现17个文件被纳入规范性文件，"
        "在本报告表格中新制发文件栏目予以体现，现行有效件数合计28件。"
    )
    T.valid(city(prose, docs=(22, 10, 28)))
    text = city(prose.replace("17个", "16个"), docs=(22, 10, 28))
    T.invalid(text, [("mismatch", at(text, "5件"), (3, 17))])
    _res, own = T.diagnostics(text)
    assert own[0].severity.label == "warning"


def test_approximate_cumulative_and_other_year_are_not_compared():
    T.valid(city("本年度收到政府信息公开申请2400余件，约2400件，近2500件。"))
    T.valid(city("截至2023年底，累计受理政府信息公开申请5000件；2022年受理政府信息公开申请1800件，较上年增加600件。"))


def test_no_table_no_comparison():
    T.valid(
        "一、总体情况\n本年度我街道共收到政府信息公开申请1件。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    )


def test_english_message():
    text = city(CITY_PROSE.replace("申请 2417 件", "申请 2418 件"))
    t = RuleTester("GX401", lang="en")
    t.invalid(
        text,
        [
            ("mismatch", at(text, "2418"), (3, 25), "the prose says 2418 applications received, but the table"),
        ],
        output=[("2418", "2417")],
    )


def test_review_without_disclosure_context_is_a_warning():
    text = city("本年度办理行政复议 15 件。")
    T.invalid(text, [("mismatch", at(text, "15"), (3, 13))])
    assert T.diagnostics(text)[1][0].severity.label == "warning"
    text = city("因政府信息公开被申请行政复议 15 件。")
    assert T.diagnostics(text)[1][0].severity.label == "error"


def test_approximate_bounds_are_warnings_only_on_the_wrong_side():
    T.valid(city("本年度收到政府信息公开申请2400余件，超过2000件，近2500件，约3000件。"))
    text = city("本年度收到政府信息公开申请2500余件。")
    T.invalid(
        text,
        [
            (
                "bound_min",
                at(text, "2500"),
                (3, 18),
                "在 2500 以上（约数），但表三“一、本年新收政府信息公开申请数量”总计只有 2417",
            )
        ],
    )
    assert T.diagnostics(text)[1][0].severity.label == "warning"
    text = city("本年度收到政府信息公开申请近两千件。")
    T.invalid(text, [("bound_max", at(text, "两千"), (3, 17), "接近 2000（约数）")])


def test_an_approximate_bound_holds_on_the_bound_itself():
    # 行政复议: one cell, 14 (表四 行政复议 总计).  “14件以上 / 超过14件 / 14余件” and “近14件” against
    # exactly 14 are on the bound, not past it
    for claim in ("14件以上", "超过14件", "14余件", "近14件"):
        T.valid(city(f"因政府信息公开被申请行政复议{claim}。"))
    # one past it on either side is reported
    text = city("因政府信息公开被申请行政复议15件以上。")
    T.invalid(
        text, [("bound_min", at(text, "15"), (3, 17), "正文称行政复议在 15 以上（约数），但表四 行政复议 总计只有 14")]
    )
    text = city("因政府信息公开被申请行政复议近13件。")
    T.invalid(
        text,
        [("bound_max", at(text, "13"), (3, 18), "正文称行政复议接近 13（约数），但表四 行政复议 总计为 14，已超过")],
    )


def test_a_cumulative_approximate_figure_is_not_a_bound_on_this_year():
    T.valid(city("累计收到政府信息公开申请3000余件。"))


@pytest.mark.parametrize("other", ["其中重复申请2余件", "另有近2件未统计"])
def test_an_approximate_number_does_not_explain_a_difference(other):
    # 2415 + 2 = 2417, but “2余件 / 近2件” is no exact account of the difference
    text = city(f"本年度收到政府信息公开申请2415件，{other}。")
    T.invalid(
        text,
        [
            (
                "mismatch",
                at(text, "2415"),
                (3, 18),
                "正文称收到/受理申请为 2415，但表三“一、本年新收政府信息公开申请数量”总计为 2417",
            )
        ],
        output=[("2415", "2417")],
    )


def test_a_sum_of_three_cells_names_all_three():
    three = (
        "表三“（四）无法提供 1.本机关不掌握相关政府信息”总计、表三“（四）无法提供 2.没有现成信息需要另行制作”总计、"
        "表三“（四）无法提供 3.补正后申请内容仍不明确”总计之和"
    )
    text = city(CITY_PROSE.replace("无法提供 500 件", "无法提供 501 件"))
    T.invalid(
        text,
        [("mismatch", at(text, "501"), (4, 50), f"正文称无法提供为 501，但{three}为 500")],
        output=[("501", "500")],
    )
    text = city(CITY_PROSE.replace("无法提供 500 件", "无法提供600余件"))
    T.invalid(text, [("bound_min", at(text, "600"), (4, 49), f"正文称无法提供在 600 以上（约数），但{three}只有 500")])


def test_table_two_named_without_a_verb_is_a_warning():
    import os

    path = os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures", "layouts", "prose_numbers_pipe.txt"
    )
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    T.valid(text)  # 其中行政规范性文件 5 件，行政许可 126 件，行政处罚 37 件 agree with table 二
    changed = text.replace("行政许可 126 件", "行政许可 127 件")
    T.invalid(
        changed,
        [("mismatch", at(changed, "127"), (5, 45), "正文称行政许可为 127，但表二 行政许可 本年处理决定数量为 126")],
    )
    assert T.diagnostics(changed)[1][0].severity.label == "warning"
    T.valid(city("本年度梳理公布行政许可事项清单 120 项。"))


def test_the_fix_to_review_writes_the_table_figure_over_the_prose_number():
    """An error has a fix to review by hand (never applied by --fix alone): the text's number
    replaced by the one table figure it names; the fixed report is silent."""
    from gxlint.fixes import apply_fixes

    text = city(CITY_PROSE.replace("申请 2417 件", "申请 2418 件"))
    _res, own = T.diagnostics(text)
    (d,) = own
    assert d.fix is not None and not d.fix.safe
    assert d.fix.message == "把正文的 2418 改为表中的 2417（若表格有误，则改表格）"
    start = text.index("2418")
    assert [(e.start, e.end, e.new_text) for e in d.fix.edits] == [(start, start + 4, "2417")]
    assert apply_fixes(text, own) == (text, 0), "a safe-only pass leaves it"
    fixed, n = apply_fixes(text, own, unsafe=True)
    assert n == 1
    T.valid(fixed)


def test_no_fix_for_a_warning_nor_for_a_number_in_chinese_numerals():
    text = city("本年度办理行政复议 15 件。")
    _res, own = T.diagnostics(text)
    assert own[0].severity.label == "warning" and own[0].fix is None, "an unsure reading is not rewritten"
    text = report("本年度共受理政府信息公开申请十件。", t3={"r1": t3_row(9)})
    _res, own = T.diagnostics(text)
    assert [d.code for d in own] == ["GX401"] and own[0].fix is None


def test_count_of_one_outcome_is_not_the_answered_total():
    for prose in (
        "2023年，我局办结政府信息公开申请20件，其中依申请同意公开 14 件。",
        "2023年共受理政府信息公开申请20件，均已按时办结，其中依申请同意公开 14 件，无法提供6件。",
        "依申请公开方面，全年共办结20件。其中依申请同意公开 14 件。",
    ):
        GX401.valid(report(prose, t3=T3))


def test_a_number_on_the_line_after_its_subject_is_one_claim():
    prose = (
        "2023年，我局进一步规范依申请公开流程，畅通依申请公开受理渠道，全年受理政府信息公开申请\n"
        "26件，均在法定期限内答复，未经审核的信息一律不准发布，切实保障群众知情权和监督权利。\n"
        "我局加强政府门户网站及政务新媒体日常管理，运用第三方检测平台实行常态化监测，执行信\n"
        "息审核发布制度，严格执行分级审核和先审后发程序，落实三审三校制度，从严从实把好政治\n"
        "关、法律关、政策关、保密关、文字关，确保公开信息及时准确规范。"
    )
    text = report(prose, t3={"r1": t3_row(20), "r3_1": t3_row(20), "r3_7": t3_row(20)})
    res = lint(text)
    claims = [c for c in res.doc.claims if c.value == 26]
    assert len(claims) == 1 and claims[0].subject == "received"
    assert text[claims[0].span.start : claims[0].span.end] == "26"
    assert "受理政府信息公开申请26件" in claims[0].context  # the message shows the sentence, not the break
    GX401.invalid(
        text,
        [
            (
                "mismatch",
                at(text, "26件"),
                (4, 3),
                "正文称收到/受理申请为 26，但表三“一、本年新收政府信息公开申请数量”总计为 20",
            )
        ],
        output=[("26", "20")],
    )
