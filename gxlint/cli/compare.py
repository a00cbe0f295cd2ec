"""``gxlint compare``'s arguments.  The command runs in :mod:`gxlint.across.compare_cli` (imported
only when it runs)."""

from __future__ import annotations


def add_parser(sub, lang: str = "zh") -> None:
    """The ``compare`` subcommand's options (registered by :func:`gxlint.cli._parser`), their help in ``lang``."""

    def h(zh: str, en: str) -> str:
        return en if lang == "en" else zh

    c = sub.add_parser("compare", help=h("与上年对比：两份报告的数字和文字", "what changed since last year"))
    c.add_argument(
        "old", help=h("上一年度的报告（.txt .md .docx .html .pdf）", "last year's report (.txt .md .docx .html .pdf)")
    )
    c.add_argument("new", help=h("本年度的报告", "this year's report"))
    c.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default=None,
        help=h("text（默认；-o 以 .html 结尾时为 html）、json 或 html", "text (default; html when -o ends in .html)"),
    )
    c.add_argument(
        "--output", "-o", metavar="FILE", help=h("写入文件而不是标准输出", "write to FILE instead of stdout")
    )
    c.add_argument(
        "--all",
        action="store_true",
        help=h("text：列出每个单元格，不只是变了的", "text: every cell, not only those that changed"),
    )
    c.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help=h("说明和帮助的语言：zh 中文（默认）或 en 英文", "language of the messages and help: zh (default) or en"),
    )
    c.add_argument(
        "--template",
        choices=("v2019", "v2021"),
        default=None,
        help=h("指定模板版本，不自动识别", "override template detection"),
    )
    c.add_argument("--max-bytes", type=int, default=None, help=h("超过此大小的文件不读", "larger files are refused"))
