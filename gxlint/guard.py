"""A time budget for the regular expressions of one lint: the safety net against a pattern that
runs away on pathological text.

The engine opens a budget (:func:`budget`) around parsing and the rules; the whole-text scans
pass ``timeout=guard.left()`` to the ``regex`` module, which raises :class:`TimeoutError` when a
match runs past it.  The engine reports the file as GX002 (``timeout``) instead of hanging.
Outside a budget ``left()`` is ``None`` (no limit), so library callers are unaffected.
"""
from __future__ import annotations

import contextlib
import contextvars
import time
from typing import Iterator, Optional

DEFAULT_SECONDS = 20.0
"""Generous: a 1 MB report takes well under a second; only a runaway match gets near this."""

_deadline: contextvars.ContextVar[Optional[float]] = contextvars.ContextVar("gxlint_regex_deadline", default=None)


def left() -> Optional[float]:
    """Seconds left in the current budget (0 when spent: the next match raises), or None."""
    d = _deadline.get()
    if d is None:
        return None
    return max(0.0, d - time.monotonic())


@contextlib.contextmanager
def budget(seconds: Optional[float]) -> Iterator[None]:
    """Run the block with a regex time budget (None or ≤ 0: no budget).  Nested budgets keep the
    earlier deadline."""
    if seconds is None or seconds <= 0:
        yield
        return
    new = time.monotonic() + seconds
    old = _deadline.get()
    token = _deadline.set(new if old is None else min(old, new))
    try:
        yield
    finally:
        _deadline.reset(token)


# --- cooperative stop: a lint that overruns its budget or is no longer wanted -------------

class Cancelled(Exception):
    """The lint was stopped because its result is no longer wanted (a newer version of the text)."""


_cancel: contextvars.ContextVar[Optional[object]] = contextvars.ContextVar("gxlint_cancel", default=None)


@contextlib.contextmanager
def cancellable(cancelled) -> Iterator[None]:
    """Within the block, :func:`check` raises :class:`Cancelled` once ``cancelled()`` is true.
    (A thread cannot be interrupted: the engine calls :func:`check` between its steps.)"""
    token = _cancel.set(cancelled)
    try:
        yield
    finally:
        _cancel.reset(token)


def check() -> None:
    """A checkpoint between steps of a lint: raises :class:`TimeoutError` when the budget is spent,
    :class:`Cancelled` when the lint is no longer wanted.  Cheap enough to call per rule and node."""
    d = _deadline.get()
    if d is not None and time.monotonic() > d:
        raise TimeoutError("gxlint: time budget spent")
    c = _cancel.get()
    if c is not None and c():
        raise Cancelled()
