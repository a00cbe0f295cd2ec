"""Where the MCP server may read: the folders given with ``--root``, else the roots the client
declares (MCP ``roots/list``), else the working folder — and nothing outside them.

A path is resolved (relative paths against the first root), its links followed
(:func:`os.path.realpath`), and only then compared with the roots, themselves resolved: a link
inside a root that points outside it is outside.  The working folder is not a root when it is a
file system's root or the user's home folder (Claude Desktop starts servers in ``/``): then
nothing is read by path until ``--root`` says where.
"""

from __future__ import annotations

import os
from typing import Iterable, Optional, Sequence
from urllib.parse import unquote, urlparse


class ToolFailure(Exception):
    """A tool cannot answer: the message says why, in the server's language (an MCP tool error)."""


def _say(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def uri_path(uri: str) -> Optional[str]:
    """The local path of a ``file://`` root URI (None for another scheme)."""
    u = urlparse(str(uri))
    if u.scheme != "file":
        return None
    path = unquote(u.path)
    if os.name == "nt" and len(path) >= 3 and path[0] == "/" and path[2] == ":":  # /C:/Users → C:/Users
        path = path[1:]
    if u.netloc and u.netloc != "localhost":  # file://server/share (a UNC path)
        path = f"//{u.netloc}{path}"
    return path or None


def _too_wide(folder: str) -> bool:
    """A file system's root or the home folder: too wide to be the working folder's grant."""
    real = os.path.realpath(folder)
    if os.path.dirname(real) == real:
        return True
    home = os.path.expanduser("~")
    return bool(home) and home != "~" and os.path.realpath(home) == real


class Roots:
    """The folders of one tool call (see the module's docstring for the order)."""

    def __init__(self, folders: Sequence[str], origin: str, lang: str = "zh") -> None:
        self.folders = [os.path.realpath(f) for f in folders]
        self.origin = origin  # "option" (--root), "client" (MCP roots), "cwd", or "none"
        self.lang = lang

    @classmethod
    def choose(
        cls, option: Sequence[str], client: Optional[Iterable[str]], cwd: Optional[str] = None, lang: str = "zh"
    ) -> "Roots":
        if option:
            return cls(option, "option", lang)
        declared = [p for p in (uri_path(u) for u in (client or ())) if p]
        if declared:
            return cls(declared, "client", lang)
        cwd = cwd or os.getcwd()
        if _too_wide(cwd):
            return cls([], "none", lang)
        return cls([cwd], "cwd", lang)

    def describe(self) -> str:
        if not self.folders:
            return _say(self.lang, "（没有可读取的目录）", "(no folder may be read)")
        return "、".join(self.folders) if self.lang != "en" else ", ".join(self.folders)

    def inside(self, real: str) -> bool:
        for root in self.folders:
            try:
                if os.path.commonpath([root, real]) == root:
                    return True
            except ValueError:  # another drive (Windows)
                continue
        return False

    def resolve(self, path: str) -> str:
        """The real path of ``path`` if it lies inside a root; raises :class:`ToolFailure`."""
        if not isinstance(path, str) or not path.strip() or "\x00" in path:
            raise ToolFailure(_say(self.lang, "路径为空或无效", "the path is empty or invalid"))
        if not self.folders:
            raise ToolFailure(
                _say(
                    self.lang,
                    "没有允许读取的目录：服务器的工作目录是根目录或用户主目录，客户端也没有声明根目录（roots）。"
                    "请在配置中给 gxlint mcp 加上 --root 报告所在的目录，或直接用 text 参数传入报告全文。",
                    "no folder may be read: the server's working folder is a file system root or the home folder and "
                    "the client declared no roots. Add --root REPORTS_FOLDER to gxlint mcp in the configuration, or "
                    "pass the report's text in the text argument.",
                )
            )
        p = os.path.expanduser(path.strip())
        if p.startswith("file://"):
            p = uri_path(p) or p
        if not os.path.isabs(p):
            p = os.path.join(self.folders[0], p)
        real = os.path.realpath(p)
        if not self.inside(real):
            raise ToolFailure(
                _say(
                    self.lang,
                    f"{path} 不在允许读取的目录之内（{self.describe()}）；gxlint 只读这些目录中的文件",
                    f"{path} is outside the folders gxlint may read ({self.describe()}); it reads nothing else",
                )
            )
        if not os.path.exists(real):
            raise ToolFailure(_say(self.lang, f"路径不存在：{path}", f"no such file or folder: {path}"))
        return real

    def shown(self, real: str) -> str:
        """A path as the answers show it: relative to its root."""
        for root in self.folders:
            try:
                if os.path.commonpath([root, real]) == root:
                    rel = os.path.relpath(real, root)
                    return real if rel == "." else rel.replace(os.sep, "/")
            except ValueError:
                continue
        return real
