"""gxlint check | rules | rule CODE | show | report | compare | lsp | mcp  (docs/en/cli.md; exit codes 0/1/2).

The parser and the dispatch; each command is a module of this package (:mod:`.check`,
:mod:`.rules`, :mod:`.show`), imported when it runs.  What the commands share with the other
front ends lies below them: :mod:`gxlint.files` (which files), :mod:`gxlint.resolve` (their
settings), :mod:`gxlint.errors` (UsageError, exit codes).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any, Iterator, Optional, Sequence

from .. import __version__
from ..errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError
from ..read.registry import in_words as read_formats

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "UsageError", "main"]
_LANG = ["zh"]  # the language of this run's own messages (--lang; Chinese by default)


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
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": "无效的取值 %(value)r（可选：%(choices)s）",
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

    commands: dict[str, _Parser]  # the top parser's: each command's parser (set by _parser)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        hint = self._suggestion(message)
        help_cmd = f"{self.prog} --help" + (" --lang en" if _LANG[0] == "en" else "")
        more = f"; see `{help_cmd}`" if _LANG[0] == "en" else f"；用法见 `{help_cmd}`"
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


def _parser(lang: str = "zh") -> _Parser:
    from ..output.stream import WRITERS  # --format: the names the writers register

    en = lang == "en"

    def h(zh: str, en_text: str) -> str:
        return en_text if en else zh

    p = _Parser(
        prog="gxlint",
        description=h(
            "政府信息公开工作年度报告检查工具（英文帮助：--lang en）",
            "Checks annual reports on government information disclosure (Chinese help: without --lang en)",
        ),
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"gxlint {__version__}",
        help=h("显示版本号并退出", "print the version and exit"),
    )
    sub = p.add_subparsers(
        dest="command",
        title=h("命令", "commands"),
        metavar="{check,rules,rule,show,report,compare,lsp,mcp}",
        parser_class=_Parser,
    )
    p.commands = sub.choices

    def lang_option(parser, default=None) -> None:
        parser.add_argument(
            "--lang",
            choices=("zh", "en"),
            default=default,
            help=h(
                "说明和帮助的语言：zh 中文（默认）或 en 英文", "language of the messages and help: zh (default) or en"
            ),
        )

    c = sub.add_parser(
        "check",
        help=h("检查报告文件或目录", "check files or directories"),
        description=h(
            f"检查报告文件或目录（{read_formats('zh')}）；退出码 0 没有错误、1 有错误、2 运行失败",
            f"check report files or folders ({read_formats('en')}); exit 0 no error, 1 errors found, 2 the run failed",
        ),
    )
    c.add_argument(
        "paths",
        nargs="*",
        help=h(
            "文件、目录，或 - 表示标准输入（默认：当前目录）",
            "files, directories, or - for standard input (default: .)",
        ),
    )
    c.add_argument(
        "--format",
        choices=tuple(WRITERS),
        default=None,
        help=h(
            "输出格式：text（默认）、json、sarif、github（拉取请求中的标注）",
            "output format: text (default), json, sarif, github (pull-request annotations)",
        ),
    )
    c.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help=h("把报告写入文件而不是标准输出", "write the report to FILE instead of stdout"),
    )
    c.add_argument(
        "--select",
        help=h(
            "要检查的规则：代码、前缀或名称，逗号分隔（如 GX3,GX502）",
            "codes, prefixes or names to check (comma-separated)",
        ),
    )
    c.add_argument("--extend-select", help=h("在已选规则之外再加", "add to the selection"))
    c.add_argument("--ignore", help=h("不检查的规则：代码、前缀或名称", "codes, prefixes or names not to check"))
    c.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="CODE=LEVEL",
        help=h(
            "调整规则或规则族的严重程度，如 GX306=error（可重复）",
            "override a rule's or family's severity (repeatable)",
        ),
    )
    c.add_argument(
        "--fail-on",
        choices=("error", "warning", "information", "hint"),
        default=None,
        help=h("什么级别的问题使退出码为 1（默认 error）", "the severity that makes the exit code 1 (default: error)"),
    )
    c.add_argument(
        "--exit-zero", action="store_true", help=h("有问题也以 0 退出", "exit 0 even when there are findings")
    )
    lang_option(c)
    c.add_argument(
        "--config",
        metavar="FILE",
        help=h("配置文件（pyproject.toml 或 gxlint.toml）", "configuration file (pyproject.toml or gxlint.toml)"),
    )
    c.add_argument("--isolated", action="store_true", help=h("不读任何配置文件", "ignore configuration files"))
    c.add_argument(
        "--template",
        choices=("v2019", "v2021"),
        default=None,
        help=h("指定模板版本，不自动识别", "override template detection"),
    )
    c.add_argument("--year", type=int, default=None, help=h("指定报告年度，不自动识别", "override the report year"))
    c.add_argument(
        "--organ-level",
        choices=("department", "government", "township"),
        default=None,
        help=h(
            "机关层级：department 部门、government 人民政府、township 乡镇街道（影响发布期限）",
            "the organ's level: department, government or township (sets the publication deadline)",
        ),
    )
    c.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        help=h("并行进程数（默认为 CPU 核数）", "parallel processes (default: cores)"),
    )
    c.add_argument("--statistics", action="store_true", help=h("按规则、按文件统计", "counts per rule and per file"))
    c.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help=h("只输出问题，不输出汇总和进度条", "only the diagnostics, no summary or progress"),
    )
    c.add_argument(
        "--stdin-filename",
        default=None,
        help=h("标准输入在报告中使用的文件名", "the name to report for standard input"),
    )
    c.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        help=h("超过此大小的文件报告为 GX002", "files larger than this are GX002"),
    )
    c.add_argument(
        "--no-source",
        action="store_true",
        help=h("文本格式：不显示原文行", "text format: do not show the source lines"),
    )
    c.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help=h("彩色输出：auto（终端上）、always、never", "colour: auto (on a terminal), always, never"),
    )
    c.add_argument(
        "--fix",
        action="store_true",
        help=h(
            "应用安全的修复（改写文本文件；标准输入修复后写到标准输出）",
            "apply the safe fixes (writes text files; standard input goes to standard output fixed)",
        ),
    )
    c.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help=h(
            "与 --fix/--diff 同用：也应用需人工核对的修复", "with --fix/--diff: also apply the fixes to review by hand"
        ),
    )
    c.add_argument(
        "--fix-only",
        action="store_true",
        help=h("只修复，不报告剩余的问题", "apply fixes and do not report what remains"),
    )
    c.add_argument(
        "--diff",
        action="store_true",
        help=h("以统一差异格式显示修复，不写文件", "show the fixes as a unified diff; do not write"),
    )
    c.add_argument(
        "--follow-symlinks",
        action="store_true",
        help=h(
            "与 --fix 同用：命令行上点名的符号链接文件也写入（写到它指向的文件）；遍历目录找到的文件绝不写到目录之外",
            "with --fix: write a file named on the command line that is a symbolic link (its target); "
            "files found in a folder are never written outside it",
        ),
    )
    c.add_argument(
        "--baseline",
        metavar="FILE",
        help=h("只报告这个基线中没有记录的问题", "report only findings not recorded in this baseline"),
    )
    c.add_argument(
        "--write-baseline", metavar="FILE", help=h("把当前的问题记入基线文件", "record the current findings in FILE")
    )
    c.add_argument(
        "--strict-baseline",
        action="store_true",
        help=h("基线中有已不再出现的条目时也失败", "fail when baseline entries no longer match"),
    )
    c.add_argument(
        "--show-settings",
        action="store_true",
        help=h("显示对 PATH 生效的配置后退出", "print the settings resolved for PATH and exit"),
    )
    c.add_argument(
        "--lint-all",
        action="store_true",
        default=None,
        help=h(
            "遍历目录时也检查不像年度报告的文件（README、笔记）",
            "in a folder walk, also check files that do not look like a report (a README, notes)",
        ),
    )
    c.add_argument(
        "--history",
        action="append",
        default=[],
        metavar="DIR",
        help=h(
            "往年的报告：与被检查的报告一起读取（GX7），本身不报告问题",
            "earlier years' reports, read beside the checked ones (GX7) but not reported on",
        ),
    )
    c.add_argument(
        "--force-exclude",
        action="store_true",
        help=h(
            "命令行上点名的文件也按 exclude 排除（用于 pre-commit）",
            "apply the exclude patterns to files named on the command line too (for pre-commit)",
        ),
    )

    r = sub.add_parser("rules", help=h("列出全部规则", "list the rules"))
    r.add_argument("--format", choices=("text", "json"), default="text", help=h("输出格式", "output format"))
    lang_option(r, "zh")

    d = sub.add_parser("rule", help=h("一条规则的说明", "a rule's documentation"))
    d.add_argument(
        "code",
        help=h("规则代码或名称，如 GX301 或 row-total-mismatch", "rule code or name, e.g. GX301 or row-total-mismatch"),
    )
    lang_option(d, "zh")
    d.add_argument(
        "--markdown",
        action="store_true",
        help=h("输出原始 Markdown（同 docs/rules/）", "print the raw Markdown (as in docs/rules/)"),
    )
    d.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help=h("彩色输出：auto（终端上）、always、never", "colour: auto (on a terminal), always, never"),
    )

    sh = sub.add_parser(
        "show", help=h("显示文件的文本视图（行号列号所指）", "print the text view that line:column point into")
    )
    sh.add_argument(
        "path",
        help=h(
            f"{read_formats('zh', short=True)} 等文件（- 表示标准输入）",
            f"a {read_formats('en', short=True)} … file (- for standard input)",
        ),
    )
    sh.add_argument(
        "--locations",
        action="store_true",
        help=h("同时显示每行在原文档中的位置", "also print each line's native location"),
    )
    lang_option(sh)
    from .report import add_parser as _report_parser

    _report_parser(sub, lang)
    from .compare import add_parser as _compare_parser

    _compare_parser(sub, lang)

    lsp = sub.add_parser("lsp", help=h("语言服务器（在标准输入输出上）", "language server on stdio"))
    lsp.add_argument(
        "--stdio", action="store_true", help=h("（默认）在标准输入输出上使用 LSP", "(default) talk LSP on stdin/stdout")
    )
    from ..mcp import add_arguments as _mcp_arguments

    _mcp_arguments(
        sub.add_parser(
            "mcp", help=h("供 AI 助手调用的 MCP 服务器（在标准输入输出上）", "MCP server for AI assistants, on stdio")
        ),
        lang,
    )
    return p


@contextlib.contextmanager
def _argparse_words() -> Iterator[None]:
    """argparse's words in the run's language within the block: argparse looks them up through its
    module's ``_`` (gettext), a name typeshed does not declare (hence the module as Any)."""
    module: Any = argparse
    saved = module._
    module._ = _translate
    try:
        yield
    finally:
        module._ = saved


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _LANG[0] = _run_lang(argv)
    with _argparse_words():
        parser = _parser(_LANG[0])
        args, extra = parser.parse_known_args(argv)
        if extra:  # said by the command's own parser: its usage, its options to suggest from
            (parser.commands.get(args.command) or parser).error(
                _translate("unrecognized arguments: %s") % " ".join(extra)
            )
    _LANG[0] = getattr(args, "lang", None) or "zh"
    try:
        if args.command == "check":
            from .check import cmd_check

            return cmd_check(args)
        if args.command == "rules":
            from .rules import cmd_rules

            return cmd_rules(args)
        if args.command == "rule":
            from .rules import cmd_rule

            return cmd_rule(args)
        if args.command == "show":
            from .show import cmd_show

            return cmd_show(args)
        if args.command == "report":
            from ..report import main as report_main

            return report_main(args)
        if args.command == "compare":
            from ..across.compare_cli import main as compare_main

            return compare_main(args)
        if args.command == "lsp":
            from ..lsp import main as lsp_main

            return lsp_main() or 0
        if args.command == "mcp":
            from ..mcp import run as mcp_run

            return mcp_run(args)
        with _argparse_words():
            _parser(_LANG[0]).print_help()
        return EXIT_ERROR
    except UsageError as exc:
        from ..output import safe_lines

        print(safe_lines(f"gxlint: {exc}"), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
