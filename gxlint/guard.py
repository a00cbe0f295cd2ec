"""A time budget for the regular expressions of one lint: the safety net against a pattern that
runs away on pathological text.

The engine opens a budget (:func:`budget`) around parsing and the rules; the whole-text scans
pass ``timeout=guard.left()`` to the ``regex`` module, which raises :class:`TimeoutError` when a
match runs past it.  The engine reports the file as GX002 (``timeout``) instead of hanging.
Outside a budget ``left()`` is ``None`` (no limit), so library callers are unaffected.

Every pattern the parser and the rules apply to a report runs under the budget: :func:`protect`
wraps the compiled patterns of a module (``gxlint.parse`` does it for its modules, the engine for
each rule module), so a pattern written without ``timeout=`` is still bounded.  The budget is
only the safety net: the patterns themselves are meant to be linear (benchmarks/regex_audit.py
lists those that are not on long runs of one character).
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import time
from typing import Any, Callable, Iterator, MutableMapping, Optional

import regex

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


_cancel: contextvars.ContextVar[Optional[Callable[[], bool]]] = contextvars.ContextVar("gxlint_cancel", default=None)


@contextlib.contextmanager
def cancellable(cancelled: Callable[[], bool]) -> Iterator[None]:
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


SHORT = 2000
"""Strings up to this length are matched without a timeout: a timeout makes the ``regex`` module
check the clock as it goes (~2.5 µs a call, and slower matching: all patterns under a timeout
doubled the time of a lint), and no pattern gxlint writes can run long on a short string (no
nested quantifiers; benchmarks/regex_audit.py)."""


def _window(string: str, a: tuple, k: dict) -> int:
    """Length of the part of string a search/match/finditer call looks at (pos, endpos)."""
    pos = a[0] if a else k.get("pos")
    end = a[1] if len(a) > 1 else k.get("endpos")
    n = len(string)
    return (n if end is None else min(end, n)) - (pos or 0)


_EVERY = 63
_tick = 0
"""Calls on short strings check the deadline one time in 64 (the check costs more than most of
those matches); a call on a long string always does."""


def _limit(string: str, a: tuple, k: dict) -> None:
    """Put a call under the budget: a spent budget raises (so a long run of calls on short
    strings — sentence after sentence, cell after cell — stops too); a long string gets the time
    left as its timeout."""
    if "timeout" in k:
        return
    c = _cancel.get()
    if c is not None and c():
        raise Cancelled()
    t = left()
    if t is None:
        return
    if t <= 0:
        raise TimeoutError("regex time budget spent")
    if len(string) > SHORT and _window(string, a, k) > SHORT:
        k["timeout"] = t


def bare(p: Any) -> Any:
    """The compiled pattern without its budget wrapper (:class:`Pattern`), for a call on a string of
    at most :data:`SHORT` characters, where the wrapper would add no timeout."""
    return getattr(p, "_p", p)


class Pattern:
    """A compiled ``regex`` pattern whose matching methods run under the current budget when
    given a long string (the ``timeout=`` of the call is the time :func:`left` in the budget; no
    budget: no limit).  Everything else (``pattern``, ``groupindex`` …) is the wrapped pattern's."""

    __slots__ = ("_p", "_source")

    def __init__(self, p: "Optional[regex.Pattern]" = None, source: Optional[tuple[str, int]] = None) -> None:
        if p is not None:
            self._p = p
        elif source is not None:
            self._source = source  # :func:`lazy`: compiled on first use
        else:
            raise TypeError("guard.Pattern needs a compiled pattern or its (pattern, flags)")

    def search(self, string, *a: Any, **k: Any):
        global _tick
        _tick += 1
        if len(string) > SHORT or not _tick & _EVERY:
            _limit(string, a, k)
        return self._p.search(string, *a, **k)

    def match(self, string, *a: Any, **k: Any):
        global _tick
        _tick += 1
        if len(string) > SHORT or not _tick & _EVERY:
            _limit(string, a, k)
        return self._p.match(string, *a, **k)

    def fullmatch(self, string, *a: Any, **k: Any):
        global _tick
        _tick += 1
        if len(string) > SHORT or not _tick & _EVERY:
            _limit(string, a, k)
        return self._p.fullmatch(string, *a, **k)

    def finditer(self, string, *a: Any, **k: Any):
        global _tick
        _tick += 1
        if len(string) > SHORT or not _tick & _EVERY:
            _limit(string, a, k)
        return self._p.finditer(string, *a, **k)

    def findall(self, string, *a: Any, **k: Any):
        global _tick
        _tick += 1
        if len(string) > SHORT or not _tick & _EVERY:
            _limit(string, a, k)
        return self._p.findall(string, *a, **k)

    def split(self, string, *a: Any, **k: Any):
        global _tick
        _tick += 1
        if len(string) > SHORT or not _tick & _EVERY:
            _limit(string, (), k)
        return self._p.split(string, *a, **k)

    def sub(self, repl, string, *a: Any, **k: Any):
        global _tick
        _tick += 1
        if len(string) > SHORT or not _tick & _EVERY:
            _limit(string, (), k)
        return self._p.sub(repl, string, *a, **k)

    def subn(self, repl, string, *a: Any, **k: Any):
        global _tick
        _tick += 1
        if len(string) > SHORT or not _tick & _EVERY:
            _limit(string, (), k)
        return self._p.subn(repl, string, *a, **k)

    def __getattr__(self, name: str):
        if name == "_p":  # a lazy pattern's first use: the slot is still empty
            p = self._p = regex.compile(*self._source)
            return p
        if name == "_source":
            raise AttributeError(name)
        return getattr(self._p, name)

    def __repr__(self) -> str:
        return f"guard.Pattern({self._p!r})"


def compile(pattern: str, flags: int = 0) -> Pattern:  # noqa: A001 - the regex/re name on purpose
    return Pattern(regex.compile(pattern, flags))


def lazy(pattern: str, flags: int = 0) -> Pattern:
    """:func:`compile`, but the pattern is compiled on its first use, not at import (issue 24:
    compiling every module-level pattern of the parser was most of ``gxlint check``'s import
    cost, and many are needed only by some documents).  After the first use a call costs the same
    as one from :func:`compile` (the compiled pattern fills the empty slot)."""
    return Pattern(source=(pattern, flags))


def protect(namespace: MutableMapping[str, Any]) -> int:
    """Wrap every compiled pattern among a module's globals (``protect(vars(module))``) in a
    :class:`Pattern`; a stdlib ``re`` pattern is recompiled with ``regex`` (same syntax for the
    patterns gxlint writes; ``re`` has no timeout).  Returns how many were wrapped.

    A module may name, in ``BOUNDED_USE``, patterns it only ever applies to short strings (at
    most :data:`SHORT` characters, e.g. one sentence cut to a maximum length): they would never
    get a timeout, so they are left unwrapped (a wrapped call costs ~0.5 µs; the sentence
    patterns of the claim reader are called ~90,000 times on a 1 MB report)."""
    n = 0
    bounded = set(namespace.get("BOUNDED_USE", ()))
    for name, obj in list(namespace.items()):
        if name in bounded:
            continue
        if isinstance(obj, regex.Pattern):
            namespace[name] = Pattern(obj)
        elif isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
            namespace[name] = Pattern(
                regex.compile(obj.pattern, obj.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE))
            )
        else:
            continue
        n += 1
    return n
