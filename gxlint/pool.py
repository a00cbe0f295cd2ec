"""The worker processes of ``gxlint check --jobs N``.

Why not ``concurrent.futures.ProcessPoolExecutor``: when one worker dies (a file that exhausts
memory, a kill) the executor breaks for good, and every unfinished file had to be redone one by
one in fresh processes (2,000 files: 12.6 s → 49.7 s); and its workers outlive a parent killed
with SIGTERM/SIGHUP/SIGKILL, holding the pipeline's stdout/stderr and writing fixes afterwards.

Here each worker is a forked process fed task indices over its own pipe (the tasks themselves
are inherited by the fork):

- a worker dies with its parent, however the parent ends (Linux ``PR_SET_PDEATHSIG``; elsewhere
  it notices the closed pipe when it asks for more);
- when a worker dies, it is replaced and the pool goes on; the files of the chunk it was checking
  are checked again one per chunk, so only the file that kills its worker is reported (by the
  caller's ``on_lost``), and the rest of the batch keeps every worker busy;
- results come back as soon as they are ready; :meth:`Pool.results` yields them in task order.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from multiprocessing.connection import wait
from typing import Any, Callable, Iterator, Optional, Sequence


def die_with_parent() -> None:
    """Linux: SIGKILL this process when its parent ends (a no-op elsewhere)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _worker_main(conn, work: Callable[[list[int]], Any], parent: int) -> None:
    die_with_parent()
    if os.getppid() != parent:  # the parent ended before PDEATHSIG was armed
        os._exit(0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        while True:
            try:
                idx = conn.recv()
            except (EOFError, OSError):
                break
            if idx is None:
                break
            try:
                out = work(idx)
            except BaseException as exc:  # work() should not raise; if it does, say so
                out = exc
            try:
                conn.send((idx, out))
            except Exception as exc:  # e.g. a result that cannot be pickled
                conn.send((idx, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        os._exit(0)  # a forked child: no atexit handlers of the parent


class _Worker:
    __slots__ = ("proc", "conn", "chunk")

    def __init__(self, ctx, work) -> None:
        parent_end, child_end = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child_end, work, os.getpid()), daemon=True)
        self.proc.start()
        child_end.close()
        self.conn = parent_end
        self.chunk: Optional[tuple[list[int], bool]] = None  # (indices, is a retry of a lost chunk)

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.proc.kill()
            else:
                self.conn.send(None)
        except Exception:
            pass
        try:
            self.conn.close()
        except Exception:
            pass


class Pool:
    """``workers`` forked processes running ``work(indices) -> list`` (one result per index)."""

    def __init__(self, workers: int, work: Callable[[list[int]], list]) -> None:
        self.ctx = multiprocessing.get_context("fork")
        self.work = work
        self.n = max(1, workers)
        self.replaced = 0

    def results(
        self, chunks: Sequence[list[int]], on_lost: Callable[[int], Any], on_error: Callable[[int, BaseException], Any]
    ) -> Iterator[tuple[int, Any]]:
        """(index, result) for every index of ``chunks``, in ascending index order.  A file whose
        worker died while checking it alone gets ``on_lost(i)``; a chunk that came back as an
        exception gets ``on_error(i, exc)`` for each of its files."""
        pending = deque((list(c), False) for c in chunks)
        order = sorted(i for c in chunks for i in c)
        ready: dict[int, Any] = {}
        nxt = 0
        workers: list[_Worker] = []
        w: Optional[_Worker]  # None when what wait() returned is no busy worker's
        try:
            while pending or any(w.chunk for w in workers):
                while len(workers) < self.n and pending:
                    workers.append(_Worker(self.ctx, self.work))
                for w in workers:
                    if w.chunk is None and pending:
                        w.chunk = pending.popleft()
                        try:
                            w.conn.send(w.chunk[0])
                        except (BrokenPipeError, OSError):
                            pass  # it died already: found below through its sentinel
                busy = [w for w in workers if w.chunk is not None]
                if not busy:
                    continue
                by_conn = {w.conn: w for w in busy}
                by_sentinel = {w.proc.sentinel: w for w in busy}
                for obj in wait(list(by_conn) + list(by_sentinel)):
                    w = by_conn.get(obj) or by_sentinel.get(obj)
                    if w is None or w.chunk is None:
                        continue
                    got = None
                    if obj in by_conn or w.conn.poll(0):
                        try:
                            got = w.conn.recv()
                        except (EOFError, OSError):
                            got = None
                    idx, retry = w.chunk
                    if got is not None:
                        _, out = got
                        if isinstance(out, BaseException):
                            for i in idx:
                                ready[i] = on_error(i, out)
                        else:
                            ready.update(zip(idx, out))
                        w.chunk = None
                        continue
                    # the worker died: replace it; its files again, one per chunk
                    w.chunk = None
                    w.stop(kill=True)
                    workers.remove(w)
                    self.replaced += 1
                    if len(idx) > 1 or not retry:
                        for i in reversed(idx):
                            pending.appendleft(([i], True))
                    else:
                        ready[idx[0]] = on_lost(idx[0])
                while nxt < len(order) and order[nxt] in ready:
                    i = order[nxt]
                    yield i, ready.pop(i)
                    nxt += 1
        finally:
            for w in workers:
                w.stop(kill=nxt < len(order))
            for w in workers:
                w.proc.join(2)
                if w.proc.is_alive():
                    w.proc.kill()
                    w.proc.join(1)
        while nxt < len(order) and order[nxt] in ready:
            i = order[nxt]
            yield i, ready.pop(i)
            nxt += 1
