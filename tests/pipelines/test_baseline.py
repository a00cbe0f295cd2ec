"""Baselines: content-anchored fingerprints survive inserted and deleted paragraphs."""

import json

from gxlint import baseline
from gxlint.engine import lint

from .conftest import gx, seed_text


def findings(p):
    assert p.returncode in (0, 1), p.stderr.decode()
    return [(f["path"], d["code"], d["start"]["line"]) for f in json.loads(p.stdout)["files"] for d in f["diagnostics"]]


def edit_unrelated(text: str, flagged_lines: set) -> tuple:
    """Insert two paragraphs (in 一、 and in 五、) and delete a paragraph of 一、 with no finding on it.
    Returns (new text, the deleted line's number)."""
    lines = text.split("\n")
    five = next(i for i, l in enumerate(lines) if l.startswith("五、存在的主要问题"))
    gone = next(i for i, l in enumerate(lines[:five]) if i > 1 and len(l) > 60 and i + 1 not in flagged_lines)
    del lines[gone]
    five = next(i for i, l in enumerate(lines) if l.startswith("五、存在的主要问题"))
    lines.insert(five + 1, "我局将进一步加强培训，提升公开质量。")
    lines[1:1] = ["本段为插入的说明文字。", ""]
    return "\n".join(lines), gone + 1


def test_baselined_findings_survive_inserted_and_deleted_paragraphs(tmp_path):
    text = seed_text("001")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(seed_text("004"), encoding="utf-8")
    before = findings(gx("check", "--isolated", "--format", "json", ".", cwd=tmp_path))
    assert len(before) >= 5
    p = gx("check", "--isolated", "--write-baseline", "gxlint-baseline.json", ".", cwd=tmp_path)
    assert p.returncode == 0, p.stderr.decode()
    data = json.loads((tmp_path / "gxlint-baseline.json").read_text(encoding="utf-8"))
    assert len(data["entries"]) == len(before)
    assert {e["path"] for e in data["entries"]} == {"r.txt", "ok.txt"}
    assert all("line" not in e for e in data["entries"])

    edited, gone = edit_unrelated(text, {l for p, _c, l in before if p == "./r.txt"})
    (tmp_path / "r.txt").write_text(edited, encoding="utf-8")
    moved = findings(gx("check", "--isolated", "--format", "json", ".", cwd=tmp_path))
    assert [(p, c) for p, c, _ in moved] == [(p, c) for p, c, _ in before]
    assert [l for *_x, l in moved] != [l for *_x, l in before], "the findings did move"

    p = gx("check", "--isolated", "--format", "json", "--baseline", "gxlint-baseline.json", ".", cwd=tmp_path)
    assert findings(p) == [] and p.returncode == 0
    assert "已不再出现" not in p.stderr.decode()

    # a new defect is reported (and only it)
    lines = edited.split("\n")
    row = next(i for i, l in enumerate(lines) if l.startswith("(二)部分公开") or l.startswith("（二）部分公开"))
    total = row + 7
    assert lines[total].startswith("0")
    lines[total] = "3" + lines[total][1:]
    (tmp_path / "r.txt").write_text("\n".join(lines), encoding="utf-8")
    p = gx("check", "--isolated", "--format", "json", "--baseline", "gxlint-baseline.json", "r.txt", cwd=tmp_path)
    new = findings(p)
    assert p.returncode == 1 and new and {c for _p, c, _l in new} <= {"GX301", "GX302", "GX303"}
    assert ("r.txt", "GX301", total + 1) in new


def test_stale_entries_are_listed_and_fail_with_strict_and_reasons_are_kept(tmp_path):
    text = seed_text("001")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    assert (
        gx(
            "check", "--isolated", "--select", "GX205,GX301", "--write-baseline", "bl.json", "r.txt", cwd=tmp_path
        ).returncode
        == 0
    )
    data = json.loads((tmp_path / "bl.json").read_text(encoding="utf-8"))
    for e in data["entries"]:
        if e["code"] == "GX205":
            e["reason"] = "原件如此，已向上级说明"
    (tmp_path / "bl.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # fix the 00 (GX205) → its entry no longer matches
    (tmp_path / "r.txt").write_text(text.replace("\n00 |", "\n0 |", 1), encoding="utf-8")
    p = gx("check", "--isolated", "--select", "GX205,GX301", "--baseline", "bl.json", "r.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stdout.decode()
    err = p.stderr.decode()
    assert "已不再出现" in err and "GX205" in err and "原件如此" in err
    p = gx(
        "check",
        "--isolated",
        "--select",
        "GX205,GX301",
        "--baseline",
        "bl.json",
        "--strict-baseline",
        "r.txt",
        cwd=tmp_path,
    )
    assert p.returncode == 1
    # entries of rules that did not run are not stale
    p = gx(
        "check", "--isolated", "--select", "GX301", "--baseline", "bl.json", "--strict-baseline", "r.txt", cwd=tmp_path
    )
    assert p.returncode == 0 and "已不再出现" not in p.stderr.decode()
    # checking another file does not call r.txt's entries stale
    (tmp_path / "other.txt").write_text(seed_text("004"), encoding="utf-8")
    p = gx(
        "check", "--isolated", "--baseline", "bl.json", "--strict-baseline", "--exit-zero", "other.txt", cwd=tmp_path
    )
    assert "已不再出现" not in p.stderr.decode()
    # rewriting the baseline keeps the reasons of entries that still match
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    assert gx("check", "--isolated", "--write-baseline", "bl.json", "r.txt", cwd=tmp_path).returncode == 0
    again = json.loads((tmp_path / "bl.json").read_text(encoding="utf-8"))
    assert [e.get("reason") for e in again["entries"] if e["code"] == "GX205"] == ["原件如此，已向上级说明"]
    p = gx("check", "--isolated", "--baseline", "missing.json", "r.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"missing.json" in p.stderr


def test_identical_findings_are_counted(tmp_path):
    """Two equal findings need two entries: baselining one does not hide a second copy."""
    text = seed_text("001")
    res = lint(text, "r.txt")
    baseline.annotate(res)
    bl = baseline.build(str(tmp_path / "b.json"), [res])
    doubled = lint(text, "r.txt")
    baseline.annotate(doubled)
    d0 = doubled.diagnostics[0]
    doubled.diagnostics.append(d0)  # the same finding twice
    stale = baseline.apply(bl, [doubled])
    assert stale == [] and doubled.diagnostics == [d0]
    # fingerprints ignore positions but not the rule, the flagged text or the context
    fp = baseline.fingerprint_of(d0)
    assert fp == baseline.fingerprint(d0, res.doc, text)
    shifted = lint("\n\n" + text, "r.txt")
    baseline.annotate(shifted)
    assert [baseline.fingerprint_of(d) for d in shifted.diagnostics] == [
        baseline.fingerprint_of(d) for d in res.diagnostics
    ]
