from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.parse.normalize import NormText, key


def test_pinyin_removed_and_positions_map_back():
    t = "啟東市政府辦2023年政府信息公開工作年度報(bào)告\n來(lái)源: 某"
    n = NormText(t)
    assert n.text.startswith("启东市政府办2023年政府信息公开工作年度报告")
    i = n.text.index("报告")
    sp = n.span(i, i + 2)
    assert t[sp.start : sp.end] == "報(bào)告"
    j = n.text.index("来源")
    sp = n.span(j, j + 2)
    assert t[sp.start : sp.end] == "來(lái)源"
    assert len(n.pinyin) == 2


def test_cut_off_pinyin_at_end_of_line():
    t = "2.申請(qǐn\n0"
    n = NormText(t)
    assert n.text == "2.申请\n0"


def test_parenthesised_latin_without_tone_is_kept():
    n = NormText("网站(www)与平台(APP)")
    assert n.text == "网站(www)与平台(APP)"


def test_width_spaces_quotes_folded_one_to_one():
    t = "（七）总计\u00a0１６２\u3000“三安全一稳定”"
    n = NormText(t)
    assert n.text == '(七)总计 162 "三安全一稳定"'
    assert len(n.text) == len(t)


def test_key_folds_enumerators_spaces_and_quotes():
    assert key("1、 属于 “三安全一稳定”") == key("1.属于三安全一稳定")
    assert key("商业\n企业") == "商业企业"
    assert key("（三）不\n予公开") == "(三)不予公开"


# --- line endings: the parser sees \n only; spans map back into the original ----------------


def test_crlf_read_as_lf_and_spans_map_back():
    t = "第一行\r\n0\t1\t0\r\n\r\n末行"
    n = NormText(t)
    assert n.text == "第一行\n0\t1\t0\n\n末行"
    # a word at the end of a line: its span stops before the \r
    i = n.text.index("1\t0") + 2
    sp = n.span(i, i + 1)
    assert t[sp.start : sp.end] == "0" and t[sp.end] == "\r"
    # a whole line with its line break (a deletion by --fix): the \r\n is taken whole
    a = n.text.index("0\t1")
    sp = n.span(a, a + len("0\t1\t0\n"))
    assert t[sp.start : sp.end] == "0\t1\t0\r\n"
    # a span starting at a line break starts at its \r (the break is never cut in two)
    sp = n.span(a - 1, a + 1)
    assert t[sp.start : sp.end] == "\r\n0"
    # back: the \r and the \n of a break are the normalised \n; the next line's start maps to it
    assert n.from_orig(t.index("\r")) == n.text.index("\n")
    assert n.from_orig(t.index("\r") + 1) == n.text.index("\n")
    assert n.from_orig(t.index("0")) == n.text.index("0")
    assert n.from_orig(len(t)) == len(n.text)


def test_lone_cr_read_as_lf_without_changing_length():
    t = "一\r二\r\r三"
    n = NormText(t)
    assert n.text == "一\n二\n\n三"
    sp = n.span(2, 3)
    assert (sp.start, sp.end) == (2, 3) and t[2] == "二"


def test_cut_off_pinyin_then_crlf():
    t = "2.申請(qǐn\r\n0"
    n = NormText(t)
    assert n.text == "2.申请\n0"
    i = n.text.index("申请")
    sp = n.span(i, i + 2)
    assert t[sp.start : sp.end] == "申請"  # the annotation stays outside
    assert t[n.span(i + 2, i + 3).start] == "\r"  # the break starts at its \r
    assert t[n.to_orig(n.text.index("0"))] == "0"
    assert [t[s.start : s.end] for s in n.pinyin] == ["(qǐn"]


def test_segments_map_characters_one_to_one():
    t = "報(bào)告\r\n體(tǐ)系\r\n\r\n完"
    n = NormText(t)
    for start, end, shift in n.segments():
        for i in range(start, end):
            c, o = n.text[i], t[i + shift]
            assert c == o or (c, o) in {("报", "報"), ("体", "體"), ("\n", "\n")}


def test_line_by_line_conversion_is_the_whole_text_conversion():
    """FOLD + t2s are done line by line (memoised per line): the same text as converting the whole,
    the same length line by line, and changed_script as for the whole — also for a line too long
    to be memoised, for repeated and for edited lines."""
    from gxlint.parse.normalize import _MEMO_LINE, FOLD, t2s

    lines = [
        "政府信息公開工作年度報告",
        "（一）收到申請數　１６２件",
        "",
        "ascii only",
        "關於",
        "資訊" * (_MEMO_LINE // 2 + 5),
        "政府信息公開工作年度報告",
    ]
    for text in ("\n".join(lines), "\n".join(lines[2:5]), "簡體\n", "\n", ""):
        n = NormText(text)
        assert n.text == t2s(text.translate(FOLD))
        assert len(n.text) == len(text)
        assert n.changed_script == (n.text != text.translate(FOLD))
    edited = NormText("\n".join(lines).replace("收到", "受理"))
    assert "（一）受理申请数 162件".translate(FOLD) in edited.text
    assert not NormText("简体\n（１）").changed_script


def _from_orig_by_definition(n: NormText, o: int) -> int:
    """The smallest normalised offset whose original offset is at least o (len(text) if none),
    the original offset of normalised i being i plus all the text deleted at or before i."""
    t = n.original
    dels = sorted(
        [(sp.start, sp.end) for sp in n.pinyin] + [(i, i + 1) for i in range(len(t) - 1) if t[i : i + 2] == "\r\n"]
    )
    at, removed = [], 0
    for a, b in dels:
        at.append((a - removed, b - a))
        removed += b - a
    for i in range(len(n.text) + 1):
        if i + sum(length for pos, length in at if pos <= i) >= o:
            return i
    return len(n.text)


@given(
    st.lists(
        st.sampled_from(["報(bào)", "\r\n", "\n", "a", "體(tǐ)", "(bao)", "告", "\r", "(", "申請(qǐn", " "]),
        max_size=25,
    )
)
@settings(max_examples=300, deadline=None)
def test_from_orig_is_the_first_normalised_offset_at_or_after(parts):
    t = "".join(parts)
    n = NormText(t)
    for o in range(len(t) + 1):
        assert n.from_orig(o) == _from_orig_by_definition(n, o)
