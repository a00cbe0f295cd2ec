"""--format json: one object on stdout (see spec/cli.md)."""
from __future__ import annotations

import json

from .. import __version__
from . import OutputContext, lines_of, position, source_dict


def diagnostic_dict(d, lines, lang: str = "zh") -> dict:
    out = {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "start": position(lines, d.span.start),
        "end": position(lines, d.span.end),
        "related": [
            {"message": r.message, "start": position(lines, r.span.start), "end": position(lines, r.span.end)}
            for r in d.related
        ],
        "fix": None,
    }
    src = source_dict(d, lang)
    if src is not None:
        out["source"] = src
    if d.fix is not None:
        out["fix"] = {
            "message": d.fix.message,
            "safe": d.fix.safe,
            "edits": [
                {"start": position(lines, e.start), "end": position(lines, e.end), "new_text": e.new_text}
                for e in d.fix.edits
            ],
        }
    return out


def summary(results) -> dict:
    s = {"files": len(results), "error": 0, "warning": 0, "information": 0, "hint": 0}
    for r in results:
        for d in r.diagnostics:
            s[d.severity.label] += 1
    return s


def render(results, ctx: OutputContext) -> str:
    files = []
    for r in results:
        lines = lines_of(r)
        files.append({
            "path": r.path,
            "template": r.template,
            "report_year": r.report_year,
            "format": r.meta.get("format", "text") if r.text is not None else None,
            "diagnostics": [diagnostic_dict(d, lines, ctx.lang) for d in r.diagnostics],
        })
    return json.dumps({"gxlint": __version__, "files": files, "summary": summary(results)},
                      ensure_ascii=False, indent=2) + "\n"
