"""The table reader is a one-way pipeline (gxlint/parse/tables/): every module imports only from the
modules before it, every import stands at the top of its module, and no private name crosses a
module.  Read from the source (ast), so a new upward or function-level import fails here."""

from __future__ import annotations

import ast
import os

from seedutil import ROOT

PKG = os.path.join(ROOT, "gxlint", "parse", "tables")
ORDER = ["specs", "numbers", "tokens", "rows", "headers", "repairs.pdf", "repairs.flatten", "assemble"]


def _module_file(name: str) -> str:
    return os.path.join(PKG, *name.split(".")) + ".py"


def _resolve(mod: str, node: ast.ImportFrom) -> str:
    """The dotted name (relative to gxlint.parse.tables) an ImportFrom in module ``mod`` reads from,
    or "" when it reads from outside the package."""
    if node.level == 0:
        prefix = "gxlint.parse.tables."
        return node.module[len(prefix) :] if node.module and node.module.startswith(prefix) else ""
    here = ["tables"] + mod.split(".")[:-1]  # the package the module is in
    up = here[: max(0, len(here) - (node.level - 1))]
    if not up or up[0] != "tables":
        return ""
    target = up[1:] + (node.module.split(".") if node.module else [])
    return ".".join(target)


def _imports(mod: str):
    tree = ast.parse(open(_module_file(mod), encoding="utf-8").read())
    top = set(map(id, tree.body))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, id(node) in top


def test_every_stage_exists():
    for mod in ORDER:
        assert os.path.isfile(_module_file(mod)), mod
    listed = {m for m in ORDER}
    for dirpath, _dirs, files in os.walk(PKG):
        for f in files:
            if f.endswith(".py") and f != "__init__.py":
                rel = os.path.relpath(os.path.join(dirpath, f), PKG)[:-3].replace(os.sep, ".")
                assert rel in listed, f"{rel}: a module of the table reader that is not in the pipeline's order"


def test_imports_point_down_and_stand_at_the_top():
    for k, mod in enumerate(ORDER):
        below = set(ORDER[:k]) | {"repairs"}
        for node, at_top in _imports(mod):
            assert at_top or (isinstance(node, ast.ImportFrom) and node.module == "__future__"), (
                f"{mod}: import inside a function, line {node.lineno}"
            )
            if not isinstance(node, ast.ImportFrom):
                continue
            target = _resolve(mod, node)
            if not target:
                continue
            names = [target + "." + a.name for a in node.names] if target == "repairs" else [target]
            for name in names:
                assert name in below, f"{mod} imports {name} (line {node.lineno}): not a stage before it"
            for a in node.names:
                assert not a.name.startswith("_"), f"{mod} imports the private name {a.name} from {target}"


def test_the_check_would_catch_an_upward_import(tmp_path):
    # the resolver sees through relative levels: rows importing assemble is upward
    node = ast.parse("from .assemble import parse_t3").body[0]
    assert _resolve("rows", node) == "assemble"
    node = ast.parse("from ..rows import Match").body[0]
    assert _resolve("repairs.pdf", node) == "rows"
    node = ast.parse("from ...model import Row").body[0]
    assert _resolve("rows", node) == ""
