"""Every message, rendered with real data in both languages, speaks to an official: no internal
identifiers (column ids like ``ce``/``tot``, row ids like ``r3_7``, table keys like ``t3/``), no
unfilled ``{placeholders}``, no Python reprs.

The data: the seed reports, the layouts, the bundled examples, the real corpus (tests/fixtures)
and every rule's documented bad examples, each linted with every rule, in Chinese and English."""

import glob
import os
import re

import pytest

from gxlint.config import Settings
from gxlint.engine import lint, registry
from seedutil import CORPUS_REAL, ROOT, SEEDS

HERE = os.path.dirname(os.path.abspath(__file__))

COLUMN_IDS = ("np", "ce", "ri", "sw", "ls", "ot", "sub", "tot")
LEAKS = [
    (re.compile(r"(?<![A-Za-z])(?:" + "|".join(COLUMN_IDS) + r")(?![A-Za-z])"), "a column id"),
    (re.compile(r"\br\d+(?:_\d+)+\b"), "a row id"),
    (re.compile(r"\bt[1-4]/"), "a table key"),
    (re.compile(r"\{\w*\}"), "an unfilled placeholder"),
    (re.compile(r"\bNone\b|\bTrue\b|\bFalse\b|<[\w.]+ object at|\[\]|\{\}|\(\)"), "a Python value"),
    (re.compile(r"\bT\d\.\w+"), "an identity id"),
]


def _texts():
    out = []
    for folder in (SEEDS, os.path.join(HERE, "fixtures", "layouts"), os.path.join(ROOT, "examples"), CORPUS_REAL):
        for p in sorted(glob.glob(os.path.join(folder, "*.txt"))):
            with open(p, encoding="utf-8", errors="replace") as fh:
                out.append((os.path.basename(p), fh.read()))
    for code, cls in registry().items():
        for i, m in enumerate(re.finditer(r"```report bad\n(.*?)```", cls.doc or "", re.S)):
            out.append((f"{code}-bad{i}", m.group(1)))
    return out


TEXTS = _texts()


def _messages(lang):
    """(code, message id, source, text) of every message, related message and fix message."""
    s = Settings(lang=lang)
    for name, text in TEXTS:
        for d in _lint(text, s).diagnostics:
            mid = d.data.get("message_id", "") if isinstance(d.data, dict) else ""
            yield d.code, mid, name, d.message
            for r in d.related:
                yield d.code, mid + "/related", name, r.message
            if d.fix is not None:
                yield d.code, mid + "/fix", name, d.fix.message


def _lint(text, s):
    """One report, or the last of a bundle of reports read together (GX7 examples)."""
    from gxlint.across.index import Index, entry_from_document
    from gxlint.parse import parse
    from gxlint.testing import split_bundle

    files = split_bundle(text)
    if not files:
        return lint(text, None, s)
    index = Index()
    for path, t in files[:-1]:
        index.add(entry_from_document(parse(t, path), path))
    return lint(files[-1][1], files[-1][0], s, index=index)


def _strip_quoted(msg: str) -> str:
    """Text quoted from the report (“…”, 《…》) is the report's, not ours: leave it out."""
    return re.sub(r"“[^”]*”|《[^》]*》|\"[^\"]*\"|‘[^’]*’", "", msg)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_internal_identifiers_in_rendered_messages(lang):
    bad = []
    codes = set()
    for code, mid, src, msg in _messages(lang):
        codes.add(code)
        plain = _strip_quoted(msg)
        for pat, what in LEAKS:
            m = pat.search(plain)
            if m:
                bad.append(f"{code} {mid} ({src}): {what} {m.group()!r} in: {msg}")
    assert not bad, "\n".join(sorted(set(bad))[:40])
    # the data exercises every rule that reports on text (GX001/GX002 come from the engine)
    missing = {c for c, k in registry().items() if not k.emitted_by_engine} - codes
    assert not missing, f"no real data renders a message of {sorted(missing)}"


def test_the_leak_check_can_fail():
    """The patterns catch the leaks the issue reported (GX302 said "ce: 0 … its ce cell")."""
    for msg in (
        "（七）总计, ce: 0, but the outcome rows add up to 9",
        "its tot cell (1)",
        "row r3_7 is wrong",
        "see t3/r3_7/ce",
        "{column_en} column",
    ):
        assert any(p.search(_strip_quoted(msg)) for p, _ in LEAKS), msg
    assert not any(p.search("the commercial enterprises column: 0") for p, _ in LEAKS)
