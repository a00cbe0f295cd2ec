"""The gxlint language server (pygls 2.x).

- Text sync is incremental; the server keeps its own copy of each open document and applies
  changes with :class:`gxlint.positions.LineIndex` (LSP line breaks only: ``\\n``, ``\\r\\n``,
  ``\\r`` — Python's ``splitlines`` also breaks at U+2028, form feeds … and would disagree with
  the client).  Whole-document changes are accepted too.
- Each open or change schedules a lint; the debounce is leading-edge: a change after a quiet spell
  is linted at once, a change within ``debounceMs`` (default 75 ms) of the previous one waits that
  long after the last of them.  A newer version cancels the pending one; the lint runs in a thread pool, and its result is
  published only if the document is still at the version that was linted.
- Diagnostics are pushed (with the version) or, when the client supports
  ``textDocument/diagnostic``, pulled (with a result id; unchanged results say so).
- Code actions: the fix of each diagnostic as a quick fix (preferred when safe) and
  ``source.fixAll.gxlint`` (every safe fix, applied as ``gxlint`` applies them).
- Hover: the identity a table cell takes part in, with the numbers; a prose number; the message
  and documentation of a diagnostic under the cursor.
- Malformed params get an ``InvalidParams`` error response; a rule that raises is GX001; a
  document over ``maxBytes`` gets one diagnostic saying why it was not linted.
"""
from __future__ import annotations

import asyncio
import hashlib
import inspect
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Optional

from lsprotocol import types as lsp
from pygls.exceptions import (JsonRpcInternalError, JsonRpcInvalidParams, JsonRpcInvalidRequest,
                              JsonRpcServerNotInitialized)
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from .. import __version__
from ..api import Diagnostic, Span
from ..positions import LineIndex
from . import convert, stdio
from .htmlmap import is_html
from .options import ServerOptions, parse_options

log = logging.getLogger("gxlint.lsp")

LINTED_LANGUAGES = {"plaintext", "text", "markdown", "gxreport", ""}
LINTED_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_REPORT_HINT = re.compile(r"年度(?:报|報)(?:\([a-zà-ǜ]+\))?告|政府信息公(?:开|開)|信息公(?:开|開)(?:工作)?年(?:度)?报")
CONFIG_TIMEOUT_S = 2.0


# --- the protocol: own document store, error responses for malformed params ------------

class _Ignored:
    """A message that could not be read; already answered (requests) or logged (notifications)."""

    jsonrpc = "2.0"


class GxProtocol(LanguageServerProtocol):
    """pygls' protocol, except that (1) open/change/close go straight to the server's own document
    store (no second copy kept with a different idea of lines), and (2) a request whose params do
    not validate gets an ``InvalidParams`` error response instead of being dropped."""

    @lsp_method(lsp.SHUTDOWN)
    def lsp_shutdown(self, *args):
        """pygls' shutdown, over a copy of the pending requests: cancelling one removes it from
        the dict, which made pygls' own loop fail when shutdown came with requests in flight."""
        if (user_handler := self.fm.features.get(lsp.SHUTDOWN)) is not None:
            yield user_handler, args, None
        current_id = self.msg_id
        for msg_id, future in list(self._request_futures.items()):
            if msg_id != current_id and not future.done():
                future.cancel()
        self._shutdown = True
        return None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: lsp.DidOpenTextDocumentParams):
        if (h := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield h, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams):
        if (h := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield h, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: lsp.DidCloseTextDocumentParams):
        if (h := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield h, (params,), None

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except (JsonRpcInvalidParams, JsonRpcInternalError) as exc:
            if not isinstance(data, dict):
                raise
            method = data.get("method")
            cause = exc.__cause__ or exc
            detail = str(cause).splitlines()[0] if str(cause) else type(cause).__name__
            if "id" in data and method:
                err = JsonRpcInvalidParams(f"invalid params for {method}: {detail}")
                self._send_response(data["id"], error=err.to_response_error())
            else:
                log.warning("ignored malformed %s: %s", method or "message", detail)
            return _Ignored()

    initialized_seen = False   # an initialize request has arrived

    def handle_message(self, message):
        if isinstance(message, _Ignored):
            return
        method = getattr(message, "method", None)
        msg_id = getattr(message, "id", None)
        if method == lsp.INITIALIZE:
            self.initialized_seen = True
        elif method is not None and not self.initialized_seen and method != lsp.EXIT:
            # LSP: before initialize, a request is answered -32002 and a notification dropped
            if msg_id is not None:
                self._send_response(msg_id, error=JsonRpcServerNotInitialized(
                    f"{method}: the server has not been initialized").to_response_error())
            else:
                log.warning("dropped %s: the server has not been initialized", method)
            return
        elif method is not None and msg_id is not None and self._shutdown and method != lsp.EXIT:
            self._send_response(msg_id, error=JsonRpcInvalidRequest(
                f"{method}: the server is shutting down").to_response_error())
            return
        return super().handle_message(message)

    def send_raw(self, body: str) -> None:
        """Send a message already serialised (:mod:`gxlint.lsp.stdio`'s Raw pieces)."""
        if self.writer is None:
            log.error("no transport to send a message on")
            return
        try:
            res = self.writer.write(stdio.frame(body))
            if inspect.isawaitable(res):
                asyncio.ensure_future(res)
        except BrokenPipeError:
            raise
        except Exception as exc:
            log.exception("could not send a message")
            self._server.report_server_error(exc, JsonRpcInternalError)

    def _send_response(self, msg_id, result=None, error=None):
        """A result made of :class:`stdio.Raw` JSON (the diagnostics of a pull) is sent as it is."""
        if error is None and isinstance(result, stdio.Raw):
            self._result_types.pop(msg_id, None)
            self.send_raw(stdio.response(msg_id, result))
            return
        super()._send_response(msg_id, result, error)

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        """pygls 2.1 keeps the future of every coroutine or generator *notification* handler in
        ``_request_futures`` and never removes it (only request responses pop theirs): 2 KB a
        keystroke.  Drop the entry once the handler is done (tests/lsp/test_pygls_leak.py keeps a
        minimal reproduction of pygls' behaviour, so a release that changes it is noticed)."""
        futures = self._request_futures

        def done(fut, _cb=callback, _id=msg_id):
            try:
                _cb(fut)
            finally:
                if futures.get(_id) is fut:
                    del futures[_id]

        return super()._execute_handler(msg_id, handler, done, args, kwargs)


# --- documents ---------------------------------------------------------------------------

@dataclass
class Outcome:
    """One lint of one version of a document."""

    version: Optional[int]
    gen: int                          # settings generation it was linted with
    text: str
    lines: LineIndex
    diagnostics: list[Diagnostic]
    doc: Any = None                   # gxlint.model.Document (None: not linted / parser failed)
    converted: Any = None             # convert.Converted: the diagnostics as the client receives them
    result_id: str = ""
    lint_ms: float = 0.0
    started: float = 0.0              # perf_counter when the lint job started
    quiet: bool = False               # not a report: nothing shown
    stale: bool = False               # superseded before it finished: never published
    overrun: bool = False             # ran past the thread budget: to be linted in a child process
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
    changed_wall: float = 0.0         # time.time() of that change (logTiming: set beside a client's clock)
    last_change: float = 0.0          # when the previous change was scheduled (leading-edge debounce)
    timed: Optional[int] = None       # the version whose pulled diagnostics were timed (logTiming)
    open: bool = True
    slow: bool = False                # overran the thread budget once: linted in a child process

    @property
    def lines(self) -> LineIndex:
        if self._lines is None or self._lines.text is not self.text:
            self._lines = LineIndex(self.text)
        return self._lines

    def apply(self, change, enc: str) -> None:
        rng = getattr(change, "range", None)
        if rng is None:                      # whole document
            self.text = change.text
            self._lines = None
            return
        lines = self.lines
        a = convert.offset_of(lines, rng.start, enc)
        b = convert.offset_of(lines, rng.end, enc)
        if b < a:
            a, b = b, a
        self.text = self.text[:a] + change.text + self.text[b:]
        self._lines = None


# --- the server --------------------------------------------------------------------------

class GxLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("gxlint", __version__, protocol_cls=GxProtocol,
                         text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
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

    def report_server_error(self, error, source) -> None:   # log, do not pop up dialogs
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
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Warning,
                message="gxlint: ignored settings: " + "; ".join(self.options.problems)))

    async def fetch_configuration(self) -> None:
        if not self._cap("workspace.configuration"):
            return
        try:
            res = await asyncio.wait_for(self.workspace_configuration_async(
                lsp.ConfigurationParams(items=[lsp.ConfigurationItem(section="gxlint")])), CONFIG_TIMEOUT_S)
        except Exception as exc:   # the client may not answer; keep what we have
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
            out = await self.outcome(st)
        except asyncio.CancelledError:
            return
        except Exception as exc:    # never let a lint failure kill the loop
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
        self.protocol.send_raw(stdio.notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, {
            "uri": st.uri, "version": st.version, "diagnostics": stdio.Raw(out.items_json)}))
        if self.options.log_timing and st.changed_at:
            now = time.perf_counter()
            total = (now - st.changed_at) * 1000 - delay * 1000
            queued = (out.started - st.changed_at) * 1000 - delay * 1000 if out.started else 0.0
            self.log_info(f"gxlint timing: {st.uri} v{st.version} lint {out.lint_ms:.1f} ms, "
                          f"change→publish {total:.1f} ms (excluding debounce {delay * 1000:.0f} ms; queued {queued:.1f} ms, "
                          f"handoff {(t_pub - out.started) * 1000 - out.lint_ms:.1f} ms, "
                          f"send {(now - t_pub) * 1000:.1f} ms)", lsp.MessageType.Log)

    async def outcome(self, st: DocState) -> Outcome:
        """The lint of the document's current version (shared with a lint already running)."""
        key = (st.version, self.gen, id(st.text))
        out = st.outcome
        if out is not None and out.version == st.version and out.gen == self.gen and out.text is st.text:
            return out
        if st.inflight is not None and st.inflight[0] == key:
            return await asyncio.shield(st.inflight[1])
        loop = asyncio.get_running_loop()
        if getattr(self, "across", None) is not None:
            self.across.loop = loop
        opts = self.options
        slow = st.slow or bool(opts.process_bytes and len(st.text) * 3 > opts.process_bytes
                               and len(st.text.encode("utf-8", "surrogatepass")) > opts.process_bytes)
        fut = loop.run_in_executor(self.slow_pool if slow and _processes_ok() else self.pool, self._lint_job,
                                   st, st.version, st.text, self.gen, opts, self.enc)
        st.inflight = (key, fut)
        try:
            out = await asyncio.shield(fut)
        finally:
            if st.inflight is not None and st.inflight[1] is fut:
                st.inflight = None
        if out.overrun and st.open and self.docs.get(st.uri) is st:
            st.slow = True                          # from now on in a child process (slow_pool)
            log.info("%s: a lint ran past %d ms; linting it in a child process", st.uri,
                     self.options.thread_budget_ms)
            return await self.outcome(st)
        if out.version == st.version and out.gen == self.gen and not out.stale:
            st.outcome = out
        elif out.stale and st.open and self.docs.get(st.uri) is st:
            return await self.outcome(st)          # superseded: lint what is there now
        return out

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
                    diags = [engine_diagnostic("GX002", "too_large", Span(0, 0), settings,
                                               size=_mb(size), limit=_mb(opts.max_bytes))]
            elif is_html(st.language_id, st.path):
                # a web page: lint its text view, ranges in the HTML source (no hover/fixes)
                from .htmlmap import lint_html

                diags, res = lint_html(text, st.path, settings)
                if res is None or res.doc is None:
                    quiet = not hint
                else:
                    quiet = not opts.lint_all and not _looks_like_report(res.doc)
            elif (st.slow or (opts.process_bytes and size > opts.process_bytes)) and _processes_ok():
                from .worker import Stopped, TimedOut, Unavailable, lint_in_process

                quiet = not hint
                try:
                    diags = lint_in_process(text, st.path, settings, stale=stale,
                                            timeout_s=opts.lint_timeout_ms / 1000.0)
                except Stopped:
                    return Outcome(version, gen, text, LineIndex(""), [], quiet=True, stale=True)
                except TimedOut:
                    diags = [engine_diagnostic("GX001", "timeout", Span(0, 0), settings,
                                               seconds=f"{opts.lint_timeout_ms / 1000:g}")]
                except Unavailable as exc:
                    log.warning("lint processes unavailable (%s); linting in a thread", exc)
                    _PROCESSES_OK[0] = False
                    diags = lint(text, st.path, settings).diagnostics
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
                    if not quiet and getattr(self, "across", None) is not None:   # GX7: lsp/workspace.py
                        diags = sorted(diags + self.across.diagnostics_for(st, doc, settings), key=Diagnostic.sort_key)
                else:
                    quiet = not hint
        except Exception as exc:   # lint() isolates rules; this is the last line of defence
            log.exception("lint crashed")
            try:
                from ..engine import engine_diagnostic
                from ..config import Settings

                diags = [engine_diagnostic("GX001", "parser", Span(0, 0), Settings(),
                                           error=f"{type(exc).__name__}: {exc}"[:200])]
            except Exception:
                diags = []
        if quiet:
            diags = []
        prev = st.outcome.converted if st.outcome is not None else None
        kept, conv = convert.convert_all(diags, lines, st.uri, enc, opts.docs_base_url, prev,
                                         on_error=lambda d: log.exception("could not convert %s", d.code))
        rid = hashlib.sha1(conv.items_json.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return Outcome(version, gen, text, lines, kept, doc, conv, rid,
                       lint_ms=(time.perf_counter() - t0) * 1000, quiet=quiet, started=t0)

    def relint_all(self) -> None:
        for st in list(self.docs.values()):
            if self.wants(st):
                self.schedule(st, 0)
        if self.pull_mode and self._cap("workspace.diagnostics.refresh_support"):
            try:
                self.workspace_diagnostic_refresh(None)
            except Exception as exc:
                log.warning("diagnostic refresh failed: %s", exc)

    def get_doc(self, uri: str) -> Optional[DocState]:
        return self.docs.get(uri)


_PROCESSES_OK = [True]


def _processes_ok() -> bool:
    return _PROCESSES_OK[0]


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _looks_like_report(doc) -> bool:
    from ..reportkind import looks_like_report

    return looks_like_report(doc)


# --- features ----------------------------------------------------------------------------

def create_server() -> GxLanguageServer:
    server = GxLanguageServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: GxLanguageServer, params: lsp.InitializeParams):
        ls.init_options = params.initialization_options
        ls.set_options()
        ls.config_ready = asyncio.Event()
        if not ls._cap("workspace.configuration"):
            ls.config_ready.set()
        ls.pool.submit(_warm_up)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: GxLanguageServer, params: lsp.InitializedParams):
        try:
            if ls._cap("workspace.did_change_configuration.dynamic_registration"):
                try:
                    await asyncio.wait_for(ls.client_register_capability_async(lsp.RegistrationParams(
                        registrations=[lsp.Registration(id="gxlint-config",
                                                        method=lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)])),
                        CONFIG_TIMEOUT_S)
                except Exception as exc:
                    log.warning("could not register for configuration changes: %s", exc)
            if ls._cap("workspace.configuration"):
                await ls.fetch_configuration()
                ls.set_options()
        finally:
            if ls.config_ready is not None:
                ls.config_ready.set()

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: GxLanguageServer, params):
        # stop pending lints (a child-process lint sees its document closed and is terminated)
        for st in list(ls.docs.values()):
            st.open = False
            if st.task is not None:
                st.task.cancel()
        ls.pool.shutdown(wait=False, cancel_futures=True)
        ls.slow_pool.shutdown(wait=False, cancel_futures=True)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: GxLanguageServer, params: lsp.DidChangeConfigurationParams):
        if ls._cap("workspace.configuration"):
            await ls.fetch_configuration()
        elif isinstance(params.settings, dict):
            ls.client_settings = params.settings
        ls.set_options()
        ls.relint_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GxLanguageServer, params: lsp.DidOpenTextDocumentParams):
        td = params.text_document
        old = ls.docs.get(td.uri)
        if old is not None:
            old.open = False
            if old.task:
                old.task.cancel()
        st = DocState(td.uri, _path_of(td.uri), td.language_id or "", td.text, td.version)
        st.changed_at = time.perf_counter()
        st.changed_wall = time.time()
        ls.docs[td.uri] = st
        if ls.wants(st):
            ls.schedule(st, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GxLanguageServer, params: lsp.DidChangeTextDocumentParams):
        st = ls.docs.get(params.text_document.uri)
        if st is None:
            log.warning("didChange for a document that is not open: %s", params.text_document.uri)
            return
        enc = ls.enc
        for change in params.content_changes:
            st.apply(change, enc)
        st.version = params.text_document.version
        st.changed_at = time.perf_counter()
        st.changed_wall = time.time()
        if ls.wants(st) and (ls.options.run != "onSave" or ls.pull_mode):
            ls.schedule(st)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: GxLanguageServer, params: lsp.DidSaveTextDocumentParams):
        st = ls.docs.get(params.text_document.uri)
        if st is not None and ls.options.run == "onSave" and not ls.pull_mode and ls.wants(st):
            ls.schedule(st, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GxLanguageServer, params: lsp.DidCloseTextDocumentParams):
        st = ls.docs.pop(params.text_document.uri, None)
        if st is not None:
            st.open = False
            if st.task is not None:
                st.task.cancel()
            ls.across.closed_doc(st)
        if not ls.pull_mode:
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri=params.text_document.uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_DIAGNOSTIC,
                    lsp.DiagnosticOptions(identifier="gxlint", inter_file_dependencies=True,
                                          workspace_diagnostics=True))
    async def pull_diagnostics(ls: GxLanguageServer, params: lsp.DocumentDiagnosticParams):
        st = ls.docs.get(params.text_document.uri)
        if st is None or not ls.wants(st):
            return lsp.RelatedFullDocumentDiagnosticReport(items=[], result_id="none")
        if ls.config_ready is not None:
            await ls.config_ready.wait()
        t_req = time.perf_counter()
        out = await ls.outcome(st)
        if ls.options.log_timing and st.changed_at and out.version == st.version and st.timed != st.version:
            st.timed = st.version          # the first answer for this version: what the user waited for
            now = time.perf_counter()
            ls.log_info(f"gxlint timing: {st.uri} v{st.version} lint {out.lint_ms:.1f} ms, "
                        f"change→publish {(now - st.changed_at) * 1000:.1f} ms (pulled; request came "
                        f"{(t_req - st.changed_at) * 1000:.1f} ms after the change; epoch ms: change "
                        f"{st.changed_wall * 1000:.1f}, answer {time.time() * 1000:.1f})", lsp.MessageType.Log)
        if params.previous_result_id and params.previous_result_id == out.result_id:
            return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=out.result_id)
        return stdio.Raw.of({"kind": "full", "resultId": out.result_id, "items": stdio.Raw(out.items_json)})

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, convert.FIX_ALL_KIND],
                                          resolve_provider=False))
    async def code_action(ls: GxLanguageServer, params: lsp.CodeActionParams):
        st = ls.docs.get(params.text_document.uri)
        if st is None or not ls.wants(st):
            return None
        out = await ls.outcome(st)
        if out.version != st.version or out.text is not st.text or out.quiet:
            return None
        return code_actions_for(ls, st, out, params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: GxLanguageServer, params: lsp.HoverParams):
        from .hover import hover_markdown

        st = ls.docs.get(params.text_document.uri)
        if st is None or not ls.wants(st):
            return None
        out = await ls.outcome(st)
        if out.quiet or out.text is not st.text:
            return None
        enc = ls.enc
        offset = convert.offset_of(out.lines, params.position, enc)
        docs_base = ls.options.docs_base_url
        across = getattr(ls, "across", None)      # last year's report in the workspace (GX7 index)
        md = hover_markdown(out.doc, out.diagnostics, offset, ls.options.settings.lang,
                            docs_href=lambda code: convert.docs_href(docs_base, code),
                            previous=across.previous_entry(st.path) if across is not None else None)
        if md is None:
            return None
        fmt = ls._cap("text_document.hover.content_format") or []
        kind = lsp.MarkupKind.Markdown if (not fmt or lsp.MarkupKind.Markdown in fmt) else lsp.MarkupKind.PlainText
        return lsp.Hover(contents=lsp.MarkupContent(kind=kind, value=md))

    from .workspace import register as register_workspace

    register_workspace(server)     # GX7 across the workspace's reports, workspace/diagnostic

    from .drafting import register as register_drafting   # inlay hints, lenses, outline, new report

    register_drafting(server)
    return server


def code_actions_for(ls: GxLanguageServer, st: DocState, out: Outcome, params: lsp.CodeActionParams) -> list:
    enc = ls.enc
    lines = out.lines
    a = convert.offset_of(lines, params.range.start, enc)
    b = convert.offset_of(lines, params.range.end, enc)
    only = params.context.only if params.context else None

    def wanted(kind: str) -> bool:
        if not only:
            return True
        return any(kind == k or kind.startswith(str(getattr(k, "value", k)) + ".") for k in
                   (getattr(o, "value", o) for o in only))

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
            actions.append(lsp.CodeAction(
                title=f"{d.fix.message} ({d.code})",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[ld],
                is_preferred=bool(d.fix.safe),
                edit=convert.workspace_edit(st.uri, st.version, edits, doc_changes),
            ))
    if wanted(convert.FIX_ALL_KIND):
        from ..fixes import chosen_edits

        safe = convert.select_edits(chosen_edits(out.diagnostics))
        if safe:
            en = ls.options.settings.lang == "en"
            actions.append(lsp.CodeAction(
                title="gxlint: fix all safe problems" if en else "gxlint：修复全部可安全修复的问题",
                kind=convert.FIX_ALL_KIND,
                edit=convert.workspace_edit(st.uri, st.version,
                                            [convert.text_edit(lines, e, enc) for e in safe], doc_changes),
            ))
    return actions


def _path_of(uri: str) -> Optional[str]:
    try:
        return to_fs_path(uri)
    except Exception:
        return None


_WARM_UP_TEXT = "三、收到和处理政府信息公开申请情况\n（一）予以公开 | 0 | 9 | 0 | 0 | 0 | 0 | 0\n"


def _warm_up() -> None:
    """Load the rules and compile the converters before the first document arrives."""
    try:
        from ..engine import lint

        res = lint(_WARM_UP_TEXT, None)
        _kept, conv = convert.convert_all(res.diagnostics, LineIndex(_WARM_UP_TEXT), "untitled:warm-up", "utf-16",
                                          "https://example.invalid/")
        stdio.frame(stdio.notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, {
            "uri": "untitled:warm-up", "diagnostics": stdio.Raw(conv.items_json)}))
        if conv.json_list:
            convert.from_json(conv.json_list[0])
    except Exception:
        pass
