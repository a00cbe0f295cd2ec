"""gxlint check | rules | rule CODE | show | report | compare | lsp | mcp  (see spec/cli.md; exit codes 0/1/2)."""
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


# argparse's own words (usage, headings, its errors), in Chinese: gettext ids of Python 3.10-3.13
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值 %(value)r（可选：%(choices)s）",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "无效的取值 %(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多一个值",
    "expected at least one argument": "至少需要一个值",
    "invalid %(type)s value: %(value)r": "不是有效的数值（%(type)s）：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可以是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同用",
    "ignored explicit argument %r": "忽略了显式的参数 %r",
    "one of the arguments %s is required": "需要参数 %s 之一",
}
class _Parser(argparse.ArgumentParser):
    """argparse in the run's language (``--lang``; Chinese by default, like every message): its
    headings and errors translated, and an error says what was probably meant (``--formt`` →
    ``--format``, ``chek`` → ``check``)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        hint = self._suggestion(message)
        help_cmd = f"{self.prog} --help" + (" --lang en" if _LANG[0] == "en" else "")
        more = (f"; see `{help_cmd}`" if _LANG[0] == "en" else f"；用法见 `{help_cmd}`")
        self.exit(2, f"gxlint: {message}{hint}{more}\n")

    def _suggestion(self, message: str) -> str:
        import difflib
        import re

        options = [o for a in self._actions for o in a.option_strings]
        choices = [c for a in self._actions if a.choices for c in a.choices]
        words = re.findall(r"(?:^|[\s：:'])(--?[\w-]+)", message) + re.findall(r"'([^']+)'", message)
        for w in words:
            pool = options if w.startswith("-") else [str(c) for c in choices]
            if w.startswith("-") and "=" in w:
                w = w.split("=", 1)[0]
            near = difflib.get_close_matches(w, pool, n=1, cutoff=0.6)
            if near and near[0] != w:
                return f" (did you mean {near[0]}?)" if _LANG[0] == "en" else f"（是不是 {near[0]}？）"
        return ""


def _translate(msg: str) -> str:
    if _LANG[0] == "en":
        return msg
    return _ARGPARSE_ZH.get(msg, msg)


def _run_lang(argv: Sequence[str]) -> str:
    """The language of this run's help and usage errors, before the arguments are parsed: the
    ``--lang`` given anywhere on the command line, else Chinese (every message's default)."""
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "zh"
        if a.startswith("--lang="):
            return "en" if a.split("=", 1)[1] == "en" else "zh"
    return "zh"


def _parser(lang: str = "zh") -> argparse.ArgumentParser:
    en = lang == "en"

    def h(zh: str, en_text: str) -> str:
        return en_text if en else zh

    p = _Parser(prog="gxlint", description=h("政府信息公开工作年度报告检查工具（英文帮助：--lang en）",
                                               "Checks annual reports on government information disclosure "
                                               "(Chinese help: without --lang en)"))
    p.add_argument("--version", action="version", version=f"gxlint {__version__}", help=h("显示版本号并退出", "print the version and exit"))
    sub = p.add_subparsers(dest="command", title=h("命令", "commands"), metavar="{check,rules,rule,show,report,compare,lsp,mcp}",
                           parser_class=_Parser)
    p.commands = sub.choices

    def lang_option(parser, default=None) -> None:
        parser.add_argument("--lang", choices=("zh", "en"), default=default,
                            help=h("说明和帮助的语言：zh 中文（默认）或 en 英文", "language of the messages and help: zh (default) or en"))

    c = sub.add_parser("check", help=h("检查报告文件或目录", "check files or directories"),
                       description=h("检查报告文件或目录（.txt .md .docx .html .pdf）；退出码 0 没有错误、1 有错误、2 运行失败",
                                     "check report files or folders (.txt .md .docx .html .pdf); exit 0 no error, "
                                     "1 errors found, 2 the run failed"))
    c.add_argument("paths", nargs="*", help=h("文件、目录，或 - 表示标准输入（默认：当前目录）",
                                              "files, directories, or - for standard input (default: .)"))
    c.add_argument("--format", choices=("text", "json", "sarif", "github"), default=None,
                   help=h("输出格式：text（默认）、json、sarif、github（拉取请求中的标注）",
                          "output format: text (default), json, sarif, github (pull-request annotations)"))
    c.add_argument("--output", "-o", metavar="FILE", help=h("把报告写入文件而不是标准输出", "write the report to FILE instead of stdout"))
    c.add_argument("--select", help=h("要检查的规则：代码、前缀或名称，逗号分隔（如 GX3,GX502）",
                                      "codes, prefixes or names to check (comma-separated)"))
    c.add_argument("--extend-select", help=h("在已选规则之外再加", "add to the selection"))
    c.add_argument("--ignore", help=h("不检查的规则：代码、前缀或名称", "codes, prefixes or names not to check"))
    c.add_argument("--severity", action="append", default=[], metavar="CODE=LEVEL",
                   help=h("调整规则或规则族的严重程度，如 GX306=error（可重复）",
                          "override a rule's or family's severity (repeatable)"))
    c.add_argument("--fail-on", choices=("error", "warning", "information", "hint"), default=None,
                   help=h("什么级别的问题使退出码为 1（默认 error）", "the severity that makes the exit code 1 (default: error)"))
    c.add_argument("--exit-zero", action="store_true", help=h("有问题也以 0 退出", "exit 0 even when there are findings"))
    lang_option(c)
    c.add_argument("--config", metavar="FILE", help=h("配置文件（pyproject.toml 或 gxlint.toml）", "configuration file (pyproject.toml or gxlint.toml)"))
    c.add_argument("--isolated", action="store_true", help=h("不读任何配置文件", "ignore configuration files"))
    c.add_argument("--template", choices=("v2019", "v2021"), default=None,
                   help=h("指定模板版本，不自动识别", "override template detection"))
    c.add_argument("--year", type=int, default=None, help=h("指定报告年度，不自动识别", "override the report year"))
    c.add_argument("--organ-level", choices=("department", "government", "township"), default=None,
                   help=h("机关层级：department 部门、government 人民政府、township 乡镇街道（影响发布期限）",
                          "the organ's level: department, government or township (sets the publication deadline)"))
    c.add_argument("--jobs", "-j", type=int, default=None, help=h("并行进程数（默认为 CPU 核数）", "parallel processes (default: cores)"))
    c.add_argument("--statistics", action="store_true", help=h("按规则、按文件统计", "counts per rule and per file"))
    c.add_argument("--quiet", "-q", action="store_true", help=h("只输出问题，不输出汇总和进度条", "only the diagnostics, no summary or progress"))
    c.add_argument("--stdin-filename", default=None, help=h("标准输入在报告中使用的文件名", "the name to report for standard input"))
    c.add_argument("--max-bytes", type=int, default=None, help=h("超过此大小的文件报告为 GX002", "files larger than this are GX002"))
    c.add_argument("--no-source", action="store_true", help=h("文本格式：不显示原文行", "text format: do not show the source lines"))
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help=h("彩色输出：auto（终端上）、always、never", "colour: auto (on a terminal), always, never"))
    c.add_argument("--fix", action="store_true",
                   help=h("应用安全的修复（改写文本文件；标准输入修复后写到标准输出）",
                          "apply the safe fixes (writes text files; standard input goes to standard output fixed)"))
    c.add_argument("--unsafe-fixes", action="store_true",
                   help=h("与 --fix/--diff 同用：也应用需人工核对的修复", "with --fix/--diff: also apply the fixes to review by hand"))
    c.add_argument("--fix-only", action="store_true", help=h("只修复，不报告剩余的问题", "apply fixes and do not report what remains"))
    c.add_argument("--diff", action="store_true", help=h("以统一差异格式显示修复，不写文件", "show the fixes as a unified diff; do not write"))
    c.add_argument("--follow-symlinks", action="store_true",
                   help=h("与 --fix 同用：命令行上点名的符号链接文件也写入（写到它指向的文件）；遍历目录找到的文件绝不写到目录之外",
                          "with --fix: write a file named on the command line that is a symbolic link (its target); "
                          "files found in a folder are never written outside it"))
    c.add_argument("--baseline", metavar="FILE", help=h("只报告这个基线中没有记录的问题", "report only findings not recorded in this baseline"))
    c.add_argument("--write-baseline", metavar="FILE", help=h("把当前的问题记入基线文件", "record the current findings in FILE"))
    c.add_argument("--strict-baseline", action="store_true",
                   help=h("基线中有已不再出现的条目时也失败", "fail when baseline entries no longer match"))
    c.add_argument("--show-settings", action="store_true",
                   help=h("显示对 PATH 生效的配置后退出", "print the settings resolved for PATH and exit"))
    c.add_argument("--lint-all", action="store_true", default=None,
                   help=h("遍历目录时也检查不像年度报告的文件（README、笔记）",
                          "in a folder walk, also check files that do not look like a report (a README, notes)"))
    c.add_argument("--history", action="append", default=[], metavar="DIR",
                   help=h("往年的报告：与被检查的报告一起读取（GX7），本身不报告问题",
                          "earlier years' reports, read beside the checked ones (GX7) but not reported on"))
    c.add_argument("--force-exclude", action="store_true",
                   help=h("命令行上点名的文件也按 exclude 排除（用于 pre-commit）",
                          "apply the exclude patterns to files named on the command line too (for pre-commit)"))

    r = sub.add_parser("rules", help=h("列出全部规则", "list the rules"))
    r.add_argument("--format", choices=("text", "json"), default="text", help=h("输出格式", "output format"))
    lang_option(r, "zh")

    d = sub.add_parser("rule", help=h("一条规则的说明", "a rule's documentation"))
    d.add_argument("code", help=h("规则代码或名称，如 GX301 或 row-total-mismatch", "rule code or name, e.g. GX301 or row-total-mismatch"))
    lang_option(d, "zh")
    d.add_argument("--markdown", action="store_true", help=h("输出原始 Markdown（同 docs/rules/）", "print the raw Markdown (as in docs/rules/)"))
    d.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help=h("彩色输出：auto（终端上）、always、never", "colour: auto (on a terminal), always, never"))

    sh = sub.add_parser("show", help=h("显示文件的文本视图（行号列号所指）", "print the text view that line:column point into"))
    sh.add_argument("path", help=h(".txt、.md、.docx、.html 或 .pdf 文件（- 表示标准输入）", "a .txt, .md, .docx, .html or .pdf file (- for standard input)"))
    sh.add_argument("--locations", action="store_true", help=h("同时显示每行在原文档中的位置", "also print each line's native location"))
    lang_option(sh)
    from .report import add_parser as _report_parser

    _report_parser(sub, lang)
    from .across.compare_cli import add_parser as _compare_parser

    _compare_parser(sub, lang)

    lsp = sub.add_parser("lsp", help=h("语言服务器（在标准输入输出上）", "language server on stdio"))
    lsp.add_argument("--stdio", action="store_true", help=h("（默认）在标准输入输出上使用 LSP", "(default) talk LSP on stdin/stdout"))
    from .mcp import add_arguments as _mcp_arguments

    _mcp_arguments(sub.add_parser("mcp", help=h("供 AI 助手调用的 MCP 服务器（在标准输入输出上）", "MCP server for AI assistants, on stdio")), lang)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _LANG[0] = _run_lang(argv)
    saved = argparse._
    argparse._ = _translate        # argparse's words in the run's language (restored below)
    try:
        parser = _parser(_LANG[0])
        args, extra = parser.parse_known_args(argv)
        if extra:       # said by the command's own parser: its usage, its options to suggest from
            (parser.commands.get(args.command) or parser).error(_translate("unrecognized arguments: %s") % " ".join(extra))
    finally:
        argparse._ = saved
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
        if args.command == "mcp":
            from .mcp import run as mcp_run

            return mcp_run(args)
        saved = argparse._
        argparse._ = _translate
        try:
            _parser(_LANG[0]).print_help()
        finally:
            argparse._ = saved
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
    "include": ("不在配置的 include 之内（include = {patterns}）；要检查它，把它的类型加进 include",
                "not matched by the include of the configuration (include = {patterns}); add its type to include to check it"),
    "excluded": ("被配置中的 include/exclude 排除", "left out by the include/exclude of the configuration"),
    "special": ("不是普通文件（管道、设备、套接字或失效的链接）", "not a regular file (a pipe, device, socket or broken link)"),
    "not_report": ("不像年度报告（没有标题、部分标题或表格），如 README、笔记；用 --lint-all 也检查它",
                   "does not look like an annual report (no title, section headings or tables), e.g. a README "
                   "or notes; --lint-all checks it too"),
    "force_excluded": ("被配置中的 exclude 排除（--force-exclude）", "left out by the exclude of the configuration (--force-exclude)"),
}


def skip_reason(reason, lang: str) -> str:
    from .read import EXTENSIONS

    if isinstance(reason, tuple) and reason[0] == "history":     # ("history", why): an earlier year's report not read
        from .across.index import skipped_message

        msg = skipped_message(reason[1], lang)
        return f"--history: not read: {msg}" if lang == "en" else f"--history：未能读取：{msg}"

    if isinstance(reason, tuple) and reason[0] == "include":     # ("include", the patterns)
        zh, en = SKIP_REASONS["include"]
        return (en if lang == "en" else zh).format(patterns=", ".join(reason[1]))
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


CONFIG_FILES = ("pyproject.toml", "gxlint.toml")


def collect_files(paths: Sequence[str], include=None, exclude=(), excluded=None, force_excluded=None,
                  own: Sequence[str] = ()) -> Collected:
    """Files to check: named files always (whatever their extension); folders walked recursively,
    taking regular files only.  ``excluded(path)``, when given, says why a file found in a folder
    is left out ("type", ("include", patterns), "excluded" or None: per-file include/exclude of its
    configuration); otherwise ``include``/``exclude`` patterns decide.  What is left out is
    recorded, never dropped silently — but gxlint's own files (configuration files, and ``own``:
    the baseline of this run) are not documents and are not listed; a folder that cannot be listed
    is recorded in ``folder_errors``."""
    import fnmatch
    import stat

    if include is None:
        from .read import EXTENSIONS

        include = tuple("*" + e for e in EXTENSIONS)
    out = Collected()
    seen: set[str] = set()
    own_real = {os.path.realpath(o) for o in own if o and o != "-"}

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
                        if f not in CONFIG_FILES and os.path.realpath(full) not in own_real:
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
        from .diagnostics import Severity

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


def _default_include() -> tuple:
    from .config import Settings

    return Settings().include


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
        """Why a file found in a folder is left out: "type" (not a format gxlint reads, with the
        default ``include``), ("include", patterns) (a format gxlint reads that the configured
        ``include`` leaves out), "excluded" (matched by ``exclude``) or None."""
        import fnmatch

        from . import configfile

        s = self.unfolded(path)
        root = os.path.dirname(s.source) if s.source else os.getcwd()
        rel = configfile._rel_to(path, root)
        name = rel.rsplit("/", 1)[-1]
        if not any(configfile.glob_match(rel, p) or fnmatch.fnmatchcase(name.lower(), p) for p in s.include):
            from .read import supported

            default = tuple(_default_include())
            return ("include", tuple(s.include)) if supported(name) and tuple(s.include) != default else "type"
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
    if mode.fix and not mode.diff and "-" in (args.paths or []) and len(args.paths) > 1:
        raise UsageError(_say("--fix 与标准输入（-）同用时只能检查标准输入：修复后的文本写到标准输出；文件请另行检查",
                              "--fix with standard input (-) checks standard input alone: the fixed text goes to "
                              "standard output; check the files in another run"))
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
                          force_excluded=resolver.force_excluded if args.force_exclude else None,
                          own=(args.baseline, args.write_baseline, args.output))
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
    from .model import Span
    from .batch import FixMode, check_one, decode_failure, run_iter
    from .engine import Result, engine_diagnostic

    fixed = []      # (path, result) known before the batch runs
    rest = [t for i, t in enumerate(tasks) if i != stdin_index]
    if stdin_index is not None:
        st = tasks[stdin_index]
        data, too_large = _read_stdin(st.settings.max_bytes)
        # standard input: --diff shows its fixes; --fix writes the fixed text to standard output (as
        # ruff does: `gxlint check --fix - < in.txt > out.txt`), the report goes to standard error
        if too_large is not None:
            stdin_res = decode_failure(st, too_large)
        elif mode.fix and not mode.diff:
            stdin_res = check_one(st, FixMode(fix=True, unsafe=mode.unsafe), data=data)
            stdin_res.meta["stdin_out"] = _stdin_fixed(stdin_res, data)
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


def _stdin_fixed(res, data: bytes) -> bytes:
    """What ``--fix -`` writes to standard output: the fixed text in the input's own encoding, BOM
    and line endings, or the input unchanged (nothing fixed; a .docx/.pdf; an encoding that was a guess)."""
    from .io import encode

    info = res.meta.setdefault("fix", {})
    info["stdin"] = True
    if info.get("changed") and res.text is not None and not res.meta.get("uncertain_encoding"):
        try:
            out = encode(res.text, res.encoding or "utf-8", res.bom)
        except (UnicodeError, LookupError) as exc:
            info["error"] = str(exc)
            return data
        info["stdout"] = True
        return out
    if info.get("changed") and res.meta.get("uncertain_encoding"):
        info["error"] = _say(f"无法确定编码（按 {res.meta['uncertain_encoding']} 读取只是推测），原样输出，未修复",
                             f"the encoding is a guess ({res.meta['uncertain_encoding']}): written out unchanged, not fixed")
    info["fixed"] = 0
    return data


def _write_stdout_bytes(data: bytes) -> None:
    out = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    if out is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
    else:
        out.write(data)
        out.flush()


def _run_check(args, tasks, stdin_index, files, resolver, mode, baseline, lang, paths) -> int:
    """Check the files and write the report file by file (a batch of any size keeps one file's
    result at a time; what is kept is counts, the baseline's entries and the skipped paths)."""
    from . import baseline as bl
    from .diagnostics import Severity
    from .batch import Progress
    from .output import OutputContext, safe_lines, safe_text
    from .output.stream import Sink, SinkError, writer

    fmt = args.format or "text"
    diff_to_tty = bool(args.diff) and args.output in (None, "-") and sys.stdout.isatty()
    color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty()
                                       and os.environ.get("NO_COLOR") is None and fmt == "text")
    octx = OutputContext(lang=lang, quiet=args.quiet, statistics=args.statistics, color=color,
                         show_source=not args.no_source)
    octx.extra["fixing"] = mode.fix and not mode.diff
    stdin_fix = stdin_index is not None and mode.fix and not mode.diff
    # --fix -: standard output carries the fixed text, the report goes to standard error
    sink = Sink(args.output) if (args.output or args.diff) and not args.write_baseline and not args.fix_only \
        else Sink(None, stream=sys.stderr if stdin_fix else None)
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
            if "stdin_out" in r.meta:
                _write_stdout_bytes(r.meta.pop("stdin_out"))
            info = r.meta.get("fix")
            if info:
                if info.get("error"):
                    write_failed = True
                    progress.close()
                    print(safe_text(_msg(lang, f"gxlint: {r.path}: 无法写入修复：{info['error']}",
                                         f"gxlint: {r.path}: could not write the fixes: {info['error']}")), file=sys.stderr)
                if info.get("refused"):
                    progress.close()
                    print(safe_text(_fix_refused(r.path, info["refused"], lang, info.get("refused_count", 0))),
                          file=sys.stderr)
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
            nf = sum(1 for r in kept if r.diagnostics)
            old = len(new.entries) - n
            where = safe_text(args.write_baseline if args.write_baseline != "-" else _msg(lang, "标准输出", "standard output"))
            print(_msg(lang, f"gxlint: 已把 {n} 个问题记入基线 {where}（检查了 {len(kept)} 个文件，其中 {nf} 个有问题）"
                             + (f"；另保留了本次未检查的文件的 {old} 条记录" if old > 0 else "")
                             + f"。以后用 --baseline {where} 只报告新出现的问题。",
                       f"gxlint: recorded {n} finding(s) in the baseline {where} ({len(kept)} file(s) checked, {nf} with findings)"
                       + (f"; kept {old} entries of files not checked this time" if old > 0 else "")
                       + f". Use --baseline {where} to report only new findings."), file=sys.stderr)
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

    if matcher is not None:
        octx.extra["baseline"] = {"path": args.baseline, "accepted": matcher.accepted, "stale": len(stale),
                                  "strict": bool(args.strict_baseline)}
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


def _fix_refused(path: str, fmt: str, lang: str, n: int = 0) -> str:
    """--fix on a .docx/.html/.pdf that has fixable findings: gxlint does not write those; say so
    (never for a document with nothing to fix)."""
    name = {"docx": "Word 文档", "html": "网页", "pdf": "PDF"}.get(fmt, fmt)
    if lang == "en":
        return (f"gxlint: {path}: {n} finding(s) not fixed — gxlint only writes text files; make these fixes "
                f"in the source document ({fmt})")
    return f"gxlint: {path}: {n} 个问题未自动修复 — gxlint 只修改文本文件，请在源文档（{name}）中修改"


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
        from .model import Span

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
    fixed = sum(i.get("fixed", 0) for _p, i in fix_infos if i.get("written") or i.get("stdout"))
    stdin = [i for _p, i in fix_infos if i.get("stdin")]
    if stdin and not fixed:
        print(_msg(lang, "gxlint: 标准输入中没有自动修复的问题，已原样写到标准输出。",
                   "gxlint: nothing was fixed in standard input; it is on standard output unchanged."), file=sys.stderr)
        return
    if any(i.get("stdout") for i in stdin) or (stdin and not files):
        if lang == "en":
            print(f"gxlint: fixed {fixed} finding(s) in standard input; the fixed text is on standard output.", file=sys.stderr)
        else:
            print(f"gxlint: 已修复标准输入中的 {fixed} 个问题，修复后的文本已写到标准输出。", file=sys.stderr)
        return
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
    from .diagnostics import Severity

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

    from . import families
    from .docs import SEVERITY_ZH
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
            fam = r["family"] if en else families.name(r["family"])
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


SECTION_EN = {"检查内容": "What it checks", "为什么": "Why", "示例": "Examples", "依据": "Basis"}


def message_groups(cls) -> dict[str, list[str]]:
    """A rule's message ids by use: "findings" (what it reports), "fixes" (its fixes' titles),
    "details" (related places and other pieces), "corrections" (what a review letter asks for)."""
    from .rule import CORRECT

    ids = list(cls.messages)
    corrections = [m for m in ids if m == CORRECT or m.startswith(CORRECT + ".")]
    fixes = [m for m in ids if m == "fix" or m.startswith("fix_")]
    per_id = {m.partition(".")[2] for m in corrections if "." in m}
    rest = [m for m in ids if m not in corrections and m not in fixes]
    findings = [m for m in rest if m in per_id] if per_id else rest
    details = [m for m in rest if m not in findings]
    return {"findings": findings, "fixes": fixes, "details": details, "corrections": corrections}


def _placeholders(text: str) -> str:
    import re

    return re.sub(r"\{(\w+)\}", r"<\1>", text)


def _english_example(cls) -> list[str]:
    """What gxlint says, in English, on the rule's bad example (its real messages, not templates)."""
    import re

    from .testing import RuleTester

    if cls.emitted_by_engine:
        return []
    m = re.search(r"```report bad\n(.*?)```", cls.doc or "", re.S)
    if not m:
        return []
    try:
        _res, own = RuleTester(cls.code, lang="en").diagnostics(m.group(1))
    except Exception:      # a third-party rule that fails on its own example: leave the example out
        return []
    from .positions import LineIndex

    lines = LineIndex(m.group(1))
    out = []
    for d in own[:6]:
        ln, col = lines.position(d.span.start)
        out.append(f"  {ln + 1}:{col + 1}: {d.code} [{d.severity.label}] {d.message}")
        if d.fix is not None:
            out.append(f"      fix{'' if d.fix.safe else ' (to review by hand)'}: {d.fix.message}")
        if d.data.get("correction"):
            out.append(f"      what to correct: {d.data['correction']}")
    return out


def render_rule_for_terminal(cls, lang: str = "zh", color: bool = False) -> str:
    """A rule's documentation for a terminal: headings underlined, the ```report examples shown
    as labelled, indented examples, links as "text (target)"; no Markdown markup left.  In English:
    the rule's messages in English (what it reports, its fixes, the corrections review letters ask
    for; <name> is a value gxlint fills in) and what it says on the bad example, then the
    documentation, which is Chinese only (said so, with each heading glossed)."""
    import re

    from . import families
    from .docs import SEVERITY_ZH, rule_body, rule_title

    bold = (lambda s: f"\033[1m{s}\033[0m") if color else (lambda s: s)
    dim = (lambda s: f"\033[2m{s}\033[0m") if color else (lambda s: s)
    sev = cls.severity.label
    out = [bold(f"{cls.code} {cls.name}")]
    if lang == "en":
        out.append(rule_summary(cls, "en"))
        out.append(f"family: {cls.family} · default severity: {sev} · fixable: {'yes' if cls.fixable else 'no'}")
        groups = message_groups(cls)
        titles = {"findings": "What it reports (<name> is a value gxlint fills in):",
                  "fixes": "Its fixes:", "details": "Details it adds (related places, parts of a sum):",
                  "corrections": "What a review letter asks the organ to do (gxlint report):"}
        for key in ("findings", "fixes", "details", "corrections"):
            texts = [cls.messages[m].get("en") for m in groups[key] if cls.messages[m].get("en")]
            if not texts:
                continue
            out.append("")
            out.append(bold(titles[key]))
            out.extend("  - " + _placeholders(t) for t in texts)
        example = _english_example(cls)
        if example:
            out.append("")
            out.append(bold("On the bad example below, gxlint --lang en says:"))
            out.extend(example)
        out.append("")
        out.append(dim("The documentation below — what it checks (检查内容), why (为什么), the examples (示例) and "
                       "the basis (依据) — is written in Chinese only; the messages above are gxlint's English."))
    else:
        out.append(rule_title(cls))
        out.append(f"规则族：{families.name(cls.family)} · 默认严重程度：{SEVERITY_ZH.get(sev, sev)} · "
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
            if lang == "en" and title in SECTION_EN:
                title = f"{title} ({SECTION_EN[title]}, in Chinese)"
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
