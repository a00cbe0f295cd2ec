"""The editor pages (docs/zh/editor.md, docs/en/editor.md) stay in step with the code.

- every server setting listed in the docstring of :mod:`gxlint.lsp.options` is documented in both;
- every ``gxlint.*`` setting of the VS Code extension (vscode-extension/package.json) is in the
  settings table of both, with its default as package.json writes it;
- the Neovim configuration in the pages is the one the project runs: taken out of each page, run in
  a headless Neovim (``nvim --headless -u NONE``), it starts ``gxlint lsp`` on a report and the
  report gets gxlint's diagnostics.  Skipped, saying why, when nvim is not installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys

import pytest

from gxlint.lsp import options

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = {lang: os.path.join(ROOT, "docs", lang, "editor.md") for lang in ("zh", "en")}
PACKAGE_JSON = os.path.join(ROOT, "vscode-extension", "package.json")
SEED = os.path.join(ROOT, "tests", "fixtures", "seeds")
NVIM = shutil.which("nvim")
MARKER = "<!-- nvim-config:"


def _page(lang: str) -> str:
    with open(PAGES[lang], encoding="utf-8") as fh:
        return fh.read()


def server_keys() -> list[str]:
    """The setting names of the options docstring's "Keys" bullet list: the ``names`` a bullet
    starts with (``a``, ``b``, ``c`` — …) and those that start a ``;``-separated part of it."""
    doc = options.__doc__ or ""
    block = doc.split("Keys (all optional):", 1)[1]
    bullets: list[str] = []
    for line in block.splitlines():
        if line.startswith("- "):
            bullets.append(line[2:])
        elif line.startswith("  ") and bullets:
            bullets[-1] += " " + line.strip()
        elif bullets and not line.strip():
            break
    keys: list[str] = []
    for b in bullets:
        for part in b.split(";"):
            m = re.match(r"\s*((?:``\w+``\s*,?\s*)+)", part)
            if m:
                keys += re.findall(r"``(\w+)``", m.group(1))
    return keys


def test_the_docstring_parse_finds_real_keys():
    keys = server_keys()
    assert len(keys) >= 20 and "select" in keys and "publishClosedFiles" in keys, keys
    assert len(set(keys)) == len(keys)
    with open(options.__file__, encoding="utf-8") as fh:
        src = fh.read()
    for k in keys:  # each one is a key parse_options reads (its normalised name is in the code)
        assert f'"{options._norm_key(k)}"' in src, k
    assert not {"zh", "en", "auto", "push", "pull", "onType", "onSave"} & set(keys)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_server_setting_is_documented(lang):
    page = _page(lang)
    missing = [k for k in server_keys() if not re.search(rf"^\| `{k}` \|", page, re.M)]
    assert not missing, f"docs/{lang}/editor.md: server settings not in its table: {missing}"


def extension_settings() -> dict:
    with open(PACKAGE_JSON, encoding="utf-8") as fh:
        props = json.load(fh)["contributes"]["configuration"]["properties"]
    return {k: v.get("default") for k, v in props.items() if k.startswith("gxlint.")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_extension_setting_is_documented_with_its_default(lang):
    page = _page(lang)
    settings = extension_settings()
    assert len(settings) >= 10
    wrong = []
    for key, default in settings.items():
        want = json.dumps(default, ensure_ascii=False)
        m = re.search(rf"^\| `{re.escape(key)}` \| `([^`]*)` \|", page, re.M)
        if m is None or m.group(1) != want:
            wrong.append((key, want, m.group(1) if m else None))
    assert not wrong, f"docs/{lang}/editor.md: (setting, default in package.json, default in the page): {wrong}"
    # and no row for a setting the extension does not have
    rows = set(re.findall(r"^\| `(gxlint\.[\w.]+)` \|", page, re.M))
    assert rows <= set(settings), rows - set(settings)


def nvim_snippet(lang: str) -> str:
    page = _page(lang)
    i = page.find(MARKER)
    assert i >= 0, f"docs/{lang}/editor.md has no {MARKER} block"
    m = re.compile(r"```lua\n(.*?)```", re.S).search(page, i)
    assert m, "no lua block after the marker"
    return m.group(1)


def test_the_neovim_config_is_the_same_in_both_pages():
    assert nvim_snippet("zh") == nvim_snippet("en")


def test_the_neovim_config_matches_the_neovim_test():
    """What the snippet starts and where: `gxlint lsp`, as tests/lsp/test_nvim.py starts it
    (there through ``python -m``), on text and Markdown buffers, rooted at the project."""
    snip = nvim_snippet("zh")
    assert re.search(r'cmd = \{ "gxlint", "lsp" \}', snip)
    assert '{ "python3", "-m", "gxlint", "lsp" }' in snip
    with open(os.path.join(ROOT, "tests", "lsp", "test_nvim.py"), encoding="utf-8") as fh:
        assert '"-m", "gxlint", "lsp"' in fh.read()
    assert 'filetypes = { "text", "markdown" }' in snip
    assert 'root_markers = { "gxlint.toml", "pyproject.toml", ".git" }' in snip
    with open(os.path.join(ROOT, "tests", "lsp", "nvim", "lsp_check.lua"), encoding="utf-8") as fh:
        check = fh.read()
    for call in ("vim.lsp.start(", "vim.lsp.start_client(", "vim.lsp.buf_attach_client("):
        assert call in check and call in snip, call


DRIVER = r"""
local out = os.getenv("GX_OUT")
local function finish(res)
  local fh = io.open(out, "w"); fh:write(vim.fn.json_encode(res)); fh:close()
  vim.cmd("qa!")
end
local ok, err = pcall(function()
  vim.cmd("filetype on")
  vim.cmd("luafile " .. vim.fn.fnameescape(os.getenv("GX_SNIPPET")))
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("GX_REPORT")))
  local buf = vim.api.nvim_get_current_buf()
  local got = vim.wait(90000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(codes, d.code or "") end
  local clients = {}
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
    table.insert(clients, { name = c.name, root = c.config.root_dir })
  end
  finish({ filetype = vim.bo[buf].filetype, got = got, codes = codes, clients = clients })
end)
if not ok then finish({ error = tostring(err) }) end
"""


@pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed")
@pytest.mark.skipif(
    bool(os.environ.get("GXLINT_SKIP_EDITOR_TESTS")), reason="editor tests skipped: GXLINT_SKIP_EDITOR_TESTS is set"
)
@pytest.mark.parametrize("marker", ["gxlint.toml", ".git"])
def test_the_neovim_config_from_the_docs_lints_a_report(tmp_path, marker):
    snippet = tmp_path / "gxlint.lua"
    snippet.write_text(nvim_snippet("zh"), encoding="utf-8")
    # it is valid Lua for this Neovim
    proc = subprocess.run(
        [NVIM, "--headless", "-u", "NONE", "-c", f"luafile {snippet}", "-c", "qa!"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and "Error" not in proc.stderr, proc.stderr
    # and it works: the command it names (`gxlint`, here this checkout's) lints a report
    bindir = tmp_path / "bin"
    bindir.mkdir()
    exe = bindir / "gxlint"
    exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m gxlint "$@"\n', encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    project = tmp_path / "project"
    (project / "reports").mkdir(parents=True)
    if marker.startswith("."):
        (project / marker).mkdir()
    else:
        (project / marker).write_text("", encoding="utf-8")
    seed = next(n for n in sorted(os.listdir(SEED)) if n.startswith("001") and n.endswith(".txt"))
    report = project / "reports" / seed
    shutil.copyfile(os.path.join(SEED, seed), report)
    driver = tmp_path / "driver.lua"
    driver.write_text(DRIVER, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {
        **os.environ,
        "GX_OUT": str(out),
        "GX_SNIPPET": str(snippet),
        "GX_REPORT": str(report),
        "PATH": str(bindir) + os.pathsep + os.environ.get("PATH", ""),
        "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    proc = subprocess.run(
        [NVIM, "--headless", "-u", "NONE", "-n", "-c", f"luafile {driver}"],
        env=env,
        cwd=str(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.exists(), f"nvim wrote nothing (exit {proc.returncode}): {proc.stderr[-2000:]}"
    res = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in res, res["error"]
    assert res["filetype"] == "text"
    assert res["got"], "no diagnostics from gxlint"
    assert "GX301" in res["codes"]
    assert [c["name"] for c in res["clients"]] == ["gxlint"]
    assert os.path.realpath(res["clients"][0]["root"]) == os.path.realpath(project)  # found by its marker


def test_commands_are_named_by_their_english_titles_and_the_message_language_is_as_coded():
    """docs/en/editor.md and the extension's README name each command as an English VS Code shows it
    (category: title from package.nls.json), not by its Chinese title; the README says what the code
    does about the messages' language (settings.ts resolveLang: "auto" is Chinese whatever VS Code's
    display language), in the words of the setting's own description."""
    with open(PACKAGE_JSON, encoding="utf-8") as fh:
        pkg = json.load(fh)
    with open(os.path.join(os.path.dirname(PACKAGE_JSON), "package.nls.json"), encoding="utf-8") as fh:
        nls = json.load(fh)

    def english(s: str) -> str:
        return re.sub(r"%([\w.]+)%", lambda m: nls[m.group(1)], s)

    titles = {f"{english(c.get('category', 'gxlint'))}: {english(c['title'])}" for c in pkg["contributes"]["commands"]}
    readme_path = os.path.join(os.path.dirname(PACKAGE_JSON), "README.md")
    for path in (PAGES["en"], readme_path):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        named = re.findall(r"\*\*(gxlint: [^*]+)\*\*", text)
        commands = [n for n in named if "（v20" not in n]  # snippet names are not commands
        assert commands, path
        for n in commands:
            assert n in titles, (path, n, sorted(titles))
    with open(readme_path, encoding="utf-8") as fh:
        readme = fh.read()
    assert "in English otherwise" not in readme
    assert nls["config.lang.auto"].split(" (")[0] in readme
    with open(os.path.join(os.path.dirname(PACKAGE_JSON), "src", "settings.ts"), encoding="utf-8") as fh:
        code = fh.read()
    body = code.split("function resolveLang", 1)[1].split("\n}\n", 1)[0]
    assert body.rstrip().endswith("return 'zh';"), "auto is Chinese whatever the display language"
