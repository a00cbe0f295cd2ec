"""Which PDF library for gxlint's PDF reader — measured, not guessed.

    python3 benchmarks/pdf_libraries.py [PDF …]

For each candidate (pdfplumber/pdfminer.six, pypdfium2, pypdf) and each PDF (default: the real
published ``hongze-2023.pdf`` twice, 10 pages, and a ~10-page LibreOffice-made report when
``soffice`` is there) it measures, after a warm-up, the median CPU time of getting
every character with its position, and the quality of those positions:

- ``chars``: characters with a position (no whitespace);
- ``boxed``: share of them that have a box of their own (x0 < x1 and top < bottom) — what cell
  assignment needs: a run-level position (pypdf's text visitor gives one point per text-show
  operator) cannot tell which cell the 5th character of a run falls in;
- ``agree``: share of characters whose horizontal centre and baseline lie within 1 pt of
  pdfplumber's for the same character (matched in text order), i.e. whether two independent
  engines place glyphs alike (the box heights differ by design: font bbox vs. ascent/descent);
- ``graphics``: whether the library exposes the ruling lines of tables (paths with stroke/fill).

Nothing is asserted; the figures go into the closing note of issue 11.

Measured 2026-11-30 (2 cores shared with other jobs, Python 3.11, pdfplumber 0.11.10 /
pdfminer.six 20260107, pypdfium2 5.15.2, pypdf 7.1.1), median CPU of 5 runs:

    hongze-2023 ×2 (10 pages, real, 287 KB)  median CPU  chars  boxed  agree
    pdfplumber (pdfminer.six)                    693 ms   4156   100%   100%
    pypdfium2 (PDFium)                            48 ms   4156   100%   100%
    pypdf                                        353 ms   4156     0%     0%
    gxlint.read.pdf (PDFium + geometry)          103 ms   (whole reader)

    generated report via LibreOffice (14 pages, 83 KB)
    pdfplumber (pdfminer.six)                    824 ms  19763   100%   100%
    pypdfium2 (PDFium)                           107 ms  19763   100%   100%
    pypdf                                        219 ms  19763     0%     0%
    gxlint.read.pdf (PDFium + geometry)          197 ms   (whole reader)

Chosen: pypdfium2 — the same positions as pdfminer at 1/7–1/15 of the time, the table rules
exposed, and a C parser that refuses damaged files instead of looping in Python. pdfplumber's
extraction alone (~0.7 s) would leave no room under the 1 s goal for a 10-page report once
tables are built; pypdf gives no per-character box, so cells could not be cut by geometry.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
HONGZE = os.path.join(ROOT, "tests", "fixtures", "corpus_real", "hongze-2023.pdf")


def chars_pdfplumber(data: bytes):
    import io

    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i, page in enumerate(pdf.pages):
            for c in page.chars:
                if c["text"].strip():
                    out.append(
                        (i, c["text"], c["x0"], c["top"], c["x1"], c["bottom"], float(page.height) - c["matrix"][5])
                    )
            page.lines, page.rects  # the graphics the table finder needs
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
                ox, oy = tp.get_charorigin(k) if hasattr(tp, "get_charorigin") else _origin(raw, tp, k)
                out.append((i, ch, x0, h - y1, x1, h - y0, h - oy))
            tp.close()
            page.close()
    finally:
        doc.close()
    return out


def _origin(raw, tp, k):
    import ctypes

    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(tp.raw, k, x, y)
    return x.value, y.value


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
                    out.append((_i, ch, x, _h - y, x, _h - y, _h - y))

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
                if abs((ca[2] + ca[4]) / 2 - (cb[2] + cb[4]) / 2) <= 1 and abs(ca[6] - cb[6]) <= 1:
                    hits += 1
    return hits / total if total else 0.0


def ten_pages(tmp: str) -> list[tuple[str, bytes]]:
    import io

    import pypdfium2 as pdfium

    docs = []
    doc = pdfium.PdfDocument.new()  # the repository's copy: missing is an error, not a skip
    for _ in range(2):
        doc.import_pages(pdfium.PdfDocument(HONGZE))
    buf = io.BytesIO()
    doc.save(buf)
    docs.append(("hongze-2023 ×2 (10 pages, real)", buf.getvalue()))
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    from read.pdfmake import report_pdf, soffice  # tests/read/pdfmake.py

    if soffice():
        data = report_pdf(seed=7, size=60_000, tmp=tmp)
        if data:
            docs.append((f"generated report via LibreOffice ({len(pdfium.PdfDocument(data))} pages)", data))
    return docs


def reader(data: bytes):
    """gxlint's whole reader (PDFium + lines, paragraphs, tables), for scale."""
    from gxlint.read.pdf import read_pdf

    read_pdf(data)
    return []


def main(argv: list[str]) -> int:
    runs = 5
    with tempfile.TemporaryDirectory() as tmp:
        docs = [(os.path.basename(p), open(p, "rb").read()) for p in argv] or ten_pages(tmp)
        for name, data in docs:
            try:
                ref = chars_pdfplumber(data)
            except ImportError:
                ref = chars_pypdfium2(data)
            print(f"\n{name}: {len(data) // 1024} KB")
            print(f"{'library':34} {'median CPU':>11} {'chars':>6} {'boxed':>6} {'agree':>6}  graphics")
            for lib, (fn, graphics) in LIBS.items():
                try:
                    fn(data)  # warm-up (imports)
                except ImportError as exc:
                    print(f"{lib:34} not installed ({exc.name}): pip install pdfplumber pypdf to compare")
                    continue
                times = []
                for _ in range(runs):
                    c0 = time.process_time()
                    got = fn(data)
                    times.append(time.process_time() - c0)
                boxed = sum(1 for c in got if c[4] > c[2] and c[5] > c[3]) / max(1, len(got))
                print(
                    f"{lib:34} {statistics.median(times) * 1e3:9.0f} ms {len(got):6d} {boxed:6.0%} "
                    f"{agree(ref, got):6.0%}  {graphics}"
                )
            times = []
            for _ in range(runs):
                c0 = time.process_time()
                reader(data)
                times.append(time.process_time() - c0)
            print(
                f"{'gxlint.read.pdf (PDFium + geometry)':34} {statistics.median(times) * 1e3:9.0f} ms   "
                "(whole reader: lines, paragraphs, tables)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
