"""Outputs written file by file, as the files are checked (``gxlint check`` on 5,000 files keeps
one file's result in memory at a time, not the whole report).

- :class:`Sink` is where the report goes: standard output, a device or FIFO written straight to,
  or a regular file replaced atomically when the run is complete (a temporary file next to it,
  renamed at :meth:`Sink.commit`; nothing is replaced when the run fails).
- one writer per format (``text``, ``json``, ``sarif``, ``github``): ``file(result)`` for each
  checked file in path order, then ``finish(...)``.  The JSON and SARIF writers lay out exactly
  what ``json.dumps(..., indent=2)`` of the whole document would.
- a document-wide fix is spelled out once: :func:`shared_fixes` finds the findings whose fix is
  made of edits of another finding's fix (GX601/GX602 convert a whole document on their first
  finding and each paragraph on the others); those refer to it (``edits_from``, see
  docs/en/output.md) instead of repeating thousands of edits.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import sys
import tempfile
from typing import Callable, Optional

from . import OutputContext

# --- where the report goes -------------------------------------------------------------


class SinkError(Exception):
    """Writing the report failed (the :class:`OSError` is ``error``)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class Sink:
    """A text stream opened at the first write: ``None``/``-`` is standard output.
    ``before_write``, when set, is called before each non-empty write (a progress bar that
    shares the terminal leaves its line)."""

    def __init__(self, target: Optional[str] = None, stream=None) -> None:
        self.target = None if target in (None, "-") else target
        self.stream = stream
        self.tmp: Optional[str] = None
        self._fh = None
        self.written = False
        self.before_write: Optional[Callable[[], None]] = None

    def _open(self):
        if self._fh is not None:
            return self._fh
        if self.target is None:
            self._fh = self.stream or sys.stdout
            return self._fh
        try:
            st = os.stat(self.target)
        except FileNotFoundError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "是一个目录 (is a folder)", self.target)
        if st is not None and not stat.S_ISREG(st.st_mode):
            # /dev/null, a FIFO, /dev/stdout in a pipe: written straight to, never replaced
            self._fh = open(self.target, "w", encoding="utf-8", newline="")
            return self._fh
        folder = os.path.dirname(os.path.realpath(self.target)) or "."
        fd, self.tmp = tempfile.mkstemp(prefix=".gxlint-", suffix=".tmp", dir=folder)
        self._fh = io.open(fd, "w", encoding="utf-8", newline="")
        return self._fh

    def write(self, s: str) -> None:
        if s:
            if self.before_write is not None:
                self.before_write()
            try:
                self._open().write(s)
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise SinkError(exc) from None
            self.written = True

    def commit(self) -> None:
        """The report is complete: flush it; a regular file replaces the target now."""
        try:
            self._commit()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise SinkError(exc) from None

    def _commit(self) -> None:
        fh = self._open()
        if self.target is None:
            fh.flush()
            return
        if self.tmp is None:
            fh.close()
            return
        from ..batch import _umask

        real = os.path.realpath(self.target)
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        try:
            mode = stat.S_IMODE(os.stat(real).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(self.tmp, mode)
        os.replace(self.tmp, real)
        self.tmp = None

    def abort(self) -> None:
        """The run failed: leave the target as it was (remove the temporary file)."""
        if self._fh is not None and self.target is not None:
            try:
                self._fh.close()
            except OSError:
                pass
        if self.tmp:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


class StringSink(Sink):
    """A sink in memory (``render()`` of a list of results)."""

    def __init__(self) -> None:
        super().__init__(None, io.StringIO())

    def getvalue(self) -> str:
        return self.stream.getvalue()


# --- fixes spelled out once --------------------------------------------------------------


def shared_fixes(diagnostics) -> dict:
    """{index of a finding: (index of the finding whose fix spells out the edits, ranges)} for the
    findings whose fix consists only of edits of one larger (or identical, earlier) fix of the
    same file.  ``ranges`` are half-open index ranges into that fix's edits: the finding's edits
    are ``edits[a:b]`` for each ``[a, b]``, concatenated in order.  The referred-to fix is always
    spelled out itself."""
    owner: dict = {}
    for i, d in enumerate(diagnostics):
        if d.fix is None or not d.fix.edits:
            continue
        n = len(d.fix.edits)
        for e in d.fix.edits:
            cur = owner.get(e)
            if cur is None or n > cur[0]:
                owner[e] = (n, i)
    refs: dict = {}
    index_of: dict = {}
    for i, d in enumerate(diagnostics):
        if d.fix is None or not d.fix.edits:
            continue
        owners = {owner[e][1] for e in d.fix.edits}
        if len(owners) != 1:
            continue
        o = owners.pop()
        if o == i:
            continue
        idx = index_of.get(o)
        if idx is None:
            idx = index_of[o] = {}
            for k, e in enumerate(diagnostics[o].fix.edits):
                idx.setdefault(e, k)
        ranges: list[list[int]] = []
        for e in d.fix.edits:
            k = idx[e]
            if ranges and ranges[-1][1] == k:
                ranges[-1][1] = k + 1
            else:
                ranges.append([k, k + 1])
        refs[i] = (o, ranges)
    return refs


def resolve_edits(fixes: list, k: int) -> list:
    """The edits of the ``k``-th fix of a list of JSON ``fix`` objects (one file's), following
    ``edits_from`` (for readers of the JSON output, and the tests)."""
    f = fixes[k]
    ref = f.get("edits_from")
    if not ref:
        return f["edits"]
    src = fixes[ref["diagnostic"]]["edits"]
    return [e for a, b in ref["ranges"] for e in src[a:b]]


# --- writers ---------------------------------------------------------------------------


def _nested(obj, depth: int) -> str:
    """``obj`` as ``json.dumps(indent=2)`` lays it out at nesting ``depth`` (JSON strings hold
    no raw line breaks, so re-indenting the lines is exact) — except that the items of a fix's
    ``edits`` (JSON) or ``replacements`` (SARIF) are one line each: a fix can have thousands."""
    holes: list = []
    obj = _hollow(obj, holes)
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    if holes:
        text = _HOLE.sub(lambda m: _compact_list(holes[int(m.group(1))], text, m.start()), text)
    return text.replace("\n", "\n" + "  " * depth)


_COMPACT_KEYS = ("edits", "replacements")
_TOKEN = "\x00gxlint-compact-{}\x00"
_HOLE = re.compile(re.escape(json.dumps(_TOKEN).replace("{}", "@")).replace("@", "(\\d+)"))


def _hollow(obj, holes: list):
    """A copy of ``obj`` with the long edit lists replaced by placeholder strings."""
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k in _COMPACT_KEYS and isinstance(v, list) and v:
                out[k] = _TOKEN.format(len(holes))
                holes.append(v)
            else:
                out[k] = _hollow(v, holes)
        return out
    if isinstance(obj, list):
        return [_hollow(v, holes) for v in obj]
    return obj


def _compact_list(items: list, text: str, at: int) -> str:
    line_start = text.rfind("\n", 0, at) + 1
    indent = " " * (len(text[line_start:at]) - len(text[line_start:at].lstrip(" ")))
    inner = indent + "  "
    return (
        "[\n"
        + ",\n".join(inner + json.dumps(x, ensure_ascii=False, separators=(", ", ": ")) for x in items)
        + "\n"
        + indent
        + "]"
    )


class TextWriter:
    def __init__(self, sink: Sink, ctx: OutputContext) -> None:
        from .text import Tally

        self.sink, self.ctx, self.tally = sink, ctx, Tally()

    def file(self, r) -> None:
        from .text import file_lines

        self.tally.add(r)
        lines = file_lines(r, self.ctx)
        if lines:
            self.sink.write("\n".join(lines) + "\n")

    def finish(self, extra: Optional[dict] = None, tail: str = "") -> None:
        from .text import tail_lines

        lines = tail_lines(self.tally, self.ctx)
        if lines:
            self.sink.write("\n".join(lines) + "\n")
        self.sink.write(tail)


class GithubWriter:
    def __init__(self, sink: Sink, ctx: OutputContext) -> None:
        self.sink, self.ctx = sink, ctx

    def file(self, r) -> None:
        from .github import render

        self.sink.write(render([r], self.ctx))

    def finish(self, extra: Optional[dict] = None, tail: str = "") -> None:
        self.sink.write(tail)


class JsonWriter:
    """``{"gxlint": …, "files": [ … ], "summary": …, <extra keys>}`` (spec/cli.md)."""

    def __init__(self, sink: Sink, ctx: OutputContext) -> None:
        from .text import Tally

        self.sink, self.ctx, self.tally = sink, ctx, Tally()
        self.n = 0

    def file(self, r) -> None:
        from .. import __version__
        from . import lines_of
        from .jsonfmt import diagnostic_dict

        self.tally.add(r)
        lines = lines_of(r)
        refs = shared_fixes(r.diagnostics)
        diags = []
        for i, d in enumerate(r.diagnostics):
            ref = refs.get(i)
            dd = diagnostic_dict(d, lines, with_edits=ref is None, lang=self.ctx.lang)
            if ref is not None:
                dd["fix"]["edits_from"] = {"diagnostic": ref[0], "ranges": ref[1]}
            diags.append(dd)
        obj = {
            "path": r.path,
            "template": r.template,
            "report_year": r.report_year,
            "format": r.meta.get("format", "text") if r.text is not None else None,
            "diagnostics": diags,
        }
        head = f'{{\n  "gxlint": {json.dumps(__version__)},\n  "files": [\n' if self.n == 0 else ",\n"
        self.sink.write(head + "    " + _nested(obj, 2))
        self.n += 1

    def finish(self, extra: Optional[dict] = None, tail: str = "") -> None:
        from .. import __version__

        if self.n == 0:
            self.sink.write(f'{{\n  "gxlint": {json.dumps(__version__)},\n  "files": [],\n')
        else:
            self.sink.write("\n  ],\n")
        t = self.tally
        rest = {"summary": {"files": t.files, **t.counts}}
        rest.update(extra or {})
        self.sink.write(",\n".join(f"  {json.dumps(k)}: {_nested(v, 1)}" for k, v in rest.items()) + "\n}\n")
        self.sink.write(tail)


class SarifWriter:
    """SARIF 2.1.0: the run's tool and settings first, then ``results`` as they come, then
    ``artifacts`` (one small entry per file) and ``originalUriBaseIds``."""

    def __init__(self, sink: Sink, ctx: OutputContext) -> None:
        self.sink, self.ctx = sink, ctx
        self.artifacts: list = []
        self.n_results = 0
        self.uses_srcroot = False
        self._index: Optional[dict[str, int]] = None  # rule code → its place in the driver's rules

    def _head(self) -> str:
        from .. import __version__
        from ..engine import registry
        from .sarif import SCHEMA_URI, rule_descriptor

        reg = registry()
        self._index = {c: i for i, c in enumerate(reg)}
        driver = {
            "name": "gxlint",
            "version": __version__,
            "semanticVersion": __version__,
            "language": "zh-CN" if self.ctx.lang == "zh" else "en",
            "rules": [rule_descriptor(reg[c], self.ctx.lang) for c in reg],
        }
        return (
            f'{{\n  "$schema": {json.dumps(SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [\n    {{\n'
            f'      "tool": {_nested({"driver": driver}, 3)},\n'
            f'      "invocations": {_nested([{"executionSuccessful": True}], 3)},\n'
            f'      "columnKind": "unicodeCodePoints",\n      "defaultEncoding": "utf-8",\n'
        )

    def file(self, r) -> None:
        from .sarif import file_results

        if self._index is None:
            self.sink.write(self._head() + '      "results": [')
        assert self._index is not None  # set by _head
        res, art, srcroot = file_results(r, len(self.artifacts), self._index, self.n_results, self.ctx.lang)
        self.artifacts.append(art)
        self.uses_srcroot = self.uses_srcroot or srcroot
        for one in res:
            self.sink.write(("\n" if self.n_results == 0 else ",\n") + "        " + _nested(one, 4))
            self.n_results += 1

    def finish(self, extra: Optional[dict] = None, tail: str = "") -> None:
        from urllib.parse import quote

        if self._index is None:
            self.sink.write(self._head() + '      "results": [')
        self.sink.write(
            ("\n      ],\n" if self.n_results else "],\n") + f'      "artifacts": {_nested(self.artifacts, 3)}'
        )
        if self.uses_srcroot:
            cwd = os.getcwd().replace(os.sep, "/")
            cwd = cwd if cwd.startswith("/") else "/" + cwd
            base = {"%SRCROOT%": {"uri": "file://" + quote(cwd.rstrip("/") + "/", safe="/:")}}
            self.sink.write(f',\n      "originalUriBaseIds": {_nested(base, 3)}')
        self.sink.write("\n    }\n  ]\n}\n")
        self.sink.write(tail)


WRITERS = {"text": TextWriter, "json": JsonWriter, "sarif": SarifWriter, "github": GithubWriter}


def writer(fmt: str, sink: Sink, ctx: OutputContext):
    try:
        return WRITERS[fmt](sink, ctx)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}") from None
