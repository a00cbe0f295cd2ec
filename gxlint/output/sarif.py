"""--format sarif: SARIF 2.1.0 (validated against the official schema in tests/pipelines).

- ``tool.driver.rules``: every registered rule, with short/full descriptions and help taken from
  the rule's docstring; each result's ``ruleIndex`` points into it.
- regions are 1-based lines and code-point columns (``run.columnKind = "unicodeCodePoints"``),
  with ``charOffset``/``charLength`` in code points too.
- ``fixes`` carry the rule's edits as ``artifactChanges``/``replacements``.
- ``partialFingerprints["gxlint/v1"]`` is content-anchored (see :mod:`gxlint.baseline`): it does
  not change when unrelated lines are inserted above.
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__
from . import OutputContext, lines_of, source_dict

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "information": "note", "hint": "note"}
DOC_BASE = "docs/rules/"


def artifact_uri(path: str | None) -> tuple[str, str | None]:
    """(uri, uriBaseId) of a checked file: relative paths are relative to %SRCROOT%."""
    if not path or path == "-":
        return "stdin", None
    p = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(p if p.startswith("/") else "/" + p, safe="/:"), None
    if p.startswith("./"):
        p = p[2:]
    return quote(p, safe="/"), "%SRCROOT%"


def _region(lines, start: int, end: int, text: str | None, snippet: bool = True) -> dict:
    if lines is None:
        return {"startLine": 1, "startColumn": 1}
    sl, sc = lines.position(start)
    el, ec = lines.position(end)
    reg = {"startLine": sl + 1, "startColumn": sc + 1, "endLine": el + 1, "endColumn": ec + 1,
           "charOffset": start, "charLength": max(0, end - start)}
    if snippet and text is not None and end > start and end - start <= 2000:
        reg["snippet"] = {"text": text[start:end]}
    return reg


def rule_descriptor(cls, lang: str) -> dict:
    from ..docs import rule_body, rule_sections, rule_title

    secs = rule_sections(cls)
    full = secs.get("检查内容") or rule_title(cls)
    body = rule_body(cls)
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": rule_title(cls)},
        "fullDescription": {"text": full},
        "help": {"text": body or rule_title(cls), "markdown": f"# {cls.code} {cls.name}\n\n{body}"},
        "defaultConfiguration": {"level": LEVELS[cls.severity.label], "enabled": True},
        "properties": {
            "tags": [cls.family, "gxlint"],
            "family": cls.family,
            "fixable": bool(cls.fixable),
            "documentation": f"{DOC_BASE}{cls.code}.md",
        },
    }


def render(results, ctx: OutputContext) -> str:
    from ..baseline import FINGERPRINT_KEY, occurrence_fingerprints
    from ..engine import registry

    reg = registry()
    codes = list(reg)
    index = {c: i for i, c in enumerate(codes)}
    rules = []
    for c in codes:
        rules.append(rule_descriptor(reg[c], ctx.lang))

    artifacts = []
    out_results = []
    uses_srcroot = False
    for r in sorted(results, key=lambda r: r.path or ""):
        uri, base = artifact_uri(r.path)
        loc = {"uri": uri, "index": len(artifacts)}
        if base:
            loc["uriBaseId"] = base
            uses_srcroot = True
        art = {"location": dict(loc)}
        art["location"].pop("index")
        if r.encoding:
            art["encoding"] = {"utf-8-sig": "utf-8"}.get(r.encoding, r.encoding)
        artifacts.append(art)
        lines = lines_of(r)
        fps = occurrence_fingerprints(r)
        for d, fp in zip(r.diagnostics, fps):
            res = {
                "ruleId": d.code,
                "level": LEVELS[d.severity.label],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {"artifactLocation": dict(loc),
                                                    "region": _region(lines, d.span.start, d.span.end, r.text)}}],
                "partialFingerprints": {FINGERPRINT_KEY: fp},
                "properties": {"name": d.name, "severity": d.severity.label},
            }
            src = source_dict(d, ctx.lang)
            if src is not None:   # where in the .docx/.html/.pdf: a logical location
                res["locations"][0]["logicalLocations"] = [{
                    "name": src["description"], "kind": "element",
                    "fullyQualifiedName": f"{r.path or '-'}/{src['description']}",
                    "properties": {k: v for k, v in src.items() if k != "description"},
                }]
            if d.code in index:
                res["ruleIndex"] = index[d.code]
            if d.related:
                res["relatedLocations"] = [
                    {"id": k + 1, "message": {"text": rel.message},
                     "physicalLocation": {"artifactLocation": dict(loc),
                                          "region": _region(lines, rel.span.start, rel.span.end, r.text)}}
                    for k, rel in enumerate(d.related)
                ]
            if d.fix is not None and d.fix.edits:
                res["fixes"] = [{
                    "description": {"text": d.fix.message},
                    "artifactChanges": [{
                        "artifactLocation": dict(loc),
                        "replacements": [
                            {"deletedRegion": _region(lines, e.start, e.end, None, snippet=False),
                             "insertedContent": {"text": e.new_text}}
                            for e in d.fix.edits
                        ],
                    }],
                    "properties": {"safe": bool(d.fix.safe)},
                }]
            if d.data.get("baselined"):
                res["baselineState"] = "unchanged"
            out_results.append(res)

    run = {
        "tool": {"driver": {
            "name": "gxlint",
            "version": __version__,
            "semanticVersion": __version__,
            "language": "zh-CN" if ctx.lang == "zh" else "en",
            "rules": rules,
        }},
        "invocations": [{"executionSuccessful": True}],
        "columnKind": "unicodeCodePoints",
        "defaultEncoding": "utf-8",
        "artifacts": artifacts,
        "results": out_results,
    }
    if uses_srcroot:
        cwd = os.getcwd().replace(os.sep, "/")
        cwd = cwd if cwd.startswith("/") else "/" + cwd
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": "file://" + quote(cwd.rstrip("/") + "/", safe="/:")}}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
