"""OFD test files (GB/T 33190) written from a PDF's characters and ruling lines.

:func:`from_pdf` takes what the PDF reader sees (``gxlint.read.pdf.page_geometry``: each page's
characters with their boxes and its ruling segments, in points) and writes the package an OFD
exporter writes: ``OFD.xml`` → ``Doc_0/Document.xml`` (page area, public resources with the fonts,
the pages in order) → ``Doc_0/Pages/Page_N/Content.xml``, one layer of ``TextObject`` and
``PathObject`` per page, in millimetres from the top left.  How the text is laid out:

- ``runs``: one ``TextObject`` per line run (characters on one baseline in one size), the run's
  ``TextCode`` starting at ``X``/``Y`` and each next character ``DeltaX`` further (``g N v`` for N
  equal steps), a gap between Latin letters written as a space, as the common exporters write
  Word documents;
- ``chars``: one ``TextObject`` per character, as some print-to-OFD drivers write;
- ``glyphs``: as ``runs``, but the text is private-use codes the embedded font's ``cmap`` resolves
  through ``CGTransform`` glyph numbers (:func:`tiny_font` writes that font).

Ruling lines are ``PathObject`` s (``M x y L x y``, stroked, 0.25 mm).  :func:`package` writes any
parts given (for the broken-file tests).
"""

from __future__ import annotations

import io
import struct
import zipfile
from typing import Optional

PT = 72 / 25.4
NS = "http://www.ofdspec.org/2016"


def _mm(v: float) -> str:
    return f"{v / PT:.3f}".rstrip("0").rstrip(".") or "0"


def package(parts: dict[str, bytes | str], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def ofd_xml(doc_root: str = "Doc_0/Document.xml") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.1" DocType="OFD">'
        "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0c9b1ad0e1f34f47a9f0b1d2c3e4f5a6</ofd:DocID>"
        "<ofd:Creator>gxlint tests</ofd:Creator></ofd:DocInfo>"
        f"<ofd:DocRoot>{doc_root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )


def document_xml(npages: int, width_mm: float = 210, height_mm: float = 297) -> str:
    pages = "".join(f'<ofd:Page ID="{10 + k}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(npages))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        f"<ofd:MaxUnitID>{100000}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {width_mm:g} {height_mm:g}"
        "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
        f"<ofd:Pages>{pages}</ofd:Pages></ofd:Document>"
    )


def public_res(font_file: Optional[str] = None) -> str:
    file = f"<ofd:FontFile>{font_file}</ofd:FontFile>" if font_file else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
        f'<ofd:Font ID="2" FontName="SimSun" FamilyName="宋体">{file}</ofd:Font></ofd:Fonts></ofd:Res>'
    )


def page_xml(objects: list[str], width_mm: Optional[float] = None, height_mm: Optional[float] = None) -> str:
    area = f"<ofd:Area><ofd:PhysicalBox>0 0 {width_mm:g} {height_mm:g}</ofd:PhysicalBox></ofd:Area>" if width_mm else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{area}<ofd:Content>'
        f'<ofd:Layer ID="3" Type="Body">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
    )


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _deltas(steps: list[float]) -> str:
    """``DeltaX`` with equal neighbours written ``g N v``."""
    out: list[str] = []
    k = 0
    while k < len(steps):
        j = k
        while j + 1 < len(steps) and steps[j + 1] == steps[k]:
            j += 1
        n = j - k + 1
        out.append(f"g {n} {steps[k]}" if n > 2 else " ".join([str(steps[k])] * n))
        k = j + 1
    return " ".join(out)


def _runs(chars) -> list[list]:
    """Characters (reading order within their line) grouped into runs: one baseline, one size."""
    ordered = sorted(chars, key=lambda c: (round(c.base, 1), c.x0))
    runs: list[list] = []
    for c in ordered:
        last = runs[-1][-1] if runs else None
        if last is not None and abs(last.base - c.base) < 0.5 and abs(last.size - c.size) < 0.2 and c.x0 >= last.x0:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def text_objects(chars, mode: str = "runs", glyphs: Optional[dict[str, int]] = None, start_id: int = 100) -> list[str]:
    """``TextObject`` s for one page's characters (reading space, points)."""
    out = []
    oid = start_id
    for run in _runs(chars):
        size = run[0].size
        groups = [[c] for c in run] if mode == "chars" else [run]
        for g in groups:
            oid += 1
            x0, top = g[0].x0, min(c.top for c in g)
            right, bottom = max(c.x1 for c in g), max(c.bottom for c in g)
            pad = 0 if mode == "chars" else size * 0.1  # one character: its box is its advance
            boundary = f"{_mm(x0)} {_mm(top)} {_mm(right - x0 + pad)} {_mm(bottom - top + pad)}"
            x = 0.0
            y = g[0].base - top
            # a gap between Latin letters is a space, and an exporter writes it as one
            text, steps = g[0].ch, []
            for prev, c in zip(g, g[1:]):
                if c.x0 - prev.x1 > 0.15 * size and prev.ch.isascii() and c.ch.isascii():
                    text += " "
                    steps += [round((prev.x1 - prev.x0) / PT, 3), round((c.x0 - prev.x1) / PT, 3)]
                else:
                    steps.append(round((c.x0 - prev.x0) / PT, 3))
                text += c.ch
            delta = f' DeltaX="{_deltas(steps)}"' if steps else ""
            cg = ""
            if mode == "glyphs":
                assert glyphs is not None
                ids = [glyphs.setdefault(ch, len(glyphs) + 3) for ch in text]
                text = "".join(chr(0xE000 + (i % 0x1800)) for i in ids)
                cg = (
                    f'<ofd:CGTransform CodePosition="0" CodeCount="{len(ids)}" GlyphCount="{len(ids)}">'
                    f"<ofd:Glyphs>{' '.join(map(str, ids))}</ofd:Glyphs></ofd:CGTransform>"
                )
            out.append(
                f'<ofd:TextObject ID="{oid}" Boundary="{boundary}" Font="2" Size="{_mm(size)}">'
                f'<ofd:FillColor Value="0 0 0"/>{cg}'
                f'<ofd:TextCode X="{_mm(x)}" Y="{_mm(y)}"{delta}>{_esc(text)}</ofd:TextCode></ofd:TextObject>'
            )
    return out


def path_objects(h_edges, v_edges, start_id: int = 50_000) -> list[str]:
    out = []
    oid = start_id
    segs = [(x0, y, x1, y) for y, x0, x1 in h_edges] + [(x, y0, x, y1) for x, y0, y1 in v_edges]
    for x0, y0, x1, y1 in segs:
        oid += 1
        bx, by = min(x0, x1) - 1, min(y0, y1) - 1
        bw, bh = abs(x1 - x0) + 2, abs(y1 - y0) + 2
        out.append(
            f'<ofd:PathObject ID="{oid}" Boundary="{_mm(bx)} {_mm(by)} {_mm(bw)} {_mm(bh)}" LineWidth="0.25">'
            f'<ofd:StrokeColor Value="0 0 0"/><ofd:AbbreviatedData>M {_mm(x0 - bx)} {_mm(y0 - by)} '
            f"L {_mm(x1 - bx)} {_mm(y1 - by)}</ofd:AbbreviatedData></ofd:PathObject>"
        )
    return out


def from_geometry(pages, mode: str = "runs", skip_pages: tuple[int, ...] = ()) -> bytes:
    """An OFD package of ``pages``: (width, height, characters, horizontal edges, vertical edges)."""
    glyphs: Optional[dict[str, int]] = {} if mode == "glyphs" else None
    parts: dict[str, bytes | str] = {"OFD.xml": ofd_xml()}
    width, height = pages[0][0], pages[0][1]
    for k, (w, h, chars, hs, vs) in enumerate(pages):
        if k in skip_pages:
            continue
        objs = text_objects(chars, mode, glyphs) + path_objects(hs, vs)
        parts[f"Doc_0/Pages/Page_{k}/Content.xml"] = page_xml(
            objs, *((round(w / PT, 3), round(h / PT, 3)) if (w, h) != (width, height) else (None, None))
        )
    font = None
    if glyphs is not None:
        font = "font_2.ttf"
        parts["Doc_0/Res/font_2.ttf"] = tiny_font(glyphs)
    parts["Doc_0/Document.xml"] = document_xml(len(pages), round(width / PT, 3), round(height / PT, 3))
    parts["Doc_0/PublicRes.xml"] = public_res(font)
    return package(parts)


def from_pdf(pdf: bytes, mode: str = "runs", **kw) -> bytes:
    from gxlint.read.pdf import page_geometry

    return from_geometry(page_geometry(pdf), mode, **kw)


def tiny_font(glyphs: dict[str, int]) -> bytes:
    """A TrueType font file with only a ``cmap`` (format 4, Unicode BMP; one segment per character):
    all the reader needs to turn glyph numbers back into characters."""
    pairs = sorted((ord(ch), gid) for ch, gid in glyphs.items() if ord(ch) < 0xFFFF)
    segs = [(c, c, (gid - c) & 0xFFFF) for c, gid in pairs] + [(0xFFFF, 0xFFFF, 1)]
    n = len(segs)
    sub = struct.pack(">HHHHHHH", 4, 0, 0, 2 * n, 0, 0, 0)
    sub += struct.pack(f">{n}H", *(e for _s, e, _d in segs)) + b"\0\0"
    sub += struct.pack(f">{n}H", *(s for s, _e, _d in segs))
    sub += struct.pack(f">{n}H", *(d for _s, _e, d in segs))
    sub += struct.pack(f">{n}H", *([0] * n))
    sub = sub[:2] + struct.pack(">H", len(sub)) + sub[4:]
    cmap = struct.pack(">HHHHI", 0, 1, 3, 1, 12) + sub
    head = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
    entry = struct.pack(">4sIII", b"cmap", 0, 12 + 16, len(cmap))
    return head + entry + cmap
