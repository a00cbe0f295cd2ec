"""Which files a run checks: the paths named, folders walked (regular files of the types gxlint
reads, the configuration's include/exclude), and why each file left out was left out.

Below every front end: the command line, the reviewer's report and the language server's
workspace index all collect their files here.
"""

from __future__ import annotations

import os
from typing import Optional, Sequence

from .errors import UsageError
from .i18n import say

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}

SKIP_REASONS = {
    "type": (
        "不是支持的文件类型（遍历文件夹时检查 {exts}）",
        "not a supported file type (a folder walk checks {exts})",
    ),
    "include": (
        "不在配置的 include 之内（include = {patterns}）；要检查它，把它的类型加进 include",
        "not matched by the include of the configuration (include = {patterns}); add its type to include to check it",
    ),
    "excluded": ("被配置中的 include/exclude 排除", "left out by the include/exclude of the configuration"),
    "special": (
        "不是普通文件（管道、设备、套接字或失效的链接）",
        "not a regular file (a pipe, device, socket or broken link)",
    ),
    "not_report": (
        "不像年度报告（没有标题、部分标题或表格），如 README、笔记；用 --lint-all 也检查它",
        "does not look like an annual report (no title, section headings or tables), e.g. a README "
        "or notes; --lint-all checks it too",
    ),
    "force_excluded": (
        "被配置中的 exclude 排除（--force-exclude）",
        "left out by the exclude of the configuration (--force-exclude)",
    ),
}


def skip_reason(reason, lang: str) -> str:
    from .read import EXTENSIONS

    if isinstance(reason, tuple) and reason[0] == "history":  # ("history", why): an earlier year's report not read
        msg = skipped_message(reason[1], lang)
        return f"--history: not read: {msg}" if lang == "en" else f"--history：未能读取：{msg}"

    if isinstance(reason, tuple) and reason[0] == "include":  # ("include", the patterns)
        zh, en = SKIP_REASONS["include"]
        return (en if lang == "en" else zh).format(patterns=", ".join(reason[1]))
    zh, en = SKIP_REASONS[reason]
    return (en if lang == "en" else zh).format(exts=", ".join(EXTENSIONS))


class Collected(list):
    """The files to check (a list), plus what a walk left out: ``skipped`` [(path, reason)],
    ``walked`` (files found in a folder, not named), ``roots`` (walked file → the folder walked),
    ``folder_errors`` [(folder, error)]."""

    def __init__(self) -> None:
        super().__init__()
        self.skipped: list[tuple[str, str]] = []
        self.walked: set[str] = set()
        self.roots: dict[str, str] = {}
        self.folder_errors: list[tuple[str, str]] = []


CONFIG_FILES = ("pyproject.toml", "gxlint.toml")


def collect_files(
    paths: Sequence[str],
    include=None,
    exclude=(),
    excluded=None,
    force_excluded=None,
    own: Sequence[str] = (),
    lang: str = "zh",
) -> Collected:
    """Files to check: named files always (whatever their extension); folders walked recursively,
    taking regular files only.  ``excluded(path)``, when given, says why a file found in a folder
    is left out ("type", ("include", patterns), "excluded" or None: per-file include/exclude of its
    configuration); otherwise ``include``/``exclude`` patterns decide.  What is left out is
    recorded, never dropped silently — but gxlint's own files (configuration files, and ``own``:
    the baseline of this run) are not documents and are not listed; a folder that cannot be listed
    is recorded in ``folder_errors``.  A path that does not exist is a :class:`UsageError`, said in
    ``lang``."""
    import fnmatch
    import stat

    if include is None:
        from .read import EXTENSIONS

        include = tuple("*" + e for e in EXTENSIONS)
    out = Collected()
    seen: set[str] = set()
    own_real = {os.path.realpath(o) for o in own if o and o != "-"}

    def add(f: str, walked: Optional[str]) -> None:
        # one file under two spellings (x.txt and d/../d/x.txt, or a link to it) is one file
        key = f if f == "-" else os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            out.append(f)
            if walked is not None:
                out.walked.add(f)
                out.roots[f] = walked

    for p in paths:
        if p == "-":
            add("-", None)
            continue
        if os.path.isdir(p):
            errors: list[OSError] = []
            for root, dirs, files in os.walk(p, onerror=errors.append):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for f in sorted(files):
                    full = os.path.join(root, f)
                    if excluded is not None:
                        why = excluded(full)
                    else:
                        rel = os.path.relpath(full, p)
                        if not any(fnmatch.fnmatchcase(f.lower(), pat) for pat in include):
                            why = "type"
                        elif any(fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase(f, pat) for pat in exclude):
                            why = "excluded"
                        else:
                            why = None
                    if not why:
                        try:
                            if not stat.S_ISREG(os.stat(full).st_mode):
                                why = "special"
                        except OSError:
                            why = "special"
                    if why:
                        if f not in CONFIG_FILES and os.path.realpath(full) not in own_real:
                            out.skipped.append((full, why))
                    else:
                        add(full, p)
            for exc in errors:
                folder = getattr(exc, "filename", None) or p
                out.folder_errors.append((folder, exc.strerror or str(exc)))
        elif os.path.exists(p):
            if force_excluded is not None and force_excluded(p):
                out.skipped.append((p, "force_excluded"))
                continue
            add(p, None)  # an explicitly named file is checked whatever its extension
        else:
            raise UsageError(say(lang, f"路径不存在：{p}", f"no such file or folder: {p}"))
    return out


def skipped_message(why: tuple[str, dict], lang: str = "zh") -> str:
    """A history file's reason for having no entry, in words (the GX002 message)."""
    from .config import Settings
    from .engine import engine_diagnostic
    from .model import Span

    mid, kwargs = why
    try:
        return engine_diagnostic("GX002", mid, Span(0, 0), Settings(lang=lang), **kwargs).message
    except Exception:
        return mid


def history_files(folders: Sequence[str], lang: str = "zh") -> list[str]:
    """--history: the earlier years' reports in ``folders``, read as reference only (GX7)."""
    history: list[str] = []
    for folder in folders or ():
        if not os.path.exists(folder):
            raise UsageError(say(lang, f"--history：{folder} 不存在", f"--history: {folder} does not exist"))
        history.extend(f for f in collect_files([folder], lang=lang) if f != "-")
    return history
