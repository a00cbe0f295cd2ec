"""Documents through the command line and the outputs: `gxlint show`, native locations in text /
JSON / SARIF, --fix refused per document, folder walks; the language server on an .html page."""

import json
import os
import random
import re

import pytest
from docgen import build_docx

from gxlint import synth
from gxlint.cli import main
from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.files import collect_files

HERE = os.path.dirname(os.path.abspath(__file__))
SARIF_SCHEMA = os.path.join(os.path.dirname(HERE), "pipelines", "data", "sarif-schema-2.1.0.json")


@pytest.fixture(scope="module")
def defective(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    rep = synth.generate(5, template="v2021")
    rep, (defect,) = synth.inject(rep, ["change_cell"], random.Random(1))
    built = build_docx(rep, str(folder / "report.docx"))
    (folder / "report.txt").write_text(rep.render("pipe").text, encoding="utf-8")
    return folder, built.cells[defect.target]


def run(capsys, *argv):
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_show_prints_the_text_view_the_positions_point_into(defective, capsys):
    folder, _ = defective
    rc, out, _ = run(capsys, "show", str(folder / "report.docx"))
    assert rc == 0
    assert out.startswith(synth.generate(5, template="v2021").organ)
    assert "| 三、本年度办理结果 | （一）予以公开 |" in out
    rc, json_out, _ = run(capsys, "check", "--isolated", "--format", "json", str(folder / "report.docx"))
    d = json.loads(json_out)["files"][0]["diagnostics"][0]
    line = out.splitlines()[d["start"]["line"] - 1]
    assert line[d["start"]["column"] - 1 :].startswith(out[d["start"]["offset"] : d["end"]["offset"]])
    rc, loc_out, _ = run(capsys, "show", "--locations", str(folder / "report.docx"))
    assert "一、本年新收政府信息公开申请数量 |  |  | " in loc_out
    row = next(ln for ln in loc_out.splitlines() if "一、本年新收政府信息公开申请数量" in ln)
    assert row.endswith("\t# 表 2 第 4 行")
    assert "\t# 第 1 段" in loc_out.splitlines()[0]


def test_show_of_an_unreadable_file_is_exit_2(tmp_path, capsys):
    bad = tmp_path / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    rc, out, err = run(capsys, "show", str(bad))
    assert rc == 2 and "另存为 .docx" in err


def test_text_output_names_the_cell(defective, capsys):
    folder, (ti, row, col) = defective
    rc, out, _ = run(capsys, "check", "--isolated", str(folder / "report.docx"))
    assert rc == 1
    assert f"  位于 表 {ti} 第 {row} 行第 {col} 列" in out
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", str(folder / "report.docx"))
    assert f"  in table {ti} row {row} column {col}" in out
    rc, out, _ = run(capsys, "check", "--isolated", str(folder / "report.txt"))
    assert "位于" not in out  # a text file's line:column is its place


def test_json_adds_source_and_format(defective, capsys):
    folder, (ti, row, col) = defective
    rc, out, _ = run(
        capsys, "check", "--isolated", "--format", "json", str(folder / "report.docx"), str(folder / "report.txt")
    )
    files = {os.path.basename(f["path"]): f for f in json.loads(out)["files"]}
    assert files["report.docx"]["format"] == "docx" and files["report.txt"]["format"] == "text"
    # (the same report in two formats is also GX703 duplicate-report, across reports: not this test's)
    first = [d for d in files["report.docx"]["diagnostics"] if not d["code"].startswith("GX7")][0]
    src = first["source"]
    assert (src["table"], src["row"], src["col"]) == (ti, row, col)
    assert src["description"] == f"表 {ti} 第 {row} 行第 {col} 列"
    assert "source" not in [d for d in files["report.txt"]["diagnostics"] if not d["code"].startswith("GX7")][0]
    # the rest of the contract is unchanged
    strip = lambda ds: [{k: v for k, v in d.items() if k != "source"} for d in ds]
    assert [d["code"] for d in strip(files["report.docx"]["diagnostics"])] == [
        d["code"] for d in files["report.txt"]["diagnostics"]
    ]


def test_sarif_adds_a_logical_location(defective, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    folder, (ti, row, col) = defective
    rc, out, _ = run(capsys, "check", "--isolated", "--format", "sarif", str(folder / "report.docx"))
    log = json.loads(out)
    with open(SARIF_SCHEMA, encoding="utf-8") as fh:
        jsonschema.validate(log, json.load(fh))
    res = log["runs"][0]["results"][0]
    logical = res["locations"][0]["logicalLocations"][0]
    assert logical["name"] == f"表 {ti} 第 {row} 行第 {col} 列"
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_fix_is_refused_per_document_and_the_file_is_untouched(defective, capsys, tmp_path):
    folder, _ = defective
    doc = tmp_path / "report.docx"
    doc.write_bytes((folder / "report.docx").read_bytes())
    before = doc.read_bytes()
    rc, out, err = run(capsys, "check", "--isolated", "--fix", str(doc))
    assert "未自动修复" not in err, "nothing in it had a fix: nothing to say"
    assert doc.read_bytes() == before
    # a Word report in traditional script: GX601 findings with safe fixes gxlint cannot write there
    trad = tmp_path / "trad.docx"
    build_docx(synth.generate(2, year=2023), str(trad), script="traditional")
    before = trad.read_bytes()
    rc, out, err = run(capsys, "check", "--isolated", "--fix", str(trad))
    assert re.search(
        rf"gxlint: {re.escape(str(trad))}: \d+ 个问题未自动修复 — gxlint 只修改文本文件，请在源文档（Word 文档）中修改",
        err,
    ), err
    assert trad.read_bytes() == before
    rc, out, err = run(capsys, "check", "--isolated", "--diff", "--lang", "en", str(trad))
    assert "make these fixes in the source document (docx)" in err


def test_folder_walk_takes_every_supported_format(tmp_path):
    for name in ("a.txt", "b.md", "c.DOCX", "d.html", "e.htm", "f.shtml", "g.pdf", "h.doc", "i.wps", "j.png", "k.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    s = Settings()
    from gxlint import configfile

    got = sorted(
        os.path.basename(f) for f in collect_files([str(tmp_path)], excluded=lambda p: configfile.is_excluded(s, p))
    )
    assert got == ["a.txt", "b.md", "c.DOCX", "d.html", "e.htm", "f.shtml", "g.pdf", "h.doc", "i.wps"]


def test_language_server_maps_html_findings_into_the_source():
    from gxlint.lsp.htmlmap import is_html, lint_html

    rep = synth.generate(5, template="v2021")
    rep, (defect,) = synth.inject(rep, ["change_cell"], random.Random(1))
    text = rep.render("markdown").text
    rows = []
    for line in text.splitlines():
        if line.startswith("|---"):
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows.append("<tr>" + "".join(f'<td class="c{k}">{c}</td>' for k, c in enumerate(cells)) + "</tr>")
        else:
            if rows:
                rows.append(None)
            rows.append(f"<p>{line.lstrip('#').strip()}</p>")
    html, in_table = ["<html><body>"], False
    for r in rows:
        if r is None or r.startswith("<p>"):
            if in_table:
                html.append("</table>")
                in_table = False
            if r:
                html.append(r)
        else:
            if not in_table:
                html.append('<table border="1">')
                in_table = True
            html.append(r)
    html.append("</table></body></html>" if in_table else "</body></html>")
    source = "\n".join(html)
    assert is_html("html", None) and is_html(None, "/x/report.SHTML")
    diags, res = lint_html(source, "report.html", Settings())
    arith = [d for d in diags if d.code.startswith("GX3")]
    # the findings of the same report as text, each on the changed cell's number in the HTML source
    as_text = [d for d in lint(text, "report.md").diagnostics if d.code.startswith("GX3")]
    assert [(d.code, d.message) for d in arith] == [(d.code, d.message) for d in as_text] != []
    changed = str(rep.t3[defect.target[1]][defect.target[2]])
    assert [text[d.span.start : d.span.end] for d in as_text] == [changed] * len(as_text)
    for d in arith:
        start = d.span.start
        assert source[start : d.span.end] == changed
        # inside a <td>, never inside markup
        assert source.rfind("<td", 0, start) > source.rfind("</td>", 0, start)
        assert d.fix is None


def test_checking_a_text_file_imports_no_document_library(tmp_path):
    import subprocess
    import sys

    from seedutil import ROOT, seed_path

    probe = (
        "import sys, runpy; sys.argv=['gxlint','check','--isolated','-q','--exit-zero',%r]\n"
        "try: runpy.run_module('gxlint', run_name='__main__')\nexcept SystemExit: pass\n"
        "print(sorted(m for m in ('lxml', 'docx', 'gxlint.read.docx', 'gxlint.read.html') if m in sys.modules))"
        % seed_path("000")
    )
    env = dict(os.environ, PYTHONPATH=ROOT)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=str(tmp_path))
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr[-500:]


def test_github_annotations_name_the_cell(defective, capsys):
    folder, (ti, row, col) = defective
    rc, out, _ = run(capsys, "check", "--isolated", "--format", "github", str(folder / "report.docx"))
    assert f"（位于 表 {ti} 第 {row} 行第 {col} 列）" in out.splitlines()[0]
