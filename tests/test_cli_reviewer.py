"""What a new user reads and runs (the reviewer's play-through): --fix promises and noise, --fix on
standard input, include filters and their skip reasons, help and usage errors in the run's
language, the English rule pages, and baselines that say what they did."""

import json
import os
import re
import subprocess
import sys

import pytest

from seedutil import ROOT, read_seed

FIX_PROMISE = "可用 `gxlint check --fix` 自动修复"


def gx(*args, cwd=None, input=None):
    env = dict(os.environ, PYTHONPATH=ROOT, GXLINT_NO_PROGRESS="1")
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *args], capture_output=True, cwd=cwd, input=input, env=env, timeout=300
    )


def _traditional_page(path):
    """A web page in traditional script: GX601 findings with safe fixes gxlint cannot write."""
    from gxlint import synth
    from read.docgen import build_html

    path.write_text(build_html(synth.generate(2, year=2023), script="traditional"), encoding="utf-8")


def _clean_word(path):
    from gxlint import synth
    from read.docgen import build_docx

    build_docx(synth.generate(1, year=2023), str(path))


# --- 10. --fix: what is promised, what is said --------------------------------------------------


def test_the_summary_promises_fix_only_for_what_fix_can_write(tmp_path):
    _traditional_page(tmp_path / "r.html")
    p = gx("check", "--isolated", "r.html", cwd=tmp_path)
    out = p.stdout.decode()
    assert "GX601" in out and FIX_PROMISE not in out, out[-400:]
    (tmp_path / "r.txt").write_text(read_seed("001"), encoding="utf-8")  # a 00 with a safe fix
    out = gx("check", "--isolated", "r.txt", cwd=tmp_path).stdout.decode()
    assert "其中 1 个" + FIX_PROMISE in out


def test_after_fix_nothing_is_promised_and_documents_without_findings_are_not_mentioned(tmp_path):
    _traditional_page(tmp_path / "trad.html")
    _clean_word(tmp_path / "clean.docx")
    (tmp_path / "r.txt").write_text(read_seed("001"), encoding="utf-8")
    p = gx("check", "--isolated", "--fix", ".", cwd=tmp_path)
    out, err = p.stdout.decode(), p.stderr.decode()
    assert FIX_PROMISE not in out
    assert "clean.docx" not in err, "a document with nothing to fix is not said to be unfixed"
    refused = [ln for ln in err.splitlines() if "未自动修复" in ln]
    assert len(refused) == 1 and "trad.html" in refused[0] and re.search(r": \d+ 个问题未自动修复", refused[0])
    assert "已修复 1 个问题（1 个文件）" in err


def test_fix_on_standard_input_writes_the_fixed_text_to_standard_output():
    text = read_seed("001")
    assert "\n00 |" in text
    p = gx("check", "--isolated", "--fix", "-", input=text.encode("utf-8"))
    assert p.stdout.decode("utf-8") == text.replace("\n00 |", "\n0 |", 1)
    err = p.stderr.decode()
    assert "GX301" in err, "the report of what remains goes to standard error"
    assert "已修复标准输入中的 1 个问题，修复后的文本已写到标准输出" in err
    p = gx("check", "--isolated", "--fix-only", "-", input=text.encode("utf-8"))
    assert p.returncode == 0 and p.stdout.decode("utf-8") == text.replace("\n00 |", "\n0 |", 1)
    # nothing to fix: the input goes through unchanged (a pipe keeps working)
    clean = read_seed("003").encode("utf-8")
    p = gx("check", "--isolated", "--fix-only", "-", input=clean)
    assert p.stdout == clean and "没有自动修复的问题，已原样写到标准输出" in p.stderr.decode()


def test_fix_on_standard_input_with_files_is_refused_with_a_reason(tmp_path):
    (tmp_path / "r.txt").write_text(read_seed("001"), encoding="utf-8")
    p = gx("check", "--isolated", "--fix", "-", "r.txt", cwd=tmp_path, input=b"x")
    assert p.returncode == 2 and "只能检查标准输入" in p.stderr.decode()


# --- 11. include: the skip reason and gxlint's own files -----------------------------------------


def test_include_says_it_left_a_report_out_and_config_files_are_not_listed(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.gxlint]\ninclude = ["*.txt", "*.md"]\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(read_seed("004"), encoding="utf-8")
    _clean_word(tmp_path / "word.docx")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    p = gx("check", "--write-baseline", "b.json", ".", cwd=tmp_path)
    p = gx("check", "--baseline", "b.json", ".", cwd=tmp_path)
    out = p.stdout.decode()
    skipped = [ln for ln in out[out.index("跳过") :].splitlines() if ln.startswith("  ")]
    docx_line = next(ln for ln in skipped if "word.docx" in ln)
    assert "不在配置的 include 之内（include = *.txt, *.md）" in docx_line and "不是支持的文件类型" not in docx_line
    assert any("photo.png" in ln and "不是支持的文件类型" in ln for ln in skipped)
    assert not any(name in ln for ln in skipped for name in ("pyproject.toml", "b.json")), (
        "gxlint's own files (its configuration, the baseline) are not skipped documents"
    )
    js = json.loads(gx("check", "--format", "json", "--exit-zero", ".", cwd=tmp_path).stdout)
    assert {s["reason"] for s in js["skipped"]} == {"include", "type"}


def test_the_documented_include_example_keeps_word_pdf_and_html():
    for lang in ("zh", "en"):
        with open(os.path.join(ROOT, "docs", lang, "configuration.md"), encoding="utf-8") as fh:
            line = next(ln for ln in fh if ln.startswith("include = "))
        assert all(f'"*.{e}"' in line for e in ("txt", "md", "docx", "html", "pdf")), line


# --- 12. help and usage errors in the run's language --------------------------------------------


@pytest.mark.parametrize("command", ["check", "report", "rules", "rule", "show"])
def test_every_option_has_help_in_both_languages(command):
    from gxlint.cli import _parser

    for lang in ("zh", "en"):
        sub = _parser(lang).commands[command]
        for action in sub._actions:
            assert action.help, (command, action.option_strings or action.dest)
            han = bool(re.search(r"[\u4e00-\u9fff]", action.help))
            if action.dest != "help":
                assert han == (lang == "zh") or "政务公开办公室" in action.help, (lang, action.help)


def test_help_follows_lang():
    zh = gx("check", "--help").stdout.decode()
    assert zh.startswith("用法：") and "输出格式" in zh and "显示本帮助并退出" in zh
    en = gx("check", "--help", "--lang", "en").stdout.decode()
    assert en.startswith("usage:") and "output format" in en and not re.search(r"[\u4e00-\u9fff]", en)


@pytest.mark.parametrize(
    "argv, words",
    [
        (["check", "--formt", "json", "x"], "无法识别的参数：--formt（是不是 --format？）"),
        (["chek", "x"], "无效的取值 'chek'"),
        (["check", "--format", "jsn", "x"], "（是不是 json？）"),
        (["check", "--year", "abc", "x"], "参数 --year：不是有效的数值"),
        (["report", "--ofice", "x"], "（是不是 --office？）"),
    ],
)
def test_usage_errors_are_chinese_with_a_suggestion(argv, words):
    p = gx(*argv)
    err = p.stderr.decode()
    assert p.returncode == 2 and words in err and err.splitlines()[0].startswith("用法："), err
    assert "error:" not in err and "usage:" not in err


def test_usage_errors_in_english_with_lang_en():
    p = gx("check", "--formt", "json", "--lang", "en", "x")
    err = p.stderr.decode()
    assert p.returncode == 2 and "unrecognized arguments: --formt" in err and "(did you mean --format?)" in err
    assert err.startswith("usage:") and not re.search(r"[\u4e00-\u9fff]", err)


# --- 13. the English rule pages ---------------------------------------------------------------


def _all_rules():
    from gxlint.engine import registry

    return sorted(registry().items())


@pytest.mark.parametrize("code", [c for c, _ in _all_rules()])
def test_a_rule_page_in_english_renders_its_messages(code):
    from gxlint.cli.rules import message_groups, render_rule_for_terminal
    from gxlint.engine import registry

    cls = registry()[code]
    page = render_rule_for_terminal(cls, "en")
    head = page.split("The documentation below", 1)[0]
    assert "(The documentation below is in Chinese.)" not in page
    assert "is written in Chinese only" in page
    assert not re.search(r"^\s+- [^a-zA-Z<（]*…", head, re.M), "no message reduced to placeholders (“- total: …”)"
    assert cls.summary_en and cls.summary_en in head
    for mid in message_groups(cls)["findings"]:
        english = re.sub(r"\{(\w+)\}", r"<\1>", cls.messages[mid]["en"])
        assert english in head, (code, mid)
    if not cls.emitted_by_engine:
        assert "On the bad example below, gxlint --lang en says:" in head
        said = head.split("says:", 1)[1]
        assert re.search(rf"\d+:\d+: {code} \[(error|warning|information|hint)\] ", said), said


def test_rules_list_in_english_uses_the_english_summaries():
    out = gx("rules", "--lang", "en").stdout.decode()
    assert "A row of table 3: the total is not the sum of the applicants" in out


# --- 14. baselines say what they did ------------------------------------------------------------


def test_baselines_say_what_they_did(tmp_path):
    (tmp_path / "a.txt").write_text(read_seed("001"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(read_seed("004"), encoding="utf-8")
    p = gx("check", "--isolated", "--write-baseline", "base.json", ".", cwd=tmp_path)
    n = sum(len(e) for e in [json.load(open(tmp_path / "base.json", encoding="utf-8"))["entries"]])
    assert f"已把 {n} 个问题记入基线 base.json（检查了 2 个文件，其中 2 个有问题）" in p.stderr.decode()
    assert "以后用 --baseline base.json 只报告新出现的问题" in p.stderr.decode()
    p = gx("check", "--isolated", "--baseline", "base.json", ".", cwd=tmp_path)
    out = p.stdout.decode()
    assert p.returncode == 0 and "没有发现问题" in out
    assert f"另有 {n} 个已记录在基线 base.json 中的问题被接受，未列出。" in out
    # a problem fixed since: its entries no longer match; --strict-baseline fails and the summary says why
    (tmp_path / "a.txt").write_text(read_seed("001").replace("\n00 |", "\n0 |", 1), encoding="utf-8")
    p = gx("check", "--isolated", "--baseline", "base.json", "--strict-baseline", ".", cwd=tmp_path)
    out = p.stdout.decode()
    assert p.returncode == 1
    assert re.search(r"基线中有 \d+ 条已不再出现（见标准错误输出），--strict-baseline 使检查失败。", out), out
    p = gx("check", "--isolated", "--baseline", "base.json", ".", cwd=tmp_path)
    assert "可用 --write-baseline 重写基线把它们去掉" in p.stdout.decode() and p.returncode == 0
