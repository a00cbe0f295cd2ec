"""gxlint report -o review.xlsx / opinions.docx: read back with openpyxl and python-docx, the rows,
findings and counts match `gxlint check --format json`; the letters go through LibreOffice."""

import collections
import os
import shutil
import subprocess

import pytest

from seedutil import ROOT, seed_path

from .batch import ARTEFACTS, PATHS, artefact, built, check_json, gx, outdir

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed (pip install openpyxl)")
docx = pytest.importorskip("docx", reason="python-docx is not installed (pip install python-docx)")


def _by_file(js):
    return {f["path"]: f for f in js["files"]}


def _counts(f):
    c = collections.Counter(d["severity"] for d in f["diagnostics"])
    return c["error"], c["warning"], c["information"] + c["hint"]


def _where(path, d):
    src = d.get("source")
    return src["description"] if src else f"第 {d['start']['line']} 行"


def _sheet(ws):
    rows = list(ws.iter_rows(values_only=True))
    return list(rows[0]), [dict(zip(rows[0], r)) for r in rows[1:]]


def test_spreadsheet_matches_check_json():
    js = _by_file(check_json())
    wb = openpyxl.load_workbook(built("xlsx"))
    assert wb.sheetnames == ["报告", "问题"]
    head, reports = _sheet(wb["报告"])
    assert {r["文件"] for r in reports} == set(js), "one row per checked report"
    for r in reports:
        e, w, i = _counts(js[r["文件"]])
        assert (r["错误"], r["警告"], r["提示"]) == (e, w, i), r["文件"]
        assert r["结论"] == ("不合格" if e else "需修改" if w else "合格")
        fam = sum(r[h] for h in head if h.endswith("错误") and h != "错误")
        assert fam == e, "the families' error columns add up to the errors"
    head2, findings = _sheet(wb["问题"])
    assert "行" not in head2 and "列" not in head2, "no line of gxlint's text view: the organ cannot see it"
    got = collections.defaultdict(list)
    for f in findings:
        got[(f["文件"], f["规则"], f["问题"])].append(f["位置"])
    # the place in the organ's own document: a .pdf's page, a .docx's table/row/column (as check
    # --format json gives it in source.description), a text file's line — then the statistics
    # table's row where the place does not name one (第 4 页，表四“行政复议·总计”)
    want = collections.defaultdict(list)
    for p, f in js.items():
        for d in f["diagnostics"]:
            want[(p, d["code"], d["message"])].append(_where(p, d))
    assert set(got) == set(want)
    for k, places in want.items():
        assert len(got[k]) == len(places), k
        assert all(g == w or g.startswith(w + "，") for g, w in zip(sorted(got[k]), sorted(places))), (
            k,
            got[k],
            places,
        )
    assert any("第 4 页，表四“行政复议·总计”" == p for v in got.values() for p in v)
    assert all(f["修改要求"] for f in findings), "each finding says what to correct"
    for ws in wb:
        assert ws.freeze_panes in ("A2", "C2")
        assert ws.auto_filter.ref == ws.dimensions
    # a column holding Chinese text is wide enough for it (two columns per character)
    w = wb["问题"].column_dimensions["I"].width
    assert w >= 40


def test_spreadsheet_in_english():
    wb = openpyxl.load_workbook(built("xlsx", "--lang", "en"))
    assert wb.sheetnames == ["Reports", "Findings"]
    head, reports = _sheet(wb["Reports"])
    assert "Errors" in head and "Verdict" in head
    assert {r["Verdict"] for r in reports} <= {"fail", "revise", "pass"}
    _h, findings = _sheet(wb["Findings"])
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in f["Severity"]) for f in findings)


def test_select_and_ignore_are_respected():
    wb = openpyxl.load_workbook(built("xlsx", "--select", "GX3"))
    _h, findings = _sheet(wb["问题"])
    assert findings and all(f["规则"].startswith("GX3") for f in findings)
    n = sum(len(f["diagnostics"]) for f in check_json("--select", "GX3")["files"])
    assert len(findings) == n
    wb = openpyxl.load_workbook(built("xlsx", "--ignore", "GX6"))
    _h, findings = _sheet(wb["问题"])
    assert findings and not any(f["规则"].startswith("GX6") for f in findings)


def test_baselined_findings_are_shown_as_accepted(tmp_path):
    seed = seed_path("001")
    base = tmp_path / "baseline.json"
    p = gx("check", seed, "--isolated", "--write-baseline", str(base))
    assert p.returncode == 0, p.stderr.decode()
    out = tmp_path / "r.xlsx"
    p = gx("report", seed, "--isolated", "--baseline", str(base), "-o", str(out))
    assert p.returncode == 0, p.stderr.decode()
    wb = openpyxl.load_workbook(out)
    _h, reports = _sheet(wb["报告"])
    _h, findings = _sheet(wb["问题"])
    assert len(findings) == 11 and all(f["已接受（基线）"] == "是" for f in findings), "kept, marked accepted"
    assert (reports[0]["错误"], reports[0]["已接受（基线）"], reports[0]["结论"]) == (0, 11, "合格")


def _letters(path):
    d = docx.Document(path)
    titles = [p.text for p in d.paragraphs if p.style.name == "Title"]
    return d, titles


def test_letters_match_check_json():
    js = _by_file(check_json())
    d, titles = _letters(built("docx"))
    assert len(titles) == len(js) and all(t.endswith("的审查意见") for t in titles)
    # one findings table row per finding (the header row aside), the fact tables aside
    rows = sum(len(t.rows) - 1 for t in d.tables if t.rows[0].cells[0].text == "序号")
    assert rows == sum(len(f["diagnostics"]) for f in js.values())
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    assert "三、收到和处理政府信息公开申请情况" in headings
    text = "\n".join(p.text for p in d.paragraphs)
    assert "经审查，结论为：不合格" in text
    # a table finding quotes the cells with the arithmetic
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    assert any("≠" in c and "+" in c for c in cells)
    assert any("按勾稽关系应为 0" in c for c in cells)


def test_split_writes_one_letter_per_report(tmp_path):
    out = tmp_path / "opinions"
    p = gx("report", *PATHS, "--isolated", "--split", "-o", str(out) + ".docx")
    assert p.returncode == 0, p.stderr.decode()
    files = sorted(os.listdir(out))
    assert len(files) == len(check_json()["files"])
    assert all(f.endswith("-审查意见.docx") for f in files)
    d, titles = _letters(out / files[0])
    assert len(titles) == 1


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice (soffice) or poppler (pdftoppm) is missing: apt-get install libreoffice-writer poppler-utils",
)
def test_letters_open_in_libreoffice(tmp_path):
    src = built("docx")
    p = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            src,
        ],
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / (os.path.splitext(os.path.basename(src))[0] + ".pdf")
    assert pdf.exists(), p.stderr.decode()
    info = (
        subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout if shutil.which("pdfinfo") else ""
    )
    pages = int(next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), "0"))
    if info:
        assert pages >= len(check_json()["files"]), "a letter is at least a page"
    prefix = artefact("opinions-page")
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(pdf), prefix], check=True, timeout=120)
    pngs = [f for f in os.listdir(ARTEFACTS) if f.startswith("opinions-page")]
    assert pngs and all(os.path.getsize(os.path.join(ARTEFACTS, f)) > 10_000 for f in pngs)


def test_bad_output_and_arguments():
    p = gx("report", seed_path("001"), "-o", os.path.join(outdir(), "x.pdf"))
    assert p.returncode == 2 and ".html" in p.stderr.decode()
    p = gx("report", seed_path("001"), "-o", os.path.join(outdir(), "no", "such", "x.html"))
    assert p.returncode == 2
    p = gx("report", seed_path("001"), "-o", os.path.join(outdir(), "x.html"), "--split")
    assert p.returncode == 2
    p = gx("report", os.path.join(ROOT, "no-such-folder"), "-o", os.path.join(outdir(), "x.html"))
    assert p.returncode == 2 and b"Traceback" not in p.stderr


def test_model_identity_text_and_segments():
    from gxlint.engine import lint
    from gxlint.identities import all_identities
    from gxlint.report.model import build_report, identity_text

    text = open(seed_path("001"), encoding="utf-8").read()
    res = lint(text, "001.txt")
    failing = [i for i in all_identities(res.doc) if i.holds is False]
    rowsum = next(i for i in failing if i.id == "T3.rowsum" and i.extra["row"] == "r3_1")
    assert identity_text(rowsum) == "0 ≠ 0 + 9 + 0 + 0 + 0 + 0 = 9"
    rep = build_report(res, res.doc)
    assert "".join(s[0] for s in rep["segments"]) == text, "the text is kept whole"
    marked = {i for s in rep["segments"] for i in s[1]}
    assert marked == set(range(len(rep["findings"]))), "every finding is marked somewhere"
    seg = next(s for s in rep["segments"] if s[1] and rep["findings"][s[1][0]]["code"] == "GX301")
    assert seg[0] == "9"
    t3 = next(t for t in rep["tables"] if t["kind"] == "t3")
    fails = [
        (r["label"], t3["columns"][k], c["raw"])
        for r in t3["rows"]
        for k, c in enumerate(r["cells"])
        if c and c["state"] == "fail"
    ]
    assert ("（一）予以公开", "商业企业", "9") in fails
