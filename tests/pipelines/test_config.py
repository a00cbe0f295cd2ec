"""Configuration files: found per file by walking up; keys; errors; --config/--isolated/--show-settings."""

import json
import os

import pytest

from gxlint import configfile
from gxlint.api import Severity
from gxlint.config import Settings

from .conftest import gx, seed_text


def diags(p):
    assert p.returncode in (0, 1), p.stderr.decode()
    return {f["path"]: [(d["code"], d["severity"]) for d in f["diagnostics"]] for f in json.loads(p.stdout)["files"]}


@pytest.fixture
def tree(tmp_path):
    """tmp/
    pyproject.toml           [tool.gxlint] ignore GX2
    top.txt
    team/gxlint.toml         severity arithmetic=warning, GX302=error; per-file-ignores drafts/*.txt GX3
    team/pyproject.toml      no [tool.gxlint] (skipped? no: gxlint.toml in the same folder wins)
    team/r.txt  team/drafts/d.txt
    other/pyproject.toml     [project] only: skipped, the parent's config applies
    other/o.txt
    """
    t = seed_text("001")
    (tmp_path / "pyproject.toml").write_text('[tool.gxlint]\nignore = ["GX2"]\n', encoding="utf-8")
    (tmp_path / "top.txt").write_text(t, encoding="utf-8")
    team = tmp_path / "team"
    (team / "drafts").mkdir(parents=True)
    (team / "gxlint.toml").write_text(
        'severity = { arithmetic = "warning", GX302 = "error" }\nper-file-ignores = { "drafts/*.txt" = ["GX3"] }\n',
        encoding="utf-8",
    )
    (team / "pyproject.toml").write_text('[tool.gxlint]\nignore = ["ALL"]\n', encoding="utf-8")
    (team / "r.txt").write_text(t, encoding="utf-8")
    (team / "drafts" / "d.txt").write_text(t, encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (other / "o.txt").write_text(t, encoding="utf-8")
    return tmp_path


def test_nearest_config_applies_to_each_file(tree):
    res = diags(gx("check", "--format", "json", ".", cwd=tree))
    top = res["./top.txt"]
    assert top and not any(c.startswith("GX2") for c, _ in top)  # root pyproject: ignore GX2
    assert res["./other/o.txt"] == top  # [project]-only pyproject skipped
    team = dict()
    for c, s in res["./team/r.txt"]:
        team.setdefault(c, set()).add(s)
    assert any(c.startswith("GX2") for c in team)  # team config does not inherit the root
    assert team["GX301"] == {"warning"} and team["GX302"] == {"error"}  # family, then the rule itself
    assert not any(c.startswith("GX3") for c, _ in res["./team/drafts/d.txt"])  # per-file ignore by glob
    assert any(c.startswith("GX2") for c, _ in res["./team/drafts/d.txt"])
    # the same when the files are named one by one, from another working directory
    res2 = diags(gx("check", "--format", "json", str(tree / "team" / "drafts" / "d.txt"), cwd="/"))
    assert list(res2.values())[0] == res["./team/drafts/d.txt"]


def test_command_line_overrides_config_and_isolated_ignores_it(tree):
    res = diags(
        gx("check", "--format", "json", "--select", "GX3", "--severity", "GX301=information", "team/r.txt", cwd=tree)
    )
    codes = dict(res["team/r.txt"])
    assert set(codes) <= {"GX301", "GX302", "GX303", "GX304", "GX305", "GX306"} and codes["GX301"] == "information"
    fam = diags(
        gx(
            "check",
            "--format",
            "json",
            "--isolated",
            "--select",
            "arithmetic",
            "--severity",
            "arithmetic=hint",
            "team/r.txt",
            cwd=tree,
        )
    )  # family names on the command line too
    assert fam["team/r.txt"] and all(c.startswith("GX3") and s == "hint" for c, s in fam["team/r.txt"])
    iso = diags(gx("check", "--format", "json", "--isolated", "team/r.txt", "team/drafts/d.txt", cwd=tree))
    assert iso["team/r.txt"] == iso["team/drafts/d.txt"]
    assert dict(iso["team/r.txt"])["GX301"] == "error"
    # --config names one file for every input
    cfg = diags(gx("check", "--format", "json", "--config", "pyproject.toml", "team/r.txt", cwd=tree))
    assert not any(c.startswith("GX2") for c, _ in cfg["team/r.txt"])
    p = gx("check", "--config", "nope.toml", "top.txt", cwd=tree)
    assert p.returncode == 2 and b"nope.toml" in p.stderr


@pytest.mark.parametrize(
    "content, needle",
    [
        ('[tool.gxlint]\nselcet = ["GX3"]\n', "selcet"),
        ('[tool.gxlint]\nseverity = { GX301 = "fatal" }\n', "GX301"),
        ('[tool.gxlint]\ntemplate = "v2020"\n', "template"),
        ('[tool.gxlint]\nyear = "2023"\n', "year"),
        ('[tool.gxlint]\ntownship-deadline = "3/31"\n', "township-deadline"),
        ('[tool.gxlint]\nignore = ["no-such-rule-name"]\n', "no-such-rule-name"),
        ('[tool.gxlint]\nper-file-ignores = ["x"]\n', "per-file-ignores"),
        ("[tool.gxlint\n", "TOML"),
    ],
)
def test_bad_config_is_exit_2_naming_the_key(tmp_path, content, needle):
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    (tmp_path / "r.txt").write_text(seed_text("000"), encoding="utf-8")
    p = gx("check", "r.txt", cwd=tmp_path)
    assert p.returncode == 2
    err = p.stderr.decode()
    assert needle in err and "pyproject.toml" in err and "Traceback" not in err
    assert p.stdout == b""


def test_gxlint_toml_unknown_key_and_settings_keys(tmp_path):
    (tmp_path / "gxlint.toml").write_text('lang = "en"\nbogus-key = 1\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(seed_text("001"), encoding="utf-8")
    p = gx("check", "r.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"bogus-key" in p.stderr
    (tmp_path / "gxlint.toml").write_text(
        'lang = "en"\nselect = ["GX301"]\ntemplate = "v2019"\nyear = 2019\norgan-level = "department"\n'
        'max-bytes = 1000000\ntownship-deadline = "02-28"\nextend-select = ["GX302"]\n',
        encoding="utf-8",
    )
    p = gx("check", "r.txt", cwd=tmp_path)
    assert p.returncode == 1
    assert b"the applicant columns add up to 9" in p.stdout  # lang = en from the file
    s = configfile.settings_for_file(str(tmp_path / "r.txt"))
    assert (s.lang, s.template, s.year, s.organ_level, s.max_bytes, s.township_deadline) == (
        "en",
        "v2019",
        2019,
        "department",
        1000000,
        "02-28",
    )
    assert s.select == ("GX301",) and s.extend_select == ("GX302",)
    assert s.source == str(tmp_path / "gxlint.toml")
    (tmp_path / "gxlint.toml").write_text("max-bytes = 100\n", encoding="utf-8")
    out = json.loads(gx("check", "--format", "json", "r.txt", cwd=tmp_path).stdout)
    assert [d["code"] for d in out["files"][0]["diagnostics"]] == ["GX002"]  # too large for the limit


def test_include_exclude_patterns(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gxlint]\ninclude = ["*.txt", "*.report"]\nexclude = ["archive/**", "*-draft.txt"]\n', encoding="utf-8"
    )
    t = seed_text("000")
    for name in ("a.txt", "b.report", "c.md", "x-draft.txt", "archive/old.txt", "sub/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(t, encoding="utf-8")
    out = json.loads(gx("check", "--format", "json", ".", cwd=tmp_path).stdout)
    assert [f["path"] for f in out["files"]] == ["./a.txt", "./b.report", "./sub/d.txt"]
    # an explicitly named file is checked whatever the patterns say
    out = json.loads(gx("check", "--format", "json", "archive/old.txt", cwd=tmp_path).stdout)
    assert [f["path"] for f in out["files"]] == ["archive/old.txt"]
    # … unless --force-exclude (what the pre-commit hooks use: pre-commit names every file)
    out = json.loads(
        gx(
            "check", "--format", "json", "--force-exclude", "archive/old.txt", "x-draft.txt", "a.txt", cwd=tmp_path
        ).stdout
    )
    assert [f["path"] for f in out["files"]] == ["a.txt"]


def test_show_settings(tree):
    p = gx("check", "--show-settings", "--format", "json", "team/drafts/d.txt", cwd=tree)
    assert p.returncode == 0, p.stderr
    info = json.loads(p.stdout)
    assert info["config"] == str(tree / "team" / "gxlint.toml")
    assert info["severity"] == {"GX3": "warning", "GX302": "error"}
    assert info["ignore"] == ["GX3"]  # the per-file ignore that matched this file
    assert info["per-file-ignores"] == {"drafts/*.txt": ["GX3"]}
    text = gx("check", "--show-settings", "top.txt", cwd=tree).stdout.decode()
    assert f'config = "{tree / "pyproject.toml"}"' in text and 'ignore = ["GX2"]' in text


def test_settings_for_file_api_matches_cli(tree):
    s = configfile.settings_for_file(str(tree / "team" / "r.txt"))
    assert s.severity_for("GX301", "row-total-mismatch", Severity.ERROR) is Severity.WARNING
    assert s.severity_for("GX302", "outcome-total-mismatch", Severity.ERROR) is Severity.ERROR
    assert s.is_enabled("GX301", "row-total-mismatch")
    d = configfile.settings_for_file(str(tree / "team" / "drafts" / "d.txt"))
    assert not d.is_enabled("GX301", "row-total-mismatch")
    base = Settings(lang="en")
    assert configfile.settings_for_file(str(tree / "top.txt"), base).lang == "en"  # file keys over the base
    assert configfile.settings_for_file(None, base) is base or configfile.settings_for_file(None, base).lang == "en"
    # edits to the file are seen (no stale cache)
    (tree / "team" / "gxlint.toml").write_text('ignore = ["GX301"]\n', encoding="utf-8")
    os.utime(tree / "team" / "gxlint.toml", (1, 1))
    assert not configfile.settings_for_file(str(tree / "team" / "r.txt")).is_enabled("GX301", "row-total-mismatch")
    (tree / "team" / "gxlint.toml").write_text("bad = 1\n", encoding="utf-8")
    with pytest.raises(configfile.ConfigError, match="bad"):
        configfile.settings_for_file(str(tree / "team" / "r.txt"))


@pytest.mark.parametrize(
    "table, words",
    [
        ("office = 3", "report.office: 应为非空字符串"),
        ('date = "2024-13-01"', "report.date：日期应写作 2024-03-01"),
        ('ofice = "某办"', "report.ofice: 未知配置项"),
        ("[tool.gxlint.report.x]", "report.x: 未知配置项"),
    ],
)
def test_the_report_table_is_checked(tmp_path, table, words):
    """[tool.gxlint.report]: the reviewer's office, the letters' date, number, contact and template."""
    (tmp_path / "pyproject.toml").write_text(f"[tool.gxlint.report]\n{table}\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(seed_text("004"), encoding="utf-8")
    p = gx("check", "r.txt", cwd=tmp_path)
    assert p.returncode == 2 and words in p.stderr.decode(), p.stderr.decode()


def test_the_report_table_is_shown_with_the_template_path_resolved(tmp_path):
    (tmp_path / "gxlint.toml").write_text(
        '[report]\noffice = "某某市政务公开办"\nletter-template = "t/意见.toml"\n', encoding="utf-8"
    )
    p = gx("check", "--show-settings", "--format", "json", "r.txt", cwd=tmp_path)
    info = json.loads(p.stdout)
    assert info["report"] == {"office": "某某市政务公开办", "letter-template": str(tmp_path / "t" / "意见.toml")}
