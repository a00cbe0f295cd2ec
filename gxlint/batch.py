"""Batch runs for ``gxlint check``: a process pool, fixes, atomic writes, a progress bar.

Each file is linted (and fixed) in a worker; the result comes back without its Document (only
the decoded text, for positions) with content-anchored fingerprints already attached, so the
parent can render, baseline and sort.  A failure in one file becomes a GX001 diagnostic for that
file; the run goes on.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from .config import Settings
from .diagnostics import Edit, Span
from .engine import pack, unpack

PROGRESS_MIN_FILES = 20


@dataclass(frozen=True)
class Task:
    path: str  # what to read ("-" is handled by the caller)
    display: str  # what to report
    settings: Settings
    walked: bool = False  # found by walking a folder (not named): skipped when it is not a report
    root: Optional[str] = None  # the folder walked to find it: --fix writes nothing outside it


@dataclass(frozen=True)
class FixMode:
    fix: bool = False  # apply fixes (write unless diff)
    unsafe: bool = False
    diff: bool = False  # compute a diff, never write
    follow_symlinks: bool = False  # --fix writes a named file that is a symbolic link (its target)


# --- one file --------------------------------------------------------------------------


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: str, data: bytes, owner: Optional[tuple[int, int]] = None) -> None:
    """Write via a temporary file in the same folder + rename, keeping the file's mode (a new
    file gets the mode any other new file gets: 0666 less the umask, not mkstemp's 0600).
    ``owner`` (uid, gid): the new file must have them, or nothing is replaced (:class:`FixRefused`)."""
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    fd, tmp = tempfile.mkstemp(prefix=".gxlint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            if owner is not None:
                now = os.fstat(fh.fileno())
                if (now.st_uid, now.st_gid) != owner:
                    try:
                        os.fchown(fh.fileno(), *owner)
                    except OSError:
                        raise FixRefused(
                            "无法保留文件的所有者或所属组，未写入修复 (the file's owner or group could not be kept)"
                        ) from None
        try:
            mode = stat.S_IMODE(os.stat(real).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)  # after chown: chown clears set-user/group-ID bits
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --- writing a fixed report --------------------------------------------------------------

RUN_STARTED = time.time()  # stale temporary files are those older than this run
_TMP_NAME = re.compile(r"\.gxlint-[a-z0-9_]{8}\.tmp")  # tempfile.mkstemp(prefix=".gxlint-", suffix=".tmp")
_cleaned: set = set()


class FixRefused(OSError):
    """The fixed text was not written, for a reason the user is told (an OSError: reported like
    any other write failure)."""


def clean_stale_temp_files(folder: str) -> list[str]:
    """Remove gxlint's own temporary files (``.gxlint-XXXXXXXX.tmp``) older than this run from
    ``folder``: a run killed between writing the temporary file and renaming it leaves one
    (the report itself is intact: the rename is atomic).  Once per folder and process."""
    if folder in _cleaned:
        return []
    _cleaned.add(folder)
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for n in names:
        if not _TMP_NAME.fullmatch(n):
            continue
        p = os.path.join(folder, n)
        try:
            st = os.lstat(p)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < RUN_STARTED - 1:
                os.unlink(p)
                removed.append(p)
        except OSError:
            pass
    return removed


def symlink_refusal(path: str, root: Optional[str], follow: bool) -> Optional[str]:
    """Why ``--fix`` must not write ``path`` (None: it may).  A file found by walking ``root``
    is written only when it really lies inside ``root``: a symbolic link out of the folder (or a
    link to a folder out of it) is checked, never fixed.  A file named on the command line that
    is a symbolic link is written (to its target) only with ``--follow-symlinks``."""
    if root is not None:
        real, top = os.path.realpath(path), os.path.realpath(root)
        try:
            inside = os.path.commonpath([real, top]) == top
        except ValueError:  # another drive
            inside = False
        if not inside:
            return (
                f"这是指向所检查目录之外（{real}）的符号链接，未写入修复 "
                f"(a symbolic link out of the folder being fixed, to {real}: not written)"
            )
        return None
    if not follow and os.path.islink(path):
        return (
            f"这是符号链接（指向 {os.path.realpath(path)}），未写入修复；要改写它指向的文件，请加 --follow-symlinks "
            f"(a symbolic link to {os.path.realpath(path)}: not written; --follow-symlinks writes its target)"
        )
    return None


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def write_fixed(path: str, data: bytes, original: bytes, before: Optional[os.stat_result] = None) -> None:
    """Replace a report by its fixed text, keeping what replacing it could lose — or refuse,
    saying why (:class:`FixRefused`):

    - the file changed since it was read (size, modification time or content): someone edited it
      while gxlint ran, and their edit is kept;
    - it has other hard links (a new file would part them from it);
    - it is read-only (even for root, who could write it) ;
    - its owner or group cannot be kept (the new file would belong to whoever runs gxlint).

    Stale temporary files of an earlier, killed run next to it are removed first."""
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    clean_stale_temp_files(folder)
    st = os.stat(real)
    if before is not None and (st.st_size, st.st_mtime_ns, st.st_ino) != (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    ):
        raise FixRefused(
            "文件在检查期间被改动过，未写入修复，以免覆盖别人的修改；请重新运行 "
            "(the file changed while it was checked; not overwritten — run again)"
        )
    with open(real, "rb") as fh:
        if _digest(fh.read()) != _digest(original):
            raise FixRefused(
                "文件在检查期间被改动过，未写入修复，以免覆盖别人的修改；请重新运行 "
                "(the file changed while it was checked; not overwritten — run again)"
            )
    if st.st_nlink > 1:
        raise FixRefused(
            f"文件有 {st.st_nlink} 个硬链接，改写会使它们不再指向同一文件，未写入修复 "
            f"(the file has {st.st_nlink} hard links that rewriting would break)"
        )
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(real, os.W_OK):
        raise FixRefused("只读文件 (read-only file)")
    atomic_write(real, data, owner=(st.st_uid, st.st_gid))


def write_output(path: str, data: bytes) -> None:
    """Write a report or baseline the user asked for: ``-`` is standard output; a regular file or
    a new path is replaced atomically; anything else (``/dev/null``, a FIFO, ``/dev/stdout`` in a
    pipe, a terminal) is written straight to, never replaced by a regular file."""
    if path == "-":
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a text-only stream (tests)
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            out.write(data)
            out.flush()
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "是一个目录 (is a folder)", path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(path, "wb") as fh:
            fh.write(data)
        return
    atomic_write(path, data)


def unified_diff(old: str, new: str, fromfile: str, tofile: str) -> str:
    """A unified diff that ``patch`` and ``git apply`` accept: a last line without a line break is
    followed by ``\\ No newline at end of file``, on whichever side it occurs."""
    out = []
    for line in difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=fromfile, tofile=tofile
    ):
        if line.endswith("\n") or line.endswith("\r"):  # (splitlines also breaks on \r)
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _with_newline(edits, newline: str):
    if newline == "\n":
        return edits
    return [
        Edit(e.start, e.end, e.new_text.replace("\r\n", "\n").replace("\n", newline)) if "\n" in e.new_text else e
        for e in edits
    ]


def fix_result(
    res,
    path: Optional[str],
    settings: Settings,
    mode: FixMode,
    max_passes: int = 4,
    before: Optional[os.stat_result] = None,
    root: Optional[str] = None,
):
    """Apply the chosen fixes to a linted file until nothing changes.  Returns the result of
    linting the fixed text, with ``meta["fix"]`` = {applied, changed, written, diff, error}.
    ``root``: the folder walked to find ``path`` (see :func:`symlink_refusal`)."""
    from .engine import lint
    from .fixes import apply_edits, chosen_edits
    from .io import encode

    # applied: edits made; fixed: findings whose fix was applied (what the user is told)
    info: dict[str, Any] = {"applied": 0, "fixed": 0, "changed": False, "written": False, "diff": None, "error": None}
    if res.meta.get("fixable") is False:  # a .docx/.html/.pdf: the fix is made in the source document
        n = sum(1 for d in res.diagnostics if d.fix is not None and (d.fix.safe or mode.unsafe))
        if n:  # said only when there was something to fix
            info["refused"] = res.meta.get("format") or "document"
            info["refused_count"] = n
        res.meta["fix"] = info
        return res
    if res.text is None:
        res.meta["fix"] = info
        return res
    orig = text = res.text
    cur = res
    for _ in range(max_passes):
        per_diag = [_with_newline(chosen_edits([d], unsafe=mode.unsafe), res.newline or "\n") for d in cur.diagnostics]
        edits = [e for es in per_diag for e in es]
        if not edits:
            break
        taken: set = set()
        new, n = apply_edits(text, edits, taken=taken)
        if n == 0 or new == text:
            break
        text, info["applied"] = new, info["applied"] + n
        info["fixed"] += sum(1 for es in per_diag if es and any(e in taken for e in es))
        cur = lint(text, res.path, settings)
    if text != orig:
        info["changed"] = True
        if mode.diff:
            shown = res.path or "-"
            info["diff"] = unified_diff(orig, text, f"a/{shown}", f"b/{shown}")
        elif path and path != "-":
            try:
                refused = symlink_refusal(path, root, mode.follow_symlinks)
                if refused:
                    raise FixRefused(refused)
                if res.meta.get("uncertain_encoding"):
                    enc = res.meta["uncertain_encoding"]
                    raise FixRefused(
                        f"无法确定文件的编码（按 {enc} 读取只是推测），未写入修复；请另存为 UTF-8 后再修复 "
                        f"(the encoding could not be told with certainty — read as {enc}, a guess: "
                        f"not written; save it as UTF-8 to fix it)"
                    )
                if not os.access(path, os.W_OK):
                    raise PermissionError("只读文件 (read-only file)")
                write_fixed(
                    path,
                    encode(text, res.encoding or "utf-8", res.bom),
                    encode(orig, res.encoding or "utf-8", res.bom),
                    before,
                )
                info["written"] = True
            except (OSError, UnicodeError) as exc:
                info["error"] = getattr(exc, "strerror", None) or str(exc)
                cur = res  # nothing was written: report what the file still has
    cur.encoding, cur.newline, cur.bom = res.encoding, res.newline, res.bom
    cur.meta["fix"] = info
    return cur


def _failure(display: str, settings: Settings, exc: BaseException, tb: str = ""):
    from .engine import Result, engine_diagnostic

    error = f"{type(exc).__name__}: {exc}"
    diags = []
    if settings.is_enabled("GX001", "internal-error", display):
        d = engine_diagnostic("GX001", "parser", Span(0, 0), settings, error=error[:200])
        d.data["traceback"] = tb
        diags.append(d)
    return Result(display, diags)


def decode_failure(task: Task, exc):
    """The GX002 result of input that could not be read (a :class:`gxlint.io.DecodeError`)."""
    from .engine import Result, engine_diagnostic

    diags = []
    if task.settings.is_enabled("GX002", "unreadable-input", task.display):
        diags.append(engine_diagnostic("GX002", exc.message_id, Span(0, 0), task.settings, **exc.kwargs))
    return Result(task.display, diags)


def check_one(task: Task, mode: FixMode = FixMode(), data: Optional[bytes] = None):
    """Lint one file (``data``: its bytes, for standard input), fix it if asked, attach
    fingerprints and drop the Document.  A file found by walking a folder that does not look
    like a report comes back with ``meta["not_report"]`` and no findings (and is never fixed).
    Never raises."""
    from . import baseline
    from .engine import lint_bytes, lint_path
    from .reportkind import looks_like_report

    try:
        before = None
        if data is not None:
            res = lint_bytes(data, task.display, task.settings)
        else:
            if mode.fix and not mode.diff:
                try:
                    before = os.stat(task.path)  # to tell, before writing, that it was not edited meanwhile
                except OSError:
                    before = None
            res = lint_path(task.path, task.settings, display_path=task.display)
        if task.walked and not task.settings.lint_all and res.doc is not None and not looks_like_report(res.doc):
            res.diagnostics = []
            res.meta["not_report"] = True
            res.doc = None
            return res
        if mode.fix or mode.diff:
            res = fix_result(
                res, None if data is not None else task.path, task.settings, mode, before=before, root=task.root
            )
        baseline.annotate(res)
        if res.doc is not None:  # the report's entry in the cross-report index (GX7)
            from .across.index import entry_from_document

            res.meta["across"] = entry_from_document(res.doc, task.display).to_dict()
    except Exception as exc:  # a per-file failure never stops the run
        res = _failure(task.display, task.settings, exc, traceback.format_exc(limit=8))
    res.doc = None
    return res


def _check_chunk(tasks: Sequence[Task], mode: FixMode) -> list:
    return [pack(check_one(t, mode)) for t in tasks]


# --- many files --------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on a terminal (stderr); a no-op otherwise."""

    def __init__(self, total: int, stream=None, enabled: bool = True, lang: str = "zh") -> None:
        self.total = total
        self.lang = lang
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0
        self.start = time.monotonic()
        self._last = 0.0
        if self.enabled:
            self._draw(force=True)

    @staticmethod
    def wanted(total: int, quiet: bool, stream=None) -> bool:
        stream = stream or sys.stderr
        if quiet or total < PROGRESS_MIN_FILES or os.environ.get("GXLINT_NO_PROGRESS"):
            return False
        try:
            return stream.isatty()
        except (AttributeError, ValueError):
            return False

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.enabled:
            self._draw()

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        rate = self.done / max(now - self.start, 1e-6)
        bar = "█" * filled + "░" * (width - filled)
        if self.lang == "en":
            self.stream.write(f"\rchecking [{bar}] {self.done}/{self.total} files  {rate:5.1f}/s")
        else:
            self.stream.write(f"\r检查中 [{bar}] {self.done}/{self.total} 个文件  {rate:5.1f}/秒")
        self.stream.flush()

    def clear(self) -> None:
        """Take the bar off its line (output is about to be written to the same terminal); the
        next update draws it again below that output."""
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._last = 0.0

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()


def run(
    tasks: Sequence[Task], jobs: int, mode: FixMode = FixMode(), on_done: Optional[Callable[[int], None]] = None
) -> list:
    """Check every task; ``jobs`` > 1 uses worker processes.  Results in task order."""
    return [r for _, r in run_iter(tasks, jobs, mode, on_done)]


def run_iter(
    tasks: Sequence[Task], jobs: int, mode: FixMode = FixMode(), on_done: Optional[Callable[[int], None]] = None
):
    """(index, result) for every task, in task order, each as soon as it and those before it are
    done — so outputs can be written file by file.  ``jobs`` > 1 uses :class:`gxlint.pool.Pool`
    (workers die with this process; a worker that dies is replaced)."""
    from .engine import registry

    registry()  # loaded once in the parent: forked workers inherit it
    if len(tasks) > 1:  # .doc/.wps/.odt/.rtf: one LibreOffice start converts them all
        from .read.office import prefetch_paths

        prefetch_paths([t.path for t in tasks if t.path and t.path != "-"], tasks[0].settings.max_bytes)
    if jobs <= 1 or len(tasks) < 2:
        for i, t in enumerate(tasks):
            r = check_one(t, mode)
            if on_done:
                on_done(1)
            yield i, r
        return
    # imported here: a single-file check does not pay for multiprocessing (cold start)
    from . import pool

    # the first file is checked here, before forking: the lazily built state (compiled patterns,
    # the OpenCC converter, template data) is then inherited by every worker instead of rebuilt
    first = check_one(tasks[0], mode)
    if on_done:
        on_done(1)
    yield 0, first
    workers = min(jobs, len(tasks) - 1)
    size = max(1, min(16, (len(tasks) - 1) // (workers * 4)))
    chunks = [list(range(i, min(i + size, len(tasks)))) for i in range(1, len(tasks), size)]
    if not pool.available():  # pragma: no cover - no fork (Windows, macOS spawn-only builds)
        yield from _run_executor(tasks, chunks, workers, mode, on_done)
        return

    def work(idx: list[int]) -> list:
        return [pack(check_one(tasks[i], mode)) for i in idx]

    def lost(i: int):
        return _failure(
            tasks[i].display, tasks[i].settings, RuntimeError("检查此文件的进程意外退出 (the worker process died)")
        )

    def error(i: int, exc: BaseException):
        return _failure(tasks[i].display, tasks[i].settings, exc)

    for i, r in pool.Pool(workers, work).results(chunks, lost, error):
        if on_done:
            on_done(1)
        yield i, unpack(r) if isinstance(r, tuple) else r


def _run_executor(tasks, chunks, workers, mode, on_done):  # pragma: no cover - platforms without fork
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as ex:
        futs = [(idx, ex.submit(_check_chunk, [tasks[i] for i in idx], mode)) for idx in chunks]
        for idx, f in futs:
            try:
                rs = f.result()
            except Exception as exc:
                rs = [_failure(tasks[i].display, tasks[i].settings, exc) for i in idx]
            for i, r in zip(idx, rs):
                if on_done:
                    on_done(1)
                yield i, unpack(r) if isinstance(r, tuple) else r
