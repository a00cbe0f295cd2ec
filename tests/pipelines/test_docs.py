"""The rule reference is generated from the docstrings and must be fresh; the user guide exists in
Chinese and English and its links resolve."""

import os
import re

from gxlint import docs
from gxlint.engine import registry

from .conftest import ROOT

DOCS = os.path.join(ROOT, "docs")


def test_rule_reference_is_fresh():
    stale = docs.stale(os.path.join(DOCS, "rules"))
    assert stale == [], f"docs/rules is stale ({', '.join(stale)}): run `python -m gxlint.docs` and commit the result"


def test_stale_detection_can_fail(tmp_path):
    out = tmp_path / "rules"
    assert docs.write(str(out))  # everything written the first time
    assert docs.stale(str(out)) == []
    code = next(iter(registry()))
    page = out / f"{code}.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")
    (out / "GX999.md").write_text("a rule that no longer exists\n", encoding="utf-8")
    assert docs.stale(str(out)) == sorted([f"{code}.md", "GX999.md"])
    assert docs.main(["--check", "--out", str(out)]) == 1
    docs.write(str(out))
    assert docs.stale(str(out)) == [] and not (out / "GX999.md").exists()


def test_every_rule_has_a_page_with_its_docstring():
    for code, cls in registry().items():
        with open(os.path.join(DOCS, "rules", f"{code}.md"), encoding="utf-8") as fh:
            page = fh.read()
        assert page.splitlines()[2] == f"# {code} {cls.name}"
        for heading in docs.rule_sections(cls):
            assert f"## {heading}" in page
        assert "```report" not in page  # the test-block markers are rendered as text blocks
    with open(os.path.join(DOCS, "rules", "README.md"), encoding="utf-8") as fh:
        index = fh.read()
    assert all(f"[{code}]({code}.md)" in index for code in registry())


def test_user_guide_in_both_languages_and_links_resolve():
    for lang in ("zh", "en"):
        for page in ("quickstart.md", "configuration.md", "ci.md"):
            assert os.path.isfile(os.path.join(DOCS, lang, page)), f"docs/{lang}/{page}"
    with open(os.path.join(DOCS, "en", "ci.md"), encoding="utf-8") as fh:
        ci = fh.read()
    assert "upload-sarif" in ci and "--format sarif" in ci and "gitlab" in ci.lower() and "pre-commit" in ci
    for folder, _dirs, files in os.walk(DOCS):
        for name in files:
            if not name.endswith(".md"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
                if "://" in target:
                    continue
                assert os.path.exists(os.path.normpath(os.path.join(folder, target))), f"{path}: broken link {target}"


def test_documented_config_example_is_valid(tmp_path):
    """The example in the configuration guide is accepted as written."""
    from gxlint import configfile

    for lang in ("zh", "en"):
        with open(os.path.join(DOCS, lang, "configuration.md"), encoding="utf-8") as fh:
            text = fh.read()
        block = re.search(r"```toml\n(\[tool\.gxlint\].*?)```", text, re.S).group(1)
        (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
        s = configfile.load(str(tmp_path / "pyproject.toml"))
        assert s.template == "v2021" and s.organ_level == "township" and "GX206" in s.ignore


def _hooks() -> dict:
    """The hooks of .pre-commit-hooks.yaml: id → its ``files`` regex (read without a YAML library)."""
    out, hook = {}, None
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"^- id: (\S+)", line)
            if m:
                hook = m.group(1)
            m = re.match(r"^\s+files: (\S+)", line)
            if m and hook:
                out[hook] = re.compile(m.group(1))
    return out


def test_the_hooks_take_what_ci_md_says_in_any_case():
    """The two hooks' file patterns match in any case (a report saved as 报告.TXT by Windows), the fix
    hook takes the text files --fix writes, and both pages of ci.md say which files each takes —
    including that the check hook takes old .doc/.wps files, each a GX002 that fails the commit."""
    hooks = _hooks()
    text_files = [".txt", ".md"]
    documents = [".docx", ".html", ".pdf", ".doc", ".wps"]
    for ext in text_files + documents:
        for name in ("报告" + ext, "报告" + ext.upper()):
            assert hooks["gxlint"].search(name), name
            assert bool(hooks["gxlint-fix"].search(name)) == (ext in text_files), name
    for lang in ("zh", "en"):
        with open(os.path.join(DOCS, lang, "ci.md"), encoding="utf-8") as fh:
            page = fh.read()
        assert "Both hooks take `.txt` and `.md`" not in page and "两个钩子只处理" not in page
        for ext in documents:
            assert f"`{ext}`" in page, (lang, ext)
        assert "GX002" in page and 'exclude = ["**/*.doc", "**/*.wps"]' in page


WORDING = {
    "代码透镜": "VS Code's Chinese UI says CodeLens",
    "行内提示": "VS Code's Chinese UI says 内嵌提示 (inlay hints)",
    "不安全的修复": "a fix to review by hand is 需人工核对的修复",
    "保持安静": "a document that is not checked is 不作检查",
}


def test_the_chinese_pages_use_the_words_users_see():
    pages = [os.path.join(DOCS, "zh", n) for n in os.listdir(os.path.join(DOCS, "zh"))]
    pages += [os.path.join(DOCS, "rules", n) for n in os.listdir(os.path.join(DOCS, "rules"))]
    pages += [os.path.join(ROOT, "README.md")]
    for path in pages:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        for word, why in WORDING.items():
            assert word not in text, f"{os.path.relpath(path, ROOT)}: “{word}” — {why}"


def test_output_md_describes_every_field_the_json_has(tmp_path):
    """docs/zh|en/output.md name every field `check --format json` writes (top level, files[],
    diagnostics, source, skipped, carry_over) and cite no document the repository does not hold."""
    import json
    import shutil
    import subprocess
    import sys

    real = os.path.join(ROOT, "tests", "fixtures", "corpus_real")
    for name in ("hongze-2023.pdf", "pingtan-2020.txt", "pingtan-2021.txt"):
        shutil.copy(os.path.join(real, name), tmp_path / name)
    (tmp_path / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "gxlint",
            "check",
            "--isolated",
            "--format",
            "json",
            "--exit-zero",
            "--statistics",
            str(tmp_path),
        ],
        capture_output=True,
        timeout=300,
        env=dict(os.environ, PYTHONPATH=ROOT),
    )
    js = json.loads(p.stdout)
    keys = set(js)
    for f in js["files"]:
        keys |= set(f)
        for d in f["diagnostics"]:
            keys |= set(d) | set(d.get("source") or {}) | set(d["fix"] or {})
    for group in ("skipped", "carry_over"):
        assert js.get(group), group
        for item in js[group]:
            keys |= set(item)
    keys -= {"bbox"}  # a PDF's box on the page: for tools that draw, not named in the page text
    for lang in ("zh", "en"):
        with open(os.path.join(DOCS, lang, "output.md"), encoding="utf-8") as fh:
            page = fh.read()
        prose = re.sub(r"```.*?```", "", page, flags=re.S)
        named = {w for span in re.findall(r"`([^`]+)`", prose) for w in re.findall(r"\w+", span)}
        named |= set(re.findall(r'"(\w+)"', page))  # the keys of the JSON example
        missing = sorted(keys - named)
        assert not missing, (lang, missing)
        assert "命令行规范" not in page and "CLI specification" not in page


def test_the_readme_reads_pdf_and_word():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    assert "cannot be read (binary, PDF" not in readme
    assert "`gxlint report" in readme and "docs/en/report.md" in readme
