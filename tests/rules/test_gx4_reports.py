"""Complete reports: no GX4 error as written; with one prose number changed, caught at that number."""

import pytest
import regex
from gx4_reports import city
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.config import Settings
from gxlint.engine import lint
from seedutil import read_seed as seed

GX4 = Settings.from_options(None, select="GX4")


def gx4(text):
    return lint(text, None, GX4).diagnostics


@pytest.mark.parametrize("name", ["city", "000", "002", "003", "004"])
def test_complete_reports_have_no_gx4_error(name):
    text = city() if name == "city" else seed(name)
    assert [d.message for d in gx4(text) if d.severity.label == "error"] == []


def test_seed_001_only_the_none_warning():
    got = [(d.code, d.severity.label) for d in gx4(seed("001"))]
    assert got == [("GX402", "warning")]


def _numbers(text, lines):
    """Every prose number on the given 1-based lines (years, dates and ordinals left out)."""
    out = []
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for ln in lines:
        a = starts[ln - 1]
        b = starts[ln] if ln < len(starts) else len(text)
        for m in regex.finditer(r"\d+(?:\.\d+)?", text[a:b]):
            after = text[a + m.end() : a + m.end() + 1]
            if after in "年月日号" or text[a + m.start() - 1] in "第〔":
                continue
            out.append((ln, a + m.start(), m.group()))
    return out


def _bump(v):
    return str(round(float(v) + 1, 1)) if "." in v else str(int(v) + 1)


CITY = city()
CITY_LINES = [3, 4, 5, 6]
CASES = [("city", *n) for n in _numbers(CITY, CITY_LINES)] + [("002", *n) for n in _numbers(seed("002"), [12])]


@pytest.mark.parametrize("name,line,offset,written", CASES, ids=[f"{c[0]}:{c[1]}:{c[3]}@{c[2]}" for c in CASES])
def test_one_changed_number_is_caught_at_that_number(name, line, offset, written):
    text = CITY if name == "city" else seed(name)
    changed = text[:offset] + _bump(written) + text[offset + len(written) :]
    diags = gx4(changed)
    here = [d for d in diags if d.span.start == offset]
    assert here, f"{written} → {_bump(written)} on line {line}: not caught; said {[(d.code, d.message) for d in diags]}"
    assert all(d.severity.label == "error" for d in here)
    # one root cause, one diagnostic
    assert len(diags) == 1, [(d.code, d.message) for d in diags]


def test_case_list_is_not_empty():
    assert len([c for c in CASES if c[0] == "city"]) >= 20
    assert [c[3] for c in CASES if c[0] == "002"] == ["162", "3", "100", "70", "43.2", "6", "0"]


@pytest.mark.parametrize("written", ["5", "17", "28"])
def test_seed_002_line_14_changed_is_at_most_a_warning(written):
    text = seed("002")
    offset = next(o for ln, o, w in _numbers(text, [14]) if w == written)
    changed = text[:offset] + _bump(written) + text[offset + len(written) :]
    diags = gx4(changed)
    assert diags and all(d.severity.label == "warning" for d in diags)
    assert all(changed.count("\n", 0, d.span.start) + 1 == 14 for d in diags)


def test_seed_002_162_to_163():
    text = seed("002").replace("公開162件", "公開163件")
    (d,) = gx4(text)
    assert (d.code, d.severity.label) == ("GX401", "error")
    assert text.count("\n", 0, d.span.start) + 1 == 12
    assert text[d.span.start : d.span.end] == "163"
    assert d.message == (
        "正文称受理申请（含上年结转）为 163，但表三“一、本年新收政府信息公开申请数量”总计、"
        "表三“二、上年结转政府信息公开申请数量”总计之和为 162"
    )


PIECES = st.sampled_from(
    [
        "共受理政府信息公开申请",
        "其中",
        "（含上年结转",
        "另有",
        "分别为",
        "均为",
        "予以公开",
        "及",
        "部分公开",
        "答复",
        "未收到申请",
        "未发生行政复议",
        "行政诉讼",
        "结果维持",
        "自然人申请",
        "占比",
        "新制发规范性文件",
        "现行有效",
        "件",
        "条",
        "%",
        "余",
        "其他",
        "，",
        "、",
        "；",
        "。",
        "）",
        "2417",
        "2390",
        "21",
        "48",
        "43.2",
        "100",
        "0",
        "十",
    ]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_gx4_rules_never_crash(pieces):
    res = lint(city("".join(pieces)), None, Settings.from_options(None, select="GX4,GX001"))
    assert [d.message for d in res.diagnostics if d.code == "GX001"] == []


@pytest.mark.parametrize(
    "code,text,needle",
    [
        ("GX401", city().replace("申请 2417 件", "申请 2418 件"), "the prose says 2418 applications received"),
        (
            "GX402",
            city("本年度未收到政府信息公开申请。"),
            "the prose says “未收到政府信息公开申请” (none), but table 3",
        ),
        ("GX402", city("本年度收到政府信息公开申请5件。", t3={}), "the prose says 5 applications, but table 3 has 0"),
        (
            "GX403",
            city().replace("95.9%", "90.9%"),
            "the prose says 90.9%, but 2317 / 2417 = 95.86% (95.9% at the precision",
        ),
        (
            "GX404",
            "一、总体情况\n共发布信息10条，其中政策5条，动态6条。\n",
            "add up to 11 (5 + 6), more than the total 10",
        ),
    ],
)
def test_english_messages(code, text, needle):
    from gxlint.testing import RuleTester

    got = RuleTester(code, lang="en").positions(text)
    assert any(needle in m for _l, _c, m in got), got
