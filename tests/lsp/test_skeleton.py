"""The VS Code snippet is the skeleton of gxlint.templates.skeleton, generated, kept up to date."""

from __future__ import annotations

import json
import os
import re

from gxlint.templates.skeleton import skeleton, snippet_json

from .conftest import ROOT


def test_snippet_file_is_generated_from_the_skeleton():
    path = os.path.join(ROOT, "vscode-extension", "snippets", "gxreport.code-snippets")
    with open(path, encoding="utf-8") as fh:
        committed = fh.read()
    assert committed == snippet_json(), "regenerate with: python3 -m gxlint.templates.skeleton > " + path
    data = json.loads(committed)
    body = "\n".join(data["gxlint: 新建年度报告（v2021）"]["body"])
    # with the placeholders replaced by their defaults it is the plain skeleton
    plain = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", body) + "\n"
    assert plain == skeleton(2025, "v2021")
