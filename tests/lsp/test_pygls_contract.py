"""gxlint's contract with pygls (:mod:`gxlint.lsp.protocol`): what the overrides rely on is still
in the installed pygls, and each override still takes effect.

When a test here fails after a pygls upgrade, pygls changed underneath gxlint: read the override
named in the test (its ``# why:`` line says what it is for) and check whether it is still needed
or must follow pygls.  The server is driven in-process (messages fed to its protocol, answers
captured from its writer), so nothing here depends on a client library.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import json
import threading

import pytest
from lsprotocol import types as lsp
from pygls.protocol import JsonRPCProtocol, LanguageServerProtocol

from gxlint.lsp import protocol as seam
from gxlint.lsp import stdio
from gxlint.lsp.protocol import GxProtocol
from gxlint.lsp.server import create_server


class _Writer:
    """Collects what the server sends (framed JSON-RPC) as parsed messages."""

    def __init__(self) -> None:
        self.data = b""

    def write(self, data: bytes) -> None:
        self.data += data

    def close(self) -> None:
        pass

    def messages(self) -> list[dict]:
        out, rest = [], self.data
        while rest:
            head, _, rest = rest.partition(b"\r\n\r\n")
            n = int(
                next(line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")).split(b":")[1]
            )
            out.append(json.loads(rest[:n]))
            rest = rest[n:]
        return out


def _feed(protocol, message: dict) -> None:
    """One message as the stdio loop hands it to the protocol (:func:`gxlint.lsp.stdio.message_loop`)."""
    protocol.handle_message(json.loads(json.dumps(message), object_hook=protocol.structure_message))


def _server(initialized: bool = True):
    server = create_server()
    writer = _Writer()
    server.protocol.set_writer(writer)
    if initialized:
        server.protocol.initialized_seen = True
    server.options = server.options.__class__(debounce_ms=5000)  # no lint runs: only the protocol
    return server, writer


def _stop(server) -> None:
    for st in server.docs.values():
        if st.task:
            st.task.cancel()
    server.pool.shutdown(wait=False, cancel_futures=True)
    server.slow_pool.shutdown(wait=False, cancel_futures=True)


# --- what the seam relies on is still there ------------------------------------------------


def _params(fn) -> list[str]:
    return list(inspect.signature(fn).parameters)


@pytest.mark.parametrize(
    "name, params",
    [
        ("structure_message", ["self", "data"]),
        ("handle_message", ["self", "message"]),
        ("_send_response", ["self", "msg_id", "result", "error"]),
        ("_execute_handler", ["self", "msg_id", "handler", "callback", "args", "kwargs"]),
    ],
)
def test_the_overridden_methods_keep_their_signature(name, params):
    assert _params(getattr(JsonRPCProtocol, name)) == params, f"pygls changed {name}: see GxProtocol.{name}"


@pytest.mark.parametrize(
    "method, name",
    [
        (lsp.SHUTDOWN, "lsp_shutdown"),
        (lsp.TEXT_DOCUMENT_DID_OPEN, "lsp_text_document__did_open"),
        (lsp.TEXT_DOCUMENT_DID_CHANGE, "lsp_text_document__did_change"),
        (lsp.TEXT_DOCUMENT_DID_CLOSE, "lsp_text_document__did_close"),
    ],
)
def test_the_builtin_handlers_gxlint_replaces_are_the_ones_pygls_dispatches(method, name):
    """pygls registers its built-in handlers by the name of the method they carry; gxlint's must be
    the one registered (a renamed pygls handler would be registered beside it, and might win)."""
    assert getattr(getattr(LanguageServerProtocol, name), "method_name", None) == method
    server, _ = _server()
    handler = server.protocol.fm.builtin_features[method]
    assert handler.__func__ is getattr(GxProtocol, name)
    assert [n for n in dir(GxProtocol) if getattr(getattr(GxProtocol, n), "method_name", None) == method] == [name]
    _stop(server)


def test_the_private_state_the_seam_reads_is_there():
    server, writer = _server()
    proto = server.protocol
    assert isinstance(proto._request_futures, dict)  # lsp_shutdown, _execute_handler
    assert isinstance(proto._result_types, dict)  # _send_response (a Raw result)
    assert proto._shutdown is False and proto.shut_down is False
    assert proto.writer is writer  # send_raw
    assert proto._server is server  # send_raw's error report, stop_event
    assert "_stop_event" in vars(server)  # stop_event: where pygls' shutdown() looks
    assert seam.CANCEL_UNKNOWN in inspect.getsource(JsonRPCProtocol._handle_cancel_notification)
    _stop(server)


# --- each override still takes effect ----------------------------------------------------


def test_text_sync_goes_to_gxlints_store_only():
    from pygls.workspace import Workspace

    server, _ = _server()
    server.protocol._workspace = Workspace(None)  # where pygls' own handlers would keep a copy
    uri = "file:///tmp/contract.txt"

    async def run():
        _feed(
            server.protocol,
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "a\u2028b\r\nc"}
                },
            },
        )
        _feed(
            server.protocol,
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": uri, "version": 2},
                    "contentChanges": [
                        {
                            "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 1}},
                            "text": "C",
                        }
                    ],
                },
            },
        )
        await asyncio.sleep(0.05)
        return server.docs[uri].text

    # LSP line breaks: U+2028 is not one, so line 1 is "c" (pygls' copy would count it)
    assert asyncio.run(run()) == "a\u2028b\r\nC"
    assert server.workspace.text_documents == {}
    _feed(
        server.protocol, {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}}
    )
    assert uri not in server.docs
    _stop(server)


def test_a_request_with_invalid_params_is_answered():
    server, writer = _server()
    _feed(
        server.protocol,
        {
            "jsonrpc": "2.0",
            "id": 7,
            "method": "textDocument/hover",
            "params": {"textDocument": {"uri": 3}, "position": "here"},
        },
    )
    [msg] = writer.messages()
    assert msg["id"] == 7 and msg["error"]["code"] == -32602
    assert msg["error"]["message"].startswith("invalid params for textDocument/hover")
    _feed(server.protocol, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"x": 1}})
    assert len(writer.messages()) == 1  # a notification: logged, never answered
    _stop(server)


def test_before_initialize_a_request_is_refused_and_after_shutdown_too():
    server, writer = _server(initialized=False)
    _feed(
        server.protocol,
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "textDocument/hover",
            "params": {"textDocument": {"uri": "file:///tmp/x.txt"}, "position": {"line": 0, "character": 0}},
        },
    )
    assert writer.messages()[-1]["error"]["code"] == -32002
    server.protocol._shutdown = True
    server.protocol.initialized_seen = True
    _feed(
        server.protocol,
        {
            "jsonrpc": "2.0",
            "id": 2,
            "method": "textDocument/hover",
            "params": {"textDocument": {"uri": "file:///tmp/x.txt"}, "position": {"line": 0, "character": 0}},
        },
    )
    assert writer.messages()[-1]["id"] == 2 and writer.messages()[-1]["error"]["code"] == -32600
    _stop(server)


def test_shutdown_with_requests_in_flight_cancels_them():
    server, writer = _server()

    async def run():
        # a request pygls runs in a thread or as a generator has a concurrent.futures.Future, whose
        # cancel() runs the done-callbacks at once: pygls' own one removes the entry from the dict
        pending = [concurrent.futures.Future() for _ in range(3)]
        for i, fut in enumerate(pending):
            server.protocol._request_futures[f"p{i}"] = fut
            fut.add_done_callback(lambda f, i=i: server.protocol._request_futures.pop(f"p{i}", None))
        _feed(server.protocol, {"jsonrpc": "2.0", "id": 9, "method": "shutdown"})
        await asyncio.sleep(0.05)
        return pending

    pending = asyncio.run(run())
    assert all(f.cancelled() for f in pending)
    assert server.protocol.shut_down is True
    assert {"jsonrpc": "2.0", "id": 9, "result": None} in writer.messages()


def test_a_raw_result_is_sent_as_it_is():
    server, writer = _server()
    server.protocol._result_types[5] = object  # what pygls records for a request it answers
    server.protocol._send_response(5, stdio.Raw.of({"kind": "full", "items": stdio.Raw('[{"x":1}]')}))
    assert writer.messages() == [{"jsonrpc": "2.0", "id": 5, "result": {"kind": "full", "items": [{"x": 1}]}}]
    assert 5 not in server.protocol._result_types
    server.protocol._send_response(6, {"plain": True})  # anything else: pygls' own sending
    assert writer.messages()[-1] == {"jsonrpc": "2.0", "id": 6, "result": {"plain": True}}
    _stop(server)


def test_unstructure_is_the_form_the_client_receives():
    server, _ = _server()
    d = lsp.Diagnostic(range=lsp.Range(lsp.Position(0, 1), lsp.Position(0, 2)), message="m", code_description=None)
    assert server.protocol.unstructure(d) == {
        "range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 2}},
        "message": "m",
    }
    _stop(server)


def test_pygls_shutdown_sets_the_event_that_stops_the_stdio_loop():
    server, _ = _server()
    ev = server.protocol.stop_event()
    assert isinstance(ev, threading.Event) and not ev.is_set()
    server.shutdown()
    assert ev.is_set()
    _stop(server)


def test_pygls_keeps_the_future_of_every_async_notification_handler():
    """A minimal reproduction of pygls 2.1's behaviour that gxlint works around: a coroutine (or
    generator) notification handler's finished future stays in ``_request_futures`` forever.  When
    this fails, pygls changed: check whether GxProtocol._execute_handler is still needed."""
    from pygls.lsp.server import LanguageServer

    server = LanguageServer("repro", "0")

    @server.feature("custom/ping")
    async def ping(ls, params):
        return None

    async def run():
        for _ in range(50):
            _feed(server.protocol, {"jsonrpc": "2.0", "method": "custom/ping", "params": {}})
        await asyncio.sleep(0.05)
        return len(server.protocol._request_futures)

    assert asyncio.run(run()) == 50


def test_gxlint_protocol_forgets_finished_notifications():
    server, _ = _server()

    async def run():
        uri = "file:///tmp/leak.txt"
        _feed(
            server.protocol,
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "x"}},
            },
        )
        for v in range(2, 2002):
            _feed(
                server.protocol,
                {
                    "jsonrpc": "2.0",
                    "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": f"x{v}"}]},
                },
            )
            _feed(
                server.protocol,
                {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {}}},
            )
        await asyncio.sleep(0.2)
        return len(server.protocol._request_futures)

    n = asyncio.run(run())
    _stop(server)
    assert n < 10


def test_the_cancel_warning_is_quiet():
    import logging

    rec = logging.LogRecord(
        "pygls.protocol.json_rpc",
        logging.WARNING,
        __file__,
        1,
        'Cancel notification for unknown message id "%s"',
        ("3",),
        None,
    )
    assert seam.QuietCancel().filter(rec) is False
    rec.msg = "something else"
    assert seam.QuietCancel().filter(rec) is True


def test_no_other_module_of_the_server_touches_pygls_internals():
    """The seam is one file: the rest of gxlint.lsp uses pygls' public API only."""
    import pathlib
    import re

    import gxlint.lsp

    internals = re.compile(
        r"\._(?:send_response|send_data|execute_handler|request_futures|result_types|converter"
        r"|shutdown|stop_event|server|workspace|register_builtin_features|report_server_error)\b"
    )
    root = pathlib.Path(gxlint.lsp.__file__).parent
    found = [
        f"{p.relative_to(root)}:{i}: {line.strip()}"
        for p in sorted(root.rglob("*.py"))
        if p.name != "protocol.py"
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if internals.search(line)
    ]
    assert found == []
