""".doc, .wps, .odt and .rtf: LibreOffice converts them to .docx, which :mod:`gxlint.read.docx` reads.

Writing a reader for Word 97's binary format (and WPS's variant of it) and for RTF would be a
project of its own; LibreOffice reads them all, as offices' own software does.  It runs headless
(``soffice --headless --convert-to docx``) on a copy of the bytes in a temporary folder:

- in a private profile (``-env:UserInstallation``), made once per gxlint process and removed at
  its end, so it neither touches nor waits for the user's own LibreOffice;
- with a time limit (:data:`TIMEOUT`, ``GXLINT_OFFICE_TIMEOUT`` seconds): a process that hangs is
  killed with its whole process group, and the file gets a GX002 that says so;
- with no network: the conversion has no reason to fetch anything, and the profile's first start
  is told not to look for updates or send reports (``--norestore``, ``--nolockcheck``, no
  first-start wizard);
- one conversion at a time per process (one profile cannot serve two LibreOffice instances); a
  folder's files can be converted by one LibreOffice start (:func:`prefetch`) — the start-up is
  most of the cost of one small file.

The program is ``GXLINT_SOFFICE`` when set, else ``soffice`` or ``libreoffice`` on the PATH (and
the usual install folders on Windows and macOS).  When it is not there, the file gets one GX002
that names the program and how to install it.  A finding's native location is the paragraph or
cell of the converted .docx, and :func:`gxlint.read.describe` says so (``via``).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections import OrderedDict
from typing import Iterable, Optional

from ..io import DecodeError
from .blocks import locations

TIMEOUT = 60.0  # seconds for one conversion (a long report takes 2–5 s, start-up included)
MAX_BATCH = 64  # files per LibreOffice start when a folder is prefetched

# what LibreOffice is told the copy is called (a WPS Writer file is Word 97's format: a .wps name
# would make LibreOffice try Microsoft Works's filter)
_SUFFIX = {"doc": ".doc", "wps": ".doc", "odt": ".odt", "rtf": ".rtf"}
KINDS = {  # what the GX002 messages call each (zh, en)
    "doc": ("这是旧版 Word 文档", "an old Word document"),
    "wps": ("这是 WPS 文字文档", "a WPS Writer document"),
    "odt": ("这是 OpenDocument 文字文档", "an OpenDocument text"),
    "rtf": ("这是 RTF 文档", "an RTF document"),
}

_lock = threading.Lock()
_profile: Optional[str] = None
_converted: "OrderedDict[str, bytes]" = OrderedDict()  # sha-256 of the bytes → the .docx it became
MEMO = 32  # conversions kept (a folder's prefetch, an editor checking a file again)


def soffice() -> Optional[str]:
    """The LibreOffice program, or None."""
    env = os.environ.get("GXLINT_SOFFICE")
    if env:
        return env if os.path.isfile(env) and os.access(env, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ):
        if os.path.isfile(candidate):
            return candidate
    return None


def _timeout() -> float:
    try:
        value = float(os.environ.get("GXLINT_OFFICE_TIMEOUT") or TIMEOUT)
    except ValueError:
        return TIMEOUT
    return value if value > 0 else TIMEOUT


def _profile_dir() -> str:
    global _profile
    if _profile is None:
        _profile = tempfile.mkdtemp(prefix="gxlint-lo-")
        atexit.register(shutil.rmtree, _profile, True)
    return _profile


def _key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _run(exe: str, inputs: list[str], outdir: str, timeout: float) -> str:
    """Convert ``inputs`` into ``outdir``; LibreOffice's last words (for a file it did not convert).
    Raises :class:`TimeoutError` when it did not finish in time (it is killed)."""
    profile = _profile_dir()
    url = "file:///" + profile.replace("\\", "/").lstrip("/")
    cmd = [
        exe,
        f"-env:UserInstallation={url}",
        "--headless",
        "--invisible",
        "--norestore",
        "--nolockcheck",
        "--nodefault",
        "--nofirststartwizard",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        outdir,
        *inputs,
    ]
    env = dict(os.environ)
    env.pop("DISPLAY", None)  # never open a window, whatever the session has
    env.pop("WAYLAND_DISPLAY", None)
    kwargs: dict = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "env": env}
    if os.name == "posix":
        kwargs["start_new_session"] = True  # its own process group: killed as a whole
    else:  # pragma: no cover - Windows
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
    proc = subprocess.Popen(cmd, **kwargs)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise TimeoutError from None
    except BaseException:
        _kill(proc)
        raise
    text = out.decode("utf-8", "replace").strip()
    last = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return (last[-1] if last else f"exit {proc.returncode}")[:200]


def _kill(proc: subprocess.Popen) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.communicate(timeout=10)
    except (subprocess.TimeoutExpired, OSError, ValueError):
        pass


def convert(data: bytes, fmt: str, ext: str) -> bytes:
    """The .docx LibreOffice makes of ``data`` (a ``fmt`` of :data:`KINDS`), or :class:`DecodeError`."""
    kind, kind_en = KINDS[fmt]
    key = _key(data)
    with _lock:
        cached = _converted.get(key)
        if cached is not None:
            _converted.move_to_end(key)
            return cached
    exe = soffice()
    if exe is None:
        raise DecodeError("needs_office", kind=kind, kind_en=kind_en, ext=ext)
    timeout = _timeout()
    with _lock, tempfile.TemporaryDirectory(prefix="gxlint-conv-") as tmp:
        src = os.path.join(tmp, "report" + _SUFFIX[fmt])
        outdir = os.path.join(tmp, "out")
        with open(src, "wb") as fh:
            fh.write(data)
        try:
            said = _run(exe, [src], outdir, timeout)
        except TimeoutError:
            raise DecodeError("office_timeout", kind=kind, kind_en=kind_en, ext=ext, seconds=f"{timeout:g}") from None
        except OSError as exc:
            raise DecodeError("needs_office", kind=kind, kind_en=kind_en, ext=ext) from exc
        out = os.path.join(outdir, "report.docx")
        if not os.path.isfile(out) or os.path.getsize(out) == 0:
            raise DecodeError("office_failed", kind=kind, kind_en=kind_en, ext=ext, reason=said)
        with open(out, "rb") as fh:
            return _keep(key, fh.read())


def _keep(key: str, docx: bytes) -> bytes:
    _converted[key] = docx
    _converted.move_to_end(key)
    while len(_converted) > MEMO:
        _converted.popitem(last=False)
    return docx


def prefetch(items: Iterable[tuple[bytes, str]]) -> int:
    """Convert many files with one LibreOffice start (a folder walk calls this first); ``items``
    are (bytes, format of :data:`KINDS`).  What it converts is kept for :func:`convert`; what it
    does not (a damaged file, a time-out) is left for :func:`convert` to try alone and explain.
    Returns how many were converted."""
    exe = soffice()
    todo = [(d, f) for d, f in items if f in KINDS and _key(d) not in _converted]
    if exe is None or len(todo) < 2:
        return 0
    done = 0
    with _lock:
        for start in range(0, len(todo), MAX_BATCH):
            batch = todo[start : start + MAX_BATCH]
            with tempfile.TemporaryDirectory(prefix="gxlint-conv-") as tmp:
                srcs = []
                for k, (data, fmt) in enumerate(batch):
                    src = os.path.join(tmp, f"r{k}{_SUFFIX[fmt]}")
                    with open(src, "wb") as fh:
                        fh.write(data)
                    srcs.append(src)
                outdir = os.path.join(tmp, "out")
                try:
                    _run(exe, srcs, outdir, _timeout() + 10 * len(batch))
                except (TimeoutError, OSError):
                    return done
                for k, (data, _fmt) in enumerate(batch):
                    out = os.path.join(outdir, f"r{k}.docx")
                    if os.path.isfile(out) and os.path.getsize(out):
                        with open(out, "rb") as fh:
                            _keep(_key(data), fh.read())
                        done += 1
    return done


def prefetch_paths(paths: Iterable[str], max_bytes: Optional[int] = None) -> int:
    """:func:`prefetch` for the files of a folder walk that LibreOffice would convert (told by
    their content, like :func:`gxlint.read.read`; at most :data:`MEMO`); files that cannot be read
    are left for their own check to explain."""
    from . import OFFICE_EXTENSIONS, identify, sniff

    candidates = [p for p in paths if os.path.splitext(p)[1].lower() in OFFICE_EXTENSIONS]
    if not candidates or soffice() is None:  # a folder without old formats costs no program lookup
        return 0
    items: list[tuple[bytes, str]] = []
    for path in candidates:
        if len(items) >= MEMO:
            break
        try:
            if max_bytes is not None and os.path.getsize(path) > max_bytes:
                continue
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        other = identify(data, sniff(data, path), path)
        if other is not None and other[0] in KINDS:
            items.append((data, other[0]))
    return prefetch(items)


def read_office(data: bytes, fmt: str, ext: str, path: Optional[str] = None) -> list:
    """The blocks of the .docx LibreOffice makes of ``data``; each location says it is one (``via``)."""
    from .docx import read_docx

    blocks = read_docx(convert(data, fmt, ext), path)
    for loc in locations(blocks):
        loc["via"] = "LibreOffice"
    return blocks


def source(data: bytes, path: Optional[str] = None, *, fmt: str, ext: str, max_bytes: Optional[int] = None):
    """The registry's entry point (:mod:`gxlint.read.registry`): bytes → :class:`gxlint.read.Source`."""
    from . import checked, from_blocks

    return checked(from_blocks(read_office(data, fmt, ext, path), fmt), data, max_bytes)
