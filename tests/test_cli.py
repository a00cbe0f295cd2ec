import json
import os
import subprocess
import sys

from seedutil import SEEDS, seed_path


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "gxlint", *args], capture_output=True, input=input, timeout=120)


def test_json_contract_and_exit_code():
    p = run("check", "--format", "json", seed_path("001"))
    assert p.returncode == 1
    out = json.loads(p.stdout)
    assert out["summary"]["files"] == 1
    f = out["files"][0]
    assert f["template"] == "v2019" and f["report_year"] == 2019
    d = next(d for d in f["diagnostics"] if d["code"] == "GX301")
    assert d["name"] == "row-total-mismatch" and d["severity"] == "error"
    assert d["start"]["line"] == 98 and d["start"]["column"] == 1   # the 9 under 商业企业: the cell both sums point at
    assert d["related"], "an identity error points at the cells of the sum"
    assert set(d) >= {"code", "name", "severity", "message", "start", "end", "related", "fix"}


def test_text_format_shows_source_and_summary():
    p = run("check", seed_path("001"))
    text = p.stdout.decode()
    assert f"{seed_path('001')}:98:1: GX301 [错误]" in text     # Chinese output: Chinese severity words
    assert "98 | 9 |" in text and "^" in text
    assert "[error]" not in text and "[warning]" not in text
    assert text.splitlines()[-2].startswith("检查了 1 个文件，共有 11 个问题（错误 5 个，警告 4 个，提示 2 个）")
    en = run("check", "--lang", "en", seed_path("001")).stdout.decode()
    assert f"{seed_path('001')}:98:1: GX301 [error]" in en     # English words in English output


def test_exit_zero_select_ignore_and_lang():
    assert run("check", "--exit-zero", seed_path("001")).returncode == 0
    p = run("check", "--select", "GX2", "--format", "json", seed_path("001"))
    codes = {d["code"] for d in json.loads(p.stdout)["files"][0]["diagnostics"]}
    assert codes and all(c.startswith("GX2") for c in codes)
    p = run("check", "--ignore", "GX3,GX2,GX5,GX6,GX4", seed_path("001"))
    assert p.returncode == 0
    p = run("check", "--lang", "en", "--select", "row-total-mismatch", seed_path("001"))
    assert b"the applicant columns add up to 9" in p.stdout


def test_stdin_and_missing_path_and_binary(tmp_path):
    data = open(seed_path("001"), "rb").read()
    p = run("check", "-", "--stdin-filename", "r.txt", "--format", "json", input=data)
    assert json.loads(p.stdout)["files"][0]["path"] == "r.txt"
    assert run("check", str(tmp_path / "nope.txt")).returncode == 2
    binf = tmp_path / "x.txt"
    binf.write_bytes(b"%PDF-1.4\x00\x01\x02" * 100)
    p = run("check", "--format", "json", str(binf), seed_path("000"))
    out = json.loads(p.stdout)
    assert [d["code"] for d in out["files"][1]["diagnostics"]] == ["GX002"] or \
        [d["code"] for d in out["files"][0]["diagnostics"]] == ["GX002"]
    assert len(out["files"]) == 2


def test_gbk_and_utf16_inputs(tmp_path):
    text = open(seed_path("001"), encoding="utf-8").read()
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    (tmp_path / "u16.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    p = run("check", "--format", "json", "--select", "GX301", str(tmp_path))
    out = json.loads(p.stdout)
    for f in out["files"]:
        assert [d["start"]["line"] for d in f["diagnostics"]] == [98, 144], f["path"]


def test_rules_and_rule_commands():
    p = run("rules", "--format", "json")
    rows = json.loads(p.stdout)
    assert {"GX301", "GX001"} <= {r["code"] for r in rows}
    p = run("rule", "GX301")
    assert p.returncode == 0 and "## 检查内容" in p.stdout.decode()
    assert run("rule", "row-total-mismatch").returncode == 0
    assert run("rule", "GX999").returncode == 2
