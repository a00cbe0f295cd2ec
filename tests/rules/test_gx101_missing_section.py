"""GX101 missing-section (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx1_structure import CLEAN, SIX, doc_of

from gxlint.testing import RuleTester, where
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx101_fires_for_each_missing_section_at_the_next_heading():
    t = RuleTester("GX101")
    for k in range(6):
        heads = SIX[:k] + SIX[k + 1 :]
        text = doc_of(heads)
        if k < 5:
            # anchored at the heading that follows where it belongs (line 2k+1 of the shortened text)
            t.invalid(text, [("missing", *where(text, SIX[k + 1]), f"缺少“{SIX[k]}”部分")])
        else:
            t.invalid(text, [("missing", (9, 1), (9, 15), "缺少“六、其他需要报告的事项”部分")])


def test_gx101_two_missing_sections_two_findings():
    text = doc_of([SIX[0], SIX[1], SIX[4], SIX[5]])
    RuleTester("GX101").invalid(
        text,
        [
            ("missing", (5, 1), (5, 15), SIX[2]),
            ("missing", (5, 1), (5, 15), SIX[3]),
        ],
    )


def test_gx101_no_section_at_all():
    RuleTester("GX101").invalid(
        "  某某局2023年度工作总结\n今年做了很多工作。\n", [("none", (1, 3), (1, 16), "未找到年度报告规定的六个部分")]
    )


def test_gx101_english():
    RuleTester("GX101", lang="en").invalid(
        doc_of(SIX[:3] + SIX[4:]),
        [
            ("missing", (7, 1), (7, 15), "section “四、政府信息公开行政复议、行政诉讼情况” is missing"),
        ],
    )


def test_gx101_silent():
    t = RuleTester("GX101")
    t.valid(CLEAN)
    t.valid(CLEAN.replace("\n", " "))  # one-line document, inline headings
    t.valid(doc_of(["\u3000\u3000" + h for h in SIX]))  # indented with U+3000
    t.valid(doc_of(["## " + h for h in SIX]))
    t.valid(doc_of([f"**{h}**" for h in SIX]))
    t.valid(layout("trad_pinyin_pdf.txt"))
    t.valid(layout("pre2019.txt"))  # GX104 says it once, no cascade
    t.valid(seed("004"))  # headings present, tables missing
