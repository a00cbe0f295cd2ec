"""审查意见: the letter a reviewer sends back to each organ (python-docx, imported here only).

One letter per report — the organ, report year, a verdict, then the findings grouped by the
report's sections, each in a table row: where the organ finds it in its own document (page;
table, row, column; paragraph — :func:`gxlint.report.model.place`), the text or the cells with
their arithmetic, and what to correct (the rule's own correction, with the finding's numbers).
Each verdict has its own opening and closing; a file that could not be read is 无法审查 and is
asked for again.  The words come from a template a province can adjust (:mod:`.letter`), the
reviewing office, date, document number and contact from the configuration or the command line.
``render`` puts every letter in one document (a page each); ``render_one`` writes one report's
letter (``--split``).
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re

from .letter import DEFAULT_OFFICE
from .model import SHORT_TABLES, name


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
            hit = [
                at
                for at in ats
                if t["rows"][at[0]]["cells"][at[1]]
                and f["start"] <= t["rows"][at[0]]["cells"][at[1]]["start"] < max(f["end"], f["start"] + 1)
            ]
            if hit:
                row = t["rows"][hit[0][0]]["label"]
                col = t["columns"][hit[0][1]]
                where = (
                    f"{name(SHORT_TABLES, t['kind'], lang)} “{row}” {col}"
                    if lang == "en"
                    else f"{name(SHORT_TABLES, t['kind'], lang)}“{row}”{col}"
                )
                hint = ""
                if ident.get("fix") is not None and ident.get("culprit"):
                    at = ident["culprit"]
                    cname = f"“{t['rows'][at[0]]['label']}”{t['columns'][at[1]]}"
                    hint = (
                        f"check the cell {cname}: the totals agree if it is {ident['fix']}"
                        if lang == "en"
                        else f"重点核对{cname}这一格，按勾稽关系应为 {ident['fix']}"
                    )
                return f"{where}{': ' if lang == 'en' else '：'}{ident['label']}\n{ident['text']}", hint
    q = f.get("excerpt") or " ".join(f["quote"].split())
    if not q:
        return ("(missing)" if lang == "en" else "（缺失）"), ""
    return f"“{q}”", ""


def _todo(f: dict, hint: str, lang: str) -> str:
    """修改要求: the rule's own correction with the finding's numbers (``correct.<id>`` of its
    messages), and for a table whose sums disagree the cell both sums point at."""
    # the hint names the cell the sums point at: said already by a correction of its own
    parts = [f["correction"]] if f.get("correction") else [p for p in (hint,) if p]
    if not parts:  # a third-party rule without a correction: the finding itself says what is wrong
        parts = ["Correct this as the message says" if lang == "en" else "按问题说明改正"]
    end = "." if lang == "en" else "。"
    return ("; " if lang == "en" else "；").join(p.rstrip("。；.; ") for p in parts) + end


def _setup(doc) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: F401
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    for sec in doc.sections:
        sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
        sec.top_margin, sec.bottom_margin = Cm(3.0), Cm(2.6)
        sec.left_margin, sec.right_margin = Cm(2.6), Cm(2.4)
    styles = doc.styles
    for style, font, size, bold in (
        ("Normal", "仿宋", 12, False),
        ("Title", "黑体", 20, True),
        ("Heading 1", "黑体", 15, True),
        ("Heading 2", "黑体", 13, True),
    ):
        st = styles[style]
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


def _counts(rep: dict, lang: str) -> str:
    if lang == "en":
        parts = [
            f"{rep['errors']} error(s)" if rep["errors"] else "",
            f"{rep['warnings']} warning(s)" if rep["warnings"] else "",
            f"{rep['infos']} note(s)" if rep["infos"] else "",
        ]
        parts = [p for p in parts if p]
        return (
            " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else (parts[0] if parts else "nothing")
        )
    parts = [
        f"错误 {rep['errors']} 处" if rep["errors"] else "",
        f"警告 {rep['warnings']} 处" if rep["warnings"] else "",
        f"提示 {rep['infos']} 处" if rep["infos"] else "",
    ]
    return "、".join(p for p in parts if p) or "0 处问题"


def _reason(message: str, lang: str) -> str:
    """What GX002 says the file is, without what it says to do (the closing asks for that)."""
    cut = message.split("; not checked")[0] if lang == "en" else message.split("，未检查")[0]
    return cut.rstrip("。.;；，, ")


def _values(batch: dict, rep: dict, opts, seq: int, today: _dt.date) -> dict:
    lang = batch["lang"]
    en = lang == "en"
    year = rep["year"]
    organ = rep.get("organ")
    if rep.get("title"):
        report = f"“{rep['title']}”" if en else f"《{rep['title']}》"
    elif year:
        report = (
            f"the {year} annual report on government information disclosure"
            if en
            else f"{year}年政府信息公开工作年度报告"
        )
    else:
        report = "the annual report on government information disclosure" if en else "政府信息公开工作年度报告"
    gx002 = [f for f in rep["findings"] if f["code"] == "GX002" and not f["accepted"]]
    number = (opts.number or "").replace("{n}", str(seq))
    return {
        "organ": organ or "",
        "title": rep.get("title") or "",
        "year": year or "",
        "file": rep["file"],
        "report": report,
        "verdict": batch["names"]["verdicts"][rep["verdict"]],
        "counts": _counts(rep, lang),
        "reason": _reason(gx002[0]["message"], lang) if gx002 else "",
        "correction": (gx002[0].get("correction") or "") if gx002 else "",
        "accepted": rep["accepted"],
        "office": opts.office or _t(lang, DEFAULT_OFFICE),
        "date": _cn_date(opts.date or today, lang),
        "number": number,
        "contact": opts.contact or "",
        "n": seq,
    }


def _letter(doc, batch: dict, rep: dict, today: _dt.date, opts=None, seq: int = 1) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    from .letter import LetterOptions, load_template

    if opts is None:
        opts = LetterOptions(words=load_template(None))
    lang = batch["lang"]
    en = lang == "en"
    n = batch["names"]
    v = _values(batch, rep, opts, seq, today)
    say = lambda key: opts.say(lang, key, **v)  # noqa: E731
    if rep.get("title"):
        heading = say("title")
    elif rep.get("organ"):
        heading = say("title_untitled")
    else:
        heading = say("title_unknown")
    head = doc.add_paragraph(style="Title")
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(heading)
    if opts.number and say("number"):
        q = doc.add_paragraph(say("number"))
        q.alignment = WD_ALIGN_PARAGRAPH.CENTER

    salutation = say("salutation") if rep.get("organ") else say("salutation_unknown")
    if salutation:
        doc.add_paragraph(salutation)
    verdict = rep["verdict"]
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(24)
    opening = (" " if en else "").join(x for x in (say("received"), _unknown(rep, say, lang)) if x)
    p.add_run(opening + (" " if en and opening else ""))
    # the verdict sentence, its verdict word in bold and colour
    shown = [f for f in rep["findings"] if not f["accepted"]]
    listed = verdict in ("fail", "revise") or (verdict == "pass" and bool(shown))
    sentence = say("pass_notes" if verdict == "pass" and shown else verdict)
    word = v["verdict"]
    if word and word in sentence:
        before, after = sentence.split(word, 1)
        p.add_run(before)
        r = p.add_run(word)
        r.bold = True
        r.font.color.rgb = {
            "fail": RGBColor(0xB0, 0, 0),
            "revise": RGBColor(0x9A, 0x5B, 0),
            "pass": RGBColor(0, 0x70, 0),
            "unreadable": RGBColor(0x55, 0x55, 0x55),
        }[verdict]
        p.add_run(after)
    else:
        p.add_run(sentence)
    if rep["accepted"] and verdict != "unreadable" and say("accepted"):
        p.add_run((" " if en else "") + say("accepted"))

    facts = doc.add_table(rows=0, cols=4)
    facts.style = "Table Grid"
    facts.alignment = WD_TABLE_ALIGNMENT.CENTER
    unknown = "not stated" if en else "未能识别"
    pub = rep["published"] or ("not stated" if en else "未写明")
    if rep["deadline"]:
        pub += f" / {rep['deadline']}"
        if (rep["days_late"] or 0) > 0:
            pub += f" (late {rep['days_late']} days)" if en else f"（逾期 {rep['days_late']} 天）"
    level = n["levels"][str(rep["level"])] if rep["level"] else unknown
    tpl = n["templates"].get(str(rep["template"]), str(rep["template"])) if rep["template"] else unknown
    items = (
        [
            ("Report year", str(rep["year"] or unknown)),
            ("Organ level", level),
            ("Format", tpl),
            ("Published / deadline", pub),
        ]
        if en
        else [
            ("报告年度", str(rep["year"] or unknown)),
            ("机关层级", level),
            ("报告格式", tpl),
            ("发布日期 / 期限", pub),
        ]
    )
    if verdict == "unreadable":
        items = [(k, val) for k, val in items[:1]] + [("File", rep["file"]) if en else ("文件", rep["file"])]
    for i in range(0, len(items), 2):
        cells = facts.add_row().cells
        for j, (k, val) in enumerate(items[i : i + 2]):
            cells[2 * j].text = k
            cells[2 * j + 1].text = val
            for par in cells[2 * j].paragraphs:
                for run in par.runs:
                    run.bold = True
    _font(facts, 10.5)

    if listed and shown:
        groups: dict = {}
        for f in shown:
            groups.setdefault(f["section"] if f["section"] is not None else 99, []).append(f)
        no = 0
        for sec in sorted(groups):
            title = rep["sections"].get(str(sec)) if sec != 99 else n["other_section"]
            doc.add_heading(title or (f"Part {sec}" if en else f"第{sec}部分"), level=2)
            t = doc.add_table(rows=1, cols=5)
            t.style = "Table Grid"
            hdr = (
                ["No.", "Where", "Problem", "The report says", "What to correct"]
                if en
                else ["序号", "位置", "问题", "原文或数据", "修改要求"]
            )
            for c, h in zip(t.rows[0].cells, hdr):
                c.text = h
                for run in c.paragraphs[0].runs:
                    run.bold = True
                _shade(c, "DCE6F1")
            for f in groups[sec]:
                no += 1
                ev, hint = _evidence(rep, f, lang)
                sev = n["severities"][f["severity"]]
                row = t.add_row().cells
                row[0].text = str(no)
                row[1].text = f["where"]
                row[2].text = f"[{sev}] {f['message']}"
                row[3].text = ev
                row[4].text = _todo(f, hint, lang)
            widths = (Cm(1.1), Cm(2.6), Cm(5.6), Cm(4.4), Cm(4.3))
            t.autofit = False
            for col, w in zip(t.columns, widths):
                col.width = w
            for row in t.rows:
                for c, w in zip(row.cells, widths):
                    c.width = w
            _font(t, 10)
    closing = say(f"{verdict}_closing")
    if closing:
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(24)
        p.paragraph_format.space_before = Pt(10)
        p.add_run(closing)
    for key in ("contact",):
        if getattr(opts, key) and say(key):
            q = doc.add_paragraph(say(key))
            q.paragraph_format.first_line_indent = Pt(24)
    for key in ("office", "date"):
        line = say(key)
        if line:
            q = doc.add_paragraph(line)
            q.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _unknown(rep: dict, say, lang: str) -> str:
    """What could not be read from the report, in a sentence (never a blank where a name goes)."""
    if rep["verdict"] == "unreadable":
        return say("both_unknown_unreadable") if not (rep.get("organ") and rep["year"]) else ""
    out = []
    if not rep.get("organ"):
        out.append(say("organ_unknown"))
    if not rep["year"]:
        out.append(say("year_unknown"))
    return (" " if lang == "en" else "").join(x for x in out if x)


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


def render(batch: dict, today: "_dt.date | None" = None, opts=None) -> bytes:
    """Every report's letter in one document, one after another (a page break between)."""
    from docx.enum.text import WD_BREAK

    today = today or _dt.date.today()
    doc = _new()
    for i, rep in enumerate(batch["reports"]):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _letter(doc, batch, rep, today, opts, seq=i + 1)
    return _bytes(doc)


def render_one(batch: dict, rep: dict, today: "_dt.date | None" = None, opts=None, seq: int = 1) -> bytes:
    doc = _new()
    _letter(doc, batch, rep, today or _dt.date.today(), opts, seq=seq)
    return _bytes(doc)


_RESERVED = re.compile(r"(?i)^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)")
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]')
MAX_NAME_BYTES = 200  # a file name is at most 255 bytes almost everywhere: room for "-2" and a hash


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
    room = MAX_NAME_BYTES - len(tail.encode("utf-8")) - 4  # "-NNN" for a repeated name
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
