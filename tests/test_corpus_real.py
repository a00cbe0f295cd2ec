"""Every expectation of corpus_real/expected.json as a test, both ways: complete real reports as their
issuers published them (../shared/corpus/real, copied into tests/fixtures/corpus_real), where a
reviewer must be able to trust every error.  corpus_real_extra.json holds the expectations of rules
the shared corpus does not know yet (GX606, GX105), checked the same way; the copy itself stays
byte-identical to the shared folder."""

import functools
import os
import subprocess

import pytest

from seedutil import CORPUS_REAL, ROOT, SEEDS, check_expectation, diagnostics_of, expectation_cases


@functools.lru_cache(maxsize=None)
def diagnostics(name):
    return diagnostics_of(os.path.join(CORPUS_REAL, name))


EXTRA = os.path.join(ROOT, "tests", "fixtures", "corpus_real_extra.json")


@pytest.mark.parametrize(
    "name,kind,entry",
    list(expectation_cases(CORPUS_REAL)) + list(expectation_cases(CORPUS_REAL, spec_path=EXTRA, prefix="extra-")),
)
def test_corpus_expectation(name, kind, entry):
    check_expectation(name, kind, entry, diagnostics(name))


def _shared(*parts):
    """../shared/<parts> beside the checkout, or beside the main checkout of a git worktree."""
    roots = [ROOT]
    try:
        p = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
        if p.returncode == 0 and p.stdout.strip():
            roots.append(os.path.dirname(p.stdout.strip()))
    except OSError:
        pass
    for r in roots:
        shared = os.path.join(r, "..", "shared", *parts)
        if os.path.isdir(shared):
            return shared
    return None


@pytest.mark.parametrize(
    "shared_parts,copy", [(("corpus", "real"), CORPUS_REAL), (("seeds",), SEEDS)], ids=["corpus_real", "seeds"]
)
def test_fixture_copy_is_current(shared_parts, copy):
    """tests/fixtures/corpus_real and seeds are copies of ../shared/corpus/real and ../shared/seeds;
    when the shared data changes, copy it again."""
    shared = _shared(*shared_parts)
    where = "../shared/" + "/".join(shared_parts)
    if shared is None:
        pytest.skip(f"{where} is not beside this checkout (the copy in tests/fixtures is the data)")
    assert sorted(os.listdir(shared)) == sorted(os.listdir(copy))
    for name in sorted(os.listdir(shared)):
        with open(os.path.join(shared, name), "rb") as a, open(os.path.join(copy, name), "rb") as b:
            assert a.read() == b.read(), f"{os.path.relpath(copy, ROOT)}/{name} differs from {where}/{name}"
