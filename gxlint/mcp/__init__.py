"""gxlint as an MCP server: ``gxlint mcp`` (stdio), for AI assistants that draft or review annual reports.

Tools: ``check_report``, ``explain_rule``, ``fix_report``, ``new_report_skeleton``, ``check_folder``,
``compare_reports``; resources: ``gxlint://rules``, ``gxlint://rules/{code}``, ``gxlint://template/2019``
and ``gxlint://template/2021`` (see docs/zh/assistants.md).  The answers are built in
:mod:`gxlint.mcp.answers`, the SDK binding is :mod:`gxlint.mcp.server`, what may be read is
:mod:`gxlint.mcp.roots`.

The official MCP Python SDK is an optional dependency (``pip install 'gxlint[mcp]'``): about 40 MB
with its own dependencies and a second to import, which ``gxlint check`` and the language server
never pay — only this command imports it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

INSTALL_HINT = (
    "gxlint mcp 需要 MCP 的 Python SDK：pip install 'gxlint[mcp]'"
    " (gxlint mcp needs the MCP Python SDK: pip install 'gxlint[mcp]')"
)


def add_arguments(p: argparse.ArgumentParser, lang: str = "zh") -> None:
    """The options of ``gxlint mcp`` (the CLI's sub-parser and ``python -m gxlint.mcp`` share them)."""
    en = lang == "en"
    p.add_argument(
        "--root",
        action="append",
        default=[],
        metavar="DIR",
        help="只读这些目录中的文件（可重复；默认：客户端声明的根目录，否则工作目录）"
        if not en
        else "read files only in these folders (repeatable; default: the client's roots, else the working folder)",
    )
    p.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="问题说明的语言：zh 中文（默认）或 en 英文" if not en else "language of the findings: zh (default) or en",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        help="超过此大小的文本或文件不检查（默认 20 MB）"
        if not en
        else "texts and files larger than this are not checked (default 20 MB)",
    )


def run(args: argparse.Namespace) -> int:
    """Serve MCP on stdin/stdout until the client closes the connection."""
    import os

    try:
        import mcp.server.mcpserver  # noqa: F401  (the SDK, installed with the extra)
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    for r in args.root:
        if not os.path.isdir(r):
            print(f"gxlint mcp: --root {r}: 不是目录 (not a folder)", file=sys.stderr)
            return 2
    from .server import serve

    return serve(tuple(os.path.abspath(r) for r in args.root), args.lang or "zh", args.max_bytes)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m gxlint.mcp [--root DIR] [--lang en]`` (also ``gxlint mcp``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    p = argparse.ArgumentParser(
        prog="gxlint mcp", description="gxlint 的 MCP 服务器（标准输入输出） (gxlint's MCP server on stdio)"
    )
    add_arguments(p, "en" if "en" in argv else "zh")
    return run(p.parse_args(argv))


__all__ = ["main", "run", "add_arguments"]
