"""gxlint's seam with pygls: every override of a pygls internal, and every use of pygls' private
state, is here and nowhere else in the language server — each with a line on why.

pygls 2.x is used through its public API elsewhere (``LanguageServer``, ``server.feature``,
``server.command``, the ``*_async`` requests, ``protocol.set_writer``).  What gxlint needs beyond
it, and why:

- the text-sync notifications go to gxlint's own document store only (pygls would keep a second
  copy of every document, with Python's idea of line breaks);
- a request whose params do not validate is answered ``InvalidParams`` (pygls drops it, and the
  client waits for ever);
- before ``initialize`` a request is answered ``ServerNotInitialized``, after ``shutdown``
  ``InvalidRequest`` (LSP says so; pygls drops them);
- ``shutdown`` cancels the pending requests over a copy of the dict (pygls' own loop failed when a
  cancelled request removed itself);
- the finished future of a notification handler is forgotten (pygls 2.1 keeps every one);
- a result already serialised (:class:`gxlint.lsp.stdio.Raw`: a pull's diagnostics) is sent as
  it is, and publishDiagnostics goes out the same way (:meth:`GxProtocol.send_raw`);
- the stdio loop is gxlint's own (:mod:`gxlint.lsp.stdio`), stopped by the event pygls'
  ``shutdown()`` sets, and ending with the exit code pygls' shutdown flag gives.

tests/lsp/test_pygls_contract.py checks that what this relies on is still there in the installed
pygls (names, signatures, attributes) and that each override still takes effect.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
from typing import Any

from lsprotocol import types as lsp
from pygls.exceptions import (
    JsonRpcInternalError,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
    JsonRpcServerNotInitialized,
)
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from . import stdio

log = logging.getLogger("gxlint.lsp")


class Ignored:
    """A message that could not be read; already answered (requests) or logged (notifications)."""

    jsonrpc = "2.0"


class GxProtocol(LanguageServerProtocol):
    """pygls' protocol with the overrides listed in this module's docstring."""

    initialized_seen = False  # an initialize request has arrived

    # why: pygls iterates over _request_futures itself, and a cancelled request removes itself from it
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

    # why: pygls' built-in handlers keep a copy of each document in its workspace, with other line breaks
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

    # why: pygls raises on params that do not validate, and the request is never answered
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
            return Ignored()

    # why: pygls handles requests before initialize, and drops those after shutdown unanswered
    def handle_message(self, message):
        if isinstance(message, Ignored):
            return
        method = getattr(message, "method", None)
        msg_id = getattr(message, "id", None)
        if method == lsp.INITIALIZE:
            self.initialized_seen = True
        elif method is not None and not self.initialized_seen and method != lsp.EXIT:
            # LSP: before initialize, a request is answered -32002 and a notification dropped
            if msg_id is not None:
                self._send_response(
                    msg_id,
                    error=JsonRpcServerNotInitialized(
                        f"{method}: the server has not been initialized"
                    ).to_response_error(),
                )
            else:
                log.warning("dropped %s: the server has not been initialized", method)
            return
        elif method is not None and msg_id is not None and self._shutdown and method != lsp.EXIT:
            self._send_response(
                msg_id, error=JsonRpcInvalidRequest(f"{method}: the server is shutting down").to_response_error()
            )
            return
        return super().handle_message(message)

    # why: pygls serialises every result with its converter; a Raw result is JSON already
    def _send_response(self, msg_id, result=None, error=None):
        """A result made of :class:`stdio.Raw` JSON (the diagnostics of a pull) is sent as it is."""
        if error is None and isinstance(result, stdio.Raw):
            self._result_types.pop(msg_id, None)
            self.send_raw(stdio.response(msg_id, result))
            return
        super()._send_response(msg_id, result, error)

    # why: pygls 2.1 never removes a notification handler's future from _request_futures (a leak)
    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        """pygls 2.1 keeps the future of every coroutine or generator *notification* handler in
        ``_request_futures`` and never removes it (only request responses pop theirs): 2 KB a
        keystroke.  Drop the entry once the handler is done (tests/lsp/test_pygls_contract.py keeps
        a minimal reproduction of pygls' behaviour, so a release that changes it is noticed)."""
        futures = self._request_futures

        def done(fut, _cb=callback, _id=msg_id):
            try:
                _cb(fut)
            finally:
                if futures.get(_id) is fut:
                    del futures[_id]

        return super()._execute_handler(msg_id, handler, done, args, kwargs)

    # --- pygls' private state, read or written here only -----------------------------------

    def send_raw(self, body: str) -> None:
        """Send a message already serialised (:mod:`gxlint.lsp.stdio`'s Raw pieces) on pygls'
        writer, reporting a failure as pygls' own sending does."""
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

    @property
    def shut_down(self) -> bool:
        """``shutdown`` has been received (pygls keeps the flag private): exit and end of input
        give 0 after it, 1 without."""
        return self._shutdown

    def unstructure(self, obj: Any) -> Any:
        """An lsprotocol object as JSON data, with pygls' own converter (camelCase names, the
        same form the client receives)."""
        return self._converter.unstructure(obj)

    def stop_event(self) -> threading.Event:
        """A new event that stops gxlint's stdio loop, installed where pygls' ``shutdown()`` sets
        its own loop's (``JsonRPCServer._stop_event``)."""
        ev = threading.Event()
        self._server._stop_event = ev
        return ev


CANCEL_UNKNOWN = "Cancel notification for unknown message id"
"""The start of pygls' log message when a client cancels a request already answered."""


class QuietCancel(logging.Filter):
    """A client cancels requests it no longer needs (inlay hints, a diagnostic pull) after every
    keystroke; when the answer has already gone, pygls logs a warning that means nothing to a user."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(CANCEL_UNKNOWN)


def quiet_cancel_logs() -> None:
    """Hide pygls' warning about cancelled requests already answered (its JSON-RPC logger)."""
    logging.getLogger("pygls.protocol.json_rpc").addFilter(QuietCancel())
