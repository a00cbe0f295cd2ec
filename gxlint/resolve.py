"""The settings of each checked file: the nearest configuration file (or the one named; none when
isolated), the front end's options laid over it, per-file ignores folded in.

Below every front end: it takes plain values (:class:`Options`), never a parsed command line; the
command line and the reviewer's report build their :class:`Options` from their arguments.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Any, Optional, Union

from .errors import UsageError
from .i18n import say


@dataclass(frozen=True)
class Options:
    """What a front end lays over the configuration files.  ``lang`` is also the language of the
    messages of a bad option (Chinese unless ``en``)."""

    config: Optional[str] = None  # a configuration file to use for every file
    isolated: bool = False  # no configuration file at all
    select: Optional[str] = None  # selectors, comma-separated: codes, prefixes, names, families
    extend_select: Optional[str] = None
    ignore: Optional[str] = None
    severity: tuple[str, ...] = ()  # CODE=LEVEL
    lang: Optional[str] = None
    template: Optional[str] = None
    year: Optional[int] = None
    organ_level: Optional[str] = None
    max_bytes: Optional[int] = None
    lint_all: Optional[bool] = None

    @classmethod
    def of(cls, values: Any) -> "Options":
        """The options of any object that has them as attributes (a front end's parsed arguments);
        what it lacks keeps its default."""
        # every field has a default (dataclasses types f.default as possibly MISSING)
        given: dict[str, Any] = {f.name: getattr(values, f.name, f.default) for f in fields(cls)}
        return cls(**given)

    @property
    def ui_lang(self) -> str:
        return self.lang or "zh"


def settings_from(args: Options, base=None):
    """The settings of ``args`` laid over ``base`` (a configuration file's settings, or None)."""
    from . import configfile
    from .config import Settings

    def fam(sel, option):
        """Selectors as given (codes, prefixes, names, family names) → what Settings matches;
        one that matches no rule is an error (exit 2), never a silent "nothing selected"."""
        if sel is None:
            return None
        out = []
        for x in sel.split(","):
            if not x.strip():
                continue
            try:
                out.extend(configfile.strict_selector(x, args.ui_lang))
            except configfile.ConfigError as exc:
                raise UsageError(f"{option}: {exc}") from None
        if not out and option == "--select":
            raise UsageError(say(args.ui_lang, "--select：没有给出规则", "--select: no rule given"))
        return ",".join(out)

    if args.max_bytes is not None and args.max_bytes <= 0:
        raise UsageError(
            say(
                args.ui_lang,
                f"--max-bytes 须为正整数，不是 {args.max_bytes}",
                f"--max-bytes takes a positive number, not {args.max_bytes}",
            )
        )
    if args.year is not None and not 2000 <= args.year <= 2100:
        raise UsageError(
            say(
                args.ui_lang,
                f"--year 须为 2000 至 2100 之间的年份，不是 {args.year}",
                f"--year takes a year from 2000 to 2100, not {args.year}",
            )
        )
    sev = {}
    for item in args.severity:
        if "=" not in item:
            raise UsageError(
                say(
                    args.ui_lang,
                    f"--severity 的写法是 代码=级别，不是 {item!r}",
                    f"--severity takes CODE=LEVEL, not {item!r}",
                )
            )
        k, v = item.split("=", 1)
        if not k.strip():
            raise UsageError(
                say(
                    args.ui_lang,
                    f"--severity 的写法是 代码=级别，{item!r} 缺少代码",
                    f"--severity takes CODE=LEVEL: {item!r} has no code",
                )
            )
        from .diagnostics import Severity

        try:
            Severity.parse(v.strip())
        except (ValueError, TypeError):
            raise UsageError(
                f"--severity {item}: 未知严重程度 (unknown severity) {v.strip()!r}; error, warning, information, hint"
            ) from None
        for one in fam(k.strip(), "--severity").split(","):
            sev[one] = v.strip()
    try:
        return Settings.from_options(
            base,
            select=fam(args.select, "--select"),
            extend_select=fam(args.extend_select, "--extend-select"),
            ignore=fam(args.ignore, "--ignore"),
            severity=sev,
            lang=args.lang,
            template=args.template,
            year=args.year,
            organ_level=args.organ_level,
            max_bytes=args.max_bytes,
            lint_all=args.lint_all,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _default_include() -> tuple:
    from .config import Settings

    return Settings().include


class SettingsResolver:
    """Settings per checked file: the nearest config file walking up from the file (or
    ``--config``; none with ``--isolated``), the command line laid over it, per-file ignores
    folded in.  Cached per folder and per config file."""

    def __init__(self, args: Options) -> None:
        self.args = args
        self._cfg_by_dir: dict[str, Optional[str]] = {}
        self._by_cfg: dict[Optional[str], object] = {}
        if args.config and args.isolated:
            raise UsageError(
                say(args.ui_lang, "--config 与 --isolated 不能同时使用", "--config and --isolated exclude each other")
            )
        if args.config and not os.path.isfile(args.config):
            raise UsageError(
                say(args.ui_lang, f"配置文件不存在：{args.config}", f"no such configuration file: {args.config}")
            )

    def config_path(self, path: Optional[str]) -> Optional[str]:
        from . import configfile

        if self.args.isolated:
            return None
        if self.args.config:
            return os.path.abspath(self.args.config)
        start = os.getcwd() if not path or path == "-" else os.path.abspath(path)
        folder = start if os.path.isdir(start) else os.path.dirname(start)
        if folder not in self._cfg_by_dir:
            self._cfg_by_dir[folder] = configfile.find_config(folder)
        return self._cfg_by_dir[folder]

    def unfolded(self, path: Optional[str]):
        from . import configfile

        cfg = self.config_path(path)
        if cfg not in self._by_cfg:
            try:
                base = configfile.load(cfg) if cfg else None
            except configfile.ConfigError as exc:
                raise UsageError(str(exc)) from None
            self._by_cfg[cfg] = settings_from(self.args, base)
        return self._by_cfg[cfg]

    def for_file(self, path: Optional[str]):
        from . import configfile

        return configfile.apply_file(self.unfolded(path), path)

    def excluded(self, path: str) -> Union[str, tuple[str, tuple[str, ...]], None]:
        """Why a file found in a folder is left out: "type" (not a format gxlint reads, with the
        default ``include``), ("include", patterns) (a format gxlint reads that the configured
        ``include`` leaves out), "excluded" (matched by ``exclude``) or None."""
        import fnmatch

        from . import configfile

        s = self.unfolded(path)
        root = os.path.dirname(s.source) if s.source else os.getcwd()
        rel = configfile._rel_to(path, root)
        name = rel.rsplit("/", 1)[-1]
        if not any(configfile.glob_match(rel, p) or fnmatch.fnmatchcase(name.lower(), p) for p in s.include):
            from .read import supported

            default = tuple(_default_include())
            return ("include", tuple(s.include)) if supported(name) and tuple(s.include) != default else "type"
        if any(configfile.glob_match(rel, p) for p in s.exclude):
            return "excluded"
        return None

    def force_excluded(self, path: str) -> bool:
        """A named file that the exclude patterns of its configuration leave out."""
        from . import configfile

        s = self.unfolded(path)
        root = os.path.dirname(s.source) if s.source else os.getcwd()
        rel = configfile._rel_to(path, root)
        return any(configfile.glob_match(rel, pat) for pat in s.exclude)
