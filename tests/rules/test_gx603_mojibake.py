"""GX603 mojibake (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

import pytest
from gx6_mojibake_brackets_residue import SRC
from gx56_sample import read_seed, report

from gxlint.testing import RuleTester, where

gx603 = RuleTester("GX603")
GBK = SRC.encode("utf-8").decode("gb18030", "ignore")  # UTF-8 bytes read as GBK
LATIN = SRC.encode("utf-8").decode("cp1252", "ignore")  # … as Windows Latin-1


def test_seed_002_both_damaged_places():
    # line 14's second damaged span is related information of the first, not a finding of its own
    gx603.invalid(
        read_seed("002"),
        [
            ("mojibake", (14, 581), (14, 590), "“?!薄胺旨?jí)”：字节丢失，原字已变成问号"),
            ("mojibake", (588, 975), (588, 980), "“?shù)”"),
        ],
    )


@pytest.mark.parametrize(
    "damaged,flagged,kind",
    [
        (GBK, "政府信息".encode("utf-8").decode("gb18030"), "GBK"),  # the run that reads as GBK throughout
        (LATIN, LATIN, "Latin-1"),
        ("政府信息\ufffd\ufffd公开", "\ufffd\ufffd", "替换字符"),
        ("锟斤拷锟斤拷", "锟斤拷", "替换字符"),
        ("主动公开</p><p>政府信息", "</p>", "HTML"),
        ("主动公开&nbsp;&nbsp;政府信息", "&nbsp;", "HTML"),
        ("“三审三?!薄胺旨?jí)审核", "?!薄胺旨?jí)", "问号"),
        ("公开鍏?紑工作", "?", "问号"),
    ],
)
def test_damage_of_every_kind(damaged, flagged, kind):
    text = report(opening="2023年，我局" + damaged + "，推进政务公开。")
    gx603.invalid(text, [("mojibake", *where(text, flagged), kind)])


def test_gbk_damage_says_what_the_bytes_read():
    text = report(opening="2023年，我局" + GBK + "。")
    assert "政府信息" in gx603.positions(text)[0][2]


def test_simplified_seeds_have_no_mojibake():
    for seed in ("000", "001", "003", "004"):
        gx603.valid(read_seed(seed))
