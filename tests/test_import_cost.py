"""What ``gxlint check one.txt`` imports (issue 24: import cost).  A cold start pays for every
module imported, so checking one text file imports neither the other commands nor the servers nor
the libraries of other formats.  The figure itself is measured by ``benchmarks/run.py --only
cold`` (never asserted here with a clock)."""

from __future__ import annotations

import os
import subprocess
import sys

from seedutil import ROOT

# modules `gxlint check one.txt` does not need: (module, why it is not needed)
NOT_NEEDED = [
    ("gxlint.report", "the reviewer's report (gxlint report)"),
    ("gxlint.across.compare_cli", "gxlint compare"),
    ("gxlint.across.compare_html", "the comparison page"),
    ("gxlint.cli.rules", "gxlint rules / gxlint rule"),
    ("gxlint.cli.show", "gxlint show"),
    ("gxlint.lsp", "the language server"),
    ("gxlint.mcp.server", "the MCP server (only its argument list is read)"),
    ("gxlint.mcp.answers", "the MCP server's tools"),
    ("gxlint.docs", "the rule reference"),
    ("gxlint.synth", "generated reports (tests, benchmarks)"),
    ("gxlint.fuzz", "the fuzzer"),
    ("gxlint.testing", "RuleTester"),
    ("gxlint.read.docx", "a .docx reader, not a .txt"),
    ("gxlint.read.html", "an HTML reader"),
    ("gxlint.read.pdf", "a PDF reader"),
    ("pygls", "the language server's library"),
    ("lsprotocol", "the language server's types"),
    ("mcp", "the MCP SDK"),
    ("lxml", "Word and HTML parsing"),
    ("openpyxl", "spreadsheets"),
    ("docx", "review letters"),
    ("multiprocessing", "worker processes: one file is checked in-process"),
    ("concurrent.futures", "worker processes"),
]


def imported(args: list[str]) -> set[str]:
    """The modules a fresh ``python -X importtime -m gxlint ARGS`` imports."""
    env = dict(os.environ, PYTHONPATH=ROOT)
    p = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "gxlint", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode in (0, 1), p.stderr[-2000:]
    out = set()
    for line in p.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                out.add(name)
    return out


def unneeded(mods: set[str]) -> list[str]:
    return [f"{m} ({why})" for m, why in NOT_NEEDED if any(x == m or x.startswith(m + ".") for x in mods)]


def test_checking_one_text_file_imports_only_what_it_needs():
    mods = imported(["check", os.path.join("examples", "2023-clean-township.txt"), "-q", "--exit-zero"])
    assert "gxlint.engine" in mods and "gxlint.parse" in mods  # the probe sees the run's imports
    found = unneeded(mods)
    assert not found, "gxlint check one.txt imports: " + ", ".join(found)


def test_the_probe_sees_an_unneeded_import():
    """The same probe on ``gxlint rules`` sees gxlint.cli.rules: the check can fail."""
    mods = imported(["rules", "--format", "json"])
    assert any("gxlint.cli.rules" in f for f in unneeded(mods))


_COMPILED_AT_IMPORT = """
import importlib, json, pkgutil
import regex
import gxlint.parse as P
from gxlint import guard
lazy, compiled = 0, []
for info in pkgutil.walk_packages(P.__path__, "gxlint.parse."):
    m = importlib.import_module(info.name)
    for k, v in vars(m).items():
        if isinstance(v, guard.Pattern):
            try:
                object.__getattribute__(v, "_p")
            except AttributeError:
                lazy += 1
                continue
            compiled.append(f"{m.__name__}.{k}")
        elif isinstance(v, regex.Pattern) and k not in getattr(m, "BOUNDED_USE", ()):
            compiled.append(f"{m.__name__}.{k}")
print(json.dumps([lazy, compiled]))
"""


def test_importing_the_parser_compiles_none_of_its_guarded_patterns():
    """The parser's module-level patterns compile on their first use (guard.lazy), not at import:
    many are needed only by some reports (web-page chrome, glued digits, PDF repairs).  Only the
    claim reader's unwrapped sentence patterns (BOUNDED_USE: every report with prose uses them, and
    a wrapper would cost on each of their ~90,000 calls on a 1 MB report) compile at import."""
    import json

    env = dict(os.environ, PYTHONPATH=ROOT)
    p = subprocess.run(
        [sys.executable, "-c", _COMPILED_AT_IMPORT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert p.returncode == 0, p.stderr[-2000:]
    lazy, compiled = json.loads(p.stdout)
    assert compiled == [], "compiled when gxlint.parse is imported: " + ", ".join(compiled)
    assert lazy >= 80  # the probe sees the patterns
