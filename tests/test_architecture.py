"""The import contract (docs/en/architecture.md): imports run one way, down the layers.

    front ends (cli, lsp, mcp) → engine → rules → rules API (gxlint.api, gxlint.rule) → model/parse/read → base

Every ``import`` of every module is read with :mod:`ast` — also those inside functions and under
``TYPE_CHECKING`` — and held to four rules:

1. a module may import its own layer and the layers below it, never one above;
2. no module inside ``gxlint/`` imports ``gxlint.api`` (the rules' facade re-exports what lives
   below it; the package itself imports the real place);
3. a rule (``rules/``, installed as ``gxlint.rules``) imports nothing of gxlint but ``gxlint.api``,
   and only the engine (its registry) imports the rules;
4. a front end imports no other front end — the one exception is the ``gxlint lsp`` command,
   which starts the language server.

``test_a_planted_upward_import_is_caught`` plants violations in a copy of the sources to show
that the check can fail.
"""

from __future__ import annotations

import ast
import functools
import os

from seedutil import ROOT

# lowest first; a module belongs to the layer of the longest prefix that names it
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "base",
        (
            "gxlint",  # the package itself: __version__
            "gxlint.errors",
            "gxlint.families",
            "gxlint.guard",
            "gxlint.i18n",
            "gxlint.io",
            "gxlint.lexicon",
            "gxlint.pool",
            "gxlint.positions",
            "gxlint.reportkind",
            "gxlint.templates",
        ),
    ),
    (
        "model",
        (
            "gxlint.model",
            "gxlint.diagnostics",
            "gxlint.config",
            "gxlint.read",
            "gxlint.parse",
            "gxlint.identities",
            "gxlint.certainty",
            "gxlint.across",
            "gxlint.across.index",
            "gxlint.across.organ",
            "gxlint.across.compare",
            "gxlint.synth",
        ),
    ),
    ("rules API", ("gxlint.rule", "gxlint.api")),
    ("rules", ("gxlint.rules",)),
    (
        "engine",
        (
            "gxlint.engine",
            "gxlint.configfile",
            "gxlint.baseline",
            "gxlint.fixes",
            "gxlint.batch",
            "gxlint.files",
            "gxlint.resolve",
            "gxlint.across.run",
            "gxlint.across.compare_cli",
            "gxlint.across.compare_html",
            "gxlint.output",
            "gxlint.report",
            "gxlint.docs",
            "gxlint.testing",
            "gxlint.fuzz",
        ),
    ),
    ("front ends", ("gxlint.cli", "gxlint.lsp", "gxlint.mcp", "gxlint.__main__")),
]
FRONT_ENDS = ("gxlint.cli", "gxlint.lsp", "gxlint.mcp")
# a front end that imports another: only the command line, which starts the servers
LAUNCHES = {("gxlint.cli", "gxlint.lsp"), ("gxlint.cli", "gxlint.mcp")}


def layer_of(module: str) -> int:
    best, rank = -1, -1
    for i, (_name, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > best:
                best, rank = len(p), i
    return rank


def sources() -> dict[str, tuple[str, str]]:
    """module name → (path, source) for gxlint/ and rules/ (as gxlint.rules)."""
    out = {}
    for folder, package in (("gxlint", "gxlint"), ("rules", "gxlint.rules")):
        base = os.path.join(ROOT, folder)
        for dirpath, dirs, files in os.walk(base):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for f in files:
                if not f.endswith(".py"):
                    continue
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, base)[:-3].replace(os.sep, ".")
                name = package if rel == "__init__" else package + "." + rel.removesuffix(".__init__")
                with open(path, encoding="utf-8") as fh:
                    out[name] = (path, fh.read())
    return out


@functools.lru_cache(maxsize=None)
def imports(module: str, path: str, source: str, known: frozenset[str]) -> list[tuple[int, str]]:
    """(line, module imported) for every gxlint import of a module, relative ones resolved."""
    package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(source, path)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "gxlint"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target.split(".")[0] != "gxlint":
                continue
            subs = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known]
            out += [(node.lineno, s) for s in subs] if subs else [(node.lineno, target)]
    return out


def violations(srcs: dict[str, tuple[str, str]]) -> list[str]:
    known = frozenset(srcs)
    out = []
    for module, (path, source) in sorted(srcs.items()):
        where = os.path.relpath(path, ROOT)
        mine = layer_of(module)
        if mine < 0:
            out.append(f"{where}: {module} is in no layer (add it to LAYERS in tests/test_architecture.py)")
            continue
        is_rule = module == "gxlint.rules" or module.startswith("gxlint.rules.")
        for line, target in imports(module, path, source, known):
            if target == module:
                continue
            if is_rule:
                if target != "gxlint.api":
                    out.append(f"{where}:{line}: a rule imports {target}; rules import gxlint.api only")
                continue
            if target == "gxlint.api":
                out.append(f"{where}:{line}: {module} imports gxlint.api; import from where the name lives")
                continue
            if (target == "gxlint.rules" or target.startswith("gxlint.rules.")) and module != "gxlint.engine":
                out.append(f"{where}:{line}: {module} imports {target}; the rules are reached through the registry")
                continue
            theirs = layer_of(target)
            if theirs > mine:
                out.append(
                    f"{where}:{line}: {module} ({LAYERS[mine][0]}) imports {target} ({LAYERS[theirs][0]}), "
                    "a layer above it"
                )
            front_mine = next((f for f in FRONT_ENDS if module == f or module.startswith(f + ".")), None)
            front_theirs = next((f for f in FRONT_ENDS if target == f or target.startswith(f + ".")), None)
            if front_mine and front_theirs and front_mine != front_theirs and (module, front_theirs) not in LAUNCHES:
                out.append(f"{where}:{line}: the front end {module} imports another front end, {target}")
    return out


def test_imports_run_down_the_layers():
    found = violations(sources())
    assert not found, "\n".join(found)


def test_every_layer_names_modules_that_exist():
    srcs = sources()
    for name, prefixes in LAYERS:
        for p in prefixes:
            assert any(m == p or m.startswith(p + ".") for m in srcs), f"{name}: {p} does not exist"


def test_a_planted_upward_import_is_caught():
    """The check fails on each kind of violation planted in a copy of the sources."""
    srcs = sources()

    def plant(module: str, line: str) -> list[str]:
        planted = dict(srcs)
        path, source = planted[module]
        planted[module] = (path, source + "\n" + line + "\n")
        return [v for v in violations(planted) if v not in before]

    before = violations(srcs)

    up = plant("gxlint.parse.normalize", "from ..engine import lint")
    assert len(up) == 1 and "gxlint.engine (engine), a layer above it" in up[0], up
    inside = plant("gxlint.parse.normalize", "def _later():\n    from gxlint.cli.check import CheckRun")
    assert len(inside) == 1 and "(front ends), a layer above it" in inside[0], inside
    facade = plant("gxlint.engine", "from .api import Rule")
    assert len(facade) == 1 and "imports gxlint.api" in facade[0], facade
    rule = plant("gxlint.rules.arithmetic.row_total_mismatch", "from gxlint.identities import all_identities")
    assert len(rule) == 1 and "rules import gxlint.api only" in rule[0], rule
    front = plant("gxlint.lsp.workspace", "from ..cli.check import CheckRun")
    assert front and any("another front end" in v for v in front), front
    direct = plant("gxlint.output.text", "from ..rules.arithmetic import row_total_mismatch")
    assert direct and "through the registry" in direct[0], direct
