"""No report text or file name drives the reader's terminal (issue 29, item 3): ``show`` and every
other text output show ESC/OSC/C1 controls and bidi overrides as visible escapes."""

from __future__ import annotations

import re

from .conftest import gx, seed_text

# what a hostile report carries: OSC 52 (write the clipboard), OSC 0 (window title), clear screen,
# a C1 CSI, a bidi override
HOSTILE = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"
RAW = re.compile("[\x1b\x07\x9b\u202e]")


def _report(tmp_path, name="r.txt"):
    text = seed_text("001").replace("\n", "\n" + HOSTILE + "\n", 1)
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_show_writes_no_control_from_the_report(tmp_path):
    p = _report(tmp_path)
    out = gx("show", str(p))
    assert out.returncode == 0, out.stderr.decode()
    text = out.stdout.decode("utf-8")
    assert not RAW.search(text)
    assert "\\x1b]52;c;" in text and "\\u202e" in text
    assert text.count("\n") >= seed_text("001").count("\n")  # the lines are kept
    loc = gx("show", "--locations", str(p)).stdout.decode("utf-8")
    assert not RAW.search(loc) and "\\x1b]0;pwned" in loc


def test_file_names_with_controls_are_shown_escaped_everywhere(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    _report(d, "a.txt")
    (d / "x\x1b]0;pwned\x07.bin").write_bytes(b"x")  # skipped: listed with its name
    (d / "ok.txt").write_text(seed_text("004"), encoding="utf-8")
    out = gx("check", "--isolated", "--statistics", str(d))
    assert out.returncode in (0, 1), out.stderr.decode()
    both = out.stdout.decode("utf-8") + out.stderr.decode("utf-8", "replace")
    assert "x\\x1b]0;pwned\\x07.bin" in both
    assert not RAW.search(both)
    out = gx("check", "--isolated", "--format", "sarif", str(d))  # the skipped list goes to stderr
    err = out.stderr.decode("utf-8", "replace")
    assert "x\\x1b]0;pwned\\x07.bin" in err and not RAW.search(err)
    out = gx("check", "--show-settings", str(d / "x\x1b]0;pwned\x07.bin"))
    assert not RAW.search(out.stdout.decode("utf-8")) and "\\u001b" in out.stdout.decode("utf-8")
