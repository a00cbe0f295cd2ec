"""The pages' scripts are files of their own (gxlint/report/page.js, gxlint/across/compare.js),
inlined, as they are, when a page is drawn."""
import os

import pytest
from seedutil import ROOT

from gxlint import synth
from gxlint.across.compare import compare
from gxlint.across.compare_html import render as render_compare
from gxlint.parse import parse
from gxlint.report.html import page_script

from .batch import built


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


@pytest.mark.parametrize("n,bad", list(enumerate(["var s = '</script>';\n", "var s = '</SCRIPT ';\n", "var s = '<!--';\n"])))
def test_a_script_that_would_end_the_element_early_is_refused(tmp_path, monkeypatch, n, bad):
    package = f"gxpagescript{n}"              # one package per case: page_script reads each once
    pkg = tmp_path / package
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "ok.js").write_text("var s = '<\\/script>';\n", encoding="utf-8")
    (pkg / "bad.js").write_text(bad, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert page_script(package, "ok.js") == "var s = '<\\/script>';\n"
    with pytest.raises(ValueError, match="bad.js"):
        page_script(package, "bad.js")

