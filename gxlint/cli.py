"""gxlint check | rules | rule CODE | lsp  (see spec/cli.md; exit codes 0/1/2)."""
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
    c.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    c.add_argument("--strict-baseline", action="store_true", help="fail when baseline entries no longer match")
    c.add_argument("--show-settings", action="store_true", help="print the settings resolved for PATH and exit")
    c.add_argument("--force-exclude", action="store_true",
                   help="apply the exclude patterns to files named on the command line too (for pre-commit)")

    r = sub.add_parser("rules", help="列出全部规则 (list the rules)")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")

    d = sub.add_parser("rule", help="规则说明 (a rule's documentation)")
    d.add_argument("code", help="rule code or name, e.g. GX301 or row-total-mismatch")

    sh = sub.add_parser("show", help="显示文件的文本视图 (print the text view that line:column point into)")
    sh.add_argument("path", help="a .txt, .md, .docx, .html or .pdf file (- for standard input)")
    sh.add_argument("--locations", action="store_true", help="also print each line's native location")

    lsp = sub.add_parser("lsp", help="语言服务器 (language server on stdio)")
    lsp.add_argument("--stdio", action="store_true", help="(default) talk LSP on stdin/stdout")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "show":
            return cmd_show(args)
        if args.command == "lsp":
            from .lsp import main as lsp_main

            return lsp_main() or 0
        _parser().print_help()
        return EXIT_ERROR
    except UsageError as exc:
        print(f"gxlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


# --- check ---------------------------------------------------------------------------

def collect_files(paths: Sequence[str], include=None, exclude=(),
                  excluded=None, force_excluded=None) -> list[str]:
    """Files to check: named files always; directories walked recursively.  ``excluded(path)``,
    when given, decides for a file found in a directory (per-file include/exclude of its config)."""
    import fnmatch

    from .read import EXTENSIONS

    if include is None:
        include = tuple(f"*{e}" for e in EXTENSIONS)
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append("-")
            continue
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for f in sorted(files):
                    full = os.path.join(root, f)
                    if excluded is not None:
                        if not excluded(full):
                            out.append(full)
                        continue
                    rel = os.path.relpath(full, p)
                    if any(fnmatch.fnmatch(f.lower(), pat) for pat in include) and not any(
                        fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(f, pat) for pat in exclude
                    ):
                        out.append(full)
        elif os.path.exists(p):
            if force_excluded is not None and force_excluded(p):
                continue
            out.append(p)   # an explicitly named file is checked whatever its extension
        else:
            raise UsageError(f"路径不存在 (no such file or directory): {p}")
    seen = set()
    uniq = []
    for f in out:
        if f not in seen:
            seen.add(f)
            uniq.append(f)
    return uniq


def _settings_from_args(args, base=None):
    from .config import Settings

    from .configfile import FAMILY_PREFIX

    def fam(sel):   # family names (arithmetic, hygiene …) as their code prefix, as in the config file
        if sel is None:
            return None
        return ",".join(FAMILY_PREFIX.get(x.strip().lower(), x.strip()) for x in sel.split(","))

    sev = {}
    for item in args.severity:
        if "=" not in item:
            raise UsageError(f"--severity takes CODE=LEVEL, not {item!r}")
        k, v = item.split("=", 1)
        sev[fam(k.strip())] = v.strip()
    try:
        return Settings.from_options(
            base,
            select=fam(args.select), extend_select=fam(args.extend_select), ignore=fam(args.ignore), severity=sev,
            lang=args.lang, template=args.template, year=args.year, organ_level=args.organ_level,
            max_bytes=args.max_bytes,
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
            raise UsageError("--config 与 --isolated 不能同时使用 (--config and --isolated exclude each other)")
        if args.config and not os.path.isfile(args.config):
            raise UsageError(f"配置文件不存在 (no such configuration file): {args.config}")

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

    def excluded(self, path: str) -> bool:
        from . import configfile

        return configfile.is_excluded(self.unfolded(path), path)

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

    target = (args.paths or ["."])[0]
    if target == "-":
        target = args.stdin_filename or "-"
    s = resolver.for_file(target)
    info = configfile.describe(s)
    info = {"path": target, **info}
    unfolded = resolver.unfolded(target)
    info["per-file-ignores"] = {k: list(v) for k, v in unfolded.per_file_ignores.items()}
    if args.format == "json":
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        for k, v in info.items():
            print(f"{k} = {json.dumps(v, ensure_ascii=False)}")
    return EXIT_OK


def cmd_check(args) -> int:
    from . import baseline as bl
    from .batch import FixMode, Progress, Task, check_one, run
    from .output import OutputContext, render

    resolver = SettingsResolver(args)
    if args.show_settings:
        return _show_settings(args, resolver)
    if args.jobs is not None and args.jobs < 0:
        raise UsageError("--jobs 须为正整数 (--jobs takes a positive number)")
    if args.unsafe_fixes and not (args.fix or args.diff or args.fix_only):
        raise UsageError("--unsafe-fixes 需要与 --fix 或 --diff 一起使用 (use it with --fix or --diff)")
    if args.write_baseline and (args.fix or args.diff or args.fix_only):
        raise UsageError("--write-baseline 不能与 --fix/--diff 同用 (cannot be combined with --fix/--diff)")
    mode = FixMode(fix=bool(args.fix or args.fix_only or args.diff), unsafe=bool(args.unsafe_fixes),
                   diff=bool(args.diff))
    baseline = None
    if args.baseline:
        try:
            baseline = bl.load(args.baseline)
        except bl.BaselineError as exc:
            raise UsageError(str(exc)) from None

    settings = resolver.unfolded(args.stdin_filename if "-" in (args.paths or []) else None)
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
            tasks.append(Task(f, f, resolver.for_file(f)))

    jobs = args.jobs or os.cpu_count() or 1
    progress = Progress(len(tasks), enabled=Progress.wanted(len(tasks), args.quiet))
    try:
        if stdin_index is not None:
            data = sys.stdin.buffer.read()
            rest = [t for i, t in enumerate(tasks) if i != stdin_index]
            # standard input is never written: --diff shows its fixes, --fix leaves it as it is
            stdin_res = check_one(tasks[stdin_index], FixMode(diff=mode.diff, unsafe=mode.unsafe, fix=mode.diff), data=data)
            progress.update(1)
            results = run(rest, jobs, mode, progress.update) + [stdin_res]
        else:
            results = run(tasks, jobs, mode, progress.update)
    finally:
        progress.close()
    results.sort(key=lambda r: r.path or "")

    fix_infos = [(r.path, r.meta.get("fix")) for r in results if r.meta.get("fix")]
    for path, info in fix_infos:
        if info.get("error"):
            print(f"gxlint: {path}: 无法写入修复 (could not write the fixes): {info['error']}", file=sys.stderr)
        if info.get("refused"):
            print(_fix_refused(path, info["refused"], settings.lang), file=sys.stderr)

    if args.diff:
        out = "".join(info["diff"] or "" for _p, info in fix_infos)
        _emit(args, out)
        return EXIT_FINDINGS if any(info["changed"] for _p, info in fix_infos) and not args.exit_zero else EXIT_OK

    if args.write_baseline:
        previous = None
        if os.path.exists(args.write_baseline):
            try:
                previous = bl.load(args.write_baseline)
            except bl.BaselineError:
                previous = None
        new = bl.build(args.write_baseline, results, previous)
        if previous is not None:   # entries of files not checked this time are kept
            checked = {new.key_path(r.path) for r in results}
            new.entries = [e for e in previous.entries if e.path not in checked] + new.entries
            new.entries.sort(key=lambda e: e.path)
        from .batch import atomic_write

        if os.path.isdir(args.write_baseline):
            raise UsageError(f"--write-baseline 是一个目录 (is a folder): {args.write_baseline}")
        try:
            atomic_write(args.write_baseline, bl.dumps(new).encode("utf-8"))
        except OSError as exc:
            raise UsageError(f"无法写入 (cannot write) {args.write_baseline}: {exc.strerror or exc}") from None
        if not args.quiet:
            n = sum(len(r.diagnostics) for r in results)
            print(f"gxlint: 已把 {n} 个问题记入基线 (recorded {n} finding(s) in) {args.write_baseline}", file=sys.stderr)
        return EXIT_OK

    stale = []
    if baseline is not None:
        from .engine import registry

        reg = registry()

        def enabled(path, code):
            cls = reg.get(code)
            return cls is not None and resolver.for_file(path).is_enabled(code, cls.name, path)

        stale = bl.apply(baseline, results, enabled)
        if stale and not args.quiet or stale and args.strict_baseline:
            print(f"gxlint: 基线中有 {len(stale)} 条已不再出现 (baseline entries that no longer match):", file=sys.stderr)
            for e in stale:
                why = f"  — {e.reason}" if e.reason else ""
                print(f"  {e.path}: {e.code} {e.message}{why}", file=sys.stderr)

    if args.fix_only:
        _fix_summary(fix_infos, settings.lang, args.quiet)
        return EXIT_OK

    fmt = args.format or "text"
    color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty()
                                       and os.environ.get("NO_COLOR") is None and fmt == "text")
    octx = OutputContext(lang=settings.lang, quiet=args.quiet, statistics=args.statistics, color=color,
                         show_source=not args.no_source)
    text = render(fmt, results, octx)
    if args.statistics:
        if fmt == "text":
            text += _statistics(results, settings.lang)
        elif fmt == "json":
            import json

            obj = json.loads(text)
            obj["statistics"] = _statistics_data(results)
            text = json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
        else:
            sys.stderr.write(_statistics(results, settings.lang))
    _emit(args, text)
    if mode.fix:
        _fix_summary(fix_infos, settings.lang, args.quiet)
    code = exit_code(results, args.fail_on or "error", args.exit_zero)
    if stale and args.strict_baseline and not args.exit_zero:
        code = max(code, EXIT_FINDINGS)
    return code


def _emit(args, text: str) -> None:
    if args.output:
        from .batch import atomic_write

        folder = os.path.dirname(os.path.abspath(args.output))
        if not os.path.isdir(folder):
            raise UsageError(f"输出目录不存在 (no such folder): {folder}")
        if os.path.isdir(args.output):
            raise UsageError(f"--output 是一个目录 (is a folder): {args.output}")
        try:
            atomic_write(args.output, text.encode("utf-8"))
        except OSError as exc:
            raise UsageError(f"无法写入 (cannot write) {args.output}: {exc.strerror or exc}") from None
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
    if not args.locations:
        _write_text(src.text)
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
    _write_text("".join(out))
    return EXIT_OK


def _write_text(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    sys.stdout.flush()


def _fix_summary(fix_infos, lang: str, quiet: bool) -> None:
    if quiet:
        return
    files = sum(1 for _p, i in fix_infos if i.get("written"))
    applied = sum(i.get("applied", 0) for _p, i in fix_infos if i.get("written"))
    if lang == "en":
        print(f"gxlint: fixed {applied} problem(s) in {files} file(s).", file=sys.stderr)
    else:
        print(f"gxlint: 已修复 {files} 个文件中的 {applied} 个问题。", file=sys.stderr)


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

def cmd_rules(args) -> int:
    import json

    from .engine import registry

    reg = registry()
    rows = [
        {"code": c.code, "name": c.name, "family": c.family, "severity": c.severity.label,
         "fixable": c.fixable, "summary": rule_summary(c)}
        for c in reg.values()
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            fix = "🔧" if r["fixable"] else "  "
            print(f"{r['code']}  {fix} {r['name']:<28} {r['family']:<11} {r['severity']:<11} {r['summary']}")
    return EXIT_OK


def rule_summary(cls) -> str:
    first = (cls.doc or "").strip().splitlines()[0] if cls.doc else ""
    return first.split("—", 1)[-1].strip() if "—" in first else first


def cmd_rule(args) -> int:
    from .engine import find_rule

    cls = find_rule(args.code)
    if cls is None:
        raise UsageError(f"没有这条规则 (no such rule): {args.code}")
    print(f"# {cls.code} {cls.name}\n")
    print(f"family: {cls.family} · default severity: {cls.severity.label} · fixable: {'yes' if cls.fixable else 'no'}\n")
    print(cls.doc)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
