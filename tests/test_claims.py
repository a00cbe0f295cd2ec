"""Claims: numbers of the prose with what they count and the exact span of the number (template.md §8)."""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.parse import parse
from gxlint.parse.claims import cn_number
from seedutil import read_seed as seed

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "seeds")


def claims(text):
    doc = parse(text)
    return doc, doc.claims


def find(doc, cs, written, nth=0):
    """The claims of the nth distinct place whose span reads exactly ``written``."""
    starts = sorted({c.span.start for c in cs if doc.text[c.span.start : c.span.end] == written})
    assert len(starts) > nth, (
        f"no claim {written!r} (#{nth}); claims: {[(doc.text[c.span.start : c.span.end], c.subject) for c in cs]}"
    )
    return [c for c in cs if c.span.start == starts[nth]]


def one(doc, cs, written, nth=0):
    got = find(doc, cs, written, nth)
    assert len(got) == 1, got
    return got[0]


CITY = (
    "一、总体情况\n"
    "2023年，全市共受理政府信息公开申请 2417 件，答复 2390 件（含上年度结转申请 21 件，另有 48 件顺延到下年度答复）。\n"
    "政府信息公开行政诉讼 30 件，其中结果维持 17 件，结果纠正 4 件，其他结果 6 件，尚未审结 3 件。\n"
    "二、主动公开政府信息情况\n"
)


def test_city_phrasing_received_answered_carried():
    doc, cs = claims(CITY)
    c = one(doc, cs, "2417")
    assert (c.value, c.unit, c.subject, c.scope) == (2417, "件", "received", "共")  # 含 follows 答复, not 受理
    c = one(doc, cs, "2390")
    assert (c.value, c.subject) == (2390, "answered")
    c = one(doc, cs, "21")
    assert (c.subject, c.scope) == ("carried_prev", "含")
    assert c.extra["parent"] is one(doc, cs, "2390")
    c = one(doc, cs, "48")
    assert (c.value, c.subject, c.scope) == (48, "carried_next", "另有")


def test_city_phrasing_litigation_results_are_both_groups():
    doc, cs = claims(CITY)
    total = one(doc, cs, "30")
    assert total.subject == "litigation"
    keep, fix = one(doc, cs, "17"), one(doc, cs, "4")
    assert (keep.subject, keep.extra["group"], keep.scope) == ("keep", "lit", "其中")
    assert (fix.subject, fix.extra["group"]) == ("fix", "lit")
    assert one(doc, cs, "6").subject == "oth_result"
    assert one(doc, cs, "3").subject == "pend"
    assert [p.value for p in total.extra["parts"]] == [17, 4, 6, 3]
    assert total.extra["closed"] is False  # 其他结果 is a category, not a closing 其他


def _city_report(prose):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "gx4_reports", os.path.join(os.path.dirname(os.path.abspath(__file__)), "rules", "gx4_reports.py")
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.city(prose)


def test_targets_name_the_template_cells():
    text = _city_report(
        "政府信息公开行政诉讼 30 件，其中结果维持 17 件，结果纠正 4 件。全市共受理政府信息公开申请 2417 件。"
    )
    doc, cs = claims(text)
    lit = one(doc, cs, "30")
    alt = lit.extra["targets"][0]
    assert [lbl for lbl, _ in alt["terms"]] == [
        "表四 行政诉讼（未经复议直接起诉） 总计",
        "表四 行政诉讼（复议后起诉） 总计",
    ]
    assert alt["value"] == 30
    assert one(doc, cs, "17").extra["targets"][0]["value"] == 17
    rec = one(doc, cs, "2417")
    assert [a["value"] for a in rec.extra["targets"]] == [2417, 2438]  # 一, or 一+二 (共受理 is ambiguous)


def test_spaces_fullwidth_and_chinese_numerals():
    doc, cs = claims("一、总体情况\n本年度收到政府信息公开申请 １６２ 件。另收到申请一百六十二件，又收到申请两件。\n")
    c = one(doc, cs, "１６２")
    assert (c.value, c.subject, c.approx) == (162, "received", False)
    assert one(doc, cs, "一百六十二").value == 162
    assert one(doc, cs, "两").value == 2


@pytest.mark.parametrize(
    "s,v",
    [
        ("一百六十二", 162),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一千零五", 1005),
        ("三万", 30000),
        ("二〇二四", 2024),
        ("零", 0),
    ],
)
def test_cn_number(s, v):
    assert cn_number(s) == v


@pytest.mark.parametrize(
    "phrase,written",
    [
        ("收到申请十余件", "十"),
        ("收到申请约20件", "20"),
        ("收到申请近百件", "百"),
        ("收到申请160多件", "160"),
        ("收到申请100件以上", "100"),
        ("收到申请162余件", "162"),
        ("收到申请超过50件", "50"),
    ],
)
def test_approximate_markers_are_never_exact(phrase, written):
    doc, cs = claims("一、总体情况\n本年度" + phrase + "。\n")
    c = one(doc, cs, written)
    assert c.approx is True


@pytest.mark.parametrize(
    "phrase,written,unit,value",
    [
        ("收取信息处理费1.5万元", "1.5", "万元", 1.5),
        ("收取信息处理费300元", "300", "元", 300),
        ("培训120人次", "120", "人次", 120),
        ("发布政策解读38篇", "38", "篇", 38),
        ("占比43.2%", "43.2", "%", 43.2),
        ("发布信息2.3万条", "2.3万", "条", 23000),
    ],
)
def test_units(phrase, written, unit, value):
    doc, cs = claims("一、总体情况\n本年度" + phrase + "。\n")
    c = one(doc, cs, written)
    assert (c.unit, c.value) == (unit, value)


def test_traditional_text_with_pinyin_maps_back_to_the_original():
    text = "一、總體情況\n2023年,市政府本級(jí)共受理依申請(qǐng)公開162件(含上年結(jié)轉(zhuǎn)3件),其中自然人申請(qǐng)占比100%。\n"
    doc, cs = claims(text)
    total = one(doc, cs, "162")
    assert (total.subject, total.scope) == ("received_incl", "共")
    assert one(doc, cs, "3").subject == "carried_prev"
    pct = one(doc, cs, "100")
    assert (pct.unit, pct.applicant, pct.subject) == ("%", "np", "received_incl")
    assert "申請" in total.context and "(qǐng)" not in total.context


def test_seed_002_line_12():
    doc, cs = claims(seed("002"))
    line12 = [c for c in cs if doc.lines.line_of(c.span.start) == 11]
    got = {(doc.text[c.span.start : c.span.end], c.subject) for c in line12 if not c.negative}
    assert got == {
        ("162", "received_incl"),
        ("3", "carried_prev"),
        ("100", "received_incl"),
        ("70", "sum"),
        ("43.2", ""),
        ("6", "review"),
        ("0", "litigation"),
    }
    seventy = next(c for c in line12 if c.value == 70)
    assert seventy.extra["subjects"] == ["disclosed", "partial"]  # 予以公開及部分公開: a sum
    assert seventy.extra["base_subject"] == "answered"  # 全部…予以答復，其中…
    pct = next(c for c in line12 if c.value == 43.2)
    assert pct.extra["pct"]["parts"][0][0] == 70
    assert 162 in [b[0] for b in pct.extra["pct"]["bases"]]
    neg = [c for c in line12 if c.negative]
    assert [c.subject for c in neg] == ["fix"]  # 未發生結果糾正或敗訴情形


def test_seed_002_line_14_keeps_its_explanation():
    doc, cs = claims(seed("002"))
    line14 = [c for c in cs if doc.lines.line_of(c.span.start) == 13]
    made = next(c for c in line14 if c.subject == "docs_made")
    assert made.value == 5 and "explained" in made.extra["flags"]
    assert made.extra["targets"][0]["value"] == 22
    assert sorted(o.value for o in made.extra["sentence_claims"] if o is not made) == [17, 28]


def test_negative_claims_seed_000():
    doc, cs = claims(seed("000"))
    neg = [(doc.text[c.span.start : c.span.end], c.subject) for c in cs if c.negative]
    assert sorted(neg) == sorted(
        [
            ("未收到依申请公开", "received"),
            ("未产生政府信息公开行政复议、行政诉讼", "litigation"),
            ("未产生政府信息公开行政复议、行政诉讼", "review"),
        ]
    )
    assert all(c.value == 0 for c in cs if c.negative)


def test_no_claims_from_table_cells():
    doc, cs = claims(seed("000"))
    sec2 = doc.section(2)
    assert cs and all(c.span.start < sec2.span.start for c in cs)


def test_004_line_13_list_closed_by_other_and_cumulative_excluded():
    doc, cs = claims(seed("004"))
    total = one(doc, cs, "16")
    assert total.scope == "共"
    assert [p.value for p in total.extra["parts"]] == [4, 8, 4]
    assert total.extra["closed"] is True
    cum = one(doc, cs, "516")
    assert "cumulative" in cum.extra["flags"] and cum.extra.get("parent") is None


def test_quoted_titles_are_not_subjects():
    doc, cs = claims(seed("004"))
    six = one(doc, cs, "六")  # “…行政诉讼情况”“…”六个部分组成
    assert six.subject == ""


def test_respectively_and_both():
    doc, cs = claims(
        "一、总体情况\n收到申请后，予以公开、部分公开、不予公开分别为30件、20件、5件；行政复议、行政诉讼均为0件。\n"
    )
    assert [one(doc, cs, w).subject for w in ("30", "20", "5")] == ["disclosed", "partial", "refused"]
    both = find(doc, cs, "0")
    assert sorted(c.subject for c in both) == ["litigation", "review"] and all(c.scope == "均" for c in both)


def test_respectively_with_a_count_mismatch_is_left_unresolved():
    doc, cs = claims("一、总体情况\n收到申请后，予以公开、部分公开分别为30件、20件、5件。\n")
    assert [one(doc, cs, w).subject for w in ("30", "20", "5")] == ["", "", ""]


def test_other_year_and_delta_are_flagged():
    doc, cs = claims(
        "2023年政府信息公开工作年度报告\n一、总体情况\n2023年收到申请100件，较上年增加20件，2022年收到申请80件。\n"
    )
    assert one(doc, cs, "100").extra["flags"] == []
    assert "delta" in one(doc, cs, "20").extra["flags"]
    assert "other_year" in one(doc, cs, "80").extra["flags"]


def test_applications_words_need_an_applications_paragraph():
    doc, cs = claims("一、总体情况\n全年收到群众来信200件，办理群众诉求300件。\n")
    assert [c.subject for c in cs] == ["", ""]


def test_years_dates_ordinals_are_not_claims():
    doc, cs = claims("一、总体情况\n根据国办公开办函〔2021〕30号，第2次会议于2024年1月17日召开，电话0851-33231880。\n")
    assert cs == []


# --- bad input: never a traceback, spans always inside the text ------------------------------


PIECES = st.sampled_from(
    [
        "共受理",
        "申请",
        "其中",
        "含上年结转",
        "另有",
        "分别为",
        "均为",
        "予以公开",
        "及",
        "部分公开",
        "答复",
        "办结",
        "未收到",
        "未发生",
        "无",
        "行政复议",
        "行政诉讼",
        "结果维持",
        "纠正",
        "自然人",
        "占比",
        "规范性文件",
        "新制发",
        "件",
        "条",
        "个",
        "%",
        "万元",
        "余",
        "约",
        "以上",
        "其他",
        "累计",
        "，",
        "、",
        "；",
        "。",
        "（",
        "）",
        "(",
        "\n",
        "１６２",
        "162",
        "43.2",
        "2,417",
        "一百六十二",
        "两",
        "十",
        "0",
        " ",
        "報(bào)",
        "申請(qǐng)",
        "“",
        "”",
        "《",
        "》",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=60))
def test_any_prose_gives_claims_with_valid_spans(pieces):
    text = "一、总体情况\n" + "".join(pieces) + "\n二、主动公开政府信息情况\n"
    doc = parse(text)
    for c in doc.claims:
        assert 0 <= c.span.start <= c.span.end <= len(text)
        assert c.span.start >= text.index("\n")
        if not c.negative:
            written = text[c.span.start : c.span.end]
            assert written and written.strip() == written, written


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(s):
    parse("一、总体情况\n" + s)


def test_durations_and_unrelated_receipts_are_not_application_counts():
    doc, cs = claims(
        "一、总体情况\n收到申请后，均在15个工作日内答复，比法定时限缩短2个百分点。本年度收到政府信息公开申请后及时处理。"
        "全年收到群众来信200件。\n"
    )
    assert [doc.text[c.span.start : c.span.end] for c in cs] == ["200"]
    assert cs[0].subject == ""


def test_prose_between_tables_and_one_line_reports():
    layouts = os.path.join(os.path.dirname(SEEDS), "layouts")
    with open(os.path.join(layouts, "prose_numbers_pipe.txt"), encoding="utf-8") as fh:
        doc, cs = claims(fh.read())
    # a sentence above table 三, inside section 三, is prose; the table's own cells are not
    line21 = [(doc.text[c.span.start : c.span.end], c.subject) for c in cs if doc.lines.line_of(c.span.start) == 20]
    assert line21 == [
        ("47", "received"),
        ("3", "carried_prev"),
        ("23", "disclosed"),
        ("6", "partial"),
        ("4", "carried_next"),
    ]
    t3 = doc.tables["t3"]
    cells = {c.span.start for r in t3.rows.values() for c in r.cells}
    assert not cells & {c.span.start for c in cs}
    with open(os.path.join(layouts, "oneline_pipe.txt"), encoding="utf-8") as fh:
        doc, cs = claims(fh.read())
    assert [(doc.text[c.span.start : c.span.end], c.subject) for c in cs] == [
        ("47", "received"),
        ("3", "carried_prev"),
        ("46", "answered"),
    ]


def test_ge_is_like_jun():
    doc, cs = claims("一、总体情况\n因政府信息公开被申请行政复议、提起行政诉讼各1件。\n")
    assert sorted(c.subject for c in find(doc, cs, "1")) == ["litigation", "review"]


def test_lists_other_organisations_and_parentheses():
    doc, cs = claims(
        "一、总体情况\n本机关共收到政府信息公开申请12件（其中自然人申请10件，法人或其他组织申请2件），另答复咨询30件。"
        "本年度共办结37件，其中予以公开20件，部分公开5件，不予公开2件，无法提供8件，不予处理2件。\n"
    )
    total = one(doc, cs, "12")
    assert [p.value for p in total.extra["parts"]] == [10, 2]
    assert total.extra["closed"] is False  # 法人或其他组织 is not a closing 其他
    assert one(doc, cs, "10").applicant == "np" and one(doc, cs, "2").applicant == "org"
    done = one(doc, cs, "37")
    assert done.subject == "answered"
    assert [p.subject for p in done.extra["parts"]] == [
        "disclosed",
        "partial",
        "refused",
        "unavailable",
        "not_processed",
    ]


def test_consultations_and_letters_are_not_applications():
    doc, cs = claims(
        "一、总体情况\n本机关共收到政府信息公开申请12件，另答复咨询30件，收到群众来信5件，受理投诉8件，办理业务100件。\n"
    )
    assert [(doc.text[c.span.start : c.span.end], c.subject) for c in cs] == [
        ("12", "received"),
        ("30", ""),
        ("5", ""),
        ("8", ""),
        ("100", ""),
    ]


def test_banli_may_be_total_or_everything_on_the_desk():
    text = _city_report("本年度共办理政府信息公开申请 2438 件。本年度办结政府信息公开申请 2390 件。")
    doc, cs = claims(text)
    handled, answered = one(doc, cs, "2438"), one(doc, cs, "2390")
    assert handled.subject == "handled" and [a["value"] for a in handled.extra["targets"]] == [2390, 2438]
    assert answered.subject == "answered" and [a["value"] for a in answered.extra["targets"]] == [2390]
