"""Numbers far too long to be figures: a table cell of hundreds or thousands of digits is one GX205
finding and nothing else changes (it overflowed float() at 309 digits and hit Python's int-string
limit at 4,301, so the whole file got only GX001); a prose number that long is not read as a
claim (it printed as "inf"); a percentage with hundreds of decimals is compared sanely (GX403
overflowed)."""

from __future__ import annotations

import pytest
import regex

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.parse.tables import MAX_DIGITS, TOO_LONG, read_number
from seedutil import read_layout as layout
from seedutil import read_seed as seed


@pytest.mark.parametrize(
    "raw,kw,value,why",
    [
        ("9" * MAX_DIGITS, {}, float("9" * MAX_DIGITS), None),
        ("1" + "0" * MAX_DIGITS, {}, None, TOO_LONG),
        ("9" * 309, {}, None, TOO_LONG),
        ("9" * 5000, {}, None, TOO_LONG),
        ("0" * 400, {}, None, TOO_LONG),
        ("123," * 10 + "123", {}, None, TOO_LONG),  # 33 digits with thousands separators
        ("1,234,567,890,123", {}, 1234567890123.0, None),
        ("9" * 400 + ".5", {"decimal": True}, None, TOO_LONG),
        ("12345.123456789012345678", {"decimal": True}, 12345.123456789012345678, None),  # long decimals read
        ("增" + "9" * 400, {"signed": True}, None, TOO_LONG),
        ("-" + "9" * 400, {"signed": True}, None, TOO_LONG),
        ("9" * 400 + "O", {}, None, "数字中混有字母"),
    ],
)
def test_read_number_refuses_absurd_lengths(raw, kw, value, why):
    assert read_number(raw, **kw) == (value, why)


def _diags(text):
    res = lint(text, None, Settings())
    return [(d.code, res.doc.lines.line_of(d.span.start) + 1, d) for d in res.diagnostics]


CASES = [
    ("pipe.txt", "2.重复申请 | 1 | 0 |", "2.重复申请 | 1 | {} |"),
    ("tabs.txt", "\t2.重复申请\t1\t0\t", "\t2.重复申请\t1\t{}\t"),
    ("cell_per_line_bar.txt", None, None),
]


@pytest.mark.parametrize("digits", [16, 309, 400, 4301, 5000])
@pytest.mark.parametrize("name,old,new", [c for c in CASES if c[1]])
def test_huge_cell_is_one_gx205_and_nothing_else_changes(name, old, new, digits):
    base = layout(name)
    assert base.count(old) == 1
    text = base.replace(old, new.format("7" * digits))
    before = [(c, ln) for c, ln, _d in _diags(base.replace(old, new.format("0")))]
    after = _diags(text)
    gx205 = [(c, ln, d) for c, ln, d in after if c == "GX205"]
    assert len(gx205) == 1
    _c, line, d = gx205[0]
    assert text[d.span.start : d.span.end] == "7" * digits
    assert f"有 {digits} 位" in d.message and len(d.message) < 120, d.message
    assert sorted((c, ln) for c, ln, _d in after if c != "GX205") == sorted(before)


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_huge_cell_in_a_seed_adds_gx205_only(prefix):
    """Seed 000 (| rows) and 003 (tab rows): the first cell of table 三 replaced by 400 digits.
    Its row's identities are skipped (no value), every other finding stays where it was."""
    text = seed(prefix)
    i = text.index("三、收到和处理")
    m = regex.compile(r"(?<=[|\t] *)(\d+)(?= *[|\t])").search(text, text.index("本年新收", i))
    huge = text[: m.start()] + "8" * 400 + text[m.end() :]
    before = lint(text).diagnostics
    after = lint(huge).diagnostics
    new = [d for d in after if d.code == "GX205" and huge[d.span.start : d.span.end] == "8" * 400]
    assert len(new) == 1
    # same findings before the cell; after it, same findings shifted by the length change
    shift = 400 - (m.end() - m.start())
    moved = sorted(
        (d.code, d.span.start if d.span.start < m.start() else d.span.start - shift) for d in after if d is not new[0]
    )
    assert moved == sorted((d.code, d.span.start) for d in before)


@pytest.mark.parametrize("num", ["9" * 20, "9" * 400, "9" * 5000, "一" * 30, "一" * 5000, "一" + "万" * 3000])
def test_absurd_prose_number_is_not_a_claim(num):
    text = seed("000")
    i = text.index("二、主动公开")
    line = f"本年度共收到政府信息公开申请{num}件，其中予以公开{num}件。\n"
    res = lint(text[:i] + line + text[i:])
    assert [d.code for d in res.diagnostics] == [d.code for d in lint(text).diagnostics]
    assert not any("inf" in d.message for d in res.diagnostics)


def _share(pct: str) -> str:
    return (
        "2023年政府信息公开工作年度报告\n一、总体情况\n"
        f"本年度共受理政府信息公开申请162件，其中予以公开70件、占比{pct}%。\n"
    )


def test_percentage_with_hundreds_of_decimals():
    res = lint(_share("45.2" + "0" * 320))
    codes = [d.code for d in res.diagnostics]
    assert "GX001" not in codes and codes.count("GX403") == 1
    (d,) = [d for d in res.diagnostics if d.code == "GX403"]
    assert "70 / 162 = 43.21%" in d.message
    # the true share written to many places agrees; so does the 43.2 the report means
    for ok in ("43.20987654320987654320987654", "43.2098765432"):
        assert "GX403" not in [d.code for d in lint(_share(ok)).diagnostics], ok
    # a percentage of 320 digits is not a figure: not compared, no "inf"
    res = lint(_share("9" * 320 + ".5"))
    assert "GX403" not in [d.code for d in res.diagnostics]
    assert not any("inf" in d.message for d in res.diagnostics)
