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


def add_parser(sub, lang: str = "zh") -> None:
    """The ``report`` subcommand's options (registered by gxlint.cli), their help in ``lang``."""
    en = lang == "en"

    def h(zh: str, en_text: str) -> str:
        return en_text if en else zh

    r = sub.add_parser("report", help=h("审查报告：HTML 页面、Excel 表格或审查意见（Word）",
                                        "reviewer's report: an HTML page, a spreadsheet or review letters (Word)"),
                       description=h("审查一批报告，写成 HTML 页面（-o 审查.html）、Excel 表格（-o 审查.xlsx）"
                                     "或给各报送单位的审查意见（-o 意见.docx）；见 docs/zh/report.md",
                                     "review a batch of reports as an HTML page (-o review.html), a spreadsheet "
                                     "(-o review.xlsx) or letters to the organs (-o opinions.docx); see docs/en/report.md"))
    r.add_argument("paths", nargs="*", help=h("报告文件或目录", "report files or folders"))
    r.add_argument("--output", "-o", metavar="FILE",
                   help=h("review.html、review.xlsx 或 意见.docx（按扩展名决定写成什么）",
                          "review.html, review.xlsx or opinions.docx (the kind follows the extension)"))
    r.add_argument("--split", action="store_true", help=h("docx：每份报告一封审查意见，写在 -o 指定的目录中",
                                                          "docx: one letter per report, in the folder named by -o"))
    r.add_argument("--select", help=h("要检查的规则：代码、前缀或名称，逗号分隔", "codes, prefixes or names to check (comma-separated)"))
    r.add_argument("--extend-select", help=h("在已选规则之外再加", "add to the selection"))
    r.add_argument("--ignore", help=h("不检查的规则：代码、前缀或名称", "codes, prefixes or names not to check"))
    r.add_argument("--severity", action="append", default=[], metavar="CODE=LEVEL",
                   help=h("调整规则或规则族的严重程度（可重复）", "override a rule's or family's severity (repeatable)"))
    r.add_argument("--lang", choices=("zh", "en"), default=None,
                   help=h("页面、表格和审查意见的语言：zh（默认）或 en", "language of the page, spreadsheet and letters: zh (default) or en"))
    r.add_argument("--config", metavar="FILE", help=h("配置文件（pyproject.toml 或 gxlint.toml）", "configuration file (pyproject.toml or gxlint.toml)"))
    r.add_argument("--isolated", action="store_true", help=h("不读任何配置文件", "ignore configuration files"))
    r.add_argument("--template", choices=("v2019", "v2021"), default=None, help=h("指定模板版本，不自动识别", "override template detection"))
    r.add_argument("--year", type=int, default=None, help=h("指定报告年度，不自动识别", "override the report year"))
    r.add_argument("--organ-level", choices=("department", "government", "township"), default=None,
                   help=h("机关层级：department、government、township（影响发布期限）",
                          "the organ's level: department, government or township (sets the deadline)"))
    r.add_argument("--jobs", "-j", type=int, default=None, help=h("并行进程数（默认为 CPU 核数）", "parallel processes (default: cores)"))
    r.add_argument("--quiet", "-q", action="store_true", help=h("不显示进度和结束时的说明", "no progress bar, no closing line"))
    r.add_argument("--max-bytes", type=int, default=None, help=h("超过此大小的文件报告为 GX002", "files larger than this are GX002"))
    r.add_argument("--baseline", metavar="FILE", help=h("基线中记录的问题显示为“已接受”", "findings recorded here are shown as accepted"))
    r.add_argument("--lint-all", action="store_true", default=None,
                   help=h("遍历目录时也检查不像年度报告的文件", "in a folder walk, also check files that do not look like a report"))
    r.add_argument("--history", action="append", default=[], metavar="DIR",
                   help=h("往年的报告：与这一批一起读取（GX7、与上年对比），本身不报告问题",
                          "earlier years' reports: read beside the batch (GX7, the comparison with last year) but not reported on"))
    g = r.add_argument_group(h("审查意见（-o *.docx）", "the letters (-o *.docx)"))
    g.add_argument("--office", metavar="NAME", help=h("审查机关，写在落款处（默认：政务公开办公室）",
                                                      "the reviewing office, at the foot (default: 政务公开办公室)"))
    g.add_argument("--date", metavar="YYYY-MM-DD", help=h("意见日期（默认：当天）", "the letters' date (default: today)"))
    g.add_argument("--number", metavar="TEXT", help=h("文号，其中 {n} 为本批中的序号，如 某政公开函〔2024〕{n}号",
                                                      "the document number; {n} numbers the letters of the batch"))
    g.add_argument("--contact", metavar="TEXT", help=h("联系人及电话", "contact person and telephone"))
    g.add_argument("--letter-template", metavar="FILE", help=h("审查意见的文字模板（TOML），见 --print-letter-template",
                                                               "a template of the letters' words (TOML); see --print-letter-template"))
    g.add_argument("--print-letter-template", action="store_true",
                   help=h("显示默认的文字模板后退出（复制后修改）", "print the default template and exit (copy it, then adjust)"))


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

    index = apply_across([res for res, _st in got], resolver.for_file, history=history_files(args.history, settings.lang),
                         aliases=settings.organs, jobs=jobs)
    for res, st in got:
        if baseline is not None:
            before = list(res.diagnostics)
            bl.apply(baseline, [res])
            res.diagnostics = before      # kept: the baselined ones are marked data["baselined"]
        doc = None
        if res.text is not None:
            try:
                doc = parse(res.text, res.path, template=st.template, year=st.year)
            except Exception:   # the engine already said so (GX001); show the text without tables
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
        raise UsageError(_say(lang, f"没有检查任何文件（{', '.join(args.paths)}）",
                              f"no file was checked ({', '.join(args.paths)})"))
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
        old, _fmt = load(prev.path, template=getattr(settings, "template", None),
                         max_bytes=getattr(settings, "max_bytes", None))
    except UsageError:
        return None       # the file changed or went away since it was indexed: no view
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
        raise UsageError(_say(args.lang or "zh", "gxlint report：请给出要审查的报告文件或目录，如 gxlint report 报告/ -o 审查.html",
                              "gxlint report: give the report files or folders, e.g. gxlint report reports/ -o review.html"))
    if not args.output:
        raise UsageError(_say(args.lang or "zh", "gxlint report：请用 -o 指定输出文件（review.html、review.xlsx 或 意见.docx）",
                              "gxlint report: name the output with -o (review.html, review.xlsx or opinions.docx)"))
    out = args.output
    ext = os.path.splitext(out)[1].lower()
    kind = OUTPUT_KINDS.get(ext)
    if args.split and (kind is None or kind == "docx" or os.path.isdir(out)):
        kind = "docx"
    if kind is None:
        raise UsageError(f"-o {out}: 输出文件须以 .html、.xlsx 或 .docx 结尾 (the output must end in .html, .xlsx or .docx)")
    if args.split and kind != "docx":
        raise UsageError("--split 只用于 .docx (--split goes with .docx)")
    if not args.split and os.path.isdir(out):
        raise UsageError(f"{out}：是一个目录 (is a folder)")
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        raise UsageError(f"输出目录不存在 (no such folder)：{folder}")
    if kind in ("xlsx", "docx"):
        _require("openpyxl" if kind == "xlsx" else "docx", "openpyxl" if kind == "xlsx" else "python-docx")
    opts = _letter_options(args) if kind == "docx" else None     # a bad template fails before the run
    batch = collect(args)
    lang = batch["lang"]
    from ..batch import write_output

    written: list[str] = []
    failed: list[str] = []
    try:
        if kind == "html":
            from .html import render

            write_output(out, render(batch).encode("utf-8"))
            written.append(out)
        elif kind == "xlsx":
            from .xlsx import render

            write_output(out, render(batch))
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
                except OSError as exc:          # one letter not written: say so, write the others
                    from ..output import safe_text

                    failed.append(path)
                    print(safe_text(f"gxlint: 无法写入 (cannot write) {path}：{exc.strerror or exc}"), file=sys.stderr)
                    continue
                written.append(path)
        else:
            from .docx import render

            write_output(out, render(batch, opts=opts))
            written.append(out)
    except OSError as exc:
        raise UsageError(f"无法写入 (cannot write) {out}：{exc.strerror or exc}") from None
    if not args.quiet:
        n = len(batch["reports"])
        nf = sum(r["errors"] + r["warnings"] + r["infos"] for r in batch["reports"])
        where = written[0] if len(written) == 1 else f"{os.path.dirname(written[0]) if written else out}/ ({len(written)})"
        from ..output import safe_text

        print(safe_text(_say(lang, f"gxlint: {n} 份报告、{nf} 个问题，已写入 {where}",
                             f"gxlint: {n} report(s), {nf} finding(s), written to {where}")), file=sys.stderr)
        if batch["skipped"]:
            print(_say(lang, f"跳过 {len(batch['skipped'])} 个文件：", f"skipped {len(batch['skipped'])} file(s):"),
                  file=sys.stderr)
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
