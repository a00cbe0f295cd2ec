"""Word .docx → blocks: paragraphs and tables in body order, as Word shows them.

Read with the standard zipfile and lxml (no python-docx here: it drops tracked insertions, text
boxes and numbering, which this reader must keep):

- merged cells (``w:gridSpan``, ``w:vMerge``) are expanded to the table's grid, the text in the
  first cell of the merge;
- Word's automatic numbering is rendered as Word shows it (``numbering.xml``: a heading whose
  一、 comes from a list level still reads 一、);
- tracked changes read as the current text (insertions kept, deletions dropped);
- text boxes follow the paragraph that anchors them; fields read as their shown result;
- headers and footers (minus page numbers) come before the body, as a page header precedes the
  title (after it they would stand where the signature must be last).

A damaged or truncated file, a zip that is not a Word document, a zip bomb and an encrypted file
raise :class:`gxlint.io.DecodeError` (GX002), never a traceback.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from typing import Callable, Optional

from ..io import DecodeError
from .blocks import CellBlock, Para, TableBlock
from .package import Parts, open_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_STRICT = (
    (STRICT_W, W[1:-1].encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", R_NS[1:-1].encode()),
)
# a grid beyond these is no annual report's table (the largest, table 3, is ~30 x 12): GX002, said why
MAX_COLUMNS = 256  # columns of one table (w:gridBefore, w:gridSpan add up to it)
MAX_TABLE_CELLS = 100_000  # cells of one table's grid
MAX_CELLS = 250_000  # cells of every table in the document
MAX_LIST_NUMBER = 32767  # Word's own limit for w:start / w:startOverride; a counter past it

# containers whose children are read in order as if they were in place
_TRANSPARENT = {
    W + "ins",
    W + "moveTo",
    W + "hyperlink",
    W + "smartTag",
    W + "fldSimple",
    W + "sdt",
    W + "sdtContent",
    W + "customXml",
    W + "dir",
    W + "bdo",
    W + "r",
}
_SKIP = {
    W + "del",
    W + "moveFrom",
    W + "pPr",
    W + "rPr",
    W + "delText",
    W + "instrText",
    W + "sdtPr",
    W + "sdtEndPr",
    W + "footnoteReference",
    W + "endnoteReference",
    W + "commentReference",
    W + "delInstrText",
    W + "fldData",
}
# a header/footer that is only a page number: 第 1 页 共 3 页 · - 2 - · 2/10 · Page 1 of 3
_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:第\s*\d+\s*页|共\s*\d+\s*页)(?:\s*[,，/／]?\s*(?:第\s*\d+\s*页|共\s*\d+\s*页))?"
    r"|[-—–－]*\s*\d+\s*[-—–－]*|\d+\s*[/／]\s*\d+|(?:page\s*)?\d+(?:\s*(?:of|/)\s*\d+)?)\s*$",
    re.I,
)


def read_docx(data: bytes, path: Optional[str] = None) -> list:
    with open_zip(data, "damaged_docx") as zf:
        reader = _Package(zf)
        main = reader.main_part()
        return reader.blocks(main)


class _Package(Parts):
    """The .docx: its parts (read within the bounds of :class:`Parts`), its main part, its blocks."""

    # --- parts ---------------------------------------------------------------------------
    def prepare(self, data: bytes) -> bytes:
        if STRICT_W in data[:4096]:  # "Strict Open XML" saves: the same elements in other namespaces
            for strict, transitional in _STRICT:
                data = data.replace(strict, transitional)
        return data

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type, target part name) of ``part``."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iter(PKG_REL + "Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id")] = (rel.get("Type") or "", name)
        return out

    def main_part(self) -> str:
        for _rid, (typ, name) in self.rels("").items():
            if typ == OFFICE_DOC and name in self.names:
                return name
        if "word/document.xml" in self.names:
            return "word/document.xml"
        if "EncryptedPackage" in self.names or any(n.endswith("EncryptionInfo") for n in self.names):
            raise DecodeError("encrypted_docx")
        kind = "xlsx" if "xl/workbook.xml" in self.names else "pptx" if "ppt/presentation.xml" in self.names else ""
        raise DecodeError("not_docx", kind=_zip_kind(kind))

    # --- content -------------------------------------------------------------------------
    def blocks(self, main: str) -> list:
        root = self.xml(main)
        body = root.find(W + "body") if root is not None else None
        if body is None:
            raise DecodeError("damaged_docx", reason=f"{main}: 没有正文 (no w:body)")
        rels = self.rels(main)
        self.numbering = _Numbering(self.xml(_rel_target(rels, "/numbering")), self.xml(_rel_target(rels, "/styles")))
        out: list = []
        st = _Walk(self.numbering)
        st.chunk = lambda rid: self.alt_chunk(rels, rid)
        st.body(body, out)
        # headers and footers: what is more than a page number, once each, before the body (as
        # a page header comes before the title); after the body they would stand where the
        # signature must be the last thing
        body_blocks, out = out, []
        seen = set()
        for _rid, (typ, name) in sorted(rels.items(), key=lambda kv: kv[1][1]):
            kind = "header" if typ.endswith("/header") else "footer" if typ.endswith("/footer") else None
            if kind is None:
                continue
            part = self.xml(name)
            if part is None:
                continue
            extra: list = []
            _Walk(self.numbering, part=kind).body(part, extra)
            for b in extra:
                if isinstance(b, Para):
                    t = b.text.strip()
                    if not t or _PAGE_NUMBER.match(t) or t in seen:
                        continue
                    seen.add(t)
                out.append(b)
        return out + body_blocks

    def alt_chunk(self, rels: dict, rid: Optional[str], depth: int = 0) -> list:
        """The blocks of a ``w:altChunk``: content Word imports as it opens the file (an HTML
        page, a plain text, another .docx), read in place.  A kind gxlint cannot read (RTF, MHT)
        is GX002 that says so: without it the report would be checked as if it were whole."""
        typ, name = rels.get(rid or "", ("", ""))
        data = self.raw(name) if name else None
        if data is None:
            return []
        ext = posixpath.splitext(name)[1].lower()
        if data[:4] in (b"PK\x03\x04",) and depth == 0:
            import io as _io

            inner = _Package(zipfile.ZipFile(_io.BytesIO(data)))
            inner.total = self.total
            blocks = inner.blocks(inner.main_part())
            self.total = inner.total
        else:
            from .html import looks_like_html, read_html

            head = data[:2048].lstrip().lower()
            if ext in (".htm", ".html", ".xhtml") or looks_like_html(data) or head.startswith(b"<"):
                blocks, _enc = read_html(data, name)
            elif ext in (".txt", ".text") or typ.endswith("/aFChunk") and not head.startswith((b"{\\rtf", b"mime-")):
                from ..io import decode

                text = decode(data).text
                blocks = [Para(t.strip(), {}) for t in text.splitlines() if t.strip()]
            else:
                kind = "RTF" if head.startswith(b"{\\rtf") else "MHT" if b"mime-version" in head else (ext or "?")
                raise DecodeError("docx_alt_chunk", kind=kind, part=name)
        for b in blocks:  # where it came from: the imported part, not the body
            b.loc = {**b.loc, "part": name}
            for row in getattr(b, "rows", ()):
                for c in row:
                    c.loc = {**c.loc, "part": name}
        return blocks


def _rel_target(rels: dict, suffix: str) -> str:
    for typ, name in rels.values():
        if typ.endswith(suffix):
            return name
    return ""


def _zip_kind(kind: str) -> str:
    return {"xlsx": "Excel 表格 (.xlsx)", "pptx": "PowerPoint 演示文稿 (.pptx)"}.get(kind, "ZIP 压缩包")


class _Walk:
    """Body order: paragraphs (with their text boxes) and tables."""

    def __init__(self, numbering: "_Numbering", part: Optional[str] = None) -> None:
        self.numbering = numbering
        self.part = part
        self.para_no = 0
        self.table_no = 0
        self.pending = ""  # text of a paragraph whose mark was deleted (joins the next)
        self.cells = 0  # cells of every table so far (shared by the nested walks)
        self.chunk: Optional[Callable[[str], list]] = None  # rId → blocks of a w:altChunk (set by the package)

    def loc(self, **kw) -> dict:
        if self.part:
            kw["part"] = self.part
        return kw

    def body(self, el, out: list) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, out)
            elif tag == W + "tbl":
                self.table(child, out)
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
                self.body(child, out)
            elif tag == MC + "AlternateContent":
                choice = _alternate(child)
                if choice is not None:
                    self.body(choice, out)
            elif tag == W + "altChunk" and self.chunk is not None:
                out.extend(self.chunk(child.get(R_NS + "id")))

    def paragraph(self, p, out: list) -> None:
        boxes: list = []
        text = _para_text(p, boxes)
        prefix = self.numbering.label(p) if self.numbering else ""
        text = self.pending + prefix + text
        self.pending = ""
        if _mark_deleted(p):
            self.pending = text
            return
        if text.strip():
            self.para_no += 1
            out.append(Para(text, self.loc(para=self.para_no)))
        elif out and not (isinstance(out[-1], Para) and not out[-1].text):
            out.append(Para("", {}))
        for box in boxes:
            sub: list = []
            inner = _Walk(self.numbering, part="textbox")
            inner.body(box, sub)
            for b in sub:
                if isinstance(b, Para) and b.text.strip():
                    self.para_no += 1
                    b.loc = {"part": "textbox", "para": self.para_no}
                    out.append(b)
                elif isinstance(b, TableBlock):
                    out.append(b)

    def table(self, tbl, out: list) -> None:
        self.table_no += 1
        ti = self.table_no
        grid: list[list[Optional[CellBlock]]] = []
        origin: dict[int, CellBlock] = {}  # column → the cell a vertical merge continues
        tcells = 0
        for tr in _children(tbl, W + "tr"):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                continue  # a deleted row (tracked change)
            ri = len(grid) + 1
            row: list[Optional[CellBlock]] = []
            before = max(0, _int_val(trpr, W + "gridBefore")) if trpr is not None else 0
            self._room(ti, ri, before)
            row.extend(CellBlock("", self.loc(table=ti, row=ri, col=c + 1)) for c in range(before))
            for tc in _children(tr, W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = max(1, min(_int_val(tcpr, W + "gridSpan") or 1, 64)) if tcpr is not None else 1
                vm = tcpr.find(W + "vMerge") if tcpr is not None else None
                col = len(row)
                self._room(ti, ri, col + span)
                if vm is not None and vm.get(W + "val") not in ("restart",):
                    # continues the merge above: empty here, the text is in the first cell
                    cell = CellBlock("", self.loc(table=ti, row=ri, col=col + 1))
                else:
                    cell = CellBlock(self.cell_text(tc), self.loc(table=ti, row=ri, col=col + 1))
                    origin[col] = cell
                row.append(cell)
                for k in range(1, span):
                    row.append(CellBlock("", self.loc(table=ti, row=ri, col=col + k + 1)))
            grid.append(row)
            self._count(ti, len(row))
            tcells += len(row)
            if tcells > MAX_TABLE_CELLS:
                raise DecodeError(
                    "table_too_large",
                    table=ti,
                    size=f"{len(grid)}+ rows, {tcells:,}+ cells",
                    limit=f"{MAX_TABLE_CELLS:,} cells",
                )
        if not grid:
            return
        width = max(len(r) for r in grid)
        self._count(ti, width * len(grid) - sum(len(r) for r in grid))  # the padding
        if width * len(grid) > MAX_TABLE_CELLS:
            raise DecodeError("table_too_large", table=ti, size=f"{len(grid)} × {width}", limit=f"{MAX_TABLE_CELLS:,}")
        rows: list[list] = []
        for ri, r in enumerate(grid, 1):
            r = list(r) + [CellBlock("", self.loc(table=ti, row=ri, col=c + 1)) for c in range(len(r), width)]
            rows.append(r)
        out.append(TableBlock(_drop_slivers(tbl, rows), self.loc(table=ti)))

    def _room(self, ti: int, ri: int, columns: int) -> None:
        """A row of ``columns`` is within :data:`MAX_COLUMNS` (checked before the cells are made)."""
        if columns > MAX_COLUMNS:
            raise DecodeError(
                "table_too_large", table=ti, size=f"row {ri}: {columns} columns", limit=f"{MAX_COLUMNS} columns"
            )

    def _count(self, ti: int, n: int) -> None:
        self.cells += n
        if self.cells > MAX_CELLS:
            raise DecodeError("table_too_large", table=ti, size=f"{self.cells:,}+ cells in all", limit=f"{MAX_CELLS:,}")

    def cell_text(self, tc) -> str:
        parts: list[str] = []

        def walk(el):
            for child in el:
                if child.tag == W + "p":
                    boxes: list = []
                    t = (self.numbering.label(child) if self.numbering else "") + _para_text(child, boxes)
                    if not _mark_deleted(child) or t:
                        parts.append(t)
                    for b in boxes:
                        walk(b)
                elif child.tag == W + "tbl":
                    for tr in _children(child, W + "tr"):
                        for c in _children(tr, W + "tc"):
                            walk(c)
                elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
                    walk(child)

        walk(tc)
        return "\n".join(p for p in parts if p.strip())


SLIVER = 20  # twips (1 pt): a grid column this narrow is a rounding artefact, not a column


def _drop_slivers(tbl, rows: list[list[CellBlock]]) -> list[list[CellBlock]]:
    """The rows without the grid's sliver columns: a column narrower than :data:`SLIVER` in
    ``w:tblGrid`` whose cells are empty or merged with the next column's.  Converters leave them where cell widths do not add
    up (LibreOffice saving a .doc: ``2878`` twips over five columns of ``576``), and each would be
    one more (empty) column in every row."""
    grid = tbl.find(W + "tblGrid")
    if grid is None or not rows:
        return rows
    widths = [_int_attr(g, W + "w") for g in grid.findall(W + "gridCol")]
    if len(widths) != len(rows[0]) or len(widths) < 2:
        return rows
    drop = set()
    for c, w in enumerate(widths[:-1]):
        # a cell that starts in the sliver and spans on (the next cell is empty) is that next cell
        if 0 <= w < SLIVER and all(not r[c].text.strip() or not r[c + 1].text.strip() for r in rows):
            drop.add(c)
            for r in rows:
                if r[c].text.strip():
                    r[c + 1] = CellBlock(r[c].text, r[c].loc)
    if not drop:
        return rows
    out = []
    for r in rows:
        kept = [cell for c, cell in enumerate(r) if c not in drop]
        for c, cell in enumerate(kept, 1):
            if "col" in cell.loc:
                cell.loc["col"] = c
        out.append(kept)
    return out


def _int_attr(el, name: str) -> int:
    try:
        return int(float(el.get(name) or -1))
    except ValueError:
        return -1


def _children(el, tag: str):
    """Direct children ``tag`` of ``el``, looking through content controls and custom XML."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            yield from _children(child, tag)


def _alternate(el):
    """The content of an mc:AlternateContent: its first Choice (or the Fallback)."""
    for child in el:
        if child.tag == MC + "Choice":
            return child
    for child in el:
        if child.tag == MC + "Fallback":
            return child
    return None


def _mark_deleted(p) -> bool:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return False
    rpr = ppr.find(W + "rPr")
    return rpr is not None and rpr.find(W + "del") is not None


def _int_val(parent, tag: str) -> int:
    if parent is None:
        return 0
    el = parent.find(tag)
    if el is None:
        return 0
    try:
        return int(el.get(W + "val") or 0)
    except ValueError:
        return 0


def _para_text(p, boxes: list) -> str:
    """The shown text of a paragraph; its text boxes go to ``boxes``."""
    out: list[str] = []

    def walk(el):
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag in _SKIP:
                continue
            elif tag == W + "r" and _hidden_run(child):
                continue  # w:vanish: hidden text, Word does not show it
            elif tag in _TRANSPARENT:
                walk(child)
            elif tag in (W + "tab", W + "ptab"):
                out.append("\t")
            elif tag == W + "br":
                out.append("\n")
            elif tag == W + "cr":
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "sym":
                ch = child.get(W + "char") or ""
                try:
                    code = int(ch, 16)
                    if not 0xF000 <= code <= 0xF0FF:  # symbol-font private-use glyphs carry no text
                        out.append(chr(code))
                except ValueError:
                    pass
            elif tag == MC + "AlternateContent":
                alt = _alternate(child)
                if alt is not None:
                    walk(alt)
            elif tag == W + "txbxContent":
                boxes.append(child)
            elif tag in (W + "drawing", W + "pict", W + "object") or "}" in tag:
                # drawings, VML shapes: only their text boxes carry text
                _boxes_in(child, boxes)

    walk(p)
    return "".join(out)


def _hidden_run(r) -> bool:
    rpr = r.find(W + "rPr")
    if rpr is None:
        return False
    v = rpr.find(W + "vanish")
    return v is not None and (v.get(W + "val") or "true").lower() not in ("0", "false", "off")


def _boxes_in(el, boxes: list) -> None:
    """The outermost text boxes inside a drawing (an mc:AlternateContent counts once)."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag == W + "txbxContent":
            boxes.append(child)
        elif child.tag == MC + "AlternateContent":
            alt = _alternate(child)
            if alt is not None:
                _boxes_in(alt, boxes)
        else:
            _boxes_in(child, boxes)


# --- numbering -----------------------------------------------------------------------------


class _Level:
    __slots__ = ("start", "fmt", "text", "suff", "legal")

    def __init__(self, el) -> None:
        def val(tag, default=None):
            x = el.find(W + tag)
            return x.get(W + "val") if x is not None and x.get(W + "val") is not None else default

        try:
            self.start = _list_number(int(val("start", "1")))
        except ValueError:
            self.start = 1
        self.fmt = val("numFmt", "decimal")
        self.text = val("lvlText", "")
        self.suff = val("suff", "tab")
        self.legal = el.find(W + "isLgl") is not None


class _Numbering:
    def __init__(self, numbering, styles) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        self.styles: dict[str, tuple[Optional[str], Optional[int], Optional[str]]] = {}
        self.counters: dict[str, list[Optional[int]]] = {}
        self.started: set[str] = set()
        self.links: dict[str, str] = {}  # abstractNum → the numbering style it takes its levels from
        if numbering is not None:
            for an in numbering.iter(W + "abstractNum"):
                link = an.find(W + "numStyleLink")
                if link is not None and link.get(W + "val"):
                    self.links[an.get(W + "abstractNumId")] = link.get(W + "val")
                levels = {}
                for lvl in an.iter(W + "lvl"):
                    try:
                        levels[int(lvl.get(W + "ilvl") or 0)] = _Level(lvl)
                    except ValueError:
                        pass
                self.abstract[an.get(W + "abstractNumId")] = levels
            for num in numbering.iter(W + "num"):
                a = num.find(W + "abstractNumId")
                if a is None:
                    continue
                over_lvls: dict[int, _Level] = {}
                starts: dict[int, int] = {}
                for ov in num.iter(W + "lvlOverride"):
                    try:
                        il = int(ov.get(W + "ilvl") or 0)
                    except ValueError:
                        continue
                    so = ov.find(W + "startOverride")
                    if so is not None:
                        try:
                            starts[il] = _list_number(int(so.get(W + "val") or 1))
                        except ValueError:
                            pass
                    lv = ov.find(W + "lvl")
                    if lv is not None:
                        over_lvls[il] = _Level(lv)
                self.nums[num.get(W + "numId")] = (a.get(W + "val"), over_lvls, starts)
        if styles is not None:
            for s in styles.iter(W + "style"):
                sid = s.get(W + "styleId")
                based = s.find(W + "basedOn")
                num_id = ilvl = None
                ppr = s.find(W + "pPr")
                if ppr is not None:
                    np_ = ppr.find(W + "numPr")
                    if np_ is not None:
                        n = np_.find(W + "numId")
                        lv = np_.find(W + "ilvl")
                        num_id = n.get(W + "val") if n is not None else None
                        try:
                            ilvl = int(lv.get(W + "val")) if lv is not None else None
                        except (TypeError, ValueError):
                            ilvl = None
                self.styles[sid] = (num_id, ilvl, based.get(W + "val") if based is not None else None)

    def _style_num(self, sid: Optional[str]) -> tuple[Optional[str], Optional[int]]:
        num_id = ilvl = None
        seen = set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            n, lv, based = self.styles[sid]
            if num_id is None and n is not None:
                num_id = n
            if ilvl is None and lv is not None:
                ilvl = lv
            sid = based
        return num_id, ilvl

    def label(self, p) -> str:
        if not self.nums:
            return ""
        ppr = p.find(W + "pPr")
        if ppr is None:
            return ""
        np_ = ppr.find(W + "numPr")
        ps = ppr.find(W + "pStyle")
        s_num, s_ilvl = self._style_num(ps.get(W + "val") if ps is not None else None)
        num_id, ilvl = s_num, s_ilvl
        if np_ is not None:
            n = np_.find(W + "numId")
            lv = np_.find(W + "ilvl")
            if n is not None:
                num_id = n.get(W + "val")
            if lv is not None:
                try:
                    ilvl = int(lv.get(W + "val"))
                except (TypeError, ValueError):
                    pass
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = min(max(ilvl or 0, 0), 8)
        abs_id, over, starts = self.nums[num_id]
        if not self.abstract.get(abs_id) and abs_id in self.links:
            linked, _ = self._style_num(self.links[abs_id])  # w:numStyleLink: levels of another list
            if linked in self.nums:
                abs_id = self.nums[linked][0]
        levels = dict(self.abstract.get(abs_id, {}))
        levels.update(over)
        lvl = levels.get(ilvl)
        if lvl is None:
            return ""
        key = num_id if (over or starts) else abs_id
        counters = self.counters.setdefault(key, [None] * 9)
        if key not in self.started:
            self.started.add(key)
            for il, v in starts.items():
                if 0 <= il < 9:
                    counters[il] = v - 1
        cur = counters[ilvl]
        counters[ilvl] = _list_number(cur + 1) if cur is not None else lvl.start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if lvl.fmt in ("bullet", "none"):
            return ""

        def sub(m):
            k = int(m.group(1)) - 1
            lv = levels.get(k)
            if lv is None:
                return ""
            v = counters[k] if counters[k] is not None else lv.start
            fmt = "decimal" if (lvl.legal and k < ilvl) else lv.fmt
            return format_number(v, fmt)

        text = re.sub(r"%([1-9])", sub, lvl.text)
        if not text:
            return ""
        if lvl.suff == "space":
            return text + " "
        if lvl.suff == "nothing":
            return text
        # a tab: Word shows a gap after the number; punctuation already separates it
        return text if text[-1] in "、.．)）:：" else text + " "


def _list_number(n: int) -> int:
    """A list number Word could show: past :data:`MAX_LIST_NUMBER` the list is no report's (a
    letter-format label of 4,000,000,000 is a 150-million-letter string): GX002, said why."""
    if not -MAX_LIST_NUMBER <= n <= MAX_LIST_NUMBER:
        raise DecodeError("list_too_large", value=f"{n:,}", limit=f"{MAX_LIST_NUMBER:,}")
    return n


_ZH = "零一二三四五六七八九"
_ZH_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _zh_number(n: int, digits: str = _ZH, ten: str = "十", hundred: str = "百") -> str:
    if n < 0 or n >= 10000:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20 and digits is _ZH:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = digits[n // 100] + hundred
        if rest == 0:
            return head
        if rest < 10:
            return head + digits[0] + digits[rest]
        return head + digits[rest // 10] + ten + (digits[rest % 10] if rest % 10 else "")
    return str(n)


def _letters(n: int, upper: bool) -> str:
    if n < 1:
        return str(n)
    # Word repeats the letter: a..z, aa..zz, aaa..
    ch = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return ch * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    vals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def format_number(n: int, fmt: str) -> str:
    """A list number as Word writes it in ``fmt`` (w:numFmt)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
        "ideographDigital",
    ):
        return _zh_number(n)
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return _zh_number(n, _ZH_LEGAL, "拾", "佰")
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n, True)
    if fmt == "lowerLetter":
        return _letters(n, False)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


def source(data: bytes, path: Optional[str] = None, *, fmt: str, ext: str, max_bytes: Optional[int] = None):
    """The registry's entry point (:mod:`gxlint.read.registry`): bytes → :class:`gxlint.read.Source`."""
    from . import checked, from_blocks

    return checked(from_blocks(read_docx(data, path), "docx"), data, max_bytes)
