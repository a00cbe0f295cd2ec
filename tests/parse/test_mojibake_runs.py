"""find_mojibake reads the GBK round trips (UTF-8 read as GBK) only in the runs of non-ASCII
characters that hold a character where one can start: the same findings as reading every run."""

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.parse.debris import _NON_ASCII_RUN, _gbk_runs, find_mojibake
from gxlint.parse.normalize import NormText

GARBLED = "政府信息公开".encode("utf-8").decode("gbk", "replace")  # 鏀垮簻淇℃伅鍏紑


def _gbk_by_every_run(norm):
    """The round trips found by reading every run (the definition)."""
    return [
        (norm.span(norm.from_orig(m.start() + k), norm.from_orig(m.start() + j)), rec)
        for m in _NON_ASCII_RUN.finditer(norm.original)
        for k, j, rec in _gbk_runs(m.group())
    ]


def _gbk_found(norm):
    return [(x.span, x.recovered) for x in find_mojibake(norm) if x.kind == "gbk"]


def test_garbled_runs_anywhere_in_the_text():
    for text in (
        GARBLED,
        "年度报告 " + GARBLED + "\n" + GARBLED + "。正文",
        "ab" + GARBLED + "x鏀" + GARBLED[:5],
        "涓" + " " + GARBLED + GARBLED,
        GARBLED + " " + GARBLED + "\n" + GARBLED,
        "正常的报告文字，没有乱码。",
    ):
        n = NormText(text)
        assert _gbk_found(n) == _gbk_by_every_run(n)
    assert _gbk_found(NormText("年度报告 " + GARBLED))[0][1].startswith("政府信息")


@given(st.lists(st.sampled_from([GARBLED, GARBLED[:4], "鏀", "涓", "政府", " ", "\n", "a", "，", "公开"]), max_size=12))
@settings(max_examples=200, deadline=None)
def test_same_as_reading_every_run(parts):
    n = NormText("".join(parts))
    assert _gbk_found(n) == _gbk_by_every_run(n)
