"""Code actions: the fix of each diagnostic in the range as a quick fix (preferred when safe) and
``source.fixAll.gxlint`` (every safe fix, applied as ``gxlint --fix`` applies them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from .. import convert
from ..documents import DocState, Outcome, current_outcome

if TYPE_CHECKING:  # pragma: no cover
    from ..server import GxLanguageServer


def register(server: "GxLanguageServer") -> None:
    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, convert.FIX_ALL_KIND], resolve_provider=False
        ),
    )
    async def code_action(ls: "GxLanguageServer", params: lsp.CodeActionParams):
        st, out = await current_outcome(ls, params.text_document.uri)
        if st is None or out is None:  # (an outcome comes with its state)
            return None
        return code_actions_for(ls, st, out, params)


def code_actions_for(ls: "GxLanguageServer", st: DocState, out: Outcome, params: lsp.CodeActionParams) -> list:
    """The quick fixes of the diagnostics in the range, and ``source.fixAll.gxlint``."""
    enc = ls.enc
    lines = out.lines
    a = convert.offset_of(lines, params.range.start, enc)
    b = convert.offset_of(lines, params.range.end, enc)
    only = params.context.only if params.context else None

    def wanted(kind: str) -> bool:
        if not only:
            return True
        return any(
            kind == k or kind.startswith(str(getattr(k, "value", k)) + ".")
            for k in (getattr(o, "value", o) for o in only)
        )

    doc_changes = bool(ls._cap("workspace.workspace_edit.document_changes"))
    actions: list[lsp.CodeAction] = []
    if wanted(lsp.CodeActionKind.QuickFix.value):
        for d, j in zip(out.diagnostics, out.lsp_json):
            if d.fix is None or not d.fix.edits:
                continue
            if not convert.overlaps(d.span.start, d.span.end, a, b):
                continue
            ld = convert.from_json(j)
            edits = [convert.text_edit(lines, e, enc) for e in convert.select_edits(d.fix.edits)]
            actions.append(
                lsp.CodeAction(
                    title=f"{d.fix.message} ({d.code})",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[ld],
                    is_preferred=bool(d.fix.safe),
                    edit=convert.workspace_edit(st.uri, st.version, edits, doc_changes),
                )
            )
    if wanted(convert.FIX_ALL_KIND):
        from ...fixes import chosen_edits

        safe = convert.select_edits(chosen_edits(out.diagnostics))
        if safe:
            en = ls.options.settings.lang == "en"
            actions.append(
                lsp.CodeAction(
                    title="gxlint: fix all safe problems" if en else "gxlint：修复全部可安全修复的问题",
                    kind=convert.FIX_ALL_KIND,
                    edit=convert.workspace_edit(
                        st.uri, st.version, [convert.text_edit(lines, e, enc) for e in safe], doc_changes
                    ),
                )
            )
    return actions
