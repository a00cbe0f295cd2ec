"""Section headings (template.md §3): variants, indents, Markdown, inline, traditional; table 三's
row labels are not sections; the pre-2019 structure is recognised once."""

import pytest
from layout_expect import load, pos

from gxlint.parse import parse

SIX = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def _doc(headings, body="内容。"):
    return "".join(f"{h}\n{body}\n" for h in headings)


def test_plain_headings_positions():
    text = _doc(SIX)
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert [pos(doc, s.span.start) for s in doc.sections] == [(1 + 2 * k, 1) for k in range(6)]
    assert [s.title for s in doc.sections] == SIX
    assert not any(s.inline for s in doc.sections)


@pytest.mark.parametrize("indent", ["\u00a0\u00a0", "\u3000\u3000", "  ", "\t", "\u00a0\u3000 "])
def test_indented_headings(indent):
    text = _doc([indent + h for h in SIX])
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    s3 = doc.sections[2]
    assert pos(doc, s3.span.start) == (5, len(indent) + 1)
    assert text[s3.span.start : s3.span.end] == SIX[2]
    assert not s3.inline


@pytest.mark.parametrize("fmt", ["## {}", "### {}", "**{}**", "# **{}**", "> {}"])
def test_markdown_headings(fmt):
    text = _doc([fmt.format(h) for h in SIX])
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert all(s.title.startswith(h) for s, h in zip(doc.sections, SIX))
    lead = fmt.index("{")
    assert pos(doc, doc.sections[0].span.start) == (1, lead + 1)


@pytest.mark.parametrize(
    "variant,index",
    [
        ("二、行政机关主动公开政府信息情况", 2),
        ("三、行政机关收到和处理政府信息公开申请情况", 3),
        ("四、政府信息公开行政复议和行政诉讼情况", 4),
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", 4),
        ("四、政府信息公开行政复议、行政诉讼情况", 4),
        ("五、政府信息公开工作存在的主要问题及改进情况", 5),
        ("一.总体情况", 1),
        ("一 、 总 体 情 况", 1),
        ("三、收到和處理政府信息公開申請情況", 3),
        ("三、收(shōu)到和處(chǔ)理政府信息公開(kāi)申請(qǐng)情況", 3),
    ],
)
def test_heading_variants(variant, index):
    heads = list(SIX)
    heads[index - 1] = variant
    doc = parse(_doc(heads))
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    s = doc.section(index)
    assert s.title == variant and s.canonical == SIX[index - 1]


def test_inline_headings_in_one_line_document():
    text = "某某局2023年政府信息公开工作年度报告 " + " ".join(f"{h} 内容{k}。" for k, h in enumerate(SIX))
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert all(s.inline for s in doc.sections)
    for s, h in zip(doc.sections, SIX):
        assert text[s.span.start : s.span.end] == h
        assert doc.lines.position(s.span.start)[0] == 0


def test_table_three_row_labels_are_not_sections():
    for name in ("pipe.txt", "pdf.txt", "tabs.txt", "markdown.txt"):
        text = load(name)
        assert "四、结转下年度继续办理" in text and "一、本年新收政府信息公开申请数量" in text
        doc = parse(text)
        assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6], name
        assert [s.numeral for s in doc.sections] == list("一二三四五六"), name
        assert doc.headings.duplicates == []
        one = parse(text.replace("\n", " "))
        assert [s.index for s in one.sections] == [1, 2, 3, 4, 5, 6], name
        assert one.headings.duplicates == []


def test_misnumbered_heading_is_still_its_section():
    heads = list(SIX)
    heads[2] = "四、收到和处理政府信息公开申请情况"
    doc = parse(_doc(heads))
    s = doc.section(3)
    assert s.numeral == "四" and s.index == 3


def test_caption_repeating_a_heading_mid_line_is_not_a_section():
    text = _doc(SIX[:2]) + "表：二、主动公开政府信息情况（续）\n" + _doc(SIX[2:])
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert doc.headings.duplicates == []


def test_second_line_start_heading_is_a_duplicate():
    text = _doc(SIX) + "四、政府信息公开行政复议、行政诉讼情况\n又一遍。\n"
    doc = parse(text)
    dups = doc.headings.duplicates
    assert [(h.index, h.numeral) for h in dups] == [(4, "四")]
    assert pos(doc, dups[0].span.start) == (13, 1)


def test_pre2019_structure_recognised_once():
    doc = parse(load("pre2019.txt"))
    assert doc.template == "pre2019"
    assert doc.pre2019 is not None and pos(doc, doc.pre2019.start) == (3, 1)
    assert len(doc.headings.old) == 4
    assert doc.tables == {}


def test_modern_report_is_not_pre2019():
    for name in ("pipe.txt", "pdf.txt", "v2019_signed.txt"):
        doc = parse(load(name))
        assert doc.pre2019 is None and doc.template in ("v2019", "v2021")


def test_one_line_document_with_an_outline_of_the_six_parts():
    body = load("pipe.txt").replace("\n", " ")
    intro = (
        "本报告分为一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，"
        "四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项六个部分。 "
    )
    k = body.index("一、总体情况")
    text = body[:k] + intro + body[k:]
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert all(s.span.start > k + len(intro) - 1 for s in doc.sections)
    assert doc.tables["t3"].missing == [] and doc.tables["t2"].missing == []


def test_one_line_document_empty_section_still_found():
    text = " ".join(f"{h} 内容内容内容内容。" if k != 4 else h for k, h in enumerate(SIX))
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]


# --- headings as written ---------------------------------------------------------------------

TYPO4 = "四、政府信息公开行政法复议、行政诉讼情况"


def test_misspelt_heading_is_still_its_section():
    heads = list(SIX)
    heads[3] = TYPO4
    text = _doc(heads)
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    s4 = doc.section(4)
    assert s4.title == TYPO4 and pos(doc, s4.span.start) == (7, 1) and not s4.inline
    assert [(h.index, h.form) for h in doc.headings.nonstandard] == [(4, "fuzzy")]


def test_misspelt_heading_inside_a_one_line_document():
    heads = list(SIX)
    heads[3] = TYPO4
    text = " ".join(f"{h} 内容内容内容。" for h in heads)
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    s4 = doc.section(4)
    assert text[s4.span.start : s4.span.end] == TYPO4 and s4.inline
    # its body runs to the next heading
    assert text[s4.body.start : s4.body.end] == " 内容内容内容。 "
    # a year written into a heading inside a line
    text = text.replace("二、主动公开", "二、2023年度主动公开")
    s2 = parse(text).section(2)
    assert text[s2.span.start : s2.span.end] == "二、2023年度主动公开政府信息情况"


def test_heading_with_extra_words_on_its_line():
    heads = list(SIX)
    heads[1] = "二、2023年度主动公开政府信息情况"
    heads[4] = "五、本单位存在的主要问题及改进情况"
    doc = parse(_doc(heads))
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert doc.section(2).title == heads[1] and doc.section(5).title == heads[4]
    assert sorted(h.index for h in doc.headings.nonstandard) == [2, 5]


def test_statistics_parts_numbered_the_reports_own_way():
    heads = [
        "一、总体情况",
        "二、政府信息公开统计情况",
        "（一）主动公开情况",
        "（二）收到和处理政府信息公开申请情况",
        "（三）政府信息公开行政复议、行政诉讼情况",
        "三、存在的主要问题及改进情况",
        "四、其他需要报告的事项",
    ]
    doc = parse(_doc(heads))
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.title for s in doc.sections][1:4] == heads[2:5]
    assert [pos(doc, s.span.start)[0] for s in doc.sections] == [1, 5, 7, 9, 11, 13]
    assert [(h.index, h.form) for h in doc.headings.nonstandard] == [(2, "alt"), (3, "alt"), (4, "alt")]


def test_headings_without_numerals():
    heads = [h[2:] for h in SIX]
    doc = parse(_doc(heads))
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.title for s in doc.sections] == heads
    assert [s.numeral for s in doc.sections] == list("一二三四五六")


def test_sub_heading_is_not_taken_when_the_section_heading_is_there():
    heads = list(SIX)
    heads[0] = "一、总体情况\n（一）主动公开情况\n全年主动公开信息120条。\n（二）收到和处理政府信息公开申请情况"
    doc = parse(_doc(heads))
    assert [pos(doc, s.span.start)[0] for s in doc.sections] == [1, 6, 8, 10, 12, 14]
    assert doc.headings.nonstandard == []


def test_table_three_row_labels_never_stand_in_for_a_missing_section():
    text = load("pipe.txt")
    k = text.index("四、政府信息公开行政复议、行政诉讼情况")
    end = text.index("五、存在的主要问题及改进情况")
    text = text[:k] + text[end:]  # section 四 (and table 四) really missing
    assert "四、结转下年度继续办理" in text
    for t in (text, text.replace("\n", " ")):
        doc = parse(t)
        assert [s.index for s in doc.sections] == [1, 2, 3, 5, 6]
        assert doc.headings.nonstandard == []


def test_prose_numbered_like_a_heading_is_not_a_section():
    text = (
        " ".join(f"{h} 内容内容内容。" for h in SIX[:3])
        + " 四、加强政府信息公开行政复议应诉工作，提高水平。 "
        + " ".join(f"{h} 内容内容内容。" for h in SIX[4:])
    )
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 5, 6]
    # nor a sentence at the start of a line that comes near the title
    lines = _doc(SIX[:3]) + "四、政府信息公开行政复议诉讼情况良好，全年未发生。\n" + _doc(SIX[4:])
    assert [s.index for s in parse(lines).sections] == [1, 2, 3, 5, 6]


def test_heading_out_of_its_place_is_not_taken():
    # a misspelt 四 after 五: not in 四's place (between 三 and 五), so 四 stays missing
    heads = SIX[:3] + SIX[4:5] + [TYPO4] + SIX[5:]
    doc = parse(_doc(heads))
    assert [s.index for s in doc.sections] == [1, 2, 3, 5, 6]


# --- pre-2019 structure ------------------------------------------------------------------------


def test_pre2019_one_line_document():
    one = load("pre2019.txt").replace("\n", " ")
    doc = parse(one)
    assert doc.template == "pre2019"
    assert doc.pre2019.start == one.index("一、概述")
    assert [one[s.start : s.end] for s in doc.headings.old][:2] == [
        "一、概述",
        "三、依申请公开政府信息和不予公开政府信息的情况",
    ]


def test_old_structure_2020_is_pre2019_template():
    doc = parse(load("old_structure_2020.txt"))
    assert doc.template == "pre2019" and doc.meta.year == 2020
    assert pos(doc, doc.pre2019.start) == (5, 1)
    assert doc.tables == {} and doc.claims == []


def test_report_for_2012_is_pre2019_even_without_old_headings():
    text = load("pre2019_2012.txt").replace("三、依申请公开政府信息的办理情况", "三、办理申请")
    doc = parse(text)
    assert doc.headings.old == [] and doc.meta.year == 2012
    assert doc.template == "pre2019" and doc.pre2019 == doc.meta.title_span


def test_text_mentioning_an_old_year_is_not_a_pre2019_report():
    for text in (
        "会议纪要\n2015年3月2日，会议讨论了年度工作安排。\n",
        "某某公司2015年度审计报告\n收入增长。\n",
        "2016年，本单位完成了各项工作。\n下一步继续努力。\n",
    ):
        doc = parse(text)
        assert doc.pre2019 is None and doc.template != "pre2019", text


@pytest.mark.parametrize(
    "heading",
    [
        "三、依申请公开政府信息情况",  # 的 is optional in the old titles
        "三、依申请公开政府信息的情况",
        "三、政府信息依申请公开办理情况",
        "四、政府信息公开的收费及减免情况",
        "四、政府信息公开支出和收费情况",
        "五、因政府信息公开申请行政复议和提起行政诉讼的情况",
    ],
)
def test_old_heading_variants(heading):
    doc = parse(f"一、概述\n2016年工作。\n{heading}\n无。\n")
    assert doc.template == "pre2019"
    assert [doc.text[s.start : s.end] for s in doc.headings.old] == ["一、概述", heading]


@pytest.mark.parametrize(
    "written,index",
    [
        ("二 主动公开政府信息情况", 2),
        ("三：收到和处理政府信息公开申请情况", 3),
        ("第四部分 政府信息公开行政复议、行政诉讼情况", 4),
        ("5.存在的主要问题及改进情况", 5),
        ("（六）其他需要报告的事项", 6),
    ],
)
def test_heading_numbered_other_ways(written, index):
    heads = list(SIX)
    heads[index - 1] = written
    doc = parse(_doc(heads))
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    s = doc.section(index)
    assert s.title == written and pos(doc, s.span.start) == (2 * index - 1, 1)
    assert [(h.index, h.form) for h in doc.headings.nonstandard] == [(index, "alt")]


def test_misspelt_heading_with_its_first_sentence_on_the_same_line():
    heads = list(SIX)
    heads[3] = TYPO4 + " 本年度未发生行政复议、行政诉讼。"
    text = _doc(heads)
    doc = parse(text)
    s4 = doc.section(4)
    assert text[s4.span.start : s4.span.end] == TYPO4 and pos(doc, s4.span.start) == (7, 1)
    assert not s4.inline


def test_year_given_by_the_user_decides_an_old_report():
    text = (
        load("pre2019_2012.txt").replace("2012年", "本年").replace("三、依申请公开政府信息的办理情况", "三、办理申请")
    )
    assert parse(text).pre2019 is None
    doc = parse(text, year=2012)
    assert doc.template == "pre2019" and doc.pre2019 == doc.meta.title_span
