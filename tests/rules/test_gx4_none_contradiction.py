"""GX402 prose-none-contradiction: “none” in the prose against non-zero tables, and the reverse."""

from gx4_reports import at, city, report, t3_row

from gxlint.testing import RuleTester
from seedutil import read_seed as seed

T = RuleTester("GX402")


def test_none_received_against_new_applications_is_an_error():
    text = report("本年度我局未收到政府信息公开申请。", t3={"r1": t3_row(2), "r3_1": t3_row(2), "r3_7": t3_row(2)})
    T.invalid(text, [("none", at(text, "未收到"), (3, 17), "正文称“未收到政府信息公开申请”，但表三“一、本年新收政府信息公开申请数量”总计为 2")])
    _res, own = T.diagnostics(text)
    assert own[0].severity.label == "error"
    assert [r.message for r in own[0].related] == ["表三“一、本年新收政府信息公开申请数量”总计：2"]


def test_none_received_agrees_with_zero_tables():
    T.valid(report("本年度我局未收到政府信息公开申请，未发生政府信息公开行政复议、行政诉讼情况。"))
    T.valid(seed("000"))          # 未收到依申请公开相关事项, 未产生…行政复议、行政诉讼


def test_seed_001_prose_none_against_handled_applications():
    text = seed("001")
    T.invalid(text, [("none_handled", (6, 11), (6, 19), "表三 一、二 两行也为 0，但表三记有 10 件办理结果")])
    _res, own = T.diagnostics(text)
    assert own[0].severity.label == "warning"      # the table contradicts itself too (GX301/GX302)
    assert sorted(r.message for r in own[0].related) == ["表三“（一）予以公开”商业企业：9",
                                                         "表三“（三）不予公开 4.保护第三方合法权益”总计：1"]


def test_none_review_and_litigation():
    t4 = [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    text = report("本年度未发生政府信息公开行政复议、行政诉讼情况。", t4=t4)
    # one phrase, two claims: 行政复议 agrees (0), 行政诉讼 does not
    T.invalid(text, [("none", at(text, "未发生"), (3, 22), "但表四 行政诉讼（未经复议直接起诉） 结果维持、表四 行政诉讼（未经复议直接起诉） 总计为 1")])
    T.valid(report("本年度未发生政府信息公开行政复议、行政诉讼情况。"))


def test_reverse_some_against_an_all_zero_table():
    text = report("本年度共收到政府信息公开申请5件。")
    T.invalid(text, [("some", at(text, "5件"), (3, 16), "正文称申请 5 件，但表三相应各项全部为 0")])
    text = city("因政府信息公开产生行政诉讼 2 件。", t4=[0] * 15)
    T.invalid(text, [("some", at(text, "2 件"), (3, 16), "行政诉讼 2 件")])


def test_seed_002_corrected_none_agrees():
    T.valid(seed("002"))


def test_phrasings_of_none():
    t4 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]
    text = report("本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。", t4=t4)
    T.invalid(text, [("none", at(text, "未发生"), (3, 30), "行政诉讼（复议后起诉） 结果维持")])
    text = report("本年度无因政府信息公开引起的行政复议和行政诉讼。", t4=[1, 0, 0, 0, 1] + [0] * 10)
    T.invalid(text, [("none", at(text, "无因"), (3, 24), "表四 行政复议 结果维持、表四 行政复议 总计为 1")])
    t3 = {"r1": t3_row(3), "r3_1": t3_row(2), "r3_7": t3_row(2), "r4": t3_row(1)}
    text = report("本年度收到政府信息公开申请3件，无结转下年度办理的申请。", t3=t3)
    T.invalid(text, [("none", at(text, "无结转下年度"), (3, 23), "但表三“四、结转下年度继续办理”总计为 1")])
    T.valid(report("本年度收到政府信息公开申请3件，无结转下年度办理的申请。",
                   t3={"r1": t3_row(3), "r3_1": t3_row(3), "r3_7": t3_row(3)}))


def test_none_received_with_carried_over_applications():
    t3 = {"r2": t3_row(1), "r3_1": t3_row(1), "r3_7": t3_row(1)}
    T.valid(report("本年度未收到新的政府信息公开申请，上年结转申请1件，已办结。", t3=t3))
    text = report("本年度未收到政府信息公开申请。", t3=t3)
    T.invalid(text, [("none", at(text, "未收到"), (3, 15), "但表三“二、上年结转政府信息公开申请数量”总计为 1")])
    assert T.diagnostics(text)[1][0].severity.label == "warning"
