"""gxlint diagnostics and fixes → LSP objects, in the negotiated position encoding.

Spans are code-point offsets into the text that was linted; :class:`gxlint.positions.LineIndex`
turns them into 0-based line / column in UTF-16 code units (the LSP default), UTF-32 (code
points) or UTF-8 bytes, and back.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from lsprotocol import types as lsp

from ..api import Diagnostic, Edit, Fix
from ..positions import LineIndex

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
        out["edits"] = [{"range": _range_dict(lines, e.start, e.end, enc), "newText": e.new_text}
                        for e in fix.edits]
    else:
        out["edits"] = None
    return out


def _range_dict(lines: LineIndex, start: int, end: int, enc: str) -> dict:
    a = lines.position_in(start, enc)
    b = lines.position_in(end, enc)
    return {"start": {"line": a[0], "character": a[1]}, "end": {"line": b[0], "character": b[1]}}


def to_lsp(d: Diagnostic, lines: LineIndex, uri: str, enc: str, docs_base: str) -> lsp.Diagnostic:
    data: dict[str, Any] = {"name": d.name}
    mid = d.data.get("message_id") if isinstance(d.data, dict) else None
    if mid:
        data["messageId"] = mid
    data["fix"] = fix_data(lines, d.fix, enc) if d.fix is not None else None
    related = [
        lsp.DiagnosticRelatedInformation(
            location=(lsp.Location(uri=uri, range=to_range(lines, r.span.start, r.span.end, enc))
                      if not getattr(r, "path", None) else other_location(r, enc)),
            message=r.message,
        )
        for r in d.related
    ]
    return lsp.Diagnostic(
        range=to_range(lines, d.span.start, d.span.end, enc),
        message=d.message,
        severity=lsp.DiagnosticSeverity(int(d.severity)),
        code=d.code,
        code_description=lsp.CodeDescription(href=docs_href(docs_base, d.code)),
        source=SOURCE,
        related_information=related or None,
        data=data,
    )


def other_location(r, enc: str) -> lsp.Location:
    """Related information in another report (GX7): its path and the position it carries."""
    from pygls.uris import from_fs_path

    target = r.path if "://" in r.path else (from_fs_path(r.path) or r.path)
    p = tuple(r.position or (0, 0, 0, 0, 0, 0))
    if enc == "utf-16" and len(p) >= 6:
        a, b = (p[0], p[4]), (p[2], p[5])
    else:
        a, b = (p[0], p[1]), (p[2], p[3])
    return lsp.Location(uri=target, range=lsp.Range(start=lsp.Position(line=a[0], character=a[1]),
                                                     end=lsp.Position(line=b[0], character=b[1])))


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


def workspace_edit(uri: str, version: Optional[int], edits: list[lsp.TextEdit], document_changes: bool) -> lsp.WorkspaceEdit:
    if document_changes:
        return lsp.WorkspaceEdit(document_changes=[
            lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=edits,
            )
        ])
    return lsp.WorkspaceEdit(changes={uri: edits})
