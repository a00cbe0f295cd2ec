"""What the MCP tools answer, as plain data (no MCP SDK here: :mod:`gxlint.mcp.server` binds it).

Every answer is built for an assistant that acts on it: a finding says where it is (line, column,
the quoted text), what is wrong (the message, the arithmetic of an identity), what to change in
words (the rule's own correction, with the finding's numbers) and, when gxlint knows the value,
the change itself (old text → new text at a line and column) with how far it may be trusted: a
safe fix can be applied as it is, a fix to review by hand only after checking the original records,
and a table gxlint could not read with certainty (GX207) is checked against the original, never
"fixed" to make its sums hold.  Answers are bounded (the first N findings, and how many there are)
so that a long report does not flood the assistant's context.

Each function raises :class:`~gxlint.mcp.roots.ToolFailure` with a message (in the server's
language) for input it cannot take; the server turns it into an MCP tool error.
"""

from __future__ import annotations

import datetime
import os
from typing import Any, Optional

from .roots import Roots, ToolFailure

SEVERITIES = ("error", "warning", "information", "hint")
SEVERITY_ZH = {"error": "错误", "warning": "警告", "information": "提示", "hint": "建议"}
DEFAULT_MAX_FINDINGS = 50
QUOTE = 60  # characters of a finding's text quoted
MAX_EDITS = 20  # edits of one finding's change shown (a script conversion may have hundreds)
MAX_CHANGES = 100  # fix_report: the changes listed
FOLDER_FILES = 200  # check_folder: files checked at most
FOLDER_WORST = 3  # check_folder: findings shown per file
COMPARE_CELLS = 60  # compare_reports: changed cells listed


def _say(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _settings(lang: str, year: Optional[int] = None, template: Optional[str] = None, max_bytes: Optional[int] = None):
    from ..config import Settings

    s = Settings(lang=lang)
    kw: dict[str, Any] = {}
    if year is not None:
        kw["year"] = year
    if template is not None:
        kw["template"] = template
    if max_bytes is not None:
        kw["max_bytes"] = max_bytes
    return s.with_(**kw) if kw else s


def _check_size(text: str, settings, lang: str) -> None:
    """Text given inline is held to the same limit as a file (--max-bytes, 20 MB by default)."""
    n = len(text)
    if n * 4 <= settings.max_bytes:
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_bytes:
        from ..io import _mb

        raise ToolFailure(
            _say(
                lang,
                f"文本太大（{_mb(size)}），超过上限 {_mb(settings.max_bytes)}；请分段检查，或只传入年度报告本身",
                f"the text is too large ({_mb(size)}, the limit is {_mb(settings.max_bytes)}); "
                "check the report alone or in parts",
            )
        )


# --- findings --------------------------------------------------------------------------------


def _pos(lines, offset: int) -> tuple[int, int]:
    line, col = lines.position(offset)
    return line + 1, col + 1


def _quote(text: str, start: int, end: int) -> str:
    q = text[start:end]
    return q if len(q) <= QUOTE else q[: QUOTE - 1] + "…"


def finding(d, text: Optional[str], lines, lang: str = "zh") -> dict:
    """One finding as the tools answer it."""
    from ..output import native_location

    start = _pos(lines, d.span.start) if lines is not None else (1, 1)
    end = _pos(lines, d.span.end) if lines is not None else (1, 1)
    data = d.data if isinstance(d.data, dict) else {}
    out: dict[str, Any] = {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "line": start[0],
        "column": start[1],
        "end_line": end[0],
        "end_column": end[1],
        "quote": _quote(text, d.span.start, d.span.end) if text is not None else "",
        "location": native_location(d, lang) or None,
        "correction": data.get("correction") or None,
        "arithmetic": data.get("arithmetic") or None,
        "change": None,
        "note": None,
    }
    if d.fix is not None and text is not None and lines is not None:
        edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
        out["change"] = {
            "title": d.fix.message,
            "safe": d.fix.safe,
            "edits": [
                {
                    "line": _pos(lines, e.start)[0],
                    "column": _pos(lines, e.start)[1],
                    "end_line": _pos(lines, e.end)[0],
                    "end_column": _pos(lines, e.end)[1],
                    "old": text[e.start : e.end],
                    "new": e.new_text,
                }
                for e in edits[:MAX_EDITS]
            ],
            "edits_total": len(edits),
        }
        out["note"] = (
            _say(
                lang,
                "可以直接应用（fix_report 会应用所有这类修改）。",
                "Safe to apply as it is (fix_report applies every such change).",
            )
            if d.fix.safe
            else _say(
                lang,
                "需人工核对：先与原始台账或用户提供的数据核对，确认无误后再改；不能确认时请询问用户。",
                "To review: check it against the original records or the data the user gave first, "
                "and ask the user when you cannot confirm it.",
            )
        )
    if d.code == "GX207":
        out["note"] = _say(
            lang,
            "这张表 gxlint 读不准（原因见说明）：不要为了让合计成立而改数字。请对照原件或原始数据逐格核对，"
            "并把这张表写成每格之间有分隔符（| 或制表符）的样式后再检查。",
            "gxlint could not read this table with certainty (the message says why): do not change its numbers "
            "to make the sums hold. Check it cell by cell against the original, write it with a separator "
            "between cells (| or a tab) and check again.",
        )
    elif d.code == "GX002":
        out["note"] = _say(
            lang, "文件无法读取，没有检查其内容。", "The file could not be read; its content was not checked."
        )
    return out


def counts(diags) -> dict:
    c = {s: 0 for s in SEVERITIES}
    for d in diags:
        c[d.severity.label] += 1
    return c


def _counts_words(c: dict, lang: str) -> str:
    parts = [
        f"{c[s]} 个{SEVERITY_ZH[s]}" if lang != "en" else f"{c[s]} {s}{'s' if c[s] != 1 else ''}"
        for s in SEVERITIES
        if c[s]
    ]
    return ("、" if lang != "en" else ", ").join(parts)


def _ordered(diags) -> list:
    """Errors first, then warnings …; in the order of the text within each severity."""
    return sorted(diags, key=lambda d: (int(d.severity), d.span.start, d.code))


def _summary(res, shown: list[dict], total: int, source: str, lang: str) -> str:
    c = counts(res.diagnostics)
    year = res.report_year
    tpl = res.template
    about = []
    if year:
        about.append(f"{year} 年度" if lang != "en" else f"report year {year}")
    if tpl:
        about.append(f"{tpl} 格式" if lang != "en" else f"template {tpl}")
    head = _say(
        lang,
        f"检查了 {source}" + (f"（{'，'.join(about)}）" if about else ""),
        f"Checked {source}" + (f" ({', '.join(about)})" if about else ""),
    )
    if not total:
        return head + _say(lang, "：没有发现问题。", ": no findings.")
    out = [head + _say(lang, f"：{_counts_words(c, lang)}。", f": {_counts_words(c, lang)}.")]
    if len(shown) < total:
        out.append(
            _say(
                lang,
                f"下面列出前 {len(shown)} 条（错误在前），其余 {total - len(shown)} 条未列出：先改完这些再检查，或调大 max_findings。",
                f"The first {len(shown)} are listed (errors first); {total - len(shown)} more are not: fix these "
                "and check again, or raise max_findings.",
            )
        )
    safe = sum(1 for f in shown if f["change"] and f["change"]["safe"])
    review = sum(1 for f in shown if f["change"] and not f["change"]["safe"])
    words = sum(1 for f in shown if not f["change"] and f["code"] not in ("GX207", "GX002"))
    doubtful = sum(1 for f in shown if f["code"] == "GX207")
    if safe:
        out.append(
            _say(
                lang,
                f"{safe} 条给出了可以直接应用的修改（change）。",
                f"{safe} {'comes' if safe == 1 else 'come'} with a change safe to apply.",
            )
        )
    if review:
        out.append(
            _say(
                lang,
                f"{review} 条给出了具体的修改（change），但需先与原始数据核对再改。",
                f"{review} {'comes' if review == 1 else 'come'} with a change to apply only after checking it against the original data.",
            )
        )
    if words:
        out.append(
            _say(
                lang,
                f"{words} 条没有可以自动确定的改法，请按 correction 所说修改。",
                f"{words} {'has' if words == 1 else 'have'} no change gxlint can determine: do what {'its' if words == 1 else 'their'} correction says.",
            )
        )
    if doubtful:
        out.append(
            _say(
                lang,
                f"{doubtful} 张表读不准（GX207）：请对照原件核对，不要为让合计成立而改数字。",
                f"{doubtful} table(s) could not be read with certainty (GX207): check them against the original; "
                "do not change numbers to make the sums hold.",
            )
        )
    out.append(_say(lang, "改完后请再次调用 check_report 确认。", "Call check_report again after the changes."))
    return "".join(out) if lang != "en" else " ".join(out)


def _report_answer(res, text: Optional[str], source: str, fmt: str, max_findings: int, lang: str) -> dict:
    from ..output import lines_of

    lines = lines_of(res)
    ordered = _ordered(res.diagnostics)
    shown = [finding(d, text, lines, lang) for d in ordered[:max_findings]]
    total = len(ordered)
    return {
        "source": source,
        "format": fmt,
        "report_year": res.report_year,
        "template": res.template,
        "counts": counts(res.diagnostics),
        "total": total,
        "shown": len(shown),
        "clean": total == 0,
        "summary": _summary(res, shown, total, source, lang),
        "findings": shown,
    }


def _unreadable(res, source: str, lang: str) -> None:
    """A file that could not be read at all is an error of the call, with gxlint's reason."""
    if res.doc is None and res.diagnostics and all(d.code in ("GX001", "GX002") for d in res.diagnostics):
        msg = res.diagnostics[0].message
        raise ToolFailure(_say(lang, f"无法检查 {source}：{msg}", f"cannot check {source}: {msg}"))


def _check_range(name: str, value: Optional[int], lo: int, hi: int, lang: str) -> None:
    if value is not None and not lo <= value <= hi:
        raise ToolFailure(
            _say(lang, f"{name} 应在 {lo}–{hi} 之间（现为 {value}）", f"{name} must be {lo}–{hi} (got {value})")
        )


def check_report(
    *,
    text: Optional[str] = None,
    path: Optional[str] = None,
    year: Optional[int] = None,
    template: Optional[str] = None,
    max_findings: int = DEFAULT_MAX_FINDINGS,
    roots: Optional[Roots] = None,
    lang: str = "zh",
    max_bytes: Optional[int] = None,
) -> dict:
    from ..engine import lint, lint_path

    if (text is None) == (path is None):
        raise ToolFailure(
            _say(
                lang,
                "请给出 text（报告全文）或 path（报告文件）二者之一",
                "give either text (the report itself) or path (a report file), not both or neither",
            )
        )
    _check_range("year", year, 2008, 2100, lang)
    _check_range("max_findings", max_findings, 1, 1000, lang)
    settings = _settings(lang, year, template, max_bytes)
    if text is not None:
        _check_size(text, settings, lang)
        res = lint(text, None, settings)
        return _report_answer(res, text, _say(lang, "传入的文本", "the text given"), "text", max_findings, lang)
    assert roots is not None
    assert path is not None  # text or path, checked above
    real = roots.resolve(path)
    if os.path.isdir(real):
        raise ToolFailure(
            _say(lang, f"{path} 是一个目录：检查目录请用 check_folder", f"{path} is a folder: use check_folder")
        )
    shown = roots.shown(real)
    res = lint_path(real, settings, display_path=shown)
    _unreadable(res, shown, lang)
    return _report_answer(res, res.text, shown, res.meta.get("format", "text"), max_findings, lang)


def render_report(ans: dict, lang: str = "zh") -> str:
    """The answer of check_report as text to read (what an assistant's model sees)."""
    out = [ans["summary"]]
    for i, f in enumerate(ans["findings"], 1):
        sev = SEVERITY_ZH.get(f["severity"], f["severity"]) if lang != "en" else f["severity"]
        where = f"第 {f['line']} 行第 {f['column']} 列" if lang != "en" else f"line {f['line']}, column {f['column']}"
        if f["location"]:
            where += f"（{f['location']}）" if lang != "en" else f" ({f['location']})"
        quote = f" 【{f['quote']}】" if f["quote"] else ""
        out.append("")
        out.append(
            f"{i}. [{sev}] {f['code']} {where}{quote}：{f['message']}"
            if lang != "en"
            else f"{i}. [{sev}] {f['code']} at {where}{quote}: {f['message']}"
        )
        if f["correction"]:
            out.append(("   修改要求：" if lang != "en" else "   What to change: ") + f["correction"])
        if f["arithmetic"]:
            out.append(("   计算：" if lang != "en" else "   Arithmetic: ") + f["arithmetic"])
        ch = f["change"]
        if ch:
            label = (
                ("   修改" + ("（可直接应用）" if ch["safe"] else "（需核对原始数据后再改）") + "：")
                if lang != "en"
                else ("   Change" + (" (safe)" if ch["safe"] else " (after checking the original)") + ": ")
            )
            if ch["edits_total"] == 1:
                e = ch["edits"][0]
                at = (
                    f"第 {e['line']} 行第 {e['column']} 列"
                    if lang != "en"
                    else f"line {e['line']}, column {e['column']}"
                )
                out.append(
                    f"{label}{at} 【{e['old']}】 → 【{e['new']}】（{ch['title']}）"
                    if lang != "en"
                    else f"{label}{at} 【{e['old']}】 → 【{e['new']}】 ({ch['title']})"
                )
            else:
                out.append(
                    f"{label}{ch['title']}"
                    + (f"（{ch['edits_total']} 处）" if lang != "en" else f" ({ch['edits_total']} edits)")
                )
        if f["note"] and (not ch or f["code"] == "GX207"):
            out.append(("   注意：" if lang != "en" else "   Note: ") + f["note"])
    return "\n".join(out) + "\n"


# --- fixes -----------------------------------------------------------------------------------


def fix_report(
    *,
    text: str,
    unsafe: bool = False,
    year: Optional[int] = None,
    template: Optional[str] = None,
    lang: str = "zh",
    max_bytes: Optional[int] = None,
) -> dict:
    """Apply the fixes (safe ones; with ``unsafe`` those to review by hand too) until nothing
    changes, as ``gxlint check --fix`` does, and say what changed."""
    from ..engine import lint
    from ..fixes import apply_edits, chosen_edits
    from ..positions import LineIndex

    settings = _settings(lang, year, template, max_bytes)
    _check_size(text, settings, lang)
    original = text
    changes: list[dict] = []
    for _ in range(4):
        res = lint(text, None, settings)
        taken: set = set()
        new, n = apply_edits(text, chosen_edits(res.diagnostics, unsafe=unsafe), taken)
        if n == 0 or new == text:
            break
        lines = LineIndex(text)
        for d in res.diagnostics:
            if d.fix is not None and (d.fix.safe or unsafe) and any(e in taken for e in d.fix.edits):
                line, col = _pos(lines, d.span.start)
                changes.append(
                    {
                        "code": d.code,
                        "title": d.fix.message,
                        "safe": d.fix.safe,
                        "line": line,
                        "column": col,
                        "quote": _quote(text, d.span.start, d.span.end),
                    }
                )
        text = new
    after = lint(text, None, settings)
    left = counts(after.diagnostics)
    review = sum(1 for d in after.diagnostics if d.fix is not None and not d.fix.safe)
    n = len(changes)
    if not n:
        summary = _say(lang, "没有可以自动修复的问题，文本未改动。", "Nothing to fix: the text is unchanged.")
    else:
        summary = _say(lang, f"修复了 {n} 处问题", f"Fixed {n} finding{'s' if n != 1 else ''}")
        if unsafe and any(not c["safe"] for c in changes):
            summary += _say(
                lang,
                "，其中有需人工核对的修改：请与原始数据逐一核对",
                ", some of them changes to review: check each against the original data",
            )
        summary += _say(lang, "。", ".")
    rest = sum(left.values())
    if rest:
        summary += _say(
            lang,
            f"修复后仍有 {_counts_words(left, lang)}，请用 check_report 查看并按修改要求处理。",
            f" {_counts_words(left, lang)} remain: see them with check_report and do what their corrections say.",
        )
    if review and not unsafe:
        summary += _say(
            lang,
            f"其中 {review} 条有需人工核对的修改，核对原始数据后可用 unsafe=true 应用。",
            f" {review} of them have a change to review; after checking the original data, unsafe=true applies them.",
        )
    return {
        "text": text,
        "changed": text != original,
        "fixed": n,
        "changes": changes[:MAX_CHANGES],
        "remaining": left,
        "summary": summary,
    }


def render_fix(ans: dict, lang: str = "zh") -> str:
    out = [ans["summary"]]
    for c in ans["changes"]:
        tag = "" if c["safe"] else _say(lang, "（需核对）", " (to review)")
        out.append(
            f"- {c['code']} "
            + (f"第 {c['line']} 行第 {c['column']} 列" if lang != "en" else f"line {c['line']}, column {c['column']}")
            + f" 【{c['quote']}】：{c['title']}{tag}"
            if lang != "en"
            else f"- {c['code']} line {c['line']}, column {c['column']} 【{c['quote']}】: {c['title']}{tag}"
        )
    if len(ans["changes"]) < ans["fixed"]:
        out.append(
            _say(
                lang,
                f"……（另有 {ans['fixed'] - len(ans['changes'])} 处未列出）",
                f"… ({ans['fixed'] - len(ans['changes'])} more)",
            )
        )
    return "\n".join(out) + "\n"


# --- rules -----------------------------------------------------------------------------------


def _find_rule(code: str, lang: str):
    from ..engine import find_rule

    if not isinstance(code, str) or not code.strip():
        raise ToolFailure(_say(lang, "请给出规则代码，如 GX301", "give a rule code, e.g. GX301"))
    cls = find_rule(code)
    if cls is None:
        from ..configfile import suggest

        raise ToolFailure(
            _say(lang, f"没有这条规则：{code}", f"no such rule: {code}")
            + suggest(code.strip(), lang)
            + _say(lang, "（全部规则见资源 gxlint://rules）", " (every rule: the resource gxlint://rules)")
        )
    return cls


def _example(sections: dict, kind: str) -> Optional[str]:
    import re

    m = re.search(r"```report " + kind + r"\n(.*?)```", sections.get("示例", ""), re.S)
    return m.group(1) if m else None


def explain_rule(*, code: str, lang: str = "zh") -> dict:
    from .. import families
    from ..docs import HEADER_NOTE, render_rule, rule_sections, rule_title

    cls = _find_rule(code, lang)
    sections = rule_sections(cls)
    page = render_rule(cls).replace(HEADER_NOTE + "\n\n", "", 1)
    return {
        "code": cls.code,
        "name": cls.name,
        "title": rule_title(cls),
        "summary_en": getattr(cls, "summary_en", "") or None,
        "family": cls.family,
        "family_zh": families.name(cls.family),
        "severity": cls.severity.label,
        "fixable": bool(cls.fixable),
        "what": sections.get("检查内容"),
        "why": sections.get("为什么"),
        "bad_example": _example(sections, "bad"),
        "good_example": _example(sections, "good"),
        "basis": sections.get("依据"),
        "page": page,
    }


def rules_catalogue(lang: str = "zh") -> list[dict]:
    from ..docs import rule_title
    from ..engine import registry

    return [
        {
            "code": c.code,
            "name": c.name,
            "family": c.family,
            "severity": c.severity.label,
            "fixable": bool(c.fixable),
            "summary": (getattr(c, "summary_en", "") or rule_title(c)) if lang == "en" else rule_title(c),
        }
        for c in registry().values()
    ]


# --- skeleton --------------------------------------------------------------------------------


def new_report_skeleton(
    *, year: Optional[int] = None, template: Optional[str] = None, organ: Optional[str] = None, lang: str = "zh"
) -> dict:
    from .. import templates
    from ..templates.skeleton import ORGAN_PLACEHOLDER, default_year, skeleton

    year = default_year() if year is None else year
    latest = datetime.date.today().year + 1
    _check_range("year", year, 2019, latest, lang)
    required = templates.for_year(year)
    if template is not None and required is not None and template != required:
        raise ToolFailure(
            _say(
                lang,
                f"{year} 年度的报告应使用 {required} 格式，不是 {template}",
                f"a {year} report uses the {required} format, not {template}",
            )
        )
    template = template or required or "v2019"
    organ = (organ or "").strip() or ORGAN_PLACEHOLDER
    if len(organ) > 100 or any(ch in organ for ch in "\r\n|"):
        raise ToolFailure(
            _say(
                lang,
                "机关名称应为一行文字（不超过 100 字，不含 |）",
                "the organ's name is one line (100 characters at most, no |)",
            )
        )
    text = skeleton(year, template, organ)
    return {
        "year": year,
        "template": template,
        "text": text,
        "summary": _say(
            lang,
            f"{year} 年度报告的官方框架（{template} 格式）：六个部分的标题和表二、三、四的全部行列，数字都是 0。"
            "填入本机关的数字和文字后，用 check_report 检查。",
            f"The official skeleton of a {year} report ({template}): the six part headings and every row and "
            "column of tables 2, 3 and 4, each number 0. Fill in the organ's figures and words, then check it "
            "with check_report.",
        ),
    }


def template_text(version: str) -> str:
    """The official template as a skeleton (gxlint://template/2019, gxlint://template/2021)."""
    from ..templates.skeleton import skeleton

    vid = "v" + version if not version.startswith("v") else version
    year = {"v2019": 2020, "v2021": 2025}.get(vid)
    if year is None:
        raise ToolFailure(f"unknown template {version!r} (2019, 2021)")
    return skeleton(year, vid)


# --- folders ---------------------------------------------------------------------------------


def _walk(root: str, roots: Roots, limit: int) -> tuple[list[str], list[tuple[str, str]], bool]:
    """Report files under ``root`` (sorted; folders gxlint skips and hidden ones left out; links
    that lead outside the roots skipped); at most ``limit``."""
    from ..files import SKIP_DIRS
    from ..read import supported

    files: list[str] = []
    skipped: list[tuple[str, str]] = []
    more = False
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(names):
            p = os.path.join(folder, name)
            if name.startswith(".") or not supported(p):
                continue
            real = os.path.realpath(p)
            if not roots.inside(real):
                skipped.append((p, "outside"))
                continue
            if not os.path.isfile(real):
                continue
            if len(files) >= limit:
                more = True
                return files, skipped, more
            files.append(p)
    return files, skipped, more


def check_folder(
    *, path: str, max_files: int = FOLDER_FILES, roots: Roots, lang: str = "zh", max_bytes: Optional[int] = None
) -> dict:
    from ..batch import Task, check_one
    from ..output import lines_of

    _check_range("max_files", max_files, 1, 2000, lang)
    real = roots.resolve(path)
    if not os.path.isdir(real):
        raise ToolFailure(
            _say(
                lang,
                f"{path} 不是目录：检查一份报告请用 check_report",
                f"{path} is not a folder: use check_report for one report",
            )
        )
    settings = _settings(lang, max_bytes=max_bytes)
    found, outside, more = _walk(real, roots, max_files)
    results = []
    not_reports = []
    for p in found:
        res = check_one(Task(p, _shown(roots, p), settings, walked=True, root=real))
        if res.meta.get("not_report"):
            not_reports.append(res.path)
            continue
        results.append(res)
    if len(results) > 1:  # year to year (GX7): the folder's reports of one organ
        from ..across.run import apply

        try:
            apply(results, lambda _p: settings)
        except Exception:  # the per-file findings stand without them
            pass
    files = []
    for res in results:
        c = counts(res.diagnostics)
        worst = _ordered(res.diagnostics)[:FOLDER_WORST]
        lines = lines_of(res)
        files.append(
            {
                "path": res.path,
                "counts": c,
                "total": len(res.diagnostics),
                "report_year": res.report_year,
                "worst": [
                    {
                        k: v
                        for k, v in finding(d, res.text, lines, lang).items()
                        if k in ("code", "severity", "message", "line", "column", "location", "correction")
                    }
                    for d in worst
                ],
            }
        )
    files.sort(key=lambda f: (-f["counts"]["error"], -f["counts"]["warning"], f["path"]))
    totals = {s: sum(f["counts"][s] for f in files) for s in SEVERITIES}
    with_errors = sum(1 for f in files if f["counts"]["error"])
    skipped = [
        {
            "path": _shown(roots, p),
            "reason": _say(lang, "链接指向允许读取的目录之外", "a link to outside the folders gxlint may read"),
        }
        for p, _ in outside
    ]
    skipped += [
        {
            "path": p,
            "reason": _say(lang, "不像年度报告（没有标题、部分标题或表格）", "does not look like an annual report"),
        }
        for p in not_reports
    ]
    summary = _say(
        lang,
        f"检查了 {roots.shown(real)} 中的 {len(files)} 份报告：{with_errors} 份有错误；共 {_counts_words(totals, lang) or '没有问题'}。",
        f"Checked {len(files)} reports in {roots.shown(real)}: {with_errors} with errors; "
        f"{_counts_words(totals, lang) or 'no findings'} in all.",
    )
    if more:
        summary += _say(
            lang,
            f"文件超过 {max_files} 份，只检查了前 {max_files} 份（按路径排序）。",
            f" More than {max_files} files: the first {max_files} (by path) were checked.",
        )
    if files:
        summary += _say(
            lang,
            "按错误多少排列；每份列出最严重的几条，详情用 check_report 查看。",
            " Listed by errors, most first, with each file's worst findings; check_report gives the details.",
        )
    return {
        "folder": roots.shown(real),
        "checked": len(files),
        "truncated": more,
        "totals": totals,
        "files": files,
        "skipped": skipped,
        "summary": summary,
    }


def _shown(roots: Roots, p: str) -> str:
    """A walked file as shown: relative to the root it was found under (its link not resolved)."""
    ab = os.path.abspath(p)
    for root in roots.folders:
        try:
            if os.path.commonpath([root, ab]) == root:
                return os.path.relpath(ab, root).replace(os.sep, "/")
        except ValueError:
            continue
    return ab


def render_folder(ans: dict, lang: str = "zh") -> str:
    out = [ans["summary"]]
    for f in ans["files"]:
        c = f["counts"]
        out.append("")
        out.append(
            f"{f['path']}：{_counts_words(c, lang) or '没有问题'}"
            if lang != "en"
            else f"{f['path']}: {_counts_words(c, lang) or 'no findings'}"
        )
        for w in f["worst"]:
            out.append(
                f"  - {w['code']} "
                + (f"第 {w['line']} 行" if lang != "en" else f"line {w['line']}")
                + f"：{w['message']}"
                if lang != "en"
                else f"  - {w['code']} line {w['line']}: {w['message']}"
            )
    for s in ans["skipped"]:
        out.append(_say(lang, f"未检查 {s['path']}：{s['reason']}", f"not checked: {s['path']}: {s['reason']}"))
    return "\n".join(out) + "\n"


# --- comparison ------------------------------------------------------------------------------


def compare_reports(*, old: str, new: str, roots: Roots, lang: str = "zh", max_bytes: Optional[int] = None) -> dict:
    """This year's report against last year's (``gxlint compare``): the headline figures, the
    changed cells, the parts copied word for word."""
    from ..across.compare import compare
    from ..across.compare_cli import load
    from ..errors import UsageError

    paths = []
    for p in (old, new):
        real = roots.resolve(p)
        if os.path.isdir(real):
            raise ToolFailure(_say(lang, f"{p} 是一个目录，请给出一份报告", f"{p} is a folder: give a report file"))
        paths.append(real)
    try:
        docs = [load(p, max_bytes=max_bytes, lang=lang) for p in paths]
    except UsageError as exc:
        raise ToolFailure(str(exc)) from None
    (odoc, ofmt), (ndoc, nfmt) = docs
    shown = [roots.shown(p) for p in paths]
    swapped = odoc.meta.year is not None and ndoc.meta.year is not None and odoc.meta.year > ndoc.meta.year
    if swapped:
        odoc, ndoc, ofmt, nfmt = ndoc, odoc, nfmt, ofmt
        shown.reverse()
    cmp = compare(odoc, ndoc, shown[0], shown[1], old_format=ofmt, new_format=nfmt)
    d = cmp.to_dict()
    changed = [c for c in d["cells"] if c.get("changed")]
    d["cells"] = changed[:COMPARE_CELLS]
    d["cells_total"] = len(changed)
    d["swapped"] = swapped
    d["summary"] = d["summary_en"] if lang == "en" else d["summary"]
    for s in d.get("sections", []):
        for k in list(s):
            if isinstance(s[k], str) and len(s[k]) > 400:
                s[k] = s[k][:399] + "…"
    return d


def render_compare(ans: dict, lang: str = "zh") -> str:
    import json

    head = ans["summary"]
    if ans.get("swapped"):
        head = (
            _say(lang, "（按年度先后对调了两份报告）", "(the two reports were swapped to put the earlier year first) ")
            + head
        )
    body = {k: ans[k] for k in ("old", "new", "organ", "figures", "cells", "cells_total", "sections") if k in ans}
    return head + "\n\n" + json.dumps(body, ensure_ascii=False, indent=1) + "\n"
