"""``gxlint report PATH... -o review.html|review.xlsx|opinions.docx``: the reviewer's outputs.

A front end of the engine like ``check``: the same settings resolution (configuration files,
``--select``/``--ignore``, ``--baseline`` — baselined findings are kept and shown as accepted),
the same batch runner (:func:`gxlint.batch.run_iter`); then one model of the batch
(:mod:`.model`) written as a self-contained HTML page (:mod:`.html`), a spreadsheet
(:mod:`.xlsx`) or review letters (:mod:`.docx`).
"""

from __future__ import annotations

import os
import sys
from typing import Optional

OUTPUT_KINDS = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".docx": "docx"}


def _say(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def collect(args):
    """(batch model, results) for the paths of ``args``: runs the engine over every file."""
    from .. import baseline as bl
    from ..batch import Progress, Task, run_iter
    from ..errors import UsageError
    from ..files import collect_files
    from ..parse import parse
    from ..resolve import Options, SettingsResolver
    from .model import build_batch, build_report

    args.stdin_filename = None
    resolver = SettingsResolver(Options.of(args))
    if "-" in args.paths:
        raise UsageError("gxlint report: 不读标准输入，请给出文件或目录 (give files or folders, not -)")
    if args.jobs is not None and args.jobs < 0:
        raise UsageError("--jobs 须为正整数 (--jobs takes a positive number)")
    baseline = None
    if args.baseline:
        try:
            baseline = bl.load(args.baseline)
        except bl.BaselineError as exc:
            raise UsageError(str(exc)) from None
    settings = resolver.unfolded(None)
    lang = settings.lang if settings.lang in ("zh", "en") else "zh"
    files = collect_files(args.paths, excluded=resolver.excluded, lang=args.lang or "zh")
    tasks = [Task(f, f, resolver.for_file(f), walked=f in files.walked) for f in files]
    jobs = args.jobs or os.cpu_count() or 1
    progress = Progress(len(tasks), enabled=Progress.wanted(len(tasks), args.quiet), lang=lang)
    reports = []
    skipped = [(p, why) for p, why in files.skipped]
    got = []
    try:
        for i, res in run_iter(tasks, jobs, on_done=progress.update):
            if res.meta.get("not_report"):
                skipped.append((res.path, "not_report"))
                continue
            got.append((res, tasks[i].settings))
    finally:
        progress.close()
    # across reports (GX7), as `gxlint check` does: the reports of one organ read together
    from ..across.run import apply as apply_across
    from ..files import history_files

    index = apply_across(
        [res for res, _st in got],
        resolver.for_file,
        history=history_files(args.history, settings.lang),
        aliases=settings.organs,
        jobs=jobs,
    )
    for res, st in got:
        if baseline is not None:
            before = list(res.diagnostics)
            bl.apply(baseline, [res])
            res.diagnostics = before  # kept: the baselined ones are marked data["baselined"]
        doc = None
        if res.text is not None:
            try:
                doc = parse(res.text, res.path, template=st.template, year=st.year)
            except Exception:  # the engine already said so (GX001); show the text without tables
                doc = None
        reports.append(build_report(res, doc, lang, st, len(reports)))
        if doc is not None:
            cmp = _with_last_year(index, res.path, doc, st)
            if cmp is not None:
                reports[-1]["compare"] = cmp
    reports.sort(key=lambda r: r["path"])
    for k, r in enumerate(reports):
        r["index"] = k
    if not reports:
        raise UsageError(
            _say(lang, f"没有检查任何文件（{', '.join(args.paths)}）", f"no file was checked ({', '.join(args.paths)})")
        )
    from ..files import skip_reason

    return build_batch(reports, lang, [(p, skip_reason(why, lang)) for p, why in sorted(skipped)])


def _with_last_year(index, path: str, doc, settings) -> Optional[dict]:
    """The 与上年对比 view of a report whose organ's previous year is in the batch or the history
    (its file read again: the batch keeps no texts)."""
    from ..across.compare_cli import load
    from ..errors import UsageError
    from .model import comparison_view

    entry = index.get(path)
    prev = index.previous(entry) if entry is not None and entry.organ else None
    if prev is None:
        return None
    try:
        old, _fmt = load(
            prev.path, template=getattr(settings, "template", None), max_bytes=getattr(settings, "max_bytes", None)
        )
    except UsageError:
        return None  # the file changed or went away since it was indexed: no view
    from ..across.compare import compare

    return comparison_view(compare(old, doc, prev.path, path, aliases=settings.organs, texts=False))


def main(args) -> int:
    """Run ``gxlint report``; exit 0 (written) or 2 (bad arguments, cannot write)."""
    from ..errors import UsageError

    if getattr(args, "print_letter_template", False):
        from .letter import default_text

        sys.stdout.write(default_text())
        return 0
    if not args.paths:
        raise UsageError(
            _say(
                args.lang or "zh",
                "gxlint report：请给出要审查的报告文件或目录，如 gxlint report 报告/ -o 审查.html",
                "gxlint report: give the report files or folders, e.g. gxlint report reports/ -o review.html",
            )
        )
    if not args.output:
        raise UsageError(
            _say(
                args.lang or "zh",
                "gxlint report：请用 -o 指定输出文件（review.html、review.xlsx 或 意见.docx）",
                "gxlint report: name the output with -o (review.html, review.xlsx or opinions.docx)",
            )
        )
    out = args.output
    ext = os.path.splitext(out)[1].lower()
    kind = OUTPUT_KINDS.get(ext)
    if args.split and (kind is None or kind == "docx" or os.path.isdir(out)):
        kind = "docx"
    if kind is None:
        raise UsageError(
            f"-o {out}: 输出文件须以 .html、.xlsx 或 .docx 结尾 (the output must end in .html, .xlsx or .docx)"
        )
    if args.split and kind != "docx":
        raise UsageError("--split 只用于 .docx (--split goes with .docx)")
    if not args.split and os.path.isdir(out):
        raise UsageError(f"{out}：是一个目录 (is a folder)")
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        raise UsageError(f"输出目录不存在 (no such folder)：{folder}")
    if kind in ("xlsx", "docx"):
        _require("openpyxl" if kind == "xlsx" else "docx", "openpyxl" if kind == "xlsx" else "python-docx")
    opts = _letter_options(args) if kind == "docx" else None  # a bad template fails before the run
    batch = collect(args)
    lang = batch["lang"]
    from ..batch import write_output

    written: list[str] = []
    failed: list[str] = []
    try:
        if kind == "html":
            from .html import render as render_html

            write_output(out, render_html(batch).encode("utf-8"))
            written.append(out)
        elif kind == "xlsx":
            from .xlsx import render as render_xlsx

            write_output(out, render_xlsx(batch))
            written.append(out)
        elif args.split:
            from .docx import render_one, split_name

            target = out[:-5] if out.lower().endswith(".docx") else out
            os.makedirs(target, exist_ok=True)
            used: set[str] = set()
            for seq, rep in enumerate(batch["reports"], 1):
                path = os.path.join(target, split_name(rep, used))
                try:
                    write_output(path, render_one(batch, rep, opts=opts, seq=seq))
                except OSError as exc:  # one letter not written: say so, write the others
                    from ..output import safe_text

                    failed.append(path)
                    print(safe_text(f"gxlint: 无法写入 (cannot write) {path}：{exc.strerror or exc}"), file=sys.stderr)
                    continue
                written.append(path)
        else:
            from .docx import render as render_docx

            write_output(out, render_docx(batch, opts=opts))
            written.append(out)
    except OSError as exc:
        raise UsageError(f"无法写入 (cannot write) {out}：{exc.strerror or exc}") from None
    if not args.quiet:
        n = len(batch["reports"])
        nf = sum(r["errors"] + r["warnings"] + r["infos"] for r in batch["reports"])
        where = (
            written[0] if len(written) == 1 else f"{os.path.dirname(written[0]) if written else out}/ ({len(written)})"
        )
        from ..output import safe_text

        print(
            safe_text(
                _say(
                    lang,
                    f"gxlint: {n} 份报告、{nf} 个问题，已写入 {where}",
                    f"gxlint: {n} report(s), {nf} finding(s), written to {where}",
                )
            ),
            file=sys.stderr,
        )
        if batch["skipped"]:
            print(
                _say(lang, f"跳过 {len(batch['skipped'])} 个文件：", f"skipped {len(batch['skipped'])} file(s):"),
                file=sys.stderr,
            )
            for p, why in batch["skipped"]:
                print(safe_text(f"  {p} — {why}"), file=sys.stderr)
    return 2 if failed else 0


def _letter_options(args):
    """The letters' office, date, number, contact and template: ``[tool.gxlint.report]`` of the
    configuration, the command line laid over it."""
    from ..errors import UsageError
    from ..resolve import Options, SettingsResolver
    from .letter import LetterError, resolve

    args.stdin_filename = None
    try:
        return resolve(SettingsResolver(Options.of(args)).unfolded(None).report, args)
    except LetterError as exc:
        raise UsageError(str(exc)) from None


def _require(module: str, package: str) -> None:
    import importlib.util

    from ..errors import UsageError

    if importlib.util.find_spec(module) is None:
        raise UsageError(f"需要安装 {package}：pip install {package} (this output needs {package})")
