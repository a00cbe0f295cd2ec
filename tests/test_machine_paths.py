"""No file of the repository names a path of the machine it was written on: a test that reads
``/home/someone/corpus`` tests nothing anywhere else (or skips, and says nothing). Data the tests
need is in tests/fixtures/; anything else is found from the repository root.

A machine path is an absolute path written in a file that exists on this machine outside the
checkout and outside the system's own folders (/usr, /tmp, /dev, …), or any absolute path into
this checkout."""

import os
import re
import subprocess

from seedutil import ROOT

SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc", "/dev", "/proc", "/sys", "/tmp", "/var", "/run")
# an absolute path opening a string, a code span, an argument or a markdown link
PATH = re.compile(r"""(?:^|(?<=["'`\s(=]))(/[\w.-]+(?:/[\w.-]+)+)""")
SKIP_DIRS = {".git", "node_modules", "out", "out-test", "dist", "build", "__pycache__", ".venv"}


def _files() -> list[str]:
    try:
        p = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, timeout=60)
        if p.returncode == 0 and p.stdout:
            return [os.path.join(ROOT, f) for f in p.stdout.decode("utf-8").split("\0") if f]
    except OSError:
        pass
    out = []
    for d, dirs, files in os.walk(ROOT):  # not a git checkout (an unpacked source archive)
        dirs[:] = [x for x in dirs if x not in SKIP_DIRS and not x.endswith(".egg-info")]
        out.extend(os.path.join(d, f) for f in files)
    return out


def machine_paths(text: str, system=SYSTEM) -> list[str]:
    root = os.path.realpath(ROOT)
    found = []
    for m in PATH.finditer(text):
        p = m.group(1).rstrip(".")
        real = os.path.realpath(p)
        if p.startswith((ROOT + "/", root + "/")) or real == root:
            found.append(p)
        elif (
            os.path.exists(p)
            and not (real + "/").startswith(tuple(s + "/" for s in system))
            and not (real + "/").startswith(root + "/")
        ):
            found.append(p)
    return found


def test_the_detector_finds_a_machine_path_and_leaves_system_paths(tmp_path):
    # tmp_path exists outside the checkout (the system folders are not excused here: it is in one)
    assert machine_paths(f'REAL = "{tmp_path}"\nX = "{tmp_path}/not-there"', system=()) == [str(tmp_path)]
    assert machine_paths(f'open("{ROOT}/tests/x.txt")') == [f"{ROOT}/tests/x.txt"]
    assert machine_paths(f'"/usr/bin/env" "/dev/null" "{tmp_path}" `/home/u/not-here` see http://a.b/c/d') == []


def test_no_file_names_a_path_of_this_machine():
    bad = []
    for f in _files():
        if not os.path.isfile(f) or os.path.getsize(f) > 2_000_000:
            continue
        try:
            with open(f, encoding="utf-8") as fh:
                text = fh.read()
        except (UnicodeDecodeError, OSError):
            continue  # binary files (PDFs, images, Word documents)
        for p in machine_paths(text):
            line = text[: text.index(p)].count("\n") + 1
            bad.append(f"{os.path.relpath(f, ROOT)}:{line}: {p}")
    assert bad == []
