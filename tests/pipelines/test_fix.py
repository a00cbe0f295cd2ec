"""--fix / --unsafe-fixes / --diff / --fix-only: atomic, encoding- and line-ending-preserving, idempotent."""

import codecs
import json
import os

import pytest

from gxlint.batch import atomic_write

from .conftest import gx, seed_text

ENCODINGS = [
    ("utf-8", "\n", b""),
    ("utf-8", "\r\n", codecs.BOM_UTF8),
    ("gb18030", "\r\n", b""),
    ("utf-16-le", "\n", codecs.BOM_UTF16_LE),
]


@pytest.mark.parametrize("encoding, newline, bom", ENCODINGS)
def test_fix_keeps_encoding_bom_and_line_endings_and_is_idempotent(tmp_path, encoding, newline, bom):
    text = seed_text("001")
    assert "\n00 |" in text  # GX205: a malformed 00 with a safe fix
    data = bom + text.replace("\n", newline).encode(encoding)
    f = tmp_path / "r.txt"
    f.write_bytes(data)
    p = gx("check", "--isolated", "--fix", "--format", "json", "r.txt", cwd=tmp_path)
    assert p.returncode == 1  # the arithmetic errors remain (their fixes are unsafe)
    remaining = {d["code"] for d in json.loads(p.stdout)["files"][0]["diagnostics"]}
    assert "GX205" not in remaining and "GX301" in remaining
    out = f.read_bytes()
    assert out.startswith(bom)
    expected = bom + text.replace("\n00 |", "\n0 |", 1).replace("\n", newline).encode(encoding)
    assert out == expected
    st = os.stat(f)
    gx("check", "--isolated", "--fix", "r.txt", cwd=tmp_path)
    assert f.read_bytes() == expected
    assert os.stat(f).st_mtime_ns == st.st_mtime_ns and os.stat(f).st_ino == st.st_ino  # not rewritten
    assert [n for n in os.listdir(tmp_path) if n.startswith(".gxlint-")] == []  # no temp file left


def test_only_unsafe_fixes_leave_the_file_untouched_unless_asked(tmp_path):
    text = seed_text("001").replace("\n00 |", "\n0 |", 1)
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    st = os.stat(f)
    p = gx("check", "--isolated", "--fix", "--select", "GX301", "r.txt", cwd=tmp_path)
    assert p.returncode == 1
    assert os.stat(f).st_mtime_ns == st.st_mtime_ns and f.read_text(encoding="utf-8") == text
    found = json.loads(gx("check", "--isolated", "--format", "json", "--select", "GX301", "r.txt", cwd=tmp_path).stdout)
    fixes = [d["fix"] for d in found["files"][0]["diagnostics"]]
    assert fixes and all(fx and not fx["safe"] for fx in fixes)
    p = gx("check", "--isolated", "--fix", "--unsafe-fixes", "--select", "GX301", "r.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stdout.decode()  # every row total now adds up
    lines = f.read_text(encoding="utf-8").split("\n")
    changed = [i + 1 for i, (a, b) in enumerate(zip(lines, text.split("\n"))) if a != b]
    assert changed == sorted(fx["edits"][0]["start"]["line"] for fx in fixes)
    for fx in fixes:
        e = fx["edits"][0]
        assert lines[e["start"]["line"] - 1].startswith(e["new_text"])
    assert gx("check", "--isolated", "--unsafe-fixes", "r.txt", cwd=tmp_path).returncode == 2  # needs --fix


def test_diff_shows_and_does_not_write(tmp_path):
    text = seed_text("001")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    p = gx("check", "--isolated", "--diff", "r.txt", cwd=tmp_path)
    assert p.returncode == 1
    out = p.stdout.decode()
    assert out.startswith("--- a/r.txt\n+++ b/r.txt\n@@ ")
    assert "\n-00 | ||\n+0 | ||\n" in out
    assert f.read_text(encoding="utf-8") == text
    f.write_text(text.replace("\n00 |", "\n0 |", 1), encoding="utf-8")
    p = gx("check", "--isolated", "--diff", "--select", "GX205", "r.txt", cwd=tmp_path)
    assert p.returncode == 0 and p.stdout == b""


def test_fix_only_and_stdin_and_read_only(tmp_path):
    text = seed_text("001")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    p = gx("check", "--isolated", "--fix-only", "r.txt", cwd=tmp_path)
    assert p.returncode == 0 and p.stdout == b""
    assert "\n0 | ||" in f.read_text(encoding="utf-8") and "\n00 |" not in f.read_text(encoding="utf-8")
    # standard input is never written; --diff shows its fixes
    p = gx("check", "--isolated", "--diff", "-", "--stdin-filename", "s.txt", input=text.encode(), cwd=tmp_path)
    assert b"+++ b/s.txt" in p.stdout
    # a file that cannot be written: a message, the other files are still fixed
    ro = tmp_path / "ro.txt"
    ro.write_text(text, encoding="utf-8")
    g = tmp_path / "g.txt"
    g.write_text(text, encoding="utf-8")
    ro.chmod(0o444)
    if os.access(ro, os.W_OK):
        os.chmod(ro, 0o644)
        pytest.skip("running as a user who can write read-only files")
    p = gx("check", "--isolated", "--fix", "ro.txt", "g.txt", cwd=tmp_path)
    assert b"ro.txt" in p.stderr and b"Traceback" not in p.stderr
    assert ro.read_text(encoding="utf-8") == text and "\n00 |" not in g.read_text(encoding="utf-8")


def test_fix_keeps_mode_and_follows_symlinks(tmp_path):
    text = seed_text("001")
    real = tmp_path / "real.txt"
    real.write_text(text, encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    # a named link is written (its target) only when asked: --follow-symlinks (issue 29, item 2)
    assert gx("check", "--isolated", "--fix", "--follow-symlinks", "link.txt", cwd=tmp_path).returncode == 1
    assert link.is_symlink() and "\n00 |" not in real.read_text(encoding="utf-8")
    assert (os.stat(real).st_mode & 0o777) == 0o640


def test_atomic_write_cleans_up_on_failure(tmp_path, monkeypatch):
    f = tmp_path / "x.txt"
    f.write_bytes(b"old")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(str(f), b"new")
    assert f.read_bytes() == b"old" and os.listdir(tmp_path) == ["x.txt"]


def test_a_write_failure_is_reported_not_raised(tmp_path, monkeypatch):
    """(Works as root too, where chmod cannot make a file read-only.)"""
    from gxlint import batch
    from gxlint.config import Settings

    text = seed_text("001")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")

    def full(path, data, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch, "atomic_write", full)
    res = batch.check_one(batch.Task(str(f), "r.txt", Settings()), batch.FixMode(fix=True))
    info = res.meta["fix"]
    assert info["error"] == "No space left on device" and not info["written"] and info["changed"]
    assert "GX205" in {d.code for d in res.diagnostics}  # what the file still has is reported
    assert f.read_text(encoding="utf-8") == text


# --- issue 15 item 11: --fix keeps owner, mode and links, and never overwrites an edit ---------


def _fixable(tmp_path, name="r.txt"):
    f = tmp_path / name
    f.write_text(seed_text("001"), encoding="utf-8")  # GX205: a malformed 00 with a safe fix
    return f


def test_fix_refuses_a_read_only_file_even_as_root(tmp_path):
    f = _fixable(tmp_path)
    f.chmod(0o444)
    p = gx("check", "--isolated", "--fix", "r.txt", cwd=tmp_path)
    assert p.returncode == 2 and "只读".encode() in p.stderr and b"Traceback" not in p.stderr
    assert f.read_text(encoding="utf-8") == seed_text("001") and (f.stat().st_mode & 0o777) == 0o444


def test_fix_keeps_hard_links_by_refusing(tmp_path):
    f = _fixable(tmp_path)
    other = tmp_path / "other-name.txt"
    os.link(f, other)
    p = gx("check", "--isolated", "--fix", "r.txt", cwd=tmp_path)
    assert p.returncode == 2 and "硬链接".encode() in p.stderr
    assert os.stat(f).st_ino == os.stat(other).st_ino and f.read_text(encoding="utf-8") == seed_text("001")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file to another user")
def test_fix_as_root_keeps_another_users_ownership(tmp_path):
    f = _fixable(tmp_path)
    os.chown(f, 12345, 23456)
    f.chmod(0o640)
    p = gx("check", "--isolated", "--fix", "r.txt", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    st = os.stat(f)
    assert "\n00 |" not in f.read_text(encoding="utf-8")
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (12345, 23456, 0o640)


def test_fix_skips_a_file_edited_while_it_was_checked(tmp_path, monkeypatch):
    from gxlint import batch, engine
    from gxlint.config import Settings

    f = _fixable(tmp_path)
    real_lint_path = engine.lint_path

    def lint_then_edit(path, settings, **kw):
        res = real_lint_path(path, settings, **kw)
        with open(path, "a", encoding="utf-8") as fh:  # someone saves the file meanwhile
            fh.write("编辑者新加的一行\n")
        return res

    monkeypatch.setattr(engine, "lint_path", lint_then_edit)
    res = batch.check_one(batch.Task(str(f), "r.txt", Settings()), batch.FixMode(fix=True))
    info = res.meta["fix"]
    assert not info["written"] and "改动" in info["error"]
    assert f.read_text(encoding="utf-8").endswith("编辑者新加的一行\n")


def test_fix_skips_a_file_whose_content_changed_with_the_same_size_and_time(tmp_path):
    from gxlint import batch

    f = _fixable(tmp_path)
    original = f.read_bytes()
    st = os.stat(f)
    edited = original.replace("一、".encode(), "壹、".encode(), 1)
    assert len(edited) == len(original) and edited != original
    f.write_bytes(edited)
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(batch.FixRefused):
        batch.write_fixed(str(f), b"fixed", original, os.stat(f))
    assert f.read_bytes() == edited


def test_fix_removes_its_own_stale_temp_files_only(tmp_path):
    f = _fixable(tmp_path)
    stale = tmp_path / ".gxlint-abc123_x.tmp"  # a run killed before its rename
    stale.write_bytes(b"half a report")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    mine = tmp_path / ".gxlint-notes.tmp"  # not gxlint's naming: kept
    mine.write_bytes(b"keep")
    os.utime(mine, (1_000_000_000, 1_000_000_000))
    p = gx("check", "--isolated", "--fix", "r.txt", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    assert not stale.exists() and mine.exists()
    assert "\n00 |" not in f.read_text(encoding="utf-8")
