"""GX506 missing-signature and GX507 nonstandard-title."""
from gxlint.fixes import apply_edits
from gxlint.testing import RuleTester

from gx56_sample import line_of, read_seed, report

gx506 = RuleTester("GX506")
gx507 = RuleTester("GX507")


# --- GX506 -------------------------------------------------------------------------------

def test_signature_present():
    gx506.valid(report())
    gx506.valid(report(signature="某某市某某局 2024年1月20日"))
    gx506.valid(report(signature="某某市某某局\n二〇二四年一月二十日"))
    # web residue after the signature does not hide it
    gx506.valid(report(extra_end="扫一扫在手机上查看当前页面\n【打印本页】 【关闭窗口】"))


def test_no_signature_is_information_at_the_last_line():
    text = report(signature=None)
    res, own = gx506.diagnostics(text)
    assert [d.severity.label for d in own] == ["information"]
    gx506.invalid(text, [("missing", line_of(text, "本年度未收取信息处理费"), (27, 24), "没有落款")])


def test_date_without_organ_and_organ_without_date():
    text = report(signature="2024年1月20日")
    gx506.invalid(text, [("no_organ", line_of(text, "2024年1月20日"), (28, 11), "没有发布机关")])
    text = report(signature="某某市某某局")
    gx506.invalid(text, [("no_date", line_of(text, "某某市某某局", 1), (28, 7), "落款没有日期")])


def test_seeds():
    assert gx506.positions(read_seed("001"))[0][:2] == (305, 1)
    assert gx506.positions(read_seed("003"))[0][:2] == (82, 1)
    gx506.valid(read_seed("000"))
    gx506.valid(read_seed("004"))


# --- GX507 -------------------------------------------------------------------------------

def test_standard_titles():
    gx507.valid(report())
    gx507.valid(report(title="某某市某某局2023年度政府信息公开工作年度报告"))
    gx507.valid(report(title="# 某某市某某局 2023 年政府信息公开工作年度报告"))
    gx507.valid(report(title="啟東市政府辦2023年政府信息公開(kāi)工作年度報(bào)告"))
    gx507.valid(report(title=None))     # no title line: nothing to judge


def test_work_report_instead_of_annual_report():
    text = report(title="某某市某某局2023年政府信息公开工作报告")
    gx507.invalid(text, [("missing_words", (1, 1), (1, 22), "缺少“年度”")], output=[("工作报告", "工作年度报告")])
    res, own = gx507.diagnostics(text)
    assert own[0].fix is not None and not own[0].fix.safe
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed.splitlines()[0] == "某某市某某局2023年政府信息公开工作年度报告"


def test_missing_gong_zuo():
    text = report(title="某某市某某局2023年政府信息公开年度报告")
    gx507.invalid(text, [("missing_words", (1, 1), (1, 22), "缺少“工作”")], output=[("公开年度", "公开工作年度")])
    res, own = gx507.diagnostics(text)
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed.splitlines()[0] == "某某市某某局2023年政府信息公开工作年度报告"


def test_no_year_and_other_forms():
    gx507.invalid(report(title="某某市某某局政府信息公开工作年度报告"), [("no_year", (1, 1), (1, 19), "没有写报告年度")])
    gx507.invalid(report(title="某某市某某局2023年政务公开工作年度报告"), [("other", (1, 1), (1, 22), "不是规范形式")])


def test_title_year_in_chinese_numerals():
    text = report(title="某某市某某局二〇二三年度政府信息公开工作年度报告")
    gx507.valid(text)
    res, _ = gx507.diagnostics(text)
    assert res.doc.meta.year == 2023
    gx507.invalid(report(title="某某市某某局二〇二三年政府信息公开工作报告"), [
        ("missing_words", (1, 1), (1, 22), "缺少“年度”"),
    ], output=[("工作报告", "工作年度报告")])
