"""Configuration files: ``[tool.gxlint]`` in ``pyproject.toml`` or the top level of ``gxlint.toml``.

Settings are resolved *per checked file*: the nearest configuration file found by walking up
from the file's directory applies to it (``gxlint.toml`` wins over ``pyproject.toml`` in the
same directory; a ``pyproject.toml`` without ``[tool.gxlint]`` is skipped).  ``--config FILE``
names one file for every input; ``--isolated`` ignores them all.  The command line (or the
editor's settings) are laid over the file's values.

Keys (kebab-case; snake_case is accepted too)::

    select = ["GX1", "GX3"]          extend-select = ["GX6"]      ignore = ["GX206", "blank-cell"]
    severity = { GX306 = "error", arithmetic = "warning" }     # per rule (code or name) or family
    per-file-ignores = { "drafts/*.txt" = ["GX5"] }             # globs relative to the config file
    template = "v2021"   year = 2023   organ-level = "township"   lang = "zh"
    include = ["*.txt", "*.md"]   exclude = ["archive/**"]   max-bytes = 20971520
    township-deadline = "03-31"   blank-as-zero = false
    lint-all = false                 # a folder walk also checks files that do not look like a report

    [tool.gxlint.report]             # gxlint report: the reviewer's details in the letters
    office = "某某市政务公开办公室"   date = "2024-03-01"   number = "某政公开函〔2024〕{n}号"
    contact = "张三 0591-12345678"   letter-template = "审查意见模板.toml"   # (relative to this file)

An unknown key, a wrong type or a bad value is a :class:`ConfigError` naming the key and the
file (the CLI exits 2).
"""

from __future__ import annotations

import calendar
import fnmatch
import os
import re
import sys
from dataclasses import replace
from typing import Any, Optional

from . import families
from .config import Settings
from .diagnostics import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYS = (
    "select",
    "ignore",
    "extend-select",
    "severity",
    "per-file-ignores",
    "template",
    "year",
    "organ-level",
    "lang",
    "include",
    "exclude",
    "max-bytes",
    "township-deadline",
    "blank-as-zero",
    "lint-all",
    "organs",
    "report",
)
REPORT_KEYS = ("office", "date", "number", "contact", "letter-template")


class ConfigError(Exception):
    """A configuration file that cannot be used (the CLI exits 2)."""


# --- finding -------------------------------------------------------------------------


def _has_gxlint_table(path: str) -> bool:
    try:
        data = _read_toml(path)
    except ConfigError:
        return True  # a broken pyproject is reported, not silently skipped
    return isinstance(data.get("tool"), dict) and "gxlint" in data["tool"]


def find_config(start: str) -> Optional[str]:
    """The nearest gxlint.toml / pyproject.toml with [tool.gxlint], walking up from ``start``
    (a file or a directory).  None when there is none."""
    d = os.path.abspath(start)
    if not os.path.isdir(d):
        d = os.path.dirname(d)
    while True:
        cand = os.path.join(d, "gxlint.toml")
        if os.path.isfile(cand):
            return cand
        cand = os.path.join(d, "pyproject.toml")
        if os.path.isfile(cand) and _has_gxlint_table(cand):
            return cand
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


# --- reading -------------------------------------------------------------------------

_toml_cache: dict[str, tuple[float, int, dict]] = {}


def _read_toml(path: str) -> dict:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取配置文件 (cannot read the configuration file): {exc.strerror}") from None
    hit = _toml_cache.get(path)
    if hit and hit[0] == st.st_mtime_ns and hit[1] == st.st_size:
        return hit[2]
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML 语法错误 (invalid TOML): {exc}") from None
    except RecursionError:
        # tomllib recurses once per level of nesting: [[[[… 5,000 deep, in any table
        raise ConfigError(f"{path}: TOML 嵌套层数过多，无法读取 (nested too deeply to be read)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: 无法读取配置文件 (cannot read the configuration file): {exc}") from None
    _toml_cache[path] = (st.st_mtime_ns, st.st_size, data)
    return data


def raw_table(path: str) -> dict:
    """The gxlint table of a config file: [tool.gxlint] of a pyproject.toml, else the whole file
    (a gxlint.toml may also use [tool.gxlint])."""
    data = _read_toml(path)
    tool = data.get("tool")
    if isinstance(tool, dict) and "gxlint" in tool:
        table = tool["gxlint"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.gxlint] 必须是表 (must be a table)")
        if os.path.basename(path) == "gxlint.toml":
            others = [k for k in data if k != "tool"]
            if others:
                raise ConfigError(f"{path}: 未知配置项 (unknown key) {others[0]!r}")
        return table
    if os.path.basename(path) == "pyproject.toml":
        return {}
    return data


# --- validating ----------------------------------------------------------------------


def _canon_key(k: str) -> str:
    return k.replace("_", "-")


def _where(path: str, key: str) -> str:
    table = "[tool.gxlint]" if os.path.basename(path) == "pyproject.toml" else ""
    return f"{path}: {table}{' ' if table else ''}{key}"


def _str_list(path: str, key: str, v: Any) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [x for x in v.split(",")]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{_where(path, key)}: 应为字符串列表 (expected a list of strings)")
    return tuple(x.strip() for x in v if x.strip())


def _selector(path: str, key: str, s: str) -> list[str]:
    """A selector as written (code, prefix, rule name, ALL, or family name) → what Settings matches."""
    known = _named_selector(s)
    if known is not None:
        return known
    if re.fullmatch(r"[A-Za-z]{1,8}\d{0,4}", s):
        return [s]  # a code or prefix (rules of a pack not installed yet are fine)
    raise ConfigError(
        f"{_where(path, key)}: 没有这样的规则、前缀或规则族 (no such rule, prefix or family): {s!r}{suggest(s)}"
    )


def _named_selector(s: str) -> Optional[list[str]]:
    """ALL, a family (by name or its Chinese/English family word) or a rule name → what Settings
    matches; None for anything else (a code or prefix, or a mistake)."""
    if s.upper() == "ALL":
        return ["ALL"]
    if s.lower() in families.BY_KEY:  # a built-in family: its prefix; a pack's: its rules
        return [families.BY_KEY[s.lower()].prefix]
    from .engine import registry

    reg = registry()
    fam = [c for c, cls in reg.items() if cls.family == s]
    if fam:
        return fam
    if s in {c.name for c in reg.values()}:
        return [s]
    return None


def suggest(s: str, lang: Optional[str] = None) -> str:
    """ "; 是不是 (did you mean) X?" for a selector that matches nothing, or "" (``lang`` zh or en:
    that language only; None: both, as in the configuration file's messages)."""
    import difflib

    from .engine import registry

    reg = registry()
    words = (
        list(reg)
        + [c.name for c in reg.values()]
        + [f.key for f in families.FAMILIES]
        + sorted(f.prefix for f in families.FAMILIES)
    )
    lower = {w.lower(): w for w in words}
    close = difflib.get_close_matches(s.lower(), list(lower), n=3, cutoff=0.6)
    if not close:
        return ""
    said = ", ".join(lower[c] for c in close)
    if lang == "en":
        return f"; did you mean {said}?"
    if lang == "zh":
        return f"；是不是：{'、'.join(lower[c] for c in close)}？"
    return f"；是不是 (did you mean): {said}?"


def strict_selector(s: str, lang: Optional[str] = None) -> list[str]:
    """A selector given on the command line: like :func:`_selector`, but a code or prefix must
    match at least one installed rule (``--select GX3O1`` or ``--ignore GX9`` would otherwise
    select nothing and report a pass).  Raises :class:`ConfigError` with a suggestion."""
    from .engine import registry

    s = s.strip()
    known = _named_selector(s)
    if known is not None:
        return known
    reg = registry()
    if re.fullmatch(r"[A-Za-z]{1,8}\d{0,4}", s) and any(c.startswith(s.upper()) for c in reg):
        return [s.upper()]
    if lang == "en":
        raise ConfigError(f"no such rule, prefix or family: {s!r}{suggest(s, lang)}")
    if lang == "zh":
        raise ConfigError(f"没有这样的规则、前缀或规则族：{s!r}{suggest(s, lang)}")
    raise ConfigError(f"没有这样的规则、前缀或规则族 (no such rule, prefix or family): {s!r}{suggest(s)}")


def _known_code(path: str, key: str, s: str) -> None:
    """A gxlint code or prefix (GX…) that matches no rule is a mistake (``GX999``, ``GX3O1``):
    its setting would silently do nothing.  Other prefixes may be a rule pack's."""
    if not re.fullmatch(r"[Gg][Xx]\d{0,4}", s.strip()):
        return
    from .engine import registry

    if not any(c.startswith(s.strip().upper()) for c in registry()):
        raise ConfigError(f"{_where(path, key)}: 没有这条规则 (no such rule): {s!r}{suggest(s)}")


def _selectors(path: str, key: str, v: Any) -> tuple[str, ...]:
    out: list[str] = []
    for s in _str_list(path, key, v):
        out.extend(_selector(path, key, s))
    return tuple(out)


def parse_table(table: dict, path: str) -> dict[str, Any]:
    """Validate a gxlint table; returns Settings field values (only the keys given)."""
    out: dict[str, Any] = {}
    for raw_key, v in table.items():
        k = _canon_key(str(raw_key))
        if k not in KEYS:
            raise ConfigError(
                f"{_where(path, str(raw_key))}: 未知配置项 (unknown key {str(raw_key)!r}); "
                f"可用 (known keys): {', '.join(KEYS)}"
            )
        if k in ("select", "ignore", "extend-select"):
            sel = _selectors(path, k, v)
            out[k.replace("-", "_")] = sel or (("ALL",) if k == "select" else ())
        elif k == "severity":
            if not isinstance(v, dict):
                raise ConfigError(f'{_where(path, k)}: 应为表，如 {{ GX306 = "error" }} (expected a table)')
            sev: dict[str, Severity] = {}
            # families first, then prefixes, then single rules: the more specific wins in Settings
            for sel, level in v.items():
                try:
                    s = Severity.parse(level)
                except (ValueError, TypeError):
                    raise ConfigError(
                        f"{_where(path, 'severity.' + str(sel))}: 未知严重程度 (unknown severity) {level!r}; "
                        "error, warning, information, hint"
                    ) from None
                _known_code(path, f"severity.{sel}", str(sel))
                for expanded in _selector(path, f"severity.{sel}", str(sel)):
                    sev[expanded] = s
            out["severity"] = sev
        elif k == "per-file-ignores":
            if not isinstance(v, dict):
                raise ConfigError(f'{_where(path, k)}: 应为表，如 {{ "drafts/*.txt" = ["GX5"] }} (expected a table)')
            pfi: dict[str, tuple[str, ...]] = {}
            for pattern, codes in v.items():
                pfi[str(pattern)] = _selectors(path, f"per-file-ignores.{pattern}", codes)
            out["per_file_ignores"] = pfi
        elif k == "template":
            if v not in ("v2019", "v2021"):
                raise ConfigError(f'{_where(path, k)}: 应为 "v2019" 或 "v2021" (expected v2019 or v2021), 不是 {v!r}')
            out["template"] = v
        elif k == "year":
            if not isinstance(v, int) or isinstance(v, bool) or not 2000 <= v <= 2100:
                raise ConfigError(f"{_where(path, k)}: 应为年份整数 (expected a year), 不是 {v!r}")
            out["year"] = v
        elif k == "organ-level":
            if v not in ("department", "government", "township"):
                raise ConfigError(f"{_where(path, k)}: 应为 department、government 或 township, 不是 {v!r}")
            out["organ_level"] = v
        elif k == "lang":
            if v not in ("zh", "en"):
                raise ConfigError(f'{_where(path, k)}: 应为 "zh" 或 "en" (expected zh or en), 不是 {v!r}')
            out["lang"] = v
        elif k in ("include", "exclude"):
            out[k] = _str_list(path, k, v)
        elif k == "max-bytes":
            if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
                raise ConfigError(f"{_where(path, k)}: 应为正整数 (expected a positive integer), 不是 {v!r}")
            out["max_bytes"] = v
        elif k == "township-deadline":
            m = re.fullmatch(r"(\d{2})-(\d{2})", str(v)) if isinstance(v, str) else None
            # a day that exists (02-29 does, in leap years; 02-31 and 04-31 never do)
            if not m or not (
                1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= calendar.monthrange(2000, int(m.group(1)))[1]
            ):
                raise ConfigError(f'{_where(path, k)}: 应为 "MM-DD"，如 "03-31" (expected MM-DD), 不是 {v!r}')
            out["township_deadline"] = v
        elif k == "lint-all":
            if not isinstance(v, bool):
                raise ConfigError(f"{_where(path, k)}: 应为 true 或 false (expected a boolean), 不是 {v!r}")
            out["lint_all"] = v
        elif k == "organs":
            if not isinstance(v, dict) or not all(
                isinstance(a, str) and isinstance(b, str) and a.strip() and b.strip() for a, b in v.items()
            ):
                raise ConfigError(
                    f'{_where(path, k)}: 应为表，如 {{ "某某县政府办" = "某某县人民政府办公室" }}'
                    " (expected a table of organ names)"
                )
            out["organs"] = {str(a).strip(): str(b).strip() for a, b in v.items()}
        elif k == "report":
            out["report"] = _report_table(path, v)
        elif k == "blank-as-zero":
            if not isinstance(v, bool):
                raise ConfigError(f"{_where(path, k)}: 应为 true 或 false (expected a boolean), 不是 {v!r}")
            out["blank_as_zero"] = v
    return out


def _report_table(path: str, v: Any) -> dict[str, Any]:
    """``[tool.gxlint.report]``: the reviewer's office, the letters' date, document number, contact
    and letter template (a path relative to the configuration file)."""
    if not isinstance(v, dict):
        raise ConfigError(f"{_where(path, 'report')}: 应为表 [tool.gxlint.report] (expected a table)")
    out: dict[str, Any] = {}
    for raw_key, value in v.items():
        k = _canon_key(str(raw_key))
        if k not in REPORT_KEYS:
            raise ConfigError(
                f"{_where(path, 'report.' + str(raw_key))}: 未知配置项 (unknown key {str(raw_key)!r}); "
                f"可用 (known keys): {', '.join(REPORT_KEYS)}"
            )
        if k == "date":
            import datetime as _dt

            if isinstance(value, _dt.date) or (isinstance(value, str) and value.strip()):
                from .report.letter import LetterError, parse_date

                try:
                    parse_date(value, _where(path, "report.date"))
                except LetterError as exc:
                    raise ConfigError(str(exc)) from None
                out[k] = value if isinstance(value, str) else value.isoformat()
                continue
            raise ConfigError(f'{_where(path, "report.date")}: 应为日期，如 "2024-03-01" 或 "today" (expected a date)')
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{_where(path, 'report.' + k)}: 应为非空字符串 (expected a string), 不是 {value!r}")
        if k == "letter-template":
            value = value if os.path.isabs(value) else os.path.join(os.path.dirname(os.path.abspath(path)), value)
        out[k] = value.strip()
    return out


_settings_cache: dict[tuple, tuple] = {}


def load(path: str, base: Optional[Settings] = None) -> Settings:
    """Settings of one configuration file, laid over ``base`` (defaults when None)."""
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: 配置文件不存在 (no such configuration file)")
    values = parse_table(raw_table(path), path)
    s = base or Settings()
    if "ignore" in values and base is not None:
        values["ignore"] = tuple(base.ignore) + values["ignore"]
    if "severity" in values and base is not None and base.severity:
        values["severity"] = {**base.severity, **values["severity"]}
    return replace(s, source=path, **values)


# --- per file --------------------------------------------------------------------------


def _rel_to(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def glob_match(rel: str, pattern: str) -> bool:
    """``pattern`` against a path relative to the config file's directory.  A pattern without
    a slash also matches the file name in any directory; ``**/`` matches zero or more dirs."""
    pattern = pattern.replace("\\", "/").removeprefix("./")
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    if pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:]):
        return True
    if "/" not in pattern.rstrip("/") and fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], pattern):
        return True
    if pattern.endswith("/**") and (rel + "/").startswith(pattern[:-2]):
        return True
    return False


def apply_file(settings: Settings, path: Optional[str]) -> Settings:
    """Fold the per-file ignores that match ``path`` into ``ignore`` (globs relative to the
    directory of the config file the settings came from; the working directory otherwise)."""
    if not path or path == "-" or not settings.per_file_ignores:
        return settings
    root = os.path.dirname(settings.source) if settings.source else os.getcwd()
    rel = _rel_to(path, root)
    extra: list[str] = []
    for pattern, codes in settings.per_file_ignores.items():
        if glob_match(rel, pattern):
            extra.extend(codes)
    return replace(settings, ignore=tuple(settings.ignore) + tuple(extra), per_file_ignores={})


def is_excluded(settings: Settings, path: str) -> bool:
    """Whether a file found by walking a directory is left out by include/exclude."""
    root = os.path.dirname(settings.source) if settings.source else os.getcwd()
    rel = _rel_to(path, root)
    name = rel.rsplit("/", 1)[-1]
    low = name.lower()  # REPORT.DOCX is a .docx
    if not any(
        glob_match(rel, p) or fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(low, p) for p in settings.include
    ):
        return True
    return any(glob_match(rel, p) for p in settings.exclude)


def config_for(path: Optional[str], explicit: Optional[str] = None) -> Optional[str]:
    if explicit:
        return os.path.abspath(explicit)
    if not path or path == "-":
        return find_config(os.getcwd())
    return find_config(path)


def settings_for_file(
    path: Optional[str], base: Optional[Settings] = None, *, config: Optional[str] = None, fold: bool = True
) -> Settings:
    """The settings that apply to ``path``: its nearest config file (walking up from it; the
    working directory for None/stdin) laid over ``base``, per-file ignores folded in.

    The language server and the CLI both call this, so the editor and the pipeline agree.
    ``config`` names a config file to use instead of searching.  Raises :class:`ConfigError`.
    """
    cfg = config_for(path, config)
    if cfg is None:
        s = base or Settings()
    else:
        key = (cfg, id(base) if base is not None else None)
        st = os.stat(cfg) if os.path.exists(cfg) else None
        hit = _settings_cache.get(key)
        stamp = (st.st_mtime_ns, st.st_size) if st else None
        if hit is not None and hit[1] == stamp and (base is None or hit[2] is base):
            s = hit[0]
        else:
            s = load(cfg, base)
            if len(_settings_cache) > 256:  # an editor may pass a new base per request: stay bounded
                _settings_cache.clear()
            _settings_cache[key] = (s, stamp, base)
    return apply_file(s, path) if fold else s


def describe(settings: Settings) -> dict[str, Any]:
    """The resolved settings as plain data (for --show-settings)."""
    out = {
        "config": settings.source,
        "select": list(settings.select),
        "extend-select": list(settings.extend_select),
        "ignore": list(settings.ignore),
        "severity": {k: v.label for k, v in settings.severity.items()},
        "template": settings.template,
        "year": settings.year,
        "organ-level": settings.organ_level,
        "township-deadline": settings.township_deadline,
        "lang": settings.lang,
        "include": list(settings.include),
        "exclude": list(settings.exclude),
        "max-bytes": settings.max_bytes,
        "blank-as-zero": settings.blank_as_zero,
        "lint-all": settings.lint_all,
        "organs": dict(settings.organs),
    }
    if settings.report:
        out["report"] = dict(settings.report)
    return out
