"""The reviewer's model of a batch: one plain dict per report, shared by the HTML, XLSX and DOCX
writers (``gxlint report``).

Built from the engine's :class:`~gxlint.engine.Result` (the findings, as ``check`` gives them)
and the parsed :class:`~gxlint.model.Document` of the same text (organ, level, year, dates,
template, sections, the three tables and their identities from :mod:`gxlint.identities`).
Everything here is JSON-serialisable; offsets are code points into the report's text.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any, Optional

from .. import families
from ..diagnostics import fmt_num
from ..engine import check_code
from ..identities import COLUMN_NAMES, COLUMN_NAMES_EN, T4_GROUPS, T4_PARTS, all_identities, row_name
from ..output import safe_text

LEVEL_NAMES = {
    "department": ("政府部门", "department"),
    "government": ("人民政府", "government"),
    "township": ("乡镇街道", "township/street"),
    None: ("未识别", "unknown"),
}
VERDICT_NAMES = {
    "fail": ("不合格", "fail"),
    "revise": ("需修改", "revise"),
    "pass": ("合格", "pass"),
    "unreadable": ("无法审查", "cannot be reviewed"),
}
VERDICTS = ("fail", "revise", "pass", "unreadable")
SEVERITY_NAMES = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "information": ("提示", "information"),
    "hint": ("提示", "hint"),
}
TEMPLATE_NAMES = {
    "v2019": ("2019 版格式", "2019 format"),
    "v2021": ("2021 版格式", "2021 format"),
    "pre2019": ("2019 年以前的格式", "pre-2019 format"),
    None: ("未识别", "unknown"),
}
TABLE_TITLES = {
    "t2": ("表二 主动公开政府信息情况", "Table 2 — proactive disclosure"),
    "t3": ("表三 收到和处理政府信息公开申请情况", "Table 3 — requests received and handled"),
    "t4": ("表四 行政复议、行政诉讼情况", "Table 4 — administrative review and litigation"),
}
SECTION_OTHER = ("其他（标题、落款等）", "Other (title, signature …)")


def name(table: dict, key, lang: str) -> str:
    pair = table.get(key) or table.get(None) or (str(key), str(key))
    return pair[1] if lang == "en" else pair[0]


def display_text(s: Optional[str]) -> Optional[str]:
    """A title or organ name as a letter writes it: pinyin annotations dropped (年度報(bào)告), in
    simplified characters, a line break inside it joined (洪泽区人民政府⏎2023年… is one title),
    other runs of spaces made one; controls and bidi overrides shown as escapes."""
    if not s:
        return s
    import re

    from ..parse.normalize import strip_pinyin, t2s

    t = t2s(strip_pinyin(s))
    # a break or spaces between two Chinese characters (or a digit after one) is a wrap, not a word gap
    t = re.sub(r"(?<=[\u2e80-\u9fff\uff00-\uffef）》」』])[ \t\u3000]*[\r\n]+[ \t\u3000]*", "", t)
    t = re.sub(r"[ \t\u3000]*[\r\n]+[ \t\u3000]*(?=[\u2e80-\u9fff\uff00-\uffef（《「『0-9])", "", t)
    t = re.sub(r"\s+", " ", t).strip()
    return safe_text(t)


def _family_of(code: str) -> str:
    from ..engine import registry

    cls = registry().get(code)
    fam = getattr(cls, "family", "") if cls is not None else ""
    return fam if fam in families.BY_KEY else "engine"


def deadline_of(year: Optional[int], level: Optional[str], township_deadline=None) -> Optional[tuple]:
    """The publication deadline of GX502 late-publication (条例第四十九条)."""
    if year is None:
        return None
    if year < 2019 and level in ("department", "government"):
        return (year + 1, 3, 31)
    if level == "department":
        return (year + 1, 1, 31)
    if level == "government":
        return (year + 1, 3, 31)
    if level == "township" and township_deadline:
        import re

        m = re.fullmatch(r"\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*", str(township_deadline))
        if m:
            return (year + 1, int(m.group(1)), int(m.group(2)))
    return None


def _iso(d) -> Optional[str]:
    return None if not d else f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def _days(a, b) -> Optional[int]:
    try:
        return (_dt.date(*a) - _dt.date(*b)).days
    except (TypeError, ValueError):
        return None


def identity_text(ident) -> str:
    """``162 + 3 = 165 ≠ 162 + 0``: the parts of the total side, then of the other side."""

    def side(terms):
        return " + ".join(fmt_num(t.value) if t.cell is not None else "（缺）" for t in terms)

    a, b = ident.lhs_value, ident.rhs_value
    left, right = side(ident.lhs), side(ident.rhs)
    if len(ident.lhs) > 1 and a is not None:
        left += f" = {fmt_num(a)}"
    elif len(ident.rhs) > 1 and b is not None:
        right += f" = {fmt_num(b)}"
    rel = "=" if ident.holds else ("≠" if ident.holds is False else "?")
    return f"{left} {rel} {right}"


def identity_label(ident) -> str:
    """The identity in words: （七）总计 = （一）予以公开 + …"""

    def side(terms):
        if len(terms) > 6:  # a column of table 三: first + … + last, not 22 row names
            return f"{terms[0].label} + … + {terms[-1].label}（{len(terms)} 项）"
        return " + ".join(t.label for t in terms)

    return f"{side(ident.lhs)} = {side(ident.rhs)}"


def _column_names(table, lang: str) -> dict[str, str]:
    from .. import templates

    names: dict[str, str] = {}
    if table.kind == "t2":
        try:
            for block in templates.version(table.version or "v2021")["t2"]["block"]:
                for cid, label in block["columns"]:
                    names.setdefault(cid, label)
        except Exception:
            pass
    elif table.kind == "t4":
        for g, gname in T4_GROUPS:
            for p, pname in T4_PARTS:
                names[f"{g}.{p}"] = f"{gname}·{pname}"
            names[f"{g}.tot"] = f"{gname}·总计"
    else:
        names = COLUMN_NAMES_EN if lang == "en" else COLUMN_NAMES
    return names


def _section_of(doc, offset: int) -> Optional[int]:
    for s in doc.sections:
        if s.span.start <= offset < max(s.body.end, s.span.end):
            return s.index
    return None


def _segments(text: str, findings: list[dict]) -> list:
    """The text cut at every finding boundary: [[text, [finding indices]], …]; an empty span
    (a finding about something missing) is a zero-length segment at its place."""
    points = {0, len(text)}
    for f in findings:
        points.add(min(f["start"], len(text)))
        points.add(min(f["end"], len(text)))
    cuts = sorted(points)
    out: list = []
    empties: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        if f["start"] >= f["end"]:
            empties.setdefault(min(f["start"], len(text)), []).append(i)
    spans = [(f["start"], f["end"], i) for i, f in enumerate(findings) if f["start"] < f["end"]]
    for a, b in zip(cuts, cuts[1:] + [None]):
        if a in empties:
            out.append(["", empties.pop(a)])
        if b is None:
            break
        cover = [i for s, e, i in spans if s <= a and b <= e]
        if out and not cover and not out[-1][1]:
            out[-1][0] += text[a:b]
        else:
            out.append([text[a:b], cover])
    return out


def build_report(res, doc, lang: str = "zh", settings=None, index: int = 0, include_text: bool = True) -> dict:
    """One report of the batch (see the module docstring)."""
    from ..positions import LineIndex

    text = res.text or ""
    lines = doc.lines if doc is not None else LineIndex(text)
    meta = doc.meta if doc is not None else None
    level = getattr(settings, "organ_level", None) or (meta.organ_level if meta else None)
    year = res.report_year if res.report_year is not None else (meta.year if meta else None)
    published = (meta.published or meta.signature.date) if meta else None
    published_from = ("published" if meta and meta.published else "signature") if published else None
    deadline = deadline_of(year, level, getattr(settings, "township_deadline", None))
    path = res.path or "-"

    findings = []
    sections = {}
    if doc is not None:
        for s in doc.sections:
            sections[s.index] = s.canonical
    for d in res.diagnostics:
        start, end = d.span.start, d.span.end
        line, col = lines.position(min(start, len(text)))
        sev = d.severity.label
        fam = _family_of(d.code)
        accepted = bool(d.data.get("baselined")) if isinstance(d.data, dict) else False
        reason = d.data.get("baselined") if accepted and isinstance(d.data.get("baselined"), str) else ""
        where = None
        if doc is not None:
            for kind, t in doc.tables.items():
                if t.span.start <= start < max(t.span.end, t.span.start + 1):
                    where = kind
                    break
        sec = _section_of(doc, start) if doc is not None else None
        native = d.data.get("source") if isinstance(d.data, dict) else None
        findings.append(
            {
                "code": d.code,
                "name": d.name,
                "severity": sev,
                "family": fam,
                "message": d.message,
                "start": start,
                "end": end,
                "line": line + 1,
                "column": col + 1,
                "where": place(native, line, doc, start, lang),
                "quote": text[start:end][:200],
                "excerpt": excerpt(text, start, end, lines),
                "section": sec,
                "table": where,
                "related": [
                    {
                        "message": r.message,
                        "start": r.span.start,
                        "end": r.span.end,
                        "line": lines.position(min(r.span.start, len(text)))[0] + 1,
                    }
                    for r in d.related[:12]
                ],
                "fix": d.fix.message if d.fix is not None else None,
                "correction": (d.data.get("correction") or "") if isinstance(d.data, dict) else "",
                "accepted": accepted,
                "reason": reason,
            }
        )
    open_ = [f for f in findings if not f["accepted"]]
    counts = {f.key: {"error": 0, "warning": 0, "info": 0} for f in families.FAMILIES}
    for f in open_:
        key = f["severity"] if f["severity"] in ("error", "warning") else "info"
        counts[f["family"]][key] += 1
    errors = sum(c["error"] for c in counts.values())
    warnings = sum(c["warning"] for c in counts.values())
    infos = sum(c["info"] for c in counts.values())
    verdict = "fail" if errors else ("revise" if warnings else "pass")
    # a file gxlint could not read (an image-only PDF, an old .doc, a damaged file) was not
    # reviewed: it is neither failed nor passed, it is sent again in a readable form
    unreadable = [f["message"] for f in open_ if f["code"] == "GX002"]
    if unreadable or res.text is None:
        verdict = "unreadable"

    organ = (meta.organ if meta else None) or None
    rep = {
        # names are shown, never obeyed: a bidi override in "gnp.exe" must not read "exe.png"
        "index": index,
        "path": safe_text(path),
        "file": safe_text(os.path.basename(path)),
        "organ": display_text(organ) if organ else None,
        "title": display_text(meta.title) if meta and meta.title else None,
        "format": (res.meta.get("format") if isinstance(res.meta, dict) else None) or "text",
        "unreadable": unreadable,
        "level": level,
        "year": year,
        "template": res.template,
        "published": _iso(published),
        "published_from": published_from,
        "deadline": _iso(deadline),
        "days_late": _days(published, deadline) if published and deadline else None,
        "pub_day": _days(published, (year + 1, 1, 1)) if published and year else None,
        "counts": counts,
        "errors": errors,
        "warnings": warnings,
        "infos": infos,
        "accepted": sum(1 for f in findings if f["accepted"]),
        "verdict": verdict,
        "rules": sorted({f["code"] for f in open_}),
        "findings": findings,
        "sections": {str(k): v for k, v in sections.items()},
        "tables": _tables(doc, findings, lang) if doc is not None else [],
    }
    if include_text:
        rep["segments"] = _segments(text, findings)
    return rep


SHORT_TABLES = {"t2": ("表二", "table 2"), "t3": ("表三", "table 3"), "t4": ("表四", "table 4")}


def place(native: Optional[dict], line: int, doc, offset: int, lang: str = "zh") -> str:
    """Where the organ finds a finding in its own document: the native place of a .docx/.html/
    .pdf (第 4 页; 表 2 第 24 行第 2 列; 第 12 段 — never a line of gxlint's text view), the line of
    a text file, then the row of the statistics table it is in when the native place does not
    name a table row (第 4 页，表四“行政复议”行)."""
    from ..read import describe

    en = lang == "en"
    where = describe(native, lang) if isinstance(native, dict) and native else ""
    if not where:
        where = f"line {line + 1}" if en else f"第 {line + 1} 行"
    if doc is not None and not (isinstance(native, dict) and native.get("row")):
        at = _row_at(doc, offset)
        if at is not None:
            kind, t, r = at
            tname = name(SHORT_TABLES, kind, lang)
            cell = next(
                (
                    c
                    for c in r.cells
                    if c.span is not None and c.span.start <= offset < max(c.span.end, c.span.start + 1)
                ),
                None,
            )
            col = _column_names(t, lang).get(cell.column, "") if cell is not None else ""
            if kind == "t4":  # one row of numbers: its column names the group and the outcome
                where += (
                    (f", {tname} “{col}”" if en else f"，{tname}“{col}”")
                    if col
                    else (f", {tname}" if en else f"，{tname}")
                )
            else:
                label = display_text(r.written or r.label) or r.label
                where += f", {tname} row “{label}”" if en else f"，{tname}“{label}”行"
                if col:
                    where += f" column “{col}”" if en else f"“{col}”列"
    return where


def _row_at(doc, offset: int):
    for kind, t in doc.tables.items():
        if not (t.span.start <= offset < max(t.span.end, t.span.start + 1)):
            continue
        for r in t.rows.values():
            sp = r.span
            if sp.start <= offset < max(sp.end, sp.start + 1):
                return kind, t, r
    return None


def excerpt(text: str, start: int, end: int, lines) -> str:
    """A quote the organ can search its document for: the finding's own text when it is long enough
    to be found (ten characters or more), else its line (up to 30 characters on either side, the
    finding's text in 【】)."""
    q = " ".join(text[start:end].split())
    if len(q) >= 10:
        return q if len(q) <= 80 else q[:78] + "……"
    n = max(0, min(start, len(text)))
    ln = lines.line_of(n)
    a, b = lines.line_start(ln), lines.line_end(ln)
    e = max(n, min(end, b))
    left, mid, right = text[max(a, n - 30) : n], text[n:e], text[e : min(b, e + 30)]
    if not (left + mid + right).strip():
        return q
    left = ("……" if n - 30 > a else "") + " ".join(left.split()) + (" " if left[-1:].isspace() and left.strip() else "")
    right = (
        (" " if right[:1].isspace() and right.strip() else "") + " ".join(right.split()) + ("……" if e + 30 < b else "")
    )
    if not (left.strip() or right.strip()):
        return " ".join(mid.split())  # the finding is its whole line: nothing to mark it off from
    return f"{left.lstrip()}【{mid.strip()}】{right.rstrip()}" if mid.strip() else f"{left}{right}".strip()


def _tables(doc, findings: list[dict], lang: str) -> list[dict]:
    idents = all_identities(doc)
    cell_ids: dict[int, tuple[str, int, int]] = {}
    out = []
    for kind in ("t2", "t3", "t4"):
        t = doc.tables.get(kind)
        if t is None:
            continue
        names = _column_names(t, lang)
        cols: list[str] = []
        for row in t.rows.values():
            for c in row.cells:
                if c.column not in cols:
                    cols.append(c.column)
        for c in t.columns:
            if c not in cols:
                cols.append(c)
        rows = []
        for ri, row in enumerate(t.rows.values()):
            cells: list[Optional[dict[str, Any]]] = [None] * len(cols)
            for c in row.cells:
                ci = cols.index(c.column)
                cells[ci] = {
                    "raw": c.raw,
                    "value": c.value,
                    "start": c.span.start,
                    "end": c.span.end,
                    "state": "",
                    "idents": [],
                }
                cell_ids[id(c)] = (kind, ri, ci)
            label = row_name(row) if kind != "t4" else (row.written or row.label)
            rows.append(
                {
                    "label": label,
                    "written": row.written,
                    "cells": cells,
                    "unreadable": bool(row.unreadable or row.unreliable),
                }
            )
        out.append(
            {
                "kind": kind,
                "title": name(TABLE_TITLES, kind, lang),
                "columns": [names.get(c, "") for c in cols],
                "rows": rows,
                "identities": [],
                "missing": len(t.missing),
                "unreadable": bool(t.unreadable),
                "start": t.span.start,
                "end": t.span.end,
            }
        )
    by_kind = {t["kind"]: t for t in out}
    for ident in idents:
        found = [cell_ids.get(id(c)) for c in ident.cells()]
        places = [c for c in found if c is not None]
        if not places:
            continue
        t = by_kind.get(places[0][0])
        if t is None:
            continue
        state = "skip" if ident.skipped else ("ok" if ident.holds else ("fail" if ident.holds is False else "skip"))
        k = len(t["identities"])
        target = cell_ids.get(id(ident.target)) if ident.target is not None else None
        culprit = cell_ids.get(id(ident.culprit)) if ident.culprit is not None else None
        t["identities"].append(
            {
                "code": check_code(ident.check),
                "where": ident.where,
                "label": identity_label(ident),
                "text": identity_text(ident),
                "state": state,
                "skipped": ident.skipped or "",
                "cells": [[r, c] for _k, r, c in places],
                "target": [target[1], target[2]] if target else None,
                "culprit": [culprit[1], culprit[2]] if culprit else None,
                "fix": fmt_num(ident.extra["culprit_fix"])
                if ident.culprit is not None and "culprit_fix" in ident.extra
                else None,
            }
        )
        for _k, r, c in places:
            cell = t["rows"][r]["cells"][c]
            cell["idents"].append(k)
            if state == "fail" and cell["state"] != "fail":
                cell["state"] = "part"
        if state == "fail":
            for at in (culprit or target,):  # the cell to correct: the one both sums point at, else the total
                if at:
                    t["rows"][at[1]]["cells"][at[2]]["state"] = "fail"
    # a cell a finding points at (a blank cell, a malformed number …) fails too
    for t in out:
        for row in t["rows"]:
            for cell in row["cells"]:
                if cell is None:
                    continue
                for f in findings:
                    if (
                        not f["accepted"]
                        and f["start"] < f["end"]
                        and f["start"] <= cell["start"]
                        and cell["end"] <= f["end"]
                        and f["family"] == "template"
                        and f["end"] - f["start"] < 40
                    ):
                        cell["state"] = "fail"
    return out


def build_batch(reports: list[dict], lang: str = "zh", skipped=()) -> dict:
    """The whole batch: reports, totals, rule names and the display names the pages need."""
    from ..engine import registry

    reg = registry()
    codes = sorted({f["code"] for r in reports for f in r["findings"]})
    rules = {
        c: {"name": reg[c].name if c in reg else c, "title": rule_title(c, lang), "family": _family_of(c)}
        for c in codes
    }
    return {
        "lang": lang,
        "generated": _dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "reports": reports,
        "rules": rules,
        "skipped": [list(s) for s in skipped],
        "names": {
            "families": {f.key: families.review_name(f.key, lang) for f in families.FAMILIES},
            "levels": {str(k): name(LEVEL_NAMES, k, lang) for k in LEVEL_NAMES},
            "verdicts": {k: name(VERDICT_NAMES, k, lang) for k in VERDICT_NAMES},
            "severities": {k: name(SEVERITY_NAMES, k, lang) for k in SEVERITY_NAMES},
            "templates": {str(k): name(TEMPLATE_NAMES, k, lang) for k in TEMPLATE_NAMES},
            "other_section": SECTION_OTHER[1 if lang == "en" else 0],
        },
    }


def rule_title(code: str, lang: str = "zh") -> str:
    """A rule's title: the Chinese words of its documentation's first line (GX502 late-publication
    — 发布晚于法定期限), its name in English."""
    from ..engine import registry

    cls = registry().get(code)
    if cls is None:
        return code
    if lang == "en":
        return cls.name
    first = (cls.doc or "").splitlines()[0] if cls.doc else ""
    return first.split("—", 1)[1].strip() if "—" in first else cls.name


def display_organ(rep: dict, lang: str = "zh") -> str:
    return rep.get("organ") or (f"（{rep['file']}）" if lang != "en" else f"({rep['file']})")


def comparison_view(cmp, max_cells: int = 300, max_passages: int = 8) -> dict:
    """The 与上年对比 view of a report (:class:`gxlint.across.compare.Comparison`): the summary, the
    key figures, the cells that changed (read with certainty on both sides), each section's share
    of text carried over with its longest passages."""
    sections = []
    for s in cmp.sections:
        longest = sorted(s.passages, key=lambda p: -p["chars"])[:max_passages]
        sections.append(
            {
                "index": s.index,
                "title": s.title,
                "share": s.share,
                "copied": s.copied,
                "chars": s.new_chars,
                "passages": [
                    {"start": p["new"][0], "end": p["new"][1], "chars": p["chars"], "text": p["text"][:160]}
                    for p in longest
                ],
            }
        )
    changed = [c for c in cmp.cells if c.changed]
    return {
        "prev_path": cmp.old.path,
        "prev_year": cmp.old.year,
        "prev_organ": cmp.old.organ,
        "organ": cmp.organ,
        "summary": cmp.summary,
        "summary_en": cmp.summary_en,
        "figures": [f.to_dict() for f in cmp.figures],
        "cells": len(cmp.cells),
        "changed": [c.to_dict() for c in changed[:max_cells]],
        "changed_count": len(changed),
        "sections": sections,
    }
