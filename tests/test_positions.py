from gxlint.positions import LineIndex


def test_utf16_columns_after_astral_character():
    text = "第一行\n𠀀表中（七）总计为 0\r\n末行"
    li = LineIndex(text)
    off = text.index("（七）")
    assert li.position(off) == (1, 3)                 # code points: 𠀀 表 中
    assert li.position_in(off, "utf-16") == (1, 4)    # 𠀀 is two UTF-16 code units
    assert li.position_in(off, "utf-8") == (1, 10)    # 4 + 3 + 3 bytes
    assert li.position_in(off, "utf-32") == (1, 3)
    for enc in ("utf-16", "utf-8", "utf-32"):
        line, col = li.position_in(off, enc)
        assert li.offset_at(line, col, enc) == off


def test_emoji_and_line_breaks():
    text = "a😀b\r\nc\rd\n"
    li = LineIndex(text)
    assert li.count == 4
    assert li.line_text(0) == "a😀b"
    assert li.position_in(text.index("b"), "utf-16") == (0, 3)
    assert li.position(text.index("d")) == (2, 0)
    assert li.offset_at(0, 99) == len("a😀b")           # clamps to the end of the line
    assert li.offset_at(9, 0) == len(text)


def test_position_in_middle_of_surrogate_pair_rounds_forward():
    li = LineIndex("𠀀x")
    assert li.offset_at(0, 1, "utf-16") == 1
