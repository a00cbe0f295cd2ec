"""`python -m gxlint` at the repository root imports the checkout's gxlint/, which has no rules/
inside (setup.py installs the top-level rules/ as gxlint.rules): the registry must still find them."""

import os
import subprocess
import sys
import sysconfig

from seedutil import ROOT, seed_path


def test_registry_finds_the_rules_of_a_source_checkout():
    # -S: no site processing, so no editable-install finder; site-packages only for the dependencies
    env = dict(os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"] + os.pathsep + sysconfig.get_paths()["platlib"])
    code = "import gxlint.engine as e, sys; r = e.registry(); print(len(r), sys.modules['gxlint.rules'].__file__)"
    p = subprocess.run(
        [sys.executable, "-S", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert p.returncode == 0, p.stderr[-2000:]
    count, path = p.stdout.split()
    assert int(count) >= 30
    assert os.path.samefile(path, os.path.join(ROOT, "rules", "__init__.py"))
    p = subprocess.run(
        [sys.executable, "-S", "-m", "gxlint", "check", "--select", "GX301", "--no-source", seed_path("001")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 1 and "GX301" in p.stdout, p.stderr[-2000:]
