from gx6_script_pinyin import with_gx605
from gx56_sample import read_seed, report

from gxlint.fixes import apply_edits
from gxlint.parse.normalize import t2s
from gxlint.testing import RuleTester

gx601 = RuleTester("GX601")
gx602 = RuleTester("GX602")


def test_simplified_report_is_silent():
    gx601.valid(report())
    gx602.valid(report())
    for seed in ("000", "001", "003", "004"):
        gx601.valid(read_seed(seed))
        gx602.valid(read_seed(seed))


def test_a_table_is_one_paragraph():
    seed = read_seed("002")
    res, own = with_gx605("GX601", seed)
    lines = [res.doc.lines.line_of(d.span.start) + 1 for d in own]
    assert len(own) <= 60
    t3 = res.doc.tables["t3"]
    first, last = res.doc.lines.line_of(t3.span.start) + 1, res.doc.lines.line_of(t3.span.end) + 1
    assert sum(first <= ln <= last for ln in lines) == 1
    assert 1 in lines and 2 not in lines  # line 2 is web residue: GX605 deletes it


def test_the_whole_fix_leaves_a_residue_line_to_gx605_and_converts_the_rest():
    # the fix's runs are cut where GX605's line is left out: every other run is converted whole
    text = report(extra_top="標題：某某局年報", opening="2023年，我局認真貫徹落實《條例》，推進政務公開工作。")
    res, own = with_gx605("GX601", text)
    assert [d.code for d in res.diagnostics if d.code == "GX605"] == ["GX605"]
    fixed, _ = apply_edits(text, own[0].fix.edits)
    lines = text.split("\n")
    assert fixed == "\n".join([lines[0]] + [t2s(line) for line in lines[1:]])
    edits = sorted(own[0].fix.edits, key=lambda e: e.start)  # one edit per run of adjacent characters
    assert not any(a.end == b.start for a, b in zip(edits, edits[1:]))
    assert "贯彻" in [e.new_text for e in edits]  # 貫徹: one edit


def test_seed_002_pinyin_aggregated():
    seed = read_seed("002")
    res, own = with_gx605("GX602", seed)
    assert 10 <= len(own) <= 60
    assert sum(d.data["count"] for d in own) == len(own[0].fix.edits) == 683 - 5  # 5 are on the residue line
    assert own[0].span == res.doc.norm.pinyin[0]
    assert len(gx602.diagnostics(seed)[1][0].fix.edits) == 683  # GX605 off: the residue line's too
    fixed, _ = apply_edits(seed, own[0].fix.edits)
    assert "報告" in fixed.splitlines()[0]
