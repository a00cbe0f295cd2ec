"""``gxlint compare OLD NEW -o compare.html``: one self-contained page (CSS and a few lines of
script inline; no request leaves the page): the summary and key figures, every cell of tables
二/三/四 with last year's value beside this year's (changed cells highlighted), and the text of
both years side by side, section by section, with the passages carried over highlighted on both
sides (hovering one lights up the other).  The script is :file:`compare.js` beside this module,
linted with the reviewer's page's script (:mod:`gxlint.report.html`)."""

from __future__ import annotations

from html import escape
from typing import Any, Optional

from .. import __version__
from ..report.html import page_script
from .compare import COPIED_SHARE, Comparison, K

T: dict[str, dict[str, Any]] = {  # words (str) and the organ notes (a dict of str)
    "zh": {
        "title": "与上年对比",
        "last": "上年",
        "this": "本年",
        "summary": "概要",
        "figures": "主要数字",
        "figure": "指标",
        "change": "变化",
        "cells": "统计表",
        "text": "正文对比",
        "row": "项目",
        "column": "栏目",
        "doubt": "读取不确定（表格数字连在一起等），不计变化，请以原表为准",
        "only": "只在一年的表格中",
        "copied": "沿用上年的文字",
        "carried": "沿用上年文字",
        "legend": f"黄色：与上年同一部分连续 {K} 个字以上相同的文字（两栏对应）；悬停一段，另一栏的同一段同时标出。",
        "tables_only": "没有正文文字（只有表格）",
        "missing": "此年没有这一部分",
        "gx705": f"超过 {COPIED_SHARE * 100:.0f}%：GX705 提示照抄上一年",
        "of": "字中",
        "chars": "字",
        "changed": "个有变化",
        "cellsn": "个单元格",
        "organ": {
            "same": "",
            "places": "同一机关（一份写了上级地名）",
            "unsettled": "注意：无法确定两份报告是同一机关的",
            "different": "注意：两份报告不是同一机关的",
        },
        "years": "注意：两份报告不是相邻年度",
        "generator": "gxlint",
    },
    "en": {
        "title": "Compared with last year",
        "last": "Last year",
        "this": "This year",
        "summary": "Summary",
        "figures": "Key figures",
        "figure": "Figure",
        "change": "Change",
        "cells": "Tables",
        "text": "The text",
        "row": "Row",
        "column": "Column",
        "doubt": "read without certainty (digits run together …): no change "
        "computed, the table itself is authoritative",
        "only": "in one year's table only",
        "copied": "carried over from last year",
        "carried": "carried over",
        "legend": f"Yellow: runs of {K}+ characters found in last year's same section (the two columns "
        "correspond); hover a passage to light up the other side.",
        "tables_only": "no text besides the tables",
        "missing": "no such section this year",
        "gx705": f"over {COPIED_SHARE * 100:.0f}%: GX705 says copied from last year",
        "of": "of",
        "chars": "characters",
        "changed": "changed",
        "cellsn": "cells",
        "organ": {
            "same": "",
            "places": "the same organ (one writes the places above it)",
            "unsettled": "Note: not settled whether the two reports are the same organ's",
            "different": "Note: the two reports are not the same organ's",
        },
        "years": "Note: the reports are not of consecutive years",
        "generator": "gxlint",
    },
}

CSS = r"""
:root{--ink:#1f2328;--muted:#5c6370;--line:#d7dbe0;--head:#f3f5f8;--up:#1b5e20;--down:#b71c1c;--chg:#fff1c2;--copy:#ffe58a;--hl:#ffb300}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:var(--ink);background:#fafbfc}
header{background:#1f3a5f;color:#fff;padding:10px 20px}
header h1{margin:0;font-size:18px;font-weight:600}
header .files{font-size:13px;opacity:.95;display:flex;flex-wrap:wrap;gap:4px 24px;margin-top:4px}
header .note{background:#fff3d6;color:#6d4c00;border-radius:4px;padding:2px 8px;margin-top:6px;display:inline-block;font-size:13px}
main{padding:12px 20px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;margin-bottom:14px}
section>h2{margin:0;padding:8px 12px;font-size:15px;background:var(--head);border-bottom:1px solid var(--line)}
section>.body{padding:10px 12px;overflow:auto}
p.summary{margin:0 0 10px}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #c9ced6;padding:3px 7px}
th{background:var(--head);font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.l{max-width:420px}
tr.changed td,td.changed{background:var(--chg)}
td.doubt,tr.doubt td{color:#888;font-style:italic}
td.only{color:#999}
.up{color:var(--up)}.down{color:var(--down)}
.cell .o{color:var(--muted);margin-right:4px}
.cell .o::after{content:" →"}
h3.t{font-size:14px;margin:12px 0 4px}
.legend{font-size:13px;color:var(--muted);margin-bottom:8px}
.sec{border-top:1px solid var(--line);padding-top:8px;margin-top:8px}
.sec:first-of-type{border-top:0;margin-top:0;padding-top:0}
.sec h3{margin:0 0 6px;font-size:14px;display:flex;gap:12px;align-items:baseline;flex-wrap:wrap}
.sec h3 .share{font-weight:400;font-size:13px;color:var(--muted)}
.sec h3 .flag{font-weight:600;font-size:12px;color:#b26a00;background:#fff3d6;border-radius:3px;padding:0 6px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.col{min-width:0}
.col h4{margin:0 0 2px;font-size:12px;color:var(--muted);font-weight:600}
pre.doc{white-space:pre-wrap;word-break:break-all;margin:0;font:13.5px/1.75 "Noto Sans Mono CJK SC","Noto Sans CJK SC",monospace;background:#fcfcfd;border:1px solid #eceff3;border-radius:4px;padding:6px 8px;max-height:520px;overflow:auto}
mark.copy{background:var(--copy);color:inherit;border-radius:2px;cursor:pointer}
mark.copy.hl{background:var(--hl);outline:1px solid #b26a00}
.empty{color:var(--muted);font-style:italic}
footer{font-size:12px;color:var(--muted);padding:0 20px 16px}
"""


def _num(v, unit: str = "") -> str:
    from ..diagnostics import fmt_num

    if v is None:
        return "—"
    return f"{v:.1f}%" if unit == "%" else fmt_num(v)


def _change(old, new, unit: str, lang: str) -> tuple[str, str]:
    """(text, css class) of a change."""
    from .compare_cli import change_text

    if old is None or new is None:
        return "—", ""
    d = new - old
    return change_text(old, new, unit, lang), ("up" if d > 0 else "down" if d < 0 else "")


def _marked(text: str, a: int, b: int, spans: list[tuple[int, int, list[int]]]) -> str:
    """text[a:b] escaped, with each (start, end, passage ids) marked."""
    out = []
    pos = a
    for s, e, ids in spans:
        s, e = max(s, pos), min(e, b)
        if e <= s:
            continue
        out.append(escape(text[pos:s]))
        out.append(f'<mark class="copy" data-p="{" ".join(map(str, ids))}">{escape(text[s:e])}</mark>')
        pos = e
    out.append(escape(text[pos:b]))
    return "".join(out)


def _merge(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, list[int]]]:
    """Overlapping spans (last year's side: two passages may come from one place) merged."""
    out: list[tuple[int, int, list[int]]] = []
    for s, e, i in sorted(spans):
        if out and s < out[-1][1]:
            ps, pe, ids = out[-1]
            out[-1] = (ps, max(pe, e), ids + [i])
        else:
            out.append((s, e, [i]))
    return out


def _figures(cmp: Comparison, t: dict, lang: str) -> str:
    rows = []
    for f in cmp.figures:
        ch, cls = _change(f.old, f.new, f.unit, lang)
        state = " doubt" if not f.certain else (" changed" if f.delta else "")
        title = f' title="{escape(t["doubt"])}"' if not f.certain else ""
        rows.append(
            f'<tr class="fig{state}" data-id="{f.id}"{title}><td>{escape(f.en if lang == "en" else f.zh)}</td>'
            f'<td class="n">{_num(f.old, f.unit)}</td><td class="n">{_num(f.new, f.unit)}</td>'
            f'<td class="n {cls}">{escape(ch)}</td></tr>'
        )
    head = f"<tr><th>{t['figure']}</th><th>{t['last']}</th><th>{t['this']}</th><th>{t['change']}</th></tr>"
    return f'<table class="figs" id="figures"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _cell_td(c, t: dict, lang: str) -> str:
    if c.old is None or c.new is None:
        return (
            f'<td class="n cell only" data-key="{escape(c.key)}" title="{escape(t["only"])}">'
            f"{_num(c.new if c.old is None else c.old)}</td>"
        )
    if not c.certain:
        return (
            f'<td class="n cell doubt" data-key="{escape(c.key)}" title="{escape(t["doubt"])}">'
            f'<span class="o">{_num(c.old)}</span>{_num(c.new)}?</td>'
        )
    if c.changed:
        ch, cls = _change(c.old, c.new, "", lang)
        return (
            f'<td class="n cell changed" data-key="{escape(c.key)}" title="{escape(ch)}">'
            f'<span class="o">{_num(c.old)}</span><b class="{cls}">{_num(c.new)}</b></td>'
        )
    return f'<td class="n cell" data-key="{escape(c.key)}">{_num(c.new)}</td>'


def _tables(cmp: Comparison, t: dict, lang: str) -> str:
    from ..identities import COLUMN_NAMES_EN, T4_GROUPS, T4_PARTS

    names = {
        "t2": ("表二 主动公开政府信息情况", "Table 2"),
        "t3": ("表三 收到和处理政府信息公开申请情况", "Table 3"),
        "t4": ("表四 政府信息公开行政复议、行政诉讼情况", "Table 4"),
    }
    out = []
    for kind in ("t2", "t3", "t4"):
        cells = [c for c in cmp.cells if c.table == kind]
        if not cells:
            continue
        out.append(f'<h3 class="t">{escape(names[kind][1 if lang == "en" else 0])}</h3>')
        if kind == "t2":  # blocks with different columns: one line per cell
            rows = "".join(
                f'<tr><td class="l">{escape(c.row_label)}</td><td>{escape(c.column_label)}</td>'
                f"{_cell_td(c, t, lang)}</tr>"
                for c in cells
            )
            out.append(
                f'<table class="cmp" data-table="t2"><thead><tr><th>{t["row"]}</th><th>{t["column"]}</th>'
                f"<th>{t['last']} → {t['this']}</th></tr></thead><tbody>{rows}</tbody></table>"
            )
            continue
        if kind == "t3":
            cols: list[str] = []
            for c in cells:
                if c.column not in cols:
                    cols.append(c.column)
            labels = {
                c.column: (COLUMN_NAMES_EN.get(c.column, c.column_label) if lang == "en" else c.column_label)
                for c in cells
            }
            by_row: dict = {}
            for c in cells:
                by_row.setdefault((c.row, c.row_label), {})[c.column] = c
            body = []
            for (_rid, label), row in by_row.items():
                tds = "".join(_cell_td(row[col], t, lang) if col in row else "<td></td>" for col in cols)
                body.append(f'<tr><td class="l">{escape(label)}</td>{tds}</tr>')
            head = "".join(f"<th>{escape(labels[c])}</th>" for c in cols)
            out.append(
                f'<table class="cmp" data-table="t3"><thead><tr><th>{t["row"]}</th>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table>"
            )
            continue
        by_col = {c.column: c for c in cells}
        parts = [(p, n) for p, n in T4_PARTS] + [("tot", "总计")]
        head = "".join(f"<th>{escape(n)}</th>" for _p, n in parts)
        body = []
        for g, gname in T4_GROUPS:
            tds = "".join(
                _cell_td(by_col[f"{g}.{p}"], t, lang) if f"{g}.{p}" in by_col else "<td></td>" for p, _n in parts
            )
            body.append(f'<tr><td class="l">{escape(gname)}</td>{tds}</tr>')
        out.append(
            f'<table class="cmp" data-table="t4"><thead><tr><th>{t["row"]}</th>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )
    return "".join(out)


def _sections(cmp: Comparison, t: dict, lang: str) -> str:
    old_text, new_text = cmp.old_text or "", cmp.new_text or ""
    out = [f'<div class="legend">{escape(t["legend"])}</div>']
    pid = 0
    for s in cmp.sections:
        new_spans, old_spans = [], []
        for p in s.passages:
            new_spans.append((p["new"][0], p["new"][1], [pid]))
            old_spans.append((p["old"][0], p["old"][1], pid))
            pid += 1
        if s.share is not None:
            same = sum(p["chars"] for p in s.passages)
            share = (
                f"{t['carried']} {s.share * 100:.1f}%（{s.new_chars} {t['of']} {same} {t['chars']}）"
                if lang != "en"
                else f"{t['carried']}: {s.share * 100:.1f}% ({same} {t['of']} {s.new_chars} {t['chars']})"
            )
        elif s.old_span is not None and s.new_span is not None:
            share = t["tables_only"]
        else:
            share = t["missing"] if s.new_span is None else ""
        flag = f'<span class="flag">{escape(t["gx705"])}</span>' if s.copied else ""

        def column(side: str, text: str, span: Optional[tuple], marks) -> str:
            label = t["last"] if side == "old" else t["this"]
            year = (cmp.old if side == "old" else cmp.new).year
            if span is None:
                inner = f'<div class="empty">{escape(t["missing"])}</div>'
            else:
                inner = f'<pre class="doc">{_marked(text, span[0], span[1], marks)}</pre>'
            return f'<div class="col {side}"><h4>{escape(label)}{f"（{year}）" if year else ""}</h4>{inner}</div>'

        out.append(
            f'<div class="sec" data-section="{s.index}" data-share="{"" if s.share is None else f"{s.share:.4f}"}">'
            f'<h3>{escape(s.title)}<span class="share">{escape(share)}</span>{flag}</h3><div class="cols">'
            f"{column('old', old_text, s.old_span, _merge(old_spans))}"
            f"{column('new', new_text, s.new_span, sorted(new_spans))}</div></div>"
        )
    return "".join(out)


def render(cmp: Comparison, lang: str = "zh") -> str:
    t = T["en" if lang == "en" else "zh"]
    o, n = cmp.old, cmp.new
    organ = n.organ or o.organ or ""
    title = (
        f"{t['title']}：{organ} {o.year or '?'} → {n.year or '?'}"
        if lang != "en"
        else f"{t['title']}: {organ} {o.year or '?'} → {n.year or '?'}"
    )
    notes = []
    if t["organ"].get(cmp.organ):
        notes.append(t["organ"][cmp.organ] + f"（{o.organ or '—'} / {n.organ or '—'}）")
    if o.year is not None and n.year is not None and n.year - o.year != 1:
        notes.append(f"{t['years']}（{o.year}、{n.year}）")
    files = (
        f"<span>{t['last']}：{escape(o.path)}（{escape(o.organ or '—')}）</span>"
        f"<span>{t['this']}：{escape(n.path)}（{escape(n.organ or '—')}）</span>"
    )
    changed = sum(1 for c in cmp.cells if c.changed)
    summary = cmp.summary_en if lang == "en" else cmp.summary
    cells_head = (
        f"{t['cells']}（{len(cmp.cells)} {t['cellsn']}，{changed} {t['changed']}）"
        if lang != "en"
        else f"{t['cells']} ({len(cmp.cells)} {t['cellsn']}, {changed} {t['changed']})"
    )
    body = (
        f'<section id="summary"><h2>{t["summary"]}</h2><div class="body"><p class="summary">{escape(summary)}</p>'
        f"{_figures(cmp, t, lang)}</div></section>"
        f'<section id="cells"><h2>{escape(cells_head)}</h2><div class="body">{_tables(cmp, t, lang)}</div></section>'
        f'<section id="text"><h2>{t["text"]}</h2><div class="body">{_sections(cmp, t, lang)}</div></section>'
    )
    notes_html = "".join(f'<div class="note">{escape(x)}</div>' for x in notes)
    return (
        '<!DOCTYPE html>\n<html lang="' + ("en" if lang == "en" else "zh-CN") + '">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'\">\n"
        f'<meta name="generator" content="gxlint {escape(__version__)}">\n<title>{escape(title)}</title>\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{escape(title)}</h1><div class="files">{files}</div>{notes_html}</header>\n'
        f"<main>{body}</main>\n<footer>gxlint {escape(__version__)}</footer>\n<script>\n{page_script(__package__, 'compare.js')}</script>\n</body>\n</html>\n"
    )
