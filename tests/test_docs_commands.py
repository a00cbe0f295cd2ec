"""Every command the documentation gives is run, so the docs stay true.

The commands come from README.md, docs/ (zh, en) and vscode-extension/README.md: every line of a
```sh block, the ``run:`` / ``script:`` lines of the CI recipes (```yaml blocks), and inline
`gxlint …` / `python -m …` / `bash scripts/…` code spans.  Each is either

- run: gxlint commands in a scratch folder that holds the files the command names (reports are
  copies of the bundled examples and seeds), as ``python -m gxlint`` of this checkout; exit 0 or 1
  (findings) is fine, 2 (the run failed: the docs are wrong) is not;
- run in a temporary virtualenv (slow): ``pip install .``, ``bash scripts/release.sh`` and the wheel
  it builds, then the installed ``gxlint``;
- or listed in SKIPPED with the reason (it needs the network, an editor, or is this test suite).

A command in the docs that is in neither list fails the test: run it, or say why not.

Sample output is compared with the real output: a ```text block right after
``<!-- output: COMMAND -->`` must be exactly what COMMAND prints (run in the repository's root, on the
bundled examples), so a page never shows findings, lines or a summary that gxlint no longer gives.
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from seedutil import ROOT, read_seed

SOURCES = [
    "README.md",
    "docs/zh/quickstart.md",
    "docs/zh/configuration.md",
    "docs/zh/ci.md",
    "docs/en/quickstart.md",
    "docs/en/configuration.md",
    "docs/en/ci.md",
    "docs/README.md",
    "vscode-extension/README.md",
]
SOURCES += ["docs/zh/editor.md", "docs/en/editor.md", "docs/zh/report.md", "docs/en/report.md"]
SOURCES += ["docs/zh/assistants.md", "docs/en/assistants.md"]

# command (prefix) → why it is not run here
SKIPPED = {
    "bash scripts/test.sh": "runs this test suite (and installs Neovim as root): it would run itself",
    "pre-commit install": "needs a repository of reports; tests/pipelines/test_precommit.py runs the documented "
    "configuration with real pre-commit",
    "pre-commit run": "as above (tests/pipelines/test_precommit.py)",
    "pre-commit autoupdate": "needs the network and the real repository URL (<org> is a placeholder)",
    "git ls-remote": "needs the network and the real repository URL (<org> is a placeholder)",
    "code --install-extension": "needs VS Code (an editor)",
    "cd vscode-extension": "the extension build: needs the npm registry (network); the extension's own tests build it",
    "npm ci": "needs the npm registry (network)",
    "npm run package": "needs the extension's npm packages (network)",
    "npm test": "needs the extension's npm packages (network); scripts/test.sh runs it",
    "python3 benchmarks/run.py": "takes many minutes and measures speed, not correctness",
    "gxlint lsp": "a language server waiting for an editor on stdin; tests/lsp runs it",
    "gxlint mcp": "an MCP server waiting for an assistant's client on stdin; tests/assistants starts it as each "
    "documented configuration does",
    "python3 -m pip install '.[mcp]'": "pip install . (run below) with the MCP SDK, which the test dependencies install",
    "python3 -m pip install 'dist/gxlint-0.1.0-py3-none-any.whl[mcp]'": "the wheel's install is run below; the extra adds "
    "the MCP SDK, which the test dependencies install",
    "python3 -m gxlint lsp": "a language server waiting for an editor on stdin; tests/lsp runs it",
    "python3 benchmarks/lsp_latency.py": "measures speed, not correctness (asserts nothing); takes minutes",
    'python -m pip install "gxlint @ git+': "needs the network and the real repository URL (<org> is a placeholder)",
    "python -m pip install gxlint-0.1.0-py3-none-any.whl": "in a CI job after downloading the wheel; the "
    "install from dist/ is run below",
}
# run in a temporary virtualenv (slow): see test_install_commands
INSTALL = (
    "python3 -m pip install .",
    "bash scripts/release.sh",
    "python3 -m pip install dist/gxlint-0.1.0-py3-none-any.whl",
)


def _commands_of(path: str) -> list[str]:
    with open(os.path.join(ROOT, path), encoding="utf-8") as fh:
        text = fh.read()
    out = []
    for m in re.finditer(r"^[ \t]*```(\w*)[ \t]*\n(.*?)^[ \t]*```[ \t]*$", text, re.S | re.M):
        lang, body = m.group(1), m.group(2)
        for line in body.splitlines():
            line = line.strip()
            if lang in ("sh", "bash", "shell"):
                if line and not line.startswith("#"):
                    out.append(line)
            elif lang == "yaml":
                r = re.match(r"^(?:- )?run: (.*)$", line) or re.match(r"^- ((?:gxlint|python) .*)$", line)
                if r:
                    out.append(r.group(1))
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    for m in re.finditer(
        r"`((?:gxlint|python3? -m|python3? [\w/]+\.py|bash scripts/|pre-commit|git ls-remote|npm|code)(?: [^`]*)?)`",
        prose,
    ):
        out.append(m.group(1))
    cmds = []
    for c in out:
        c = re.sub(r"\s+#(?![^\"]*\"\s*$).*$", "", c).strip()  # a trailing comment
        for part in c.split("&&"):
            part = part.strip()
            if part:
                cmds.append(part)
    return cmds


def all_commands() -> list[tuple[str, str]]:
    seen = set()
    out = []
    for src in SOURCES:
        for c in _commands_of(src):
            if (src, c) not in seen:
                seen.add((src, c))
                out.append((src, c))
    return out


def _kind(cmd: str) -> str:
    if cmd in INSTALL:
        return "install"
    for prefix in SKIPPED:
        if cmd.startswith(prefix):
            return "skip"
    words = cmd.split()
    if len(words) == 1 and not words[0].endswith(".py"):
        return "syntax"  # a program's name in the prose (`gxlint`, `npm`), not a command
    if words[0] == "gxlint" or cmd.startswith(("python3 -m gxlint", "python -m gxlint", "cat ")):
        if (
            "PATH ..." in cmd
            or cmd.endswith(" FILE")
            or " DIR" in cmd
            or cmd in ("gxlint check", "gxlint show", "gxlint report")
        ):
            return "syntax"  # a synopsis (`gxlint check [PATH ...]`, `… -o DIR`), not a command
        if cmd.split()[:2] == ["gxlint", "lsp"]:
            return "skip"
        return "gxlint"
    return "unknown"


def test_every_documented_command_is_run_or_skipped_with_a_reason():
    cmds = all_commands()
    assert len(cmds) > 30, cmds  # the extraction works
    unknown = [(s, c) for s, c in cmds if _kind(c) == "unknown"]
    assert not unknown, f"commands in the docs that this test neither runs nor skips (say why): {unknown}"
    # the README's two commands are there, as .ci/run expects
    readme = [c for s, c in cmds if s == "README.md"]
    assert readme[:3] == ["python3 -m pip install .", "python3 -m gxlint check examples/", "bash scripts/test.sh"]


def test_the_extraction_finds_commands_in_each_kind_of_place():
    cmds = {c for _s, c in all_commands()}
    assert "gxlint check --format github reports/" in cmds  # a run: line of a workflow
    assert "gxlint check --statistics reports/" in cmds  # a GitLab script line
    assert "gxlint check --baseline gxlint-baseline.json reports/" in cmds  # inline code
    assert "cat 报告.txt | gxlint check - --stdin-filename 报告.txt" in cmds


# --- running them -----------------------------------------------------------------------------


def _scratch(tmp_path):
    """A folder with the files the documented commands name."""
    d = tmp_path / "work"
    d.mkdir()
    shutil.copytree(os.path.join(ROOT, "examples"), d / "examples")
    return d


def _ensure_inputs(d, argv):
    """Create the reports and folders a command names, when they do not exist yet."""
    outputs = {"--output", "-o", "--write-baseline"}
    prev = None
    for a in argv:
        if (
            prev in outputs
            or a.startswith("-")
            or prev
            in (
                "--select",
                "--ignore",
                "--format",
                "--fail-on",
                "--lang",
                "--template",
                "--year",
                "--jobs",
                "--severity",
                "--stdin-filename",
            )
        ):
            prev = a
            continue
        p = d / a
        if a.endswith("/") and not p.exists():
            p.mkdir(parents=True)
            (p / "2019.txt").write_text(read_seed("001"), encoding="utf-8")
            (p / "2023.txt").write_text(read_seed("004"), encoding="utf-8")
        elif a.endswith((".txt", ".md")) and not p.exists():
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(read_seed("001"), encoding="utf-8")
        elif a.endswith(".docx") and not p.exists():  # a Word report, as offices draft them
            p.parent.mkdir(parents=True, exist_ok=True)
            from gxlint import synth
            from read.docgen import build_docx

            build_docx(synth.generate(1), str(p))
        elif a.endswith(".pdf") and not p.exists():
            p.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(os.path.join(ROOT, "tests", "fixtures", "corpus_real", "hongze-2023.pdf"), p)
        prev = a


def _run_gxlint(d, cmd: str):
    env = dict(os.environ, PYTHONPATH=ROOT, GXLINT_NO_PROGRESS="1")
    env.pop("NO_COLOR", None)
    shell = cmd
    stdin = None
    if cmd.startswith("cat "):
        src, rest = cmd[4:].split("|", 1)
        stdin = (d / src.strip()).read_bytes() if (d / src.strip()).exists() else read_seed("001").encode("utf-8")
        shell = rest.strip()
    argv = shlex.split(shell)
    if argv[0] == "gxlint":
        argv = [sys.executable, "-m", "gxlint"] + argv[1:]
    elif argv[0] in ("python", "python3"):
        argv = [sys.executable] + argv[1:]
    _ensure_inputs(d, argv[3:] if argv[1:3] == ["-m", "gxlint"] else argv[1:])
    if "--baseline" in argv:
        b = argv[argv.index("--baseline") + 1]
        if not (d / b).exists():
            target = [a for a in argv[argv.index("--baseline") + 2 :] if not a.startswith("-")]
            subprocess.run(
                [sys.executable, "-m", "gxlint", "check", "-q", "--write-baseline", b, *target],
                cwd=d,
                env=env,
                capture_output=True,
                timeout=600,
            )
    if argv[1:3] == ["-m", "gxlint.docs"] and "-o" not in argv and "--out" not in argv:
        argv += ["-o", str(d / "rules-out")]  # documented as "in a checkout": write into the scratch folder
    return subprocess.run(argv, cwd=d, env=env, input=stdin, capture_output=True, timeout=600)


GXLINT_CMDS = sorted({c for _s, c in all_commands() if _kind(c) == "gxlint"})


def _fixable(d, cmd: str) -> dict[str, int]:
    """Text file → the number of its findings the fix options of cmd would fix, as JSON says."""
    words = cmd.split()
    unsafe = "--unsafe-fixes" in words
    words = [w for w in words if w not in ("--fix", "--unsafe-fixes")]
    words[2:2] = ["--format", "json", "--exit-zero"]  # after `gxlint check`
    p = _run_gxlint(d, " ".join(words))
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")[-2000:]
    out = {}
    for f in json.loads(p.stdout)["files"]:
        if f["path"].endswith((".txt", ".md")):
            out[f["path"]] = sum(1 for x in f["diagnostics"] if x["fix"] and (unsafe or x["fix"]["safe"]))
    return out


@pytest.mark.parametrize("cmd", GXLINT_CMDS)
def test_documented_gxlint_command_runs(cmd, tmp_path):
    d = _scratch(tmp_path)
    fixing = "--fix" in cmd.split()
    if fixing and cmd.startswith("cat "):  # --fix on standard input: the fixed text is its output
        return _check_stdin_fix(d, cmd)
    if fixing:
        _ensure_inputs(d, shlex.split(cmd)[1:])
        before = _fixable(d, cmd)
        assert sum(before.values()) > 0, f"{cmd!r}: nothing for it to fix in the scratch folder"
    p = _run_gxlint(d, cmd)
    out = (p.stdout + p.stderr).decode("utf-8", "replace")
    assert p.returncode in (0, 1), f"{cmd!r} exited {p.returncode}:\n{out[-2000:]}"
    assert "Traceback" not in out
    if fixing:  # it did what the docs say: the text files it names have nothing left to fix
        assert _fixable(d, cmd) == {path: 0 for path in before}, out[-2000:]
    if "--output" in cmd.split():
        target = cmd.split()[cmd.split().index("--output") + 1]
        assert (d / target).is_file() and (d / target).stat().st_size > 0


def _stdin_fixable(d, data: bytes) -> int:
    env = dict(os.environ, PYTHONPATH=ROOT, GXLINT_NO_PROGRESS="1")
    p = subprocess.run(
        [sys.executable, "-m", "gxlint", "check", "--isolated", "--format", "json", "--exit-zero", "-"],
        cwd=d,
        env=env,
        input=data,
        capture_output=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")[-2000:]
    return sum(1 for f in json.loads(p.stdout)["files"] for x in f["diagnostics"] if x["fix"] and x["fix"]["safe"])


def _check_stdin_fix(d, cmd: str) -> None:
    """`cat r.txt | gxlint check --fix -`: what it prints on standard output is the text fixed — fed
    back to gxlint, nothing is left to fix, where the input had something."""
    src = cmd[4:].split("|", 1)[0].strip()
    data = (d / src).read_bytes() if (d / src).exists() else read_seed("001").encode("utf-8")
    assert _stdin_fixable(d, data) > 0, f"{cmd!r}: nothing for it to fix in its input"
    p = _run_gxlint(d, cmd)
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode in (0, 1) and "Traceback" not in err, err[-2000:]
    assert p.stdout and _stdin_fixable(d, p.stdout) == 0, err[-2000:]


class _NotRunSummary:
    """Lists the documented commands this test does not run, once, at the end of pytest's output."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.section(f"documentation commands not run here ({len(self.lines)})", sep="-")
        for line in self.lines:
            terminalreporter.line(line)


def test_skipped_commands_are_listed_with_reasons(request):
    skipped = sorted({c for _s, c in all_commands() if _kind(c) == "skip"})
    lines = []
    for c in skipped:
        why = next((w for p, w in SKIPPED.items() if c.startswith(p)), None)
        if why is None:
            assert c.split()[:2] == ["gxlint", "lsp"], c  # the one kind _kind skips without a prefix
            why = "a language server waiting for an editor on stdin; tests/lsp runs it"
        lines.append(f"  {c}  — {why}")
    assert lines and all(SKIPPED.values())
    pm = request.config.pluginmanager
    if not pm.has_plugin("gxlint-docs-not-run"):
        pm.register(_NotRunSummary(lines), "gxlint-docs-not-run")


@pytest.mark.slow
def test_install_commands(tmp_path):
    """`pip install .`, `bash scripts/release.sh` (the wheel; the .vsix needs the npm registry) and
    `pip install dist/…whl`, each into a fresh virtualenv, then the installed `gxlint` checks the
    examples as the README says."""
    documented = {c for _s, c in all_commands()}
    assert set(INSTALL) <= documented
    src = tmp_path / "checkout"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, files.decode().split("\0")):
        s = os.path.join(ROOT, rel)
        if os.path.isfile(s):
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(s, src / rel)
    for name, steps in (
        ("checkout", [["python3", "-m", "pip", "install", "."]]),
        (
            "release",
            [["bash", "scripts/release.sh"], ["python3", "-m", "pip", "install", "dist/gxlint-0.1.0-py3-none-any.whl"]],
        ),
    ):
        venv = tmp_path / f"venv-{name}"
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=300)
        env = dict(
            os.environ,
            PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
            VIRTUAL_ENV=str(venv),
            GXLINT_RELEASE_SKIP_VSIX="1",
        )
        env.pop("PYTHONPATH", None)
        for step in steps:
            p = subprocess.run(step, cwd=src, env=env, capture_output=True, timeout=900)
            assert p.returncode == 0, (step, (p.stdout + p.stderr).decode()[-3000:])
        gx = str(venv / "bin" / "gxlint")
        assert os.path.exists(gx)
        p = subprocess.run([gx, "--version"], env=env, capture_output=True, timeout=120, cwd=tmp_path)
        assert p.returncode == 0 and b"0.1.0" in p.stdout
        p = subprocess.run([gx, "check", "examples/"], env=env, cwd=src, capture_output=True, timeout=600)
        assert p.returncode == 1, (p.stdout + p.stderr).decode()[-2000:]  # the README: 1 = problems found
        # an installed gxlint writes the rule reference only where it is told
        p = subprocess.run(
            [str(venv / "bin" / "python"), "-m", "gxlint.docs"], env=env, cwd=tmp_path, capture_output=True, timeout=300
        )
        assert p.returncode == 2
        p = subprocess.run(
            [str(venv / "bin" / "python"), "-m", "gxlint.docs", "-o", "out"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            timeout=300,
        )
        assert p.returncode == 0 and (tmp_path / "out" / "GX301.md").is_file()
        shutil.rmtree(tmp_path / "out")


# --- documented output is real output ------------------------------------------------------------

OUTPUT_MARK = re.compile(r"<!-- output: (.+?) -->\s*\n```text\n(.*?)^```", re.S | re.M)


def documented_outputs() -> list[tuple[str, str, str]]:
    out = []
    for src in SOURCES:
        with open(os.path.join(ROOT, src), encoding="utf-8") as fh:
            text = fh.read()
        for m in OUTPUT_MARK.finditer(text):
            out.append((src, m.group(1).strip(), m.group(2)))
    return out


def test_the_quickstarts_show_checked_sample_output():
    srcs = {src for src, _c, _o in documented_outputs()}
    assert {"docs/zh/quickstart.md", "docs/en/quickstart.md"} <= srcs


@pytest.mark.parametrize("src, cmd, shown", documented_outputs(), ids=[f"{s}:{c}" for s, c, _o in documented_outputs()])
def test_documented_output_is_the_real_output(src, cmd, shown):
    env = dict(os.environ, PYTHONPATH=ROOT, GXLINT_NO_PROGRESS="1")
    env.pop("NO_COLOR", None)
    argv = shlex.split(cmd)
    assert argv[0] == "gxlint", cmd
    p = subprocess.run([sys.executable, "-m", "gxlint", *argv[1:]], cwd=ROOT, env=env, capture_output=True, timeout=600)
    real = p.stdout.decode("utf-8")

    def norm(s):
        return "\n".join(line.rstrip() for line in s.strip("\n").splitlines())

    assert norm(shown) == norm(real), f"{src}: the sample output of `{cmd}` is not what it prints:\n{real}"
