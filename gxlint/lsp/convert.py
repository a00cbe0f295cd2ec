"""gxlint diagnostics and fixes → LSP objects, in the negotiated position encoding.

Spans are code-point offsets into the text that was linted; :class:`gxlint.positions.LineIndex`
turns them into 0-based line / column in UTF-16 code units (the LSP default), UTF-32 (code
points) or UTF-8 bytes, and back.
"""

from __future__ import annotations

import functools
from typing import Any, Iterable, Optional

from lsprotocol import types as lsp

from ..diagnostics import Diagnostic, Edit, Fix
from ..positions import LineIndex
from .stdio import dumps

SOURCE = "gxlint"
FIX_ALL_KIND = "source.fixAll.gxlint"


def encoding_name(kind: Any) -> str:
    """lsprotocol's PositionEncodingKind (or its string) → "utf-16" / "utf-8" / "utf-32"."""
    v = getattr(kind, "value", kind) or "utf-16"
    v = str(v).lower()
    return v if v in ("utf-8", "utf-16", "utf-32") else "utf-16"


def position(lines: LineIndex, offset: int, enc: str) -> lsp.Position:
    line, col = lines.position_in(offset, enc)
    return lsp.Position(line=line, character=col)


def to_range(lines: LineIndex, start: int, end: int, enc: str) -> lsp.Range:
    return lsp.Range(start=position(lines, start, enc), end=position(lines, end, enc))


def offset_of(lines: LineIndex, pos: lsp.Position, enc: str) -> int:
    return lines.offset_at(pos.line, pos.character, enc)


def text_edit(lines: LineIndex, e: Edit, enc: str) -> lsp.TextEdit:
    return lsp.TextEdit(range=to_range(lines, e.start, e.end, enc), new_text=e.new_text)


MAX_DATA_EDITS = 20


def fix_data(lines: LineIndex, fix: Fix, enc: str) -> dict:
    """The fix as plain JSON for ``Diagnostic.data``.  An aggregated fix with very many edits
    (converting a whole document to simplified script) is described, not spelled out: the
    server's code actions carry its edits, and a diagnostic stays small."""
    out: dict[str, Any] = {"message": fix.message, "safe": fix.safe, "editCount": len(fix.edits)}
    if len(fix.edits) <= MAX_DATA_EDITS:
        out["edits"] = [{"range": _range_dict(lines, e.start, e.end, enc), "newText": e.new_text} for e in fix.edits]
    else:
        out["edits"] = None
    return out


def _range_dict(lines: LineIndex, start: int, end: int, enc: str) -> dict:
    a = lines.position_in(start, enc)
    b = lines.position_in(end, enc)
    return {"start": {"line": a[0], "character": a[1]}, "end": {"line": b[0], "character": b[1]}}


def to_json(d: Diagnostic, lines: LineIndex, uri: str, enc: str, docs_base: str) -> dict:
    """The diagnostic as the JSON an LSP client receives (what lsprotocol's converter makes of the
    Diagnostic object, built directly: no attrs objects, so a report's hundreds of diagnostics are
    ready to send in a few milliseconds; ``tests/lsp/test_convert.py`` holds the two equal)."""
    data: dict[str, Any] = {"name": d.name}
    mid = d.data.get("message_id") if isinstance(d.data, dict) else None
    if mid:
        data["messageId"] = mid
    data["fix"] = fix_data(lines, d.fix, enc) if d.fix is not None else None
    out: dict[str, Any] = {
        "range": _range_dict(lines, d.span.start, d.span.end, enc),
        "message": d.message,
        "severity": int(d.severity),
        "code": d.code,
        "codeDescription": {"href": _href(docs_base, d.code)},
        "source": SOURCE,
    }
    if d.related:
        out["relatedInformation"] = [
            {
                "location": (
                    {"uri": uri, "range": _range_dict(lines, r.span.start, r.span.end, enc)}
                    if not getattr(r, "path", None)
                    else _other_location_dict(r, enc)
                ),
                "message": r.message,
            }
            for r in d.related
        ]
    out["data"] = data
    return out


def to_lsp(d: Diagnostic, lines: LineIndex, uri: str, enc: str, docs_base: str) -> lsp.Diagnostic:
    return from_json(to_json(d, lines, uri, enc, docs_base))


def from_json(j: dict) -> lsp.Diagnostic:
    """The lsprotocol object of a diagnostic made by :func:`to_json` (for a code action's
    ``diagnostics`` and the workspace report)."""
    return _converter().structure(j, lsp.Diagnostic)


@functools.lru_cache(maxsize=1)
def _converter():
    from lsprotocol.converters import get_converter

    return get_converter()


@functools.lru_cache(maxsize=512)
def _href(base: str, code: str) -> str:
    return docs_href(base, code)


def _other_location_dict(r, enc: str) -> dict:
    """Related information in another report (GX7): its path and the position it carries."""
    from pygls.uris import from_fs_path

    target = r.path if "://" in r.path else (from_fs_path(r.path) or r.path)
    p = tuple(r.position or (0, 0, 0, 0, 0, 0))
    if enc == "utf-16" and len(p) >= 6:
        a, b = (p[0], p[4]), (p[2], p[5])
    else:
        a, b = (p[0], p[1]), (p[2], p[3])
    return {
        "uri": target,
        "range": {"start": {"line": a[0], "character": a[1]}, "end": {"line": b[0], "character": b[1]}},
    }


def docs_href(base: str, code: str) -> str:
    if "{code}" in base:
        return base.replace("{code}", code)
    return f"{base}{code}.md" if base.endswith("/") else f"{base}/{code}.md"


def select_edits(edits: Iterable[Edit]) -> list[Edit]:
    """The edits :func:`gxlint.fixes.apply_edits` would apply (the first of overlapping ones wins),
    so that a fix-all from the editor changes the text exactly as ``gxlint`` would."""
    ordered = sorted(set(edits), key=lambda e: (e.start, e.end, e.new_text))
    out: list[Edit] = []
    pos = 0
    last_end = -1
    for e in ordered:
        if e.start < last_end or e.start < pos:
            continue
        if e.start == e.end and e.start == last_end and out:
            continue
        out.append(e)
        pos = last_end = e.end
    return out


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Ranges touch or overlap (an empty range at the edge of a span counts: the cursor)."""
    return a_start <= b_end and b_start <= a_end


def workspace_edit(
    uri: str, version: Optional[int], edits: list[lsp.TextEdit], document_changes: bool
) -> lsp.WorkspaceEdit:
    if document_changes:
        return lsp.WorkspaceEdit(
            document_changes=[
                lsp.TextDocumentEdit(
                    text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                    edits=edits,
                )
            ]
        )
    return lsp.WorkspaceEdit(changes={uri: edits})


# --- the diagnostics of one version, reused by the next ----------------------------------


class Converted:
    """A lint's diagnostics as the JSON a client receives, kept for the lint of the next version
    of the text: a keystroke changes a few findings, and the others (the same finding, at the
    same line and column) are not converted and serialised again.  ``items_json`` is the JSON
    array sent in every publish and pull answer of this version."""

    def __init__(
        self, lines: LineIndex, uri: str, enc: str, docs_base: str, json_list: list, items_json: str, entries: dict
    ) -> None:
        self.lines, self.uri, self.enc, self.docs_base = lines, uri, enc, docs_base
        self.json_list = json_list
        self.items_json = items_json
        self.entries = entries  # key (in this text's offsets) → (JSON dict, its serialisation)


def edit_region(old: str, new: str) -> tuple[int, int, int]:
    """(a, old end, new end): old[a:old end] was replaced by new[a:new end] (the longest common
    prefix and suffix, found by comparing slices in C)."""
    n = min(len(old), len(new))
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[:mid] == new[:mid]:
            lo = mid
        else:
            hi = mid - 1
    a = lo
    lo, hi = 0, n - a
    lo_old, lo_new = len(old), len(new)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[lo_old - mid :] == new[lo_new - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return a, len(old) - lo, len(new) - lo


def _parts(d: Diagnostic) -> tuple[tuple, tuple]:
    """(what the JSON of d holds besides positions, the offsets whose positions it holds)."""
    offs = [d.span.start, d.span.end]
    rel: list[tuple] = []
    for r in d.related:
        if getattr(r, "path", None):
            rel.append((r.message, r.path, tuple(r.position or ())))
        else:
            rel.append((r.message,))
            offs += (r.span.start, r.span.end)
    fix = d.fix
    if fix is None:
        fk: tuple = ()
    elif len(fix.edits) <= MAX_DATA_EDITS:
        fk = (fix.message, fix.safe, len(fix.edits), tuple(e.new_text for e in fix.edits))
        for e in fix.edits:
            offs += (e.start, e.end)
    else:
        fk = (fix.message, fix.safe, len(fix.edits))
    mid = d.data.get("message_id") if isinstance(d.data, dict) else None
    return (d.code, int(d.severity), d.message, d.name, mid, tuple(rel), fk), tuple(offs)


def convert_all(
    diags: list, lines: LineIndex, uri: str, enc: str, docs_base: str, prev: Optional[Converted] = None, on_error=None
) -> tuple[list, Converted]:
    """(the diagnostics converted, :class:`Converted`): what ``prev`` (the previous version's)
    holds for a finding whose positions the edit between the two texts did not move is reused."""
    text = lines.text
    reuse = None
    old_entries: dict = {}
    if prev is not None and prev.uri == uri and prev.enc == enc and prev.docs_base == docs_base and prev.entries:
        old_entries = prev.entries
        a, old_end, new_end = edit_region(prev.lines.text, text)
        if a > 0 and text[a - 1] == "\r":  # a line break "\r" before the edit may have become "\r\n"
            a -= 1
        delta = new_end - old_end
        same_lines = lines.count == prev.lines.count
        after = lines.line_of(new_end) if same_lines else None
        reuse = (a, new_end, delta, after)
    entries: dict = {}
    kept, json_list, frags = [], [], []
    for d in diags:
        try:
            static, offs = _parts(d)
            hit = None
            if reuse is not None:
                a, new_end, delta, after = reuse
                if max(offs) <= a:  # before the edit: the same line and column
                    hit = old_entries.get((static, offs))
                elif after is not None and min(offs) >= new_end and lines.line_of(min(offs)) > after:
                    # on a line after the edit, which added or removed no line: the same too
                    hit = old_entries.get((static, tuple(o - delta for o in offs)))
            if hit is None:
                j = to_json(d, lines, uri, enc, docs_base)
                hit = (j, dumps(j))
        except Exception:  # a bad span must not lose the other diagnostics
            if on_error is not None:
                on_error(d)
            continue
        entries[(static, offs)] = hit
        kept.append(d)
        json_list.append(hit[0])
        frags.append(hit[1])
    items = "[" + ",".join(frags) + "]"
    return kept, Converted(lines, uri, enc, docs_base, json_list, items, entries)
