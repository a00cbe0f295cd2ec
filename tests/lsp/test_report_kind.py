"""What is a report, for the language server and for ``gxlint check`` walking a folder: one test
(gxlint/reportkind.py), so a file the walk skips as "not a report" gets no squiggle in the editor,
and a file the walk checks gets its findings there too."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gxlint.parse import parse
from gxlint.reportkind import looks_like_report

from .conftest import initialize, open_doc, uri_of, wait_diagnostics

pytestmark = pytest.mark.asyncio

# each with a doubled quote (GX604) to find when it is read as a report; on both sides of the line
DOCS = {
    "notes.md": "# 笔记\n\n“““重复的引号。\n",
    "title.txt": "某某局2023年政府信息公开工作年度报告\n\n今年“““工作很好。\n",
    "one-heading.txt": "一、总体情况\n今年“““工作很好。\n",
    "two-headings.txt": "一、总体情况\n今年“““工作很好。\n二、主动公开政府信息情况\n无。\n",
}


async def test_the_walk_and_the_server_tell_a_report_alike(client, tmp_path):
    for name, text in DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-m", "gxlint", "check", "--isolated", "--format", "json", "--exit-zero", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    skipped = {s["path"].rsplit("/", 1)[-1] for s in out["skipped"] if s["reason"] == "not_report"}
    checked = {f["path"].rsplit("/", 1)[-1] for f in out["files"]}
    definition = {name for name, text in DOCS.items() if not looks_like_report(parse(text))}
    assert skipped == definition == {"notes.md", "one-heading.txt"}
    assert checked == set(DOCS) - skipped

    await initialize(client, root_uri=f"file://{tmp_path}")
    for name, text in DOCS.items():
        open_doc(client, uri_of(str(tmp_path / name)), text)
    for name in DOCS:
        pub = await wait_diagnostics(client, uri_of(str(tmp_path / name)), 1)
        codes = {d.code for d in pub.diagnostics}
        if name in skipped:
            assert codes == set(), name
        else:
            assert "GX604" in codes, (name, codes)
