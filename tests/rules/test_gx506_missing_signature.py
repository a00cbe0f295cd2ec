"""GX506 missing-signature (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx5_one_line import one_line
from gx56_sample import line_of, read_seed, report

from gxlint.parse import parse
from gxlint.testing import RuleTester

gx506 = RuleTester("GX506")


def test_signature_at_the_end_of_a_one_line_report():
    for sig in ("某某市某某局\n2024年1月20日", "某某市某某局\n二〇二四年一月二十日"):
        text = one_line(signature=sig)
        doc = parse(text)
        assert doc.meta.signature.date == (2024, 1, 20)
        assert doc.meta.signature.organ == "某某市某某局"
        assert text[doc.meta.signature.span.start : doc.meta.signature.span.end] == sig.replace("\n", " ")
        gx506.valid(text)
    text = one_line(signature="某某县人民政府")  # organ only, set off by a space
    assert parse(text).meta.signature.organ == "某某县人民政府"
    gx506.invalid(text, [("no_date", (1, 456), (1, 463), "落款没有日期")])
    text = one_line(signature="2024年1月20日")
    gx506.invalid(text, [("no_organ", (1, 456), (1, 466), "落款只有日期")])


def test_no_signature_in_a_one_line_report_points_at_the_last_sentence():
    text = one_line(signature=None)
    last = "无其他需要报告的事项。"
    gx506.invalid(text, [("missing", (1, 444), (1, 455), "报告末尾没有落款")])
    res, own = gx506.diagnostics(text)
    assert text[own[0].span.start : own[0].span.end] == last
    # a date glued to a sentence is not a 落款
    text = one_line(signature=None, part6="本年度未收取信息处理费。下一步将于2024年1月20日")
    assert parse(text).meta.signature.date is None


def test_one_line_layouts_keep_their_signature():
    from seedutil import read_layout

    for name, organ in (("oneline_pipe.txt", "某某市某某局"), ("oneline_pdf.txt", "某某县某某局")):
        text = read_layout(name)
        gx506.valid(text)
        meta = parse(text).meta
        assert meta.signature.date == (2024, 1, 20) and meta.signature.organ == organ


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
