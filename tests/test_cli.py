import json
import os
import re
import shutil
import stat
import subprocess
import sys

import pytest

from seedutil import ROOT, read_seed, seed_path


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
    assert d["start"]["line"] == 98 and d["start"]["column"] == 1  # the 9 under 商业企业: the cell both sums point at
    assert d["related"], "an identity error points at the cells of the sum"
    assert set(d) >= {"code", "name", "severity", "message", "start", "end", "related", "fix"}


def test_json_and_sarif_when_a_rule_has_data_of_its_own(tmp_path):
    """GX501's data (which year it found, and where in the report) never stands for a native
    location (data["source"], a dict for .docx/.html/.pdf): JSON and SARIF of a text file carry no
    "source" for it (this crashed when GX501 called that place "source")."""
    text = open(seed_path("001"), encoding="utf-8").read().replace("2019年以来", "2023年以来", 1)
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    for fmt in ("json", "sarif"):
        p = run("check", "--format", fmt, "--exit-zero", "--select", "GX501", str(f))
        assert p.returncode == 0, p.stderr.decode()[-2000:]
    out = json.loads(run("check", "--format", "json", "--exit-zero", "--select", "GX501", str(f)).stdout)
    (d,) = out["files"][0]["diagnostics"]
    assert d["code"] == "GX501" and "source" not in d


def test_text_format_shows_source_and_summary():
    p = run("check", seed_path("001"))
    text = p.stdout.decode()
    assert f"{seed_path('001')}:98:1: GX301 [错误]" in text  # Chinese output: Chinese severity words
    assert "98 | 9 |" in text and "^" in text
    assert "[error]" not in text and "[warning]" not in text
    assert text.splitlines()[-2].startswith("检查了 1 个文件，共有 11 个问题（错误 5 个，警告 4 个，提示 2 个）")
    en = run("check", "--lang", "en", seed_path("001")).stdout.decode()
    assert f"{seed_path('001')}:98:1: GX301 [error]" in en  # English words in English output


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
    assert [d["code"] for d in out["files"][1]["diagnostics"]] == ["GX002"] or [
        d["code"] for d in out["files"][0]["diagnostics"]
    ] == ["GX002"]
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
    assert p.returncode == 0 and "检查内容\n────" in p.stdout.decode()
    assert run("rule", "row-total-mismatch").returncode == 0
    assert run("rule", "GX999").returncode == 2


# --- issue 12: what a new user meets ---------------------------------------------------------


def gx(*args, cwd=None, input=None, env=None):
    e = dict(os.environ)
    e["PYTHONPATH"] = ROOT + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *args], capture_output=True, input=input, timeout=300, cwd=cwd, env=e
    )


@pytest.mark.parametrize(
    "args,bad",
    [
        (["--select", "arithmetc"], "arithmetic"),
        (["--select", "GX3O1"], "GX301"),
        (["--ignore", "GX9"], None),
        (["--severity", "GX9=warning"], None),
        (["--extend-select", "row-total-mismatc"], "row-total-mismatch"),
    ],
)
def test_mistyped_selectors_are_refused_with_a_suggestion(args, bad):  # item 4
    p = run("check", "--isolated", *args, seed_path("001"))
    err = p.stderr.decode()
    assert p.returncode == 2, (p.returncode, p.stdout.decode()[-300:])
    assert "没有这样的规则" in err and "全部通过" not in p.stdout.decode()
    if bad:
        assert bad in err.split("是不是", 1)[1]
        en = run("check", "--isolated", "--lang", "en", *args, seed_path("001")).stderr.decode()
        assert bad in en.split("did you mean", 1)[1] and not re.search(r"[\u4e00-\u9fff]", en), en


def test_valid_selectors_still_work():
    for args in (
        ["--select", "arithmetic"],
        ["--select", "GX3"],
        ["--select", "gx301"],
        ["--ignore", "hygiene"],
        ["--severity", "GX3=warning"],
        ["--severity", "row-total-mismatch=information"],
        ["--select", "ALL"],
    ):
        assert run("check", "--isolated", "-q", *args, seed_path("001")).returncode in (0, 1), args


def test_folder_of_other_formats_or_empty_is_an_error_not_a_pass(tmp_path):  # item 5
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.docx").write_bytes(b"PK\x03\x04")  # documents are read now: damaged ones are GX002
    (d / "b.pdf").write_bytes(b"%PDF-1.4\n")
    (d / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a format gxlint reads: skipped, listed
    p = run("check", "--format", "json", str(d))
    data = json.loads(p.stdout)
    assert p.returncode == 1 and "全部通过" not in p.stdout.decode() + p.stderr.decode()
    assert sorted(os.path.basename(f["path"]) for f in data["files"]) == ["a.docx", "b.pdf"]
    assert all([x["code"] for x in f["diagnostics"]] == ["GX002"] for f in data["files"])
    assert [os.path.basename(x["path"]) for x in data["skipped"]] == ["c.png"]
    (d / "a.docx").unlink()
    (d / "b.pdf").unlink()
    p = run("check", str(d))  # only a file of another type: nothing checked
    out, err = p.stdout.decode(), p.stderr.decode()
    assert p.returncode == 2 and "全部通过" not in out + err
    assert "没有检查任何文件" in err and "c.png" in err
    e = tmp_path / "e"
    e.mkdir()
    p = run("check", "--format", "json", str(e))
    assert p.returncode == 2 and "没有检查任何文件" in p.stderr.decode()


def test_mixed_folder_lists_every_skipped_file(tmp_path):  # item 5, issue 10 item 9
    (tmp_path / "r.txt").write_text(read_seed("001"), encoding="utf-8")
    (tmp_path / "R2.TXT").write_text(read_seed("004"), encoding="utf-8")
    (tmp_path / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "README.md").write_text("# 说明\n\n这个文件夹放的是各区县的年度报告。\n", encoding="utf-8")
    p = run("check", "--isolated", str(tmp_path))
    out = p.stdout.decode()
    assert p.returncode == 1
    m = re.search(r"跳过 (\d+) 个文件：\n((?:  .*\n)+)", out)
    assert m and m.group(1) == "3", out[-1500:]
    listed = m.group(2)
    for name in ("x.png", "x.xlsx", "README.md"):
        assert name in listed
    assert "不像年度报告" in listed and "--lint-all" in listed
    assert out.splitlines()[-2].startswith("检查了 2 个文件（另跳过 3 个）")  # R2.TXT: any case
    # the README is the same document the language server stays quiet on
    p = run("check", "--isolated", "--format", "json", str(tmp_path))
    obj = json.loads(p.stdout)
    assert sorted(f["path"] for f in obj["files"]) == [str(tmp_path / "R2.TXT"), str(tmp_path / "r.txt")]
    assert {os.path.basename(s["path"]): s["reason"] for s in obj["skipped"]} == {
        "x.png": "type",
        "x.xlsx": "type",
        "README.md": "not_report",
    }
    # --lint-all (and the config key) check it too; a README named on the command line is always checked
    p = run("check", "--isolated", "--lint-all", "--format", "json", str(tmp_path))
    assert "README.md" in {os.path.basename(f["path"]) for f in json.loads(p.stdout)["files"]}
    (tmp_path / "gxlint.toml").write_text("lint-all = true\n", encoding="utf-8")
    p = run("check", "--format", "json", str(tmp_path))
    assert "README.md" in {os.path.basename(f["path"]) for f in json.loads(p.stdout)["files"]}
    p = run("check", "--isolated", "--format", "json", str(tmp_path / "README.md"))
    assert [os.path.basename(f["path"]) for f in json.loads(p.stdout)["files"]] == ["README.md"]


def test_non_report_in_a_walk_is_never_fixed(tmp_path):
    notes = "# 笔记\n\n“““重复的引号。\n"
    (tmp_path / "notes.md").write_text(notes, encoding="utf-8")
    (tmp_path / "r.txt").write_text(read_seed("001"), encoding="utf-8")
    run("check", "--isolated", "--fix", str(tmp_path))
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == notes


def test_diff_without_final_newline_is_a_valid_patch(tmp_path):  # item 6
    text = read_seed("002")
    assert not text.endswith("\n")
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    p = gx("check", "--isolated", "--diff", "p.txt", cwd=tmp_path)
    diff = p.stdout.decode()
    assert p.returncode == 1 and diff.startswith("--- a/p.txt")
    (tmp_path / "d").write_text(diff, encoding="utf-8")
    if shutil.which("patch"):
        q = subprocess.run(
            ["patch", "--dry-run", "-p1", "p.txt"], stdin=open(tmp_path / "d", "rb"), cwd=tmp_path, capture_output=True
        )
        assert q.returncode == 0, q.stdout + q.stderr
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
        q = subprocess.run(["git", "apply", "--check", "d"], cwd=tmp_path, capture_output=True)
        assert q.returncode == 0, q.stderr
        q = subprocess.run(["git", "apply", "d"], cwd=tmp_path, capture_output=True)
        assert q.returncode == 0, q.stderr
    fixed = gx("check", "--isolated", "--fix", "--fix-only", "-q", "p.txt", cwd=tmp_path / "..")
    # applying the diff gives exactly what --fix writes
    (tmp_path / "q.txt").write_text(text, encoding="utf-8")
    gx("check", "--isolated", "--fix-only", "q.txt", cwd=tmp_path)
    assert (tmp_path / "p.txt").read_bytes() == (tmp_path / "q.txt").read_bytes()
    del fixed


def test_unified_diff_marks_missing_newlines_on_either_side():
    from gxlint.batch import unified_diff

    d = unified_diff("a\nb", "a\nc", "a/x", "b/x")
    assert d.endswith("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
    d = unified_diff("a\nb", "a\nb\n", "a/x", "b/x")
    assert "-b\n\\ No newline at end of file\n+b\n" in d


def test_a_safe_fix_keeps_the_baseline(tmp_path):  # item 7
    (tmp_path / "r.txt").write_text(read_seed("001"), encoding="utf-8")
    assert gx("check", "--isolated", "--write-baseline", "b.json", "r.txt", cwd=tmp_path).returncode == 0
    gx("check", "--isolated", "--fix", "r.txt", cwd=tmp_path)
    assert "\n00 |" not in (tmp_path / "r.txt").read_text(encoding="utf-8")
    p = gx("check", "--isolated", "--baseline", "b.json", "r.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stdout.decode()
    assert "GX302" not in p.stdout.decode()
    assert "GX205" in p.stderr.decode()  # the fixed finding is the one entry that no longer matches


def test_fingerprint_normalises_number_formatting():
    from gxlint.baseline import _norm

    assert _norm("00") == _norm("0") == _norm("０") and _norm("1,234") == _norm("1234") == _norm("１２３４")
    assert _norm("12") != _norm("21") and _norm("2019年") == "2019年"


def test_fix_counts_findings_not_edits(tmp_path):  # item 9
    (tmp_path / "p.txt").write_text(read_seed("002"), encoding="utf-8")
    p = gx("check", "--isolated", "p.txt", cwd=tmp_path)
    m = re.search(r"其中 (\d+) 个可用 `gxlint check --fix` 自动修复", p.stdout.decode())
    fixable = int(m.group(1))
    p = gx("check", "--isolated", "--fix", "p.txt", cwd=tmp_path)
    m = re.search(r"已修复 (\d+) 个问题（1 个文件）", p.stderr.decode())
    assert m, p.stderr.decode()
    assert 0 < int(m.group(1)) <= fixable + 5, (m.group(1), fixable)  # (a later pass may fix what a fix revealed)


def test_exit_codes_as_the_readme_says(tmp_path):  # item 10
    clean_warn = os.path.join(ROOT, "examples", "2023-traditional-pinyin.txt")
    p = gx("check", "--isolated", "--format", "json", clean_warn)
    sev = {d["severity"] for f in json.loads(p.stdout)["files"] for d in f["diagnostics"]}
    assert "error" not in sev and "warning" in sev and p.returncode == 0
    assert gx("check", "--isolated", "--fail-on", "warning", clean_warn).returncode == 1
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    assert "0 clean, 1 findings" not in readme
    assert "warnings and information alone still exit 0" in readme


def test_empty_file_and_pdf_are_named_for_what_they_are(tmp_path):  # item 11
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "fake.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 50)
    p = gx("check", "--isolated", "--format", "json", "empty.txt", "blank.txt", "fake.txt", cwd=tmp_path)
    by = {f["path"]: f["diagnostics"] for f in json.loads(p.stdout)["files"]}
    for name in ("empty.txt", "blank.txt"):
        assert [d["code"] for d in by[name]] == ["GX002"] and "空" in by[name][0]["message"], by[name]
    assert [d["code"] for d in by["fake.txt"]] == ["GX002"] and "PDF" in by["fake.txt"][0]["message"]
    assert "UTF-8" not in by["fake.txt"][0]["message"]


def test_output_and_baseline_files_follow_the_umask(tmp_path):  # item 12 / issue 15 item 7
    (tmp_path / "r.txt").write_text(read_seed("004"), encoding="utf-8")
    old = os.umask(0o022)
    try:
        gx("check", "--isolated", "--output", "out.txt", "r.txt", cwd=tmp_path)
        gx("check", "--isolated", "--write-baseline", "b.json", "r.txt", cwd=tmp_path)
    finally:
        os.umask(old)
    for name in ("out.txt", "b.json"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o644, name


def test_output_to_devices_fifos_and_stdout(tmp_path):  # issue 15 item 7
    (tmp_path / "r.txt").write_text(read_seed("004"), encoding="utf-8")
    p = gx("check", "--isolated", "--format", "json", "--output", "-", "r.txt", cwd=tmp_path)
    assert json.loads(p.stdout)["files"][0]["path"] == "r.txt"
    p = gx("check", "--isolated", "--format", "json", "--output", "/dev/stdout", "r.txt", cwd=tmp_path)
    assert p.returncode in (0, 1), p.stderr
    assert json.loads(p.stdout)["files"][0]["path"] == "r.txt"
    link = tmp_path / "null"
    os.symlink("/dev/null", link)
    p = gx("check", "--isolated", "--output", str(link), "r.txt", cwd=tmp_path)
    assert p.returncode in (0, 1) and os.path.islink(link) and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    p = gx("check", "--isolated", "--format", "json", "--output", str(fifo), "r.txt", cwd=tmp_path)
    got = reader.communicate(timeout=60)[0]
    assert json.loads(got)["files"][0]["path"] == "r.txt"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not replaced by a file
    p = gx("check", "--isolated", "--write-baseline", "-", "r.txt", cwd=tmp_path)
    assert json.loads(p.stdout)["gxlint_baseline"] == 1


def test_show_settings_for_each_path(tmp_path):  # item 13
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "gxlint.toml").write_text('lang = "en"\n', encoding="utf-8")
    (tmp_path / "b" / "gxlint.toml").write_text('ignore = ["GX6"]\n', encoding="utf-8")
    p = gx("check", "--show-settings", "--format", "json", "a/x.txt", "b/y.txt", cwd=tmp_path)
    infos = json.loads(p.stdout)
    assert [i["path"] for i in infos] == ["a/x.txt", "b/y.txt"]
    assert infos[0]["lang"] == "en" and "GX6" in infos[1]["ignore"]
    p = gx("check", "--show-settings", "a/x.txt", "b/y.txt", cwd=tmp_path)
    text = p.stdout.decode()
    assert 'path = "a/x.txt"' in text and 'path = "b/y.txt"' in text
    one = json.loads(gx("check", "--show-settings", "--format", "json", "a/x.txt", cwd=tmp_path).stdout)
    assert isinstance(one, dict) and one["path"] == "a/x.txt"


def test_summary_reads_naturally(tmp_path):  # item 14
    (tmp_path / "a.txt").write_text(read_seed("001"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(read_seed("004"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        open(os.path.join(ROOT, "examples", "2023-clean-township.txt"), encoding="utf-8").read(), encoding="utf-8"
    )
    out = gx("check", "--isolated", "--select", "GX3", str(tmp_path)).stdout.decode()
    assert re.search(r"^检查了 3 个文件，其中 \d 个共有 \d+ 个问题（错误 \d+ 个）。$", out, re.M), out[-400:]
    assert "在 3 个文件中的" not in out
    out = gx("check", "--isolated", "--select", "GX3", str(tmp_path / "c.txt")).stdout.decode()
    assert out.strip().splitlines()[-1] == "检查了 1 个文件，没有发现问题。"
    out = gx("check", "--isolated", "--lang", "en", "--select", "GX3", str(tmp_path)).stdout.decode()
    assert re.search(r"^Checked 3 files: \d+ problems? in \d of them \(\d+ errors?\)\.$", out, re.M), out[-400:]
    from gxlint.output.text import summary_lines

    for files in range(0, 3):
        for lang in ("zh", "en"):
            joined = "".join(
                summary_lines({"error": 0, "warning": 0, "information": 0, "hint": 0}, files, 0, 0, 0, lang)
            )
            assert "全部通过" not in joined and "All checks passed" not in joined


def test_gx604_names_the_partner_of_the_bracket_found():  # item 16
    from gxlint.testing import RuleTester

    t = RuleTester("GX604")
    _res, own = t.diagnostics("一、总体情况\n本机关(含下属单位公开了信息。\n")
    assert own and own[0].message == "左括号 ( 没有配对的 )"
    _res, own = t.diagnostics("一、总体情况\n本机关（含下属单位公开了信息。\n")
    assert own and own[0].message == "左括号 （ 没有配对的 ）"


def test_cli_messages_are_one_language_at_a_time(tmp_path):  # item 16
    (tmp_path / "r.txt").write_text(read_seed("001"), encoding="utf-8")
    zh = gx("check", "--isolated", "--write-baseline", "b.json", "r.txt", cwd=tmp_path).stderr.decode()
    assert "已把 11 个问题记入基线" in zh and "recorded" not in zh
    en = gx("check", "--isolated", "--lang", "en", "--write-baseline", "b.json", "r.txt", cwd=tmp_path).stderr.decode()
    assert "recorded 11 finding(s)" in en and not re.search(r"[\u4e00-\u9fff]", en)


def test_rules_and_rule_in_english_and_rendered_for_a_terminal():  # item 17
    en = run("rules", "--lang", "en").stdout.decode()
    first = en.splitlines()[0]
    assert first.split()[:2] == ["code", "fix"]
    gx301 = next(line for line in en.splitlines() if line.startswith("GX301"))
    assert not re.search(r"[\u4e00-\u9fff]", gx301), gx301
    zh = run("rules").stdout.decode()
    assert "勾稽" in next(line for line in zh.splitlines() if line.startswith("GX301"))
    p = run("rule", "GX301", "--lang", "en")
    assert p.returncode == 0
    out = p.stdout.decode()
    assert "family: arithmetic" in out and "the applicant columns add up to" in out
    p = run("rule", "GX301")
    out = p.stdout.decode()
    assert "```" not in out and "## " not in out and "report bad" not in out
    assert "检查内容\n────" in out and "错误示例" in out and "    │ " in out
    md = run("rule", "GX301", "--markdown").stdout.decode()
    assert "## 检查内容" in md and "```" in md


def test_gx101_reports_missing_sections_in_section_order():  # item 18
    from gxlint.testing import RuleTester

    text = "一、总体情况\n\n内容。\n\n三、收到和处理政府信息公开申请情况\n\n内容。\n"
    _res, own = RuleTester("GX101").diagnostics(text)
    order = [d.data["section"] for d in sorted(own, key=lambda d: d.sort_key())]
    assert order == sorted(order) and len(order) == 4, order


def test_docs_writes_where_it_is_told(tmp_path):  # item 3
    out = tmp_path / "rules"
    p = subprocess.run(
        [sys.executable, "-m", "gxlint.docs", "-o", str(out)],
        capture_output=True,
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=ROOT),
        timeout=120,
    )
    assert p.returncode == 0 and (out / "GX301.md").is_file() and (out / "README.md").is_file()
    p = subprocess.run(
        [sys.executable, "-m", "gxlint.docs"],
        capture_output=True,
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=ROOT),
        timeout=120,
    )
    assert p.returncode == 2 and b"-o" in p.stderr
    assert not (tmp_path / "docs").exists()
    from gxlint import docs

    assert docs.is_checkout(ROOT) and not docs.is_checkout(str(tmp_path))
    assert os.path.dirname(docs.__file__) != os.path.join(ROOT, "docs")


def test_sarif_information_uri_is_not_a_placeholder():  # item 1
    p = run("check", "--format", "sarif", seed_path("004"))
    driver = json.loads(p.stdout)["runs"][0]["tool"]["driver"]
    uri = driver.get("informationUri")
    assert uri is None or ("pypi.org/project/gxlint" not in uri and "github.com/gxlint/gxlint" not in uri)


def test_test_script_says_what_it_installs_and_can_skip_editor_tests():  # item 19
    script = open(os.path.join(ROOT, "scripts", "test.sh"), encoding="utf-8").read()
    say = script.index("installing what the tests need")
    assert say < script.index("pip install -q") and say < script.index("apt-get update")
    assert "GXLINT_SKIP_EDITOR_TESTS" in script
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            os.path.join(ROOT, "tests", "lsp", "test_nvim.py"),
        ],
        capture_output=True,
        cwd=ROOT,
        env=dict(os.environ, GXLINT_SKIP_EDITOR_TESTS="1"),
        timeout=300,
    )
    out = p.stdout.decode()
    assert p.returncode == 0 and "skipped" in out and ("GXLINT_SKIP_EDITOR_TESTS" in out or "not installed" in out), out


def test_pytest_asyncio_loop_scope_is_set():  # item 20
    p = subprocess.run(
        [
            sys.executable,
            "-W",
            "error::DeprecationWarning",
            "-m",
            "pytest",
            "--co",
            "-q",
            "-p",
            "no:cacheprovider",
            os.path.join(ROOT, "tests", "test_claims.py"),
        ],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )
    assert p.returncode == 0, (p.stdout + p.stderr).decode()[-1500:]


# --- issue 15 items 8, 9, 10: special files, unreadable folders, failed writes ----------------


def test_walk_takes_regular_files_only_and_says_so(tmp_path):
    (tmp_path / "r.txt").write_text(read_seed("004"), encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    p = gx("check", "--isolated", "--format", "json", str(tmp_path))  # would hang reading the FIFO
    obj = json.loads(p.stdout)
    assert [os.path.basename(f["path"]) for f in obj["files"]] == ["r.txt"]
    assert {os.path.basename(s["path"]): s["reason"] for s in obj["skipped"]} == {
        "pipe.md": "special",
        "broken.txt": "special",
    }


def test_named_special_files_are_read_with_a_limit(tmp_path):
    os.symlink("/dev/zero", tmp_path / "z.txt")
    p = gx("check", "--isolated", "--format", "json", "--max-bytes", "100000", "z.txt", cwd=tmp_path)
    d = json.loads(p.stdout)["files"][0]["diagnostics"]
    assert [x["code"] for x in d] == ["GX002"] and (
        "过大" in d[0]["message"] or "二进制" in d[0]["message"] or "不是文本" in d[0]["message"]
    )
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)  # a FIFO nobody writes to: read as empty, never a hang
    p = gx("check", "--isolated", "--format", "json", "f.txt", cwd=tmp_path)
    assert [x["code"] for x in json.loads(p.stdout)["files"][0]["diagnostics"]] == ["GX002"]
    big = b"x" * 200_000
    p = gx("check", "--isolated", "--format", "json", "--max-bytes", "100000", "-", cwd=tmp_path, input=big)
    d = json.loads(p.stdout)["files"][0]["diagnostics"]
    assert [x["code"] for x in d] == ["GX002"] and "过大" in d[0]["message"]


def test_read_limited_stops_at_the_limit():
    import io

    from gxlint.io import DecodeError, read_limited

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, b):
            b[:] = b"\0" * len(b)
            return len(b)

    with pytest.raises(DecodeError) as exc:
        read_limited(io.BufferedReader(Endless()), 1000)
    assert exc.value.message_id == "too_large"
    assert read_limited(io.BytesIO(b"abc"), 3) == b"abc"


def test_unreadable_folder_is_reported(tmp_path, monkeypatch):
    from gxlint import files as cli

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "r.txt").write_text("x", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if os.path.basename(str(path)) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files = cli.collect_files([str(tmp_path)])
    assert list(files) == [str(tmp_path / "ok" / "r.txt")]
    assert files.folder_errors == [(str(tmp_path / "locked"), "Permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_unreadable_folder_is_gx002_not_a_pass(tmp_path):
    (tmp_path / "r.txt").write_text(read_seed("004"), encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        p = gx("check", "--isolated", "--format", "json", str(tmp_path))
    finally:
        locked.chmod(0o755)
    codes = {f["path"]: [d["code"] for d in f["diagnostics"]] for f in json.loads(p.stdout)["files"]}
    assert codes[str(locked)] == ["GX002"] and p.returncode == 1


def test_failed_fix_writes_exit_2(tmp_path, monkeypatch):
    from gxlint import batch, cli

    (tmp_path / "r.txt").write_text(read_seed("001"), encoding="utf-8")

    def fail(path, data, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch, "atomic_write", fail)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--isolated", "--fix-only", "-j", "1", "r.txt"]) == 2
    assert cli.main(["check", "--isolated", "--fix", "-j", "1", "r.txt"]) == 2
    assert "\n00 |" in (tmp_path / "r.txt").read_text(encoding="utf-8")


def test_force_excluded_files_only_is_not_an_error(tmp_path):
    """pre-commit names only files the configuration excludes: nothing to check, and that is fine."""
    (tmp_path / "gxlint.toml").write_text('exclude = ["archive/**"]\n', encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(read_seed("001"), encoding="utf-8")
    p = gx("check", "--force-exclude", "archive/old.txt", cwd=tmp_path)
    assert p.returncode == 0 and p.stdout == b"", p.stderr
    p = gx("check", "archive/old.txt", cwd=tmp_path)  # named without --force-exclude: checked
    assert p.returncode == 1
