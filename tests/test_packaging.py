"""The wheel contains every rule module, under gxlint/rules/, the data they read, and the pages'
scripts (gxlint/report/page.js, gxlint/across/compare.js) the HTML outputs inline."""

import os
import subprocess
import sys
import zipfile

import pytest

from seedutil import ROOT


@pytest.mark.slow
def test_wheel_contains_every_rule_module(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), ROOT],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    wheels = [f for f in os.listdir(tmp_path) if f.endswith(".whl")]
    assert len(wheels) == 1
    names = set(zipfile.ZipFile(tmp_path / wheels[0]).namelist())
    rules_dir = os.path.join(ROOT, "rules")
    expected = set()
    for root, _dirs, files in os.walk(rules_dir):
        for f in files:
            if f.endswith(".py"):
                rel = os.path.relpath(os.path.join(root, f), rules_dir).replace(os.sep, "/")
                expected.add("gxlint/rules/" + rel)
    assert expected and expected <= names, sorted(expected - names)
    assert not any(n.startswith("rules/") for n in names)
    for t in (
        "gxlint/templates/v2019.toml",
        "gxlint/templates/v2021.toml",
        "gxlint/templates/common.toml",
        "gxlint/lexicon/words.txt.gz",
        "gxlint/report/page.js",
        "gxlint/across/compare.js",
    ):
        assert t in names


def test_the_dev_extra_installs_the_test_dependencies():
    """``pip install -e '.[dev]'`` (the name the README gives, and the usual one) brings what the
    tests need: the metadata pip reads resolves the extra ``dev`` to the ``test`` requirements."""
    import os

    import tomllib

    from seedutil import ROOT

    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        extras = tomllib.load(fh)["project"]["optional-dependencies"]
    assert "dev" in extras and "pytest>=8" in extras["test"]
    want = set(extras["test"])
    got = set()
    for req in extras["dev"]:
        if req.startswith("gxlint[") and req.endswith("]"):
            for name in req[7:-1].split(","):
                got |= set(extras[name.strip()])
        else:
            got.add(req)
    assert want <= got
    from importlib.metadata import metadata

    provided = metadata("gxlint").get_all("Provides-Extra") or []
    if "dev" in provided:  # an install made from this pyproject (editable: re-run pip to refresh)
        assert "test" in provided
