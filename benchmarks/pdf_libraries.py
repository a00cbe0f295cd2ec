"""Which PDF library for gxlint's PDF reader — measured, not guessed.

    python3 benchmarks/pdf_libraries.py [PDF …]

For each candidate (pdfplumber/pdfminer.six, pypdfium2, pypdf) and each PDF (default: the real
published ``hongze-2023.pdf`` repeated to 10 pages with qpdf, and a 10-page LibreOffice-made
report when ``soffice`` is there) it measures, after a warm-up, the median CPU time of getting
every character with its position, and the quality of those positions:

- ``chars``: characters with a position (no whitespace);
- ``boxed``: share of them that have a box of their own (x0 < x1 and top < bottom) — what cell
  assignment needs: a run-level position (pypdf's text visitor gives one point per text-show
  operator) cannot tell which cell the 5th character of a run falls in;
- ``agree``: share of characters whose centre lies within 1 pt of pdfplumber's for the same
  character (same text order), i.e. whether two independent engines place glyphs alike;
- ``graphics``: whether the library exposes the ruling lines of tables (paths with stroke/fill).

Nothing is asserted; the figures go into the closing note of issue 11.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
HONGZE = "/work/shared/corpus/real/hongze-2023.pdf"


def chars_pdfplumber(data: bytes):
    import io

    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i, page in enumerate(pdf.pages):
            for c in page.chars:
                if c["text"].strip():
                    out.append((i, c["text"], c["x0"], c["top"], c["x1"], c["bottom"]))
            page.lines, page.rects      # the graphics the table finder needs
            page.close()
    return out


def chars_pypdfium2(data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out = []
    doc = pdfium.PdfDocument(data)
    try:
        for i in range(len(doc)):
            page = doc[i]
            h = page.get_height()
            tp = page.get_textpage()
            n = tp.count_chars()
            for k in range(n):
                u = raw.FPDFText_GetUnicode(tp.raw, k)
                ch = chr(u) if u else ""
                if not ch.strip() or raw.FPDFText_IsGenerated(tp.raw, k) == 1:
                    continue
                x0, y0, x1, y1 = tp.get_charbox(k, loose=True)
                out.append((i, ch, x0, h - y1, x1, h - y0))
            tp.close()
            page.close()
    finally:
        doc.close()
    return out


def chars_pypdf(data: bytes):
    import io

    from pypdf import PdfReader

    out = []
    reader = PdfReader(io.BytesIO(data))
    for i, page in enumerate(reader.pages):
        h = float(page.mediabox.height)

        def visit(text, cm, tm, font, size, _i=i, _h=h):
            # one position per text-show operator: the run's origin, no per-glyph box
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            for ch in text:
                if ch.strip():
                    out.append((_i, ch, x, _h - y, x, _h - y))

        page.extract_text(visitor_text=visit)
    return out


LIBS = {
    "pdfplumber 0.11 (pdfminer.six)": (chars_pdfplumber, "lines, rects, curves with stroke/fill colours"),
    "pypdfium2 (PDFium)": (chars_pypdfium2, "path objects via the raw API (segments, draw mode)"),
    "pypdf": (chars_pypdf, "none (content stream operators only)"),
}


def agree(ref, got) -> float:
    """Share of characters placed within 1 pt of the reference (matched in order per page)."""
    from difflib import SequenceMatcher

    hits = total = 0
    pages = sorted({c[0] for c in ref})
    for p in pages:
        a = [c for c in ref if c[0] == p]
        b = [c for c in got if c[0] == p]
        total += len(a)
        sm = SequenceMatcher(None, [c[1] for c in a], [c[1] for c in b], autojunk=False)
        for blk in sm.get_matching_blocks():
            for k in range(blk.size):
                ca, cb = a[blk.a + k], b[blk.b + k]
                if (abs((ca[2] + ca[4]) / 2 - (cb[2] + cb[4]) / 2) <= 1
                        and abs((ca[3] + ca[5]) / 2 - (cb[3] + cb[5]) / 2) <= 1):
                    hits += 1
    return hits / total if total else 0.0


def ten_pages(tmp: str) -> list[tuple[str, bytes]]:
    docs = []
    if os.path.exists(HONGZE) and shutil.which("qpdf"):
        out = os.path.join(tmp, "hongze10.pdf")
        subprocess.run(["qpdf", "--empty", "--pages", HONGZE, HONGZE, "--", out], check=True)
        docs.append(("hongze-2023 ×2 (10 pages, real)", open(out, "rb").read()))
    if shutil.which("soffice"):
        sys.path.insert(0, os.path.join(ROOT, "tests"))
        try:
            from read.pdfmake import report_pdf   # tests/read/pdfmake.py
            data = report_pdf(seed=7, size=26_000, tmp=tmp)
            if data:
                docs.append(("generated report via LibreOffice", data))
        except Exception as exc:  # noqa: BLE001 — a benchmark reports, it does not stop
            print("(no LibreOffice report:", exc, ")", file=sys.stderr)
    return docs


def main(argv: list[str]) -> int:
    runs = 5
    with tempfile.TemporaryDirectory() as tmp:
        docs = [(os.path.basename(p), open(p, "rb").read()) for p in argv] or ten_pages(tmp)
        for name, data in docs:
            ref = chars_pdfplumber(data)
            print(f"\n{name}: {len(data) // 1024} KB")
            print(f"{'library':34} {'median CPU':>11} {'chars':>6} {'boxed':>6} {'agree':>6}  graphics")
            for lib, (fn, graphics) in LIBS.items():
                fn(data)  # warm-up (imports)
                times = []
                for _ in range(runs):
                    c0 = time.process_time()
                    got = fn(data)
                    times.append(time.process_time() - c0)
                boxed = sum(1 for c in got if c[4] > c[2] and c[5] > c[3]) / max(1, len(got))
                print(f"{lib:34} {statistics.median(times) * 1e3:9.0f} ms {len(got):6d} {boxed:6.0%} "
                      f"{agree(ref, got):6.0%}  {graphics}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
