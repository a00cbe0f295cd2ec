"""GX402 prose-none-contradiction (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx4_reports import at, city, report, t3_row
from gx4_scope import _t4

from gxlint.testing import RuleTester
from seedutil import read_seed as seed

T = RuleTester("GX402")
GX402 = RuleTester("GX402")


def test_none_received_against_new_applications_is_an_error():
    text = report("本年度我局未收到政府信息公开申请。", t3={"r1": t3_row(2), "r3_1": t3_row(2), "r3_7": t3_row(2)})
    T.invalid(
        text,
        [
            (
                "none",
                at(text, "未收到"),
                (3, 17),
                "正文称“未收到政府信息公开申请”，但表三“一、本年新收政府信息公开申请数量”总计为 2",
            )
        ],
    )
    _res, own = T.diagnostics(text)
    assert own[0].severity.label == "error"
    assert [r.message for r in own[0].related] == ["表三“一、本年新收政府信息公开申请数量”总计：2"]


def test_none_received_agrees_with_zero_tables():
    T.valid(report("本年度我局未收到政府信息公开申请，未发生政府信息公开行政复议、行政诉讼情况。"))
    T.valid(seed("000"))  # 未收到依申请公开相关事项, 未产生…行政复议、行政诉讼


def test_none_review_and_litigation():
    t4 = [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    text = report("本年度未发生政府信息公开行政复议、行政诉讼情况。", t4=t4)
    # one phrase, two claims: 行政复议 agrees (0), 行政诉讼 does not
    T.invalid(
        text,
        [
            (
                "none",
                at(text, "未发生"),
                (3, 22),
                "但表四 行政诉讼（未经复议直接起诉） 结果维持、表四 行政诉讼（未经复议直接起诉） 总计为 1",
            )
        ],
    )
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
    T.valid(
        report(
            "本年度收到政府信息公开申请3件，无结转下年度办理的申请。",
            t3={"r1": t3_row(3), "r3_1": t3_row(3), "r3_7": t3_row(3)},
        )
    )


def test_none_received_with_carried_over_applications():
    t3 = {"r2": t3_row(1), "r3_1": t3_row(1), "r3_7": t3_row(1)}
    T.valid(report("本年度未收到新的政府信息公开申请，上年结转申请1件，已办结。", t3=t3))
    text = report("本年度未收到政府信息公开申请。", t3=t3)
    T.invalid(text, [("none", at(text, "未收到"), (3, 15), "但表三“二、上年结转政府信息公开申请数量”总计为 1")])
    assert T.diagnostics(text)[1][0].severity.label == "warning"


def test_no_correction_is_not_no_review():
    for sentence in (
        "全年未出现因信息公开被复议纠错的情况。",
        "全年未出现因政府信息公开被行政复议纠错的情况。",
        "全年未出现因政府信息公开申请被行政复议、行政诉讼纠错的情况。",
    ):
        GX402.valid(report("2023年，我局收到政府信息公开申请0件。" + sentence, t4=_t4(review_keep=1)))


def test_no_correction_against_a_corrected_review_is_reported():
    text = report("2023年，全年未出现因政府信息公开被行政复议纠错的情况。", t4=_t4(review_fix=1))
    got = GX402.invalid(text, [("none", at(text, "未出现"), (3, 26))])
    assert "结果纠正" in got[0][2]


def test_no_review_at_all_is_still_a_denial_of_reviews():
    text = report("2023年，我局未发生政府信息公开行政复议。", t4=_t4(review_keep=1))
    GX402.invalid(text, [("none", at(text, "未发生"), (3, 22))])
