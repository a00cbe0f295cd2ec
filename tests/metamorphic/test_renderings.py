"""Metamorphic: every real report we have, written as a Word document with python-docx (its lines as
paragraphs, its table lines as ruled Word tables) and converted by LibreOffice to .html and .pdf —
what offices publish — gains no error in any of the three formats.

The renderings are made with one LibreOffice run per format for all the reports, and cached by the
content hash of the report (and of this builder) under ~/.cache/gxlint-tests/renderings, so a
second run of the suite converts nothing."""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import tempfile

import pytest

from gxlint import synth
from gxlint.engine import lint, lint_path
from seedutil import ROOT

from .errors import new_errors, show

REPORTS = sorted(
    glob.glob(os.path.join(ROOT, "tests", "fixtures", "seeds", "*.txt"))
    + glob.glob(os.path.join(ROOT, "tests", "fixtures", "corpus_real", "*.txt"))
)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CACHE = os.path.join(os.path.expanduser("~"), ".cache", "gxlint-tests", "renderings")
BUILDER = "1"  # change when build_docx changes: the cache keys on it
FORMATS = ("docx", "html", "pdf")


def build_docx(text: str, path: str) -> None:
    """The report as a Word document: each run of table lines (| or tab separated) a ruled table as
    wide as its widest line, every other line a paragraph."""
    import docx

    doc = docx.Document()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = dict(synth._table_blocks(lines))
    k = 0
    while k < len(lines):
        if k in blocks:
            rows = [synth._cells(ln) for ln in lines[k : blocks[k]] if ln.strip()]
            width = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for r, cells in zip(table.rows, rows):
                for c, value in zip(r.cells, cells):
                    c.text = value
            k = blocks[k]
            continue
        doc.add_paragraph(lines[k])
        k += 1
    doc.save(path)


def _key(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read() + BUILDER.encode()).hexdigest()[:24]


@pytest.fixture(scope="session")
def renderings():
    pytest.importorskip("docx", reason="python-docx (a test dependency) is not installed")
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    os.makedirs(CACHE, exist_ok=True)
    out = {}
    missing: dict[str, list[str]] = {"html": [], "pdf": []}
    work = tempfile.mkdtemp(prefix="gxlint-renderings-")
    for path in REPORTS:
        key = _key(path)
        docx_path = os.path.join(CACHE, key + ".docx")
        if not os.path.exists(docx_path):
            with open(path, encoding="utf-8") as fh:
                build_docx(fh.read(), os.path.join(work, key + ".docx"))
            shutil.copy(os.path.join(work, key + ".docx"), docx_path)
        out[path] = {fmt: os.path.join(CACHE, f"{key}.{fmt}") for fmt in FORMATS}
        for fmt in ("html", "pdf"):
            if not os.path.exists(out[path][fmt]):
                if not os.path.exists(os.path.join(work, key + ".docx")):
                    shutil.copy(docx_path, os.path.join(work, key + ".docx"))
                missing[fmt].append(os.path.join(work, key + ".docx"))
    profile = os.path.join(work, "lo-profile")
    for fmt, filt in (("html", "html:XHTML Writer File:UTF8"), ("pdf", "pdf")):
        if not missing[fmt]:
            continue
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                filt,
                "--outdir",
                work,
                *missing[fmt],
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=900,
            check=False,
        )
        for d in missing[fmt]:
            made = os.path.splitext(d)[0] + "." + fmt
            if os.path.exists(made):
                shutil.copy(made, os.path.join(CACHE, os.path.basename(made)))
    shutil.rmtree(work, ignore_errors=True)
    return out


def test_the_real_reports_are_there():
    assert len(REPORTS) >= 16, REPORTS


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: os.path.basename(p)[:18])
def test_a_rendering_gains_no_error(renderings, path, fmt):
    rendered = renderings[path][fmt]
    assert os.path.exists(rendered), f"LibreOffice did not make {os.path.basename(rendered)} of {path}"
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    clean = lint(text, path)
    res = lint_path(rendered)
    assert not [d for d in res.diagnostics if d.code == "GX002"], res.diagnostics[:1]
    gained = new_errors(clean, res)
    assert not gained, f"{os.path.basename(path)} as .{fmt} gained errors:\n{show(res.text or '', gained)}"
