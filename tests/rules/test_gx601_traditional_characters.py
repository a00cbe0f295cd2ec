"""GX601 traditional-characters (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx6_script_pinyin import with_gx605
from gx56_sample import line_of, read_seed, report

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_edits, apply_fixes
from gxlint.parse.normalize import t2s
from gxlint.testing import RuleTester

gx601 = RuleTester("GX601")


def test_one_finding_per_paragraph_at_its_first_traditional_character():
    text = report(opening="2023年，我局認真貫徹落實《條例》，推進政務公開工作。", part6="本年度未收取信息處理費。")
    got = gx601.invalid(
        text,
        [
            ("paragraph", line_of(text, "認"), (4, 10)),
            ("paragraph", line_of(text, "處"), (27, 10)),
        ],
        output=[("認真貫徹落實《條例》，推進政務公開", "认真贯彻落实《条例》，推进政务公开"), ("處理費", "处理费")],
    )
    assert "本段有 8 个繁体字（如 認→认、貫→贯、徹→彻）" in got[0][2]  # three examples
    _res, own = gx601.diagnostics(text)
    assert [text[d.span.start : d.span.end] for d in own] == ["認", "處"]


def test_one_kind_of_character_is_one_hint_with_an_unsafe_fix():
    # OpenCC turns the county 乾县 into 干县: one information-level hint, never an automatic edit
    text = report(title="乾县某某局2023年政府信息公开工作年度报告", signature="乾县某某局\n2024年1月20日")
    res, own = gx601.diagnostics(text)
    assert [(d.severity.label, d.fix.safe, len(d.fix.edits)) for d in own] == [("information", False, 2)]
    gx601.invalid(
        text,
        [("single", (1, 1), (1, 2), "如是地名、人名用字请忽略")],
        output=[("乾县某某局2", "干县某某局2"), ("\n乾县", "\n干县")],
    )
    assert text[own[0].span.start : own[0].span.end] == "乾"
    assert apply_fixes(text, own)[0] == text


def test_the_first_finding_converts_the_whole_document():
    text = report(title="某某市某某局2023年政府信息公開工作年度報告", opening="2023年，我局認真貫徹落實《條例》。")
    res, own = gx601.diagnostics(text)
    whole = own[0].fix
    assert whole.safe and own[0].data["document_fix"]
    fixed, _ = apply_edits(text, whole.edits)
    assert fixed == t2s(text)
    # the other findings carry the part of the same edits inside their paragraph
    for d in own[1:]:
        assert set(d.fix.edits) <= set(whole.edits)
        assert all(res.doc.lines.line_of(e.start) == res.doc.lines.line_of(d.span.start) for e in d.fix.edits)
    # applying everything is applying the one fix
    assert apply_fixes(text, own)[0] == fixed


def test_residue_lines_are_converted_when_gx605_is_off():
    seed = read_seed("002")
    res, own = with_gx605("GX601", seed)
    assert 2 not in [res.doc.lines.line_of(d.span.start) + 1 for d in own]
    assert 2 in [p[0] for p in gx601.positions(seed)]


def test_seed_002_converted_keeps_pinyin_for_gx602():
    seed = read_seed("002")
    res, own = gx601.diagnostics(seed)
    fixed, _ = apply_edits(seed, own[0].fix.edits)
    # only characters changed; every pinyin annotation is still there, after a simplified character
    assert len(fixed) == len(seed)
    assert "报(bào)告" in fixed and "(bào)" in seed
    assert not [p for p in gx601.positions(fixed) if p[0] != 2]


def test_cells_one_per_line_outside_a_read_table_are_one_paragraph():
    cells = "\n\n".join(
        ["申請人情況", "自然人", "商業企業", "科研機構", "社會公益組織", "法律服務機構", "其他", "總計"]
    )
    text = report(opening="2023年，我局推進政務公開。\n" + cells + "\n本年度，我局認真貫徹落實條例，推進政務公開工作。")
    got = gx601.positions(text)
    assert [l for l, _, _ in got] == [line_of(text, "推進")[0], line_of(text, "申請人")[0], line_of(text, "認真")[0]]


def test_the_same_traditional_line_twice_is_converted_at_both_places():
    """The differences of a run are memoised by its text: a repeated line (and a second lint) gets
    its own findings and edits at its own offsets."""
    line = "我局認真貫徹落實《條例》。"
    text = report(opening=line + "\n" + line, part6="本年度未收取信息處(chǔ)理費。")
    first = lint(text, None, Settings.from_options(None, select="GX601"))
    again = lint(text, None, Settings.from_options(None, select="GX601"))
    assert [(d.span, d.fix.edits) for d in first.diagnostics] == [(d.span, d.fix.edits) for d in again.diagnostics]
    whole = first.diagnostics[0].fix.edits
    a = text.index(line)
    b = text.index(line, a + 1)
    assert [(e.start, e.new_text) for e in whole if a <= e.start < a + len(line)] == [
        (a + 2, "认"),
        (a + 4, "贯彻"),
        (a + 7, "实"),
        (a + 9, "条"),
    ]
    assert [(e.start - b, e.new_text) for e in whole if b <= e.start < b + len(line)] == [
        (2, "认"),
        (4, "贯彻"),
        (7, "实"),
        (9, "条"),
    ]
    fixed = apply_edits(text, whole)[0]
    assert fixed.count("我局认真贯彻落实《条例》。") == 2 and "处(chǔ)理费" in fixed
