"""The rule reference, generated from the rule docstrings: ``docs/rules/<CODE>.md`` + an index.

    python -m gxlint.docs            # (re)write docs/rules/ — only in the root of a gxlint checkout
    python -m gxlint.docs -o DIR     # write the rule reference into DIR (from an installed gxlint too)
    python -m gxlint.docs --check    # exit 1 and list the files that are stale

The language server links each diagnostic to ``docs/rules/<CODE>.md`` (codeDescription.href);
SARIF takes its rule descriptions from the same docstrings (:func:`rule_sections`).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Optional

from . import families

SEVERITY_ZH = {"error": "错误", "warning": "警告", "information": "提示", "hint": "建议"}
HEADER_NOTE = "<!-- 由 `python -m gxlint.docs` 从规则的文档字符串生成，请勿手工编辑。 Generated from the rule docstrings by `python -m gxlint.docs`; do not edit. -->"


def rule_title(cls) -> str:
    """The one-line summary of a rule (after the em dash of the docstring's first line)."""
    doc = (cls.doc or "").strip()
    first = doc.splitlines()[0] if doc else ""
    return first.split("—", 1)[-1].strip() if "—" in first else first.strip()


def rule_sections(cls) -> dict[str, str]:
    """The docstring's ``## heading`` sections (heading → body, stripped), in order."""
    doc = (cls.doc or "").strip()
    out: dict[str, str] = {}
    current: Optional[str] = None
    buf: list[str] = []
    in_code = False
    for line in doc.splitlines()[1:]:
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and line.startswith("## "):
            if current is not None:
                out[current] = "\n".join(buf).strip()
            current, buf = line[3:].strip(), []
        elif current is not None:
            buf.append(line)
    if current is not None:
        out[current] = "\n".join(buf).strip()
    return out


def rule_body(cls) -> str:
    """The docstring without its first line (the title)."""
    doc = (cls.doc or "").strip()
    return "\n".join(doc.splitlines()[1:]).strip()


def _fence(body: str) -> str:
    # ```report bad / ```report good → plain ``` blocks with a label readers understand
    body = re.sub(r"^```report bad\s*$", "错误示例 (bad):\n\n```text", body, flags=re.M)
    body = re.sub(r"^```report good\s*$", "正确示例 (good):\n\n```text", body, flags=re.M)
    return body


def render_rule(cls) -> str:
    sev = cls.severity.label
    lines = [
        HEADER_NOTE,
        "",
        f"# {cls.code} {cls.name}",
        "",
        f"**{rule_title(cls)}**",
        "",
        "| 规则族 family | 默认严重程度 default severity | 可自动修复 fixable |",
        "|---|---|---|",
        f"| {families.name(cls.family)} `{cls.family}` | {SEVERITY_ZH.get(sev, sev)} `{sev}` | "
        f"{'是 yes' if cls.fixable else '否 no'} |",
        "",
        _fence(rule_body(cls)),
        "",
        "## 配置 (configuration)",
        "",
        "```toml",
        "[tool.gxlint]",
        f'ignore = ["{cls.code}"]            # 或 or: ignore = ["{cls.name}"]',
        f'severity = {{ {cls.code} = "{"warning" if sev == "error" else "error"}" }}',
        "```",
        "",
        "[全部规则 (all rules)](README.md)",
        "",
    ]
    return "\n".join(lines)


def render_index(reg: dict) -> str:
    lines = [
        HEADER_NOTE,
        "",
        "# 规则参考 (rule reference)",
        "",
        "每条规则一页，内容取自规则的文档字符串。按前缀选择整个规则族，如 `--select GX3`。",
        "One page per rule, generated from the rule's docstring. Select a whole family by prefix, e.g. `--select GX3`.",
        "",
        "| 代码 code | 名称 name | 规则族 family | 默认 default | 🔧 | 说明 summary |",
        "|---|---|---|---|---|---|",
    ]
    for code, cls in reg.items():
        lines.append(
            f"| [{code}]({code}.md) | `{cls.name}` | {cls.family} | {cls.severity.label} | "
            f"{'🔧' if cls.fixable else ''} | {rule_title(cls)} |"
        )
    lines += ["", "## 规则族 (families)", "", "| 前缀 prefix | 规则族 family | |", "|---|---|---|"]
    for f in sorted(families.FAMILIES, key=lambda f: f.prefix):
        lines.append(f"| `{f.prefix}` | {f.zh} | `{f.key}` |")
    lines.append("")
    return "\n".join(lines)


def generate() -> dict[str, str]:
    """file name (relative to docs/rules/) → content."""
    from .engine import registry

    reg = registry()
    files = {f"{code}.md": render_rule(cls) for code, cls in reg.items()}
    files["README.md"] = render_index(reg)
    return files


def is_checkout(folder: str) -> bool:
    """Whether ``folder`` is the root of a gxlint source checkout (its pyproject.toml names the
    gxlint project and the gxlint package sits beside it)."""
    try:
        with open(os.path.join(folder, "pyproject.toml"), encoding="utf-8") as fh:
            text = fh.read()
    except OSError:
        return False
    return bool(re.search(r'^name\s*=\s*"gxlint"\s*$', text, re.M)) and os.path.isdir(os.path.join(folder, "gxlint"))


def default_dir() -> Optional[str]:
    """docs/rules of the current directory when it is a gxlint checkout; None elsewhere (an
    installed gxlint must never write into site-packages: give ``-o DIR``)."""
    cwd = os.getcwd()
    return os.path.join(cwd, "docs", "rules") if is_checkout(cwd) else None


def stale(outdir: str) -> list[str]:
    """Files of ``outdir`` that differ from what the docstrings give (missing, changed, extra)."""
    want = generate()
    out = []
    for name, content in want.items():
        p = os.path.join(outdir, name)
        try:
            with open(p, encoding="utf-8", newline="") as fh:
                if fh.read() != content:
                    out.append(name)
        except FileNotFoundError:
            out.append(name)
    if os.path.isdir(outdir):
        for name in sorted(os.listdir(outdir)):
            if re.fullmatch(r"[A-Z]+\d+\.md", name) and name not in want:
                out.append(name)
    return sorted(out)


def write(outdir: str) -> list[str]:
    os.makedirs(outdir, exist_ok=True)
    want = generate()
    changed = stale(outdir)
    for name in changed:
        p = os.path.join(outdir, name)
        if name in want:
            with open(p, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(want[name])
        else:
            os.remove(p)
    return changed


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gxlint.docs", description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report stale files (exit 1 if any)")
    ap.add_argument(
        "-o",
        "--out",
        default=None,
        help="output folder (default: docs/rules, when run in the root of a gxlint checkout)",
    )
    a = ap.parse_args(argv)
    if a.out is None:
        a.out = default_dir()
        if a.out is None:
            print(
                "python -m gxlint.docs: 这里不是 gxlint 源代码目录；请用 -o 目录 指定输出位置 "
                "(not in a gxlint checkout: say where to write with -o DIR)",
                file=sys.stderr,
            )
            return 2
    if a.check:
        bad = stale(a.out)
        for n in bad:
            print(f"stale: {os.path.join(a.out, n)}")
        if bad:
            print("run `python -m gxlint.docs` to regenerate the rule reference", file=sys.stderr)
        return 1 if bad else 0
    for n in write(a.out):
        print(f"wrote {os.path.join(a.out, n)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
