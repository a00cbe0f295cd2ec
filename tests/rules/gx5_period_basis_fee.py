"""Reports and helpers shared by the tests of GX504
(one test module per rule; they were test_gx5_period_basis_fee.py)."""

from gxlint.testing import RuleTester

gx503 = RuleTester("GX503")
gx504 = RuleTester("GX504")
gx505 = RuleTester("GX505")


# --- GX504 -------------------------------------------------------------------------------

BASIS_60 = "本报告依据《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制。"
BASIS_30 = "本报告依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。"
