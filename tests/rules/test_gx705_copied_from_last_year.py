"""GX705 copied-from-last-year (RuleTester): where it must fire — message id, start, end — and where
it must stay silent.  Part 五 (problems and improvements) against last year's."""

from gx7_bundles import two_years

from gxlint.testing import RuleTester

gx705 = RuleTester("GX705")

LAST_FIVE = (
    "一是政策解读形式较为单一，解读的针对性还需加强。二是工作人员业务能力参差不齐，培训的系统性有待提高。"
    "下一步，我们将丰富解读方式，定期组织业务培训。"
)
SIX = "六、其他需要报告的事项\n本年度未收取信息处理费。\n"


def five(text: str) -> str:
    return "五、存在的主要问题及改进情况\n" + text + "\n" + SIX


def test_a_new_part_five_is_silent():
    gx705.valid(
        two_years(
            five(LAST_FIVE),
            five(
                "一是重大行政决策预公开的范围偏窄，意见征集渠道不多。二是政务新媒体互动回应不够充分，留言办理时效偏慢。"
                "下一步，我们将拓宽意见征集途径，规范留言回复。"
            ),
        )
    )


def test_part_five_copied_with_one_word_changed():
    this_year = LAST_FIVE.replace("还需加强", "仍需加强")
    gx705.invalid(
        two_years(five(LAST_FIVE), five(this_year)),
        [
            ("copied", (3, 1), (3, 74), "有 99% 的文字与 2022 年报告相同（73 字中 72 字，2 段）"),
        ],
    )
