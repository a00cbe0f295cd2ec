"""GX602 pinyin-residue (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx56_sample import line_of, report

from gxlint.fixes import apply_edits, apply_fixes
from gxlint.testing import RuleTester

gx602 = RuleTester("GX602")


def test_pinyin_is_reported_once_per_paragraph():
    text = report(opening="2023年，我局认真(zhēn)贯彻落实(shí)《条例》。", part6="本年度未收取信息处理费(fèi)。")
    got = gx602.invalid(
        text,
        [
            ("paragraph", line_of(text, "(zhēn)"), (4, 17)),
            ("paragraph", line_of(text, "(fèi)"), (27, 17)),
        ],
        output=[("(zhēn)贯彻落实(shí)", "贯彻落实"), ("(fèi)", "")],
    )
    assert "本段有 2 处拼音注音" in got[0][2] and "真(zhēn)" in got[0][2]


def test_letters_without_tone_marks_are_not_pinyin():
    gx602.valid(report(opening="2023年，我局在门户网站(PDF)和政务新媒体(app)发布信息(xinxi)。"))


def test_fix_removes_every_annotation():
    text = report(opening="2023年，我局认真(zhēn)贯彻落实(shí)《条例》。", part6="本年度未收取信息处理费(fèi)。")
    res, own = gx602.diagnostics(text)
    assert own[0].fix.safe and len(own[0].fix.edits) == 3
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed == report(opening="2023年，我局认真贯彻落实《条例》。", part6="本年度未收取信息处理费。")
    assert apply_fixes(text, own)[0] == fixed
