"""The same report as .txt, .docx, .html, .pdf, .ofd, .doc, .wps, .odt and .rtf gives the same
findings at corresponding places.

The .docx is written with python-docx laid out like the official template (docgen.py: merged
header cells, the 三、本年度办理结果 group merged down, headings numbered by Word), then converted
with LibreOffice headless — what offices publish — to .html, .pdf, .doc, .odt and .rtf (the .doc
is also the .wps: WPS Writer's .wps is Word 97's format), once per session; the converted files are
kept under ~/.cache/gxlint-tests/formats, keyed by the report and the builder, so a second run
starts no LibreOffice for them.  The .ofd is written from the PDF's characters and ruling lines
(ofdmake.py).  Cases: generated reports (gxlint.synth) with a defect injected into one cell, a
traditional-script 2019-template report, and a seed report's figures.
"""

import hashlib
import os
import random
import re
import shutil
import subprocess
import zipfile

import pytest
from docgen import build_docx, report_from_seed

import seedutil
from gxlint import synth
from gxlint.engine import lint_path
from read import ofdmake

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _cases():
    out = {}
    rep = synth.generate(5, template="v2021")
    rep, done = synth.inject(rep, ["change_cell"], random.Random(1))
    out["v2021_cell"] = (rep, "simplified", done)
    rep = synth.generate(7, template="v2019")
    rep, done = synth.inject(rep, ["break_row_total"], random.Random(2))
    out["v2019_traditional"] = (rep, "traditional", done)
    rep = synth.generate(11, template="v2021")
    rep, done = synth.inject(rep, ["change_cell"], random.Random(4))
    out["v2021_t4_or_t3"] = (rep, "simplified", done)
    out["seed000"] = (report_from_seed(seedutil.read_seed("000")), "simplified", [])
    out["seed003"] = (report_from_seed(seedutil.read_seed("003"), seed=3), "simplified", [])
    return out


CACHE = os.path.join(os.path.expanduser("~"), ".cache", "gxlint-tests", "formats")
HERE = os.path.dirname(os.path.abspath(__file__))
# LibreOffice's filters for each format made from the .docx
FILTERS = {"html": "html:XHTML Writer File:UTF8", "pdf": "pdf", "doc": "doc:MS Word 97", "odt": "odt", "rtf": "rtf"}
OFFICE = ["doc", "wps", "odt", "rtf"]


def _builder_key() -> bytes:
    out = b""
    for name in ("docgen.py", "test_formats.py"):
        with open(os.path.join(HERE, name), "rb") as fh:
            out += fh.read()
    return out


def _rtf_numbering(data: bytes) -> bytes:
    """LibreOffice's RTF export writes a list level's text in the ANSI code page, where the 、 of
    "一、" becomes "?" and the full-width brackets of "（一）" half-width (Word and WPS write
    ``\\uN``): put them back as Word writes them, so the .rtf says what the .docx says."""
    data = data.replace(rb"{\leveltext \'02\'00\'3f;}", rb"{\leveltext \'02\'00\u12289 ?;}")
    return re.sub(
        rb"{\\leveltext \\'03\\'28\\'(0[0-8])\\'29;}",
        lambda m: rb"{\leveltext \'03\u65288 ?\'" + m.group(1) + rb"\u65289 ?;}",
        data,
    )


@pytest.fixture(scope="session")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    cases = {}
    builder = _builder_key()
    for name, (rep, script, done) in _cases().items():
        built = build_docx(rep, str(folder / f"{name}.docx"), script)
        text = rep.render("pipe", script=script).text
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        key = hashlib.sha256(text.encode() + script.encode() + builder).hexdigest()[:24]
        cases[name] = {"rep": rep, "script": script, "defects": done, "built": built, "key": key}
    converted = {}  # ext → None when every file was produced, else what LibreOffice said
    if SOFFICE:
        os.makedirs(CACHE, exist_ok=True)
        profile = folder / "lo-profile"
        for ext, filt in FILTERS.items():
            todo = []
            for n, c in cases.items():
                cached = os.path.join(CACHE, f"{c['key']}.{ext}")
                if os.path.exists(cached):
                    shutil.copy(cached, folder / f"{n}.{ext}")
                else:
                    todo.append(str(folder / f"{n}.docx"))
            said = b""
            if todo:
                p = subprocess.run(
                    [
                        SOFFICE,
                        f"-env:UserInstallation=file://{profile}",
                        "--headless",
                        "--norestore",
                        "--convert-to",
                        filt,
                        "--outdir",
                        str(folder),
                        *todo,
                    ],
                    capture_output=True,
                    timeout=600,
                    check=False,
                )
                said = f"exit {p.returncode}: ".encode() + p.stdout + p.stderr
                for n, c in cases.items():
                    made = folder / f"{n}.{ext}"
                    if made.exists() and str(folder / f"{n}.docx") in todo:
                        shutil.copy(made, os.path.join(CACHE, f"{c['key']}.{ext}"))
            missing = [n for n in cases if not (folder / f"{n}.{ext}").exists()]
            converted[ext] = (
                None if not missing else f"no {', '.join(missing)}: {said.decode(errors='replace')[-1500:]}"
            )
        for n in cases:
            if (folder / f"{n}.rtf").exists():
                (folder / f"{n}.rtf").write_bytes(_rtf_numbering((folder / f"{n}.rtf").read_bytes()))
            if (folder / f"{n}.doc").exists():
                shutil.copy(folder / f"{n}.doc", folder / f"{n}.wps")
            if (folder / f"{n}.pdf").exists():
                (folder / f"{n}.ofd").write_bytes(ofdmake.from_pdf((folder / f"{n}.pdf").read_bytes()))
        converted["wps"] = converted["doc"]
        converted["ofd"] = converted["pdf"]
    return folder, cases, converted


def _need(converted, ext):
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    if converted[ext] is not None:  # it is installed and failed: that is a failure, not a skip
        pytest.fail(f"LibreOffice did not convert the .docx reports to .{ext} ({converted[ext]})")


def findings(path):
    res = lint_path(str(path))
    return res, sorted((d.code, d.message) for d in res.diagnostics)


CASES = sorted(_cases())


@pytest.mark.parametrize("name", CASES)
def test_docx_gives_the_findings_of_the_text(reports, name):
    folder, cases, _ = reports
    _, txt = findings(folder / f"{name}.txt")
    res, docx = findings(folder / f"{name}.docx")
    assert docx == txt
    assert res.meta["format"] == "docx"


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("ext", ["html", "pdf", "ofd"] + OFFICE)
def test_converted_formats_give_the_findings_of_the_text(reports, name, ext):
    folder, cases, converted = reports
    _need(converted, ext)
    _, txt = findings(folder / f"{name}.txt")
    _, other = findings(folder / f"{name}.{ext}")
    assert other == txt


@pytest.mark.parametrize("name", [n for n in CASES if not n.startswith("seed")])
@pytest.mark.parametrize("ext", ["docx", "html", "pdf", "ofd"] + OFFICE)
def test_a_defect_in_one_cell_is_found_at_that_cell(reports, name, ext):
    folder, cases, converted = reports
    if ext != "docx":
        _need(converted, ext)
    case = cases[name]
    (defect,) = case["defects"]
    want = case["built"].cells[defect.target]
    res, _ = findings(folder / f"{name}.{ext}")
    arith = [d for d in res.diagnostics if d.code.startswith("GX3")]
    assert arith, res.diagnostics
    if ext in ("pdf", "ofd"):
        assert all(d.data.get("source", {}).get("page") for d in arith)
        return
    places = {
        (d.data["source"]["table"], d.data["source"]["row"], d.data["source"]["col"])
        for d in arith
        if "source" in d.data and "row" in d.data["source"]
    }
    assert want in places, (defect, places)
    if ext in OFFICE:  # the place is in the .docx LibreOffice made, and it says so
        from gxlint.read import describe

        d = next(d for d in arith if "row" in d.data.get("source", {}))
        assert d.data["source"]["via"] == "LibreOffice"
        assert describe(d.data["source"]).endswith("（LibreOffice 转换为 .docx 后）")


def test_clean_seed_report_is_clean_in_every_format(reports):
    folder, cases, converted = reports
    if SOFFICE:
        _need(converted, "html")
    for ext in ["txt", "docx"] + (["html"] if SOFFICE else []):
        res, out = findings(folder / f"seed000.{ext}")
        assert [c for c, _m in out if c.startswith(("GX1", "GX2", "GX3"))] == [], (ext, out)


def test_headings_are_numbered_by_word_not_written(reports):
    folder, cases, _ = reports
    with zipfile.ZipFile(folder / "v2021_cell.docx") as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    assert "一、总体情况" not in xml and "总体情况" in xml and 'w:numId w:val="90"' in xml
    res = lint_path(str(folder / "v2021_cell.docx"))
    lines = res.text.splitlines()
    assert "一、总体情况" in lines and "（一）主动公开" in lines and "六、其他需要报告的事项" in lines
    assert "| 三、本年度办理结果 | （一）予以公开 |  |" in res.text


def test_traditional_script_docx_reads_as_traditional(reports):
    folder, cases, _ = reports
    res = lint_path(str(folder / "v2019_traditional.docx"))
    assert "申請人情況" in res.text
    assert res.template == "v2019"


def test_folder_of_formats_is_checked_file_by_file(reports, capsys):
    from gxlint.cli import main

    folder, cases, converted = reports
    rc = main(["check", "--isolated", "--no-source", "--format", "json", "-j", "1", str(folder)])
    import json

    out = json.loads(capsys.readouterr().out)
    formats = {os.path.splitext(f["path"])[1]: f["format"] for f in out["files"]}
    assert formats[".docx"] == "docx" and formats[".txt"] == "text"
    if SOFFICE:
        _need(converted, "html")
        assert formats[".html"] == "html" and formats[".pdf"] == "pdf"
        for ext in ["ofd"] + OFFICE:
            _need(converted, ext)
            assert formats["." + ext] == ext
        # the same report in every format: the same findings, file by file
        by_case: dict = {}
        for f in out["files"]:
            name, ext = os.path.splitext(os.path.basename(f["path"]))
            # (GX703 names the other copies of the report: each file another one)
            by_case.setdefault(name, {})[ext] = sorted(
                (d["code"], d["message"]) for d in f["diagnostics"] if d["code"] != "GX703"
            )
            assert [d for d in f["diagnostics"] if d["code"] == "GX703"], f["path"]  # its copies were read
        for name, found in by_case.items():
            assert sorted(found) == sorted("." + e for e in ["txt", "docx", "html", "pdf", "ofd"] + OFFICE), name
            assert all(v == found[".txt"] for v in found.values()), (name, found)
    assert rc == 1


def test_page_header_and_footer_do_not_disturb_the_report(tmp_path):
    import docx

    rep = synth.generate(5, template="v2021")
    path = str(tmp_path / "hf.docx")
    build_docx(rep, path)
    before = lint_path(path).diagnostics
    d = docx.Document(path)
    d.sections[0].header.paragraphs[0].text = f"{rep.organ}政府信息公开"
    d.sections[0].footer.paragraphs[0].text = f"{rep.organ}办公室印发"
    d.save(path)
    res = lint_path(path)
    assert [x.code for x in res.diagnostics] == [x.code for x in before]
    assert f"{rep.organ}办公室印发" in res.text
