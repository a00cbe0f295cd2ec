"""The gxlint language server (pygls 2.x): the lint of each open document, scheduled and published.

- Text sync is incremental; the server keeps its own copy of each open document
  (:mod:`gxlint.lsp.documents`) and applies changes with :class:`gxlint.positions.LineIndex` (LSP
  line breaks only: ``\\n``, ``\\r\\n``, ``\\r`` — Python's ``splitlines`` also breaks at U+2028, form
  feeds … and would disagree with the client).  Whole-document changes are accepted too.
- Each open or change schedules a lint; the debounce is leading-edge: a change after a quiet spell
  is linted at once, a change within ``debounceMs`` (default 75 ms) of the previous one waits that
  long after the last of them.  A newer version cancels the pending one; the lint runs in a thread pool, and its result is
  published only if the document is still at the version that was linted.
- Diagnostics are pushed (with the version) or, when the client supports
  ``textDocument/diagnostic``, pulled (with a result id; unchanged results say so).
- A rule that raises is GX001; a document over ``maxBytes`` gets one diagnostic saying why it was
  not linted.

The handlers of the LSP methods are in :mod:`gxlint.lsp.features` (one module per group, each with
``register(server)``); what gxlint changes in pygls itself is in :mod:`gxlint.lsp.protocol`.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..diagnostics import Diagnostic, Span
from ..positions import LineIndex
from ..read.registry import live_languages, live_suffixes
from . import convert, stdio
from .documents import DocState, Outcome
from .htmlmap import is_html
from .options import ServerOptions, parse_options
from .protocol import GxProtocol
from .workspace import Workspace

log = logging.getLogger("gxlint.lsp")

# the documents linted as they are typed: the live readers' (gxlint/read/registry.py; "": no language)
LINTED_LANGUAGES = live_languages() | {""}
LINTED_SUFFIXES = live_suffixes()
_REPORT_HINT = re.compile(r"年度(?:报|報)(?:\([a-zà-ǜ]+\))?告|政府信息公(?:开|開)|信息公(?:开|開)(?:工作)?年(?:度)?报")
CONFIG_TIMEOUT_S = 2.0


# --- the server --------------------------------------------------------------------------


class GxLanguageServer(LanguageServer):
    protocol: GxProtocol  # pygls makes it of the protocol_cls given below

    def __init__(self) -> None:
        super().__init__(
            "gxlint", __version__, protocol_cls=GxProtocol, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental
        )
        self.docs: dict[str, DocState] = {}
        self.init_options: Any = None
        self.client_settings: Any = None
        self.options: ServerOptions = parse_options()
        self.gen = 0
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="gxlint-lint")
        # waits on child-process lints (slow or large documents): apart, so they never hold up the
        # lints of ordinary documents in ``pool``
        self.slow_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="gxlint-slow")
        self.config_ready: Optional[asyncio.Event] = None
        # the cross-report workspace: the workspace folders' reports read together (GX7)
        self.across: Workspace = Workspace(self)

    # capabilities / mode
    @property
    def enc(self) -> str:
        try:
            return convert.encoding_name(self.workspace.position_encoding)
        except RuntimeError:
            return "utf-16"

    def _cap(self, path: str) -> Any:
        obj: Any = self.client_capabilities
        for p in path.split("."):
            obj = getattr(obj, p, None) if obj is not None else None
        return obj

    @property
    def pull_mode(self) -> bool:
        mode = self.options.diagnostic_mode
        if mode == "push":
            return False
        supported = self._cap("text_document.diagnostic") is not None
        return supported if mode == "auto" else True

    def report_server_error(self, error, source) -> None:  # log, do not pop up dialogs
        log.error("gxlint server error (%s): %s", getattr(source, "__name__", source), error)
        try:
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=f"gxlint: {error}"))
        except Exception:
            pass

    def log_info(self, msg: str, kind: lsp.MessageType = lsp.MessageType.Info) -> None:
        self.window_log_message(lsp.LogMessageParams(type=kind, message=msg))

    # settings
    def set_options(self) -> None:
        self.options = parse_options(self.init_options, self.client_settings)
        self.gen += 1
        if self.options.problems:
            self.window_show_message(
                lsp.ShowMessageParams(
                    type=lsp.MessageType.Warning,
                    message="gxlint: ignored settings: " + "; ".join(self.options.problems),
                )
            )

    async def fetch_configuration(self) -> None:
        if not self._cap("workspace.configuration"):
            return
        try:
            res = await asyncio.wait_for(
                self.workspace_configuration_async(
                    lsp.ConfigurationParams(items=[lsp.ConfigurationItem(section="gxlint")])
                ),
                CONFIG_TIMEOUT_S,
            )
        except Exception as exc:  # the client may not answer; keep what we have
            log.warning("workspace/configuration failed: %s", exc)
            return
        if res:
            self.client_settings = res[0] if isinstance(res[0], dict) else None

    # linting
    def wants(self, st: DocState) -> bool:
        lang = (st.language_id or "").lower()
        if lang in LINTED_LANGUAGES:
            return True
        if is_html(lang, st.path):
            return True
        return bool(st.path and st.path.lower().endswith(LINTED_SUFFIXES))

    def schedule(self, st: DocState, delay_ms: Optional[int] = None) -> None:
        if st.task is not None and not st.task.done():
            st.task.cancel()
        if delay_ms is None:
            # a leading-edge debounce: a change after a quiet spell is linted at once (the squiggles
            # follow the keystroke); changes that come within debounceMs of the previous one (fast
            # typing, a paste in pieces) wait until debounceMs after the last of them
            now = time.perf_counter()
            burst = bool(st.last_change) and (now - st.last_change) * 1000 < self.options.debounce_ms
            st.last_change = now
            delay = self.options.debounce_ms if burst else 0
        else:
            delay = delay_ms
        st.task = asyncio.ensure_future(self._lint_later(st, st.version, delay / 1000.0))

    async def _lint_later(self, st: DocState, version: Optional[int], delay: float) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            if self.config_ready is not None:
                await self.config_ready.wait()
            if st.version != version or not st.open:
                return
            task = asyncio.ensure_future(self.outcome(st))
            if not self.pull_mode and self.in_child(st):
                # a large document: the last answer carried through the edits, at once (gxlint.lsp.partial)
                early = await asyncio.get_running_loop().run_in_executor(self.pool, self.early, st)
                if early is not None:
                    self.publish(st, early)
            try:
                out = await task
            except asyncio.CancelledError:
                task.cancel()
                raise
        except asyncio.CancelledError:
            return
        except Exception as exc:  # never let a lint failure kill the loop
            log.exception("lint failed")
            self.report_server_error(exc, type(exc))
            return
        if self.pull_mode:
            return
        self.publish(st, out, delay)

    def publish(self, st: DocState, out: Outcome, delay: float = 0.0) -> None:
        # only the current version, of an open document, with the current settings
        if not st.open or out.version != st.version or out.gen != self.gen or self.docs.get(st.uri) is not st:
            return
        t_pub = time.perf_counter()
        self.protocol.send_raw(
            stdio.notification(
                lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
                {"uri": st.uri, "version": st.version, "diagnostics": stdio.Raw(out.items_json)},
            )
        )
        if self.options.log_timing and st.changed_at and out.early:
            self.log_info(
                f"gxlint timing: {st.uri} v{st.version} early answer ({len(out.diagnostics)} findings carried), "
                f"change→publish {(time.perf_counter() - st.changed_at) * 1000 - delay * 1000:.1f} ms",
                lsp.MessageType.Log,
            )
        elif self.options.log_timing and st.changed_at:
            now = time.perf_counter()
            total = (now - st.changed_at) * 1000 - delay * 1000
            queued = (out.started - st.changed_at) * 1000 - delay * 1000 if out.started else 0.0
            self.log_info(
                f"gxlint timing: {st.uri} v{st.version} lint {out.lint_ms:.1f} ms, "
                f"change→publish {total:.1f} ms (excluding debounce {delay * 1000:.0f} ms; queued {queued:.1f} ms, "
                f"handoff {(t_pub - out.started) * 1000 - out.lint_ms:.1f} ms, "
                f"send {(now - t_pub) * 1000:.1f} ms)",
                lsp.MessageType.Log,
            )

    async def outcome(self, st: DocState) -> Outcome:
        """The lint of the document's current version (shared with a lint already running)."""
        key = (st.version, self.gen, id(st.text))
        out = st.outcome
        if out is not None and out.version == st.version and out.gen == self.gen and out.text is st.text:
            return out
        if st.inflight is not None and st.inflight[0] == key:
            return await asyncio.shield(st.inflight[1])
        loop = asyncio.get_running_loop()
        self.across.loop = loop
        opts = self.options
        fut = loop.run_in_executor(
            self.slow_pool if self.in_child(st) else self.pool,
            self._lint_job,
            st,
            st.version,
            st.text,
            self.gen,
            opts,
            self.enc,
        )
        st.inflight = (key, fut)
        try:
            out = await asyncio.shield(fut)
        finally:
            if st.inflight is not None and st.inflight[1] is fut:
                st.inflight = None
        if out.overrun and st.open and self.docs.get(st.uri) is st:
            st.slow = True  # from now on in a child process (slow_pool)
            log.info("%s: a lint ran past %d ms; linting it in a child process", st.uri, self.options.thread_budget_ms)
            return await self.outcome(st)
        if out.version == st.version and out.gen == self.gen and not out.stale:
            st.outcome = out
            st.linted(out.version)
        elif out.stale and st.open and self.docs.get(st.uri) is st:
            return await self.outcome(st)  # superseded: lint what is there now
        return out

    def in_child(self, st: DocState) -> bool:
        """Whether the document is linted in a child process (large, or it overran the thread
        budget once)."""
        opts = self.options
        slow = st.slow or bool(
            opts.process_bytes
            and len(st.text) * 3 > opts.process_bytes
            and len(st.text.encode("utf-8", "surrogatepass")) > opts.process_bytes
        )
        return slow and _processes_ok()

    def early(self, st: DocState) -> Optional[Outcome]:
        """The early answer of a large document whose lint is running: the last full answer's
        findings carried through the edits typed since, those in the typed region left out
        (:func:`gxlint.lsp.partial.carry`); None when there is none to give.  Runs in the pool."""
        from .partial import carry

        prev, text, version, gen = st.outcome, st.text, st.version, self.gen
        if prev is None or prev.quiet or prev.stale or prev.early or prev.gen != gen or prev.version == version:
            return None
        max_bytes = self.options.max_bytes
        if is_html(st.language_id, st.path) or (
            max_bytes and len(text) * 3 > max_bytes and len(text.encode("utf-8", "surrogatepass")) > max_bytes
        ):
            return None  # not linted in a child process: a page, or too large to be linted at all
        edits = st.edits_since(prev.version)
        if not edits or prev.doc is None:
            return None
        try:
            tables = [t.span for t in prev.doc.tables.values() if t.span is not None]
            kept = carry(prev.diagnostics, tables, edits, text)
            if kept is None or st.text is not text:
                return None
            lines = LineIndex(text)
            kept, conv = convert.convert_all(kept, lines, st.uri, self.enc, self.options.docs_base_url)
        except Exception:  # never let the early answer break the lint
            log.exception("early answer failed")
            return None
        rid = "early-" + hashlib.sha1(conv.items_json.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return Outcome(version, gen, text, lines, kept, None, conv, rid, early=True)

    def _lint_job(self, st: DocState, version, text: str, gen: int, opts: ServerOptions, enc: str) -> Outcome:
        """Runs in the pool; never raises."""
        t0 = time.perf_counter()

        def stale() -> bool:
            return st.version != version or not st.open or self.gen != gen

        if stale():
            # superseded before it started: a placeholder that is never published
            return Outcome(version, gen, text, LineIndex(""), [], quiet=True, stale=True)
        lines = LineIndex(text)
        diags: list[Diagnostic] = []
        doc = None
        quiet = False
        try:
            from ..engine import engine_diagnostic, lint

            settings = opts.settings_for(st.path)
            size = len(text.encode("utf-8", "surrogatepass"))
            hint = opts.lint_all or bool(_REPORT_HINT.search(text[:200_000]))
            if opts.max_bytes and size > opts.max_bytes:
                quiet = not hint
                if settings.is_enabled("GX002", "unreadable-input", st.path):
                    diags = [
                        engine_diagnostic(
                            "GX002", "too_large", Span(0, 0), settings, size=_mb(size), limit=_mb(opts.max_bytes)
                        )
                    ]
            elif is_html(st.language_id, st.path):
                # a web page: lint its text view, ranges in the HTML source (no hover/fixes)
                from .htmlmap import lint_html

                def across(doc):  # GX7, as for a text report (placed in the HTML source too)
                    if opts.lint_all or _looks_like_report(doc):
                        return self.across.diagnostics_for(st, doc, settings)
                    return []

                diags, res = lint_html(text, st.path, settings, more=across)
                if res is None or res.doc is None:
                    quiet = not hint
                else:
                    quiet = not opts.lint_all and not _looks_like_report(res.doc)
            elif (st.slow or (opts.process_bytes and size > opts.process_bytes)) and _processes_ok():
                from .worker import Stopped, TimedOut, Unavailable, lint_in_process

                quiet = not hint
                try:
                    # the model comes back too: the drafting aids and the hover read it (issue 26)
                    diags, doc = lint_in_process(
                        text, st.path, settings, stale=stale, timeout_s=opts.lint_timeout_ms / 1000.0
                    )
                    if doc is not None:
                        lines = doc.lines
                except Stopped:
                    return Outcome(version, gen, text, LineIndex(""), [], quiet=True, stale=True)
                except TimedOut:
                    diags = [
                        engine_diagnostic(
                            "GX001", "timeout", Span(0, 0), settings, seconds=f"{opts.lint_timeout_ms / 1000:g}"
                        )
                    ]
                except Unavailable as exc:
                    log.warning("lint processes unavailable (%s); linting in a thread", exc)
                    _PROCESSES_OK[0] = False
                    res = lint(text, st.path, settings)
                    diags, doc = res.diagnostics, res.doc
                    if doc is not None:
                        lines = doc.lines
                except RuntimeError as exc:
                    diags = [engine_diagnostic("GX001", "parser", Span(0, 0), settings, error=str(exc)[:200])]
            else:
                from .. import guard

                budget_s = opts.thread_budget_ms / 1000.0
                t_lint = time.monotonic()
                try:
                    # stopped at its next step when superseded, or when it runs past the budget
                    with guard.budget(budget_s), guard.cancellable(stale):
                        res = lint(text, st.path, settings)
                except guard.Cancelled:
                    return Outcome(version, gen, text, LineIndex(""), [], quiet=True, stale=True)
                if res.doc is None and time.monotonic() - t_lint >= budget_s and _processes_ok():
                    return Outcome(version, gen, text, LineIndex(""), [], quiet=True, overrun=True)
                diags, doc = res.diagnostics, res.doc
                if doc is not None:
                    lines = doc.lines
                    quiet = not opts.lint_all and not _looks_like_report(doc)
                    if not quiet:  # GX7: lsp/workspace.py
                        diags = sorted(diags + self.across.diagnostics_for(st, doc, settings), key=Diagnostic.sort_key)
                else:
                    quiet = not hint
        except Exception as exc:  # lint() isolates rules; this is the last line of defence
            log.exception("lint crashed")
            try:
                from ..config import Settings
                from ..engine import engine_diagnostic

                diags = [
                    engine_diagnostic(
                        "GX001", "parser", Span(0, 0), Settings(), error=f"{type(exc).__name__}: {exc}"[:200]
                    )
                ]
            except Exception:
                diags = []
        if quiet:
            diags = []
        prev = st.outcome.converted if st.outcome is not None else None
        kept, conv = convert.convert_all(
            diags,
            lines,
            st.uri,
            enc,
            opts.docs_base_url,
            prev,
            on_error=lambda d: log.exception("could not convert %s", d.code),
        )
        rid = hashlib.sha1(conv.items_json.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return Outcome(
            version,
            gen,
            text,
            lines,
            kept,
            doc,
            conv,
            rid,
            lint_ms=(time.perf_counter() - t0) * 1000,
            quiet=quiet,
            started=t0,
        )

    def relint_all(self) -> None:
        for st in list(self.docs.values()):
            if self.wants(st):
                self.schedule(st, 0)
        if self.pull_mode and self._cap("workspace.diagnostics.refresh_support"):
            try:
                self.workspace_diagnostic_refresh(None)
            except Exception as exc:
                log.warning("diagnostic refresh failed: %s", exc)


_PROCESSES_OK = [True]


def _processes_ok() -> bool:
    return _PROCESSES_OK[0]


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _looks_like_report(doc) -> bool:
    from ..reportkind import looks_like_report

    return looks_like_report(doc)


_WARM_UP_TEXT = "三、收到和处理政府信息公开申请情况\n（一）予以公开 | 0 | 9 | 0 | 0 | 0 | 0 | 0\n"


def warm_up() -> None:
    """Load the rules and compile the converters before the first document arrives."""
    try:
        from ..engine import lint

        res = lint(_WARM_UP_TEXT, None)
        _kept, conv = convert.convert_all(
            res.diagnostics, LineIndex(_WARM_UP_TEXT), "untitled:warm-up", "utf-16", "https://example.invalid/"
        )
        stdio.frame(
            stdio.notification(
                lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
                {"uri": "untitled:warm-up", "diagnostics": stdio.Raw(conv.items_json)},
            )
        )
        if conv.json_list:
            convert.from_json(conv.json_list[0])
    except Exception:
        pass


def create_server() -> GxLanguageServer:
    """A server with the handlers of every module of :mod:`gxlint.lsp.features` registered."""
    from .features import register_all

    server = GxLanguageServer()
    register_all(server)
    return server
