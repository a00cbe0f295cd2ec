"""Making PDFs for the PDF reader's tests and benchmarks: raw hand-built files (bombs, damaged,
image-only), and a generated report laid out in HTML and printed to PDF by LibreOffice."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
import zlib
from typing import Optional


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from object bodies (object i+1 = objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, compress: bool = False, extra: bytes = b"") -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with Latin text lines (Helvetica)."""
    ops = (
        b"BT /F1 12 Tf 72 760 Td 16 TL "
        + b" ".join(b"(" + ln.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '" for ln in lines)
        + b" ET"
    )
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(ops),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def image_pdf(pages: int = 2) -> bytes:
    """Pages that are only an image (what a scanner produces): no text layer."""
    w = h = 64
    pixels = bytes((x * 4 + y * 2) % 256 for y in range(h) for x in range(w))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    img_id = 3
    objs.append(
        stream(
            pixels,
            compress=True,
            extra=b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
            b" /BitsPerComponent 8" % (w, h),
        )
    )
    for _ in range(pages):
        content_id = len(objs) + 1
        objs.append(stream(b"q 500 0 0 700 47 71 cm /Im0 Do Q"))
        page_id = len(objs) + 1
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /XObject << /Im0 %d 0 R >> >> >>" % (content_id, img_id)
        )
        kids.append(b"%d 0 R" % page_id)
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    return raw_pdf(objs)


def page_count_bomb(levels: int = 7, fan: int = 10) -> bytes:
    """A page tree whose nodes all point at the same child node: fan**levels pages in a few KB."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    # node k (object k+2) has `fan` kids, all object k+3; the last level points at the page
    for k in range(levels):
        kid = k + 3
        objs.append(
            b"<< /Type /Pages /Kids ["
            + b" ".join(b"%d 0 R" % kid for _ in range(fan))
            + b"] /Count %d >>" % (fan ** (levels - k))
        )
    objs.append(
        b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
        % (levels + 3, levels + 4)
    )
    objs.append(stream(b"BT /F1 12 Tf 72 760 Td (page) Tj ET"))
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return raw_pdf(objs)


def deep_nesting_bomb(depth: int = 200_000) -> bytes:
    """Objects nested far deeper than any parser's stack: an array of arrays …, and a chain of
    object streams each holding the next one."""
    deep = b"[" * depth + b"]" * depth
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Deep 6 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> /Deep 6 0 R >> >>",
            stream(b"BT /F1 12 Tf 72 760 Td (text) Tj ET"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            deep,
        ]
    )


def inflate_bomb(megabytes: int = 256, outer: Optional[str] = None) -> bytes:
    """A page whose content stream inflates from a few hundred KB to ``megabytes`` of operators;
    ``outer`` ("hex", "a85"): the Flate data wrapped in ASCIIHex/ASCII85, a filter chain."""
    chunk = b"0 0 m 1 1 l S\n" * 4096
    comp = zlib.compressobj(9)
    parts = []
    total = 0
    while total < megabytes * 1024 * 1024:
        parts.append(comp.compress(chunk))
        total += len(chunk)
    parts.append(comp.flush())
    data = b"".join(parts)
    filters = b"/FlateDecode"
    if outer == "hex":
        import binascii

        data, filters = binascii.hexlify(data) + b">", b"[/ASCIIHexDecode /FlateDecode]"
    elif outer == "a85":
        import base64

        data, filters = base64.a85encode(data, wrapcol=76) + b"~>", b"[/A85 /Fl]"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream",
        ]
    )


# ----------------------------------------------------------------------------- LibreOffice


def soffice() -> Optional[str]:
    return shutil.which("soffice") or shutil.which("libreoffice")


def report_html(text: str, ruled: bool = True) -> str:
    """A report's ``pipe`` layout as an HTML page: paragraphs, and tables (ruled, or with no lines at
    all) whose short rows span the missing columns with their first cell."""
    border = "1px solid black" if ruled else "none"
    out = [
        '<html><head><meta charset="utf-8"><style>table{border-collapse:collapse}'
        f"td{{border:{border};padding:2px}}p{{text-indent:2em;margin:0}}</style></head><body>"
    ]
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        if " | " in ln or ln.rstrip().endswith("|"):
            rows = []
            while i < len(lines) and (" | " in lines[i] or lines[i].rstrip().endswith("|")):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                rows.append(cells)
                i += 1
            width = max(len(r) for r in rows)
            out.append(f'<table border="{1 if ruled else 0}" cellspacing="0" width="100%">')
            for r in rows:
                span = width - len(r) + 1
                tds = [
                    f'<td colspan="{span}">{html.escape(r[0])}</td>' if span > 1 else f"<td>{html.escape(r[0])}</td>"
                ]
                tds += [f"<td>{html.escape(c)}</td>" for c in r[1:]]
                out.append("<tr>" + "".join(tds) + "</tr>")
            out.append("</table>")
            continue
        out.append(f"<p>{html.escape(ln)}</p>" if ln.strip() else "")
        i += 1
    out.append("</body></html>")
    return "\n".join(out)


def convert(srcs: list[str], outdir: str, timeout: float = 300) -> list[Optional[str]]:
    """LibreOffice prints each HTML file to PDF (one process for all); the PDFs' paths or None."""
    exe = soffice()
    if not exe:
        return [None for _ in srcs]
    profile = "file://" + os.path.join(outdir, "lo-profile")
    # Writer's HTML import (not Writer/Web, which loses the first paragraph): what an office gets
    # printing the page from its word processor
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            outdir,
            *srcs,
        ],
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    out = []
    for src in srcs:
        pdf = os.path.splitext(os.path.join(outdir, os.path.basename(src)))[0] + ".pdf"
        out.append(pdf if os.path.exists(pdf) else None)
    return out


def texts_to_pdfs(texts: list[str], tmp: Optional[str] = None, ruled: bool = True) -> list[Optional[bytes]]:
    """Reports in the ``pipe`` layout → PDFs printed by LibreOffice (None without it)."""
    with tempfile.TemporaryDirectory(dir=tmp) as d:
        srcs = []
        for i, text in enumerate(texts):
            src = os.path.join(d, f"report{i}.html")
            with open(src, "w", encoding="utf-8") as fh:
                fh.write(report_html(text, ruled))
            srcs.append(src)
        out = []
        for pdf in convert(srcs, d):
            if pdf is None:
                out.append(None)
            else:
                with open(pdf, "rb") as fh:
                    out.append(fh.read())
        return out


def report_pdf(seed: int = 7, size: Optional[int] = None, tmp: Optional[str] = None) -> Optional[bytes]:
    """A generated report (``gxlint.synth``) printed to PDF by LibreOffice, or None without it."""
    from gxlint import synth

    return texts_to_pdfs([synth.generate(seed, size=size).render("pipe").text], tmp)[0]


def page_count_lie(count: int = 10_000_000) -> bytes:
    """A page tree that claims ``count`` pages."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def many_pages(n: int) -> bytes:
    """``n`` real (empty) pages."""
    kids = list(range(3, 3 + n))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % n,
    ]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    return raw_pdf(objs)


def placed_text_pdf(
    pages: list[list[tuple[float, float, str]]],
    size: float = 11,
    rules: Optional[list[list[tuple[float, float, float, float]]]] = None,
) -> bytes:
    """Pages of Latin text lines placed at (x, baseline y from the top), and per page ruling lines
    (x0, y0, x1, y1 from the top) — for page furniture and geometry."""
    n = len(pages)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for k, lines in enumerate(pages):
        ops = b" ".join(
            b"BT /F1 %g Tf %g %g Td (%s) Tj ET" % (size, x, 842 - y, t.encode("latin-1")) for x, y, t in lines
        )
        for x0, y0, x1, y1 in rules[k] if rules else []:
            ops += b" 0.5 w %g %g m %g %g l S" % (x0, 842 - y0, x1, 842 - y1)
        objs.append(stream(ops))
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R >> >> >>" % (len(objs))
        )
        kids.append(b"%d 0 R" % len(objs))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
    return raw_pdf(objs)


def object_stream_chain(n: int = 5000) -> bytes:
    """Object streams each extending the one before (/Extends), ``n`` deep, the page's font inside
    the last one — a parser that follows the chain recursively runs out of stack."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"BT /F1 12 Tf 72 760 Td (text) Tj ET"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    first = len(objs) + 1
    for k in range(n):
        body = b"%d 0 << /Deep %d >>" % (first + n + k, k)
        ext = b" /Extends %d 0 R" % (first + k - 1) if k else b""
        objs.append(stream(body, extra=b" /Type /ObjStm /N 1 /First %d%s" % (len(b"%d 0 " % (first + n + k)), ext)))
    return raw_pdf(objs)


def sideways_pdf(
    lines: list[tuple[float, float, str]], rules: list[tuple[float, float, float, float]], size: float = 11
) -> bytes:
    """A landscape page made the way some producers do it: a portrait page with /Rotate 90 whose
    content is drawn turned a quarter (text running upwards). ``lines`` (x, baseline y) and
    ``rules`` (x0, y0, x1, y1) are given as the page is read: 842 wide, 595 high, origin top left."""
    ops = []
    for x0, y0, x1, y1 in rules:  # reading (X, Y) → page space (x, y) = (Y, X)
        ops.append(b"%g %g m %g %g l S" % (y0, x0, y1, x1))
    for x, y, t in lines:
        ops.append(b"BT /F1 %g Tf 0 1 -1 0 %g %g Tm (%s) Tj ET" % (size, y, x, t.encode("latin-1")))
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(b"0.5 w " + b" ".join(ops)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def unmapped_text_pdf() -> bytes:
    """Text whose font maps every code to a private-use glyph name: PDFium reads glyph numbers,
    not characters (what a CJK font embedded without a ToUnicode map gives)."""
    names = b" ".join(b"/uniE%03X" % k for k in range(26))
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(b"BT /F1 12 Tf 72 760 Td (ABCDEFGHIJ KLMNOP) Tj 0 -16 Td (QRSTUVWXYZ) Tj ET"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [65 " + names + b"] >> >>",
        ]
    )
