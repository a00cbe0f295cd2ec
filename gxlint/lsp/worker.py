"""Linting a large document in a child process that can be stopped.

A thread cannot be interrupted, so a lint that turns out to be slow (a pasted megabyte) would
keep a worker busy after the text it was checking is long gone.  Above a size threshold the
server lints in a child process instead (started from a fork server that has already loaded the
rules, so starting one is cheap) and terminates it as soon as a newer version supersedes it, or
when it runs past the time limit (then the document gets a GX001 "timed out" diagnostic).

The child sends back the diagnostics and the document model the drafting aids read (inlay hints,
code lenses, outline, folding, the arithmetic hover), without what the parent has or does not need:
the text (the parent's own string is put back), the line index, the normalised text and the rules'
caches (a 1 MB report's model crosses in ~25 ms instead of ~140 ms; see :func:`_light`).
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import namedtuple
from typing import Callable, Optional

_CTX = None


def _context():
    global _CTX
    if _CTX is None:
        methods = mp.get_all_start_methods()
        if "forkserver" in methods:
            _CTX = mp.get_context("forkserver")
            _CTX.set_forkserver_preload(["gxlint.lsp._preload"])
        else:  # pragma: no cover - Windows
            _CTX = mp.get_context("spawn")
    return _CTX


_LIVE: set = set()  # child lint processes now running (killed when the server ends)


def kill_all() -> None:
    for p in list(_LIVE):
        try:
            p.kill()
        except Exception:
            pass
    _LIVE.clear()


def _die_with_parent() -> None:
    """Linux: this child gets SIGKILL when its parent (the fork server, which itself ends with the
    language server) ends, however it ends."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _child(conn, text: str, path: Optional[str], settings) -> None:
    _die_with_parent()
    try:
        from gxlint.engine import lint

        res = lint(text, path, settings)
        conn.send(("ok", ([_pack(d) for d in res.diagnostics], _light(res.doc))))
    except BaseException as exc:  # report, never hang the parent
        try:
            conn.send(("error", f"{type(exc).__name__}: {exc}"[:200]))
        except Exception:
            pass
    finally:
        conn.close()


def _light(doc):
    """The model without the text, the line index, the normalised text and the caches (None when
    the parser failed or the model cannot be made light)."""
    import dataclasses

    if doc is None:
        return None
    try:
        return dataclasses.replace(doc, text="", norm=None, lines=None, cache={})
    except Exception:  # pragma: no cover - a model that is not a dataclass any more
        return None


def _restore(doc, text: str):
    """The light model with the parent's text and its line index put back."""
    from ..positions import LineIndex

    if doc is None:
        return None
    doc.text = text
    doc.lines = LineIndex(text)
    return doc


def _pack(d):
    """A diagnostic with its fix's edits as plain tuples: an aggregated fix (a whole document to
    simplified script) has tens of thousands of edits, and tuples pickle many times faster."""
    import dataclasses

    if d.fix is None:
        return d, None
    f = d.fix
    return dataclasses.replace(d, fix=None), (f.message, f.safe, tuple((e.start, e.end, e.new_text) for e in f.edits))


# what the server reads of an edit (start, end, new_text), rebuilt ten times faster than Edit
_Edit = namedtuple("_Edit", "start end new_text")


def _unpack(item):
    from ..diagnostics import Fix

    d, f = item
    if f is not None:
        d.fix = Fix(f[0], tuple(map(_Edit._make, f[2])), f[1])
    return d


class Unavailable(Exception):
    """No child process could be started (the caller lints in a thread instead)."""


class Stopped(Exception):
    """The lint was superseded (a newer version) before it finished."""


class TimedOut(Exception):
    pass


def lint_in_process(
    text: str, path: Optional[str], settings, *, stale: Callable[[], bool], timeout_s: float, poll_s: float = 0.05
):
    """Lint in a child process; returns the diagnostics and the document model (its text and line
    index are ``text``'s; None when the parser failed).  Raises Stopped or TimedOut (the child is
    terminated in both cases) or RuntimeError (the child failed)."""
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(child, text, path, settings), daemon=True)
    try:
        p.start()
    except Exception as exc:
        parent.close()
        child.close()
        raise Unavailable(str(exc)) from exc
    child.close()
    _LIVE.add(p)
    t0 = time.monotonic()
    try:
        while True:
            if parent.poll(poll_s):
                try:
                    kind, payload = parent.recv()
                except EOFError:
                    raise RuntimeError(f"lint process exited ({p.exitcode})") from None
                if kind == "ok":
                    diags, doc = payload
                    return [_unpack(x) for x in diags], _restore(doc, text)
                raise RuntimeError(payload)
            if stale():
                raise Stopped()
            if time.monotonic() - t0 > timeout_s:
                raise TimedOut()
            if not p.is_alive() and not parent.poll(0):
                raise RuntimeError(f"lint process exited ({p.exitcode})")
    finally:
        _LIVE.discard(p)
        if p.is_alive():  # superseded, timed out, or the parent is leaving
            p.terminate()
        p.join(1)
        if p.is_alive():  # pragma: no cover
            p.kill()
            p.join(1)
        parent.close()
