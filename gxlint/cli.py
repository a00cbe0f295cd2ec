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

    r = sub.add_parser("rules", help="列出全部规则 (list the rules)")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")

    d = sub.add_parser("rule", help="规则说明 (a rule's documentation)")
    d.add_argument("code", help="rule code or name, e.g. GX301 or row-total-mismatch")

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

def collect_files(paths: Sequence[str], include=("*.txt", "*.md", "*.markdown"), exclude=()) -> list[str]:
    import fnmatch

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
                    rel = os.path.relpath(full, p)
                    if any(fnmatch.fnmatch(f, pat) for pat in include) and not any(
                        fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(f, pat) for pat in exclude
                    ):
                        out.append(full)
        elif os.path.exists(p):
            out.append(p)   # an explicitly named file is always checked, whatever its extension
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

    sev = {}
    for item in args.severity:
        if "=" not in item:
            raise UsageError(f"--severity takes CODE=LEVEL, not {item!r}")
        k, v = item.split("=", 1)
        sev[k.strip()] = v.strip()
    try:
        return Settings.from_options(
            base,
            select=args.select, extend_select=args.extend_select, ignore=args.ignore, severity=sev,
            lang=args.lang, template=args.template, year=args.year, organ_level=args.organ_level,
            max_bytes=args.max_bytes,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _base_settings(args):
    """Configuration file settings (the pipelines layer may provide them)."""
    try:
        from . import configfile
    except ImportError:
        return None
    if getattr(args, "isolated", False):
        return None
    try:
        return configfile.load_for_cli(args)
    except configfile.ConfigError as exc:
        raise UsageError(str(exc)) from None


def cmd_check(args) -> int:
    from .engine import lint_bytes, lint_path
    from .output import OutputContext, render

    base = _base_settings(args)
    settings = _settings_from_args(args, base)
    paths = args.paths or ["."]
    files = collect_files(paths, settings.include, settings.exclude)
    results = []
    for f in files:
        if f == "-":
            data = sys.stdin.buffer.read()
            results.append(lint_bytes(data, args.stdin_filename or "-", settings))
        else:
            results.append(lint_path(f, settings, display_path=f))
    results.sort(key=lambda r: r.path or "")

    fmt = args.format or "text"
    color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty()
                                       and os.environ.get("NO_COLOR") is None and fmt == "text")
    octx = OutputContext(lang=settings.lang, quiet=args.quiet, statistics=args.statistics, color=color,
                         show_source=not args.no_source)
    text = render(fmt, results, octx)
    if args.statistics and fmt == "text":
        text += _statistics(results, settings.lang)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return exit_code(results, args.fail_on or "error", args.exit_zero)


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
