from gx4_reports import CITY_PROSE, city

from gxlint.testing import RuleTester

T = RuleTester("GX404")


def test_a_part_that_contradicts_the_table_is_left_to_gx401():
    T.valid(city())
    T.valid(city(CITY_PROSE.replace("结果维持 17 件", "结果维持 18 件")))  # GX401 reports the 18
