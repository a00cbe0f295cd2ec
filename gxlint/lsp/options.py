"""Editor settings of the language server: what the client sends, validated, as lint Settings.

The settings come from ``initializationOptions`` and from ``workspace/configuration`` (section
``gxlint``) or, for clients without it, from ``workspace/didChangeConfiguration``.  Later sources
win key by key.  Keys may be written camelCase, snake_case or kebab-case (``lintAllDocuments``,
``lint_all_documents``, ``lint-all-documents``); an object nested under ``gxlint`` or
``settings`` is unwrapped.

Keys (all optional):

- ``select``, ``extendSelect``, ``ignore`` — codes, prefixes or names (list or comma-separated)
- ``severity`` — ``{"GX3": "warning", "GX604": "hint"}``
- ``lang`` — ``zh`` (default) or ``en``; ``template`` — ``v2019``/``v2021``; ``year``; ``organLevel``
- ``townshipDeadline`` — ``MM-DD``: a local publication deadline for 乡镇/街道 (as ``township-deadline``
  in the configuration file)
- ``lintAllDocuments`` — lint every plain-text/Markdown document, not only the ones that look
  like an annual report (a title, or headings of the report's sections).  Default false.
- ``debounceMs`` — a change within this many milliseconds of the previous one waits this long
  after the last of them before linting; a change after a quiet spell is linted at once (default 75)
- ``maxBytes`` — documents larger than this (UTF-8 bytes, default 2 000 000) are not linted;
  one diagnostic says why
- ``largeDocumentBytes`` — above this size (default 200 000) a document is linted in a child
  process that is stopped when a newer version arrives; ``lintTimeoutMs`` (default 60 000) stops
  a lint that runs longer (the document then gets a GX001 "timed out" diagnostic)
- ``threadBudgetMs`` — a lint in the server's threads that runs longer than this (default 2 000)
  is stopped at its next step and done again in a child process, and that document is linted in a
  child process from then on: one slow document never holds up the others
- ``docsBaseUrl`` — where ``codeDescription.href`` points: ``{docsBaseUrl}{CODE}.md``
  (default :data:`DOCS_BASE_URL`, the rule pages under docs/rules/ of the repository)
- ``diagnosticMode`` — ``auto`` (pull when the client supports textDocument/diagnostic, else
  push), ``push`` or ``pull``
- ``run`` — ``onType`` (default) or ``onSave``: when a client that takes pushed diagnostics gets
  them (a client that pulls them decides when it asks)
- ``logTiming`` — log the change → diagnostics latency of every publish (window/logMessage)
- ``crossReport`` — (default true) a report's diagnostics include the cross-report ones (GX7)
  against the workspace's other reports of the same organ (see :mod:`gxlint.lsp.workspace`)
- ``publishClosedFiles`` — (default false) also publish the diagnostics of the workspace's
  reports that are not open (push mode; in pull mode ``workspace/diagnostic`` lists them)

A project configuration file (``gxlint.toml`` / ``[tool.gxlint]``), when ``gxlint.configfile``
provides ``settings_for_file(path, base)``, is the base the editor settings are laid over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..config import Settings

DOCS_BASE_URL = "https://github.com/gxlint/gxlint/blob/main/docs/rules/"
DEFAULT_DEBOUNCE_MS = 75
DEFAULT_MAX_BYTES = 2_000_000
DEFAULT_PROCESS_BYTES = 200_000
DEFAULT_LINT_TIMEOUT_MS = 60_000
DEFAULT_THREAD_BUDGET_MS = 2_000

_LINT_KEYS = {
    "select": "select",
    "extendselect": "extend_select",
    "ignore": "ignore",
    "severity": "severity",
    "lang": "lang",
    "language": "lang",
    "template": "template",
    "year": "year",
    "organlevel": "organ_level",
    "townshipdeadline": "township_deadline",
}


def _norm_key(k: str) -> str:
    return str(k).replace("-", "").replace("_", "").lower()


def flatten(raw: Any) -> dict[str, Any]:
    """The settings object of a client message, unwrapped and with normalised keys."""
    if not isinstance(raw, dict):
        return {}
    for wrapper in ("gxlint", "settings"):
        inner = raw.get(wrapper)
        if isinstance(inner, dict):
            raw = {**{k: v for k, v in raw.items() if k != wrapper}, **inner}
    return {_norm_key(k): v for k, v in raw.items() if v is not None}


@dataclass(frozen=True)
class ServerOptions:
    settings: Settings = field(default_factory=Settings)
    lint_all: bool = False
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    max_bytes: int = DEFAULT_MAX_BYTES
    process_bytes: int = DEFAULT_PROCESS_BYTES
    lint_timeout_ms: int = DEFAULT_LINT_TIMEOUT_MS
    thread_budget_ms: int = DEFAULT_THREAD_BUDGET_MS
    docs_base_url: str = DOCS_BASE_URL
    diagnostic_mode: str = "auto"
    log_timing: bool = False
    run: str = "onType"  # onType / onSave: when a push-mode client gets diagnostics
    cross_report: bool = True  # GX7 with the workspace's other reports (lsp/workspace.py)
    closed_files: bool = False  # publish the diagnostics of reports not open (push mode)
    lint_opts: tuple = ()  # the lint options as given, for per-file settings
    problems: tuple[str, ...] = ()  # settings that were rejected, for a message

    def settings_for(self, path: Optional[str]) -> Settings:
        """The lint settings for one document: project config file (if any) + editor settings."""
        base = project_settings(path)
        if base is None:
            return self.settings
        if not self.lint_opts:
            return base
        try:
            return Settings.from_options(base, **dict(self.lint_opts))
        except ValueError:
            return self.settings


def project_settings(path: Optional[str]) -> Optional[Settings]:
    """Settings from the project's configuration file, when gxlint.configfile can find one."""
    if not path:
        return None
    try:
        from .. import configfile  # the pipelines work provides it; optional
    except ImportError:
        return None
    fn = getattr(configfile, "settings_for_file", None)
    if fn is None:
        return None
    try:
        return fn(path, _BASE)
    except Exception as exc:  # a broken config file must not stop the editor's linting
        import logging

        logging.getLogger("gxlint.lsp").warning("configuration for %s ignored: %s", path, exc)
        return None


_BASE = Settings()  # one object, so that configfile's cache (keyed by the base) hits


def _bool(v: Any) -> bool:
    if isinstance(v, str):
        return v.strip().lower() in ("1", "true", "yes", "on")
    return bool(v)


def parse_options(*sources: Any) -> ServerOptions:
    """Merge the settings objects (later wins), validate each key, build the options."""
    merged: dict[str, Any] = {}
    for s in sources:
        merged.update(flatten(s))
    problems: list[str] = []
    lint_opts: dict[str, Any] = {}
    for k, v in merged.items():
        name = _LINT_KEYS.get(k)
        if name is None:
            continue
        if v is None or (isinstance(v, (str, list, tuple, dict)) and not v):
            continue  # an empty editor setting means "not set": the project's config stands
        try:
            if name == "year":
                v = int(v)
            if name == "severity" and not isinstance(v, dict):
                raise ValueError("severity must be an object {CODE: level}")
            Settings.from_options(None, **{name: v})  # validate this key alone
            lint_opts[name] = v
        except (ValueError, TypeError) as exc:
            problems.append(f"{k}: {exc}")
    settings = Settings.from_options(None, **lint_opts) if lint_opts else Settings()
    kw: dict[str, Any] = {}

    def _mode(v: Any) -> str:
        mode = str(v).lower()
        if mode not in ("auto", "push", "pull"):
            raise ValueError(f"{v!r} (auto, push, pull)")
        return mode

    def _run(v: Any) -> str:
        mode = {"ontype": "onType", "onsave": "onSave"}.get(str(v).replace("_", "").replace("-", "").lower())
        if mode is None:
            raise ValueError(f"{v!r} (onType, onSave)")
        return mode

    def _url(v: Any) -> str:
        if not str(v).strip():
            raise ValueError("empty")
        return str(v).strip()

    conv = {
        "lintalldocuments": ("lint_all", _bool),
        "debouncems": ("debounce_ms", lambda v: max(0, min(int(v), 5000))),
        "maxbytes": ("max_bytes", lambda v: max(0, int(v))),
        "largedocumentbytes": ("process_bytes", lambda v: max(0, int(v))),
        "linttimeoutms": ("lint_timeout_ms", lambda v: max(100, int(v))),
        "threadbudgetms": ("thread_budget_ms", lambda v: max(50, int(v))),
        "docsbaseurl": ("docs_base_url", _url),
        "diagnosticmode": ("diagnostic_mode", _mode),
        "logtiming": ("log_timing", _bool),
        "run": ("run", _run),
        "crossreport": ("cross_report", _bool),
        "publishclosedfiles": ("closed_files", _bool),
    }
    for key, (name, fn) in conv.items():
        if key in merged:
            try:
                kw[name] = fn(merged[key])
            except (ValueError, TypeError) as exc:
                problems.append(f"{key}: {exc}")
    return ServerOptions(
        settings=settings,
        lint_opts=tuple(sorted(lint_opts.items(), key=lambda kv: kv[0])),
        problems=tuple(problems),
        **kw,
    )
