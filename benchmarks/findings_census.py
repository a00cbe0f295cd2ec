"""Census: every finding of the given rule codes on every report we can see — the precision measure
of issue 28 (GX105, GX606).  Not a test (it lists, it asserts nothing); run by hand:

    python benchmarks/findings_census.py GX105,GX606 [--synth 30] [--libreoffice]

Reports: the seeds and the complete real reports (tests/fixtures), the layout and PDF fixtures,
the real reports in every text damage mode of gxlint.synth.damage_text (two seeds each), generated
reports in every layout and damage mode (gxlint.synth.LAYOUTS + DAMAGES; simplified and traditional
script, some with pinyin, some 30 KB), with section and cell defects, and in every text damage
mode; with --libreoffice, the LibreOffice renderings of tests/read (generated and seed reports as
.docx → .html/.pdf, and every real and seed report printed to PDF, ruled and bare).  Prints one
line per finding (``where:line:col: code message | context``) and, last, the number of reports
and of findings per kind of report.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, os.path.join(ROOT, "tests", "read"))

from gxlint import synth  # noqa: E402
from gxlint.config import Settings  # noqa: E402
from gxlint.engine import lint, lint_path  # noqa: E402

FIX = os.path.join(ROOT, "tests", "fixtures")


def libreoffice(out: str) -> list[str]:
    """The LibreOffice renderings tests/read makes, written to ``out``."""
    import pdfmake
    from docgen import build_docx, report_from_seed

    import seedutil

    cases = {}
    rep = synth.generate(5, template="v2021")
    cases["v2021_cell"] = (synth.inject(rep, ["change_cell"], random.Random(1))[0], "simplified")
    rep = synth.generate(7, template="v2019")
    cases["v2019_traditional"] = (synth.inject(rep, ["break_row_total"], random.Random(2))[0], "traditional")
    rep = synth.generate(11, template="v2021")
    cases["v2021_t4_or_t3"] = (synth.inject(rep, ["change_cell"], random.Random(4))[0], "simplified")
    cases["seed000"] = (report_from_seed(seedutil.read_seed("000")), "simplified")
    cases["seed003"] = (report_from_seed(seedutil.read_seed("003"), seed=3), "simplified")
    for name, (rep, script) in cases.items():
        build_docx(rep, os.path.join(out, f"{name}.docx"), script)
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    docs = sorted(glob.glob(os.path.join(out, "*.docx")))
    for filt in ("html:XHTML Writer File:UTF8", "pdf"):
        subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{out}/lo-profile",
                "--headless",
                "--norestore",
                "--convert-to",
                filt,
                "--outdir",
                out,
                *docs,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=900,
            check=False,
        )
    texts = {f"synth{s}": synth.generate(s).render("pipe").text for s in range(6)}
    for f in sorted(
        glob.glob(os.path.join(FIX, "seeds", "*.txt")) + glob.glob(os.path.join(FIX, "corpus_real", "*.txt"))
    ):
        with open(f, encoding="utf-8") as fh:
            texts[os.path.basename(f)[:-4]] = fh.read()
    for ruled in (True, False):
        for name, data in zip(texts, pdfmake.texts_to_pdfs(list(texts.values()), ruled=ruled)):
            if data:
                with open(os.path.join(out, f"print-{name}-{'ruled' if ruled else 'bare'}.pdf"), "wb") as fh:
                    fh.write(data)
    return sorted(
        glob.glob(os.path.join(out, "*.html"))
        + glob.glob(os.path.join(out, "*.pdf"))
        + glob.glob(os.path.join(out, "*.docx"))
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("codes")
    ap.add_argument("--synth", type=int, default=20, help="generated reports per layout and script")
    ap.add_argument("--libreoffice", action="store_true")
    args = ap.parse_args()
    codes = args.codes.split(",")
    settings = Settings.from_options(None, select=",".join(codes))
    reports: dict[str, int] = {}
    found: dict[str, int] = {}

    def show(label: str, res, text: str) -> None:
        kind = label.split(":")[0]
        reports[kind] = reports.get(kind, 0) + 1
        ds = [d for d in res.diagnostics if d.code.startswith(tuple(codes)) or d.code.startswith("GX0")]
        found[kind] = found.get(kind, 0) + len(ds)
        for d in ds:
            ln, col = res.doc.lines.position(d.span.start) if res.doc else (0, 0)
            ctx = text[max(0, d.span.start - 12) : d.span.end + 12].replace("\n", "⏎") if text else ""
            print(f"{label}:{ln + 1}:{col + 1}: {d.code} {d.message} | {ctx}")

    real = sorted(glob.glob(os.path.join(FIX, "corpus_real", "*.txt"))) + sorted(
        glob.glob(os.path.join(FIX, "seeds", "*.txt"))
    )
    texts = {}
    for f in real:
        with open(f, encoding="utf-8") as fh:
            texts[f] = fh.read()
        show("real:" + os.path.basename(f), lint(texts[f], f, settings), texts[f])
    res = lint_path(os.path.join(FIX, "corpus_real", "hongze-2023.pdf"), settings)
    show("real:hongze-2023.pdf", res, res.doc.text)
    for f in sorted(glob.glob(os.path.join(FIX, "layouts", "*.txt")) + glob.glob(os.path.join(FIX, "pdf", "*"))):
        res = lint_path(f, settings)
        show("fixture:" + os.path.basename(f), res, res.doc.text if res.doc else "")
    for f, t in texts.items():
        for mode in synth.TEXT_DAMAGES:
            for s in range(2):
                d = synth.damage_text(t, mode, s)
                show(f"textdamage:{os.path.basename(f)}:{mode}:{s}", lint(d, f, settings), d)
    for layout in synth.LAYOUTS + synth.DAMAGES:
        for seed in range(args.synth):
            for script, pinyin in (("simplified", False), ("traditional", seed % 3 == 0)):
                smp = synth.sample(seed, layout=layout, script=script, pinyin=pinyin, size=None if seed % 4 else 30000)
                show(f"synth:{layout}:{seed}:{script}", lint(smp.text, None, settings), smp.text)
        for seed in range(args.synth // 2):
            for defects in (
                ("drop_section",),
                ("swap_sections",),
                ("change_prose_number", "change_cell"),
                ("change_year", "blank_cell"),
            ):
                smp = synth.sample(seed, layout=layout, defects=defects, prose=True)
                show(f"synthdefect:{layout}:{seed}:{'+'.join(defects)}", lint(smp.text, None, settings), smp.text)
    for seed in range(args.synth // 2):
        t = synth.generate(seed).render("pipe").text
        for mode in synth.TEXT_DAMAGES:
            d = synth.damage_text(t, mode, seed)
            show(f"synthdamage:{mode}:{seed}", lint(d, None, settings), d)
    if args.libreoffice:
        with tempfile.TemporaryDirectory() as out:
            for f in libreoffice(out):
                res = lint_path(f, settings)
                show("libreoffice:" + os.path.basename(f), res, res.doc.text if res.doc else "")
    print("REPORTS", json.dumps(reports))
    print("FINDINGS", json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
