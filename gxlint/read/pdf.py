"""Reading a text-based PDF: characters with their coordinates → lines, paragraphs and table cells.

The library is PDFium (``pypdfium2``), chosen by measurement (``benchmarks/pdf_libraries.py``):
on a 10-page report it gives every character with its own box in ~40 ms where pdfplumber/pdfminer
takes ~700 ms and pypdf (~350 ms) gives one position per text run and no box; its positions agree
with pdfminer's (x-centre and baseline within 1 pt for 100 % of characters); it exposes the ruling
lines of tables (path objects); it is a C library, fuzzed upstream, so damaged input fails cleanly.
It is imported lazily, inside :func:`read_pdf`.

What the reader does, page by page:

1. characters (``FPDFText_*``): text, box, baseline, font size; PDFium's generated spaces and
   line breaks are dropped — spacing is decided by geometry;
2. ruling lines: stroked lines and rectangle edges, thin filled rectangles (how Word and WPS draw
   borders), in visible colours; filled cell shading is not a border;
3. tables: connected ruling lines with at least two rows and two columns make a grid; a grid unit
   joins its neighbour where no ruling line separates them (merged cells), and the merged cell is
   expanded to the grid as :mod:`gxlint.read.blocks` describes; a cell's text is its lines joined
   (a row label wrapped inside its cell is one label);
4. text outside tables: lines by baseline, then paragraphs: a line that reaches the right margin
   continues on the next one unless that one is indented, a heading, in another size or far below
   (also across a page break), so a wrapped sentence is one paragraph;
5. page furniture: page numbers (``- 3 -``, ``第 3 页``, ``3/5``) and lines repeated in the top or
   bottom margin of several pages are dropped;
6. tables drawn without rules: a run of lines whose numbers stand in aligned columns (three rows
   or more) is cut into cells by those columns; label columns start where labels start in several
   rows; a label wrapped over lines joins the nearest row (an empty cell first);
7. a table that ends a page and a table that starts the next one with the same columns (or a
   subset: merged cells hide boundaries) are one table, on the union of their columns (a header
   row repeated on the new page is dropped).

A PDF without a text layer (a scan), an encrypted, truncated or damaged PDF, and one too large or
too complex to read in bounded time raise :class:`gxlint.io.DecodeError` with a message id of
``rules/engine/unreadable_input.py`` (GX002).
"""
from __future__ import annotations

import bisect
import ctypes
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from ..io import DecodeError
from .blocks import Block, CellBlock, Para, TableBlock

MAX_PAGES = 1000            # a report has a few dozen; beyond this it is not one (or a bomb)
MAX_CHARS_PER_PAGE = 60_000
MAX_PATH_SEGMENTS = 200_000  # per page
MAX_PAGE_OBJECTS = 100_000  # text runs, paths and images on one page (a dense table page has ~2,000)
TIME_BUDGET = 20.0          # CPU seconds for one document (generous: a 10-page report takes < 0.2 s)
MAX_STREAM = 4 << 20        # bytes a content/object stream may inflate to (a report page has < 1 MB)
MAX_INFLATED = 64 << 20     # all of them together
# streams PDFium does not parse while reading text: fonts, images, metadata, attachments
_INERT_STREAM = re.compile(rb"/(?:Image|Length1|Length2|Length3|Type1C|CIDFontType0C|OpenType|Metadata|XML|EmbeddedFile)\b")
_STREAM_START = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")

_PAGE_NO = re.compile(
    r"^[\s\-—–－―_·•]*(?:第\s*)?[0-9一二三四五六七八九十]{1,4}\s*(?:页)?\s*(?:[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?"
    r"[\s\-—–－―_·•]*$|^(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")
_SENTENCE_END = "。！？；：!?;:"


# ----------------------------------------------------------------------------- data

@dataclass(slots=True)
class Char:
    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float     # baseline, top-down
    size: float


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    nchars: int
    chars: list  # its characters, left to right (aligned-column tables are cut from them)


@dataclass(slots=True)
class Table:
    page: int
    bbox: tuple[float, float, float, float]
    xs: list[float]
    ys: list[float]
    # cells: (r0, c0, r1, c1) inclusive grid ranges → text, bbox
    cells: list[tuple[int, int, int, int, str, tuple[float, float, float, float]]]

    @property
    def top(self) -> float:
        return self.bbox[1]

    def grid(self, xs: Optional[list[float]] = None) -> list[list[CellBlock]]:
        """The rows with merged cells expanded, on this table's columns or on ``xs`` (a finer set of
        column boundaries that contains this table's: the columns of a table continued on the next
        page, where some of them may be merged)."""
        xs = xs or self.xs
        col = [min(range(len(xs)), key=lambda k: abs(xs[k] - x)) for x in self.xs]
        nr, nc = len(self.ys) - 1, len(xs) - 1
        rows: list[list[Optional[CellBlock]]] = [[None] * nc for _ in range(nr)]
        for r0, c0, r1, c1, text, bb in self.cells:
            loc = {"page": self.page, "bbox": [round(v, 1) for v in bb]}
            u0, u1 = col[c0], max(col[c1 + 1] - 1, col[c0])
            for r in range(r0, r1 + 1):
                for c in range(u0, min(u1, nc - 1) + 1):
                    if rows[r][c] is None:
                        rows[r][c] = CellBlock(text if (r, c) == (r0, u0) else "", loc)
        return [[c if c is not None else CellBlock("", {"page": self.page}) for c in row] for row in rows]


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    images: int = 0
    nchars: int = 0
    unmapped: int = 0       # characters without a Unicode value (private use area, U+FFFD)
    stream: str = ""        # the first characters in content-stream order (see _glyph_order)


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
    except pdfium.PdfiumError as exc:
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
    if not any(p.lines or p.tables for p in pages):
        if any(p.images for p in pages):
            raise DecodeError("scanned_pdf", pages=len(pages))
        raise DecodeError("empty_pdf", pages=len(pages))
    total = sum(p.nchars for p in pages)
    unmapped = sum(p.unmapped for p in pages)
    if total and unmapped > 0.2 * total:
        # fonts without a Unicode map: what PDFium reads are glyph numbers, not text — reading them
        # would report every section missing; say once that the text cannot be extracted
        raise DecodeError("pdf_unmapped_text", share=f"{100 * unmapped // total}%")
    if _glyph_order("".join(p.stream for p in pages)[:GLYPH_ORDER_SAMPLE]):
        raise DecodeError("pdf_unmapped_text", share="100%")
    _drop_furniture(pages)
    for p in pages:
        _aligned_tables(p)
    return _assemble(pages)


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
_FILTER_NAMES = {b"FlateDecode": "flate", b"Fl": "flate", b"ASCIIHexDecode": "hex", b"AHx": "hex",
                 b"ASCII85Decode": "a85", b"A85": "a85", b"RunLengthDecode": "rl", b"RL": "rl",
                 b"LZWDecode": "lzw", b"LZW": "lzw"}


class _Undecodable(Exception):
    """A stage this check does not decode (an image codec, a broken stream): PDFium decides."""


def _filters(head: bytes) -> Optional[list]:
    """The stream's filter chain, first applied first (None: no filter).  A chain naming a
    filter that cannot expand text streams (an image codec) gives up at that stage."""
    m = _FILTER.search(head)
    if m is None:
        return None
    spec = m.group(1)
    if spec.endswith(b"R"):          # an indirect /Filter: try it as Flate, the usual one
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
                out += data[k + 1:k + 2 + n]
                k += n + 2
            else:
                out += data[k + 1:k + 2] * (257 - n)
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
            if code == 256:                   # clear
                table = table[:258]
                width, prev = 9, None
                continue
            if code == 257:                   # end of data
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
        head = data[max(0, m.start() - 2048):m.start()]
        k = head.rfind(b" obj")
        if k >= 0:
            head = head[k:]
        chain = _filters(head)
        if not chain or all(f in ("hex",) for f in chain):
            continue                # unfiltered, or only ASCIIHex: nothing grows
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
            pass                    # PDFium decides what a broken stream means
        total += min(len(out), MAX_STREAM + 1)
        if len(out) > MAX_STREAM or total > MAX_INFLATED:
            raise DecodeError("pdf_inflate_bomb", limit=f"{(MAX_STREAM if len(out) > MAX_STREAM else MAX_INFLATED) >> 20} MB")


# ----------------------------------------------------------------------------- one page

def _read_page(doc, raw, index: int) -> Page:
    page = doc[index]
    try:
        width, height = page.get_size()          # as displayed (/Rotate applied)
        if raw.FPDFPage_GetRotation(page.raw) % 2:
            width, height = height, width        # page space, before /Rotate
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
    out = Page(index + 1, width, height, images=images, nchars=len(found),
               unmapped=sum(1 for f in found if _unmapped(f[0])),
               stream="".join(f[0] for f in found[:GLYPH_ORDER_SAMPLE]))
    tables = _tables(h_edges, v_edges, index + 1)
    rest: list[Char] = []
    if tables:
        by_table: list[list[Char]] = [[] for _ in tables]
        for c in chars:
            cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
            for k, t in enumerate(tables):
                x0, y0, x1, y1 = t.bbox
                if x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1:
                    by_table[k].append(c)
                    break
            else:
                rest.append(c)
        for t, tc in zip(tables, by_table):
            if _fill(t, tc):
                out.tables.append(t)
            else:           # a frame around text, not a table: its text is ordinary text
                rest.extend(tc)
    else:
        rest = chars
    out.lines = _lines(rest, index + 1)
    return out


GLYPH_ORDER_SAMPLE = 4000      # characters of the content stream looked at


def _glyph_order(stream: str) -> bool:
    """Whether the text reads as glyph numbers of subset fonts without a Unicode map: a writer
    that re-encodes fonts (ghostscript's pdfwrite) numbers each glyph from 33 (``!``) in the
    order of first use, so, read without a ToUnicode map, the document's characters first
    appear in consecutive code order — ``! "#$%&'()*+,-./0 ,-.12 34`` — which no real text does.
    True when at least 30 distinct characters first appear and over half of those steps are +1."""
    seen: set = set()
    firsts: list[int] = []
    for ch in stream:
        if ch not in seen and not ch.isspace():
            seen.add(ch)
            firsts.append(ord(ch))
    if len(firsts) < 30:
        return False
    steps = sum(1 for a, b in zip(firsts, firsts[1:]) if b == a + 1)
    return steps > 0.5 * (len(firsts) - 1)


def _unmapped(ch: str) -> bool:
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o == 0xFFFD or 0xF0000 <= o


def _display_map(turns: int, width: float, height: float):
    """Page space (PDF units, origin bottom left; ``width`` × ``height``) → reading space, origin top
    left, after turning the page by ``turns`` quarter turns clockwise so that text whose direction
    is ``turns`` × 90° (counter-clockwise) runs left to right."""
    if turns == 1:          # text runs upwards
        return lambda x, y: (y, x)
    if turns == 2:          # upside down
        return lambda x, y: (width - x, y)
    if turns == 3:          # text runs downwards
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
        get_box, get_origin, get_loose = raw.FPDFText_GetCharBox, raw.FPDFText_GetCharOrigin, raw.FPDFText_GetLooseCharBox
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
                if abs(mat.b) > abs(mat.a):         # the text direction (a, b) is mostly vertical
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


def _visible(rgba: tuple[int, int, int, int]) -> bool:
    r, g, b, a = rgba
    return a > 0 and not (r > 240 and g > 240 and b > 240)


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

    def add_segment(x0, y0, x1, y1):
        (x0, y0), (x1, y1) = to_display(x0, y0), to_display(x1, y1)
        if abs(y0 - y1) <= 1.0 and abs(x1 - x0) > 1.0:
            h_edges.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) <= 1.0 and abs(y1 - y0) > 1.0:
            v_edges.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    def walk(obj, ctm, depth):
        kind = raw.FPDFPageObj_GetType(obj)
        if not raw.FPDFPageObj_GetMatrix(obj, m):
            mat = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        else:
            mat = (m.a, m.b, m.c, m.d, m.e, m.f)
        full = _mul(mat, ctm)
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
        stroked = bool(stroke.value) and _visible(color(raw.FPDFPageObj_GetStrokeColor, obj))
        filled = fill.value != 0 and _visible(color(raw.FPDFPageObj_GetFillColor, obj))
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
        for pts, closed in subs:
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            w, h = max(xs) - min(xs), max(ys) - min(ys)
            rect_like = len(pts) >= 4 and all(
                abs(p[0] - q[0]) <= 0.5 or abs(p[1] - q[1]) <= 0.5 for p, q in zip(pts, pts[1:]))
            if filled and rect_like and min(w, h) <= 3.0 and max(w, h) > 1.0:
                # a thin filled rectangle is a drawn line
                if w >= h:
                    add_segment(min(xs), (min(ys) + max(ys)) / 2, max(xs), (min(ys) + max(ys)) / 2)
                else:
                    add_segment((min(xs) + max(xs)) / 2, min(ys), (min(xs) + max(xs)) / 2, max(ys))
                continue
            if stroked:
                for p, q in zip(pts, pts[1:]):
                    add_segment(p[0], p[1], q[0], q[1])
                if closed is False and rect_like and len(pts) == 4:
                    add_segment(pts[-1][0], pts[-1][1], pts[0][0], pts[0][1])

    ident = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    count = raw.FPDFPage_CountObjects(page.raw)
    if count > MAX_PAGE_OBJECTS:
        raise DecodeError("pdf_too_complex")
    for k in range(count):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        if obj:
            walk(obj, ident, 0)
    return h_edges, v_edges, images[0]


def _mul(m1, m2):
    """m1 then m2 (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


# ----------------------------------------------------------------------------- tables

SNAP = 3.0


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _merge_edges(edges: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear, overlapping or touching segments → one."""
    out: list[tuple[float, float, float]] = []
    for pos in _cluster([e[0] for e in edges], 1.5):
        segs = sorted((a, b) for p, a, b in edges if abs(p - pos) <= 1.5 + 1e-6)
        cur_a, cur_b = segs[0]
        for a, b in segs[1:]:
            if a <= cur_b + SNAP:
                cur_b = max(cur_b, b)
            else:
                out.append((pos, cur_a, cur_b))
                cur_a, cur_b = a, b
        out.append((pos, cur_a, cur_b))
    return out


def _tables(h_edges, v_edges, page: int) -> list[Table]:
    if not h_edges or not v_edges:
        return []
    hs = _merge_edges(h_edges)
    vs = _merge_edges(v_edges)
    # connected components of touching horizontal and vertical segments
    parent = list(range(len(hs) + len(vs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, hx0, hx1) in enumerate(hs):
        for j, (x, vy0, vy1) in enumerate(vs):
            if hx0 - SNAP <= x <= hx1 + SNAP and vy0 - SNAP <= y <= vy1 + SNAP:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list, list]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    tables = []
    for gh, gv in groups.values():
        if not gh or not gv:
            continue
        ys = _cluster([h[0] for h in gh], SNAP)
        xs = _cluster([v[0] for v in gv], SNAP)
        # a row whose closing border is missing (a table cut by the page end, its border drawn on
        # the next page) still has its column rules: the grid extends to where they end
        v_top, v_bottom = min(v[1] for v in gv), max(v[2] for v in gv)
        h_left, h_right = min(h[1] for h in gh), max(h[2] for h in gh)
        if ys and v_bottom > ys[-1] + SNAP:
            ys.append(v_bottom)
        if ys and v_top < ys[0] - SNAP:
            ys.insert(0, v_top)
        if xs and h_right > xs[-1] + SNAP:
            xs.append(h_right)
        if xs and h_left < xs[0] - SNAP:
            xs.insert(0, h_left)
        if len(ys) < 2 or len(xs) < 2:
            continue
        tables.append(_grid(page, xs, ys, gh, gv))
    tables.sort(key=lambda t: t.top)
    return tables


def _covers(edges, pos: float, mid: float) -> bool:
    return any(abs(p - pos) <= SNAP and a - SNAP <= mid <= b + SNAP for p, a, b in edges)


def _grid(page: int, xs: list[float], ys: list[float], hs, vs) -> Table:
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = list(range(nr * nc))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(nr):
        ymid = (ys[r] + ys[r + 1]) / 2
        for c in range(nc):
            xmid = (xs[c] + xs[c + 1]) / 2
            if c + 1 < nc and not _covers(vs, xs[c + 1], ymid):
                a, b = find(r * nc + c), find(r * nc + c + 1)
                if a != b:
                    parent[a] = b
            if r + 1 < nr and not _covers(hs, ys[r + 1], xmid):
                a, b = find(r * nc + c), find((r + 1) * nc + c)
                if a != b:
                    parent[a] = b
    span: dict[int, list[int]] = {}
    for r in range(nr):
        for c in range(nc):
            s = span.setdefault(find(r * nc + c), [r, c, r, c])
            s[0], s[1], s[2], s[3] = min(s[0], r), min(s[1], c), max(s[2], r), max(s[3], c)
    cells = []
    claimed: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in sorted(span.values()):
        units = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if units & claimed:         # a non-rectangular merge (L-shaped): keep its first unit only
            units = {(r0, c0)} - claimed
            if not units:
                continue
            r1, c1 = r0, c0
        claimed |= units
        cells.append((r0, c0, r1, c1, "", (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    return Table(page, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys, cells)


def _fill(t: Table, chars: list[Char]) -> bool:
    """Put each character in its cell; False when the grid is not a table (a single cell per row)."""
    nc = len(t.xs) - 1
    nr = len(t.ys) - 1
    owner: dict[tuple[int, int], int] = {}
    for k, (r0, c0, r1, c1, _, _) in enumerate(t.cells):
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                owner[(r, c)] = k
    # a frame around text (one cell in every row), or rules with nothing inside, is no table
    multi_col = any(len({owner.get((r, c)) for c in range(nc)}) > 1 for r in range(nr))
    if not multi_col or not chars:
        return False
    per_cell: list[list[Char]] = [[] for _ in t.cells]
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        c = min(max(bisect.bisect_right(t.xs, cx) - 1, 0), nc - 1)
        r = min(max(bisect.bisect_right(t.ys, cy) - 1, 0), nr - 1)
        k = owner.get((r, c))
        if k is not None:
            per_cell[k].append(ch)
    cells = []
    for (r0, c0, r1, c1, _, bb), cs in zip(t.cells, per_cell):
        lines = _lines(cs, t.page)
        text = ""
        for ln in lines:
            text = _join(text, ln.text)
        cells.append((r0, c0, r1, c1, text, bb))
    t.cells = cells
    return True


# ----------------------------------------------------------------------------- lines and text

def _is_wide(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0x3000 <= o <= 0x303F or 0x2010 <= o <= 0x206F or 0x20000 <= o)


def _lines(chars: list[Char], page: int) -> list[Line]:
    """Characters → lines by baseline, each line's characters left to right, spaces by geometry."""
    if not chars:
        return []
    rows: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: (c.base, c.x0)):
        if rows:
            last = rows[-1]
            ref = last[0]
            tol = 0.35 * min(ref.size, c.size)
            if abs(c.base - ref.base) <= tol:
                last.append(c)
                continue
        rows.append([c])
    out = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        kept = [row[0]]
        for c in row[1:]:
            prev = kept[-1]
            if c.ch == prev.ch and abs(c.x0 - prev.x0) < 0.1 * max(c.size, prev.size):
                continue        # a character drawn twice (fake bold, or a shadow)
            kept.append(c)
        row = kept
        parts = [row[0].ch]
        for prev, c in zip(row, row[1:]):
            gap = c.x0 - prev.x1
            size = max(prev.size, c.size)
            if not _is_wide(prev.ch) and not _is_wide(c.ch) and gap > 0.15 * size:
                parts.append(" ")
            elif gap > 1.0 * size or (gap > 0.5 * size and (prev.ch.isdigit() or c.ch.isdigit())):
                parts.append(" ")       # far apart: two cells of a table drawn without rules
            parts.append(c.ch)
        out.append(Line("".join(parts), row[0].x0, max(c.x1 for c in row), min(c.top for c in row),
                        max(c.bottom for c in row), Counter(round(c.size, 1) for c in row).most_common(1)[0][0],
                        page, len(row), row))
    return out


def _join(a: str, b: str) -> str:
    """Join a wrapped line to what precedes it: no space in Chinese, a space between Latin words."""
    if not a:
        return b
    if not b:
        return a
    if not _is_wide(a[-1]) and not _is_wide(b[0]) and a[-1] not in "-/" and a[-1].isalnum() and b[0].isalnum():
        return a + " " + b
    return a + b


# ----------------------------------------------------------------------------- page furniture

def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[Page]) -> None:
    """Page numbers, and running headers/footers: lines in the top or bottom tenth of the page, set
    apart from the body (more than a line's height away from any other line), whose text (digits
    aside) comes back on at least half of the pages. A body line that happens to repeat (the same
    paragraph twice) sits in the flow of its paragraph and is kept."""
    zone: dict[int, list[Line]] = {}
    counts: Counter[str] = Counter()
    for p in pages:
        top_limit, bottom_limit = 0.1 * p.height, 0.9 * p.height
        ordered = sorted(p.lines, key=lambda ln: ln.top)
        inside = []
        for k, ln in enumerate(ordered):
            if not (ln.bottom <= top_limit or ln.top >= bottom_limit):
                continue
            gaps = []
            if k > 0:
                gaps.append(ln.top - ordered[k - 1].bottom)
            if k + 1 < len(ordered):
                gaps.append(ordered[k + 1].top - ln.bottom)
            tables = [t.bbox for t in p.tables]
            near_table = any(t[1] - ln.bottom < ln.size and ln.top - t[3] < ln.size for t in tables)
            apart = all(g > ln.size for g in gaps) and not near_table
            inside.append((ln, apart))
        zone[p.number] = inside
        for key in {_furniture_key(ln.text) for ln, apart in inside if apart}:
            counts[key] += 1
    need = max(2, (len(pages) + 1) // 2)
    for p in pages:
        drop = {id(ln) for ln, apart in zone[p.number]
                if _PAGE_NO.match(ln.text)
                or (apart and len(pages) >= 2 and counts[_furniture_key(ln.text)] >= need)}
        if drop:
            p.lines = [ln for ln in p.lines if id(ln) not in drop]


# ----------------------------------------------------------------------------- tables without rules

_NUMBER = re.compile(r"[+\-−－]?\d[\d,，.]*%?")
_NUMERIC_CH = set("0123456789+-−－.,，%")
MIN_ALIGNED_ROWS = 3


def _segments(ln: Line, gap: float) -> list[tuple[str, float, float]]:
    """The line cut where characters are more than ``gap`` × size apart: (text, x0, x1)."""
    out: list[tuple[str, float, float]] = []
    cur: list[Char] = []
    for c in ln.chars:
        if cur and c.x0 - cur[-1].x1 > gap * max(c.size, cur[-1].size):
            out.append(("".join(x.ch for x in cur), cur[0].x0, cur[-1].x1))
            cur = []
        cur.append(c)
    if cur:
        out.append(("".join(x.ch for x in cur), cur[0].x0, cur[-1].x1))
    return out


def _tabular(ln: Line) -> bool:
    segs = _segments(ln, 0.8)
    return len(segs) >= 3 and sum(1 for t, _, _ in segs if _NUMBER.fullmatch(t)) >= 2


def _aligned_tables(page: Page) -> None:
    """Runs of lines whose numbers stand in aligned columns (a table drawn without rules) → tables.

    A run is at least three lines with three or more far-apart pieces, two of them numbers, and
    the lines between them that hold label text only (a row label wrapped over lines). The number
    columns are where the numbers of the run stand; the label columns start where label pieces
    start in several rows; a wrapped label line joins the nearest row whose cell it fills."""
    lines = sorted(page.lines, key=lambda ln: ln.top)
    flags = [_tabular(ln) for ln in lines]
    i = 0
    taken: set[int] = set()
    while i < len(lines):
        if not flags[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(lines):
            if flags[j] and lines[j].top - lines[run[-1]].bottom < 1.5 * lines[j].size:
                run.append(j)
                j += 1
                continue
            # up to four lines of label text only (left of every number) between table rows
            limit = min(x0 for n in run if flags[n] for t, x0, _ in _segments(lines[n], 0.25) if _NUMBER.fullmatch(t))
            k = j
            while k < len(lines) and k - j < 4 and not flags[k] and lines[k].x1 < limit \
                    and lines[k].top - lines[k - 1].bottom < 1.0 * lines[k].size:
                k += 1
            if k > j and k < len(lines) and flags[k] and lines[k].top - lines[k - 1].bottom < 1.0 * lines[k].size:
                run.extend(range(j, k))
                j = k
                continue
            break
        rows = [n for n in run if flags[n]]
        if len(rows) >= MIN_ALIGNED_ROWS:
            table = _aligned_table(page.number, [lines[n] for n in run], [flags[n] for n in run])
            if table is not None:
                page.tables.append(table)
                taken.update(run)
        i = j if j > i else i + 1
    if taken:
        page.lines = [ln for n, ln in enumerate(lines) if n not in taken]
        page.tables.sort(key=lambda t: t.top)


def _aligned_table(page: int, run: list[Line], flags: list[bool]) -> Optional[Table]:
    # number columns: overlapping extents of the numbers of the table rows
    spans = sorted((x0, x1) for ln, f in zip(run, flags) if f
                   for t, x0, x1 in _segments(ln, 0.25) if _NUMBER.fullmatch(t))
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    if len(cols) < 2:
        return None
    first_num = cols[0][0]
    size = max(ln.size for ln in run)

    def num_col(c: Char) -> Optional[int]:
        if c.ch not in _NUMERIC_CH:
            return None
        cx = (c.x0 + c.x1) / 2
        for k, (a, b) in enumerate(cols):
            if a - 0.3 * c.size <= cx <= b + 0.3 * c.size:
                return k
        return None

    # label pieces: the characters outside the number columns, cut at gaps
    pieces: list[list[tuple[float, float, list[Char]]]] = []
    for ln in run:
        cur: list[Char] = []
        out: list[tuple[float, float, list[Char]]] = []
        for c in ln.chars:
            if num_col(c) is not None:
                continue
            if c.x0 >= first_num:       # text among the numbers: not a table of this shape
                return None
            if cur and c.x0 - cur[-1].x1 > 0.3 * max(c.size, cur[-1].size):
                out.append((cur[0].x0, cur[-1].x1, cur))
                cur = []
            cur.append(c)
        if cur:
            out.append((cur[0].x0, cur[-1].x1, cur))
        pieces.append(out)
    starts = Counter(round(x0) for ps in pieces for x0, _, _ in ps)
    label_starts = _cluster([float(x) for x, n in starts.items() for _ in range(n)], 2.0)
    label_starts = [x for x in label_starts
                    if sum(n for s, n in starts.items() if abs(s - x) <= 2.0) >= 2] or [min(starts)] if starts else []
    if not label_starts:
        label_starts = [min(ln.x0 for ln in run)]
    nl = len(label_starts)

    def label_col(x0: float) -> int:
        k = bisect.bisect_right(label_starts, x0 + 2.0) - 1
        return max(0, min(k, nl - 1))

    ncols = nl + len(cols)
    row_lines = [n for n, f in enumerate(flags) if f]
    own: dict[tuple[int, int], list[tuple[float, str]]] = {}
    extra: dict[tuple[int, int], list[tuple[float, str]]] = {}
    for n, ln in enumerate(run):
        cells: dict[int, list[Char]] = {}
        for c in ln.chars:
            k = num_col(c)
            if k is not None:
                cells.setdefault(nl + k, []).append(c)
        spans_into: list[int] = []
        for x0, x1, cs in pieces[n]:
            k = label_col(x0)
            cells.setdefault(k, []).extend(cs)
            # a label running on under the next label column (a merged cell) fills that one too
            spans_into.extend(m for m in range(k + 1, nl) if x1 > label_starts[m] + 2.0)
        if flags[n]:
            for m in spans_into:
                own.setdefault((n, m), [])
        for col, cs in cells.items():
            text = "".join(c.ch for c in sorted(cs, key=lambda c: c.x0))
            if flags[n]:
                own.setdefault((n, col), []).append((ln.top, text))
                continue
            # a wrapped label line joins the nearest row; between two rows about as near, the one
            # whose cell in this column is empty, then the one above (a cell's text runs downwards)
            dist = {r: abs(run[r].top - ln.top) for r in row_lines}
            best = min(dist.values())
            near = [r for r in row_lines if dist[r] <= best + 0.3 * size]
            r = sorted(near, key=lambda r: ((r, col) in own, run[r].top > ln.top, dist[r]))[0]
            extra.setdefault((r, col), []).append((ln.top, text))
    xs = list(label_starts)
    xs = [min(xs[0], min(ln.x0 for ln in run))] + xs[1:]
    for k, (a, b) in enumerate(cols):
        xs.append(a - 0.25 * size if k == 0 else (cols[k - 1][1] + a) / 2)
    xs.append(cols[-1][1] + 0.25 * size)
    xs = sorted(xs)
    if len(xs) != ncols + 1:
        return None
    ys = [run[row_lines[0]].top - 0.25 * size]
    for a, b in zip(row_lines, row_lines[1:]):
        ys.append((run[a].bottom + run[b].top) / 2 if b == a + 1 else run[a + 1].top - 0.1)
    ys.append(max(ln.bottom for ln in run) + 0.25 * size)
    cells_out = []
    for r, n in enumerate(row_lines):
        for col in range(ncols):
            parts = sorted(own.get((n, col), []) + extra.get((n, col), []))
            text = ""
            for _, t in parts:
                text = _join(text, t)
            cells_out.append((r, col, r, col, text, (xs[col], ys[r], xs[col + 1], ys[r + 1])))
    return Table(page, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys, cells_out)


# ----------------------------------------------------------------------------- reading order

def _body_metrics(pages: list[Page]) -> tuple[float, float]:
    lefts: Counter[int] = Counter()
    rights: Counter[int] = Counter()
    for p in pages:
        for ln in p.lines:
            if ln.nchars >= 8:
                lefts[round(ln.x0)] += ln.nchars
                rights[round(ln.x1)] += ln.nchars
    left = min(lefts.most_common(3))[0] if lefts else 0.0
    if rights:
        best = rights.most_common(1)[0][0]
        # the right margin: the furthest right edge that full lines reach (within a character)
        right = max(x for x in rights if abs(x - best) <= 24)
    else:
        right = 0.0
    # a short document of short lines: no line reaches the margin, which is then where the page's
    # left margin mirrors (lines far from it are not full lines)
    widths = sorted(p.width for p in pages)
    width = widths[len(widths) // 2]
    if right < 0.6 * width:
        right = width - left
    return float(left), float(right)


def _continues(a: Line, b: Line, left: float, right: float, same_page: bool) -> bool:
    size = max(a.size, b.size)
    if abs(a.size - b.size) > 0.2 * size:
        return False
    if a.x1 < right - 1.6 * size:          # a short line ends its paragraph
        return False
    if b.x0 > min(a.x0, left) + 0.8 * size:  # the next one is indented: a new paragraph
        return False
    if same_page and b.top - a.bottom > 1.2 * size:
        return False
    if _HEADING.match(b.text) and a.text.rstrip()[-1:] in _SENTENCE_END + "。":
        return False
    return True


def _assemble(pages: list[Page]) -> list[Block]:
    left, right = _body_metrics(pages)
    items: list[tuple[Page, Any]] = []
    for p in pages:
        seq: list[Any] = sorted([*p.lines, *p.tables], key=lambda it: it.top)
        items.extend((p, it) for it in seq)
    blocks: list[Any] = []          # Para, or a list of Table parts (one table across pages)
    cur: Optional[Para] = None
    last_line: Optional[Line] = None
    for idx, (p, it) in enumerate(items):
        if isinstance(it, Table):
            cur, last_line = None, None
            prev = blocks[-1] if blocks and isinstance(blocks[-1], list) else None
            if prev is not None and prev[-1].page == it.page - 1 and _is_first(items, idx) \
                    and _same_columns(prev[-1], it):
                prev.append(it)
            else:
                blocks.append([it])
            continue
        ln: Line = it
        if cur is not None and last_line is not None and _continues(
                last_line, ln, left, right, last_line.page == ln.page) and \
                (last_line.page == ln.page or _is_first(items, idx)):
            cur.text = _join(cur.text, ln.text)
            if ln.page == cur.loc["page"]:
                bb = cur.loc["bbox"]
                cur.loc["bbox"] = [round(min(bb[0], ln.x0), 1), bb[1], round(max(bb[2], ln.x1), 1), round(ln.bottom, 1)]
            last_line = ln
            continue
        cur = Para(ln.text, {"page": ln.page, "bbox": [round(ln.x0, 1), round(ln.top, 1), round(ln.x1, 1), round(ln.bottom, 1)]})
        blocks.append(cur)
        last_line = ln
    return [b if isinstance(b, Para) else _table_block(b) for b in blocks]


def _table_block(parts: list[Table]) -> TableBlock:
    """One table from its parts on consecutive pages, on the union of their column boundaries."""
    xs = _cluster([x for t in parts for x in t.xs], 2 * SNAP) if len(parts) > 1 else parts[0].xs
    rows: list[list[CellBlock]] = []
    for t in parts:
        grid = t.grid(xs)
        if rows:
            grid = _drop_repeated_header(rows, grid)
            if grid and _continues_row(rows[-1], grid[0]):
                # a row the page break cut in two (a wrapped label goes on at the top of the next
                # page, its numbers all stayed above): one row
                for c, cell in enumerate(grid[0]):
                    if cell.text:
                        rows[-1][c] = CellBlock(_join(rows[-1][c].text, cell.text), rows[-1][c].loc)
                grid = grid[1:]
        rows.extend(grid)
    first = parts[0]
    return TableBlock(rows, {"page": first.page, "bbox": [round(v, 1) for v in first.bbox]})


def _is_first(items, idx: int) -> bool:
    """Whether item ``idx`` is the first on its page (after the page furniture is gone)."""
    return idx > 0 and items[idx - 1][0] is not items[idx][0]


def _same_columns(a: Table, b: Table) -> bool:
    """b continues a: same outer edges, and the column boundaries of one are among the other's
    (a row that merges columns on one page hides some of them)."""
    if abs(a.xs[0] - b.xs[0]) > 2 * SNAP or abs(a.xs[-1] - b.xs[-1]) > 2 * SNAP:
        return False

    def within(p, q):
        return all(any(abs(x - y) <= 2 * SNAP for y in q) for x in p)

    return within(b.xs, a.xs) or within(a.xs, b.xs)


def _continues_row(last: list[CellBlock], first: list[CellBlock]) -> bool:
    """``first`` (the top row of a table's next page) holds only the rest of some cells of ``last``."""
    filled = [c for c, cell in enumerate(first) if cell.text]
    before = [c for c, cell in enumerate(last) if cell.text]

    def same_width(a: CellBlock, b: CellBlock) -> bool:
        ba, bb = a.loc.get("bbox"), b.loc.get("bbox")
        return bool(ba and bb) and abs(ba[0] - bb[0]) <= 2 * SNAP and abs(ba[2] - bb[2]) <= 2 * SNAP

    return bool(filled) and len(filled) < len(before) and all(last[c].text for c in filled) \
        and not any(_NUMBER.fullmatch(first[c].text) for c in filled) \
        and all(same_width(last[c], first[c]) for c in filled)


def _drop_repeated_header(old: list[list[CellBlock]], new: list[list[CellBlock]]) -> list[list[CellBlock]]:
    k = 0
    while k < len(new) and k < len(old) and [c.text for c in new[k]] == [c.text for c in old[k]] \
            and any(c.text for c in new[k]):
        k += 1
    return new[k:]
