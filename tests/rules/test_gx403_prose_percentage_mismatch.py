"""GX403 prose-percentage-mismatch: a share recomputed at the precision written."""

from gx4_reports import CITY_PROSE, at, city, report, t3_row

from gxlint.testing import RuleTester
from seedutil import read_seed as seed

T = RuleTester("GX403")


def test_seed_002_shares_hold():
    T.valid(seed("002"))  # 自然人申請占比100%; 予以公開及部分公開70件、占比43.2% (70/162)


def test_seed_002_changed_share_is_caught_at_the_number():
    text = seed("002").replace("占比43.2%", "占比45.2%")
    T.invalid(text, [("pct", (12, 605), (12, 609), "正文称占比 45.2%，但 70 / 162 = 43.21%（按所写精度应为 43.2%）")])
    text = seed("002").replace("占比100%", "占比90%")
    T.invalid(text, [("pct", (12, 542), (12, 544), "正文称占比 90%，但 162 / 162 = 100%")])


def test_precision_written_rounding_and_truncation():
    base = "本年度共受理政府信息公开申请162件，其中予以公开70件、占比{}%。"
    for ok in ("43.2", "43", "43.21", "43.20"):
        T.valid(report(base.format(ok)))
    text = report(base.format("43.3"))
    T.invalid(text, [("pct", at(text, "43.3"), (3, 36))])
    text = report(base.format("44"))
    T.invalid(text, [("pct", at(text, "44"), (3, 34), "按所写精度应为 43%")])


def test_applicant_share_uses_the_table_column():
    T.valid(city())  # 自然人申请 2317 件，占比95.9%
    t3 = {"r1": t3_row(150, 12), "r3_1": t3_row(150, 12), "r3_7": t3_row(150, 12)}
    T.valid(report("本年度共收到政府信息公开申请162件，其中自然人申请占比92.6%。", t3=t3))
    text = report("本年度共收到政府信息公开申请162件，其中自然人申请占比95%。", t3=t3)
    T.invalid(text, [("pct", at(text, "95"), (3, 31), "150 / 162")])


def test_rates_and_growth_are_not_shares():
    T.valid(report("本年度共受理政府信息公开申请162件，按时答复率100%，同比增长12.5%。"))
    T.valid(report("本年度共受理政府信息公开申请162件，其中予以公开70件，答复率98%。"))


def test_no_base_no_finding():
    T.valid(report("其中予以公开70件、占比99%。"))


def test_wrong_part_number_is_gx401s_not_gx403s():
    text = city(CITY_PROSE.replace("自然人申请 2317 件", "自然人申请 2316 件"))
    T.valid(text)
