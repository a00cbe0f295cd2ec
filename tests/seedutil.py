"""The seed and layout fixtures (imported by every test folder as `seedutil` — tests/ is on pytest's
pythonpath; not a conftest, whose module name clashes across folders)."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "fixtures", "seeds")
LAYOUTS = os.path.join(HERE, "fixtures", "layouts")
ROOT = os.path.dirname(HERE)


def seed_path(prefix: str) -> str:
    for name in sorted(os.listdir(SEEDS)):
        if name.startswith(prefix) and name.endswith(".txt"):
            return os.path.join(SEEDS, name)
    raise FileNotFoundError(prefix)


def read_seed(prefix: str) -> str:
    with open(seed_path(prefix), encoding="utf-8") as fh:
        return fh.read()


FULL_LAYOUTS = [
    "pipe.txt",
    "cell_per_line_bar.txt",
    "cell_per_line_blank.txt",
    "tabs.txt",
    "markdown.txt",
    "pdf.txt",
    "trad_pinyin_pdf.txt",
    "trad_pinyin_cells.txt",
    "prose_numbers_pipe.txt",
    "prose_numbers_pdf.txt",
]
"""The complete v2021 reports of tests/fixtures/layouts, one per way of writing the tables."""


def read_layout(name: str) -> str:
    with open(os.path.join(LAYOUTS, name), encoding="utf-8") as fh:
        return fh.read()


CORPUS_REAL = os.path.join(HERE, "fixtures", "corpus_real")


def expectation_cases(folder: str, marks_for=None, spec_path: str = "", prefix: str = ""):
    """pytest params (name, kind, entry) for every entry of ``folder``/expected.json (or of
    ``spec_path``: more expectations of the same reports) — the format ../shared/tools/seedcheck.py
    reads (codes, from/to lines, cfrom/cto columns, severity, max n).  ``marks_for(name, kind,
    entry)`` may return pytest marks for a case."""
    import json

    import pytest

    with open(spec_path or os.path.join(folder, "expected.json"), encoding="utf-8") as fh:
        spec = json.load(fh)
    for name, exp in sorted(spec["files"].items()):
        for kind in ("must", "must_not", "max"):
            for e in exp.get(kind, []):
                where = f"{e['from']}-{e['to']}" if "from" in e else "any"
                if "cfrom" in e:
                    where += f":{e['cfrom']}-{e['cto']}"
                cid = f"{prefix}{name.rsplit('.', 1)[0][:14]}-{kind}-{'/'.join(e['codes'])}-{where}"
                marks = (marks_for(name, kind, e) if marks_for else None) or []
                yield pytest.param(name, kind, e, id=cid, marks=marks)


def diagnostics_of(path: str):
    """gxlint's findings for a file, as dicts with 1-based line and column (code points)."""
    from gxlint.engine import lint_path

    res = lint_path(path)
    out = []
    for d in res.diagnostics:
        if res.doc is not None:
            line = res.doc.lines.line_of(d.span.start) + 1
            col = d.span.start - res.doc.lines.line_start(line - 1) + 1
        else:
            line, col = 1, 1
        out.append({"code": d.code, "line": line, "column": col, "severity": d.severity.label, "message": d.message})
    return out


def _matches(d, e) -> bool:
    if not any(d["code"].startswith(c) for c in e["codes"]):
        return False
    if "severity" in e and d["severity"] != e["severity"]:
        return False
    if "from" in e and not e["from"] <= d["line"] <= e["to"]:
        return False
    if "cfrom" in e and not e["cfrom"] <= d["column"] <= e["cto"]:
        return False
    return True


def check_expectation(name: str, kind: str, entry: dict, diags: list) -> None:
    """Assert one expected.json entry against ``diags`` (from :func:`diagnostics_of`)."""
    hits = [d for d in diags if _matches(d, entry)]
    show = lambda ds: "\n".join(f"  {d['line']}:{d['column']}: {d['code']} {d['message']}" for d in ds)  # noqa: E731
    if kind == "must":
        assert hits, f"{name}: expected {entry}, got:\n" + show(diags)
    elif kind == "must_not":
        assert not hits, f"{name}: must not report {entry}, but:\n" + show(hits)
    else:
        assert len(hits) <= entry["n"], f"{name}: {len(hits)} × {entry['codes']}, at most {entry['n']}"
