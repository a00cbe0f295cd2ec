"""``gxlint report``'s arguments.  The command runs in :mod:`gxlint.report` (imported only when it
runs: building the parser for another command does not import it)."""

from __future__ import annotations


def add_parser(sub, lang: str = "zh") -> None:
    """The ``report`` subcommand's options (registered by :func:`gxlint.cli._parser`), their help in ``lang``."""
    en = lang == "en"

    def h(zh: str, en_text: str) -> str:
        return en_text if en else zh

    r = sub.add_parser(
        "report",
        help=h(
            "审查报告：HTML 页面、Excel 表格或审查意见（Word）",
            "reviewer's report: an HTML page, a spreadsheet or review letters (Word)",
        ),
        description=h(
            "审查一批报告，写成 HTML 页面（-o 审查.html）、Excel 表格（-o 审查.xlsx）"
            "或给各报送单位的审查意见（-o 意见.docx）；见 docs/zh/report.md",
            "review a batch of reports as an HTML page (-o review.html), a spreadsheet "
            "(-o review.xlsx) or letters to the organs (-o opinions.docx); see docs/en/report.md",
        ),
    )
    r.add_argument("paths", nargs="*", help=h("报告文件或目录", "report files or folders"))
    r.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help=h(
            "review.html、review.xlsx 或 意见.docx（按扩展名决定写成什么）",
            "review.html, review.xlsx or opinions.docx (the kind follows the extension)",
        ),
    )
    r.add_argument(
        "--split",
        action="store_true",
        help=h(
            "docx：每份报告一封审查意见，写在 -o 指定的目录中", "docx: one letter per report, in the folder named by -o"
        ),
    )
    r.add_argument(
        "--select",
        help=h("要检查的规则：代码、前缀或名称，逗号分隔", "codes, prefixes or names to check (comma-separated)"),
    )
    r.add_argument("--extend-select", help=h("在已选规则之外再加", "add to the selection"))
    r.add_argument("--ignore", help=h("不检查的规则：代码、前缀或名称", "codes, prefixes or names not to check"))
    r.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="CODE=LEVEL",
        help=h("调整规则或规则族的严重程度（可重复）", "override a rule's or family's severity (repeatable)"),
    )
    r.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help=h(
            "页面、表格和审查意见的语言：zh（默认）或 en",
            "language of the page, spreadsheet and letters: zh (default) or en",
        ),
    )
    r.add_argument(
        "--config",
        metavar="FILE",
        help=h("配置文件（pyproject.toml 或 gxlint.toml）", "configuration file (pyproject.toml or gxlint.toml)"),
    )
    r.add_argument("--isolated", action="store_true", help=h("不读任何配置文件", "ignore configuration files"))
    r.add_argument(
        "--template",
        choices=("v2019", "v2021"),
        default=None,
        help=h("指定模板版本，不自动识别", "override template detection"),
    )
    r.add_argument("--year", type=int, default=None, help=h("指定报告年度，不自动识别", "override the report year"))
    r.add_argument(
        "--organ-level",
        choices=("department", "government", "township"),
        default=None,
        help=h(
            "机关层级：department、government、township（影响发布期限）",
            "the organ's level: department, government or township (sets the deadline)",
        ),
    )
    r.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        help=h("并行进程数（默认为 CPU 核数）", "parallel processes (default: cores)"),
    )
    r.add_argument(
        "--quiet", "-q", action="store_true", help=h("不显示进度和结束时的说明", "no progress bar, no closing line")
    )
    r.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        help=h("超过此大小的文件报告为 GX002", "files larger than this are GX002"),
    )
    r.add_argument(
        "--baseline",
        metavar="FILE",
        help=h("基线中记录的问题显示为“已接受”", "findings recorded here are shown as accepted"),
    )
    r.add_argument(
        "--lint-all",
        action="store_true",
        default=None,
        help=h(
            "遍历目录时也检查不像年度报告的文件", "in a folder walk, also check files that do not look like a report"
        ),
    )
    r.add_argument(
        "--history",
        action="append",
        default=[],
        metavar="DIR",
        help=h(
            "往年的报告：与这一批一起读取（GX7、与上年对比），本身不报告问题",
            "earlier years' reports: read beside the batch (GX7, the comparison with last year) but not reported on",
        ),
    )
    g = r.add_argument_group(h("审查意见（-o *.docx）", "the letters (-o *.docx)"))
    g.add_argument(
        "--office",
        metavar="NAME",
        help=h(
            "审查机关，写在落款处（默认：政务公开办公室）",
            "the reviewing office, at the foot (default: 政务公开办公室)",
        ),
    )
    g.add_argument(
        "--date", metavar="YYYY-MM-DD", help=h("意见日期（默认：当天）", "the letters' date (default: today)")
    )
    g.add_argument(
        "--number",
        metavar="TEXT",
        help=h(
            "文号，其中 {n} 为本批中的序号，如 某政公开函〔2024〕{n}号",
            "the document number; {n} numbers the letters of the batch",
        ),
    )
    g.add_argument("--contact", metavar="TEXT", help=h("联系人及电话", "contact person and telephone"))
    g.add_argument(
        "--letter-template",
        metavar="FILE",
        help=h(
            "审查意见的文字模板（TOML），见 --print-letter-template",
            "a template of the letters' words (TOML); see --print-letter-template",
        ),
    )
    g.add_argument(
        "--print-letter-template",
        action="store_true",
        help=h("显示默认的文字模板后退出（复制后修改）", "print the default template and exit (copy it, then adjust)"),
    )
