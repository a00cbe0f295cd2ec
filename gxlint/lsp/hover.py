"""Hover: the arithmetic a table cell takes part in, a prose number, and the rule docs of a
diagnostic under the cursor.  Markdown text built from the linted Document."""

from __future__ import annotations

from typing import Optional

from ..diagnostics import Diagnostic, fmt_num
from ..engine import check_code
from ..identities import COLUMN_NAMES, COLUMN_NAMES_EN, all_identities
from ..model import GUESSED, Cell, Document

MAX_IDENTITIES = 4
TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
TABLE_NAMES_EN = {"t2": "table 2", "t3": "table 3", "t4": "table 4"}


def _at(span, offset: int) -> bool:
    return span is not None and (
        span.start <= offset < span.end
        or span.start == span.end == offset
        or (span.end == offset and span.end > span.start)
    )


def _cell_row_at(doc: Document, offset: int):
    for kind, table in doc.tables.items():
        if not (table.span.start <= offset <= table.span.end):
            continue
        for row in table.rows.values():
            for c in row.cells:
                if _at(c.span, offset):
                    return kind, row, c
    return None


def rule_doc_summary(doc: str) -> str:
    """A rule's documentation without its examples (## 示例) — what it checks, why, the basis."""
    out: list[str] = []
    skip = False
    for line in (doc or "").splitlines():
        if line.startswith("## "):
            skip = line.strip() in ("## 示例", "## Examples")
        if not skip:
            out.append(line)
    return "\n".join(out).strip()


def hover_markdown(
    doc: Optional[Document], diagnostics: list[Diagnostic], offset: int, lang: str = "zh", docs_href=None, previous=None
) -> Optional[str]:
    """``previous``: last year's index entry of this report's organ (its digest has every cell)."""
    parts: list[str] = []
    en = lang == "en"
    if doc is not None:
        hit = _cell_row_at(doc, offset)
        if hit is not None:
            kind, row, cell = hit
            label = row.label
            cols = COLUMN_NAMES_EN if en else COLUMN_NAMES
            tname = (TABLE_NAMES_EN if en else TABLE_NAMES).get(kind, kind)
            colname = cols.get(cell.column, cell.column)
            value = (
                fmt_num(cell.value)
                if cell.value is not None
                else ("(blank)" if en and cell.blank else "（空）" if cell.blank else repr(cell.raw))
            )
            parts.append(f"**{tname} · {label} · {colname}** = `{value}`")
            note = _reading_note(doc, cell, en)
            if note:
                parts.append(note)
            last = _last_year(previous, kind, row.id, cell, en)
            if last:
                parts.append(last)
            idents = [i for i in all_identities(doc) if any(c is cell for c in i.cells())]
            for ident in idents[:MAX_IDENTITIES]:
                parts.append(_identity_line(ident, en))
        for claim in doc.claims:
            if _at(claim.span, offset):
                parts.extend(_claim_lines(claim, en))
                break
    for d in diagnostics:
        if not _at(d.span, offset):
            continue
        head = f"**{d.code} {d.name}** — {d.message}"
        if docs_href is not None:
            head += f" ([{'docs' if en else '规则说明'}]({docs_href(d.code)}))"
        parts.append(head)
        for r in d.related[:8]:
            parts.append(f"- {r.message}")
        from ..engine import registry

        cls = registry().get(d.code)
        if cls is not None and cls.doc:
            parts.append(rule_doc_summary(cls.doc))
    if not parts:
        return None
    return "\n\n".join(parts)


HOW = {
    "split": (
        "此格是拆分得出的：原文丢失了单元格分隔，相邻单元格的数字连在一起；按单元格数目和本行的合计关系，"
        "只有这一种拆分成立。请以原表为准。",
        "This cell was recovered: the text lost its cell separators and the digits of neighbouring cells "
        "run together; this is the only split the cell count and the row's totals allow. The original "
        "table is authoritative.",
    ),
    "glued": (
        "此格的数字与行标签连在一起，已切分出来（只有这一种读法）。",
        "This number was glued to its row label and cut off it (the only reading).",
    ),
    "joined": (
        "此格的数字在单元格内折行，已合为一个数（只有这一种读法）。",
        "This number was wrapped inside its cell and joined again (the only reading).",
    ),
    "placed": (
        "此格是推断的：行标签与数值分开，数值按位置对应到这一行；据此不报告错误（GX207）。",
        "This cell is a guess: the row label stands apart from its values, matched by position; no "
        "error rests on it (GX207).",
    ),
    "merged": (
        "此格是推断的：转换时两行合并成了一行，又按位置拆开；据此不报告错误（GX207）。",
        "This cell is a guess: a converter merged two rows into one, taken apart by position; no error "
        "rests on it (GX207).",
    ),
    "page": (
        "此格所在行后面单独一个数字，当作页码去掉了；它也可能是单元格内折行的数字。据此不报告错误（GX207）。",
        "A lone number after this row was taken for a page number; it may be a digit wrapped in its "
        "cell. No error rests on this row (GX207).",
    ),
    "blank": (
        "此格的空白是推断的（原文没有显示空白单元格）；据此不报告错误（GX207）。",
        "This blank is inferred (the text shows no empty cell); no error rests on it (GX207).",
    ),
    "letters": (
        "此格数字中混有字母，可能是扫描件文字识别（OCR）的误读；据此不报告错误（GX207）。",
        "Letters among this number's digits: perhaps a scan misread by OCR; no error rests on it (GX207).",
    ),
}
COUNT = (
    "这一行的数字之间只有空格，个数与模板不符，哪个数属于哪一列无法确定；据此不报告错误（GX207）。",
    "This row's numbers are separated by spaces only, not as many as the template has: which number "
    "belongs to which column is not certain; no error rests on it (GX207).",
)


def _last_year(previous, kind: str, rid: str, cell: Cell, en: bool) -> Optional[str]:
    """上年（2023）：`81` → 本年 `218`（+137，+169.1%）"""
    dg = getattr(previous, "digest", None)
    if dg is None:
        return None
    from ..across.compare import cell_key

    key = cell_key(kind, rid, cell.column)
    old = dg.value(key)
    y = previous.year
    if old is None:
        return f"Last year ({y}): not in that report's table" if en else f"上年（{y}）报告的表中没有这一格"
    head = f"Last year ({y}): `{fmt_num(old)}`" if en else f"上年（{y}）：`{fmt_num(old)}`"
    if not dg.certain(key):
        return head + (" (read without certainty)" if en else "（读取不确定）")
    if cell.value is None or not cell.certain:
        return head
    d = cell.value - old
    if d == 0:
        return head + (", unchanged" if en else "，与上年相同")
    ch = (
        ("+" if d > 0 else "−")
        + fmt_num(abs(d))
        + ((f", {d / old * 100:+.1f}%" if en else f"，{d / old * 100:+.1f}%") if old else "")
    )
    return head + (f" → `{fmt_num(cell.value)}` ({ch})" if en else f" → 本年 `{fmt_num(cell.value)}`（{ch}）")


UNREADABLE = {
    "zh": "这一行的数字连在一起，有不止一种拆分方式，无法确定各单元格的数值（GX207）。",
    "en": "The digits of this row run together and can be split in more than one way: its cells "
    "cannot be read with certainty (GX207).",
}


def _reading_note(doc: Document, cell: Cell, en: bool) -> Optional[str]:
    """What the parser says of how sure it is of this cell (gxlint.model GRADES, Cell.how)."""
    lang = "en" if en else "zh"
    for t in doc.tables.values():
        for row in t.rows.values():
            if any(c is cell for c in row.cells):
                if row.unreadable:
                    return UNREADABLE[lang]
                if cell.how in HOW:
                    return HOW[cell.how][1 if en else 0]
                if cell.certainty == GUESSED:
                    return COUNT[1 if en else 0]
                return None
    return None


def _identity_line(ident, en: bool) -> str:
    if ident.skipped:
        state = f"not checked: {ident.skipped}" if en else f"未核对：{ident.skipped}"
        mark = "·"
    elif ident.holds:
        state, mark = ("holds" if en else "成立"), "✓"
    elif ident.holds is None:
        state, mark = ("not checked" if en else "未核对"), "·"
    else:
        state, mark = ("does not hold" if en else "不成立"), "✗"
    return f"{mark} {ident.where}（{check_code(ident.check)}）：`{ident.arithmetic()}` — {state}"


def _subject_name(claim, en: bool) -> str:
    """The prose rules' wording of what a number counts (GX401's subject_names), if available."""
    import sys

    from ..engine import registry

    cls = registry().get("GX401")
    fn = getattr(sys.modules.get(cls.module), "subject_names", None) if cls is not None else None
    if fn is not None:
        try:
            zh, en_name = fn(claim)
            return en_name if en else zh
        except Exception:
            pass
    return claim.subject


def _claim_lines(claim, en: bool) -> list[str]:
    """A prose number: what it counts and the table figures it must equal, with the arithmetic."""
    what = _subject_name(claim, en) if claim.subject else ""
    approx = (" (approximate)" if en else "（约数）") if claim.approx else ""
    head = f"**{'Number in the text' if en else '正文数字'}** `{fmt_num(claim.value)}{claim.unit}`"
    if what:
        head += f" — {what}{approx}"
    out = [head]
    targets = claim.extra.get("targets") if isinstance(claim.extra, dict) else None
    for t in list(targets or ())[:3]:
        try:
            terms = [(lbl, cell) for lbl, cell in t["terms"]]
            total = t["value"]
        except Exception:
            continue
        nums = " + ".join(f"{lbl} {fmt_num(cell.value if cell is not None else None)}" for lbl, cell in terms)
        if total is None:
            mark = "·"
        else:
            mark = "✓" if abs(total - claim.value) < 1e-9 else "✗"
        eq = f"{nums} = {fmt_num(total)}" if len(terms) > 1 else nums
        out.append(
            f"{mark} {'table' if en else '表中'}：{eq}，{'the text says' if en else '正文为'} {fmt_num(claim.value)}"
        )
    return out
