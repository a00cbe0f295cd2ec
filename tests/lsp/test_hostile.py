"""The language server under hostile input and a hostile environment (issue 15 items 4, 6, 12, 16):
framing errors, oversized messages, requests before initialize, exit codes, the end of the process
and of its children however it ends, slow documents, and pygls' notification-future leak.

Bounds here are generous limits (tens of seconds), never tight timings."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from .conftest import HERE, ROOT, initialize, open_doc, read, seed_file, shut_down, uri_of

ENV = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))


# --- a raw client: bytes on stdin, frames from stdout ------------------------------------


class Raw:
    def __init__(self, *args: str) -> None:
        self.p = subprocess.Popen(
            [sys.executable, "-m", "gxlint", "lsp", *args],
            cwd=ROOT,
            env=ENV,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.msgs: list[dict] = []
        self.cv = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.p.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                elif line in (b"\r\n", b"\n") and length is not None:
                    break
            body = out.read(length)
            with self.cv:
                self.msgs.append(json.loads(body))
                self.cv.notify_all()

    def send_bytes(self, data: bytes) -> None:
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg: dict) -> None:
        body = json.dumps(msg).encode()
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, mid: int, method: str, params=None) -> None:
        self.send({"jsonrpc": "2.0", "id": mid, "method": method, "params": params})

    def notify(self, method: str, params=None) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def response(self, mid: int, timeout: float = 30) -> dict:
        end = time.monotonic() + timeout
        with self.cv:
            while True:
                for m in self.msgs:
                    if m.get("id") == mid and "method" not in m:
                        return m
                left = end - time.monotonic()
                assert left > 0, f"no response to {mid}; got {self.msgs}"
                self.cv.wait(left)

    def initialize(self, options=None) -> None:
        self.request(
            1,
            "initialize",
            {"processId": None, "rootUri": None, "capabilities": {}, "initializationOptions": options or {}},
        )
        assert "result" in self.response(1)
        self.notify("initialized", {})

    def wait_exit(self, timeout: float = 30) -> int:
        return self.p.wait(timeout)

    def close(self) -> None:
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait(10)


@pytest.fixture
def raw():
    made: list[Raw] = []

    def make(*args):
        r = Raw(*args)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        rest = stat[stat.rfind(")") + 2 :].split()
        if rest[0] == "Z":
            continue
        children.setdefault(int(rest[1]), []).append(int(name))
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in out:
                out.add(c)
                todo.append(c)
    return out


def alive(pids) -> set[int]:
    live = set()
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as fh:
                if fh.read().split(") ")[1][0] != "Z":
                    live.add(p)
        except OSError:
            pass
    return live


def wait_gone(pids, timeout: float = 20) -> set[int]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        left = alive(pids)
        if not left:
            return left
        time.sleep(0.1)
    return alive(pids)


pytestmark = pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc (Linux)")


# --- framing, protocol state, exit codes -------------------------------------------------


def test_a_request_before_initialize_is_answered_server_not_initialized(raw):
    r = raw()
    r.request(
        7, "textDocument/hover", {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}
    )
    err = r.response(7)["error"]
    assert err["code"] == -32002
    r.initialize()  # and the server still initialises afterwards
    r.request(2, "shutdown")
    assert r.response(2).get("error") is None


def test_the_server_recovers_after_a_framing_error(raw):
    r = raw()
    r.initialize()
    body = json.dumps({"jsonrpc": "2.0", "id": 5, "method": "shutdown"}).encode()
    # a message whose Content-Length is too short: its tail runs into the next header line
    r.send_bytes(b"Content-Length: %d\r\n\r\n" % (len(body) - 7) + body)
    r.request(6, "shutdown")
    assert r.response(6).get("error") is None  # framing found again at the next header
    r.notify("exit")
    assert r.wait_exit() == 0


def test_an_overlong_header_line_is_skipped(raw):
    """A line of garbage longer than the header limit (64 KB), in pieces or all at once, followed by
    a message: the message is answered."""
    r = raw()
    r.initialize()
    r.send_bytes(b"x" * 100_000)
    time.sleep(0.2)
    r.send_bytes(b"y" * 100_000 + b"\r\n")
    r.request(6, "shutdown")
    assert r.response(6).get("error") is None
    r.send_bytes(b"z" * 200_000 + b"\r\n" + b"Content-Length: 2\r\n\r\n{}")
    r.notify("exit")
    assert r.wait_exit() == 0


def test_messages_from_a_file_are_read_too(tmp_path):
    """stdin a regular file (not a pipe): read by the thread reader, answered the same."""

    def frame(msg):
        body = json.dumps(msg).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    f = tmp_path / "in.bin"
    f.write_bytes(
        frame(
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {"processId": None, "rootUri": None, "capabilities": {}},
            }
        )
        + frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        + frame({"jsonrpc": "2.0", "method": "exit"})
    )
    with open(f, "rb") as stdin:
        p = subprocess.run(
            [sys.executable, "-m", "gxlint", "lsp"], cwd=ROOT, env=ENV, stdin=stdin, capture_output=True, timeout=60
        )
    assert p.returncode == 0, p.stderr
    assert b'"id":1' in p.stdout.replace(b" ", b"") and b'"id":2' in p.stdout.replace(b" ", b"")


def test_stdin_is_read_by_the_event_loop_when_it_is_a_pipe():
    import asyncio

    from gxlint.lsp import stdio

    async def kinds():
        r, w = os.pipe()
        try:
            with open(r, "rb", closefd=False) as pipe, open(__file__, "rb") as regular:
                return type(await stdio.open_reader(pipe)).__name__, type(await stdio.open_reader(regular)).__name__
        finally:
            os.close(w)

    assert asyncio.run(kinds()) == ("_PipeReader", "_Reader")


def test_a_huge_content_length_ends_the_server_with_a_reason(raw):
    r = raw()
    r.initialize()
    r.send_bytes(b"Content-Length: 1000000000000000\r\n\r\n{")
    assert r.wait_exit() == 1
    assert b"over the limit" in r.p.stderr.read()


def test_exit_without_shutdown_is_1_and_after_shutdown_0(raw):
    r = raw()
    r.initialize()
    r.notify("exit")
    assert r.wait_exit() == 1
    r = raw()
    r.initialize()
    r.request(2, "shutdown")
    r.response(2)
    r.notify("exit")
    assert r.wait_exit() == 0


def _big_report() -> str:
    base = read(seed_file("001"))
    return base * (1_500_000 // len(base.encode()))


@pytest.mark.parametrize("how", ["stdin-closed", "sigterm", "sigkill"])
def test_children_end_with_the_server_however_it_ends(raw, how):
    r = raw()
    # every document in a child process, which gets a lint of a megabyte and a half to chew on
    r.initialize({"largeDocumentBytes": 1000, "debounceMs": 0, "lintTimeoutMs": 600000})
    r.notify(
        "textDocument/didOpen",
        {
            "textDocument": {
                "uri": "file:///tmp/big.txt",
                "languageId": "plaintext",
                "version": 1,
                "text": _big_report(),
            }
        },
    )
    end = time.monotonic() + 60
    kids: set[int] = set()
    while time.monotonic() < end and len(kids) < 2:  # the fork server and a lint process
        kids = descendants(r.p.pid)
        time.sleep(0.05)
    assert kids, "no child process was started"
    if how == "stdin-closed":
        r.p.stdin.close()
        assert r.wait_exit(30) == 1  # no shutdown before the end of input
    elif how == "sigterm":
        r.p.send_signal(signal.SIGTERM)
        r.wait_exit(30)
    else:
        r.p.kill()
        r.wait_exit(30)
    assert wait_gone(kids, 20) == set(), f"left running after the server ended ({how})"


# --- slow documents ------------------------------------------------------------------------


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, os.path.join(HERE, "slow_server.py")]))
async def slow_client(lsp_client: LanguageClient):
    yield
    await shut_down(lsp_client)


@pytest.mark.asyncio
async def test_slow_documents_do_not_hold_up_the_others(slow_client, tmp_path):
    """Two documents whose lint is slow (a rule that takes two minutes on them) fill both lint
    threads; a third document still gets its diagnostics, and the slow ones get theirs from a child
    process once the lint threads' budget stops them."""
    await initialize(slow_client, options={"threadBudgetMs": 500})
    text = read(seed_file("001"))
    for i in (1, 2):
        open_doc(slow_client, uri_of(str(tmp_path / f"slow{i}.txt")), "【慢】\n" + text)
    await asyncio.sleep(0.3)
    quick = uri_of(str(tmp_path / "quick.txt"))
    open_doc(slow_client, quick, text)

    async def published(uri: str, timeout: float):
        # pytest-lsp keeps the last publishDiagnostics of every uri: nothing is missed whatever the order
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            got = slow_client.diagnostics.get(uri)
            if got:
                return got
            await asyncio.sleep(0.05)
        raise AssertionError(f"no diagnostics for {uri} in {timeout} s")

    assert any(d.code == "GX301" for d in await published(quick, 60))
    for i in (1, 2):
        slow = await published(uri_of(str(tmp_path / f"slow{i}.txt")), 90)
        assert any(d.code == "GX301" for d in slow)
