"""Section headings (template.md §3): variants, indents, Markdown, inline, traditional; table 三's
row labels are not sections; the pre-2019 structure is recognised once."""
import pytest

from gxlint.parse import parse

from layout_expect import load, pos

SIX = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
       "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


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
    assert text[s3.span.start:s3.span.end] == SIX[2]
    assert not s3.inline


@pytest.mark.parametrize("fmt", ["## {}", "### {}", "**{}**", "# **{}**", "> {}"])
def test_markdown_headings(fmt):
    text = _doc([fmt.format(h) for h in SIX])
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert all(s.title.startswith(h) for s, h in zip(doc.sections, SIX))
    lead = fmt.index("{")
    assert pos(doc, doc.sections[0].span.start) == (1, lead + 1)


@pytest.mark.parametrize("variant,index", [
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
])
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
        assert text[s.span.start:s.span.end] == h
        assert doc.lines.position(s.span.start)[0] == 0


def test_table_three_row_labels_are_not_sections():
    for name in ("pipe.txt", "pdf.txt", "tabs.txt", "markdown.txt"):
        text = load(name)
        assert "四、结转下年度继续办理" in text and "一、本年新收政府信息公开申请数量" in text
        doc = parse(text)
        assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6], name
        assert [s.numeral for s in doc.sections] == list("一二三四五六"), name
        assert doc.cache["duplicate_headings"] == []
        one = parse(text.replace("\n", " "))
        assert [s.index for s in one.sections] == [1, 2, 3, 4, 5, 6], name
        assert one.cache["duplicate_headings"] == []


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
    assert doc.cache["duplicate_headings"] == []


def test_second_line_start_heading_is_a_duplicate():
    text = _doc(SIX) + "四、政府信息公开行政复议、行政诉讼情况\n又一遍。\n"
    doc = parse(text)
    dups = doc.cache["duplicate_headings"]
    assert [(i, n) for i, n, _ in dups] == [(4, "四")]
    assert pos(doc, dups[0][2].start) == (13, 1)


def test_pre2019_structure_recognised_once():
    doc = parse(load("pre2019.txt"))
    assert doc.template == "pre2019"
    assert doc.pre2019 is not None and pos(doc, doc.pre2019.start) == (3, 1)
    assert len(doc.old_headings) == 4
    assert doc.tables == {}


def test_modern_report_is_not_pre2019():
    for name in ("pipe.txt", "pdf.txt", "v2019_signed.txt"):
        doc = parse(load(name))
        assert doc.pre2019 is None and doc.template in ("v2019", "v2021")


def test_one_line_document_with_an_outline_of_the_six_parts():
    body = load("pipe.txt").replace("\n", " ")
    intro = "本报告分为一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，" \
            "四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项六个部分。 "
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
