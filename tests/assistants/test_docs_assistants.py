"""The assistants pages (docs/zh/assistants.md, docs/en/assistants.md) stay true.

- every client configuration in them (a ```json block with ``mcpServers`` or ``servers``) is taken
  out and gxlint started as it says — the documented program run as this checkout's
  ``python -m gxlint``, the documented folders replaced by a folder holding a seed — through the
  SDK's client: it lists gxlint's tools and checks the seed by path;
- the worked example is real: its draft is the generated report the test builds, the answers shown
  are exactly what ``check_report`` answers on it (in the page's language), before and after the
  changes it names are applied.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys

import pytest

from gxlint import synth
from seedutil import ROOT, seed_path

from . import mcputil
from .test_assistant_loop import DEFECTS, apply_changes
from .test_mcp_tools import TOOLS

PAGES = {lang: os.path.join(ROOT, "docs", lang, "assistants.md") for lang in ("zh", "en")}
DRAFT_SEED = 9  # the worked example's draft: synth.sample(9) with the three defects


def page(lang: str) -> str:
    with open(PAGES[lang], encoding="utf-8") as fh:
        return fh.read()


def json_blocks(text: str) -> list:
    return [json.loads(m.group(1)) for m in re.finditer(r"^```json\n(.*?)^```", text, re.S | re.M)]


def configs(lang: str) -> list[tuple[str, dict]]:
    out = []
    for block in json_blocks(page(lang)):
        for key in ("mcpServers", "servers"):
            if key in block:
                out.append((key, block[key]["gxlint"]))
    return out


def marked(text: str, mark: str) -> str:
    m = re.search(r"<!-- " + re.escape(mark) + r" -->\s*\n```text\n(.*?)^```", text, re.S | re.M)
    assert m, mark
    return m.group(1)


def test_the_pages_are_linked_and_have_a_configuration_for_each_client():
    with open(os.path.join(ROOT, "docs", "README.md"), encoding="utf-8") as fh:
        index = fh.read()
    for lang in PAGES:
        assert f"({lang}/assistants.md)" in index
        text = page(lang)
        json_blocks(text)  # every JSON block parses
        keys = [k for k, _ in configs(lang)]
        assert keys.count("mcpServers") == 3 and keys.count("servers") == 1, keys  # Claude, Cherry, Cursor; VS Code
        for head in ("Claude Desktop", "Cherry Studio", "VS Code", "Cursor"):
            assert f"### {head}" in text
        for tool in TOOLS:
            assert f"| `{tool}` |" in text, tool


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_each_documented_configuration_starts_gxlint_and_checks_a_report(lang, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    seed = seed_path("001")
    shutil.copy(seed, reports / "report.txt")

    def launch(entry: dict) -> list[str]:
        prog = entry["command"].replace("\\", "/").rsplit("/", 1)[-1]
        assert prog in ("gxlint", "gxlint.exe"), entry
        args = []
        for a in entry["args"]:
            if a == "${workspaceFolder}" or a.startswith(("/", "D:", "C:")):
                a = str(reports)  # the documented folder of reports
            args.append(a)
        assert args[0] == "mcp", entry
        return [sys.executable, "-m", "gxlint", *args]

    async def go():
        out = []
        for key, entry in configs(lang):
            if key == "servers":
                assert entry["type"] == "stdio"
            # Claude Desktop starts servers in / and declares no roots: --root is what makes path work
            async with mcputil.session("/", command=launch(entry)) as c:
                tools = {t.name for t in (await c.list_tools()).tools}
                s = await mcputil.output_schemas(c)
                r = await mcputil.call(c, "check_report", {"path": "report.txt"}, s)
                out.append((entry, tools, r))
        return out

    from seedutil import diagnostics_of

    expected = sorted((d["code"], d["line"]) for d in diagnostics_of(seed))
    results = mcputil.run(go)
    assert len(results) == 4
    for entry, tools, r in results:
        assert tools == TOOLS, entry
        assert not r.is_error, (entry, mcputil.text_of(r))
        got = sorted((f["code"], f["line"]) for f in r.structured_content["findings"])
        assert got == expected[: len(got)] and r.structured_content["total"] == len(expected), entry
        assert ("Checked report.txt" if "--lang" in entry["args"] else "检查了 report.txt") in mcputil.text_of(r)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_worked_example_is_real(lang):
    text = page(lang)
    sample = synth.sample(DRAFT_SEED, defects=DEFECTS, prose=True)
    draft = sample.text
    lines = draft.split("\n")
    shown = [ln for ln in marked(text, "mcp-draft").split("\n") if ln and ln != "……"]
    assert shown and all(ln in lines for ln in shown), shown
    assert shown[0] == lines[0]

    async def go():
        async with mcputil.session(ROOT, args=["--lang", lang]) as c:
            s = await mcputil.output_schemas(c)
            first = await mcputil.call(c, "check_report", {"text": draft}, s)
            fixed, done = apply_changes(
                draft, first.structured_content["findings"], {str(d.old) for d in sample.defects}
            )
            again = await mcputil.call(c, "check_report", {"text": fixed}, s)
            return first, done, again

    first, done, again = mcputil.run(go)
    assert sorted(done) == ["GX301", "GX401", "GX501"]
    assert mcputil.text_of(first).strip("\n") == marked(text, "mcp-answer: draft").strip("\n")
    assert mcputil.text_of(again).strip("\n") == marked(text, "mcp-answer: fixed").strip("\n")
