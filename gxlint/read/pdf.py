"""Reading a text-based PDF: characters with their coordinates → lines, paragraphs and table cells.

The library is PDFium (``pypdfium2``), chosen by measurement (``benchmarks/pdf_libraries.py``):
on a 10-page report it gives every character with its own box in ~40 ms where pdfplumber/pdfminer
takes ~700 ms and pypdf (~350 ms) gives one position per text run and no box; its positions agree
with pdfminer's (x-centre and baseline within 1 pt for 100 % of characters); it exposes the ruling
lines of tables (path objects); it is a C library, fuzzed upstream, so damaged input fails cleanly.
It is imported lazily, inside :func:`read_pdf`.

What this reader does, page by page: characters (``FPDFText_*``): text, box, baseline, font size
(PDFium's generated spaces and line breaks are dropped — spacing is decided by geometry); ruling
lines: stroked lines and rectangle edges, thin filled rectangles, in visible colours.  The rest —
tables ruled and unruled, lines, paragraphs, page furniture, tables across page breaks — is the
geometry every fixed-layout reader shares (:mod:`gxlint.read.layout`, also the OFD reader's).

A PDF without a text layer (a scan), an encrypted, truncated or damaged PDF, and one too large or
too complex to read in bounded time raise :class:`gxlint.io.DecodeError` with a message id of
``rules/engine/unreadable_input.py`` (GX002).
"""

from __future__ import annotations

import ctypes
import re
import time
from collections import Counter
from typing import Optional

from ..io import DecodeError
from .blocks import Block
from .layout import (
    GLYPH_ORDER_SAMPLE,
    Char,
    Page,
    add_rule,
    make_page,
    mul,
    path_rules,
    text_blocks,
    unmapped,
    visible,
)

MAX_PAGES = 1000  # a report has a few dozen; beyond this it is not one (or a bomb)
MAX_CHARS_PER_PAGE = 60_000
MAX_PATH_SEGMENTS = 200_000  # per page
MAX_PAGE_OBJECTS = 100_000  # text runs, paths and images on one page (a dense table page has ~2,000)
TIME_BUDGET = 20.0  # CPU seconds for one document (generous: a 10-page report takes < 0.2 s)
MAX_STREAM = 4 << 20  # bytes a content/object stream may inflate to (a report page has < 1 MB)
MAX_INFLATED = 64 << 20  # all of them together
# streams PDFium does not parse while reading text: fonts, images, metadata, attachments
_INERT_STREAM = re.compile(
    rb"/(?:Image|Length1|Length2|Length3|Type1C|CIDFontType0C|OpenType|Metadata|XML|EmbeddedFile)\b"
)
_STREAM_START = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")


# ----------------------------------------------------------------------------- entry point


def read_pdf(data: bytes, path: Optional[str] = None) -> list[Block]:
    """The blocks of a text-based PDF, in reading order; :class:`DecodeError` when it cannot be read."""
    _check_bytes(data)
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError as exc:  # pragma: no cover - the dependency is declared
        raise DecodeError("pdf_unsupported", error=f"pypdfium2: {exc}") from None
    started = time.process_time()
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        code = raw.FPDF_GetLastError()
        if code == raw.FPDF_ERR_PASSWORD:
            raise DecodeError("encrypted_pdf") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise DecodeError("encrypted_pdf") from None
        raise DecodeError("damaged_pdf") from None
    pages: list[Page] = []
    try:
        n = len(doc)
        if n == 0:
            raise DecodeError("damaged_pdf")
        if n > MAX_PAGES:
            raise DecodeError("pdf_too_many_pages", pages=n, limit=MAX_PAGES)
        for i in range(n):
            if time.process_time() - started > TIME_BUDGET:
                raise DecodeError("pdf_too_complex")
            pages.append(_read_page(doc, raw, i))
    except pdfium.PdfiumError:  # PDFium cannot load a page: the file is damaged there
        raise DecodeError("damaged_pdf_page", page=len(pages) + 1) from None
    except (RecursionError, MemoryError):
        raise DecodeError("pdf_too_complex") from None
    finally:
        doc.close()
    return text_blocks(pages, "pdf")


def _check_bytes(data: bytes) -> None:
    head = data[:1024]
    if b"%PDF-" not in head:
        raise DecodeError("not_pdf")
    if b"%%EOF" not in data[-2048:]:
        # a PDF ends with %%EOF; without it the file was cut short (an interrupted download or
        # copy) — PDFium would rebuild what is left and silently lose the rest of the report
        raise DecodeError("truncated_pdf")
    _check_inflation(data)


_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+|\d+\s+\d+\s+R)")
_FILTER_NAMES = {
    b"FlateDecode": "flate",
    b"Fl": "flate",
    b"ASCIIHexDecode": "hex",
    b"AHx": "hex",
    b"ASCII85Decode": "a85",
    b"A85": "a85",
    b"RunLengthDecode": "rl",
    b"RL": "rl",
    b"LZWDecode": "lzw",
    b"LZW": "lzw",
}


class _Undecodable(Exception):
    """A stage this check does not decode (an image codec, a broken stream): PDFium decides."""


def _filters(head: bytes) -> Optional[list]:
    """The stream's filter chain, first applied first (None: no filter).  A chain naming a
    filter that cannot expand text streams (an image codec) gives up at that stage."""
    m = _FILTER.search(head)
    if m is None:
        return None
    spec = m.group(1)
    if spec.endswith(b"R"):  # an indirect /Filter: try it as Flate, the usual one
        return ["flate"]
    return [_FILTER_NAMES.get(n, "other") for n in re.findall(rb"/([A-Za-z0-9]+)", spec)]


def _stage(kind: str, data: bytes, cap: int) -> bytes:
    """One decoding stage, its output cut at ``cap + 1`` bytes (enough to tell a bomb)."""
    import binascii
    import zlib

    if kind == "flate":
        try:
            return zlib.decompressobj().decompress(data, cap + 1)
        except zlib.error:
            raise _Undecodable from None
    if kind == "hex":
        end = data.find(b">")
        digits = re.sub(rb"[^0-9A-Fa-f]", b"", data if end < 0 else data[:end])
        if len(digits) % 2:
            digits += b"0"
        return binascii.unhexlify(digits[: 2 * (cap + 1)])
    if kind == "a85":
        import base64

        end = data.find(b"~>")
        body = re.sub(rb"\s", b"", data if end < 0 else data[:end])
        if body.startswith(b"<~"):
            body = body[2:]
        out = bytearray()
        # 'z' (four zero bytes) stands only between 5-character groups, and no group holds a 'z'
        for k, part in enumerate(body.split(b"z")):
            if k:
                out += b"\0\0\0\0"
            try:
                out += base64.a85decode(part)
            except ValueError:
                raise _Undecodable from None
            if len(out) > cap:
                break
        return bytes(out[: cap + 1])
    if kind == "rl":
        out = bytearray()
        k = 0
        while k < len(data) and len(out) <= cap:
            n = data[k]
            if n == 128:
                break
            if n < 128:
                out += data[k + 1 : k + 2 + n]
                k += n + 2
            else:
                out += data[k + 1 : k + 2] * (257 - n)
                k += 2
        return bytes(out[: cap + 1])
    if kind == "lzw":
        return _lzw(data, cap)
    raise _Undecodable


def _lzw(data: bytes, cap: int) -> bytes:
    """LZWDecode (early change 1, as PDF writers use), output cut at ``cap + 1`` bytes."""
    out = bytearray()
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    width, bits, nbits, prev = 9, 0, 0, None
    for byte in data:
        bits = (bits << 8) | byte
        nbits += 8
        while nbits >= width:
            nbits -= width
            code = (bits >> nbits) & ((1 << width) - 1)
            if code == 256:  # clear
                table = table[:258]
                width, prev = 9, None
                continue
            if code == 257:  # end of data
                return bytes(out[: cap + 1])
            if code < len(table):
                entry = table[code]
                if prev is not None:
                    table.append(prev + entry[:1])
            elif prev is not None and code == len(table):
                entry = prev + prev[:1]
                table.append(entry)
            else:
                raise _Undecodable
            out += entry
            if len(out) > cap:
                return bytes(out[: cap + 1])
            prev = entry
            if len(table) + 1 >= (1 << width) and width < 12:
                width += 1
    return bytes(out[: cap + 1])


def _check_inflation(data: bytes) -> None:
    """Refuse a decompression bomb before PDFium inflates it: every stream that PDFium would
    parse (page contents, forms, object streams) and that is filtered is decoded here, through
    its whole filter chain (``[/ASCIIHexDecode /FlateDecode]``, ASCII85, run-length, LZW), with a
    cap on the output of every stage.  Streams cannot nest (none sits inside an object stream),
    so a scan of the bytes finds all."""
    total = 0
    for m in _STREAM_START.finditer(data):
        start = m.end()
        head = data[max(0, m.start() - 2048) : m.start()]
        k = head.rfind(b" obj")
        if k >= 0:
            head = head[k:]
        chain = _filters(head)
        if not chain or all(f in ("hex",) for f in chain):
            continue  # unfiltered, or only ASCIIHex: nothing grows
        if _INERT_STREAM.search(head):
            continue
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        out = data[start:end]
        try:
            for kind in chain:
                out = _stage(kind, out, MAX_STREAM)
                if len(out) > MAX_STREAM:
                    break
        except _Undecodable:
            pass  # PDFium decides what a broken stream means
        total += min(len(out), MAX_STREAM + 1)
        if len(out) > MAX_STREAM or total > MAX_INFLATED:
            raise DecodeError(
                "pdf_inflate_bomb", limit=f"{(MAX_STREAM if len(out) > MAX_STREAM else MAX_INFLATED) >> 20} MB"
            )


# ----------------------------------------------------------------------------- one page

# ----------------------------------------------------------------------------- one page


def _read_page(doc, raw, index: int) -> Page:
    width, height, found, chars, h_edges, v_edges, images = _page_parts(doc, raw, index)
    return make_page(
        index + 1,
        width,
        height,
        chars,
        h_edges,
        v_edges,
        images=images,
        nchars=len(found),
        unmapped=sum(1 for f in found if unmapped(f[0])),
        stream="".join(f[0] for f in found[:GLYPH_ORDER_SAMPLE]),
    )


def _page_parts(doc, raw, index: int):
    """(width, height, raw characters, characters, horizontal edges, vertical edges, images) of a
    page, in reading space."""
    page = doc[index]
    try:
        width, height = page.get_size()  # as displayed (/Rotate applied)
        if raw.FPDFPage_GetRotation(page.raw) % 2:
            width, height = height, width  # page space, before /Rotate
        found = _raw_chars(page, raw)
        # read the page the way its text runs: most characters' direction becomes left to right
        # (a landscape table on a rotated page, or drawn sideways, reads like any other)
        turns = Counter(f[-1] for f in found).most_common(1)[0][0] if found else 0
        to_display = _display_map(turns, width, height)
        chars = _place(found, to_display)
        h_edges, v_edges, images = _edges(page, raw, to_display)
    finally:
        page.close()
    if turns % 2:
        width, height = height, width
    return width, height, found, chars, h_edges, v_edges, images


def page_geometry(data: bytes) -> list[tuple[float, float, list[Char], list, list]]:
    """What the page geometry works from, page by page: (width, height, characters, horizontal
    edges, vertical edges) in reading space — for tools (the OFD test files are written from it)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(doc)):
            width, height, _found, chars, h, v, _images = _page_parts(doc, raw, i)
            out.append((width, height, chars, h, v))
        return out
    finally:
        doc.close()


def _display_map(turns: int, width: float, height: float):
    """Page space (PDF units, origin bottom left; ``width`` × ``height``) → reading space, origin top
    left, after turning the page by ``turns`` quarter turns clockwise so that text whose direction
    is ``turns`` × 90° (counter-clockwise) runs left to right."""
    if turns == 1:  # text runs upwards
        return lambda x, y: (y, x)
    if turns == 2:  # upside down
        return lambda x, y: (width - x, y)
    if turns == 3:  # text runs downwards
        return lambda x, y: (height - y, width - x)
    return lambda x, y: (x, height - y)


def _raw_chars(page, raw) -> list[tuple]:
    """The page's characters in page space: (char, ink box, advance box or None, origin, size, turns)."""
    tp = page.get_textpage()
    try:
        n = raw.FPDFText_CountChars(tp.raw)
        if n > MAX_CHARS_PER_PAGE:
            raise DecodeError("pdf_too_complex")
        l, r, b, t = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        out: list[tuple] = []
        get_unicode, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
        get_box, get_origin, get_loose = (
            raw.FPDFText_GetCharBox,
            raw.FPDFText_GetCharOrigin,
            raw.FPDFText_GetLooseCharBox,
        )
        get_fs, get_matrix = raw.FPDFText_GetFontSize, raw.FPDFText_GetMatrix
        loose, mat = raw.FS_RECTF(), raw.FS_MATRIX()
        for k in range(n):
            u = get_unicode(tp.raw, k)
            if u <= 32 or u in (0xA0, 0x3000, 0xFEFF, 0xFFFE, 0xFFFF) or 0x2000 <= u <= 0x200B:
                continue
            if 0xD800 <= u <= 0xDFFF or u >= 0x110000:
                continue
            if is_generated(tp.raw, k) == 1:
                continue
            if not get_box(tp.raw, k, l, r, b, t):
                continue
            get_origin(tp.raw, k, ox, oy)
            # the font size as drawn: FPDFText_GetFontSize is in text space, the text matrix scales it
            size = get_fs(tp.raw, k)
            turns = 0
            if get_matrix(tp.raw, k, mat):
                size *= abs(mat.a * mat.d - mat.b * mat.c) ** 0.5
                if abs(mat.b) > abs(mat.a):  # the text direction (a, b) is mostly vertical
                    turns = 1 if mat.b > 0 else 3
                elif mat.a < 0:
                    turns = 2
            if not 0.5 <= size <= 500:
                size = max(t.value - b.value, r.value - l.value, 1.0)
            adv = (loose.left, loose.bottom, loose.right, loose.top) if get_loose(tp.raw, k, loose) else None
            out.append((chr(u), (l.value, b.value, r.value, t.value), adv, (ox.value, oy.value), size, turns))
        return out
    finally:
        tp.close()


def _place(found: list[tuple], to_display) -> list[Char]:
    """Characters in reading space (see :func:`_display_map`)."""
    out: list[Char] = []
    for ch, (l, b, r, t), adv, (ox, oy), size, _ in found:
        (ax, ay), (bx, by) = to_display(l, b), to_display(r, t)
        x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        # horizontal extent: the glyph's advance (the loose box) where it is sane — a narrow
        # digit's ink box would open false gaps inside a number
        if adv is not None:
            (ax, _), (bx, _) = to_display(adv[0], adv[1]), to_display(adv[2], adv[3])
            lx0, lx1 = min(ax, bx), max(ax, bx)
            if 0 < lx1 - lx0 <= 1.5 * size and lx0 <= (x0 + x1) / 2 <= lx1:
                x0, x1 = lx0, lx1
        out.append(Char(ch, x0, x1, top, bottom, to_display(ox, oy)[1], size))
    return out


def _edges(page, raw, to_display):
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) ruling segments, top-down coordinates."""
    h_edges: list[tuple[float, float, float]] = []
    v_edges: list[tuple[float, float, float]] = []
    budget = [MAX_PATH_SEGMENTS]
    images = [0]
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    cr, cg, cb, ca = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    px, py = ctypes.c_float(), ctypes.c_float()
    m = raw.FS_MATRIX()

    def color(fn, obj):
        if not fn(obj, cr, cg, cb, ca):
            return (0, 0, 0, 255)
        return (cr.value, cg.value, cb.value, ca.value)

    def walk(obj, ctm, depth):
        kind = raw.FPDFPageObj_GetType(obj)
        if not raw.FPDFPageObj_GetMatrix(obj, m):
            mat = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        else:
            mat = (m.a, m.b, m.c, m.d, m.e, m.f)
        full = mul(mat, ctm)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            if depth > 8:
                return
            for k in range(raw.FPDFFormObj_CountObjects(obj)):
                child = raw.FPDFFormObj_GetObject(obj, k)
                if child:
                    walk(child, full, depth + 1)
            return
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images[0] += 1
        if kind != raw.FPDF_PAGEOBJ_PATH:
            return
        if not raw.FPDFPath_GetDrawMode(obj, fill, stroke):
            return
        stroked = bool(stroke.value) and visible(*color(raw.FPDFPageObj_GetStrokeColor, obj))
        filled = fill.value != 0 and visible(*color(raw.FPDFPageObj_GetFillColor, obj))
        if not (stroked or filled):
            return
        nseg = raw.FPDFPath_CountSegments(obj)
        budget[0] -= max(0, nseg)
        if budget[0] < 0:
            raise DecodeError("pdf_too_complex")
        sub: list[tuple[float, float]] = []
        subs: list[tuple[list[tuple[float, float]], bool]] = []
        for k in range(nseg):
            seg = raw.FPDFPath_GetPathSegment(obj, k)
            raw.FPDFPathSegment_GetPoint(seg, px, py)
            t = raw.FPDFPathSegment_GetType(seg)
            a, b_, c, d, e, f = full
            pt = (a * px.value + c * py.value + e, b_ * px.value + d * py.value + f)
            if t == raw.FPDF_SEGMENT_MOVETO:
                if sub:
                    subs.append((sub, False))
                sub = [pt]
            else:
                sub.append(pt)
                if raw.FPDFPathSegment_GetClose(seg):
                    subs.append((sub + [sub[0]], True))
                    sub = []
        if sub:
            subs.append((sub, False))
        for x0, y0, x1, y1 in path_rules(subs, stroked, filled):
            (x0, y0), (x1, y1) = to_display(x0, y0), to_display(x1, y1)
            add_rule(h_edges, v_edges, x0, y0, x1, y1)

    ident = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    count = raw.FPDFPage_CountObjects(page.raw)
    if count > MAX_PAGE_OBJECTS:
        raise DecodeError("pdf_too_complex")
    for k in range(count):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        if obj:
            walk(obj, ident, 0)
    return h_edges, v_edges, images[0]


def source(data: bytes, path: Optional[str] = None, *, fmt: str, ext: str, max_bytes: Optional[int] = None):
    """The registry's entry point (:mod:`gxlint.read.registry`): bytes → :class:`gxlint.read.Source`."""
    from . import from_blocks

    return from_blocks(read_pdf(data, path), "pdf")
