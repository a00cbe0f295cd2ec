"""Settings: what to check and how to report it.

The same ``Settings`` drives the CLI, the language server and pre-commit.  Values come from
defaults, then a configuration file (``[tool.gxlint]`` in pyproject.toml or ``gxlint.toml``),
then the command line / editor settings.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field, replace
from typing import Any, Optional

from .diagnostics import Severity
from .read import EXTENSIONS

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _split(v: Any) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return tuple(x.strip() for x in v.split(",") if x.strip())
    return tuple(str(x).strip() for x in v if str(x).strip())


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # code, prefix or name → severity
    lang: str = "zh"
    template: Optional[str] = None  # v2019 / v2021: override detection
    year: Optional[int] = None  # override the report year
    organ_level: Optional[str] = None  # department / government / township
    township_deadline: Optional[str] = None  # "MM-DD" local deadline for 乡镇/街道, if any
    max_bytes: int = DEFAULT_MAX_BYTES
    blank_as_zero: bool = False
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = tuple(f"*{e}" for e in EXTENSIONS)  # every format gxlint reads
    lint_all: bool = False  # folder walk: check files that do not look like a report too
    exclude: tuple[str, ...] = ()
    organs: dict[str, str] = field(default_factory=dict)  # [tool.gxlint.organs]: old name → new name (GX7)
    report: dict[str, Any] = field(default_factory=dict)  # [tool.gxlint.report]: office, date, number … (gxlint report)
    source: Optional[str] = None  # the config file these settings came from

    # --- selection -------------------------------------------------------------------
    @staticmethod
    def _match(sel: str, code: str, name: str) -> int:
        """Specificity of a selector for a rule (0: no match)."""
        s = sel.strip()
        if not s:
            return 0
        if s.upper() == "ALL":
            return 1
        if s == name:
            return 100
        if code.startswith(s.upper()):
            return 1 + len(s)
        return 0

    def is_enabled(self, code: str, name: str, path: Optional[str] = None) -> bool:
        best_sel = max((self._match(s, code, name) for s in self.select + self.extend_select), default=0)
        ignores = self.ignore + self.ignores_for(path)
        best_ign = max((self._match(s, code, name) for s in ignores), default=0)
        return best_sel > 0 and best_sel > best_ign

    def ignores_for(self, path: Optional[str]) -> tuple[str, ...]:
        if not path or not self.per_file_ignores:
            return ()
        p = path.replace("\\", "/")
        out: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            if (
                fnmatch.fnmatch(p, pattern)
                or fnmatch.fnmatch(p.rsplit("/", 1)[-1], pattern)
                or fnmatch.fnmatch(p, "*/" + pattern)
            ):
                out.extend(codes)
        return tuple(out)

    def severity_for(self, code: str, name: str, default: Severity) -> Severity:
        best = 0
        sev = default
        for sel, s in self.severity.items():
            spec = self._match(sel, code, name)
            if spec > best:
                best, sev = spec, s
        return sev

    def has_severity_override(self, code: str) -> bool:
        return any(self._match(sel, code, "") for sel in self.severity)

    def with_(self, **kw: Any) -> "Settings":
        return replace(self, **kw)

    @classmethod
    def from_options(cls, base: Optional["Settings"] = None, **opts: Any) -> "Settings":
        """Overlay command-line/editor options (None = not given) on base settings."""
        s = base or cls()
        kw: dict[str, Any] = {}
        if opts.get("select") is not None:
            kw["select"] = _split(opts["select"]) or ("ALL",)
        if opts.get("extend_select") is not None:
            kw["extend_select"] = _split(opts["extend_select"])
        if opts.get("ignore") is not None:
            kw["ignore"] = s.ignore + _split(opts["ignore"])
        if opts.get("severity"):
            sev = dict(s.severity)
            for k, v in dict(opts["severity"]).items():
                sev[str(k)] = Severity.parse(v)
            kw["severity"] = sev
        for name in ("lang", "template", "year", "organ_level", "max_bytes", "township_deadline", "lint_all"):
            if opts.get(name) is not None:
                kw[name] = opts[name]
        if "lang" in kw and kw["lang"] not in ("zh", "en"):
            raise ValueError(f"unknown language {kw['lang']!r} (zh, en)")
        if "template" in kw and kw["template"] not in ("v2019", "v2021"):
            raise ValueError(f"unknown template {kw['template']!r} (v2019, v2021)")
        if "organ_level" in kw and kw["organ_level"] not in ("department", "government", "township"):
            raise ValueError(f"unknown organ level {kw['organ_level']!r} (department, government, township)")
        return replace(s, **kw) if kw else s
