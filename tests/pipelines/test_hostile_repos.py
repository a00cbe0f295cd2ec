"""A checked folder is data, never code (issue 29): planted rule packs and shadowing modules are
not imported, fixes do not leave the folder through symlinks, one file under two spellings is
one file, and output names derived from organ names are always writable."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import gx, seed, seed_text


def _plant(folder, marker):
    """A folder that, were it on sys.path, registers a rule pack and shadows ``regex``."""
    info = folder / "evil-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[gxlint.rules]\nevil = evilmod\n")
    (folder / "evilmod.py").write_text(f"open({str(marker)!r}, 'a').write('pack ')\n")
    (folder / "regex.py").write_text(f"open({str(marker)!r}, 'a').write('regex ')\nraise ImportError('planted')\n")
    (folder / "r.txt").write_text(seed_text("001"), encoding="utf-8")


def test_python_m_gxlint_in_a_planted_folder_runs_none_of_its_code(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    marker = tmp_path / "ran"
    _plant(repo, marker)
    p = gx("check", "--isolated", ".", cwd=repo)
    assert p.returncode == 1, p.stderr.decode()[-2000:]
    assert b"GX" in p.stdout
    assert not marker.exists(), marker.read_text()


def test_the_console_script_with_the_folder_on_the_path_loads_no_pack_from_it(tmp_path):
    # an empty PYTHONPATH entry means "the working directory" to Python: entry points found there
    # are not rule packs (the module shadowing itself is what the user asked for)
    repo = tmp_path / "repo"
    repo.mkdir()
    marker = tmp_path / "ran"
    _plant(repo, marker)
    (repo / "regex.py").unlink()
    code = "import sys, gxlint.engine as e; print(len(e.registry()), sorted(ep.name for ep in e._entry_points()))"
    p = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.split()[-1] == "[]"
    assert not marker.exists()


def test_a_pack_installed_in_the_environment_is_still_found(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    marker = tmp_path / "ran"
    _plant(site, marker)
    (site / "regex.py").unlink()
    code = "import gxlint.engine as e; print(sorted(ep.name for ep in e._entry_points())); e.registry()"
    env = dict(os.environ, PYTHONPATH=str(site))
    p = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    assert "'evil'" in p.stdout
    assert marker.read_text() == "pack "
