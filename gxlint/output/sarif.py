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

import os
from urllib.parse import quote

from . import lines_of, source_dict

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
    reg = {
        "startLine": sl + 1,
        "startColumn": sc + 1,
        "endLine": el + 1,
        "endColumn": ec + 1,
        "charOffset": start,
        "charLength": max(0, end - start),
    }
    if snippet and text is not None and end > start and end - start <= 2000:
        reg["snippet"] = {"text": text[start:end]}
    return reg


def _other_file(rel) -> dict:
    """A related location in another report (GX7): its position comes with it."""
    uri, base = artifact_uri(rel.path)
    art = {"uri": uri}
    if base:
        art["uriBaseId"] = base
    region = {"charOffset": rel.span.start, "charLength": max(0, rel.span.end - rel.span.start)}
    if rel.position:
        sl, sc, el, ec = rel.position[:4]
        region.update(startLine=sl + 1, startColumn=sc + 1, endLine=el + 1, endColumn=ec + 1)
    return {"artifactLocation": art, "region": region}


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


def file_results(r, art_index: int, index: dict, first: int, lang: str = "zh") -> tuple[list, dict, bool]:
    """One checked file's SARIF results, its artifact entry, and whether it uses %SRCROOT%.
    ``first`` is the index in ``run.results`` of this file's first result: a finding whose fix is
    another finding's edits (see :func:`gxlint.output.stream.shared_fixes`) carries no ``fixes``
    of its own but ``properties.fix.edits_from`` = {"result": that finding's index in
    ``run.results``, "ranges": [[a, b], …] into its replacements}."""
    from ..baseline import FINGERPRINT_KEY, occurrence_fingerprints
    from .stream import shared_fixes

    uri, base = artifact_uri(r.path)
    loc = {"uri": uri, "index": art_index}
    if base:
        loc["uriBaseId"] = base
    art = {"location": dict(loc)}
    art["location"].pop("index")
    if r.encoding:
        art["encoding"] = {"utf-8-sig": "utf-8"}.get(r.encoding, r.encoding)
    lines = lines_of(r)
    fps = occurrence_fingerprints(r)
    refs = shared_fixes(r.diagnostics)
    out = []
    for i, (d, fp) in enumerate(zip(r.diagnostics, fps)):
        res = {
            "ruleId": d.code,
            "level": LEVELS[d.severity.label],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": dict(loc),
                        "region": _region(lines, d.span.start, d.span.end, r.text),
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: fp},
            "properties": {"name": d.name, "severity": d.severity.label},
        }
        src = source_dict(d, lang)
        if src is not None:  # where in the .docx/.html/.pdf: a logical location
            res["locations"][0]["logicalLocations"] = [
                {
                    "name": src["description"],
                    "kind": "element",
                    "fullyQualifiedName": f"{r.path or '-'}/{src['description']}",
                    "properties": {k: v for k, v in src.items() if k != "description"},
                }
            ]
        if d.code in index:
            res["ruleIndex"] = index[d.code]
        if d.related:
            res["relatedLocations"] = [
                {
                    "id": k + 1,
                    "message": {"text": rel.message},
                    "physicalLocation": (
                        {"artifactLocation": dict(loc), "region": _region(lines, rel.span.start, rel.span.end, r.text)}
                        if not getattr(rel, "path", None)
                        else _other_file(rel)
                    ),
                }
                for k, rel in enumerate(d.related)
            ]
        if d.fix is not None and d.fix.edits and i in refs:
            o, ranges = refs[i]
            res["properties"]["fix"] = {
                "description": d.fix.message,
                "safe": bool(d.fix.safe),
                "edits_from": {"result": first + o, "ranges": ranges},
            }
        elif d.fix is not None and d.fix.edits:
            res["fixes"] = [
                {
                    "description": {"text": d.fix.message},
                    "artifactChanges": [
                        {
                            "artifactLocation": dict(loc),
                            "replacements": [
                                {
                                    "deletedRegion": _region(lines, e.start, e.end, None, snippet=False),
                                    "insertedContent": {"text": e.new_text},
                                }
                                for e in d.fix.edits
                            ],
                        }
                    ],
                    "properties": {"safe": bool(d.fix.safe)},
                }
            ]
        if d.data.get("baselined"):
            res["baselineState"] = "unchanged"
        out.append(res)
    return out, art, bool(base)
