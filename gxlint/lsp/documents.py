"""The server's own store of open documents, and the lint of each version.

:class:`DocState` is an open document as the client sent it (text sync is incremental, applied with
:class:`gxlint.positions.LineIndex`: LSP line breaks only); :class:`Outcome` is one lint of one
version.  A request about a document (hover, code actions, inlay hints …) asks
:func:`current_outcome` for the lint of the text the client sees.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from lsprotocol import types as lsp
from pygls.uris import from_fs_path, to_fs_path

from ..diagnostics import Diagnostic
from ..positions import LineIndex
from . import convert

if TYPE_CHECKING:  # pragma: no cover
    from .server import GxLanguageServer


@dataclass
class Outcome:
    """One lint of one version of a document."""

    version: Optional[int]
    gen: int  # settings generation it was linted with
    text: str
    lines: LineIndex
    diagnostics: list[Diagnostic]
    doc: Any = None  # gxlint.model.Document (None: not linted / parser failed)
    converted: Any = None  # convert.Converted: the diagnostics as the client receives them
    result_id: str = ""
    lint_ms: float = 0.0
    started: float = 0.0  # perf_counter when the lint job started
    quiet: bool = False  # not a report: nothing shown
    stale: bool = False  # superseded before it finished: never published
    overrun: bool = False  # ran past the thread budget: to be linted in a child process
    early: bool = False  # the early answer of a large document (gxlint.lsp.partial): diagnostics only
    _lsp: Optional[list] = None

    @property
    def lsp_json(self) -> list[dict]:
        return self.converted.json_list if self.converted is not None else []

    @property
    def items_json(self) -> str:
        """The diagnostics' JSON array, serialised once: sent as it is in the publish and every pull."""
        return self.converted.items_json if self.converted is not None else "[]"

    @property
    def lsp_diagnostics(self) -> list[lsp.Diagnostic]:
        """The diagnostics as lsprotocol objects (made when first asked: code actions, the
        workspace report)."""
        if self._lsp is None:
            self._lsp = [convert.from_json(j) for j in self.lsp_json]
        return self._lsp


@dataclass
class DocState:
    uri: str
    path: Optional[str]
    language_id: str
    text: str
    version: Optional[int]
    _lines: Optional[LineIndex] = None
    task: Optional[asyncio.Task] = None
    inflight: Optional[tuple[tuple, asyncio.Future]] = None
    outcome: Optional[Outcome] = None
    changed_at: float = 0.0
    changed_wall: float = 0.0  # time.time() of that change (logTiming: set beside a client's clock)
    last_change: float = 0.0  # when the previous change was scheduled (leading-edge debounce)
    timed: Optional[int] = None  # the version whose pulled diagnostics were timed (logTiming)
    open: bool = True
    slow: bool = False  # overran the thread budget once: linted in a child process
    # the edits since the last full lint, as (version of the text edited, start, end, length of the
    # new text), in order; None after a whole-document change (for the early answer of a large
    # document: gxlint.lsp.partial)
    edits: Optional[list] = None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None or self._lines.text is not self.text:
            self._lines = LineIndex(self.text)
        return self._lines

    def apply(self, change, enc: str) -> None:
        rng = getattr(change, "range", None)
        if rng is None:  # whole document
            self.text = change.text
            self._lines = None
            self.edits = None
            return
        lines = self.lines
        a = convert.offset_of(lines, rng.start, enc)
        b = convert.offset_of(lines, rng.end, enc)
        if b < a:
            a, b = b, a
        self.text = self.text[:a] + change.text + self.text[b:]
        self._lines = None
        if self.edits is not None:
            self.edits.append((self.version, a, b, len(change.text)))

    def edits_since(self, version: Optional[int]) -> Optional[list]:
        """The edits (start, end, length) that led from the text of ``version`` to the current one
        (None: not known, e.g. a whole-document change came between)."""
        if self.edits is None or version is None:
            return None
        return [(a, b, n) for v, a, b, n in self.edits if v is not None and v >= version]

    def linted(self, version: Optional[int]) -> None:
        """A full lint of ``version`` is the current answer: the edits before it are not needed."""
        if version is None:
            self.edits = None
        elif self.edits is None:
            self.edits = [] if version == self.version else None
        else:
            self.edits = [e for e in self.edits if e[0] is not None and e[0] >= version]


def path_of(uri: str) -> Optional[str]:
    """The file system path of a ``file:`` URI (None for another scheme or a malformed URI)."""
    try:
        return to_fs_path(uri)
    except Exception:
        return None


def uri_of(path: str) -> str:
    """The ``file:`` URI of a path."""
    return from_fs_path(path) or ("file://" + path)


async def current_outcome(ls: "GxLanguageServer", uri: str) -> tuple[Optional[DocState], Optional[Outcome]]:
    """The lint of the text the client sees, for a request about the document at ``uri``:
    (state, outcome), outcome None when there is nothing to show — the document is not open or
    not linted (state None too), not a report (quiet), or changed since (the client asks again).
    Waits for the client's settings; a lint superseded while it ran (new settings or text) is
    asked for again."""
    st = ls.docs.get(uri)
    if st is None or not ls.wants(st):
        return None, None
    if ls.config_ready is not None:
        await ls.config_ready.wait()
    out = await ls.outcome(st)
    for _ in range(3):  # superseded (new settings or text) while it ran: ask again
        if not out.stale or ls.docs.get(uri) is not st:
            break
        out = await ls.outcome(st)
    if out.quiet or out.text is not st.text or out.version != st.version:
        return st, None
    return st, out
