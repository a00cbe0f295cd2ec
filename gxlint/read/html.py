"""HTML pages → blocks: the report body, its tables (rowspan/colspan expanded), in source order.

Parsed with lxml.html (libxml2's forgiving HTML parser: unclosed cells, Word's ``<o:p>`` and
conditional comments are all fine).  What a reviewer sees of the page is kept and nothing else:

- the charset the page declares (``<meta charset>``, ``http-equiv``; GBK/GB2312 read as GB18030),
  else UTF-8, else GB18030;
- scripts, styles, hidden elements and the site's navigation (``<nav>``, menus, breadcrumbs,
  page footers with the site's copyright) are dropped — only when they are a small part of the
  page, so a page that wraps everything in ``class="nav-content"`` loses nothing;
- ``<br>`` is a line break, whitespace collapses as a browser does, ``&nbsp;`` and full-width
  spaces stay (the parser folds them);
- a table that holds other tables is page layout: its cells are read as blocks.

Every paragraph and cell keeps its source line (``loc['line']``) — the language server maps a
finding back into the HTML source with it.
"""

from __future__ import annotations

import codecs
import re
from typing import Optional

from ..io import DecodeError
from .blocks import CellBlock, Para, TableBlock

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
_WS = re.compile(r"[ \t\n\r\f]+")
_BR = "\x00"  # a <br> in the inline buffer (survives whitespace collapsing)

_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "form",
    "select",
    "option",
    "button",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "map",
    "input",
    "textarea",
    "meta",
    "link",
    "xml",
}
_BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "center",
    "address",
    "figure",
    "figcaption",
    "caption",
    "hr",
    "body",
    "html",
    "header",
    "footer",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "fieldset",
    "legend",
    "details",
    "summary",
}
_CHROME_TOKENS = {
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "footer",
    "sidebar",
    "topbar",
    "toolbar",
    "share",
    "copyright",
    "sitemap",
    "skip",
    "position",
    "location",
    "weizhi",
    "dqwz",
}
_CHARSET_ALIAS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "euc-cn": "gb18030",
    "x-euc-cn": "gb18030",
    "big5": "big5hkscs",
    "unicode": "utf-16",
}
_LINK_BLOCKS = {"div", "ul", "ol", "section", "table", "dl", "header", "footer"}
# page furniture left at the top or bottom of the body: the site's footer, share/print buttons
_EDGE_CHROME = re.compile(
    r"版权所有|ICP\s*备|网站标识码|主办单位|承办单位|技术支持|联系我们|网站地图|公网安备|京公网|"
    r"打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|分享到|扫一扫|当前位置|您现在的位置|您的位置|"
    r"字号\s*[:：]?\s*[【\[]?\s*大|浏览次数|访问量|无障碍|返回顶部|^首页\s*[>＞»]|^相关链接$|^相关文章$"
)
MAX_SPAN = 200  # rowspan/colspan beyond this is hostile or broken
# as for .docx (gxlint.read.docx): no report has a table beyond these — GX002, said why
MAX_COLUMNS = 256
MAX_TABLE_CELLS = 100_000
MAX_CELLS = 250_000
MAX_DEPTH = 2048  # libxml2's element nesting limit with huge_tree (256 without): deeper is GX002
# anchoring blocks in the source scans at most this many characters per character of the page
ANCHOR_BUDGET = 32


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return True
    return b"<html" in head and (b"<body" in head or b"<head" in head or b"<meta" in head)


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, encoding) by BOM, then the declared charset, then UTF-8, then GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(enc, "replace"), enc
    head = data[:8192]
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    tried = []
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        enc = _CHARSET_ALIAS.get(declared, declared)
        if _text_encoding(enc):  # not base64, rot13, hex, zlib …: bytes↔bytes codecs
            tried.append(enc)
    if "utf-8" not in tried:
        tried.append("utf-8")
    for enc in tried:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    from ..io import detect_encoding

    found, _certain = detect_encoding(data)  # not what it declares, not UTF-8: GB18030, Big5 …
    if found is not None:
        try:
            return data.decode(found), found
        except UnicodeDecodeError:
            pass
    # a page that is mostly right: the declared (or first) charset, bad bytes replaced
    return data.decode(tried[0], "replace"), tried[0]


def _text_encoding(name: str) -> bool:
    """Whether ``name`` is a codec from bytes to text (``<meta charset="base64">`` names a codec
    Python has, but not a text encoding)."""
    try:
        info = codecs.lookup(name)
        b"".decode(info.name)
    except (LookupError, ValueError):
        return False
    return getattr(info, "_is_text_encoding", True)


def read_html(data: bytes, path: Optional[str] = None) -> tuple[list, str]:
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DecodeError("binary")
    text, enc = decode_html(data)
    return read_html_str(text), enc


def read_html_str(text: str) -> list:
    import lxml.html
    from lxml import etree

    if not text.strip():
        return []
    # huge_tree: libxml2 nests 2,048 levels instead of 256 (a CMS that leaves a <div> open per
    # paragraph goes past 256, and the parser then drops the rest of the text without a word)
    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, default_doctype=False, huge_tree=True
    )
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise DecodeError("damaged_html", reason=str(exc)[:120]) from None
    if any("depth" in (e.message or "").lower() for e in parser.error_log):
        # what the parser read is a part of the page: never checked as if it were the whole
        raise DecodeError("html_too_deep", limit=MAX_DEPTH)
    body = root.find("body")
    if body is None:
        body = root
    import sys

    if sys.getrecursionlimit() < 4 * MAX_DEPTH + 1000:  # the walk recurses once per element level
        sys.setrecursionlimit(4 * MAX_DEPTH + 1000)
    walk = _Walk(len(_text_len(body)))
    walk.block(body)
    walk.flush()
    blocks = _trim_edges(walk.out)
    _anchor(blocks, text)
    return blocks


def _trim_edges(blocks: list) -> list:
    """Drop the site's furniture before the first and after the last line of the report."""

    def chrome(b) -> bool:
        return isinstance(b, Para) and len(b.text) <= 200 and bool(_EDGE_CHROME.search(b.text))

    lo, hi = 0, len(blocks)
    while lo < hi and chrome(blocks[lo]):
        lo += 1
    while hi > lo and chrome(blocks[hi - 1]):
        hi -= 1
    return blocks[lo:hi]


# the first run of one kind of characters (markup often splits Chinese from figures:
# 本年新收申请<span lang=EN-US>47</span>件)
_NEEDLE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{1,8}|[A-Za-z0-9.%]{1,8}|[^\s\xa0\u3000&<>;\"']")


def in_markup(source: str, idx: int, floor: int = 0) -> bool:
    """Whether ``source[idx]`` is inside a tag (``<td colspan="2">``) or a comment, not text."""
    lo = max(floor, idx - 8192)
    lt = source.rfind("<", lo, idx)
    gt = source.rfind(">", lo, idx)
    return lt > gt


_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def _text_only(source: str) -> str:
    """``source`` with every tag and comment blanked out (same length, same offsets): a search in
    it finds text only, in one pass (testing each hit with :func:`in_markup` was quadratic on a
    page whose attributes repeat a cell's text)."""
    return _MARKUP.sub(lambda m: "\x00" * len(m.group()), source)


def _anchor(blocks: list, source: str, limit: int = 1 << 20) -> int:
    """Give each paragraph and cell its offset in the HTML source (``loc['offset']``, and the
    1-based ``column`` on its line): where its first words are written, found after the previous
    block's (blocks are in source order), from the element's own line on.  At most
    :data:`ANCHOR_BUDGET` characters are searched per character of the page (what is left keeps
    its line only); returns how many were."""
    import bisect

    starts = [0]
    for m in re.finditer("\n", source):
        starts.append(m.end())
    text_only = _text_only(source)
    budget = ANCHOR_BUDGET * len(source) + (1 << 20)
    scanned = 0
    cursor = 0

    def place(text: str, loc: dict) -> None:
        nonlocal cursor, scanned
        line = loc.get("line")
        if not text or not line or line > len(starts):
            return
        m = _NEEDLE.search(text)
        if m is None:
            return
        run = m.group(0)
        frm = max(cursor, starts[line - 1])
        end = min(len(source), frm + limit)
        for needle in dict.fromkeys((run, run[:2], run[:1])):  # shorter when markup splits it
            end = min(end, frm + budget - scanned)
            if end <= frm:
                return
            idx = text_only.find(needle, frm, end)
            scanned += (idx + len(needle) if idx >= 0 else end) - frm
            if idx >= 0:
                break
        else:
            return
        loc["offset"] = idx
        k = bisect.bisect_right(starts, idx) - 1
        loc["line"] = k + 1
        loc["column"] = idx - starts[k] + 1
        cursor = idx + len(needle)

    for b in blocks:
        if isinstance(b, Para):
            place(b.text, b.loc)
        else:
            for row in b.rows:
                for cell in row:
                    place(cell.text, cell.loc)
    return scanned


def _text_len(el) -> str:
    try:
        return el.text_content()
    except Exception:
        return ""


def _tag(el) -> str:
    t = el.tag
    if not isinstance(t, str):
        return ""
    if "}" in t:
        t = t.rsplit("}", 1)[1]
    return t.lower()


def _hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true" and _tag(el) in ("div", "span", "ul"):
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


class _Walk:
    def __init__(self, total_text: int) -> None:
        self.total = max(1, total_text)
        self.out: list = []
        self.buf: list[str] = []
        self.buf_line: Optional[int] = None
        self.table_no = 0
        self.cells = 0  # cells of every table so far

    # --- inline buffer -> paragraphs ----------------------------------------------------
    def add(self, s: Optional[str], line: Optional[int]) -> None:
        if not s:
            return
        if self.buf_line is None and s.strip(" \t\n\r\f"):
            self.buf_line = line
        self.buf.append(s)

    def flush(self) -> None:
        if not self.buf:
            return
        text = _inline("".join(self.buf))
        line = self.buf_line
        self.buf, self.buf_line = [], None
        if text.strip():
            self.out.append(Para(text, {"line": line} if line else {}))

    # --- elements ----------------------------------------------------------------------
    def chrome(self, el, tag: str) -> bool:
        if tag in ("nav", "aside"):
            cand = True
        elif tag in ("header", "footer"):
            cand = not any(_tag(a) in ("article", "main") for a in el.iterancestors())
        else:
            tokens = set(re.split(r"[\s_\-]+", f"{el.get('class') or ''} {el.get('id') or ''}".lower()))
            cand = bool(tokens & _CHROME_TOKENS)
        if not cand:
            if tag not in _LINK_BLOCKS:
                return False
            # a menu or a list of related links: mostly link text, two links or more
            links = [a for a in el.iter("a")]
            if len(links) < 2:
                return False
            text = len(_text_len(el).strip())
            linked = sum(len(_text_len(a).strip()) for a in links)
            return 0 < text < 0.3 * self.total and linked > 0.6 * text
        # never drop what holds most of the page (the report itself)
        return len(_text_len(el)) < 0.3 * self.total

    def block(self, el) -> None:
        """Walk ``el``'s content: inline text into the buffer, blocks and tables as their own."""
        self.add(el.text, el.sourceline)
        for child in el:
            tag = _tag(child)
            if not tag or tag in _DROP or _hidden(child):
                self.add(child.tail, getattr(child, "sourceline", None))
                continue
            if tag == "br":
                self.add(_BR, child.sourceline)
            elif tag == "table":
                self.flush()
                if not self.chrome(child, tag):
                    self.table(child)
            elif tag in _BLOCK:
                self.flush()
                if not self.chrome(child, tag):
                    self.block(child)
                self.flush()
            elif "mso-list:ignore" in (child.get("style") or "").replace(" ", "").lower():
                # Word's list label (一、) and the spaces that pad it to the tab stop
                self.add(_text_len(child).rstrip(" \t\r\n\xa0"), child.sourceline)
            else:
                if not self.chrome(child, tag):
                    self.block(child)  # inline: its text joins the current paragraph
            self.add(child.tail, child.sourceline)

    def table(self, tbl) -> None:
        rows = list(_rows(tbl))
        cells_of = [[c for c in tr if _tag(c) in ("td", "th")] for tr in rows]
        layout = (
            all(len(cells) <= 1 for cells in cells_of)  # one column: a frame, not a grid
            or any(_is_frame(c) for cells in cells_of for c in cells)
        )
        if layout or not rows:
            # page layout (or a table with no rows): read what is inside as blocks
            self._layout(tbl)
            return
        for cap in tbl:
            if _tag(cap) == "caption":
                self.block(cap)
                self.flush()
        self.table_no += 1
        ti = self.table_no
        grid: dict[tuple[int, int], CellBlock] = {}
        width = 0
        for ri, cells in enumerate(cells_of):
            ci = 0
            for td in cells:
                while (ri, ci) in grid:
                    ci += 1
                cs = _span(td.get("colspan"))
                rs = _span(td.get("rowspan"))
                rs = min(rs, len(cells_of) - ri)
                if ci + cs > MAX_COLUMNS:
                    raise DecodeError(
                        "table_too_large",
                        table=ti,
                        size=f"row {ri + 1}: {ci + cs} columns",
                        limit=f"{MAX_COLUMNS} columns",
                    )
                if len(grid) + rs * cs > MAX_TABLE_CELLS or self.cells + len(grid) + rs * cs > MAX_CELLS:
                    raise DecodeError(
                        "table_too_large",
                        table=ti,
                        size=f"{len(grid) + rs * cs:,}+ cells",
                        limit=f"{MAX_TABLE_CELLS:,} cells",
                    )
                line = td.sourceline
                grid[(ri, ci)] = CellBlock(_cell_text(td), _cloc(ti, ri, ci, line))
                for dr in range(rs):
                    for dc in range(cs):
                        if dr or dc:
                            grid.setdefault((ri + dr, ci + dc), CellBlock("", _cloc(ti, ri + dr, ci + dc, line)))
                ci += cs
                width = max(width, ci)
        if len(cells_of) * width > MAX_TABLE_CELLS:
            raise DecodeError(
                "table_too_large", table=ti, size=f"{len(cells_of)} × {width}", limit=f"{MAX_TABLE_CELLS:,} cells"
            )
        self.cells += len(cells_of) * width
        if self.cells > MAX_CELLS:
            raise DecodeError(
                "table_too_large", table=ti, size=f"{self.cells:,}+ cells in all", limit=f"{MAX_CELLS:,} cells"
            )
        out_rows = []
        for ri in range(len(cells_of)):
            out_rows.append([grid.get((ri, c)) or CellBlock("", _cloc(ti, ri, c, None)) for c in range(width)])
        if width:
            self.out.append(
                TableBlock(out_rows, {"table": ti, "line": tbl.sourceline} if tbl.sourceline else {"table": ti})
            )

    def _layout(self, tbl) -> None:
        for tr in _rows(tbl):
            for td in tr:
                if _tag(td) in ("td", "th") and not _hidden(td) and not self.chrome(td, "td"):
                    self.flush()
                    self.block(td)
                    self.flush()


def _cloc(ti: int, ri: int, ci: int, line: Optional[int]) -> dict:
    d = {"table": ti, "row": ri + 1, "col": ci + 1}
    if line:
        d["line"] = line
    return d


def _span(v) -> int:
    try:
        n = int(str(v).strip().split(".")[0])
    except (TypeError, ValueError):
        return 1
    return max(1, min(n, MAX_SPAN))


def _rows(tbl):
    """The table's own rows (not those of nested tables), thead/tbody/tfoot looked through."""
    for child in tbl:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if _tag(tr) == "tr":
                    yield tr


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _is_frame(td) -> bool:
    """A cell that holds a page rather than a value: a table inside it, a heading, or many
    paragraphs (old sites lay pages out with tables)."""
    paras = 0
    for x in td.iterdescendants():
        t = _tag(x)
        if t == "table" or t in _HEADINGS:
            return True
        if t in ("p", "div", "li") and (x.text or "").strip():
            paras += 1
            if paras >= 4:
                return True
    return False


def _cell_text(td) -> str:
    parts: list[str] = []

    def walk(el):
        if el.text:
            parts.append(el.text)
        for child in el:
            tag = _tag(child)
            if tag and tag not in _DROP and not _hidden(child):
                if tag == "br":
                    parts.append(_BR)
                elif tag in _BLOCK:
                    parts.append(_BR)
                    walk(child)
                    parts.append(_BR)
                else:
                    walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(td)
    return _inline("".join(parts))


def _inline(s: str) -> str:
    """Collapse whitespace as a browser does; <br> (and blocks inside a cell) become line breaks."""
    s = _WS.sub(" ", s)
    # trailing spaces (also &nbsp;) are invisible; leading full-width spaces are indentation
    lines = [ln.lstrip(" ").rstrip(" \xa0") for ln in s.split(_BR)]
    # drop empty lines a block boundary left, keep the others
    return "\n".join(ln for ln in lines if ln)


def source(data: bytes, path: Optional[str] = None, *, fmt: str, ext: str, max_bytes: Optional[int] = None):
    """The registry's entry point (:mod:`gxlint.read.registry`): bytes → :class:`gxlint.read.Source`."""
    from . import from_blocks

    blocks, enc = read_html(data, path)
    src = from_blocks(blocks, "html")
    src.encoding = enc
    return src
