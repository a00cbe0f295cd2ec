"""The readers' registry (gxlint/read/registry.py) is the one list of what gxlint reads: the folder
walk, sniffing, reading, the language server (live or through the workspace index) and the VS Code
extension's document selector all agree with it (issue 24 item 6, issue 26 item 7)."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re

import pytest

from gxlint import read
from gxlint.files import collect_files
from gxlint.read.registry import BY_FORMAT, BY_SUFFIX, READERS, live_languages, live_suffixes
from seedutil import ROOT

EXT = os.path.join(ROOT, "vscode-extension")


def test_every_reader_has_a_module_with_the_entry_point():
    for r in READERS:
        mod = importlib.import_module(f"gxlint.read.{r.module}")
        params = inspect.signature(mod.source).parameters
        assert list(params)[:2] == ["data", "path"], r
        assert {"fmt", "ext", "max_bytes"} <= set(params), r
        assert all(s.startswith(".") and s == s.lower() for s in r.suffixes), r
    assert len(BY_SUFFIX) == sum(len(r.suffixes) for r in READERS)  # no suffix read by two readers


def test_the_lists_are_the_registrys():
    assert read.EXTENSIONS == tuple(s for r in READERS for s in r.suffixes)
    assert read.FORMATS == ("text", "docx", "html", "pdf", "ofd", "doc", "wps", "odt", "rtf")
    assert set(read.FORMATS) == set(BY_FORMAT)


@pytest.mark.parametrize("suffix", sorted(BY_SUFFIX))
def test_a_file_that_does_not_say_what_it_is_is_what_its_suffix_says(suffix):
    """Content that is not a known container: the suffix's reader decides (or the content does)."""
    want = BY_SUFFIX[suffix].container or "text"
    assert read.sniff("2023年报告\n".encode(), "x" + suffix.upper()) == want


def test_a_folder_walk_and_so_the_editors_index_take_every_suffix(tmp_path):
    """The language server's workspace index lists files with collect_files, as ``gxlint check DIR``
    does: every registered suffix is taken, and nothing else."""
    for s in BY_SUFFIX:
        (tmp_path / f"a{s}").write_bytes(b"x")
    (tmp_path / "b.xlsx").write_bytes(b"x")
    got = collect_files([str(tmp_path)])
    assert sorted(os.path.splitext(f)[1] for f in got) == sorted(BY_SUFFIX)
    assert [os.path.basename(p) for p, _ in got.skipped] == ["b.xlsx"]


def test_the_language_server_lints_live_the_live_readers_documents():
    from gxlint.lsp.documents import DocState
    from gxlint.lsp.server import GxLanguageServer

    srv = GxLanguageServer.__new__(GxLanguageServer)  # wants() reads only the document
    for s, r in BY_SUFFIX.items():
        st = DocState(uri=f"file:///w/a{s}", path=f"/w/a{s}", language_id="ini", text="", version=1)
        assert srv.wants(st) is r.live, s
    for lang in live_languages():
        assert srv.wants(DocState(uri="untitled:1", path=None, language_id=lang, text="", version=1)), lang
    assert not srv.wants(DocState(uri="untitled:1", path=None, language_id="python", text="", version=1))
    assert set(live_suffixes()) == {s for r in READERS if r.live for s in r.suffixes}


def _selector_languages() -> set[str]:
    src = open(os.path.join(EXT, "src", "settings.ts"), encoding="utf-8").read()
    m = re.search(r"export const DOCUMENT_SELECTOR\b[^=]*=\s*\[(.*?)\];", src, re.S)
    assert m, "DOCUMENT_SELECTOR not found in settings.ts"
    return set(re.findall(r"language:\s*'([^']+)'", m.group(1)))


def test_the_extensions_document_selector_is_the_live_readers():
    """What VS Code sends the server (the extension's document selector, and the languages that
    activate it) is what the server lints as it is typed: no live reader left out, nothing the
    server would ignore."""
    langs = _selector_languages()
    assert langs, "no language in DOCUMENT_SELECTOR"
    assert langs <= live_languages(), langs - live_languages()
    for r in READERS:
        if r.live:
            assert langs & set(r.languages), f"no document of the {r.name} reader reaches the server"
    pkg = json.load(open(os.path.join(EXT, "package.json"), encoding="utf-8"))
    activation = {e.split(":", 1)[1] for e in pkg.get("activationEvents", []) if e.startswith("onLanguage:")}
    assert activation <= live_languages(), activation - live_languages()
    for r in READERS:
        if r.live:
            assert activation & set(r.languages), f"opening a {r.name} document does not start the extension"


def test_the_selector_check_can_fail():
    assert not {"python"} <= live_languages()
