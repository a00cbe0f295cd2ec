"""GX603 mojibake (RuleTester): where it must fire — message id, start, end and the
text after its fix — and where it must stay silent."""

import pytest

from gx6_mojibake_brackets_residue import SRC
from gx56_sample import line_of, read_seed, report
from gxlint.testing import RuleTester

gx603 = RuleTester("GX603")


def test_seed_002_line_14_double_decoding():
    got = gx603.positions(read_seed("002"))
    assert (14, 581) in [(l, c) for l, c, _ in got]
    msg = [m for l, c, m in got if l == 14][0]
    assert "?!薄胺旨?jí)" in msg
    assert len([1 for l, _, _ in got if l == 14]) == 1     # the second damaged span of line 14 is related info


@pytest.mark.parametrize("damaged,kind", [
    (SRC.encode("utf-8").decode("gb18030", "ignore"), "GBK"),
    (SRC.encode("utf-8").decode("cp1252", "ignore"), "Latin-1"),
    ("政府信息\ufffd\ufffd公开", "替换字符"),
    ("锟斤拷锟斤拷", "替换字符"),
    ("主动公开</p><p>政府信息", "HTML"),
    ("主动公开&nbsp;&nbsp;政府信息", "HTML"),
    ("“三审三?!薄胺旨?jí)审核", "问号"),
    ("公开鍏?紑工作", "问号"),
])
def test_damage_of_every_kind(damaged, kind):
    text = report(opening="2023年，我局" + damaged + "，推进政务公开。")
    got = gx603.positions(text)
    assert len(got) == 1 and got[0][0] == line_of(text, "2023年，我局")[0] and kind in got[0][2], got


def test_gbk_damage_says_what_the_bytes_read():
    text = report(opening="2023年，我局" + SRC.encode("utf-8").decode("gb18030", "ignore") + "。")
    assert "政府信息" in gx603.positions(text)[0][2]


def test_simplified_seeds_have_no_mojibake():
    for seed in ("000", "001", "003", "004"):
        gx603.valid(read_seed(seed))
