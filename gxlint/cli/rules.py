"""``gxlint rules`` (the list) and ``gxlint rule CODE`` (one rule's page, for a terminal)."""

from __future__ import annotations

import os
import sys
from typing import Any

from ..errors import UsageError
from . import _LANG, EXIT_OK, _say


def cmd_rules(args) -> int:
    import json

    from .. import families
    from ..docs import SEVERITY_ZH
    from ..engine import registry

    reg = registry()
    en = args.lang == "en"
    rows: list[dict[str, Any]] = [
        {
            "code": c.code,
            "name": c.name,
            "family": c.family,
            "severity": c.severity.label,
            "fixable": c.fixable,
            "summary": rule_summary(c, args.lang),
        }
        for c in reg.values()
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        from ..output.text import _width

        def pad(s: str, n: int) -> str:
            return s + " " * max(0, n - _width(s))

        head = (
            ("code", "fix", "name", "family", "severity", "summary")
            if en
            else ("代码", "修复", "名称", "规则族", "严重程度", "说明")
        )
        print(
            f"{pad(head[0], 6)}  {pad(head[1], 4)} {pad(head[2], 28)} {pad(head[3], 11)} {pad(head[4], 11)} {head[5]}"
        )
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
    from ..rule import CORRECT

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

    from ..testing import RuleTester

    if cls.emitted_by_engine:
        return []
    m = re.search(r"```report bad\n(.*?)```", cls.doc or "", re.S)
    if not m:
        return []
    try:
        _res, own = RuleTester(cls.code, lang="en").diagnostics(m.group(1))
    except Exception:  # a third-party rule that fails on its own example: leave the example out
        return []
    from ..positions import LineIndex

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

    from .. import families
    from ..docs import SEVERITY_ZH, rule_body, rule_title

    bold = (lambda s: f"\033[1m{s}\033[0m") if color else (lambda s: s)
    dim = (lambda s: f"\033[2m{s}\033[0m") if color else (lambda s: s)
    sev = cls.severity.label
    out = [bold(f"{cls.code} {cls.name}")]
    if lang == "en":
        out.append(rule_summary(cls, "en"))
        out.append(f"family: {cls.family} · default severity: {sev} · fixable: {'yes' if cls.fixable else 'no'}")
        groups = message_groups(cls)
        titles = {
            "findings": "What it reports (<name> is a value gxlint fills in):",
            "fixes": "Its fixes:",
            "details": "Details it adds (related places, parts of a sum):",
            "corrections": "What a review letter asks the organ to do (gxlint report):",
        }
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
        out.append(
            dim(
                "The documentation below — what it checks (检查内容), why (为什么), the examples (示例) and "
                "the basis (依据) — is written in Chinese only; the messages above are gxlint's English."
            )
        )
    else:
        out.append(rule_title(cls))
        out.append(
            f"规则族：{families.name(cls.family)} · 默认严重程度：{SEVERITY_ZH.get(sev, sev)} · "
            f"可自动修复：{'是' if cls.fixable else '否'}"
        )
    out.append("")
    labels = {
        "bad": "错误示例 (bad):" if lang != "en" else "Bad example (错误示例):",
        "good": "正确示例 (good):" if lang != "en" else "Good example (正确示例):",
    }
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
    from ..engine import find_rule

    cls = find_rule(args.code)
    if cls is None:
        from .. import configfile

        raise UsageError(
            _say(f"没有这条规则：{args.code}", f"no such rule: {args.code}") + configfile.suggest(args.code, _LANG[0])
        )
    if args.markdown:
        from ..docs import render_rule

        sys.stdout.write(render_rule(cls))
        return EXIT_OK
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and os.environ.get("NO_COLOR") is None
    )
    sys.stdout.write(render_rule_for_terminal(cls, args.lang, color))
    return EXIT_OK
