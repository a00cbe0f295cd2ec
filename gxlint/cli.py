"""gxlint check | rules | rule CODE | show | report | compare | lsp  (see spec/cli.md; exit codes 0/1/2)."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


class UsageError(Exception):
    """Bad arguments or configuration: exit 2 with a message."""


_LANG = ["zh"]     # the language of this run's own messages (--lang; Chinese by default)


def _say(zh: str, en: str) -> str:
    """One language at a time: the Chinese or the English text of a message of the CLI itself."""
    return en if _LANG[0] == "en" else zh


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gxlint", description="政府信息公开工作年度报告检查工具 (gxlint)")
    p.add_argument("--version", action="version", version=f"gxlint {__version__}")
    sub = p.add_subparsers(dest="command")

    c = sub.add_parser("check", help="检查报告文件或目录 (check files or directories)")
    c.add_argument("paths", nargs="*", help="files, directories, or - for standard input (default: .)")
    c.add_argument("--format", choices=("text", "json", "sarif", "github"), default=None)
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    c.add_argument("--select", help="codes, prefixes or names to check (comma-separated)")
    c.add_argument("--extend-select", help="add to the selection")
    c.add_argument("--ignore", help="codes, prefixes or names not to check")
    c.add_argument("--severity", action="append", default=[], metavar="CODE=LEVEL",
                   help="override a rule's or family's severity (repeatable)")
    c.add_argument("--fail-on", choices=("error", "warning", "information", "hint"), default=None)
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    c.add_argument("--lang", choices=("zh", "en"), default=None)
    c.add_argument("--config", metavar="FILE", help="configuration file (pyproject.toml or gxlint.toml)")
    c.add_argument("--isolated", action="store_true", help="ignore configuration files")
    c.add_argument("--template", choices=("v2019", "v2021"), default=None, help="override template detection")
    c.add_argument("--year", type=int, default=None, help="override the report year")
    c.add_argument("--organ-level", choices=("department", "government", "township"), default=None)
    c.add_argument("--jobs", "-j", type=int, default=None, help="parallel processes (default: cores)")
    c.add_argument("--statistics", action="store_true", help="counts per rule and per file")
    c.add_argument("--quiet", "-q", action="store_true", help="only the diagnostics, no summary or progress")
    c.add_argument("--stdin-filename", default=None, help="the name to report for standard input")
    c.add_argument("--max-bytes", type=int, default=None, help="files larger than this are GX002")
    c.add_argument("--no-source", action="store_true", help="text format: do not show the source lines")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    c.add_argument("--fix", action="store_true", help="apply the safe fixes (writes the files)")
    c.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff: also apply the unsafe fixes")
    c.add_argument("--fix-only", action="store_true", help="apply fixes and do not report what remains")
    c.add_argument("--diff", action="store_true", help="show the fixes as a unified diff; do not write")
    c.add_argument("--follow-symlinks", action="store_true",
                   help="with --fix: write a file named on the command line that is a symbolic link (its target); "
                        "files found in a folder are never written outside it")
    c.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    c.add_argument("--strict-baseline", action="store_true", help="fail when baseline entries no longer match")
    c.add_argument("--show-settings", action="store_true", help="print the settings resolved for PATH and exit")
    c.add_argument("--lint-all", action="store_true", default=None,
                   help="in a folder walk, also check files that do not look like a report (a README, notes)")
    c.add_argument("--history", action="append", default=[], metavar="DIR",
                   help="earlier years' reports, read beside the checked ones (GX7) but not reported on")
    c.add_argument("--force-exclude", action="store_true",
                   help="apply the exclude patterns to files named on the command line too (for pre-commit)")

    r = sub.add_parser("rules", help="列出全部规则 (list the rules)")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")

    d = sub.add_parser("rule", help="规则说明 (a rule's documentation)")
    d.add_argument("code", help="rule code or name, e.g. GX301 or row-total-mismatch")
    d.add_argument("--lang", choices=("zh", "en"), default="zh")
    d.add_argument("--markdown", action="store_true", help="print the raw Markdown (as in docs/rules/)")
    d.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    sh = sub.add_parser("show", help="显示文件的文本视图 (print the text view that line:column point into)")
    sh.add_argument("path", help="a .txt, .md, .docx, .html or .pdf file (- for standard input)")
    sh.add_argument("--locations", action="store_true", help="also print each line's native location")
    from .report import add_parser as _report_parser

    _report_parser(sub)
    from .across.compare_cli import add_parser as _compare_parser

    _compare_parser(sub)

    lsp = sub.add_parser("lsp", help="语言服务器 (language server on stdio)")
    lsp.add_argument("--stdio", action="store_true", help="(default) talk LSP on stdin/stdout")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    _LANG[0] = getattr(args, "lang", None) or "zh"
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "show":
            return cmd_show(args)
        if args.command == "report":
            from .report import main as report_main

            return report_main(args)
        if args.command == "compare":
            from .across.compare_cli import main as compare_main

            return compare_main(args)
        if args.command == "lsp":
            from .lsp import main as lsp_main

            return lsp_main() or 0
        _parser().print_help()
        return EXIT_ERROR
    except UsageError as exc:
        from .output import safe_lines

        print(safe_lines(f"gxlint: {exc}"), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


# --- check ---------------------------------------------------------------------------

SKIP_REASONS = {
    "type": ("不是支持的文件类型（遍历文件夹时检查 {exts}）", "not a supported file type (a folder walk checks {exts})"),
    "excluded": ("被配置中的 include/exclude 排除", "left out by the include/exclude of the configuration"),
    "special": ("不是普通文件（管道、设备、套接字或失效的链接）", "not a regular file (a pipe, device, socket or broken link)"),
    "not_report": ("不像年度报告（没有标题、部分标题或表格），如 README、笔记；用 --lint-all 也检查它",
                   "does not look like an annual report (no title, section headings or tables), e.g. a README "
                   "or notes; --lint-all checks it too"),
    "force_excluded": ("被配置中的 exclude 排除（--force-exclude）", "left out by the exclude of the configuration (--force-exclude)"),
}


def skip_reason(reason, lang: str) -> str:
    from .read import EXTENSIONS

    if isinstance(reason, tuple):           # ("history", why): an earlier year's report not read
        from .across.index import skipped_message

        msg = skipped_message(reason[1], lang)
        return f"--history: not read: {msg}" if lang == "en" else f"--history：未能读取：{msg}"

    zh, en = SKIP_REASONS[reason]
    return (en if lang == "en" else zh).format(exts=", ".join(EXTENSIONS))


class Collected(list):
    """The files to check (a list), plus what a walk left out: ``skipped`` [(path, reason)],
    ``walked`` (files found in a folder, not named), ``roots`` (walked file → the folder walked),
    ``folder_errors`` [(folder, error)]."""

    def __init__(self) -> None:
        super().__init__()
        self.skipped: list[tuple[str, str]] = []
        self.walked: set[str] = set()
        self.roots: dict[str, str] = {}
        self.folder_errors: list[tuple[str, str]] = []


def collect_files(paths: Sequence[str], include=None, exclude=(), excluded=None, force_excluded=None) -> Collected:
    """Files to check: named files always (whatever their extension); folders walked recursively,
    taking regular files only.  ``excluded(path)``, when given, says why a file found in a folder
    is left out ("type", "excluded" or None: per-file include/exclude of its configuration);
    otherwise ``include``/``exclude`` patterns decide.  What is left out is recorded, never dropped
    silently; a folder that cannot be listed is recorded in ``folder_errors``."""
    import fnmatch
    import stat

    if include is None:
        from .read import EXTENSIONS

        include = tuple("*" + e for e in EXTENSIONS)
    out = Collected()
    seen: set[str] = set()

    def add(f: str, walked: Optional[str]) -> None:
        # one file under two spellings (x.txt and d/../d/x.txt, or a link to it) is one file
        key = f if f == "-" else os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            out.append(f)
            if walked is not None:
                out.walked.add(f)
                out.roots[f] = walked

    for p in paths:
        if p == "-":
            add("-", None)
            continue
        if os.path.isdir(p):
            errors: list[OSError] = []
            for root, dirs, files in os.walk(p, onerror=errors.append):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for f in sorted(files):
                    full = os.path.join(root, f)
                    if excluded is not None:
                        why = excluded(full)
                    else:
                        rel = os.path.relpath(full, p)
                        if not any(fnmatch.fnmatchcase(f.lower(), pat) for pat in include):
                            why = "type"
                        elif any(fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase(f, pat) for pat in exclude):
                            why = "excluded"
                        else:
                            why = None
                    if not why:
                        try:
                            if not stat.S_ISREG(os.stat(full).st_mode):
                                why = "special"
                        except OSError:
                            why = "special"
                    if why:
                        out.skipped.append((full, why))
                    else:
                        add(full, p)
            for exc in errors:
                folder = getattr(exc, "filename", None) or p
                out.folder_errors.append((folder, exc.strerror or str(exc)))
        elif os.path.exists(p):
            if force_excluded is not None and force_excluded(p):
                out.skipped.append((p, "force_excluded"))
                continue
            add(p, None)   # an explicitly named file is checked whatever its extension
        else:
            raise UsageError(_say(f"路径不存在：{p}", f"no such file or folder: {p}"))
    return out


def _settings_from_args(args, base=None):
    from .config import Settings

    from . import configfile

    def fam(sel, option):
        """Selectors as given (codes, prefixes, names, family names) → what Settings matches;
        one that matches no rule is an error (exit 2), never a silent "nothing selected"."""
        if sel is None:
            return None
        out = []
        for x in sel.split(","):
            if not x.strip():
                continue
            try:
                out.extend(configfile.strict_selector(x, _LANG[0]))
            except configfile.ConfigError as exc:
                raise UsageError(f"{option}: {exc}") from None
        if not out and option == "--select":
            raise UsageError(_say("--select：没有给出规则", "--select: no rule given"))
        return ",".join(out)

    if args.max_bytes is not None and args.max_bytes <= 0:
        raise UsageError(_say(f"--max-bytes 须为正整数，不是 {args.max_bytes}", f"--max-bytes takes a positive number, not {args.max_bytes}"))
    if args.year is not None and not 2000 <= args.year <= 2100:
        raise UsageError(_say(f"--year 须为 2000 至 2100 之间的年份，不是 {args.year}",
                              f"--year takes a year from 2000 to 2100, not {args.year}"))
    sev = {}
    for item in args.severity:
        if "=" not in item:
            raise UsageError(_say(f"--severity 的写法是 代码=级别，不是 {item!r}", f"--severity takes CODE=LEVEL, not {item!r}"))
        k, v = item.split("=", 1)
        if not k.strip():
            raise UsageError(_say(f"--severity 的写法是 代码=级别，{item!r} 缺少代码", f"--severity takes CODE=LEVEL: {item!r} has no code"))
        from .api import Severity

        try:
            Severity.parse(v.strip())
        except (ValueError, TypeError):
            raise UsageError(f"--severity {item}: 未知严重程度 (unknown severity) {v.strip()!r}; "
                             "error, warning, information, hint") from None
        for one in fam(k.strip(), "--severity").split(","):
            sev[one] = v.strip()
    try:
        return Settings.from_options(
            base,
            select=fam(args.select, "--select"), extend_select=fam(args.extend_select, "--extend-select"),
            ignore=fam(args.ignore, "--ignore"), severity=sev,
            lang=args.lang, template=args.template, year=args.year, organ_level=args.organ_level,
            max_bytes=args.max_bytes, lint_all=getattr(args, "lint_all", None),
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _base_settings(args):
    """Settings of ``--config FILE`` or of the working directory's configuration file."""
    from . import configfile

    if getattr(args, "isolated", False):
        return None
    try:
        return configfile.load_for_cli(args)
    except configfile.ConfigError as exc:
        raise UsageError(str(exc)) from None


class SettingsResolver:
    """Settings per checked file: the nearest config file walking up from the file (or
    ``--config``; none with ``--isolated``), the command line laid over it, per-file ignores
    folded in.  Cached per folder and per config file."""

    def __init__(self, args) -> None:
        self.args = args
        self._cfg_by_dir: dict[str, Optional[str]] = {}
        self._by_cfg: dict[Optional[str], object] = {}
        if args.config and args.isolated:
            raise UsageError(_say("--config 与 --isolated 不能同时使用", "--config and --isolated exclude each other"))
        if args.config and not os.path.isfile(args.config):
            raise UsageError(_say(f"配置文件不存在：{args.config}", f"no such configuration file: {args.config}"))

    def config_path(self, path: Optional[str]) -> Optional[str]:
        from . import configfile

        if self.args.isolated:
            return None
        if self.args.config:
            return os.path.abspath(self.args.config)
        start = os.getcwd() if not path or path == "-" else os.path.abspath(path)
        folder = start if os.path.isdir(start) else os.path.dirname(start)
        if folder not in self._cfg_by_dir:
            self._cfg_by_dir[folder] = configfile.find_config(folder)
        return self._cfg_by_dir[folder]

    def unfolded(self, path: Optional[str]):
        from . import configfile

        cfg = self.config_path(path)
        if cfg not in self._by_cfg:
            try:
                base = configfile.load(cfg) if cfg else None
            except configfile.ConfigError as exc:
                raise UsageError(str(exc)) from None
            self._by_cfg[cfg] = _settings_from_args(self.args, base)
        return self._by_cfg[cfg]

    def for_file(self, path: Optional[str]):
        from . import configfile

        return configfile.apply_file(self.unfolded(path), path)

    def excluded(self, path: str) -> Optional[str]:
        """Why a file found in a folder is left out: "type" (not matched by ``include``),
        "excluded" (matched by ``exclude``) or None."""
        import fnmatch

        from . import configfile

        s = self.unfolded(path)
        root = os.path.dirname(s.source) if s.source else os.getcwd()
        rel = configfile._rel_to(path, root)
        name = rel.rsplit("/", 1)[-1]
        if not any(configfile.glob_match(rel, p) or fnmatch.fnmatchcase(name.lower(), p) for p in s.include):
            return "type"
        if any(configfile.glob_match(rel, p) for p in s.exclude):
            return "excluded"
        return None

    def force_excluded(self, path: str) -> bool:
        """A named file that the exclude patterns of its configuration leave out."""
        from . import configfile

        s = self.unfolded(path)
        root = os.path.dirname(s.source) if s.source else os.getcwd()
        rel = configfile._rel_to(path, root)
        return any(configfile.glob_match(rel, pat) for pat in s.exclude)


def _show_settings(args, resolver: "SettingsResolver") -> int:
    import json

    from . import configfile

    infos = []
    for target in (args.paths or ["."]):
        if target == "-":
            target = args.stdin_filename or "-"
        s = resolver.for_file(target)
        info = {"path": target, **configfile.describe(s)}
        unfolded = resolver.unfolded(target)
        info["per-file-ignores"] = {k: list(v) for k, v in unfolded.per_file_ignores.items()}
        infos.append(info)
    if args.format == "json":
        # one path: the object (as before); several: a list of them, in the order given
        print(json.dumps(infos[0] if len(infos) == 1 else infos, ensure_ascii=False, indent=2))
    else:
        blocks = []
        for info in infos:
            blocks.append("\n".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in info.items()))
        from .output import safe_lines

        print(safe_lines("\n\n".join(blocks)))
    return EXIT_OK


def _read_stdin(limit: Optional[int]) -> tuple[Optional[bytes], Optional[str]]:
    """Standard input, read with the same byte limit as a file: (data, None) or (None, too-large message id)."""
    from .io import DecodeError, read_limited

    try:
        return read_limited(sys.stdin.buffer, limit), None
    except DecodeError as exc:
        return None, exc


def _msg(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def cmd_check(args) -> int:
    from . import baseline as bl
    from .batch import FixMode, Task

    resolver = SettingsResolver(args)
    if args.show_settings:
        return _show_settings(args, resolver)
    if args.jobs is not None and args.jobs < 0:
        raise UsageError(_say("--jobs 须为正整数", "--jobs takes a positive number"))
    if args.unsafe_fixes and not (args.fix or args.diff or args.fix_only):
        raise UsageError(_say("--unsafe-fixes 需要与 --fix 或 --diff 一起使用", "--unsafe-fixes goes with --fix or --diff"))
    if args.write_baseline and (args.fix or args.diff or args.fix_only):
        raise UsageError(_say("--write-baseline 不能与 --fix/--diff 同用", "--write-baseline cannot be combined with --fix/--diff"))
    for target in (args.output, args.write_baseline):
        if target and target != "-" and os.path.isdir(target):
            raise UsageError(_say(f"{target}：是一个目录", f"{target}: is a folder"))
        if target and target != "-" and not os.path.isdir(os.path.dirname(os.path.abspath(target))):
            folder = os.path.dirname(os.path.abspath(target))
            raise UsageError(_say(f"输出目录不存在：{folder}", f"no such folder: {folder}"))
    mode = FixMode(fix=bool(args.fix or args.fix_only or args.diff), unsafe=bool(args.unsafe_fixes),
                   diff=bool(args.diff), follow_symlinks=bool(args.follow_symlinks))
    baseline = None
    if args.baseline:
        try:
            baseline = bl.load(args.baseline)
        except bl.BaselineError as exc:
            raise UsageError(str(exc)) from None

    settings = resolver.unfolded(args.stdin_filename if "-" in (args.paths or []) else None)
    lang = settings.lang
    paths = args.paths or ["."]
    files = collect_files(paths, excluded=resolver.excluded,
                          force_excluded=resolver.force_excluded if args.force_exclude else None)
    tasks = []
    stdin_index = None
    for f in files:
        if f == "-":
            stdin_index = len(tasks)
            name = args.stdin_filename or "-"
            tasks.append(Task("-", name, resolver.for_file(args.stdin_filename)))
        else:
            tasks.append(Task(f, f, resolver.for_file(f), walked=f in files.walked, root=files.roots.get(f)))

    return _run_check(args, tasks, stdin_index, files, resolver, mode, baseline, lang, paths)


def _results_in_order(args, tasks, stdin_index, files, resolver, mode, progress):
    """Every result in path order, each as soon as it is ready (the batch is checked in path
    order, so the outputs can be written file by file): standard input and the folders that
    could not be listed take their place among the files."""
    from .api import Span
    from .batch import FixMode, check_one, decode_failure, run_iter
    from .engine import Result, engine_diagnostic

    fixed = []      # (path, result) known before the batch runs
    rest = [t for i, t in enumerate(tasks) if i != stdin_index]
    if stdin_index is not None:
        st = tasks[stdin_index]
        data, too_large = _read_stdin(st.settings.max_bytes)
        # standard input is never written: --diff shows its fixes, --fix leaves it as it is
        if too_large is not None:
            stdin_res = decode_failure(st, too_large)
        else:
            stdin_res = check_one(st, FixMode(diff=mode.diff, unsafe=mode.unsafe, fix=mode.diff), data=data)
        progress.update(1)
        fixed.append(stdin_res)
    # a folder gxlint cannot list is a GX002 finding for that folder, never a silent pass
    for folder, error in files.folder_errors:
        fs = resolver.for_file(os.path.join(folder, "x"))
        diags = []
        if fs.is_enabled("GX002", "unreadable-input", folder):
            diags.append(engine_diagnostic("GX002", "unreadable_folder", Span(0, 0), fs, error=error))
        fixed.append(Result(folder, diags))
    order = sorted(range(len(rest)), key=lambda i: rest[i].display or "")
    rest = [rest[i] for i in order]
    fixed.sort(key=lambda r: r.path or "")
    jobs = args.jobs or os.cpu_count() or 1
    k = 0
    for _i, r in run_iter(rest, jobs, mode, progress.update):
        while k < len(fixed) and (fixed[k].path or "") < (r.path or ""):
            yield fixed[k]
            k += 1
        yield r
    yield from fixed[k:]


def _run_check(args, tasks, stdin_index, files, resolver, mode, baseline, lang, paths) -> int:
    """Check the files and write the report file by file (a batch of any size keeps one file's
    result at a time; what is kept is counts, the baseline's entries and the skipped paths)."""
    from . import baseline as bl
    from .api import Severity
    from .batch import Progress
    from .output import OutputContext, safe_lines, safe_text
    from .output.stream import Sink, SinkError, writer

    fmt = args.format or "text"
    diff_to_tty = bool(args.diff) and args.output in (None, "-") and sys.stdout.isatty()
    color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty()
                                       and os.environ.get("NO_COLOR") is None and fmt == "text")
    octx = OutputContext(lang=lang, quiet=args.quiet, statistics=args.statistics, color=color,
                         show_source=not args.no_source)
    sink = Sink(args.output) if (args.output or args.diff) and not args.write_baseline and not args.fix_only \
        else Sink(None)
    w = writer(fmt, sink, octx)
    threshold = Severity.parse(args.fail_on or "error")
    matcher = bl.Matcher(baseline) if baseline is not None else None
    skipped = list(files.skipped)
    fix_infos = []          # (path, {written, fixed, changed, error}) without the diff
    kept = []               # --write-baseline: the findings, without texts and fixes
    stats_rule: dict = {}
    stats_file: dict = {}
    names: dict = {}
    n_checked = 0
    failing = False
    write_failed = False
    changed = False
    progress = Progress(len(tasks), enabled=Progress.wanted(len(tasks), args.quiet), lang=lang)
    if progress.enabled and sink.target is None and sys.stdout.isatty():
        # the report and the bar share the terminal: the bar leaves its line before each write
        write = sink.write

        def sink_write(text: str) -> None:
            if text:
                progress.clear()
            write(text)

        sink.write = sink_write
    across_stats: dict = {}
    results = _results_in_order(args, tasks, stdin_index, files, resolver, mode, progress)
    history = _history(args, resolver.unfolded(None))
    if (len(tasks) > 1 or history) and not args.diff and not args.fix_only:
        # GX7: the reports read together (and with --history's earlier years); the results are
        # spooled to disk until every report's index entry is in, then written file by file
        from .across.run import apply_stream

        results = apply_stream(results, resolver.for_file, history=history,
                               aliases=resolver.unfolded(None).organs, jobs=args.jobs or os.cpu_count() or 1,
                               stats=across_stats)
    try:
        for r in results:
            if r.meta.get("not_report"):
                skipped.append((r.path, "not_report"))
                continue
            n_checked += 1
            info = r.meta.get("fix")
            if info:
                if info.get("error"):
                    write_failed = True
                    progress.close()
                    print(safe_text(_msg(lang, f"gxlint: {r.path}: 无法写入修复：{info['error']}",
                                         f"gxlint: {r.path}: could not write the fixes: {info['error']}")), file=sys.stderr)
                if info.get("refused"):
                    progress.close()
                    print(safe_text(_fix_refused(r.path, info["refused"], lang)), file=sys.stderr)
                changed = changed or bool(info.get("changed"))
                if args.diff:
                    # a diff is raw text for patch(1); on a terminal its controls are shown, not obeyed
                    diff = info.get("diff") or ""
                    sink.write(safe_lines(diff) if diff_to_tty else diff)
                fix_infos.append((r.path, {k: v for k, v in info.items() if k != "diff"}))
            if args.diff:
                continue
            if args.write_baseline:
                r.text = None
                for d in r.diagnostics:
                    d.fix = None
                kept.append(r)
                continue
            if matcher is not None:
                matcher.apply_one(r)
            for d in r.diagnostics:
                failing = failing or d.severity <= threshold
                stats_rule[d.code] = stats_rule.get(d.code, 0) + 1
                names[d.code] = d.name
            if r.diagnostics:
                stats_file[r.path] = len(r.diagnostics)
            if not args.fix_only:
                w.file(r)
    except SinkError as exc:
        progress.close()
        sink.abort()
        raise UsageError(_write_error(args.output, exc.error)) from None
    except BaseException:
        progress.close()
        sink.abort()
        raise
    progress.close()

    # --history files that have no index entry (too large, unreadable): said, never dropped
    skipped.extend((p, ("history", why)) for p, why in across_stats.get("skipped") or ())
    skipped.sort(key=lambda s: s[0])
    if not n_checked:
        sink.abort()
        if args.force_exclude and skipped and all(why == "force_excluded" for _p, why in skipped):
            return EXIT_OK     # pre-commit named only files the configuration excludes
        _print_skipped(skipped, lang, sys.stderr)
        where = ", ".join(paths)
        raise UsageError(_msg(lang, f"没有检查任何文件（{where}）：其中没有可检查的报告文件",
                              f"no file was checked ({where}): no report file to check there"))

    if args.diff:
        _commit(args, sink)
        if not args.quiet:
            _print_skipped(skipped, lang, sys.stderr)
        return EXIT_FINDINGS if changed and not args.exit_zero else EXIT_OK

    if args.write_baseline:
        previous = None
        if os.path.isfile(args.write_baseline):
            try:
                previous = bl.load(args.write_baseline)
            except bl.BaselineError:
                previous = None
        new = bl.build(args.write_baseline if args.write_baseline != "-" else "baseline.json", kept, previous)
        if previous is not None:   # entries of files not checked this time are kept
            checked_keys = {new.key_path(r.path) for r in kept}
            new.entries = [e for e in previous.entries if e.path not in checked_keys] + new.entries
            new.entries.sort(key=lambda e: e.path)
        _write(args.write_baseline, bl.dumps(new).encode("utf-8"))
        if not args.quiet:
            n = sum(len(r.diagnostics) for r in kept)
            print(_msg(lang, f"gxlint: 已把 {n} 个问题记入基线 {args.write_baseline}",
                       f"gxlint: recorded {n} finding(s) in the baseline {args.write_baseline}"), file=sys.stderr)
            _print_skipped(skipped, lang, sys.stderr)
        return EXIT_OK

    stale = []
    if matcher is not None:
        from .engine import registry

        reg = registry()

        def enabled(path, code):
            cls = reg.get(code)
            return cls is not None and resolver.for_file(path).is_enabled(code, cls.name, path)

        stale = matcher.stale(enabled)
        if stale and not args.quiet or stale and args.strict_baseline:
            print(_msg(lang, f"gxlint: 基线中有 {len(stale)} 条已不再出现：",
                       f"gxlint: {len(stale)} baseline entries no longer match:"), file=sys.stderr)
            for e in stale:
                why = f"  — {e.reason}" if e.reason else ""
                print(safe_text(f"  {e.path}: {e.code} {e.message}{why}"), file=sys.stderr)

    if args.fix_only:
        _fix_summary(fix_infos, lang, args.quiet)
        if not args.quiet:
            _print_skipped(skipped, lang, sys.stderr)
        return EXIT_ERROR if write_failed else EXIT_OK

    octx.extra["skipped"] = [(p, skip_reason(why, lang)) for p, why in skipped]
    octx.extra["across"] = across_stats.get("pairs") or []
    extra = {}
    tail = ""
    stats = {"by_rule": dict(sorted(stats_rule.items())), "by_file": stats_file}
    if fmt == "json":
        if args.statistics:
            extra["statistics"] = stats
        if skipped:
            extra["skipped"] = [{"path": p, "reason": why if isinstance(why, str) else why[0],
                                 "message": skip_reason(why, lang)} for p, why in skipped]
        if octx.extra["across"]:
            extra["carry_over"] = octx.extra["across"]
    if args.statistics:
        if fmt == "text":
            tail = _statistics_text(stats_rule, names, stats_file, lang)
        elif fmt != "json":
            sys.stderr.write(_statistics_text(stats_rule, names, stats_file, lang))
    if fmt in ("sarif", "github") and not args.quiet:
        _print_skipped(skipped, lang, sys.stderr)
    try:
        w.finish(extra, tail)
        _commit(args, sink)
    except SinkError as exc:
        sink.abort()
        raise UsageError(_write_error(args.output, exc.error)) from None
    except BaseException:
        sink.abort()
        raise
    if mode.fix:
        _fix_summary(fix_infos, lang, args.quiet)
    code = EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK
    if stale and args.strict_baseline and not args.exit_zero:
        code = max(code, EXIT_FINDINGS)
    if write_failed:
        code = EXIT_ERROR
    return code


def _history(args, settings) -> list[str]:
    """--history: earlier years' reports, read as reference only (GX7)."""
    history = []
    for folder in args.history or ():
        if not os.path.exists(folder):
            raise UsageError(_msg(settings.lang, f"--history：{folder} 不存在", f"--history: {folder} does not exist"))
        history.extend(f for f in collect_files([folder]) if f != "-")
    return history


def _commit(args, sink) -> None:
    """The report is complete: write it out (``--output``: replace the file now)."""
    sink.commit()


def _write_error(target, exc: OSError) -> str:
    target = target or "-"
    return _say(f"无法写入 {target}：{exc.strerror or exc}", f"cannot write {target}: {exc.strerror or exc}")


def _statistics_text(by_rule: dict, names: dict, by_file: dict, lang: str) -> str:
    lines = ["", "按规则统计：" if lang == "zh" else "By rule:"]
    for code, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"{n:6d}  {code}  {names[code]}")
    lines.append("按文件统计：" if lang == "zh" else "By file:")
    from .output import safe_text

    for path, n in by_file.items():
        lines.append(f"{n:6d}  {safe_text(path)}")
    return "\n".join(lines) + "\n"


def _print_skipped(skipped, lang: str, stream) -> None:
    if not skipped:
        return
    print(_msg(lang, f"跳过 {len(skipped)} 个文件：", f"skipped {len(skipped)} file(s):"), file=stream)
    from .output import safe_text

    for p, why in skipped:
        print(f"  {safe_text(p)} — {skip_reason(why, lang)}", file=stream)


def _write(target: str, data: bytes) -> None:
    """--output / --write-baseline: ``-`` is standard output; see :func:`gxlint.batch.write_output`."""
    from .batch import write_output

    if target != "-":
        folder = os.path.dirname(os.path.abspath(target))
        if not os.path.isdir(folder):
            raise UsageError(_say(f"输出目录不存在：{folder}", f"no such folder: {folder}"))
    try:
        write_output(target, data)
    except OSError as exc:
        raise UsageError(_say(f"无法写入 {target}：{exc.strerror or exc}", f"cannot write {target}: {exc.strerror or exc}")) from None


def _emit(args, text: str) -> None:
    if args.output:
        _write(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _fix_refused(path: str, fmt: str, lang: str) -> str:
    """--fix on a .docx/.html/.pdf: gxlint does not write those; say so for the file."""
    name = {"docx": "Word 文档", "html": "网页", "pdf": "PDF"}.get(fmt, fmt)
    if lang == "en":
        return f"gxlint: {path}: not fixed — gxlint only fixes text files; make the fixes in the source document ({fmt})"
    return f"gxlint: {path}: 未自动修复 — 只能修复文本文件，请在源文档（{name}）中修改"


def cmd_show(args) -> int:
    """The text view of a file: what every finding's line:column points into."""
    from .config import Settings
    from .io import DecodeError, read_bytes
    from .read import describe, read

    try:
        data = sys.stdin.buffer.read() if args.path == "-" else read_bytes(args.path)
        src = read(data, None if args.path == "-" else args.path, max_bytes=Settings().max_bytes)
    except DecodeError as exc:
        from .engine import engine_diagnostic
        from .api import Span

        d = engine_diagnostic("GX002", exc.message_id, Span(0, 0), Settings(), **exc.kwargs)
        raise UsageError(f"{args.path}: {d.message}") from None
    except FileNotFoundError:
        raise UsageError(f"路径不存在 (no such file or directory): {args.path}") from None
    from .output import safe_lines

    if not args.locations:
        _write_text(safe_lines(src.text))     # a report's ESC/OSC/bidi controls are shown, never obeyed
        return EXIT_OK
    pos = 0
    out = []
    for line in src.text.splitlines(keepends=True):
        where = ""
        if src.locator is not None:
            loc = src.locate(pos + 2 if line.startswith("| ") else pos)
            if loc and "row" in loc:   # a table row: the row, not its first cell
                loc = {k: v for k, v in loc.items() if k != "col"}
            where = describe(loc)
        out.append(f"{line.rstrip(chr(10))}\t# {where}\n" if where else line)
        pos += len(line)
    _write_text(safe_lines("".join(out)))
    return EXIT_OK


def _write_text(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    sys.stdout.flush()


def _fix_summary(fix_infos, lang: str, quiet: bool) -> None:
    """How many findings were fixed (not how many edits: one finding's fix may be many edits)."""
    if quiet:
        return
    files = sum(1 for _p, i in fix_infos if i.get("written"))
    fixed = sum(i.get("fixed", 0) for _p, i in fix_infos if i.get("written"))
    if lang == "en":
        print(f"gxlint: fixed {fixed} finding(s) in {files} file(s).", file=sys.stderr)
    else:
        print(f"gxlint: 已修复 {fixed} 个问题（{files} 个文件）。", file=sys.stderr)


def _statistics_data(results) -> dict:
    from collections import Counter

    by_rule = Counter()
    for r in results:
        for d in r.diagnostics:
            by_rule[d.code] += 1
    return {
        "by_rule": dict(sorted(by_rule.items())),
        "by_file": {r.path: len(r.diagnostics) for r in results if r.diagnostics},
    }


def exit_code(results, fail_on: str, exit_zero: bool) -> int:
    from .api import Severity

    if exit_zero:
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    for r in results:
        for d in r.diagnostics:
            if d.severity <= threshold:
                return EXIT_FINDINGS
    return EXIT_OK


def _statistics(results, lang: str) -> str:
    from collections import Counter

    by_rule = Counter()
    names = {}
    for r in results:
        for d in r.diagnostics:
            by_rule[d.code] += 1
            names[d.code] = d.name
    lines = ["", "按规则统计：" if lang == "zh" else "By rule:"]
    for code, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"{n:6d}  {code}  {names[code]}")
    lines.append("按文件统计：" if lang == "zh" else "By file:")
    for r in results:
        if r.diagnostics:
            lines.append(f"{len(r.diagnostics):6d}  {r.path}")
    return "\n".join(lines) + "\n"


# --- rules / rule --------------------------------------------------------------------

FAMILY_EN = {"engine": "engine", "structure": "structure", "template": "template", "arithmetic": "arithmetic",
             "prose": "prose", "meta": "meta", "hygiene": "hygiene"}


def cmd_rules(args) -> int:
    import json

    from .docs import FAMILY_ZH, SEVERITY_ZH
    from .engine import registry

    reg = registry()
    en = args.lang == "en"
    rows = [
        {"code": c.code, "name": c.name, "family": c.family, "severity": c.severity.label,
         "fixable": c.fixable, "summary": rule_summary(c, args.lang)}
        for c in reg.values()
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        from .output.text import _width

        def pad(s: str, n: int) -> str:
            return s + " " * max(0, n - _width(s))

        head = ("code", "fix", "name", "family", "severity", "summary") if en else \
            ("代码", "修复", "名称", "规则族", "严重程度", "说明")
        print(f"{pad(head[0], 6)}  {pad(head[1], 4)} {pad(head[2], 28)} {pad(head[3], 11)} {pad(head[4], 11)} {head[5]}")
        for r in rows:
            fix = "🔧" if r["fixable"] else "  "
            fam = r["family"] if en else FAMILY_ZH.get(r["family"], r["family"])
            sev = r["severity"] if en else SEVERITY_ZH.get(r["severity"], r["severity"])
            print(f"{r['code']}  {pad(fix, 4)} {pad(r['name'], 28)} {pad(fam, 11)} {pad(sev, 11)} {r['summary']}")
    return EXIT_OK


def rule_summary(cls, lang: str = "zh") -> str:
    """One line: the docstring's title in Chinese; in English the rule's ``summary_en`` when it
    has one, else its name in words (the documentation itself is Chinese)."""
    if lang == "en":
        return getattr(cls, "summary_en", None) or cls.name.replace("-", " ").capitalize()
    first = (cls.doc or "").strip().splitlines()[0] if cls.doc else ""
    return first.split("—", 1)[-1].strip() if "—" in first else first


def render_rule_for_terminal(cls, lang: str = "zh", color: bool = False) -> str:
    """A rule's documentation for a terminal: headings underlined, the ```report examples shown
    as labelled, indented examples, links as "text (target)"; no Markdown markup left."""
    import re

    from .docs import FAMILY_ZH, SEVERITY_ZH, rule_body, rule_title

    bold = (lambda s: f"\033[1m{s}\033[0m") if color else (lambda s: s)
    dim = (lambda s: f"\033[2m{s}\033[0m") if color else (lambda s: s)
    sev = cls.severity.label
    out = [bold(f"{cls.code} {cls.name}")]
    if lang == "en":
        out.append(rule_summary(cls, "en"))
        out.append(f"family: {cls.family} · default severity: {sev} · fixable: {'yes' if cls.fixable else 'no'}")
        out.append("")
        out.append("Messages:")
        for m in cls.messages.values():
            if "en" in m:
                out.append("  - " + re.sub(r"\{\w+\}", "…", m["en"]))
        out.append("")
        out.append("(The documentation below is in Chinese.)")
    else:
        out.append(rule_title(cls))
        out.append(f"规则族：{FAMILY_ZH.get(cls.family, cls.family)} · 默认严重程度：{SEVERITY_ZH.get(sev, sev)} · "
                   f"可自动修复：{'是' if cls.fixable else '否'}")
    out.append("")
    labels = {"bad": "错误示例 (bad):" if lang != "en" else "Bad example (错误示例):",
              "good": "正确示例 (good):" if lang != "en" else "Good example (正确示例):"}
    in_code = False
    for line in rule_body(cls).splitlines():
        m = re.match(r"^```(\w*)\s*(\w*)\s*$", line)
        if m:
            if not in_code:
                in_code = True
                kind = m.group(2)
                if m.group(1) == "report" and kind in labels:
                    out.append(labels[kind])
                continue
            in_code = False
            continue
        if in_code:
            out.append("    │ " + line)
            continue
        if line.startswith("## "):
            title = line[3:].strip()
            out.append(bold(title))
            out.append(dim("─" * max(4, sum(2 if ord(ch) > 0x2E80 else 1 for ch in title))))
            continue
        line = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"\1 (\2)", line)
        line = re.sub(r"\*\*([^*]+)\*\*", r"\1", line)
        line = re.sub(r"`([^`]+)`", r"\1", line)
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out) + "\n"


def cmd_rule(args) -> int:
    from .engine import find_rule

    cls = find_rule(args.code)
    if cls is None:
        from . import configfile

        raise UsageError(_say(f"没有这条规则：{args.code}", f"no such rule: {args.code}") + configfile.suggest(args.code, _LANG[0]))
    if args.markdown:
        from .docs import render_rule

        sys.stdout.write(render_rule(cls))
        return EXIT_OK
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and os.environ.get("NO_COLOR") is None)
    sys.stdout.write(render_rule_for_terminal(cls, args.lang, color))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
