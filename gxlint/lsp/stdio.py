"""The server's stdio loop and its end.

pygls' own loop (``pygls.io_.run_async``) has three faults for a server that must not be stopped
by its input: a header line is only recognised when it is the whole line, so one message whose
``Content-Length`` was wrong glues every later header to the previous body and the server never
answers again; ``Content-Length: 10^15`` is read as it says (MemoryError); and the end of the
process waits for the thread pools, so a lint in progress delays it (57 s were seen) while child
lint processes go on.  Here:

- a ``Content-Length`` header is found anywhere in its line, so the loop re-synchronises at the
  next message after a framing error (the broken message is logged and skipped);
- a message larger than :data:`MAX_MESSAGE_BYTES` ends the server with a logged reason (its body
  cannot be skipped without reading it) and exit code 1; header lines are read with a limit;
- however the server ends — ``exit`` (0 after ``shutdown``, 1 without, as LSP says), end of
  input, SIGTERM/SIGHUP/SIGINT — child lint processes, the fork server and the resource tracker are
  stopped and the process exits at once, without waiting for lints still running in threads.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import signal
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, BinaryIO, Optional

log = logging.getLogger("gxlint.lsp")

MAX_MESSAGE_BYTES = 256 * 1024 * 1024
MAX_HEADER_LINE = 64 * 1024
_CONTENT_LENGTH = re.compile(rb"Content-Length:[ \t]*(\d+)[ \t]*\r?\n?$", re.IGNORECASE)


class _Reader:
    """Blocking reads of stdin in one thread of its own (the event loop never blocks)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gxlint-stdin")

    async def readline(self) -> bytes:
        return await asyncio.get_running_loop().run_in_executor(self.pool, self.stream.readline, MAX_HEADER_LINE)

    async def read(self, n: int) -> bytes:
        def read_all() -> bytes:
            chunks, left = [], n
            while left > 0:
                b = self.stream.read(left)
                if not b:
                    break
                chunks.append(b)
                left -= len(b)
            return b"".join(chunks)

        return await asyncio.get_running_loop().run_in_executor(self.pool, read_all)


class _PipeReader:
    """stdin read by the event loop itself, when it is a pipe or a socket (as an editor starts a
    server): a message reaches its handler in one wake-up of the process.  The thread reader costs
    two thread wake-ups for each header line and the body — measured 9 ms from a client's didChange
    to the handler on an idle machine, against 1 ms here."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self.reader = reader

    async def readline(self) -> bytes:
        try:
            return await self.reader.readline()
        except ValueError:  # a line over MAX_HEADER_LINE: dropped, read as garbage
            return b"?"

    async def read(self, n: int) -> bytes:
        try:
            return await self.reader.readexactly(n)
        except asyncio.IncompleteReadError as exc:  # end of input inside the body
            return exc.partial


async def open_reader(stream: BinaryIO) -> Any:
    """The reader of ``stream``: the event loop's own for a pipe or a socket on POSIX; else (a
    terminal, a file, a stream without a descriptor, Windows, where the event loop reads only
    overlapped pipes and an editor's are not) blocking reads in a thread — the event loop would
    also make a terminal non-blocking for the shell that started the server."""
    import stat

    if os.name != "posix":
        return _Reader(stream)
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (AttributeError, OSError, ValueError):
        return _Reader(stream)
    if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        return _Reader(stream)
    sr = asyncio.StreamReader(limit=MAX_HEADER_LINE)
    try:
        await asyncio.get_running_loop().connect_read_pipe(lambda: asyncio.StreamReaderProtocol(sr), stream)
    except (ValueError, OSError, NotImplementedError):
        return _Reader(stream)
    return _PipeReader(sr)


async def message_loop(stop: threading.Event, reader: Any, protocol: Any, on_error=None) -> Optional[str]:
    """Read and dispatch messages until end of input (None) or a fatal input error (its reason)."""
    length: Optional[int] = None
    while not stop.is_set():
        line = await reader.readline()
        if not line:
            return None
        m = _CONTENT_LENGTH.search(line)
        if m:
            if m.start() > 0:
                log.warning("skipped %d bytes of unframed input before a header", m.start())
            digits = m.group(1)
            n = int(digits) if len(digits) <= 18 else MAX_MESSAGE_BYTES + 1
            if n > MAX_MESSAGE_BYTES:
                shown = digits.decode() if len(digits) <= 30 else f"{len(digits)}-digit"
                return f"a message of {shown} bytes (Content-Length) is over the limit of {MAX_MESSAGE_BYTES}"
            length = n
            continue
        if line.strip():
            continue  # another header (Content-Type) or garbage: ignored
        if length is None:
            continue  # a blank line with no header before it
        body = await reader.read(length)
        length = None
        if not body:
            return None
        try:
            message = json.loads(body, object_hook=protocol.structure_message)
        except Exception as exc:  # a broken message: logged, the loop goes on
            log.error("could not read a message (%d bytes): %s", len(body), exc)
            continue
        try:
            protocol.handle_message(message)
        except Exception as exc:
            log.exception("could not handle a message")
            if on_error is not None:
                try:
                    on_error(exc, type(exc))
                except Exception:
                    pass
    return None


# --- messages serialised once -----------------------------------------------------------


class Raw:
    """A piece of JSON already serialised (a report's diagnostics: serialised once in the lint
    thread, then sent as they are in every publish and pull answer, instead of going through
    lsprotocol's converter and the JSON encoder each time)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    @classmethod
    def of(cls, obj: Any) -> "Raw":
        return cls(compose(obj))


def dumps(obj: Any) -> str:
    """Compact JSON, characters as they are (a Chinese message is 3 bytes a character, not 6)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def compose(obj: Any) -> str:
    """JSON of dicts and lists whose leaves may be :class:`Raw` pieces."""
    if isinstance(obj, Raw):
        return obj.text
    if isinstance(obj, dict):
        return "{" + ",".join(dumps(str(k)) + ":" + compose(v) for k, v in obj.items()) + "}"
    if isinstance(obj, (list, tuple)):
        return "[" + ",".join(compose(v) for v in obj) + "]"
    return dumps(obj)


def notification(method: str, params: Any) -> str:
    return compose({"jsonrpc": "2.0", "method": method, "params": params})


def response(msg_id: Any, result: Raw) -> str:
    return compose({"jsonrpc": "2.0", "id": msg_id, "result": result})


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def frame(body: str) -> bytes:
    """A message with its header.  JSON syntax is ASCII, so a lone surrogate (text from a client
    that sent one) can only be inside a string: written as its \\u escape, as json.dumps would."""
    try:
        data = body.encode("utf-8")
    except UnicodeEncodeError:
        data = _LONE_SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), body).encode("utf-8")
    return (b"Content-Length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" % len(data)) + data


def stop_children(server: Any = None) -> None:
    """End child lint processes, the fork server and the resource tracker (idempotent)."""
    if server is not None:
        for st in list(getattr(server, "docs", {}).values()):
            st.open = False
    try:
        from . import worker

        worker.kill_all()
    except Exception:
        pass
    if "multiprocessing.forkserver" in sys.modules:
        try:
            from multiprocessing import forkserver

            # private: the standard library has no public way to stop it before exit
            forkserver._forkserver._stop()  # type: ignore[attr-defined]
        except Exception:
            pass
    if "multiprocessing.resource_tracker" in sys.modules:
        try:
            from multiprocessing import resource_tracker

            # private, as above
            resource_tracker._resource_tracker._stop()  # type: ignore[attr-defined]
        except Exception:
            pass


def _leave(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    logging.shutdown()
    os._exit(code)


def serve(server: Any, stdin: Optional[BinaryIO] = None, stdout: Optional[BinaryIO] = None) -> int:
    """Run ``server`` on stdio until it ends; never returns (the process exits with the code)."""
    from pygls.io_ import StdoutWriter

    def on_signal(signum, frame):  # SIGTERM/SIGHUP/SIGINT: children first, then this process
        log.warning("gxlint lsp: signal %d, exiting", signum)
        stop_children(server)
        _leave(128 + signum)

    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None), signal.SIGINT):
        if sig is not None:
            try:
                signal.signal(sig, on_signal)
            except (ValueError, OSError):  # not the main thread: leave signals alone
                pass

    stop = server.protocol.stop_event()
    server.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
    stream = stdin or sys.stdin.buffer
    code: Optional[int] = None

    async def run() -> Optional[str]:
        reader = await open_reader(stream)
        return await message_loop(stop, reader, server.protocol, on_error=getattr(server, "report_server_error", None))

    try:
        reason = asyncio.run(run())
        if reason is not None:
            log.error("gxlint lsp: stopping: %s", reason)
            code = 1
    except SystemExit as exc:  # the exit notification (pygls raises it)
        code = exc.code if isinstance(exc.code, int) else (0 if server.protocol.shut_down else 1)
    except BrokenPipeError:
        log.error("gxlint lsp: the connection to the client is lost")
    except KeyboardInterrupt:
        code = 130
    finally:
        stop_children(server)
    if code is None:  # end of input: 0 after shutdown, 1 without (as for exit)
        code = 0 if server.protocol.shut_down else 1
    _leave(code)
    return code  # pragma: no cover
