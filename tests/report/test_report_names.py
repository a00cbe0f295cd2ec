"""Bidi overrides and controls in organ and file names are shown, never obeyed, in the reviewer's
page, spreadsheet and letters (issue 29, item 4): ``gnp.exe`` with U+202E must not read ``exe.png``."""
import os
import subprocess
import sys

from seedutil import read_seed

BIDI = "\u202e"


def test_names_are_shown_with_their_controls_visible(tmp_path):
    from gxlint.engine import lint
    from gxlint.report.model import build_report, display_organ

    hostile = f"某某{BIDI}gnp局2023年政府信息公开工作年度报告\n" + read_seed("001")
    path = str(tmp_path / f"x{BIDI}gnp.exe.txt")
    res = lint(hostile, path)
    rep = build_report(res, res.doc)
    for key in ("path", "file"):
        assert BIDI not in rep[key] and "\\u202e" in rep[key], rep[key]
    assert rep["organ"] and "\\u202e" in rep["organ"] and BIDI not in rep["organ"]
    assert BIDI not in (rep["title"] or "")
    assert BIDI not in display_organ(rep)


def test_the_page_shows_a_bidi_file_name_escaped(tmp_path):
    p = tmp_path / f"r{BIDI}gnp.exe.txt"
    p.write_text(read_seed("004"), encoding="utf-8")
    out = tmp_path / "review.html"
    r = subprocess.run([sys.executable, "-m", "gxlint", "report", str(p), "-o", str(out)],
                       capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    page = out.read_text(encoding="utf-8")
    assert BIDI not in page
    assert "r\\\\u202egnp.exe.txt" in page          # the escape, as text in the page's JSON
    assert BIDI not in r.stderr.decode("utf-8")
