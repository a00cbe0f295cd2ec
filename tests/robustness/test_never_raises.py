"""The whole lint never raises, never reports an internal error (GX001) and never points outside
the text — on arbitrary text, on mutated seeds and generated reports, and on random bytes read
through the file reader."""

from __future__ import annotations

import glob
import os

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from gxlint import synth
from gxlint.engine import lint, lint_bytes
from gxlint.fuzz import check_one

SEEDS_DIR = os.path.join(os.path.dirname(__file__), "..", "fixtures", "seeds")
SEEDS = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(SEEDS_DIR, "*.txt")))]

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# characters that matter to the parser: numerals, separators, brackets, labels, NBSP, pinyin …
REPORT_CHARS = (
    "一二三四五六七八九十、，。：；（）()“”《》|\t\n\r 0123456789.-+增减件申请公开政府信息情况总计"
    "自然人商业企业予以不予无法提供处理结转下年度行政复议诉讼规章年月日\u00a0\u3000\ufeff(bàogào)"
)


def assert_sane(text: str) -> None:
    res = lint(text, "t.txt")
    internal = [d for d in res.diagnostics if d.code == "GX001"]
    assert not internal, internal[0].message + "\n" + internal[0].data.get("traceback", "")
    for d in res.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(text), (d.code, d.span, len(text))
        for r in d.related:
            assert 0 <= r.span.start <= r.span.end <= len(text), (d.code, r.span, len(text))


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    assert_sane(text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(REPORT_CHARS), max_size=4000))
def test_report_like_text(text):
    assert_sane(text)


def _mutate(text: str, ops, rnd) -> str:
    for op, a, b, ins in ops:
        n = len(text)
        if n == 0:
            return ins
        i, j = sorted((a % n, b % n))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + ins + text[i:]
        elif op == "replace":
            text = text[:i] + ins + text[i + 1 :]
        elif op == "swap_lines":
            lines = text.split("\n")
            x, y = a % len(lines), b % len(lines)
            lines[x], lines[y] = lines[y], lines[x]
            text = "\n".join(lines)
        elif op == "join_lines":
            text = text[:i] + text[i:j].replace("\n", rnd) + text[j:]
    return text


ops = st.lists(
    st.tuples(
        st.sampled_from(("delete", "duplicate", "insert", "replace", "swap_lines", "join_lines")),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.text(alphabet=st.sampled_from(REPORT_CHARS), max_size=20),
    ),
    min_size=1,
    max_size=8,
)


@SETTINGS
@given(seed=st.sampled_from(range(len(SEEDS))), ops=ops, joiner=st.sampled_from(("", " ", "|", "\t")))
def test_mutated_seeds(seed, ops, joiner):
    assert_sane(_mutate(SEEDS[seed], ops, joiner))


@SETTINGS
@given(
    seed=st.integers(0, 1000), layout=st.sampled_from(synth.LAYOUTS), ops=ops, joiner=st.sampled_from(("", " ", "|"))
)
def test_mutated_generated_reports(seed, layout, ops, joiner):
    assert_sane(_mutate(synth.sample(seed, layout=layout).text, ops, joiner))


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes_through_the_reader(data):
    res = lint_bytes(data, "b.txt")
    assert not [d for d in res.diagnostics if d.code == "GX001"]
    if res.text is None:  # unreadable: exactly one GX002, nothing else
        assert [d.code for d in res.diagnostics] == ["GX002"]


@SETTINGS
@given(
    seed=st.sampled_from(range(len(SEEDS))),
    cut=st.integers(0, 10**6),
    enc=st.sampled_from(("utf-8", "utf-8-sig", "gb18030", "utf-16")),
    junk=st.binary(max_size=16),
)
def test_encoded_and_damaged_seeds(seed, cut, enc, junk):
    data = SEEDS[seed].encode(enc)
    i = cut % (len(data) + 1)
    check_one(data[:i] + junk + data[i:])
