"""A checked folder is data, never code (issue 29): planted rule packs and shadowing modules are
not imported, fixes do not leave the folder through symlinks, one file under two spellings is
one file, and output names derived from organ names are always writable."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import gx, seed_text


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


# --- item 2: --fix never writes through a symbolic link out of the folder ----------------------


@pytest.fixture
def linked(tmp_path):
    """DIR/in.txt → ../outside/target.txt (a fixable report), DIR/own.txt → DIR/real.txt."""
    outside, d = tmp_path / "outside", tmp_path / "d"
    outside.mkdir()
    d.mkdir()
    text = seed_text("002")
    (outside / "target.txt").write_text(text, encoding="utf-8")
    (d / "in.txt").symlink_to(outside / "target.txt")
    (d / "real.txt").write_text(text, encoding="utf-8")
    (d / "own.txt").symlink_to(d / "real.txt")
    return tmp_path, text


def test_fix_on_a_folder_does_not_write_through_a_link_out_of_it(linked):
    tmp, text = linked
    p = gx("check", "--isolated", "--fix", str(tmp / "d"))
    assert p.returncode == 2, p.stderr.decode()  # a fix not written is a failure, as for a read-only file
    assert (tmp / "outside" / "target.txt").read_text(encoding="utf-8") == text
    assert "symbolic link out of the folder" in p.stderr.decode() or "符号链接" in p.stderr.decode()
    # a link that stays inside the folder is fixed (its target is)
    assert (tmp / "d" / "real.txt").read_text(encoding="utf-8") != text
    assert (tmp / "d" / "in.txt").is_symlink()


def test_fix_on_a_named_link_needs_follow_symlinks(linked):
    tmp, text = linked
    target = tmp / "outside" / "target.txt"
    p = gx("check", "--isolated", "--fix", "--lang", "en", str(tmp / "d" / "in.txt"))
    assert p.returncode == 2, p.stderr.decode()
    assert target.read_text(encoding="utf-8") == text
    assert "--follow-symlinks" in p.stderr.decode()
    p = gx("check", "--isolated", "--fix", "--follow-symlinks", str(tmp / "d" / "in.txt"))
    assert p.returncode in (0, 1), p.stderr.decode()
    assert target.read_text(encoding="utf-8") != text
    assert (tmp / "d" / "in.txt").is_symlink()


def test_diff_through_a_link_is_fine(linked):
    tmp, text = linked
    p = gx("check", "--isolated", "--diff", str(tmp / "d"))
    assert b"+++ b/" in p.stdout
    assert (tmp / "outside" / "target.txt").read_text(encoding="utf-8") == text


# --- item 13: one file under two spellings is one file -----------------------------------------


def test_one_file_under_two_spellings_is_checked_once(tmp_path):
    import json

    d = tmp_path / "d"
    d.mkdir()
    (d / "x.txt").write_text(seed_text("004"), encoding="utf-8")
    (d / "link.txt").symlink_to(d / "x.txt")
    p = gx("check", "--isolated", "--format", "json", str(d), str(d / ".." / "d" / "x.txt"))
    obj = json.loads(p.stdout)
    assert [f["path"] for f in obj["files"]] == [str(d / "link.txt")]  # the first spelling met
    assert not any(x["code"] == "GX703" for f in obj["files"] for x in f["diagnostics"])


def test_history_that_is_the_checked_folder_is_no_duplicate(tmp_path):
    import json

    d = tmp_path / "d"
    d.mkdir()
    (d / "x.txt").write_text(seed_text("004"), encoding="utf-8")
    (tmp_path / "alias").symlink_to(d)
    env = {"GXLINT_CACHE_DIR": str(tmp_path / "cache")}
    for hist in (str(d / ".." / "d"), str(tmp_path / "alias")):
        p = gx("check", "--isolated", "--format", "json", "--select", "GX7", str(d), "--history", hist, env=env)
        obj = json.loads(p.stdout)
        assert [x["code"] for f in obj["files"] for x in f["diagnostics"]] == [], p.stderr
