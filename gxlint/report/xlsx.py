"""The batch as a spreadsheet (openpyxl, imported here only): a sheet of reports (the overview's
columns) and a sheet of findings (file, organ, where the organ finds it in its own document — page;
table, row, column; paragraph —, rule, severity, message, a quote, what to correct), each with a
frozen header, filters and column widths that fit Chinese text."""

from __future__ import annotations

import io
import unicodedata

from ..families import FAMILIES, review_name
from .model import display_organ


def text_width(s) -> int:
    """Display width in columns: a Chinese character (East Asian wide/full) counts two."""
    w = 0
    for ch in str(s if s is not None else ""):
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def headers(lang: str) -> tuple[list[str], list[str]]:
    en = lang == "en"
    fam = [review_name(f.key, lang) for f in FAMILIES]
    if en:
        reports = (
            ["File", "Organ", "Level", "Report year", "Published", "Deadline", "Days late", "Template"]
            + [f"{f} errors" for f in fam]
            + [f"{f} warnings" for f in fam]
            + ["Errors", "Warnings", "Notes", "Accepted (baseline)", "Verdict", "Rules"]
        )
        findings = [
            "File",
            "Organ",
            "Where",
            "Section",
            "Rule",
            "Rule title",
            "Severity",
            "Family",
            "Message",
            "Text",
            "What to correct",
            "Accepted (baseline)",
        ]
    else:
        reports = (
            ["文件", "机关", "层级", "报告年度", "发布日期", "发布期限", "逾期天数", "格式"]
            + [f"{f}错误" for f in fam]
            + [f"{f}警告" for f in fam]
            + ["错误", "警告", "提示", "已接受（基线）", "结论", "涉及规则"]
        )
        findings = [
            "文件",
            "机关",
            "位置",
            "部分",
            "规则",
            "规则名称",
            "严重程度",
            "类别",
            "问题",
            "原文",
            "修改要求",
            "已接受（基线）",
        ]
    return reports, findings


def report_rows(batch: dict) -> list[list]:
    lang = batch["lang"]
    n = batch["names"]
    rows = []
    for r in batch["reports"]:
        rows.append(
            [
                r["path"],
                display_organ(r, lang),
                n["levels"][str(r["level"])],
                r["year"],
                r["published"],
                r["deadline"],
                r["days_late"] if (r["days_late"] or 0) > 0 else None,
                n["templates"].get(str(r["template"]), r["template"]),
            ]
            + [r["counts"][f.key]["error"] for f in FAMILIES]
            + [r["counts"][f.key]["warning"] for f in FAMILIES]
            + [r["errors"], r["warnings"], r["infos"], r["accepted"], n["verdicts"][r["verdict"]], " ".join(r["rules"])]
        )
    return rows


def finding_rows(batch: dict) -> list[list]:
    lang = batch["lang"]
    n = batch["names"]
    yes = "yes" if lang == "en" else "是"
    rows = []
    for r in batch["reports"]:
        for f in r["findings"]:
            sec = r["sections"].get(str(f["section"])) if f["section"] is not None else n["other_section"]
            rows.append(
                [
                    r["path"],
                    display_organ(r, lang),
                    f["where"],
                    sec,
                    f["code"],
                    batch["rules"].get(f["code"], {}).get("title", f["name"]),
                    n["severities"][f["severity"]],
                    n["families"][f["family"]],
                    f["message"],
                    f.get("excerpt") or f["quote"][:120],
                    f.get("correction") or "",
                    yes if f["accepted"] else "",
                ]
            )
    return rows


def render(batch: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    lang = batch["lang"]
    rh, fh = headers(lang)
    wb = Workbook()
    ws1 = wb.active
    ws1.title = "Reports" if lang == "en" else "报告"
    ws2 = wb.create_sheet("Findings" if lang == "en" else "问题")
    head_font = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DCE6F1")
    verdict_fill = {
        "fail": PatternFill("solid", fgColor="F8CBCB"),
        "revise": PatternFill("solid", fgColor="FFEBB3"),
        "pass": PatternFill("solid", fgColor="D5EDD6"),
        "unreadable": PatternFill("solid", fgColor="E0E0E0"),
    }
    sheets = (
        (ws1, rh, report_rows(batch), {1: 40, 2: 30}),
        (ws2, fh, finding_rows(batch), {0: 40, 2: 36, 8: 70, 9: 40, 10: 50}),
    )
    for ws, head, rows, caps in sheets:
        ws.append(head)
        for row in rows:
            ws.append([_safe(v) for v in row])
            for c in ws[ws.max_row]:
                if isinstance(c.value, str) and c.value.startswith("="):
                    c.data_type = "s"  # a text that looks like a formula stays text
        for c in ws[1]:
            c.font = head_font
            c.fill = head_fill
            c.alignment = Alignment(vertical="center", wrap_text=True)
        ws.freeze_panes = "A2" if ws is ws2 else "C2"
        ws.auto_filter.ref = ws.dimensions
        for i, h in enumerate(head):
            width = max([text_width(h)] + [text_width(r[i]) for r in rows[:2000]]) + 2
            cap = caps.get(i, 24)
            ws.column_dimensions[get_column_letter(i + 1)].width = max(6, min(width, cap))
            if width > cap:
                for cell in ws.iter_rows(min_row=2, min_col=i + 1, max_col=i + 1):
                    cell[0].alignment = Alignment(wrap_text=True, vertical="top")
    vcol = rh.index("Verdict" if lang == "en" else "结论") + 1
    for k, r in enumerate(batch["reports"]):
        ws1.cell(row=k + 2, column=vcol).fill = verdict_fill[r["verdict"]]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _safe(v):
    """A cell value openpyxl accepts: control characters (other than tab/newlines) dropped."""
    if isinstance(v, str):
        v = "".join(ch for ch in v if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")
    return v
