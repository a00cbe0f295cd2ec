"""A report (gxlint.synth model) written as a .docx laid out like the official template, with
python-docx: section headings numbered by Word (一、 comes from numbering.xml, not the text), the
table 三 header merged (申请人情况 across the applicant columns, 法人或其他组织 across its five,
自然人/总计 down two rows), 三、本年度办理结果 and the （三）…（六） blocks merged down their rows,
table 二 captions across the table, table 四's 行政复议/行政诉讼 groups merged.

``CELLS`` records where each model cell lands: (table, row, col) in the Word grid (1-based), so a
test can say where a defect injected into one cell must be reported."""

from __future__ import annotations

import copy
import re

from gxlint import synth

NUM_ID = "90"


def _conv(script: str):
    if script == "traditional":
        return synth.to_traditional
    return lambda s: s


def _numbering(doc) -> None:
    """An abstract list: level 0 一、 (chineseCounting, no gap), level 1 （一） — as offices set it."""
    from docx.oxml import parse_xml

    part = doc.part.numbering_part
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    abstract = parse_xml(f"""<w:abstractNum {ns} w:abstractNumId="{NUM_ID}">
      <w:multiLevelType w:val="multilevel"/>
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>
        <w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>
        <w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>
    </w:abstractNum>""")
    num = parse_xml(f'<w:num {ns} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>')
    root = part.element
    first_num = root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(num)


def _numbered(doc, text: str, level: int, style: str | None = None):
    from docx.oxml import parse_xml

    p = doc.add_paragraph(text, style=style)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numpr = parse_xml(f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>')
    p._p.get_or_add_pPr().append(numpr)
    return p


_HEAD = re.compile(r"^([一二三四五六])、")
_SUB = re.compile(r"^（([一二三四五])）")


class Built:
    def __init__(self) -> None:
        self.cells: dict[tuple, tuple[int, int, int]] = {}  # ("t3", rid, col) → (table, row, col)
        self.tables = 0


def build_docx(rep, path: str, script: str = "simplified") -> Built:
    import docx

    conv = _conv(script)
    doc = docx.Document()
    _numbering(doc)
    built = Built()
    text = rep.render(layout="markdown", script=script).text
    lines = text.split("\n")
    i = 0
    section = None
    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            while i < len(lines) and lines[i].startswith("|"):
                i += 1
            if section == 2:
                _t2(doc, rep, conv, built)
            elif section == 3:
                _t3(doc, rep, conv, built)
            elif section == 4:
                _t4(doc, rep, conv, built)
            continue
        i += 1
        s = line.strip()
        if not s:
            continue
        if s.startswith("# "):
            doc.add_paragraph(s[2:], style="Title")
            continue
        if s.startswith("## "):
            s = s[3:]
            m = _HEAD.match(s)
            if m:
                section = "一二三四五六".index(m.group(1)) + 1
                _numbered(doc, s[m.end() :], 0, style="Heading 1")
                continue
        m = _SUB.match(s)
        if m and len(s) < 30:
            _numbered(doc, s[m.end() :], 1)
            continue
        doc.add_paragraph(s)
    doc.save(path)
    return built


def _table(doc, nrows: int, ncols: int, built: Built):
    t = doc.add_table(rows=nrows, cols=ncols)
    t.style = "Table Grid"
    built.tables += 1
    return t, built.tables


def _put(t, r: int, c: int, text: str, r2: int | None = None, c2: int | None = None):
    cell = t.cell(r, c)
    if r2 is not None or c2 is not None:
        cell = cell.merge(t.cell(r if r2 is None else r2, c if c2 is None else c2))
    cell.text = text
    return cell


def _val(rep, table: str, rid, col, v) -> str:
    return "" if (table, rid, col) in rep.blank else str(v)


def _t2(doc, rep, conv, built: Built) -> None:
    blocks = rep.t2_blocks
    width = 1 + max(len(cols) for _cap, cols, _rows in blocks)
    nrows = sum(2 + len(rows) for _cap, _cols, rows in blocks)
    t, ti = _table(doc, nrows, width, built)
    r = 0
    for cap, cols, rows in blocks:
        _put(t, r, 0, conv(cap), c2=width - 1)
        r += 1
        _put(t, r, 0, conv("信息内容"))
        for k, c in enumerate(cols):
            last = k == len(cols) - 1
            _put(t, r, 1 + k, conv(c), c2=(width - 1) if last and 1 + k < width - 1 else None)
        r += 1
        for rid, lab in rows:
            _put(t, r, 0, conv(lab))
            vals = rep.t2[rid]
            for k, v in enumerate(vals):
                last = k == len(vals) - 1
                signed = rep.template == "v2019" and cols[k] == "本年增/减"
                txt = synth._fmt_signed(v) if signed else synth._fmt(v)
                if ("t2", rid, k) in rep.blank:
                    txt = ""
                _put(t, r, 1 + k, txt, c2=(width - 1) if last and 1 + k < width - 1 else None)
                built.cells[("t2", rid, k)] = (ti, r + 1, 2 + k)
            r += 1


def _t3(doc, rep, conv, built: Built) -> None:
    rows = rep.t3_rows
    ncols = 3 + len(synth.T3_COLUMNS)
    nrows = 3 + len(rows)
    t, ti = _table(doc, nrows, ncols, built)
    _put(t, 0, 0, conv("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), r2=2, c2=2)
    _put(t, 0, 3, conv("申请人情况"), c2=ncols - 1)
    _put(t, 1, 3, conv("自然人"), r2=2)
    _put(t, 1, 4, conv("法人或其他组织"), c2=8)
    _put(t, 1, 9, conv("总计"), r2=2)
    for k, lab in enumerate(("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")):
        _put(t, 2, 4 + k, conv(lab))
    ids = [rid for rid, _ in rows]
    first = 3
    r3 = [k for k, rid in enumerate(ids) if rid.startswith("r3_")]
    # 三、本年度办理结果 down every row of the block
    _put(t, first + r3[0], 0, conv("三、本年度办理结果"), r2=first + r3[-1])
    blocks: dict[str, list[int]] = {}
    for k, rid in enumerate(ids):
        parts = rid.split("_")
        if len(parts) == 3:
            blocks.setdefault("_".join(parts[:2]), []).append(k)
    block_label = {
        "r3_3": "（三）不予公开",
        "r3_4": "（四）无法提供",
        "r3_5": "（五）不予处理",
        "r3_6": "（六）其他处理",
    }
    for b, ks in blocks.items():
        _put(t, first + ks[0], 1, conv(block_label[b]), r2=first + ks[-1])
    for k, (rid, lab) in enumerate(rows):
        r = first + k
        if rid.startswith("r3_"):
            if len(rid.split("_")) == 3:
                _put(t, r, 2, conv(lab))
            else:
                _put(t, r, 1, conv(lab), c2=2)
        else:
            _put(t, r, 0, conv(lab), c2=2)
        for j, col in enumerate(synth.T3_COLUMNS):
            _put(t, r, 3 + j, _val(rep, "t3", rid, col, rep.t3[rid][col]))
            built.cells[("t3", rid, col)] = (ti, r + 1, 4 + j)


def _t4(doc, rep, conv, built: Built) -> None:
    t, ti = _table(doc, 4, 15, built)
    _put(t, 0, 0, conv("行政复议"), c2=4)
    _put(t, 0, 5, conv("行政诉讼"), c2=14)
    parts = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    for k, p in enumerate(parts):
        _put(t, 1, k, conv(p), r2=2)
    _put(t, 1, 5, conv("未经复议直接起诉"), c2=9)
    _put(t, 1, 10, conv("复议后起诉"), c2=14)
    for k in range(10):
        _put(t, 2, 5 + k, conv(parts[k % 5]))
    for k, col in enumerate(synth.T4_COLUMNS):
        _put(t, 3, k, _val(rep, "t4", "t4", col, rep.t4[col]))
        built.cells[("t4", "t4", col)] = (ti, 4, 1 + k)


def report_from_seed(text: str, seed: int = 0):
    """A synth Report carrying a seed report's table figures (its organ, year and template too)."""
    from gxlint.engine import lint

    res = lint(text, "seed.txt")
    doc = res.doc
    rep = synth.generate(
        seed, year=doc.meta.year, template=doc.template if doc.template in ("v2019", "v2021") else None
    )
    rep = copy.deepcopy(rep)
    t3 = doc.tables.get("t3")
    if t3 is not None:
        for rid, row in t3.rows.items():
            if rid in rep.t3:
                for cell in row.cells:
                    if cell.column in rep.t3[rid] and cell.value is not None:
                        rep.t3[rid][cell.column] = int(cell.value)
    t4 = doc.tables.get("t4")
    if t4 is not None:
        for row in t4.rows.values():
            for cell in row.cells:
                if cell.column in rep.t4 and cell.value is not None:
                    rep.t4[cell.column] = int(cell.value)
    return rep


def build_html(rep, script: str = "simplified") -> str:
    """The report as a plain web page (paragraphs and <table>s, the markdown layout's grid), for
    benchmarks and editor tests that need a page without LibreOffice."""
    import html as _html

    text = rep.render(layout="markdown", script=script).text
    out = [
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>',
        '<div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div><div class="article">',
    ]
    in_table = False
    for line in text.splitlines():
        if line.startswith("|---"):
            continue
        if line.startswith("|"):
            if not in_table:
                out.append('<table border="1">')
                in_table = True
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out.append("<tr>" + "".join(f"<td>{_html.escape(c)}</td>" for c in cells) + "</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        s = line.lstrip("#").strip()
        if s:
            out.append(f"<p>{_html.escape(s)}</p>")
    if in_table:
        out.append("</table>")
    out.append("</div></body></html>")
    return "\n".join(out)
