"""Encodings a reviewer meets (issue 29, items 17 and 22): GB18030/GBK, Big5, UTF-16 without a
BOM are told apart by a real detector; a page declaring a non-text codec is still read; and a
file whose encoding is a guess is never written by --fix."""

import subprocess
import sys

import pytest

from gxlint import synth
from gxlint.engine import lint_bytes
from gxlint.io import decode
from seedutil import read_seed


def _codes(res):
    return sorted(d.code for d in res.diagnostics)


def _traditional():
    return synth.to_traditional(read_seed("001"))


def test_a_big5_report_is_read_as_big5_not_as_garbage():
    text = _traditional()
    data = text.encode("big5hkscs", "replace")
    res = lint_bytes(data, "r.txt")
    assert res.encoding == "big5hkscs" and "uncertain_encoding" not in res.meta
    same = lint_bytes(data.decode("big5hkscs").encode("utf-8"), "r.txt")
    assert _codes(res) == _codes(same)  # what the UTF-8 copy gets (was 33 extra warnings)


@pytest.mark.parametrize(
    "enc,want", [("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_other_encodings_without_a_bom(enc, want):
    text = read_seed("001")
    dec = decode(text.encode(enc))
    assert (dec.encoding, dec.text, dec.certain) == (want, text, True)


def _fix(path, *extra):
    return subprocess.run(
        [sys.executable, "-m", "gxlint", "check", "--isolated", "--fix", "--lang", "en", *extra, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_fix_writes_a_big5_report_back_in_big5(tmp_path):
    data = _traditional().encode("big5hkscs", "replace")
    f, u = tmp_path / "r.txt", tmp_path / "u.txt"
    f.write_bytes(data)
    u.write_text(data.decode("big5hkscs"), encoding="utf-8")  # the same text as UTF-8
    for path in (f, u):
        p = _fix(path, "--select", "GX205")
        assert p.returncode in (0, 1), p.stderr
    after = f.read_bytes()
    assert after != data
    assert after.decode("big5hkscs") == u.read_text(encoding="utf-8")  # still Big5, the same fixes


def test_fix_never_writes_a_file_whose_encoding_is_a_guess(tmp_path):
    data = "年度 00\n".encode("gb18030")  # as GB18030 or as Big5: too short to tell
    assert decode(data).certain is False
    f = tmp_path / "r.txt"
    f.write_bytes(data)
    p = _fix(f)
    assert f.read_bytes() == data
    assert p.returncode == 2 and "could not be told with certainty" in p.stderr


@pytest.mark.parametrize("codec", ["base64", "rot13", "hex", "zlib", "no-such-codec"])
def test_a_page_declaring_a_non_text_codec_is_read(codec):
    page = (
        f'<html><head><meta charset="{codec}"></head><body><p>某县2023年政府信息公开工作年度报告</p>'
        f"<p>一、总体情况</p></body></html>"
    ).encode("utf-8")
    res = lint_bytes(page, "x.html")
    assert "GX002" not in _codes(res), [d.message for d in res.diagnostics]
    assert res.encoding == "utf-8"


def test_a_big5_page_without_a_declaration():
    page = ("<html><body><p>" + _traditional().replace("\n", "</p><p>") + "</p></body></html>").encode(
        "big5hkscs", "replace"
    )
    res = lint_bytes(page, "x.html")
    assert res.encoding == "big5hkscs"
