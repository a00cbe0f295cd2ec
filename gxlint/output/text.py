"""--format text: like ruff/rustc — path:line:col: CODE [severity] message, the source line, a marker."""

from __future__ import annotations

import unicodedata

from . import OutputContext, lines_of, native_location

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "information": "\033[36m", "hint": "\033[2m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"
SEV_ZH = {"error": "错误", "warning": "警告", "information": "提示", "hint": "建议"}


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _clip(line: str, col: int, limit: int = 100) -> tuple[str, int]:
    """Keep the marker's neighbourhood of a long line: (text, new column)."""
    if len(line) <= limit:
        return line, col
    start = max(0, col - limit // 3)
    end = min(len(line), start + limit)
    prefix = "…" if start > 0 else ""
    return prefix + line[start:end] + ("…" if end < len(line) else ""), col - start + len(prefix)


class Tally:
    """What the closing summary counts, gathered file by file (the output is written as the files
    are checked: nothing is kept but these numbers)."""

    def __init__(self) -> None:
        self.counts = {"error": 0, "warning": 0, "information": 0, "hint": 0}
        self.files = 0
        self.files_with = 0
        self.fixable = 0

    def add(self, r) -> None:
        self.files += 1
        if r.diagnostics:
            self.files_with += 1
        # --fix writes text files only: a .docx/.html/.pdf's fixes (or a text whose encoding was a
        # guess) are made in the source, so they are not promised to --fix
        writable = r.meta.get("fixable") is not False and not r.meta.get("uncertain_encoding")
        for d in r.diagnostics:
            self.counts[d.severity.label] += 1
            if writable and d.fix is not None and d.fix.safe:
                self.fixable += 1


def file_lines(r, ctx: OutputContext) -> list[str]:
    """The lines of one checked file's findings (terminal escapes and line breaks in the path,
    the message and the source line are shown as visible escapes, never sent to the terminal)."""
    from . import safe_text

    out: list[str] = []
    lines = lines_of(r)
    path = safe_text(r.path or "-")
    for d in r.diagnostics:
        sev = d.severity.label
        if lines is not None:
            ln, col = lines.position(d.span.start)
        else:
            ln, col = 0, 0
        word = sev if ctx.lang == "en" else SEV_ZH[sev]  # 错误/警告/提示 in Chinese output
        message = safe_text(d.message)
        head = f"{path}:{ln + 1}:{col + 1}: {d.code} [{word}] {message}"
        if ctx.color:
            head = f"{_BOLD}{path}:{ln + 1}:{col + 1}:{_RESET} {_COLORS[sev]}{d.code}{_RESET} [{word}] {message}"
        out.append(head)
        where = native_location(d, ctx.lang)
        if where:
            out.append(f"  {'in' if ctx.lang == 'en' else '位于'} {safe_text(where)}")
        for rel in d.related:  # another report's cell (GX7): where to look beside this one
            if getattr(rel, "path", None):
                pos = rel.position or (0, 0)
                out.append(f"  = {safe_text(rel.path)}:{pos[0] + 1}:{pos[1] + 1}: {safe_text(rel.message)}")
        if ctx.show_source and lines is not None and not ctx.quiet:
            src = lines.line_text(ln).replace("\t", " ")
            end_ln, end_col = lines.position(d.span.end)
            span_end = end_col if end_ln == ln else len(src)
            shown, c0 = _clip(src, col)
            width = max(1, _width(safe_text(src[col:span_end]))) if span_end > col else 1
            pad = _width(safe_text(shown[:c0]))
            shown = safe_text(shown)
            gutter = str(ln + 1)
            out.append(f"{' ' * len(gutter)} |")
            out.append(f"{gutter} | {shown}")
            marker = "^" * min(width, 80)
            out.append(f"{' ' * len(gutter)} | {' ' * pad}{_COLORS[sev] + marker + _RESET if ctx.color else marker}")
            out.append("")
    return out


def tail_lines(tally: Tally, ctx: OutputContext) -> list[str]:
    """The skipped files and the closing summary (nothing with ``quiet``)."""
    from . import safe_text

    out: list[str] = []
    if not ctx.quiet:
        skipped = ctx.extra.get("skipped") or []
        if skipped:
            out.append(f"跳过 {len(skipped)} 个文件：" if ctx.lang != "en" else f"Skipped {len(skipped)} file(s):")
            out.extend(f"  {safe_text(p)} — {why}" for p, why in skipped)
        if ctx.extra.get("across"):  # GX7: each consecutive pair of one organ's reports, holding or not
            from ..across.run import pair_lines

            out.extend(pair_lines(ctx.extra["across"], ctx.lang))
        # after --fix, what is left is not promised to --fix again (it could not be applied)
        fixable = 0 if ctx.extra.get("fixing") else tally.fixable
        out.extend(summary_lines(tally.counts, tally.files, tally.files_with, fixable, len(skipped), ctx.lang))
        out.extend(baseline_lines(ctx.extra.get("baseline"), ctx.lang))
    return out


def baseline_lines(info, lang: str) -> list[str]:
    """--baseline: how many findings it accepted (not listed), and its entries that no longer match
    (with --strict-baseline the run fails because of them: said here, beside the summary)."""
    if not info:
        return []
    from . import safe_text

    info = dict(info, path=safe_text(str(info.get("path", ""))))
    out = []
    n, stale, strict = info.get("accepted", 0), info.get("stale", 0), info.get("strict", False)
    if lang == "en":
        if n:
            out.append(
                f"{n} more finding{'s' if n != 1 else ''} recorded in the baseline {info['path']} "
                f"{'were' if n != 1 else 'was'} accepted and not listed."
            )
        if stale:
            out.append(
                f"{stale} baseline entr{'ies' if stale != 1 else 'y'} no longer match (listed on standard error)"
                + ("; --strict-baseline fails the run." if strict else "; remove them with --write-baseline.")
            )
    else:
        if n:
            out.append(f"另有 {n} 个已记录在基线 {info['path']} 中的问题被接受，未列出。")
        if stale:
            out.append(
                f"基线中有 {stale} 条已不再出现（见标准错误输出）"
                + ("，--strict-baseline 使检查失败。" if strict else "；可用 --write-baseline 重写基线把它们去掉。")
            )
    return out


def summary_lines(counts: dict, files: int, files_with: int, fixable: int, skipped: int, lang: str) -> list[str]:
    """The closing summary, in natural Chinese or English (never "0 files passed": the CLI refuses
    a run that checked no file)."""
    total = sum(counts.values())
    out = []
    if lang == "en":
        checked = f"Checked {files} file{'s' if files != 1 else ''}"
        skip = f" ({skipped} skipped)" if skipped else ""
        if total == 0:
            out.append(f"{checked}{skip}: no problems found.")
        else:
            parts = ", ".join(f"{n} {k}{'s' if n != 1 and k != 'information' else ''}" for k, n in counts.items() if n)
            where = f" in {files_with} of them" if files > 1 else ""
            out.append(f"{checked}{skip}: {total} problem{'s' if total != 1 else ''}{where} ({parts}).")
        if fixable:
            out.append(f"{fixable} of them can be fixed with `gxlint check --fix`.")
    else:
        skip = f"（另跳过 {skipped} 个）" if skipped else ""
        if total == 0:
            out.append(f"检查了 {files} 个文件{skip}，没有发现问题。")
        else:
            parts = "，".join(f"{SEV_ZH[k]} {n} 个" for k, n in counts.items() if n)
            if files > 1:
                out.append(f"检查了 {files} 个文件{skip}，其中 {files_with} 个共有 {total} 个问题（{parts}）。")
            else:
                out.append(f"检查了 1 个文件{skip}，共有 {total} 个问题（{parts}）。")
        if fixable:
            out.append(f"其中 {fixable} 个可用 `gxlint check --fix` 自动修复。")
    return out
