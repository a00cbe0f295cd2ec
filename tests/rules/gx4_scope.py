"""Reports and helpers shared by the tests of GX401, GX402, GX404
(one test module per rule; they were test_gx4_scope.py)."""

from gx4_reports import t3_row

from gxlint.testing import RuleTester

GX401 = RuleTester("GX401")
GX402 = RuleTester("GX402")
GX404 = RuleTester("GX404")

FUNDS = (
    "今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、"
    "“三公”经费27条、债券发行4条。"
)


# --- GX402: 未出现…被复议纠错 denies corrections, not reviews ---------------------------------


def _t4(review_keep=0, review_fix=0):
    rv = [review_keep, review_fix, 0, 0, review_keep + review_fix]
    return rv + [0] * 10


# --- GX401: an outcome's count is not the total ------------------------------------------

T3 = {"r1": t3_row(20), "r3_1": t3_row(14), "r3_4_1": t3_row(6), "r3_7": t3_row(20)}
