"""Hostile documents against their bounds (issue 29): each file is checked by a fresh process
(``gxlint check --jobs 1``) and its wall time, peak memory (max RSS) and the finding it got are
printed.  Before the bounds, the same files took 42–70 s and 3–6 GB (.docx grids and list
numbers), 70 s (HTML source anchoring), 1.5 GB (a PDF Flate stream behind ASCIIHex).

    python3 benchmarks/hostile.py
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests", "read"))

_RUN = r"""
import json, os, resource, sys, time
t = time.perf_counter()
from gxlint.cli import main
out = sys.argv[1] + ".json"
rc = main(["check", "--isolated", "--jobs", "1", "--format", "json", "--lang", "en", "-o", out, sys.argv[1]])
dt = time.perf_counter() - t
diags = [d for f in json.load(open(out))["files"] for d in f["diagnostics"]]
first = next((d for d in diags if d["code"] == "GX002"), diags[0] if diags else None)
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"rc": rc, "s": dt, "rss": hwm / 1024,
                  "what": (first["code"] + " " + first["message"][:70]) if first else "no findings"}))
"""


def _cases(tmp: str) -> list[tuple[str, str]]:
    import pdfmake
    from test_docx import make_docx, p

    def w(name, data):
        path = os.path.join(tmp, name)
        with open(path, "wb") as fh:
            fh.write(data)
        return path

    title = p("某县2023年政府信息公开工作年度报告")

    def tc(t, span=1):
        pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{pr}{p(t)}</w:tc>"

    out = [
        (
            ".docx w:gridBefore 2,000,000,000",
            w(
                "gb.docx",
                make_docx(
                    title
                    + '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="2000000000"/></w:trPr>'
                    + tc("总计")
                    + "</w:tr></w:tbl>"
                ),
            ),
        ),
        (
            ".docx 600 rows of 4 × gridSpan 64",
            w("span.docx", make_docx(title + "<w:tbl>" + ("<w:tr>" + tc("1", 64) * 4 + "</w:tr>") * 600 + "</w:tbl>")),
        ),
        (
            ".docx list numbers from 4,000,000,000",
            w(
                "num.docx",
                make_docx(
                    title + p("事项", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>') * 50,
                    numbering='<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="4000000000"/>'
                    '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
                ),
            ),
        ),
    ]
    page = lambda body: (
        f"<html><head><meta charset='utf-8'></head><body><p>某县2023年政府信息公开工作年度报告</p>{body}</body></html>"
    ).encode()
    row = "<tr>" + '<td rowspan="200" colspan="200">1</td>' * 6 + "</tr>\n"
    out.append(("HTML rowspan/colspan 200 (236 KB)", w("spans.html", page("<table>" + row * 1200 + "</table>"))))
    arow = '<tr><td class="1 1 1 1 1 1 1 1 1 1">&#49;</td><td title="1111111111">&#49;&#50;</td></tr>\n'
    out.append(
        (
            "HTML source anchoring (220 KB)",
            w("anchor.html", page("<table>" + arow * (220_000 // len(arow)) + "</table>")),
        )
    )
    deep = "".join(f"<div><p>第{k}段 本年共收到申请{k}件。</p>\n" for k in range(1500))
    out.append(("HTML 1,500 unclosed <div> levels", w("deep.html", page(deep))))
    out.append(("PDF [/ASCIIHexDecode /FlateDecode] → 512 MB", w("hex.pdf", pdfmake.inflate_bomb(512, outer="hex"))))
    out.append(("PDF [/A85 /Fl] → 512 MB", w("a85.pdf", pdfmake.inflate_bomb(512, outer="a85"))))
    buf = io.BytesIO(make_docx(title + p("一、总体情况")))
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/media/image1.png", os.urandom(30 * 1024 * 1024))
    out.append((".docx of 30 MB of images (read: text counts)", w("photos.docx", buf.getvalue())))
    return out


def rows() -> list[tuple[str, str, str]]:
    out = []
    with tempfile.TemporaryDirectory(prefix="gxlint-hostile-") as tmp:
        for label, path in _cases(tmp):
            p = subprocess.run(
                [sys.executable, "-c", _RUN, path],
                capture_output=True,
                text=True,
                timeout=600,
                env=dict(os.environ, PYTHONPATH=ROOT),
            )
            try:
                r = json.loads(p.stdout.strip().splitlines()[-1])
            except (ValueError, IndexError):
                out.append((f"hostile: {label}", "failed", p.stderr.strip()[-150:]))
                continue
            kb = os.path.getsize(path) / 1024
            out.append((f"hostile: {label} ({kb:,.0f} KB)", f"{r['s']:.2f} s", f"peak {r['rss']:.0f} MB; {r['what']}"))
    return out


def main() -> int:
    rs = rows()
    w = max(len(r[0]) for r in rs)
    for r in rs:
        print(f"{r[0]:<{w}}  {r[1]:>8}  {r[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
