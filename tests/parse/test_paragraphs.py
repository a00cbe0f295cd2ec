"""Wrapped lines read as paragraphs: which breaks are soft, the joined text and its offset map."""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.parse import paragraphs, parse
from gxlint.parse.normalize import NormText
from gxlint.parse.paragraphs import JoinedText, Paragraphs, is_page_number, is_table_line
from seedutil import CORPUS_REAL, read_seed
from wrapping import wrap

# a page of a PDF's text: 28 Han characters a line, a paragraph's last line shorter
PAGE = (
    "洪泽区人民政府\n"
    "2023 年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2023 年，洪泽区人民政府坚持以习近平新时代中国特色社会\n"
    "主义思想为指导，全面贯彻落实《条例》相关规范要求，不断完\n"
    "善政府信息公开制度，建立健全政府信息公开保障机制，始终将\n"
    "政务公开工作摆在重要位置。\n"
    "（一）主动公开情况。主要通过政府门户网站主动公开政府\n"
    "文件、项目审批、通知公告等各类政府信息。严格执行“分\n"
    "- 2 -\n"
    "级审核、先审后发”程序，从严把关，全年受理政府信息公开申请\n"
    "26件，均在法定期限答复，未经审核的信息一律不准发布。\n"
    "（二）依申请公开情况。进一步规范依申请公开流程，畅通\n"
    "1.属于国家秘密 1 0 0 0 0 0 1\n"
    "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n"
)


def lines_of(text):
    return text.split("\n")


def joins(text):
    p = Paragraphs(NormText(text))
    return {a + 1: b + 1 for a, b in p.joins.items()}, p


def test_full_lines_not_ending_a_sentence_continue_on_the_next():
    got, p = joins(PAGE)
    assert p.wrap_width == 56
    # 4→5→6→7 one paragraph; 8→9, then past the page number 10 to 11; 11→12
    assert got == {4: 5, 5: 6, 6: 7, 8: 9, 9: 11, 11: 12}


def test_no_join_after_a_sentence_end_before_a_list_item_or_a_table_row_or_a_short_line():
    got, _p = joins(PAGE)
    assert 7 not in got  # 政务公开工作摆在重要位置。 ends its paragraph
    assert 12 not in got  # the next line starts （二）
    assert 13 not in got  # the next line is a table row
    assert 1 not in got and 2 not in got and 3 not in got  # title lines and a heading are short


def test_joined_text_and_offset_map():
    j = Paragraphs(NormText(PAGE)).joined
    assert '严格执行"分级审核、先审后发"程序' in j.text  # page number and breaks removed
    assert "全年受理政府信息公开申请26件" in j.text
    k = j.text.index("申请26件") + 2
    assert PAGE[j.to_orig(k) : j.to_orig(k + 2, end=True)] == "26"
    sp = j.span(j.text.index("分级"), j.text.index("分级") + 2)
    assert PAGE[sp.start : sp.end] == "分\n- 2 -\n级"  # a span across a removed break covers it
    assert j.original_text(j.text.index("分级"), j.text.index("分级") + 2) == "分级"
    # every joined character is the normalised character it came from
    norm = NormText(PAGE)
    assert all(j.text[i] == norm.text[j.to_norm(i)] for i in range(len(j.text)))
    assert all(j.from_norm(j.to_norm(i)) == i for i in range(len(j.text)))


def test_crlf_line_ends_are_removed_whole():
    crlf = PAGE.replace("\n", "\r\n")
    got, p = joins(crlf)
    assert got == {4: 5, 5: 6, 6: 7, 8: 9, 9: 11, 11: 12}
    j = p.joined
    para = j.text[j.text.index("2023 年,洪泽区") : j.text.index("政务公开工作摆在重要位置")]
    assert "\r" not in para and "\n" not in para
    k = j.text.index("申请26件") + 2
    assert crlf[j.to_orig(k) : j.to_orig(k + 2, end=True)] == "26"


def test_a_text_written_one_paragraph_per_line_has_no_wraps():
    for name in ("000", "001", "002", "003", "004"):
        doc = parse(read_seed(name))
        assert paragraphs.of(doc).joins == {}, name
    unwrapped = "\n".join(line for line in PAGE.split("\n") if line != "- 2 -").replace("\n", "")
    assert Paragraphs(NormText("一、总体情况\n" + unwrapped + "\n")).joins == {}


def test_pinyin_removed_before_joining_maps_back():
    text = PAGE.replace("主义思想", "主義(yì)思想")
    j = Paragraphs(NormText(text)).joined
    i = j.text.index("社会主义")
    # the span ends before the annotation deleted right at its end (as NormText.span does)
    assert text[j.to_orig(i) : j.to_orig(i + 4, end=True)] == "社会\n主義"
    assert j.original_text(i, i + 6) == "社会主義(yì)思想"


@pytest.mark.parametrize(
    "line,page",
    [
        ("- 2 -", True),
        ("— 12 —", True),
        ("第 3 页", True),
        ("第3页共8页", True),
        ("3/8", True),
        ("5", False),
        ("2023年", False),
    ],
)
def test_page_number_lines(line, page):
    assert is_page_number(line) is page


@pytest.mark.parametrize(
    "line,table",
    [
        ("1.属于国家秘密 1 0 0 0 0 0 1", True),
        ("规章 | 0 |", True),
        ("a\tb", True),
        ("统计期限自 2023 年 1 月 1 日", False),
        ("受理申请 21 件", False),
    ],
)
def test_table_lines(line, table):
    assert is_table_line(line) is table


def test_lines_of_a_table_the_parser_read_never_join():
    doc = parse(wrap(read_seed("000"), 30))
    p = paragraphs.of(doc)
    t3 = doc.tables["t3"]
    a, b = doc.lines.line_of(t3.span.start), doc.lines.line_of(t3.span.end - 1)
    assert not any(a <= k <= b or a <= v <= b for k, v in p.joins.items())


def test_hongze_pdf_text():
    text = open(os.path.join(CORPUS_REAL, "hongze-2023.txt"), encoding="utf-8").read()
    doc = parse(text)
    p = paragraphs.of(doc)
    assert p.wrap_width == 58
    got = {a + 1: b + 1 for a, b in p.joins.items()}
    assert got[8] == 9 and got[9] == 10  # （地址：…大道 90 / 号 … 电子邮箱： / hzzwgk@126.com）。
    assert got[25] == 27  # 严格执行“分 / - 2 - / 级审核、先审后发”
    assert 16 not in got and 3 not in got and 74 not in got


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "一、总体情况",
                "主义思想为指导，全面贯彻落实《条例》相关规范要求，不断完",
                "政务公开工作摆在重要位置。",
                "- 2 -",
                "（一）主动公开情况。",
                "受理申请 21 件",
                "1 0 0 0",
                "",
                "報(bào)告",
                "\r",
                "严格执行“分级审核、先审后发”程序，从严从实把好政治关",
            ]
        ),
        max_size=40,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_offset_map_is_exact_on_any_text(parts, nl):
    text = nl.join(parts)
    norm = NormText(text)
    j = Paragraphs(norm).joined
    assert isinstance(j, JoinedText)
    for i in range(len(j.text)):
        n = j.to_norm(i)
        assert j.text[i] == norm.text[n]
        assert j.from_norm(n) == i
    # nothing but the soft breaks (and page numbers between wrapped lines) is removed
    removed = len(norm.text) - len(j.text)
    assert removed == sum(c for c in j._cut_len)
    assert all(0 <= j.to_orig(i) <= len(text) for i in range(len(j.text) + 1))


def test_a_running_header_between_wrapped_lines_is_skipped():
    header = "洪泽区人民政府政府信息公开工作年度报告"
    text = PAGE.replace("- 2 -", header) + header + "\n" + "（三）其他。\n" + header + "\n"
    got, p = joins(text)
    assert got[9] == 11
    assert '严格执行"分级审核' in p.joined.text
    # a repeated line that is no running header (a sentence) is not skipped: the paragraph goes on there
    text = PAGE.replace("- 2 -", "详见附件。") + "详见附件。\n详见附件。\n"
    assert joins(text)[0][9] == 10
