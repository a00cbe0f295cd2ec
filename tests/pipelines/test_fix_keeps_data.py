"""A safe fix never silently takes away what another rule reads (issue: the GX605 fix deleted a web
archive's 标题:/发布时间: lines — the only title of two 平潭 reports, and the date GX502 reads).

For every text fixture (the seeds, the real corpus read together as one organ's years, the layouts,
the examples), ``gxlint check --fix-only`` is run on a copy; afterwards the GX5/GX7 findings are not
fewer, except those whose own safe fix was applied, the GX7 year-to-year pairs are all still
compared, and what the report says about itself (organ, year, the date GX502 checks, signature
date, title) reads the same."""

import collections
import glob
import json
import os
import shutil

import pytest

from gxlint.engine import lint
from gxlint.parse.normalize import key_t2s

from .conftest import ROOT, gx

FIX = os.path.join(ROOT, "tests", "fixtures")
GROUPS = {
    "seeds": glob.glob(os.path.join(FIX, "seeds", "*.txt")),
    "corpus_real": glob.glob(os.path.join(FIX, "corpus_real", "*.txt")),
    "layouts": glob.glob(os.path.join(FIX, "layouts", "*.txt")),
    "examples": glob.glob(os.path.join(ROOT, "examples", "*.txt")),
}


def _check(folder):
    p = gx(
        "check", "--isolated", "--format", "json", "--exit-zero", "--lint-all", "--select", "GX5,GX7,GX605", str(folder)
    )
    assert p.returncode == 0, p.stderr.decode()
    js = json.loads(p.stdout)
    found = {os.path.basename(f["path"]): f["diagnostics"] for f in js["files"]}
    return found, js.get("carry_over") or []


def _facts(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    doc = lint(text, os.path.basename(path)).doc
    if doc is None:
        return None
    m = doc.meta
    title = m.title_norm
    # the date GX502 checks: the page's publication date, else the signature's
    return {
        "organ": key_t2s(m.organ) if m.organ else None,
        "year": m.year,
        "date": m.published or m.signature.date,
        "signature": m.signature.date,
        "title": key_t2s(title) if title else None,
        "level": m.organ_level,
    }


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_safe_fixes_keep_what_gx5_and_gx7_read(group, tmp_path):
    files = GROUPS[group]
    assert files, group
    folder = tmp_path / group
    folder.mkdir()
    for f in files:
        shutil.copyfile(f, folder / os.path.basename(f))
    before, pairs_before = _check(folder)
    facts_before = {os.path.basename(f): _facts(folder / os.path.basename(f)) for f in files}
    p = gx("check", "--isolated", "--fix-only", "--lint-all", str(folder))
    assert p.returncode == 0, p.stderr.decode()
    after, pairs_after = _check(folder)
    assert len(pairs_after) == len(pairs_before), "every year-to-year pair is still compared"
    lost = []
    for name, diags in before.items():
        fixed = collections.Counter(d["code"] for d in diags if d["fix"] and d["fix"]["safe"])
        had = collections.Counter(d["code"] for d in diags if d["code"] != "GX605")
        now = collections.Counter(d["code"] for d in after.get(name, []) if d["code"] != "GX605")
        for code, n in had.items():
            if now[code] < n - fixed[code]:
                lost.append((name, code, n, now[code]))
        facts_after = _facts(folder / name)
        if facts_before[name] is not None:
            for k, v in facts_before[name].items():
                if v is not None and (facts_after or {}).get(k) != v:
                    lost.append((name, k, v, (facts_after or {}).get(k)))
    assert not lost, f"a safe fix took away what GX5/GX7 read: {lost}"
