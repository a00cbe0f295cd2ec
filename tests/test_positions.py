from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.positions import LineIndex


def test_utf16_columns_after_astral_character():
    text = "第一行\n𠀀表中（七）总计为 0\r\n末行"
    li = LineIndex(text)
    off = text.index("（七）")
    assert li.position(off) == (1, 3)  # code points: 𠀀 表 中
    assert li.position_in(off, "utf-16") == (1, 4)  # 𠀀 is two UTF-16 code units
    assert li.position_in(off, "utf-8") == (1, 10)  # 4 + 3 + 3 bytes
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
    assert li.offset_at(0, 99) == len("a😀b")  # clamps to the end of the line
    assert li.offset_at(9, 0) == len(text)


def test_position_in_middle_of_surrogate_pair_rounds_forward():
    li = LineIndex("𠀀x")
    assert li.offset_at(0, 1, "utf-16") == 1


# --- the lines the parser reads are the lines LSP and the CLI count ---------------------------


from gxlint.parse.normalize import NormText  # noqa: E402

_PIECES = st.sampled_from(
    [
        "\n",
        "\r\n",
        "\r",
        "\r\r\n",
        "\n\r",
        "a",
        "報",
        "(bào)",
        "(qǐn",
        " ",
        "\t",
        "0",
        "\u2028",
        "\x0b",
        "\x0c",
        "\x85",
        "𠀀",
    ]
)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(_PIECES, max_size=40))
def test_normalised_lines_are_the_lsp_lines(pieces):
    """Line k of the normalised text (split at \\n only) is line k of the original as LineIndex
    (and so the CLI and the language server) counts it: \\n, \\r\\n and a lone \\r end a line;
    U+2028, \\v, \\f, NEL do not (LSP)."""
    text = "".join(pieces)
    n = NormText(text)
    li = LineIndex(text)
    lines = n.text.split("\n")
    assert len(lines) == li.count
    s = 0
    for k, line in enumerate(lines):
        e = s + len(line)
        assert n.to_orig(s) == li.line_start(k)
        assert n.from_orig(li.line_start(k)) == s
        assert li.line_of(n.to_orig(e, end=True)) == k
        assert n.to_orig(e, end=True) <= li.line_end(k)
        if k + 1 < len(lines):  # a span over the whole line with its break ends where the next starts
            assert n.to_orig(e + 1, end=True) == li.line_start(k + 1)
        s = e + 1


def test_utf16_columns_agree_with_the_definition_on_every_offset():
    """The fast path (a line without characters outside the BMP: UTF-16 column = code-point
    column) agrees with counting UTF-16 units, on lines with and without 𠀀, and lone surrogates."""
    import random

    rng = random.Random(7)
    alphabet = ["a", "中", "表", "𠀀", "\U0010ffff", "\n", "\r\n", " ", "\ud800"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        li = LineIndex(text)
        for off in range(len(text) + 1):
            line, col = li.position(off)
            prefix = text[li.starts[line] : li.starts[line] + col]
            assert li.position_in(off, "utf-16") == (line, len(prefix.encode("utf-16-le", "surrogatepass")) // 2)


def test_lines_of_is_line_of_for_every_offset():
    text = "a\r\nb\rc\n\n𠀀d\r\n"
    idx = LineIndex(text)
    offsets = list(range(-2, len(text) + 3))
    assert idx.lines_of(offsets) == [idx.line_of(o) for o in offsets]
    assert idx.lines_of([]) == []
