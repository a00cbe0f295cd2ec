"""SARIF 2.1.0 (against the official schema) and GitHub workflow-command output; --output, --statistics."""

import json
import os
import re

import jsonschema
import pytest

from gxlint.docs import rule_sections, rule_title
from gxlint.engine import registry
from gxlint.output.github import escape_data, escape_property

from .conftest import DATA, gx, seed_text


@pytest.fixture(scope="module")
def schema():
    with open(os.path.join(DATA, "sarif-schema-2.1.0.json"), encoding="utf-8") as fh:
        s = json.load(fh)
    assert s["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return s


def sarif_of(tmp_path, *names, extra=()):
    p = gx("check", "--isolated", "--format", "sarif", *extra, *names, cwd=tmp_path)
    assert p.returncode in (0, 1), p.stderr.decode()
    return json.loads(p.stdout)


def write(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return name


def test_sarif_validates_against_the_official_schema(tmp_path, schema):
    write(tmp_path, "a.txt", seed_text("001"))
    write(tmp_path, "b.txt", seed_text("002"))
    (tmp_path / "c.txt").write_bytes(b"%PDF-1.4\x00\x01" * 50)  # GX002: no text, still a valid result
    log = sarif_of(tmp_path, "a.txt", "b.txt", "c.txt")
    jsonschema.Draft7Validator(schema).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["a.txt", "b.txt", "c.txt"]
    assert {
        r["ruleId"]
        for r in run["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "c.txt"
    } == {"GX002"}
    # an invalid log is rejected by the same validator (the check can fail)
    bad = json.loads(json.dumps(log))
    bad["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate(bad)


def test_rules_metadata_from_docstrings_and_rule_index(tmp_path):
    write(tmp_path, "a.txt", seed_text("001"))
    run = sarif_of(tmp_path, "a.txt")["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    reg = registry()
    assert [r["id"] for r in rules] == list(reg)
    for r in rules:
        cls = reg[r["id"]]
        assert r["name"] == cls.name
        assert r["shortDescription"]["text"] == rule_title(cls)
        assert r["fullDescription"]["text"] == (rule_sections(cls).get("检查内容") or rule_title(cls))
        assert "## 为什么" in r["help"]["markdown"] or cls.emitted_by_engine or "为什么" not in cls.doc
        assert r["properties"]["documentation"] == f"docs/rules/{cls.code}.md"
    assert run["results"]
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]


def test_regions_are_code_point_columns_matching_json(tmp_path):
    # a line with a character outside the BMP before the flagged span: UTF-16 would count it twice
    text = seed_text("001").replace("一、总体情况", "一、总体情况𠀋", 1)
    write(tmp_path, "a.txt", text)
    js = json.loads(gx("check", "--isolated", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    run = sarif_of(tmp_path, "a.txt")["runs"][0]
    jd = js["files"][0]["diagnostics"]
    assert len(jd) == len(run["results"])
    for d, r in zip(jd, run["results"]):
        reg = r["locations"][0]["physicalLocation"]["region"]
        assert (reg["startLine"], reg["startColumn"]) == (d["start"]["line"], d["start"]["column"])
        assert (reg["endLine"], reg["endColumn"]) == (d["end"]["line"], d["end"]["column"])
        assert reg["charOffset"] == d["start"]["offset"]
        assert reg["charLength"] == d["end"]["offset"] - d["start"]["offset"]
        assert reg["snippet"]["text"] == text[d["start"]["offset"] : d["end"]["offset"]]
    gx301 = [r for r in run["results"] if r["ruleId"] == "GX301"]
    reg = gx301[0]["locations"][0]["physicalLocation"]["region"]
    assert text.split("\n")[reg["startLine"] - 1][reg["startColumn"] - 1 :].startswith(reg["snippet"]["text"])
    assert gx301[0]["relatedLocations"], "the cells of the sum are related locations"


def test_fixes_are_replacements(tmp_path):
    write(tmp_path, "a.txt", seed_text("001"))
    run = sarif_of(tmp_path, "a.txt")["runs"][0]
    fixed = [r for r in run["results"] if r["ruleId"] == "GX205"]
    assert fixed, "seed 001 has a malformed 00 with a safe fix"
    fix = fixed[0]["fixes"][0]
    rep = fix["artifactChanges"][0]["replacements"][0]
    assert rep["insertedContent"]["text"] == "0"
    assert rep["deletedRegion"]["startLine"] == 258 and rep["deletedRegion"]["charLength"] == 2
    assert fix["properties"]["safe"] is True
    # a result has fixes exactly when its finding has a fix (seed 001 has both kinds), marked safe or not
    js = json.loads(gx("check", "--isolated", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    jd = js["files"][0]["diagnostics"]
    assert len(jd) == len(run["results"])
    got = [(r["ruleId"], [f["properties"]["safe"] for f in r.get("fixes", [])]) for r in run["results"]]
    want = [(d["code"], [d["fix"]["safe"]] if d["fix"] else []) for d in jd]
    assert got == want
    assert {bool(f) for _, f in got} == {True, False} and {s for _, f in got for s in f} == {True, False}


def _fingerprints(run):
    return sorted((r["ruleId"], r["partialFingerprints"]["gxlint/v1"]) for r in run["results"])


def test_fingerprints_stable_when_unrelated_lines_are_inserted(tmp_path):
    text = seed_text("001")
    write(tmp_path, "a.txt", text)
    before = sarif_of(tmp_path, "a.txt")["runs"][0]
    lines = text.split("\n")
    lines[2:2] = ["", "补充说明：本段为后来插入的说明文字，与表格无关。", "又一段无关的文字。"]
    write(tmp_path, "a.txt", "\n".join(lines))
    after = sarif_of(tmp_path, "a.txt")["runs"][0]
    assert _fingerprints(before) == _fingerprints(after)
    lb = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before["results"]]
    la = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after["results"]]
    assert [b + 3 if b >= 3 else b for b in lb] == la, "the lines moved; the fingerprints did not"
    assert sum(b >= 3 for b in lb) >= 5
    # fingerprints are unique within the file and change when the flagged content changes
    fps = [fp for _c, fp in _fingerprints(before)]
    assert len(set(fps)) == len(fps)
    # the flagged content itself changes (the cell GX301 blames): a new fingerprint
    gx301 = [r for r in before["results"] if r["ruleId"] == "GX301"][0]
    off = gx301["locations"][0]["physicalLocation"]["region"]["charOffset"]
    assert text[off].isdigit()
    write(tmp_path, "a.txt", text[:off] + ("5" if text[off] != "5" else "6") + text[off + 1 :])
    changed = sarif_of(tmp_path, "a.txt")["runs"][0]
    fp_before = gx301["partialFingerprints"]["gxlint/v1"]
    now = [r for r in changed["results"] if r["ruleId"] == "GX301"]
    assert now and fp_before not in {r["partialFingerprints"]["gxlint/v1"] for r in now}
    assert _fingerprints(changed) != _fingerprints(before)


def test_github_workflow_commands(tmp_path):
    write(tmp_path, "a.txt", seed_text("001"))
    js = json.loads(gx("check", "--isolated", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    p = gx("check", "--isolated", "--format", "github", "a.txt", cwd=tmp_path)
    assert p.returncode == 1
    out = p.stdout.decode().splitlines()
    diags = js["files"][0]["diagnostics"]
    assert len(out) == len(diags)
    pat = re.compile(
        r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=(GX\d{3}) ([a-z-]+)::(.+)$"
    )
    for line, d in zip(out, diags):
        m = pat.match(line)
        assert m, line
        kind = {"error": "error", "warning": "warning", "information": "notice", "hint": "notice"}[d["severity"]]
        assert m.group(1) == kind and m.group(2) == "a.txt"
        assert (int(m.group(3)), int(m.group(4))) == (d["start"]["line"], d["start"]["column"])
        assert (int(m.group(5)), int(m.group(6))) == (d["end"]["line"], d["end"]["column"])
        assert m.group(7) == d["code"] and m.group(8) == d["name"] and m.group(9) == escape_data(d["message"])


def test_github_escaping():
    assert escape_data("50%\r\n下一行") == "50%25%0D%0A下一行"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_output_file_and_statistics(tmp_path):
    write(tmp_path, "a.txt", seed_text("001"))
    write(tmp_path, "b.txt", seed_text("004"))
    p = gx("check", "--isolated", "--format", "sarif", "--output", "out/r.sarif", ".", cwd=tmp_path)
    assert p.returncode == 2 and b"out" in p.stderr  # a missing output folder is a usage error
    (tmp_path / "out").mkdir()
    p = gx("check", "--isolated", "--output", "out", "a.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"Traceback" not in p.stderr  # a folder is not an output file
    p = gx("check", "--isolated", "--format", "sarif", "--output", "out/r.sarif", ".", cwd=tmp_path)
    assert p.returncode == 1 and p.stdout == b""
    assert json.loads((tmp_path / "out" / "r.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"

    p = gx("check", "--isolated", "--format", "json", "--statistics", "a.txt", "b.txt", cwd=tmp_path)
    obj = json.loads(p.stdout)
    stats = obj["statistics"]
    all_diags = [d for f in obj["files"] for d in f["diagnostics"]]
    assert sum(stats["by_rule"].values()) == len(all_diags)
    assert stats["by_rule"]["GX301"] == sum(1 for d in all_diags if d["code"] == "GX301")
    assert stats["by_file"] == {f["path"]: len(f["diagnostics"]) for f in obj["files"] if f["diagnostics"]}
    p = gx("check", "--isolated", "--statistics", "a.txt", "b.txt", cwd=tmp_path)
    text = p.stdout.decode()
    assert "按规则统计" in text and "按文件统计" in text
    assert re.search(rf"\s{stats['by_rule']['GX301']}\s+GX301\s+row-total-mismatch", text)
