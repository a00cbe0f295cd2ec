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
    r = subprocess.run(
        [sys.executable, "-m", "gxlint", "report", str(p), "-o", str(out)], capture_output=True, timeout=300
    )
    assert r.returncode == 0, r.stderr.decode()
    page = out.read_text(encoding="utf-8")
    assert BIDI not in page
    assert "r\\\\u202egnp.exe.txt" in page  # the escape, as text in the page's JSON
    assert BIDI not in r.stderr.decode("utf-8")


# --- item 14: letter names are always writable -----------------------------------------------


def test_split_names_are_writable_and_distinct():
    from gxlint.report.docx import MAX_NAME_BYTES, split_name

    used: set = set()
    long_a = "甲" * 78 + "a.txt"  # 239 bytes: legal, but + 审查意见.docx is not
    long_b = "甲" * 78 + "b.txt"
    names = [
        split_name({"file": f}, used)
        for f in (
            long_a,
            long_b,
            "CON.txt",
            "nul",
            "..txt",
            " x. .txt",
            "a\\u202egnp.txt",
            "A.txt",
            "a.txt",
            "Ab:c*?.txt",
        )
    ]
    assert all(len(n.encode()) <= MAX_NAME_BYTES for n in names)
    assert len({n.lower() for n in names}) == len(names)
    assert names[0] != names[1] and names[0].startswith("甲" * 40)
    assert names[2] == "_CON-审查意见.docx" and names[3] == "_nul-审查意见.docx"
    assert not any(n.startswith(".") for n in names)
    assert names[7] == "A-审查意见.docx" and names[8] == "a-2-审查意见.docx"
    assert names[9] == "Ab_c__-审查意见.docx"


def test_split_goes_on_past_a_long_name(tmp_path):
    pytest = __import__("pytest")
    pytest.importorskip("docx")
    src = tmp_path / "src"
    src.mkdir()
    long = "某" * 80 + ".txt"  # 244 bytes: + 审查意见.docx is 258
    assert len(long.encode()) < 255
    (src / long).write_text(read_seed("001"), encoding="utf-8")
    (src / "zz.txt").write_text(read_seed("004"), encoding="utf-8")  # sorted after it
    out = tmp_path / "letters.docx"
    r = subprocess.run(
        [sys.executable, "-m", "gxlint", "report", "--isolated", str(src), "--split", "-o", str(out)],
        capture_output=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr.decode()
    names = sorted(os.listdir(tmp_path / "letters"))
    assert len(names) == 2 and "zz-审查意见.docx" in names
