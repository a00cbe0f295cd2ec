"""One pair of consecutive years (a county government whose organ stands on its own line above the
title, written 洪泽区人民政府 one year and 淮安市洪泽区人民政府 the next, section 五 copied with a
few words changed) as .txt, .docx (python-docx, laid out like the official template:
tests/read/docgen.py) and LibreOffice's .html and .pdf of that .docx — what offices publish.
Every combination of formats gives the same comparison, and ``gxlint check OLD NEW`` pairs them
and says GX705 in every combination.

The LibreOffice renderings are made once per format for both reports and cached by the content of
the reports (and of this builder) under ~/.cache/gxlint-tests/renderings."""

import hashlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

from gxlint import synth
from gxlint.across.compare import compare
from gxlint.across.compare_cli import load

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "read"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CACHE = os.path.join(os.path.expanduser("~"), ".cache", "gxlint-tests", "renderings")
BUILDER = "compare-1"
FORMATS = ("txt", "docx", "html", "pdf")


def _pair():
    old, new = synth.series(60, (2023, 2024), organ="洪泽区人民政府", level="government")
    new.organ = "淮安市洪泽区人民政府"
    old.head = new.head = "organ_above"
    text = synth.five_text(old)
    chars = list(text)
    for k in (1, 2, 3):
        i = len(chars) * k // 4
        while "\n" in chars[i : i + 2]:
            i += 1
        chars[i : i + 2] = "切实"
    new.five = "".join(chars)
    return old, new


@pytest.fixture(scope="module")
def files():
    pytest.importorskip("docx", reason="python-docx (a test dependency) is not installed")
    from docgen import build_docx

    old, new = _pair()
    out = {}
    os.makedirs(CACHE, exist_ok=True)
    work = tempfile.mkdtemp(prefix="gxlint-compare-formats-")
    todo = []
    for rep in (old, new):
        md = rep.render("markdown").text
        key = "cmp-" + hashlib.sha256((md + BUILDER).encode()).hexdigest()[:20]
        txt = os.path.join(work, f"{rep.year}.txt")
        with open(txt, "w", encoding="utf-8") as fh:
            fh.write(rep.render("pipe").text)
        paths = {"txt": txt}
        cached = os.path.join(CACHE, key + ".docx")
        if not os.path.exists(cached):
            build_docx(rep, cached)
        for fmt in ("docx", "html", "pdf"):
            target = os.path.join(work, f"{rep.year}.{fmt}")
            src = os.path.join(CACHE, f"{key}.{fmt}")
            if fmt != "docx" and not os.path.exists(src):
                todo.append((fmt, cached))
            paths[fmt] = (src, target)
        out[rep.year] = paths
    if todo:
        if not SOFFICE:
            pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
        profile = os.path.join(work, "lo-profile")
        for fmt, filt in (("html", "html:XHTML Writer File:UTF8"), ("pdf", "pdf")):
            docs = [d for f, d in todo if f == fmt]
            if docs:
                subprocess.run(
                    [
                        SOFFICE,
                        f"-env:UserInstallation=file://{profile}",
                        "--headless",
                        "--norestore",
                        "--convert-to",
                        filt,
                        "--outdir",
                        CACHE,
                        *docs,
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=600,
                    check=False,
                )
    for year, paths in out.items():
        for fmt in ("docx", "html", "pdf"):
            src, target = paths[fmt]
            if not os.path.exists(src):
                pytest.fail(f"LibreOffice did not make the .{fmt} of {year}")
            shutil.copy(src, target)  # the file names say the year (as a folder of reports does)
            paths[fmt] = target
    yield out, old, new
    shutil.rmtree(work, ignore_errors=True)


def _facts(c):
    return {
        "organ": c.organ,
        "years": (c.old.year, c.new.year),
        "organs": (c.old.organ, c.new.organ),
        "figures": [(f.id, f.old, f.new, f.certain) for f in c.figures],
        "cells": [(x.key, x.old, x.new, x.certain) for x in c.cells],
        "copied": [s.index for s in c.sections if s.copied],
    }


def test_every_format_reads_the_organ_and_the_year(files):
    out, old, new = files
    for year, organ in ((2023, "洪泽区人民政府"), (2024, "淮安市洪泽区人民政府")):
        for fmt in FORMATS:
            doc, got = load(out[year][fmt])
            from gxlint.across.organ import of_document

            assert got == ("text" if fmt == "txt" else fmt)
            assert (doc.meta.year, of_document(doc, out[year][fmt])[:2]) == (year, (organ, "title")), fmt


def test_every_combination_of_formats_gives_the_same_comparison(files):
    out, _old, _new = files
    base = None
    shares = {}
    for fo, fn in itertools.product(FORMATS, FORMATS):
        (a, fa), (b, fb) = load(out[2023][fo]), load(out[2024][fn])
        c = compare(a, b, out[2023][fo], out[2024][fn], old_format=fa, new_format=fb)
        facts = _facts(c)
        if base is None:
            base = facts
            assert facts["organ"] == "places" and facts["copied"] == [5]
            assert all(certain for *_x, certain in facts["figures"])
        assert facts == base, (fo, fn)
        shares[(fo, fn)] = {s.index: s.share for s in c.sections}
    for combo, got in shares.items():
        for idx, v in shares[("txt", "txt")].items():
            if v is None:
                assert got[idx] is None, (combo, idx)
            else:
                assert got[idx] == pytest.approx(v, abs=0.02), (combo, idx)


def test_check_pairs_every_combination_and_says_gx705(files, capsys):
    from gxlint.cli import main

    out, _old, _new = files
    for fo, fn in itertools.product(FORMATS, FORMATS):
        code = main(
            [
                "check",
                out[2023][fo],
                out[2024][fn],
                "--format",
                "json",
                "--isolated",
                "--select",
                "GX7",
                "--jobs",
                "1",
                "--exit-zero",
            ]
        )
        assert code == 0
        d = json.loads(capsys.readouterr().out)
        assert [(p["prev_year"], p["year"], p["status"]) for p in d["carry_over"]] == [(2023, 2024, "holds")], (fo, fn)
        codes = {f["path"]: [x["code"] for x in f["diagnostics"]] for f in d["files"]}
        assert codes == {out[2023][fo]: [], out[2024][fn]: ["GX705"]}, (fo, fn)
