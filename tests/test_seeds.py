"""Every expectation of seeds/expected.json (EXPECTED.md) as a test, both ways."""
import functools
import json
import os

import pytest

from gxlint.engine import lint_path

from seedutil import SEEDS

with open(os.path.join(SEEDS, "expected.json"), encoding="utf-8") as _fh:
    SPEC = json.load(_fh)

# Two expectations the seed file itself contradicts (kept as strict xfails, so that a change in the seed
# or in gxlint is noticed; inventing the findings would be false reports):
# - EXPECTED.md says lines 54–55 of seed 003 carry no numbers, but both lines hold seven
#   (…申请\t\t0\t0\t0\t0\t0\t0\t0): gxlint reads them as complete rows.
# - EXPECTED.md says the corner note on line 30 of seed 003 opens "(" and never closes, but the line is
#   "(本列数据的勾稽关系为：…第三项加第四项之和)\t申请人情况…": balanced.  (Seed 002's corner note, line 84,
#   is the one that never closes, and gxlint reports it there.)
CONTRADICTED = {
    ("003_7293952701c65ca5.txt", "must", "GX203/GX204", 54),
    ("003_7293952701c65ca5.txt", "must", "GX604", 30),
}


@functools.lru_cache(maxsize=None)
def diagnostics(name):
    res = lint_path(os.path.join(SEEDS, name))
    return [
        {"code": d.code, "line": res.doc.lines.line_of(d.span.start) + 1 if res.doc else 1,
         "severity": d.severity.label, "message": d.message}
        for d in res.diagnostics
    ]


def _matches(d, e):
    if not any(d["code"].startswith(c) for c in e["codes"]):
        return False
    if "severity" in e and d["severity"] != e["severity"]:
        return False
    if "from" in e and not e["from"] <= d["line"] <= e["to"]:
        return False
    return True


def _cases():
    for name, exp in sorted(SPEC["files"].items()):
        for kind in ("must", "must_not", "max"):
            for e in exp.get(kind, []):
                where = f"{e['from']}-{e['to']}" if "from" in e else "any"
                cid = f"{name[:3]}-{kind}-{'/'.join(e['codes'])}-{where}"
                marks = []
                if (name, kind, "/".join(e["codes"]), e.get("from")) in CONTRADICTED:
                    marks.append(pytest.mark.xfail(strict=True, reason="the seed file contradicts this expectation"))
                yield pytest.param(name, kind, e, id=cid, marks=marks)


@pytest.mark.parametrize("name,kind,entry", list(_cases()))
def test_seed_expectation(name, kind, entry):
    diags = diagnostics(name)
    hits = [d for d in diags if _matches(d, entry)]
    if kind == "must":
        assert hits, f"{name}: expected {entry}, got:\n" + "\n".join(f"  {d['line']}: {d['code']} {d['message']}" for d in diags)
    elif kind == "must_not":
        assert not hits, f"{name}: must not report {entry}, but:\n" + "\n".join(f"  {d['line']}: {d['code']} {d['message']}" for d in hits)
    else:
        assert len(hits) <= entry["n"], f"{name}: {len(hits)} × {entry['codes']}, at most {entry['n']}"
