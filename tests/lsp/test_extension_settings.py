"""The VS Code extension's settings object is what the server understands, key by key.

The extension sends ``buildServerSettings`` (vscode-extension/src/settings.ts) as
initializationOptions and as the answer to workspace/configuration; its README shows the object
sent when nothing is configured.  Every key there must be read by :func:`parse_options` without a
complaint, and the three server switches must reach the options.
"""

import json
import re
from pathlib import Path

from gxlint.lsp.options import parse_options

EXT = Path(__file__).resolve().parents[2] / "vscode-extension"


def _readme_example() -> dict:
    text = (EXT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"For example, with VS Code in Chinese and nothing configured:\s*```json\n(.*?)```", text, re.S)
    assert m, "the README shows the object the server receives"
    return json.loads(m.group(1))


def test_the_default_object_is_accepted_and_means_the_defaults():
    sent = _readme_example()
    assert {"crossReport", "publishClosedFiles", "logTiming"} <= set(sent)
    opts = parse_options(sent)
    assert opts.problems == ()
    assert opts.cross_report is True
    assert opts.closed_files is False
    assert opts.log_timing is False
    assert opts.lint_all is False
    assert opts.debounce_ms == 75
    assert dict(opts.lint_opts) == {"lang": "zh"}


def test_the_switches_reach_the_options():
    sent = {
        **_readme_example(),
        "crossReport": False,
        "publishClosedFiles": True,
        "logTiming": True,
        "lintAllDocuments": True,
        "debounceMs": 300,
        "select": ["GX3"],
        "template": "v2019",
        "year": 2019,
    }
    opts = parse_options(sent)
    assert opts.problems == ()
    assert (opts.cross_report, opts.closed_files, opts.log_timing, opts.lint_all) == (False, True, True, True)
    assert opts.debounce_ms == 300
    assert dict(opts.lint_opts) == {"lang": "zh", "select": ["GX3"], "template": "v2019", "year": 2019}


def test_every_server_setting_of_the_manifest_is_understood():
    """Each contributed setting sent to the server (not enable/path/interpreter/trace, which the
    extension keeps) changes the options when set to a non-default value."""
    props = json.loads((EXT / "package.json").read_text(encoding="utf-8"))["contributes"]["configuration"]["properties"]
    sent = _readme_example()
    for key in ("crossReport", "publishClosedFiles", "logTiming", "lintAllDocuments"):
        assert props[f"gxlint.{key}"]["type"] == "boolean"
        assert props[f"gxlint.{key}"]["default"] == sent[key]
        flipped = parse_options({**sent, key: not sent[key]})
        assert flipped != parse_options(sent), f"{key} is read by the server"
