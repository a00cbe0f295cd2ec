"""Hostile input and hostile values (issue 15, items 5, 14, 15): bounded memory, fixes spelled out
once in JSON/SARIF, clear exit 2 for bad values, terminal escapes neutralised, binary tails."""

from __future__ import annotations

import json
import os

import pytest

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.output.stream import resolve_edits, shared_fixes

from .conftest import gx, seed, seed_text

# --- item 5: memory ------------------------------------------------------------------------


def test_a_document_wide_fix_is_spelled_out_once_in_json(tmp_path):
    p = gx("check", "--isolated", "--format", "json", seed("002"))
    assert p.returncode in (0, 1), p.stderr
    size = len(p.stdout)
    assert size < 400_000, f"{size} bytes of JSON for a {len(seed_text('002').encode())}-byte report"
    doc = json.loads(p.stdout)
    diags = doc["files"][0]["diagnostics"]
    fixes = [d["fix"] or {} for d in diags]
    refs = [k for k, f in enumerate(fixes) if f.get("edits_from")]
    assert len(refs) >= 10
    # what the JSON says equals the rule's own fixes, edit for edit
    res = lint(seed_text("002"), seed("002"), Settings())
    want = [[(e.start, e.end, e.new_text) for e in d.fix.edits] if d.fix else None for d in res.diagnostics]
    got = []
    for k, d in enumerate(diags):
        if d["fix"] is None:
            got.append(None)
            continue
        got.append([(e["start"]["offset"], e["end"]["offset"], e["new_text"]) for e in resolve_edits(fixes, k)])
    assert got == want
    for k in refs:
        target = fixes[k]["edits_from"]["diagnostic"]
        assert fixes[k]["edits"] == [] and not fixes[target].get("edits_from") and fixes[target]["edits"]


def test_a_document_wide_fix_is_spelled_out_once_in_sarif():
    p = gx("check", "--isolated", "--format", "sarif", seed("002"))
    results = json.loads(p.stdout)["runs"][0]["results"]
    refs = [r for r in results if "fix" in r["properties"]]
    assert refs and all("fixes" not in r for r in refs)
    for r in refs:
        src = results[r["properties"]["fix"]["edits_from"]["result"]]
        reps = src["fixes"][0]["artifactChanges"][0]["replacements"]
        assert all(0 <= a < b <= len(reps) for a, b in r["properties"]["fix"]["edits_from"]["ranges"])


def test_shared_fixes_refers_only_to_fixes_spelled_out():
    from gxlint.api import Diagnostic, Edit, Fix, Severity, Span

    e = [Edit(i, i + 1, "x") for i in range(6)]

    def d(edits):
        return Diagnostic("GX601", "n", Severity.WARNING, "m", Span(0, 1), fix=Fix("f", tuple(edits)))

    diags = [d(e[4:6]), d(e), d(e[1:3]), d([e[0], e[5]]), d([Edit(9, 10, "y")]), d(e)]
    refs = shared_fixes(diags)
    assert refs == {0: (1, [[4, 6]]), 2: (1, [[1, 3]]), 3: (1, [[0, 1], [5, 6]]), 5: (1, [[0, 6]])}


def test_streamed_json_is_the_whole_document(report_dir):
    """The file-by-file writer lays out what one json.dumps of the document would (plus the
    compact edit lines), with statistics and skipped files after the summary."""
    (report_dir / "notes.md").write_text("随手记的笔记\n", encoding="utf-8")
    p = gx("check", "--isolated", "--format", "json", "--statistics", "-j", "2", ".", cwd=report_dir)
    doc = json.loads(p.stdout)
    assert list(doc) == ["gxlint", "files", "summary", "statistics", "skipped"]
    assert [f["path"] for f in doc["files"]] == sorted(f["path"] for f in doc["files"])
    assert doc["summary"]["files"] == 2 and doc["skipped"][0]["reason"] == "not_report"


def test_output_file_is_replaced_only_when_the_report_is_complete(report_dir):
    out = report_dir / "out.json"
    out.write_text("old\n", encoding="utf-8")
    p = gx("check", "--isolated", "--format", "json", "-o", str(out), "nothing-here", cwd=report_dir)
    assert p.returncode == 2 and out.read_text(encoding="utf-8") == "old\n"
    assert not [n for n in os.listdir(report_dir) if n.startswith(".gxlint-")]
    p = gx("check", "--isolated", "--format", "json", "-o", str(out), "a.txt", cwd=report_dir)
    assert p.returncode == 1 and json.loads(out.read_text(encoding="utf-8"))["files"][0]["path"] == "a.txt"


# --- item 14: values and nesting -------------------------------------------------------------


def _exit2(p, *words):
    err = p.stderr.decode("utf-8")
    assert p.returncode == 2, (p.returncode, err)
    assert "Traceback" not in err and all(w in err for w in words), err


def test_deeply_nested_toml_and_baseline_are_exit_2(tmp_path):
    (tmp_path / "r.txt").write_text(seed_text("004"), encoding="utf-8")
    deep = "[" * 5000 + "]" * 5000
    (tmp_path / "deep.toml").write_text(f"[tool.gxlint]\nx = {deep}\n", encoding="utf-8")
    _exit2(gx("check", "--config", "deep.toml", "r.txt", cwd=tmp_path), "deep.toml")
    # another tool's table in pyproject.toml: still read to find [tool.gxlint]
    (tmp_path / "pyproject.toml").write_text(f"[tool.other]\nx = {deep}\n", encoding="utf-8")
    _exit2(gx("check", "r.txt", cwd=tmp_path), "pyproject.toml")
    os.remove(tmp_path / "pyproject.toml")
    (tmp_path / "bl.json").write_text('{"entries": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    _exit2(gx("check", "--baseline", "bl.json", "r.txt", cwd=tmp_path), "bl.json")


@pytest.mark.parametrize(
    "args, word",
    [
        (["--max-bytes", "-5"], "--max-bytes"),
        (["--max-bytes", "0"], "--max-bytes"),
        (["--year", "99999"], "--year"),
        (["--year", "0"], "--year"),
        (["--severity", "=error"], "--severity"),
    ],
)
def test_bad_option_values_are_exit_2(tmp_path, args, word):
    (tmp_path / "r.txt").write_text(seed_text("004"), encoding="utf-8")
    _exit2(gx("check", "--isolated", *args, "r.txt", cwd=tmp_path), word)


@pytest.mark.parametrize(
    "table, word",
    [
        ('severity = { GX999 = "error" }', "GX999"),
        ('severity = { GX9 = "error" }', "GX9"),
        ('township-deadline = "02-31"', "02-31"),
        ('township-deadline = "04-31"', "04-31"),
    ],
)
def test_bad_config_values_are_exit_2(tmp_path, table, word):
    (tmp_path / "r.txt").write_text(seed_text("004"), encoding="utf-8")
    (tmp_path / "gxlint.toml").write_text(table + "\n", encoding="utf-8")
    _exit2(gx("check", "r.txt", cwd=tmp_path), word)


def test_good_config_values_still_pass(tmp_path):
    (tmp_path / "r.txt").write_text(seed_text("004"), encoding="utf-8")
    (tmp_path / "gxlint.toml").write_text(
        'township-deadline = "02-29"\nseverity = { GX3 = "warning", GX301 = "error" }\n', encoding="utf-8"
    )
    assert gx("check", "r.txt", cwd=tmp_path).returncode in (0, 1)


# --- item 15: output hygiene ----------------------------------------------------------------


def test_terminal_escapes_in_a_report_and_its_name_are_shown_not_sent(tmp_path):
    text = seed_text("001").replace("\n", "\x1b]0;pwned\x07\x1b[2J\u202e\n", 3)
    name = "bad\x1b[31mname\nx.txt"
    (tmp_path / name).write_text(text, encoding="utf-8")
    p = gx("check", "--isolated", "--color", "never", ".", cwd=tmp_path)
    out = p.stdout.decode("utf-8")
    assert p.returncode == 1 and out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07" in out and "bad\\x1b[31mname\\nx.txt" in out
    # JSON keeps the exact text (escaped by JSON itself)
    p = gx("check", "--isolated", "--format", "json", ".", cwd=tmp_path)
    assert json.loads(p.stdout)["files"][0]["path"].endswith(name)


@pytest.mark.parametrize("tail", [b"\x00\x00PK\x03\x04", bytes(range(1, 9)) * 300], ids=["nul", "controls"])
def test_binary_after_the_first_8k_is_one_gx002(tmp_path, tail):
    body = seed_text("001").encode("utf-8")
    body = body + ("\n本年度工作情况良好。" * 800).encode("utf-8")  # well past 8 KB
    (tmp_path / "r.txt").write_bytes(body + b"\n" + tail + b"\n")
    p = gx("check", "--isolated", "--format", "json", "r.txt", cwd=tmp_path)
    diags = json.loads(p.stdout)["files"][0]["diagnostics"]
    assert [d["code"] for d in diags] == ["GX002"], diags
    line = body.count(b"\n") + 2
    assert f"第 {line} 行" in diags[0]["message"]
