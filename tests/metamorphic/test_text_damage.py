"""Metamorphic: every real report we have (the seeds, the complete real reports), damaged in every
way gxlint.synth.damage_text knows, may lose findings but never gains an error.

This is the test that would have caught the false errors of the certainty issue: a report's text
flattened by a web archive, its tables written as a PDF converter's Markdown, with LibreOffice's
spacer column, with numbers wrapped inside their cells, as PDF text … — each is the same report,
and an error on a copy that the original does not have is an error about gxlint's reading, not
about the report."""

from __future__ import annotations

import glob
import os

import pytest

from gxlint import synth
from gxlint.engine import lint
from seedutil import ROOT

from .errors import new_errors, show

REPORTS = sorted(
    glob.glob(os.path.join(ROOT, "tests", "fixtures", "seeds", "*.txt"))
    + glob.glob(os.path.join(ROOT, "tests", "fixtures", "corpus_real", "*.txt"))
)


def test_the_real_reports_are_there():
    assert len(REPORTS) >= 16, REPORTS  # 5 seeds, 11 complete real reports: fail, never skip


_clean: dict = {}


def _lint_clean(path: str):
    if path not in _clean:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        _clean[path] = (text, lint(text, path))
    return _clean[path]


@pytest.mark.parametrize("mode", synth.TEXT_DAMAGES)
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: os.path.basename(p)[:18])
def test_a_damaged_copy_gains_no_error(path, mode):
    text, clean = _lint_clean(path)
    for seed in (1, 2):
        damaged_text = synth.damage_text(text, mode, seed)
        damaged = lint(damaged_text, path)
        gained = new_errors(clean, damaged)
        assert not gained, (
            f"{os.path.basename(path)} damaged by {mode} (seed {seed}) gained errors:\n{show(damaged_text, gained)}"
        )
