"""``python -m gxlint.synth`` has a real command line (issue 29, item 20)."""

import subprocess
import sys

from gxlint import synth


def _run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "gxlint.synth", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def test_help_lists_the_options():
    p = _run("--help")
    assert p.returncode == 0 and "Traceback" not in p.stderr
    for opt in ("--seed", "--layout", "--size", "--damage", "--output"):
        assert opt in p.stdout


def test_a_seed_and_a_layout_give_that_report():
    p = _run("--seed", "7", "--layout", "markdown")
    assert p.returncode == 0, p.stderr
    assert p.stdout == synth.sample(7, layout="markdown").text
    assert _run("7", "markdown").stdout == p.stdout  # the old positional form still works


def test_damage_size_and_an_output_folder(tmp_path):
    p = _run("--seed", "3", "--damage", "change_cell", "--size", "20000", "-n", "2", "-o", str(tmp_path / "out"))
    assert p.returncode == 0, p.stderr
    files = sorted(x.name for x in (tmp_path / "out").iterdir())
    assert files == ["report-3.txt", "report-4.txt"]
    text = (tmp_path / "out" / "report-3.txt").read_text(encoding="utf-8")
    assert text == synth.sample(3, defects=["change_cell"], size=20000).text
    assert len(text.encode()) > 15000
    p = _run("--seed", "3", "--text-damage", "ascii_punct")
    assert p.returncode == 0 and p.stdout == synth.damage_text(synth.sample(3).text, "ascii_punct", seed=3)


def test_bad_arguments_are_usage_errors():
    for args in (("--layout", "nope"), ("x",), ("--damage", "nope"), ("-n", "3")):
        p = _run(*args)
        assert p.returncode == 2 and "Traceback" not in p.stderr and "usage:" in p.stderr, args
