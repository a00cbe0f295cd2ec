"""Finds the rules, applies the settings, walks the document once, isolates failures.

Every front end calls :func:`lint` (text) or :func:`lint_path` / :func:`lint_bytes` (files), so
the editor and the pipeline can never disagree.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import pkgutil
import sys
import traceback
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from . import guard
from .config import Settings
from .diagnostics import Diagnostic, Edit, Fix, Related, Severity
from .model import Document, Span
from .rule import Context, Rule

ENTRY_POINT_GROUP = "gxlint.rules"
HOOKS = ("on_document", "on_section", "on_table", "on_claim")


@dataclass
class Result:
    path: Optional[str]
    diagnostics: list[Diagnostic]
    template: Optional[str] = None
    report_year: Optional[int] = None
    doc: Optional[Document] = None
    text: Optional[str] = None  # the decoded text (None when unreadable)
    encoding: Optional[str] = None  # how the file was decoded
    newline: Optional[str] = None
    bom: bool = False
    meta: dict = field(default_factory=dict)


# the wire form of a result: what crosses from a worker process (gxlint.batch) and what the
# year-to-year step spools to disk (gxlint.across.run)


def pack(res: Result) -> tuple:
    """A result as plain tuples: pickling dataclass instances one by one is slow (a document-wide
    fix can carry thousands of edits), plain tuples cross the process boundary ~10x faster."""
    diags = []
    for d in res.diagnostics:
        fix = None
        if d.fix is not None:
            fix = (d.fix.message, d.fix.safe, [(e.start, e.end, e.new_text) for e in d.fix.edits])
        diags.append(
            (
                d.code,
                d.name,
                int(d.severity),
                d.message,
                d.span.start,
                d.span.end,
                [(r.span.start, r.span.end, r.message) for r in d.related],
                fix,
                d.data,
                d.rule,
            )
        )
    return (res.path, diags, res.template, res.report_year, res.text, res.encoding, res.newline, res.bom, res.meta)


def unpack(t: tuple) -> Result:
    """The result :func:`pack` made plain, as a :class:`Result` again."""
    path, diags, template, year, text, encoding, newline, bom, meta = t
    out = []
    for code, name, sev, message, a, b, related, fix, data, rule in diags:
        f = None
        if fix is not None:
            f = Fix(fix[0], tuple(Edit(s, e, n) for s, e, n in fix[2]), fix[1])
        out.append(
            Diagnostic(
                code,
                name,
                Severity(sev),
                message,
                Span(a, b),
                [Related(Span(s, e), m) for s, e, m in related],
                f,
                data,
                rule,
            )
        )
    return Result(path, out, template, year, None, text=text, encoding=encoding, newline=newline, bom=bom, meta=meta)


# --- registry ------------------------------------------------------------------------


class RegistryError(Exception):
    pass


def _rule_classes(module) -> list[type[Rule]]:
    out = []
    for _name, obj in inspect.getmembers(module, inspect.isclass):
        if issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__ and obj.code:
            out.append(obj)
    return out


def _register(cls: type[Rule], module, found: dict[str, type[Rule]], origin: str) -> None:
    if cls.code in found and found[cls.code] is not cls:
        raise RegistryError(f"rule code {cls.code} defined twice ({found[cls.code].module} and {module.__name__})")
    cls.module = module.__name__
    cls.doc = inspect.cleandoc(module.__doc__ or cls.__doc__ or "")
    found[cls.code] = cls


def _rules_package():
    """``gxlint.rules``: installed from the top-level rules/ folder by setup.py's package_dir.

    Run from a source checkout (``python -m gxlint`` at the repository root) the local gxlint/
    folder is imported instead of the installed package, and it has no rules/ inside: load the
    checkout's rules/ as gxlint.rules then, so the checkout behaves as installed."""
    try:
        # mapped from the top-level rules/ by setup.py (mypy checks that folder as `rules`)
        import gxlint.rules as pkg  # type: ignore[import-not-found]

        return pkg
    except ModuleNotFoundError as exc:
        if exc.name != "gxlint.rules":
            raise
    import importlib.util
    import os

    src = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rules")
    init = os.path.join(src, "__init__.py")
    if not os.path.isfile(init):
        raise RegistryError("the built-in rules (gxlint.rules) are missing: reinstall gxlint")
    spec = importlib.util.spec_from_file_location("gxlint.rules", init, submodule_search_locations=[src])
    pkg = importlib.util.module_from_spec(spec)
    sys.modules["gxlint.rules"] = pkg
    spec.loader.exec_module(pkg)
    return pkg


@functools.lru_cache(maxsize=1)
def registry() -> dict[str, type[Rule]]:
    """code → rule class: built-ins from scanning ``gxlint.rules``, then entry-point packs."""
    pkg = _rules_package()

    found: dict[str, type[Rule]] = {}
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        guard.protect(vars(module))  # its patterns run under the regex budget
        for cls in _rule_classes(module):
            _register(cls, module, found, "builtin")
    for ep in _entry_points():
        try:
            obj = ep.load()
        except Exception as exc:  # a broken third-party pack must not stop the built-ins
            print(f"gxlint: could not load rule pack {ep.name!r}: {exc}", file=sys.stderr)
            continue
        if inspect.ismodule(obj):
            mods = [obj]
            if hasattr(obj, "__path__"):
                mods += [
                    importlib.import_module(i.name)
                    for i in pkgutil.walk_packages(obj.__path__, obj.__name__ + ".")
                    if not i.ispkg
                ]
            for m in mods:
                guard.protect(vars(m))
                for cls in _rule_classes(m):
                    _register(cls, m, found, ep.name)
        elif inspect.isclass(obj) and issubclass(obj, Rule):
            _register(obj, sys.modules[obj.__module__], found, ep.name)
    return dict(sorted(found.items()))


def _installed_path(path: Optional[list] = None) -> list[str]:
    """The folders rule packs may come from: ``sys.path`` without the working directory.

    ``python -m gxlint`` (and ``python -c``, or an empty entry in PYTHONPATH) puts the current
    directory on ``sys.path``; a checked folder that holds ``x.dist-info/entry_points.txt`` would
    then register a "rule pack" and have its module imported.  Packs come only from the
    environment gxlint runs in: site-packages, the user site, and folders named explicitly."""
    try:
        here = os.path.realpath(os.getcwd())
    except OSError:  # the working directory was removed
        here = None
    out = []
    for p in sys.path if path is None else path:
        if not isinstance(p, str) or not p or p == ".":
            continue
        try:
            if here is not None and os.path.realpath(p) == here:
                continue
        except (OSError, ValueError):
            continue
        out.append(p)
    return out


def _entry_points():
    """The ``gxlint.rules`` entry points of the distributions installed on :func:`_installed_path`
    (one per distribution name, the first on the path winning, as ``importlib.metadata`` does)."""
    from importlib.metadata import distributions

    seen: set[str] = set()
    out = []
    for dist in distributions(path=_installed_path()):
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        out.extend(ep for ep in dist.entry_points if ep.group == ENTRY_POINT_GROUP)
    return out


def find_rule(code_or_name: str) -> Optional[type[Rule]]:
    reg = registry()
    c = code_or_name.strip()
    if c.upper() in reg:
        return reg[c.upper()]
    for cls in reg.values():
        if cls.name == c:
            return cls
    return None


@functools.lru_cache(maxsize=1)
def _check_codes() -> dict[str, str]:
    return {check: cls.code for cls in registry().values() for check in cls.checks}


def check_code(check: str) -> str:
    """The code of the rule that reports a check of the model (``Rule.checks``: an identity's
    :attr:`gxlint.identities.Identity.check`), or "" when no rule does."""
    return _check_codes().get(check, "")


# --- running -------------------------------------------------------------------------


def _engine_rule(code: str) -> type[Rule]:
    cls = registry().get(code)
    if cls is None:  # pragma: no cover - the engine rules ship with gxlint
        raise RegistryError(f"engine rule {code} missing")
    return cls


def engine_diagnostic(code: str, message_id: str, span: Span, settings: Settings, **kwargs) -> Diagnostic:
    cls = _engine_rule(code)
    rule = cls(settings)
    sink: list[Diagnostic] = []
    ctx = Context(None, settings, rule, settings.severity_for(cls.code, cls.name, cls.severity), sink)
    return ctx.report(message_id, span, **kwargs)


def active_rules(settings: Settings, path: Optional[str] = None) -> list[Rule]:
    out = []
    for code, cls in registry().items():
        if cls.emitted_by_engine:
            continue
        if settings.is_enabled(code, cls.name, path):
            out.append(cls(settings))
    return out


def lint(
    text: str,
    path: Optional[str] = None,
    settings: Optional[Settings] = None,
    *,
    rules: Optional[Iterable[Rule]] = None,
    index=None,
    native: Sequence[tuple[int, int]] = (),
) -> Result:
    """Lint a decoded text.  Never raises for a rule's failure (GX001) or bad input.

    ``index`` (a :class:`gxlint.across.Index` of other reports): also run the cross-report rules
    (``on_index``) with this report entered in it.  ``native``: where the cells of the document's
    own tables stand in ``text`` (:attr:`gxlint.read.Source.native_cells`)."""
    from .parse import parse

    settings = settings or Settings()
    diags: list[Diagnostic] = []
    seconds = getattr(settings, "regex_timeout", None) or guard.DEFAULT_SECONDS
    try:
        with guard.budget(seconds):
            try:
                doc = parse(text, path, template=settings.template, year=settings.year, native=native)
            except (TimeoutError, guard.Cancelled):
                raise
            except Exception as exc:  # the parser failing is an internal error of the whole document
                d = engine_diagnostic("GX001", "parser", Span(0, 0), settings, error=_exc_line(exc))
                d.data["traceback"] = traceback.format_exc(limit=8)
                return Result(path, [d] if settings.is_enabled("GX001", "internal-error", path) else [], text=text)
            rule_list = list(rules) if rules is not None else active_rules(settings, path)
            diags.extend(run_rules(doc, rule_list, settings, path))
            if index is not None:
                from .across.index import entry_from_document

                entry = index.add(entry_from_document(doc, path or ""))
                diags.extend(run_index_rules(entry, index, settings, path, doc=doc, rules=rule_list))
    except TimeoutError:  # a pattern ran past the budget (guard.py): the file is not checked
        gx002 = [engine_diagnostic("GX002", "timeout", Span(0, 0), settings, seconds=f"{seconds:g}")]
        return Result(path, gx002 if settings.is_enabled("GX002", "unreadable-input", path) else [], text=text)
    diags.sort(key=Diagnostic.sort_key)
    return Result(path, diags, doc.template, doc.meta.year, doc, text=text)


def run_rules(doc: Document, rule_list: list[Rule], settings: Settings, path: Optional[str] = None) -> list[Diagnostic]:
    """Walk the document once, calling each rule's hooks; a rule that raises becomes GX001."""
    out: list[Diagnostic] = []
    per_rule: list[tuple[Rule, Context, dict]] = []
    for rule in rule_list:
        cls = type(rule)
        sev = settings.severity_for(cls.code, cls.name, cls.severity)
        ctx = Context(doc, settings, rule, sev, [])
        hooks = {h: getattr(rule, h) for h in HOOKS if callable(getattr(rule, h, None))}
        per_rule.append((rule, ctx, hooks))
    failed: dict[int, tuple[BaseException, str]] = {}

    def call(k: int, hook: str, node) -> None:
        if k in failed:
            return
        fn = per_rule[k][2].get(hook)
        if fn is None:
            return
        guard.check()  # the budget spent or the lint no longer wanted: stop here
        try:
            fn(node, per_rule[k][1])
        except (TimeoutError, guard.Cancelled):  # the budget is spent: the whole lint stops (GX002)
            raise
        except Exception as exc:  # isolate: the other rules still run
            failed[k] = (exc, traceback.format_exc(limit=8))

    for k in range(len(per_rule)):
        call(k, "on_document", doc)
    for section in doc.sections:
        for k in range(len(per_rule)):
            call(k, "on_section", section)
    for table in doc.tables.values():
        for k in range(len(per_rule)):
            call(k, "on_table", table)
    for claim in doc.claims:
        for k in range(len(per_rule)):
            call(k, "on_claim", claim)

    gx001_on = settings.is_enabled("GX001", "internal-error", path)
    for k, (rule, ctx, _hooks) in enumerate(per_rule):
        if k in failed and gx001_on:
            exc, tb = failed[k]
            d = engine_diagnostic(
                "GX001", "rule", Span(0, 0), settings, rule=f"{type(rule).code} {type(rule).name}", error=_exc_line(exc)
            )
            d.data["traceback"] = tb
            d.data["failed_rule"] = type(rule).code
            out.append(d)
        out.extend(ctx._sink)  # what a rule reported before it failed is kept
    return out


def run_index_rules(
    entry,
    index,
    settings: Settings,
    path: Optional[str] = None,
    *,
    doc: Optional[Document] = None,
    rules: Optional[Iterable[Rule]] = None,
    names: Optional[Callable[[str], str]] = None,
) -> list[Diagnostic]:
    """The cross-report rules (``on_index``) for one report of the index: what they find points
    into this report (its index entry's offsets).  A rule that raises becomes GX001.  ``names``:
    how messages name another report's file (:meth:`Context.name_of`; the path itself when None)."""
    out: list[Diagnostic] = []
    rule_list = list(rules) if rules is not None else active_rules(settings, path)
    for rule in rule_list:
        fn = getattr(rule, "on_index", None)
        if not callable(fn):
            continue
        cls = type(rule)
        ctx = Context(doc, settings, rule, settings.severity_for(cls.code, cls.name, cls.severity), [], names)
        try:
            fn(entry, index, ctx)
        except (TimeoutError, guard.Cancelled):
            raise
        except Exception as exc:
            if settings.is_enabled("GX001", "internal-error", path):
                d = engine_diagnostic(
                    "GX001", "rule", Span(0, 0), settings, rule=f"{cls.code} {cls.name}", error=_exc_line(exc)
                )
                d.data["traceback"] = traceback.format_exc(limit=8)
                d.data["failed_rule"] = cls.code
                out.append(d)
        out.extend(ctx._sink)
    out.sort(key=Diagnostic.sort_key)
    return out


def _exc_line(exc: BaseException) -> str:
    s = f"{type(exc).__name__}: {exc}"
    return s if len(s) <= 200 else s[:197] + "…"


# --- files ---------------------------------------------------------------------------


def lint_bytes(data: bytes, path: Optional[str] = None, settings: Optional[Settings] = None) -> Result:
    """Lint a file's bytes: the reader for its format (:func:`gxlint.read.read`) gives the text
    view that positions point into; findings in a .docx/.html/.pdf also carry their native
    location in ``data["source"]`` (table/row/cell, page, source line)."""
    from .io import DecodeError
    from .read import read

    settings = settings or Settings()
    try:
        src = read(data, path, max_bytes=settings.max_bytes)
    except DecodeError as exc:
        return _unreadable(path, settings, exc.message_id, **exc.kwargs)
    except Exception as exc:  # a reader's bug or a hostile file: GX002 (the traceback kept in data)
        res = _unreadable(path, settings, "unreadable", error=_exc_line(exc))
        for d in res.diagnostics:
            d.data["traceback"] = traceback.format_exc(limit=8)
        return res
    res = lint(src.text, path, settings, native=src.native_cells)
    res.encoding, res.newline, res.bom = src.encoding, src.newline, src.bom
    if not getattr(src, "certain", True):
        res.meta["uncertain_encoding"] = src.encoding  # checked, but --fix writes nothing into it
    if src.format != "text":
        res.meta["format"] = src.format
        res.meta["fixable"] = src.fixable
        attach_locations(res.diagnostics, src)
    return res


def attach_locations(diags: list[Diagnostic], src) -> None:
    """Store each finding's native location (``Source.locate`` of its start) in ``d.data["source"]``."""
    for d in diags:
        loc = src.locate(d.span.start)
        if loc:
            d.data["source"] = dict(loc)


def _unreadable(path: Optional[str], settings: Settings, message_id: str, **kwargs) -> Result:
    diags = []
    if settings.is_enabled("GX002", "unreadable-input", path):
        diags.append(engine_diagnostic("GX002", message_id, Span(0, 0), settings, **kwargs))
    return Result(path, diags)


def lint_path(path: str, settings: Optional[Settings] = None, display_path: Optional[str] = None) -> Result:
    from .io import DecodeError, read_bytes

    settings = settings or Settings()
    shown = display_path or path
    try:
        data = read_bytes(path, max_bytes=settings.max_bytes)
    except DecodeError as exc:
        diags = []
        if settings.is_enabled("GX002", "unreadable-input", shown):
            diags.append(engine_diagnostic("GX002", exc.message_id, Span(0, 0), settings, **exc.kwargs))
        return Result(shown, diags)
    return lint_bytes(data, shown, settings)
