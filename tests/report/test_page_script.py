"""The pages' scripts are files of their own (gxlint/report/page.js, gxlint/across/compare.js),
linted by the VS Code extension's ESLint set-up (``npm test`` in vscode-extension/ runs ``npm run
lint``) and inlined, as they are, when a page is drawn."""

import fnmatch
import json
import os

import pytest

from gxlint import synth
from gxlint.across.compare import compare
from gxlint.across.compare_html import render as render_compare
from gxlint.parse import parse
from gxlint.report.html import page_script
from seedutil import ROOT

from .batch import built

EXT = os.path.join(ROOT, "vscode-extension")


def _source(*parts: str) -> str:
    with open(os.path.join(ROOT, "gxlint", *parts), encoding="utf-8", newline="") as fh:
        return fh.read()


def test_the_reviewer_page_carries_page_js():
    js = _source("report", "page.js")
    assert "DecompressionStream" in js and js.endswith("})();\n")
    with open(built("html"), encoding="utf-8", newline="") as fh:
        page = fh.read()
    assert page.count("<script>") == 1
    assert "<script>\n" + js + "</script>\n</body>" in page


def test_the_comparison_page_carries_compare_js():
    js = _source("across", "compare.js")
    assert "mark.copy" in js
    old, new = synth.series(70, (2023, 2024), organ="青云县司法局")
    a, b = parse(old.render().text, "2023.txt"), parse(new.render().text, "2024.txt")
    page = render_compare(compare(a, b, "2023.txt", "2024.txt"), "zh")
    assert page.count("<script>") == 1
    assert "<script>\n" + js + "</script>\n</body>" in page


@pytest.mark.parametrize(
    "n,bad", list(enumerate(["var s = '</script>';\n", "var s = '</SCRIPT ';\n", "var s = '<!--';\n"]))
)
def test_a_script_that_would_end_the_element_early_is_refused(tmp_path, monkeypatch, n, bad):
    package = f"gxpagescript{n}"  # one package per case: page_script reads each once
    pkg = tmp_path / package
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "ok.js").write_text("var s = '<\\/script>';\n", encoding="utf-8")
    (pkg / "bad.js").write_text(bad, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert page_script(package, "ok.js") == "var s = '<\\/script>';\n"
    with pytest.raises(ValueError, match="bad.js"):
        page_script(package, "bad.js")


def test_the_extension_test_command_lints_the_page_scripts():
    """``npm test`` (what scripts/test.sh runs for the extension) runs ``npm run lint``, which lints
    gxlint/ with the extension's eslint.config.mjs; the config has a block for browser scripts."""
    with open(os.path.join(EXT, "package.json"), encoding="utf-8") as fh:
        scripts = json.load(fh)["scripts"]
    assert "npm run lint" in scripts["test"]
    assert "eslint ." in scripts["lint"] and "npm run lint:pages" in scripts["lint"]
    assert scripts["lint:pages"] == "cd .. && eslint --config vscode-extension/eslint.config.mjs gxlint"
    with open(os.path.join(EXT, "eslint.config.mjs"), encoding="utf-8") as fh:
        config = fh.read()
    assert "files: ['gxlint/**/*.js']" in config and "globals.browser" in config
    # every script in the package is linted (lint:pages takes all of gxlint/) and shipped in the wheel
    import tomllib

    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        shipped = tomllib.load(fh)["tool"]["setuptools"]["package-data"]["gxlint"]
    scripts_in_package = sorted(
        os.path.relpath(os.path.join(d, f), os.path.join(ROOT, "gxlint")).replace(os.sep, "/")
        for d, _dirs, files in os.walk(os.path.join(ROOT, "gxlint"))
        for f in files
        if f.endswith(".js")
    )
    assert {"report/page.js", "across/compare.js"} <= set(scripts_in_package)
    assert all(any(fnmatch.fnmatch(js, g) for g in shipped) for js in scripts_in_package), (scripts_in_package, shipped)
