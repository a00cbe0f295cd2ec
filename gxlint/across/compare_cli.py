"""``gxlint compare OLD NEW``: what changed since last year — text (the terminal), JSON or one
self-contained HTML page (:mod:`gxlint.across.compare_html`).  Any format on either side (.txt,
.md, .docx, .html, .pdf), read through :mod:`gxlint.read` like ``check``.  Exit 0 when compared,
2 when a file cannot be read or the arguments are wrong; what differs is never a failure."""

from __future__ import annotations

import os
import sys
from typing import Optional

from .compare import COPIED_SHARE, SHORT_NAMES, CellChange, Comparison, K, compare


def _say(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def load(path: str, *, template: Optional[str] = None, max_bytes: Optional[int] = None, lang: str = "zh"):
    """(Document, format) of a report file; raises UsageError with the reason it cannot be read."""
    from .. import guard
    from ..config import Settings
    from ..engine import engine_diagnostic
    from ..errors import UsageError
    from ..io import DecodeError, read_bytes
    from ..model import Span
    from ..parse import parse
    from ..read import read

    settings = Settings()
    if max_bytes is not None:
        settings = settings.with_(max_bytes=max_bytes)
    settings = settings.with_(lang=lang)
    try:
        data = read_bytes(path, max_bytes=settings.max_bytes)
        src = read(data, path, max_bytes=settings.max_bytes)
    except DecodeError as exc:
        d = engine_diagnostic("GX002", exc.message_id, Span(0, 0), settings, **exc.kwargs)
        raise UsageError(f"{path}: {d.message}") from None
    except FileNotFoundError:
        raise UsageError(_say(lang, f"路径不存在：{path}", f"no such file: {path}")) from None
    except IsADirectoryError:
        raise UsageError(
            _say(lang, f"{path} 是一个目录，请给出一份报告", f"{path} is a folder: give a report file")
        ) from None
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror or exc}") from None
    except Exception as exc:  # a reader's bug or a hostile file: said, never a traceback
        raise UsageError(
            _say(lang, f"{path}：无法读取（{type(exc).__name__}）", f"{path}: cannot be read ({type(exc).__name__})")
        ) from None
    seconds = guard.DEFAULT_SECONDS
    try:
        with guard.budget(seconds):
            doc = parse(src.text, path, template=template, native=src.native_cells)
    except TimeoutError:
        raise UsageError(
            _say(lang, f"{path}：读取超时（{seconds:g} 秒）", f"{path}: reading took longer than {seconds:g} s")
        ) from None
    return doc, src.format


def main(args) -> int:
    from ..errors import EXIT_OK, UsageError

    lang = args.lang or "zh"
    fmt = args.format or ("html" if (args.output or "").lower().endswith((".html", ".htm")) else "text")
    for p in (args.old, args.new):
        if p == "-":
            raise UsageError(
                _say(lang, "gxlint compare 不读标准输入，请给出两个文件", "gxlint compare reads two files, not -")
            )
    old, ofmt = load(args.old, template=args.template, max_bytes=args.max_bytes, lang=lang)
    new, nfmt = load(args.new, template=args.template, max_bytes=args.max_bytes, lang=lang)
    swapped = False
    if old.meta.year is not None and new.meta.year is not None and old.meta.year > new.meta.year:
        old, new, ofmt, nfmt = new, old, nfmt, ofmt  # the later year is "this year"
        paths = (args.new, args.old)
        swapped = True
    else:
        paths = (args.old, args.new)
    from .. import configfile

    aliases = None
    try:  # the organs' renames of the configuration beside this year's report ([tool.gxlint.organs])
        cfg = configfile.find_config(os.path.dirname(os.path.abspath(paths[1])))
        if cfg:
            aliases = configfile.load(cfg).organs
    except (configfile.ConfigError, OSError, ValueError):
        aliases = None
    cmp = compare(old, new, paths[0], paths[1], old_format=ofmt, new_format=nfmt, aliases=aliases)
    if fmt == "json":
        import json

        d = cmp.to_dict()
        d["swapped"] = swapped
        d["gram"] = K
        out = json.dumps(d, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        from .compare_html import render

        out = render(cmp, lang)
    else:
        out = render_text(cmp, lang, all_cells=args.all, swapped=swapped)
    if args.output:
        from ..batch import write_output

        try:
            write_output(args.output, out.encode("utf-8"))
        except OSError as exc:
            raise UsageError(f"{args.output}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(out)
        sys.stdout.flush()
    return EXIT_OK


# --- text ------------------------------------------------------------------------------------

SOURCES = {
    "title": ("标题", "title"),
    "signature": ("落款", "signature"),
    "opening": ("开头一句", "opening sentence"),
    "source": ("网页来源", "source line"),
    "file": ("文件名", "file name"),
    "": ("未识别", "not found"),
}
RELATION = {
    "same": ("同一机关", "the same organ"),
    "places": ("同一机关（一份写了上级地名）", "the same organ (one writes the places above it)"),
    "unsettled": ("无法确定是否同一机关", "not settled whether it is the same organ"),
    "different": ("不是同一机关", "different organs"),
}
TABLES = {"t2": ("表二", "table 2"), "t3": ("表三", "table 3"), "t4": ("表四", "table 4")}


def _num(v, unit: str = "") -> str:
    from ..diagnostics import fmt_num

    if v is None:
        return "—"
    if unit == "%":
        return f"{v:.1f}%"
    return fmt_num(v)


def change_text(old, new, unit: str = "", lang: str = "zh") -> str:
    """+37（+40.7%）, −2, 0, —"""
    from ..diagnostics import fmt_num

    if old is None or new is None:
        return "—"
    d = new - old
    if unit == "%":
        return f"{d:+.1f} 个百分点" if lang != "en" else f"{d:+.1f} points"
    s = ("+" if d > 0 else "−" if d < 0 else "") + fmt_num(abs(d))
    if d and old:
        s += f"（{d / old * 100:+.1f}%）" if lang != "en" else f" ({d / old * 100:+.1f}%)"
    return s


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, n: int) -> str:
    return s + " " * max(0, n - _width(s))


def _cell_line(c: CellChange, lang: str) -> str:
    en = lang == "en"
    from ..identities import COLUMN_NAMES_EN

    t = TABLES[c.table][1 if en else 0]
    col = COLUMN_NAMES_EN.get(c.column, c.column_label) if en and c.table == "t3" else c.column_label
    where = f"{t} {c.row_label} · {col}" if c.table != "t4" else f"{t} {col}"
    if c.old is None or c.new is None:
        doubt = _say(lang, "只在一年的表格中", "in one year's table only")
        return (
            f"  {where}：{_num(c.old)} → {_num(c.new)}（{doubt}）"
            if not en
            else f"  {where}: {_num(c.old)} → {_num(c.new)} ({doubt})"
        )
    if not c.certain:
        doubt = _say(lang, "读取不确定", "read without certainty")
        return (
            f"  {where}：{_num(c.old)} → {_num(c.new)}（{doubt}）"
            if not en
            else f"  {where}: {_num(c.old)} → {_num(c.new)} ({doubt})"
        )
    ch = change_text(c.old, c.new, "", lang)
    return (
        f"  {where}：{_num(c.old)} → {_num(c.new)}（{ch}）"
        if not en
        else f"  {where}: {_num(c.old)} → {_num(c.new)} ({ch})"
    )


def render_text(cmp: Comparison, lang: str = "zh", *, all_cells: bool = False, swapped: bool = False) -> str:
    en = lang == "en"
    o, n = cmp.old, cmp.new
    name = n.organ or o.organ or _say(lang, "（机关未识别）", "(organ not found)")
    out = [
        _say(
            lang,
            f"与上年对比：{name} {o.year or '?'} → {n.year or '?'}",
            f"Compared with last year: {name} {o.year or '?'} → {n.year or '?'}",
        )
    ]
    for label, side in ((_say(lang, "上年", "last year"), o), (_say(lang, "本年", "this year"), n)):
        src = SOURCES.get(side.organ_source, SOURCES[""])[1 if en else 0]
        out.append(
            f"  {label}：{side.path}（{side.organ or '—'}，{src}）"
            if not en
            else f"  {label}: {side.path} ({side.organ or '—'}, from the {src})"
        )
    rel = RELATION[cmp.organ][1 if en else 0]
    if cmp.organ == "places":
        out.append(f"  （{rel}）" if not en else f"  ({rel})")
    elif cmp.organ != "same":
        out.append(_say(lang, f"  注意：{rel}", f"  Note: {rel}"))
    if o.year is not None and n.year is not None and n.year - o.year != 1:
        out.append(
            _say(
                lang,
                f"  注意：两份报告不是相邻年度（{o.year}、{n.year}）",
                f"  Note: the reports are not of consecutive years ({o.year}, {n.year})",
            )
        )
    if swapped:
        out.append(_say(lang, "  （按年度把较早的一份作为上年）", "  (the earlier year was taken as last year)"))
    out.append("")
    summary = cmp.summary_en if en else cmp.summary
    if summary:
        out.append(_say(lang, "概要：", "Summary: ") + summary)
        out.append("")
    if cmp.figures:
        head = _say(lang, "主要数字", "Key figures")
        rows = [
            (
                f.en if en else f.zh,
                _num(f.old, f.unit),
                _num(f.new, f.unit),
                change_text(f.old, f.new, f.unit, lang) + ("" if f.certain else " ?"),
            )
            for f in cmp.figures
        ]
        w0 = max(_width(r[0]) for r in rows + [(head,)])
        out.append(
            f"{_pad(head, w0)}  {_pad(_say(lang, '上年', 'last'), 8)}{_pad(_say(lang, '本年', 'this'), 8)}"
            f"{_say(lang, '变化', 'change')}"
        )
        for r in rows:
            out.append(f"{_pad(r[0], w0)}  {_pad(r[1], 8)}{_pad(r[2], 8)}{r[3]}")
        if any(not f.certain for f in cmp.figures):
            out.append(
                _say(
                    lang,
                    "（? ：读取不确定的数字，表格数字连在一起等，请以原表为准）",
                    "(?: a value read without certainty — digits run together … — the table itself is authoritative)",
                )
            )
        out.append("")
    changed = [c for c in cmp.cells if c.changed]
    doubtful = [c for c in cmp.cells if not c.certain and c.old != c.new and c.old is not None and c.new is not None]
    one_year = [c for c in cmp.cells if c.old is None or c.new is None]
    shown = cmp.cells if all_cells else changed
    out.append(
        _say(
            lang,
            f"统计表单元格：{len(cmp.cells)} 个，其中有变化的 {len(changed)} 个" + ("：" if shown else ""),
            f"Table cells: {len(cmp.cells)}, {len(changed)} changed" + (":" if shown else ""),
        )
    )
    for c in shown:
        out.append(_cell_line(c, lang))
    if doubtful and not all_cells:
        out.append(
            _say(
                lang,
                f"读取不确定的单元格中数值不同的 {len(doubtful)} 个（不计变化，请以原表为准）：",
                f"{len(doubtful)} cells read without certainty differ (no change computed; the table itself is authoritative):",
            )
        )
        out.extend(_cell_line(c, lang) for c in doubtful)
    if one_year and not all_cells:
        out.append(
            _say(
                lang,
                f"只在一年的表格中有的单元格 {len(one_year)} 个（两年的表格格式不同）",
                f"{len(one_year)} cells are in one year's tables only (the years use different formats)",
            )
        )
    if not all_cells and len(changed) + len(doubtful) < len(cmp.cells):
        out.append(_say(lang, "  （--all 列出全部单元格）", "  (--all lists every cell)"))
    out.append("")
    out.append(
        _say(
            lang,
            f"各部分沿用上年的文字（与上年同一部分连续 {K} 个字以上相同）：",
            f"Text carried over from last year, by section (runs of {K}+ characters found in last year's same section):",
        )
    )
    w0 = max([_width(s.title) for s in cmp.sections] + [4])
    for s in cmp.sections:
        if s.share is None:
            if s.old_span is None or s.new_span is None:
                what = _say(
                    lang,
                    f"仅 {(n if s.old_span is None else o).year or '一'} 年有此部分",
                    f"only in {(n if s.old_span is None else o).year or 'one year'}",
                )
            else:
                what = _say(lang, "没有正文文字（只有表格）", "no text besides the tables")
        else:
            same = sum(p["chars"] for p in s.passages)
            what = (
                f"{s.share * 100:5.1f}%（{s.new_chars} 字中 {same} 字，{len(s.passages)} 段）"
                if not en
                else f"{s.share * 100:5.1f}% ({same} of {s.new_chars} characters, {len(s.passages)} passages)"
            )
            if s.copied:
                what += _say(
                    lang, f"  ← 超过 {COPIED_SHARE * 100:.0f}%：GX705", f"  ← over {COPIED_SHARE * 100:.0f}%: GX705"
                )
        out.append(f"  {_pad(s.title, w0)}  {what}")
    longest = sorted(((p, s) for s in cmp.sections for p in s.passages), key=lambda x: -x[0]["chars"])
    long = [x for x in longest if x[0]["chars"] >= 2 * K][:12]
    if long:
        out.append("")
        out.append(_say(lang, "沿用的较长段落：", "The longer passages carried over:"))
        for p, s in long:
            text = p["text"].replace("\n", " ")
            text = text if len(text) <= 60 else text[:58] + "……"
            short = SHORT_NAMES[s.index][1 if en else 0]
            out.append(
                f"  [{short}] “{text}”（{p['chars']} 字）"
                if not en
                else f"  [{short}] “{text}” ({p['chars']} characters)"
            )
    return "\n".join(out) + "\n"
