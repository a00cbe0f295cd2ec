"""审查意见: the letter a reviewer sends back to each organ (python-docx, imported here only).

One letter per report — the organ, report year, a verdict, then the findings grouped by the
report's sections, each in a table row quoting the text or the cells with their arithmetic and
saying what to correct.  ``render`` puts every letter in one document (a page each);
``render_one`` writes one report's letter (``--split``).
"""
from __future__ import annotations

import datetime as _dt
import io
import os
import re

from .model import display_organ

TODO = {
    "structure": ("按《政府信息公开工作年度报告格式》补齐或调整该部分的标题、顺序和内容。",
                  "Add or reorder this part as the official format requires."),
    "template": ("按年度报告格式的模板改正表格的行、列标题或单元格数字。",
                 "Correct the table's rows, column labels or cells as the template requires."),
    "arithmetic": ("核对表中数字，使合计关系成立；以原始台账为准改正有误的单元格。",
                   "Check the figures against the records and correct the cell so that the totals add up."),
    "prose": ("使正文所述数字与统计表一致（以核实后的数字为准）。",
              "Make the number in the text agree with the tables (after checking which is right)."),
    "meta": ("改正报告年度、日期，或补充要求的说明。", "Correct the year or date, or add the required statement."),
    "hygiene": ("改正文字错误，删除网页或排版残留。", "Correct the wording; remove the residue of web pages or layout."),
    "engine": ("请提供可读取的报告文本后重新报送。", "Send a readable text of the report again."),
}
LATE = ("今后请在法定期限内发布年度报告。", "Publish the annual report within the legal deadline in future.")


def _t(lang: str, pair) -> str:
    return pair[1] if lang == "en" else pair[0]


def _cn_date(d: _dt.date, lang: str) -> str:
    return d.isoformat() if lang == "en" else f"{d.year}年{d.month}月{d.day}日"


def _evidence(rep: dict, f: dict, lang: str) -> tuple[str, str]:
    """(what the report says: the text or the cells with their arithmetic, a suggested value)."""
    for t in rep["tables"]:
        for ident in t["identities"]:
            if ident["state"] != "fail":
                continue
            ats = [at for at in (ident["target"], ident.get("culprit")) if at]
            hit = [at for at in ats if t["rows"][at[0]]["cells"][at[1]]
                   and f["start"] <= t["rows"][at[0]]["cells"][at[1]]["start"] < max(f["end"], f["start"] + 1)]
            if hit:
                row = t["rows"][hit[0][0]]["label"]
                col = t["columns"][hit[0][1]]
                where = f"{t['title'].split(' ')[0]}“{row}”{col}"
                hint = ""
                if ident.get("fix") is not None and ident.get("culprit"):
                    at = ident["culprit"]
                    cname = f"“{t['rows'][at[0]]['label']}”{t['columns'][at[1]]}"
                    hint = (f"check the cell {cname}: the totals agree if it is {ident['fix']}" if lang == "en"
                            else f"重点核对{cname}这一格，按勾稽关系应为 {ident['fix']}")
                return f"{where}：{ident['label']}\n{ident['text']}", hint
    q = re.sub(r"\s+", " ", f["quote"]).strip()
    if not q:
        return ("(missing)" if lang == "en" else "（缺失）"), ""
    if len(q) > 80:
        q = q[:78] + "……"
    return f"“{q}”", ""


def _todo(f: dict, hint: str, lang: str) -> str:
    parts = []
    if f.get("fix"):
        parts.append(f["fix"])
    if hint:
        parts.append(hint)
    parts.append(_t(lang, LATE) if f["code"] == "GX502" else _t(lang, TODO.get(f["family"], TODO["engine"])))
    return "；".join(p.rstrip("。；") for p in parts) + ("." if lang == "en" else "。")


def _setup(doc) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: F401
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    for sec in doc.sections:
        sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
        sec.top_margin, sec.bottom_margin = Cm(3.0), Cm(2.6)
        sec.left_margin, sec.right_margin = Cm(2.6), Cm(2.4)
    styles = doc.styles
    for name, font, size, bold in (("Normal", "仿宋", 12, False), ("Title", "黑体", 20, True),
                                   ("Heading 1", "黑体", 15, True), ("Heading 2", "黑体", 13, True)):
        st = styles[name]
        st.font.name = font
        st.font.size = Pt(size)
        st.font.bold = bold
        st.font.color.rgb = RGBColor(0, 0, 0)
        rpr = st.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(rfonts)
        for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
            rfonts.set(qn(attr), font)
    styles["Normal"].paragraph_format.line_spacing = 1.35
    styles["Normal"].paragraph_format.space_after = Pt(4)


def _letter(doc, batch: dict, rep: dict, today: _dt.date) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    lang = batch["lang"]
    en = lang == "en"
    n = batch["names"]
    organ = display_organ(rep, lang)
    year = rep["year"]
    if rep.get("title") or rep.get("organ"):
        name = rep.get("title") or (f"{organ} {year} annual report" if en else f"{organ}{year or ''}年政府信息公开工作年度报告")
        heading = f"Review opinion on “{name}”" if en else f"关于《{name}》的审查意见"
    else:
        heading = (f"Review opinion on the report {rep['file']}" if en
                   else f"关于报告 {rep['file']}（{year or '年度不明'}）的审查意见")
    head = doc.add_paragraph(style="Title")
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(heading)

    doc.add_paragraph(f"{organ}:" if en else f"{rep['organ'] or '报送单位'}：")
    verdict = n["verdicts"][rep["verdict"]]
    counts = (f"{rep['errors']} error(s), {rep['warnings']} warning(s) and {rep['infos']} note(s)" if en
              else f"错误 {rep['errors']} 处、警告 {rep['warnings']} 处、提示 {rep['infos']} 处")
    if rep["accepted"]:
        counts += (f" ({rep['accepted']} more accepted earlier and not repeated)" if en
                   else f"（另有 {rep['accepted']} 处此前已确认接受，不再列出）")
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(24)
    if en:
        p.add_run(f"We have reviewed your {year or ''} annual report on government information disclosure "
                  f"(file {rep['file']}). Verdict: ")
    else:
        p.add_run(f"你单位报送的{year or ''}年政府信息公开工作年度报告（文件 {rep['file']}）已收悉。经审查，结论为：")
    r = p.add_run(verdict)
    r.bold = True
    r.font.color.rgb = {"fail": RGBColor(0xB0, 0, 0), "revise": RGBColor(0x9A, 0x5B, 0), "pass": RGBColor(0, 0x70, 0)}[rep["verdict"]]
    p.add_run(f". We found {counts}." if en else f"。共发现{counts}。")

    facts = doc.add_table(rows=0, cols=4)
    facts.style = "Table Grid"
    facts.alignment = WD_TABLE_ALIGNMENT.CENTER
    pub = rep["published"] or ("—")
    if rep["deadline"]:
        pub += f" / {rep['deadline']}"
        if (rep["days_late"] or 0) > 0:
            pub += f" (late {rep['days_late']} days)" if en else f"（逾期 {rep['days_late']} 天）"
    items = ([("Report year", str(year or "—")), ("Organ level", n["levels"][str(rep["level"])]),
              ("Format", n["templates"].get(str(rep["template"]), str(rep["template"]))), ("Published / deadline", pub)]
             if en else
             [("报告年度", str(year or "—")), ("机关层级", n["levels"][str(rep["level"])]),
              ("报告格式", n["templates"].get(str(rep["template"]), str(rep["template"]))), ("发布日期 / 期限", pub)])
    for i in range(0, len(items), 2):
        cells = facts.add_row().cells
        for j, (k, v) in enumerate(items[i:i + 2]):
            cells[2 * j].text = k
            cells[2 * j + 1].text = v
            for par in cells[2 * j].paragraphs:
                for run in par.runs:
                    run.bold = True
    _font(facts, 10.5)

    shown = [f for f in rep["findings"] if not f["accepted"]]
    if not shown:
        doc.add_paragraph("No problem was found. Thank you." if en else "未发现需要修改的问题。")
    else:
        intro = doc.add_paragraph("Our findings, by part of the report:" if en else "具体意见如下（按报告各部分列出）：")
        intro.paragraph_format.space_before = Pt(8)
        groups: dict = {}
        for f in shown:
            groups.setdefault(f["section"] if f["section"] is not None else 99, []).append(f)
        k = 0
        for sec in sorted(groups):
            title = rep["sections"].get(str(sec)) if sec != 99 else n["other_section"]
            doc.add_heading(title or (f"Part {sec}" if en else f"第{sec}部分"), level=2)
            t = doc.add_table(rows=1, cols=5)
            t.style = "Table Grid"
            hdr = (["No.", "Where", "Problem", "The report says", "What to correct"] if en
                   else ["序号", "位置", "问题", "原文或数据", "修改要求"])
            for c, h in zip(t.rows[0].cells, hdr):
                c.text = h
                for run in c.paragraphs[0].runs:
                    run.bold = True
                _shade(c, "DCE6F1")
            for f in groups[sec]:
                k += 1
                ev, hint = _evidence(rep, f, lang)
                sev = n["severities"][f["severity"]]
                row = t.add_row().cells
                row[0].text = str(k)
                row[1].text = f"line {f['line']}" if en else f"第 {f['line']} 行"
                row[2].text = f"[{sev}] {f['message']}"
                row[3].text = ev
                row[4].text = _todo(f, hint, lang)
            widths = (Cm(1.1), Cm(1.9), Cm(6.2), Cm(4.6), Cm(2.2 + 1.9))
            t.autofit = False
            for col, w in zip(t.columns, widths):
                col.width = w
            for row in t.rows:
                for c, w in zip(row.cells, widths):
                    c.width = w
            _font(t, 10)
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(24)
    p.paragraph_format.space_before = Pt(10)
    p.add_run("Please check each item, correct the report and publish the corrected version." if en
              else "请对照以上意见逐项核实，修改后重新发布，并将修改情况报送我办。")
    for line in (("Office of Government Affairs Disclosure" if en else "政务公开办公室"), _cn_date(today, lang)):
        q = doc.add_paragraph(line)
        q.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _font(table, size: float) -> None:
    from docx.shared import Pt

    for row in table.rows:
        for c in row.cells:
            for par in c.paragraphs:
                par.paragraph_format.space_after = Pt(0)
                par.paragraph_format.line_spacing = 1.15
                for run in par.runs:
                    run.font.size = Pt(size)


def _shade(cell, color: str) -> None:
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    shd = tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): color})
    tcpr.append(shd)


def _new():
    from docx import Document

    doc = Document()
    _setup(doc)
    return doc


def _bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def render(batch: dict, today: "_dt.date | None" = None) -> bytes:
    """Every report's letter in one document, one after another (a page break between)."""
    from docx.enum.text import WD_BREAK

    today = today or _dt.date.today()
    doc = _new()
    for i, rep in enumerate(batch["reports"]):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _letter(doc, batch, rep, today)
    return _bytes(doc)


def render_one(batch: dict, rep: dict, today: "_dt.date | None" = None) -> bytes:
    doc = _new()
    _letter(doc, batch, rep, today or _dt.date.today())
    return _bytes(doc)


_RESERVED = re.compile(r"(?i)^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)")
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]')
MAX_NAME_BYTES = 200        # a file name is at most 255 bytes almost everywhere: room for "-2" and a hash


def split_name(rep: dict, used: set) -> str:
    """The file name of one report's letter: the report's file name + 审查意见.docx, unique (in
    any letter case), and writable on every system: no separator, control, bidi or reserved
    character, not a reserved device name (CON, NUL, COM1 …), no leading dot, no trailing dot or
    space, at most :data:`MAX_NAME_BYTES` bytes of UTF-8 (a longer stem is cut on a character
    boundary and keeps a short hash of the whole, so two long names stay apart)."""
    import hashlib

    whole = os.path.splitext(rep["file"])[0] or "report"
    stem = _UNSAFE_NAME.sub("_", whole).strip(" .") or "report"
    if _RESERVED.match(stem):
        stem = "_" + stem
    tail = "-审查意见.docx"
    room = MAX_NAME_BYTES - len(tail.encode("utf-8")) - 4       # "-NNN" for a repeated name
    if len(stem.encode("utf-8")) > room:
        tag = "~" + hashlib.sha1(whole.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        cut = stem.encode("utf-8")[: room - len(tag)].decode("utf-8", "ignore").rstrip(" .")
        stem = cut + tag
    name = f"{stem}{tail}"
    k = 2
    while name.lower() in used:
        name = f"{stem}-{k}{tail}"
        k += 1
    used.add(name.lower())
    return name
