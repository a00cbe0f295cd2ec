"""The tokenizer and label helpers under the table reader: exact tokens and offsets."""

import pytest

from gxlint.parse.normalize import NormText, key
from gxlint.parse.tables import EMPTY, NUM, TEXT, Token, read_number, tokenize
from gxlint.parse.tables.rows import orig_offset_for_key


def toks(text):
    n = NormText(text)
    return [(t.kind, t.text) for t in tokenize(n, 0, len(n.text))]


def test_pipe_row_with_padding_and_interior_blank():
    assert toks("规章 | 0 |  | 3 | ||") == [
        (TEXT, "规章"),
        (NUM, "0"),
        (EMPTY, ""),
        (NUM, "3"),
        (EMPTY, ""),
        (EMPTY, ""),
    ]


def test_markdown_rule_line_and_inline_rule_cells():
    assert toks("| a | 1 |\n|---|:---:|\n| b | 2 |") == [(TEXT, "a"), (NUM, "1"), (TEXT, "b"), (NUM, "2")]
    assert toks("| a | 1 | |---|---| | b | 2 |") == [
        (TEXT, "a"),
        (NUM, "1"),
        (EMPTY, ""),
        (EMPTY, ""),
        (TEXT, "b"),
        (NUM, "2"),
    ]
    # a lone --- is a (malformed) cell, not a rule
    assert (NUM, "---") in toks("规章 | --- | 0 |")


@pytest.mark.parametrize("line", ["- 5 -", "— 12 —", "第 3 页", "第3页共8页", "3/8", "－ 5 －"])
def test_page_number_lines_are_dropped(line):
    assert toks(f"规章 0 0 0\n{line}\n行政许可 1") == [
        (TEXT, "规章"),
        (NUM, "0"),
        (NUM, "0"),
        (NUM, "0"),
        (TEXT, "行政许可"),
        (NUM, "1"),
    ]


def test_page_numbers_inside_a_line_are_dropped():
    assert toks("规章 0 0 0 - 5 - 行政许可 1") == [
        (TEXT, "规章"),
        (NUM, "0"),
        (NUM, "0"),
        (NUM, "0"),
        (TEXT, "行政许可"),
        (NUM, "1"),
    ]
    assert toks("规章 0 0 0 -5- 第6页 行政许可 1")[-2:] == [(TEXT, "行政许可"), (NUM, "1")]
    # a dash cell between separators is not a page number
    assert [k for k, _ in toks("规章 | - | 5 | - |")] == [TEXT, NUM, NUM, NUM]


def test_numbers_with_a_unit_are_prose():
    assert toks("共收到申请 47 件，其中 保留 4 位小数 2023 年") == [
        (TEXT, "共收到申请"),
        (TEXT, "47"),
        (TEXT, "件,其中"),
        (TEXT, "保留"),
        (TEXT, "4"),
        (TEXT, "位小数"),
        (TEXT, "2023"),
        (TEXT, "年"),
    ]
    assert toks("发生行政复议 2 起，行政诉讼 1 宗")[1] == (TEXT, "2")
    assert toks("复议后 0 起诉")[1] == (NUM, "0")
    # an amount cell may carry 万元 after it; a number before the next row label stays a number
    assert toks("行政事业性收费 1.5 万元") == [(TEXT, "行政事业性收费"), (NUM, "1.5"), (TEXT, "万元")]
    assert toks("规章 0 0 0 行政规范性文件 5 2 31")[3:5] == [(NUM, "0"), (TEXT, "行政规范性文件")]


def test_token_offsets_map_to_original_through_pinyin():
    text = "規(guī)章 | 1 | 2"
    n = NormText(text)
    ts = tokenize(n, 0, len(n.text))
    sp = n.span(ts[1].start, ts[1].end)
    assert text[sp.start : sp.end] == "1"
    sp = n.span(ts[0].start, ts[0].end)
    assert text[sp.start : sp.end] == "規(guī)章"


@pytest.mark.parametrize(
    "word,label,rest",
    [
        ("（四）无法提供1.本机关", "1.", "1.本机关"),
        ("（四）无法提供：1、本机关", "1.", "1、本机关"),
        ("**（三）不予公开**1、属于", "1.", "1、属于"),
        ("三、本年度办理结果(一)予以公开", "(一)", "(一)予以公开"),
        ("（四）無法提(tí)供1.本機(jī)關", "1.", "1.本機(jī)關"),
    ],
)
def testorig_offset_for_key(word, label, rest):
    n = NormText(word)
    t = Token(TEXT, 0, len(n.text), n.text, 0)
    k = key(n.text).find(label)
    assert word[orig_offset_for_key(n, t, k) :] == rest


@pytest.mark.parametrize(
    "raw,signed,decimal,value,why",
    [
        ("0", False, False, 0, None),
        ("12", False, False, 12, None),
        ("1,234", False, False, 1234, None),
        ("00", False, False, 0, "多余的前导零"),
        ("2.5", False, False, 2.5, "件数不能是小数"),
        ("2.5", False, True, 2.5, None),
        ("增1", True, False, 1, None),
        ("减2", True, False, -2, None),
        ("+3", True, False, 3, None),
        ("-1", True, False, -1, None),
        ("-1", False, False, -1, "件数不能为负"),
        ("增1", False, False, 1, "件数不应带符号"),
        ("—", False, False, None, "用横线或斜线代替数字"),
        ("1O", False, False, None, "数字中混有字母"),
        ("1,2", False, False, None, "不是规范的数字"),
    ],
)
def test_read_number(raw, signed, decimal, value, why):
    assert read_number(raw, signed=signed, decimal=decimal) == (value, why)


def test_repeated_lines_give_their_own_tokens_at_their_own_offsets():
    """Words of a line are memoised by its text: the same line again (in the same region, in a
    later lint, or longer than guard.SHORT) gives fresh tokens at its own offsets and line number,
    and a token the reader changes (a prose number becomes TEXT) does not change the others."""
    from gxlint import guard

    line = "收到申请 47 件 | 3 |"
    text = "\n".join([line, "", line, "|---|---|", line])
    n = NormText(text)
    first = tokenize(n, 0, len(n.text))
    again = tokenize(n, 0, len(n.text))
    assert [(t.kind, t.start, t.end, t.text, t.line) for t in first] == [
        (t.kind, t.start, t.end, t.text, t.line) for t in again
    ]
    assert all(a is not b for a, b in zip(first, again))
    starts = [t.start for t in first if t.text == "收到申请"]
    assert starts == [0, len(line) + 2, 2 * len(line) + 13]
    assert [t.line for t in first if t.text == "收到申请"] == [0, 2, 4]
    assert [t.kind for t in first if t.text == "47"] == [TEXT, TEXT, TEXT]  # 47 件: prose
    assert [t.kind for t in first if t.text == "3"] == [NUM, NUM, NUM]
    long_line = "规章 | 0 | " + "说明" * guard.SHORT
    n2 = NormText(long_line + "\n" + "规章 | 0 | ")
    got = [(t.kind, t.start, t.text, t.line) for t in tokenize(n2, 0, len(n2.text)) if t.text in ("规章", "0")]
    assert got == [
        (TEXT, 0, "规章", 0),
        (NUM, 5, "0", 0),
        (TEXT, len(long_line) + 1, "规章", 1),
        (NUM, len(long_line) + 6, "0", 1),
    ]
