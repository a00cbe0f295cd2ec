"""The rule reference is generated from the docstrings and must be fresh; the user guide exists in
Chinese and English and its links resolve."""
import os
import re

from .conftest import ROOT
from gxlint import docs
from gxlint.engine import registry

DOCS = os.path.join(ROOT, "docs")


def test_rule_reference_is_fresh():
    stale = docs.stale(os.path.join(DOCS, "rules"))
    assert stale == [], (f"docs/rules is stale ({', '.join(stale)}): run `python -m gxlint.docs` and commit "
                         "the result")


def test_stale_detection_can_fail(tmp_path):
    out = tmp_path / "rules"
    assert docs.write(str(out))                       # everything written the first time
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
        assert "```report" not in page                 # the test-block markers are rendered as text blocks
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
