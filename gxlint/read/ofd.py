"""OFD (GB/T 33190, 版式文档): the package's text objects and path objects → characters with boxes
and ruling lines → the page geometry the PDF reader uses (:mod:`gxlint.read.layout`).

No Python library reads OFD both well and safely (the closing note of issue 25: easyofd and
ofdparser are OFD → PDF/image renderers on PyMuPDF or reportlab, numpy and OpenCV; they write the
package to disk and unpack every member with no bound on size, parse all of it with xmltodict, and
place the characters of a run without ``DeltaX`` all at its first point), so this reader is
written here with the standard zipfile and lxml, within the bounds of :mod:`gxlint.read.package`:

- ``OFD.xml`` → ``DocBody/DocRoot`` (``Doc_0/Document.xml``) → ``CommonData`` (page area,
  resources, template pages) and ``Pages/Page/@BaseLoc`` (``Pages/Page_0/Content.xml``), in order;
- a page's ``Content/Layer`` objects (and those of its template pages), through ``PageBlock``
  groups: ``TextObject``, ``PathObject``, ``ImageObject`` (counted: a page of images only is a scan);
- a ``TextObject`` (``Boundary``, ``CTM``, ``Size``, ``Font``, ``HScale``) holds ``TextCode`` runs:
  the run starts at ``X``/``Y`` (the baseline, in the object's space; a run without them goes on
  where the previous one ended) and each next character stands ``DeltaX`` further (``g N v`` is
  N times v; a list shorter than the run repeats its last value; no list: the character's own
  width, a full em for a CJK character, half one for the others).  A character is as wide as its
  step up to its own width (a CJK character) or a full em (a proportional Latin letter): a larger
  step spaces the text, and the gap is seen as in a PDF.  Spaces take their place and
  are dropped: spacing is decided by geometry, as in a PDF;
- characters a font draws by glyph number: a ``TextCode`` of private-use or replacement
  characters whose ``CGTransform`` gives the glyphs is read through the embedded font's own
  character map (``cmap``, read backwards: glyph → character);
- a ``PathObject``'s ``AbbreviatedData`` (``M``/``S``, ``L``, ``Q``, ``B``, ``A``, ``C``): its
  straight sides, stroked or thin filled rectangles in a visible colour, are ruling lines.

Coordinates: OFD's millimetres, origin at the top left, are turned into points for the geometry
(whose tolerances are in points); the native location of a finding is its page and box (``bbox``,
back in millimetres, as an OFD viewer measures).  A text laid out turned a quarter (a landscape
table) is read the way it runs, as in a PDF.

A damaged, truncated or encrypted package, a missing page or document part, a zip bomb, a page too
complex to read in bounded time, a scan without text and text whose characters cannot be told
raise :class:`gxlint.io.DecodeError` (GX002) with the reason.
"""

from __future__ import annotations

import math
import posixpath
import re
import struct
import time
from collections import Counter
from typing import Optional

from ..io import DecodeError
from .blocks import Block, locations
from .layout import (
    GLYPH_ORDER_SAMPLE,
    Char,
    Page,
    add_rule,
    make_page,
    path_rules,
    text_blocks,
    unmapped,
    visible,
)
from .package import Parts, open_zip

PT = 72 / 25.4  # points per millimetre
MAX_PAGES = 1000  # as for a PDF
MAX_OBJECTS_PER_PAGE = 100_000
MAX_CHARS_PER_PAGE = 60_000
MAX_PATH_TOKENS = 400_000  # numbers and commands of the paths of one page
MAX_BLOCK_DEPTH = 32  # PageBlock inside PageBlock
TIME_BUDGET = 20.0  # CPU seconds for one document
MAX_FONT = 32 << 20  # an embedded font file (a full CJK font is ~15 MB)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _floats(s: Optional[str]) -> list[float]:
    if not s:
        return []
    try:
        return [float(x) for x in s.replace(",", " ").split()]
    except ValueError:
        return []


def _box(s: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    v = _floats(s)
    return (v[0], v[1], v[2], v[3]) if len(v) == 4 and all(math.isfinite(x) for x in v) else None


def _matrix(s: Optional[str]) -> tuple[float, float, float, float, float, float]:
    v = _floats(s)
    if len(v) == 6 and all(math.isfinite(x) for x in v):
        return (v[0], v[1], v[2], v[3], v[4], v[5])
    return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _true(s: Optional[str], default: bool) -> bool:
    if s is None:
        return default
    return s.strip().lower() not in ("false", "0")


def deltas(spec: Optional[str], n: int) -> Optional[list[float]]:
    """A ``DeltaX``/``DeltaY`` list for a run of ``n`` characters: the n-1 steps (``g N v`` is N
    times v; a list too short repeats its last value), or None (absent or not a list of numbers)."""
    if not spec or n < 2:
        return None
    toks = spec.replace(",", " ").split()
    out: list[float] = []
    k = 0
    try:
        while k < len(toks) and len(out) < n - 1:
            if toks[k] == "g":
                count, value = int(float(toks[k + 1])), float(toks[k + 2])
                out.extend([value] * max(0, min(count, n - 1 - len(out))))
                k += 3
            else:
                out.append(float(toks[k]))
                k += 1
    except (IndexError, ValueError):
        return None
    if not out or not all(math.isfinite(x) for x in out):
        return None
    out.extend([out[-1]] * (n - 1 - len(out)))
    return out


def _wide(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFF60
        or 0xFFE0 <= o <= 0xFFE6
        or 0x3000 <= o <= 0x303F
        or 0xAC00 <= o <= 0xD7AF
        or 0x20000 <= o
        or 0xE000 <= o <= 0xF8FF
    )


def _blank(ch: str) -> bool:
    u = ord(ch)
    return u <= 32 or u in (0xA0, 0x3000, 0xFEFF, 0xFFFE, 0xFFFF) or 0x2000 <= u <= 0x200B or 0xD800 <= u <= 0xDFFF


# ----------------------------------------------------------------------------- fonts


def cmap_reverse(font: bytes) -> dict[int, str]:
    """Glyph number → character, from a TrueType/OpenType font's ``cmap`` (formats 4 and 12; the
    first font of a collection).  Empty when the font has no usable map."""
    try:
        base = 0
        if font[:4] == b"ttcf":
            base = struct.unpack_from(">I", font, 12)[0]
        ntables = struct.unpack_from(">H", font, base + 4)[0]
        cmap = None
        for k in range(min(ntables, 64)):
            tag, _sum, off, length = struct.unpack_from(">4sIII", font, base + 12 + 16 * k)
            if tag == b"cmap":
                cmap = off
        if cmap is None:
            return {}
        nsub = struct.unpack_from(">H", font, cmap + 2)[0]
        subs = []
        for k in range(min(nsub, 64)):
            plat, enc, off = struct.unpack_from(">HHI", font, cmap + 4 + 8 * k)
            fmt = struct.unpack_from(">H", font, cmap + off)[0]
            rank = {(3, 10): 0, (0, 4): 0, (0, 6): 0, (3, 1): 1, (0, 3): 1, (0, 0): 2, (0, 1): 2}.get((plat, enc))
            if rank is not None and fmt in (4, 12):
                subs.append((rank, fmt, cmap + off))
        out: dict[int, str] = {}
        for _rank, fmt, at in sorted(subs):
            pairs = _cmap12(font, at) if fmt == 12 else _cmap4(font, at)
            for code, gid in pairs:
                if gid and gid not in out and 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF:
                    out[gid] = chr(code)
            if out:
                break
        return out
    except (struct.error, IndexError, ValueError):
        return {}


_MAX_CODES = 200_000


def _cmap4(font: bytes, at: int):
    segx2 = struct.unpack_from(">H", font, at + 6)[0]
    n = segx2 // 2
    ends = struct.unpack_from(f">{n}H", font, at + 14)
    starts = struct.unpack_from(f">{n}H", font, at + 16 + segx2)
    delta = struct.unpack_from(f">{n}h", font, at + 16 + 2 * segx2)
    ro_at = at + 16 + 3 * segx2
    ranges = struct.unpack_from(f">{n}H", font, ro_at)
    count = 0
    for k in range(n):
        for code in range(starts[k], min(ends[k], 0xFFFE) + 1):
            count += 1
            if count > _MAX_CODES:
                return
            if ranges[k] == 0:
                yield code, (code + delta[k]) & 0xFFFF
            else:
                g = struct.unpack_from(">H", font, ro_at + 2 * k + ranges[k] + 2 * (code - starts[k]))[0]
                yield code, (g + delta[k]) & 0xFFFF if g else 0


def _cmap12(font: bytes, at: int):
    ngroups = struct.unpack_from(">I", font, at + 12)[0]
    count = 0
    for k in range(min(ngroups, _MAX_CODES)):
        start, end, gid = struct.unpack_from(">III", font, at + 16 + 12 * k)
        for code in range(start, min(end, 0x10FFFF) + 1):
            count += 1
            if count > _MAX_CODES:
                return
            yield code, gid + code - start


# ----------------------------------------------------------------------------- the package


class _Ofd(Parts):
    bomb = "ofd_bomb"
    damaged = "damaged_ofd"
    encrypted = "encrypted_ofd"

    def __init__(self, zf) -> None:
        super().__init__(zf)
        self.lower = {n.lower(): n for n in self.names}
        self.started = time.process_time()
        self.fonts: dict[str, tuple[str, Optional[str]]] = {}  # ID → (name, font file part)
        self.params: dict[str, dict] = {}  # DrawParam ID → its attributes
        self.maps: dict[str, dict[int, str]] = {}  # font ID → glyph → character
        self.templates: dict[str, str] = {}  # TemplatePage ID → part
        self.template_objects: dict[str, list] = {}

    # --- parts ---------------------------------------------------------------------------
    def find(self, name: str) -> Optional[str]:
        """The member ``name`` (or one that differs only in case)."""
        if name in self.names:
            return name
        return self.lower.get(name.lower())

    def need(self, name: str, what: str, what_en: str):
        part = self.find(name)
        root = self.xml(part) if part else None
        if root is None:
            raise DecodeError("ofd_missing_part", part=name, what=what, what_en=what_en)
        return root

    @staticmethod
    def resolve(folder: str, loc: str) -> str:
        loc = (loc or "").strip().replace("\\", "/")
        if loc.startswith("/"):
            return posixpath.normpath(loc.lstrip("/"))
        return posixpath.normpath(posixpath.join(folder, loc)).lstrip("/")

    def budget(self) -> None:
        if time.process_time() - self.started > TIME_BUDGET:
            raise DecodeError("ofd_too_complex", reason="读取超时 (time limit)")

    # --- the document --------------------------------------------------------------------
    def pages(self) -> list[Page]:
        if any(n.lower().endswith("encryptions.xml") or n.lower().endswith("encryption.xml") for n in self.names):
            raise DecodeError("encrypted_ofd")
        entry = self.find("OFD.xml")
        if entry is None:
            raise DecodeError("damaged_ofd", reason="没有 OFD.xml (no OFD.xml)")
        root = self.xml(entry)
        doc_loc = None
        for el in root.iter():
            name = _local(el.tag)
            if name in ("Encryptions", "EncryptInfo"):
                raise DecodeError("encrypted_ofd")
            if name == "DocRoot" and doc_loc is None and (el.text or "").strip():
                doc_loc = el.text.strip()
        if doc_loc is None:
            raise DecodeError("damaged_ofd", reason="OFD.xml 没有 DocRoot (no DocRoot)")
        doc_part = self.resolve("", doc_loc)
        doc = self.need(doc_part, "文档描述", "its document description")
        folder = posixpath.dirname(doc_part)
        default_box = None
        page_list: list[tuple[str, str]] = []
        for el in doc:
            name = _local(el.tag)
            if name == "CommonData":
                for c in el:
                    cn = _local(c.tag)
                    if cn == "PageArea":
                        default_box = self.area(c) or default_box
                    elif cn in ("PublicRes", "DocumentRes") and (c.text or "").strip():
                        self.resources(self.resolve(folder, c.text.strip()))
                    elif cn == "TemplatePage" and c.get("ID") and c.get("BaseLoc"):
                        self.templates[c.get("ID")] = self.resolve(folder, c.get("BaseLoc"))
            elif name == "Pages":
                for p in el:
                    if _local(p.tag) == "Page":
                        page_list.append((p.get("ID") or "", self.resolve(folder, p.get("BaseLoc") or "")))
                        if len(page_list) > MAX_PAGES:
                            raise DecodeError("ofd_too_many_pages", pages=f"{MAX_PAGES}+", limit=MAX_PAGES)
        if not page_list:
            raise DecodeError("empty_ofd", pages=0)
        out = []
        for number, (_pid, part) in enumerate(page_list, 1):
            self.budget()
            if not part or self.find(part) is None:
                raise DecodeError("ofd_missing_page", page=number, part=part or "?")
            found = self.find(part)
            assert found is not None
            out.append(self.page(number, found, folder, default_box))
        return out

    @staticmethod
    def area(el) -> Optional[tuple[float, float, float, float]]:
        for c in el:
            if _local(c.tag) == "PhysicalBox":
                return _box(c.text)
        return None

    def resources(self, part: str) -> None:
        name = self.find(part)
        if name is None:
            return
        root = self.xml(name)
        base = self.resolve(posixpath.dirname(name), root.get("BaseLoc") or "")
        for el in root.iter():
            tag = _local(el.tag)
            if tag == "Font" and el.get("ID"):
                file = None
                for c in el:
                    if _local(c.tag) == "FontFile" and (c.text or "").strip():
                        file = self.resolve(base, c.text.strip())
                self.fonts[el.get("ID")] = (el.get("FontName") or el.get("FamilyName") or "", file)
            elif tag == "DrawParam" and el.get("ID"):
                param = dict(el.attrib)
                for c in el:
                    if _local(c.tag) in ("FillColor", "StrokeColor"):
                        param[_local(c.tag)] = c
                self.params[el.get("ID")] = param

    def glyph_map(self, font_id: str) -> dict[int, str]:
        if font_id not in self.maps:
            self.maps[font_id] = {}
            _name, file = self.fonts.get(font_id, ("", None))
            part = self.find(file) if file else None
            if part:
                self.maps[font_id] = cmap_reverse(self.raw(part, MAX_FONT) or b"")
        return self.maps[font_id]

    # --- one page ------------------------------------------------------------------------
    def page(self, number: int, part: str, folder: str, default_box) -> Page:
        root = self.xml(part)
        box = default_box
        layers: list = []
        templates = []
        for el in root:
            name = _local(el.tag)
            if name == "Area":
                box = self.area(el) or box
            elif name == "Template" and el.get("TemplateID"):
                templates.append(el.get("TemplateID"))
            elif name == "Content":
                layers.extend(c for c in el if _local(c.tag) == "Layer")
            elif name == "PageRes" and (el.text or "").strip():
                self.resources(self.resolve(posixpath.dirname(part), el.text.strip()))
        if box is None:
            box = (0.0, 0.0, 210.0, 297.0)  # A4: what a page without an area is shown as
        width, height = box[2] * PT, box[3] * PT
        walk = _PageWalk(self, number)
        for tid in templates:
            tpart = self.templates.get(tid)
            tfound = self.find(tpart) if tpart else None
            if tfound:
                troot = self.xml(tfound)
                for el in troot:
                    if _local(el.tag) == "Content":
                        for layer in el:
                            if _local(layer.tag) == "Layer":
                                walk.objects(layer, 0)
        for layer in layers:
            walk.objects(layer, 0)
        return walk.page(width, height, box)


class _PageWalk:
    """The objects of one page → characters (page space, points, y down) and ruling segments."""

    def __init__(self, ofd: _Ofd, number: int) -> None:
        self.ofd = ofd
        self.number = number
        self.found: list[tuple[str, float, float, float, float, int]] = []  # ch, x, y, width, size, turns
        self.segments: list[tuple[float, float, float, float]] = []
        self.images = 0
        self.count = 0
        self.tokens = 0

    def objects(self, el, depth: int) -> None:
        if depth > MAX_BLOCK_DEPTH:
            raise DecodeError("ofd_too_complex", reason=f"PageBlock 嵌套超过 {MAX_BLOCK_DEPTH} 层")
        for obj in el:
            name = _local(obj.tag)
            self.count += 1
            if self.count > MAX_OBJECTS_PER_PAGE:
                raise DecodeError("ofd_too_complex", reason=f"第 {self.number} 页对象超过 {MAX_OBJECTS_PER_PAGE:,} 个")
            if name == "TextObject":
                self.text(obj)
            elif name == "PathObject":
                self.path(obj)
            elif name in ("ImageObject", "CompositeObject"):
                self.images += 1
            elif name == "PageBlock":
                self.objects(obj, depth + 1)
        if depth == 0:
            self.ofd.budget()

    # --- text ----------------------------------------------------------------------------
    def text(self, obj) -> None:
        box = _box(obj.get("Boundary")) or (0.0, 0.0, 0.0, 0.0)
        a, b, c, d, e, f = _matrix(obj.get("CTM"))
        scale = math.sqrt(abs(a * d - b * c)) or 1.0
        try:
            size = float(obj.get("Size") or 0)
        except ValueError:
            size = 0.0
        if not math.isfinite(size) or size <= 0:
            size = 3.5  # ~10 pt: a size that is missing is a body size
        try:
            hscale = float(obj.get("HScale") or 1.0)
        except ValueError:
            hscale = 1.0
        if not math.isfinite(hscale) or not 0.05 <= hscale <= 20:
            hscale = 1.0
        if abs(b) > abs(a):
            turns = 1 if b > 0 else 3  # runs down / up the page
        else:
            turns = 2 if a < 0 else 0
        font = obj.get("Font") or ""
        codes = [c_ for c_ in obj if _local(c_.tag) == "TextCode"]
        glyphs: dict[int, int] = {}
        for cg in obj:
            if _local(cg.tag) != "CGTransform":
                continue
            try:
                pos, ncode, nglyph = (
                    int(cg.get("CodePosition") or 0),
                    int(cg.get("CodeCount") or 1),
                    int(cg.get("GlyphCount") or 0),
                )
            except ValueError:
                continue
            gl = [int(x) for x in _floats(next((g.text for g in cg if _local(g.tag) == "Glyphs"), ""))]
            if ncode == nglyph == len(gl):  # one glyph per character: the font's map tells it
                glyphs.update((pos + k, g) for k, g in enumerate(gl))
        index = 0  # position in the object's characters (CGTransform)
        single = sum(1 for tc in codes for ch in (tc.text or "") if not _blank(ch)) == 1
        x = y = 0.0
        for tc in codes:
            text = tc.text or ""
            try:
                if tc.get("X") is not None:
                    x = float(tc.get("X"))
                if tc.get("Y") is not None:
                    y = float(tc.get("Y"))
            except ValueError:
                pass
            if not (math.isfinite(x) and math.isfinite(y)):
                x = y = 0.0
            dx = deltas(tc.get("DeltaX"), len(text))
            dy = deltas(tc.get("DeltaY"), len(text))
            for k, ch in enumerate(text):
                if (unmapped(ch) or ord(ch) < 32) and index + k in glyphs and font:
                    ch = self.ofd.glyph_map(font).get(glyphs[index + k], ch)
                own = (1.0 if _wide(ch) else 0.5) * size * hscale
                step = dx[k] if dx is not None and k < len(text) - 1 else own
                if not _blank(ch):
                    if len(self.found) >= MAX_CHARS_PER_PAGE:
                        raise DecodeError(
                            "ofd_too_complex", reason=f"第 {self.number} 页字符超过 {MAX_CHARS_PER_PAGE:,} 个"
                        )
                    width = own
                    if dx is not None and k < len(text) - 1 and step > 0:
                        # the step is the glyph's advance (a proportional Latin letter is wider or
                        # narrower than half an em) — up to a full em: beyond, it spaces the text
                        width = min(step, own if _wide(ch) else size * hscale)
                    px = box[0] + a * x + c * y + e
                    py = box[1] + b * x + d * y + f
                    if turns == 0 and box[2] > 0 and px < box[0] + box[2] < px + width * scale:
                        width = (box[0] + box[2] - px) / scale  # the boundary is tight: the glyph ends there
                    elif turns == 0 and single and px < box[0] + box[2] and not _wide(ch):
                        # one character drawn alone: its object's boundary is its advance (up to an em)
                        width = min((box[0] + box[2] - px) / scale, size * hscale)
                    self.found.append((ch, px * PT, py * PT, width * scale * PT, size * scale * PT, turns))
                x += step
                if dy is not None and k < len(text) - 1:
                    y += dy[k]
            index += len(text)

    # --- paths ---------------------------------------------------------------------------
    def path(self, obj) -> None:
        if not _true(obj.get("Visible"), True):
            return
        param = self.ofd.params.get(obj.get("DrawParam") or "", {})
        colors = {k: v for k, v in param.items() if k in ("FillColor", "StrokeColor")}
        for c in obj:
            if _local(c.tag) in ("FillColor", "StrokeColor"):
                colors[_local(c.tag)] = c
        stroked = _true(obj.get("Stroke"), True) and _color_visible(colors.get("StrokeColor"), True)
        filled = _true(obj.get("Fill"), False) and _color_visible(colors.get("FillColor"), False)
        if not (stroked or filled):
            return
        data = next((c.text for c in obj if _local(c.tag) == "AbbreviatedData"), None)
        if not data:
            return
        box = _box(obj.get("Boundary")) or (0.0, 0.0, 0.0, 0.0)
        a, b, c, d, e, f = _matrix(obj.get("CTM"))
        toks = data.split()
        self.tokens += len(toks)
        if self.tokens > MAX_PATH_TOKENS:
            raise DecodeError("ofd_too_complex", reason=f"第 {self.number} 页图形过多")

        def page(px: float, py: float) -> tuple[float, float]:
            return (box[0] + a * px + c * py + e) * PT, (box[1] + b * px + d * py + f) * PT

        subs: list[tuple[list[tuple[float, float]], bool]] = []
        cur: list[tuple[float, float]] = []
        k = 0
        need = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
        while k < len(toks):
            op = toks[k]
            n = need.get(op)
            if n is None:  # a number without a command, or an unknown command: skip it
                k += 1
                continue
            try:
                nums = [float(t) for t in toks[k + 1 : k + 1 + n]]
            except ValueError:
                k += 1
                continue
            if len(nums) < n or not all(math.isfinite(v) for v in nums):
                break
            k += 1 + n
            if op in ("M", "S"):
                if len(cur) > 1:
                    subs.append((cur, False))
                cur = [page(nums[0], nums[1])]
            elif op == "C":
                if len(cur) > 1:
                    subs.append((cur + [cur[0]], True))
                cur = cur[:1]
            else:
                # a curve or an arc is no ruling line: its end point starts the next straight side
                pt = page(nums[-2], nums[-1])
                if op == "L":
                    cur.append(pt)
                else:
                    if len(cur) > 1:
                        subs.append((cur, False))
                    cur = [pt]
        if len(cur) > 1:
            subs.append((cur, False))
        self.segments.extend(path_rules(subs, stroked, filled))

    # --- the page --------------------------------------------------------------------------
    def page(self, width: float, height: float, box) -> Page:
        turns = Counter(f[-1] for f in self.found).most_common(1)[0][0] if self.found else 0
        to_reading = _reading_map(turns, width, height)
        chars = []
        for ch, x, y, w, size, t in self.found:
            # the character's box along its run, then into reading space
            if t == 0:
                corners = [(x, y - 0.88 * size), (x + w, y + 0.12 * size)]
            elif t == 2:
                corners = [(x, y + 0.88 * size), (x - w, y - 0.12 * size)]
            elif t == 1:  # runs down: the glyph's top faces right
                corners = [(x + 0.88 * size, y), (x - 0.12 * size, y + w)]
            else:
                corners = [(x - 0.88 * size, y), (x + 0.12 * size, y - w)]
            (ax, ay), (bx, by) = (to_reading(*p) for p in corners)
            base = to_reading(x, y)[1]
            chars.append(Char(ch, min(ax, bx), max(ax, bx), min(ay, by), max(ay, by), base, size))
        h_edges: list = []
        v_edges: list = []
        for x0, y0, x1, y1 in self.segments:
            (x0, y0), (x1, y1) = to_reading(x0, y0), to_reading(x1, y1)
            add_rule(h_edges, v_edges, x0, y0, x1, y1)
        if turns % 2:
            width, height = height, width
        return make_page(
            self.number,
            width,
            height,
            chars,
            h_edges,
            v_edges,
            images=self.images,
            nchars=len(self.found),
            unmapped=sum(1 for f in self.found if unmapped(f[0])),
            stream="".join(f[0] for f in self.found[:GLYPH_ORDER_SAMPLE]),
        )


def _reading_map(turns: int, width: float, height: float):
    """Page space (points, origin top left, y down) → reading space, the page turned so that text
    running ``turns`` quarter turns clockwise from left-to-right reads left to right."""
    if turns == 1:  # runs down the page
        return lambda x, y: (y, width - x)
    if turns == 3:  # runs up
        return lambda x, y: (height - y, x)
    if turns == 2:
        return lambda x, y: (width - x, height - y)
    return lambda x, y: (x, y)


_NUM = re.compile(r"-?\d+(?:\.\d+)?")


def _color_visible(el, default: bool) -> bool:
    """A ``FillColor``/``StrokeColor`` (absent: black when ``default``, else none) seen on paper."""
    if el is None:
        return default
    try:
        alpha = float(el.get("Alpha") or 255)
    except ValueError:
        alpha = 255.0
    v = [float(x) for x in _NUM.findall(el.get("Value") or "")]
    if not v:
        return alpha > 0  # a pattern or shading: drawn
    if len(v) == 1:
        r = g = b_ = v[0]
    elif len(v) == 4:  # CMYK (0–255 as OFD writes it)
        c, m, y, k = (min(max(x, 0.0), 255.0) / 255 for x in v)
        r, g, b_ = (255 * (1 - c) * (1 - k), 255 * (1 - m) * (1 - k), 255 * (1 - y) * (1 - k))
    else:
        r, g, b_ = v[0], v[1], v[2]
    return visible(r, g, b_, alpha)


# ----------------------------------------------------------------------------- entry point


def read_ofd(data: bytes, path: Optional[str] = None) -> list[Block]:
    """The blocks of an OFD document, in reading order; :class:`DecodeError` when it cannot be read."""
    with open_zip(data, "damaged_ofd") as zf:
        ofd = _Ofd(zf)
        try:
            pages = ofd.pages()
        except (RecursionError, MemoryError):
            raise DecodeError("ofd_too_complex", reason="结构过深或过大") from None
    return _in_mm(text_blocks(pages, "ofd"))


def _in_mm(out: list[Block]) -> list[Block]:
    """Boxes back in the document's millimetres."""
    for loc in locations(out):
        if "bbox" in loc:
            loc["bbox"] = [round(v / PT, 1) for v in loc["bbox"]]
    return out


def source(data: bytes, path: Optional[str] = None, *, fmt: str, ext: str, max_bytes: Optional[int] = None):
    """The registry's entry point (:mod:`gxlint.read.registry`): bytes → :class:`gxlint.read.Source`."""
    from . import checked, from_blocks

    return checked(from_blocks(read_ofd(data, path), "ofd"), data, max_bytes)
