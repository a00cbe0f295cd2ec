"""Every expectation of corpus_real/expected.json as a test, both ways: complete real reports as their
issuers published them (../shared/corpus/real, copied into tests/fixtures/corpus_real), where a
reviewer must be able to trust every error.  corpus_real_extra.json holds the expectations of rules
the shared corpus does not know yet (GX606, GX105), checked the same way; the copy itself stays
byte-identical to the shared folder."""
import functools
import os

import pytest

from seedutil import CORPUS_REAL, ROOT, check_expectation, diagnostics_of, expectation_cases


@functools.lru_cache(maxsize=None)
def diagnostics(name):
    return diagnostics_of(os.path.join(CORPUS_REAL, name))


EXTRA = os.path.join(ROOT, "tests", "fixtures", "corpus_real_extra.json")


@pytest.mark.parametrize("name,kind,entry", list(expectation_cases(CORPUS_REAL))
                         + list(expectation_cases(CORPUS_REAL, spec_path=EXTRA, prefix="extra-")))
def test_corpus_expectation(name, kind, entry):
    check_expectation(name, kind, entry, diagnostics(name))


def test_corpus_copy_is_current():
    """The fixtures are a copy of ../shared/corpus/real; when the shared corpus changes, copy it again."""
    shared = os.path.join(ROOT, "..", "shared", "corpus", "real")
    if not os.path.isdir(shared):
        pytest.skip("../shared/corpus/real is not beside this checkout")
    for name in sorted(os.listdir(shared)):
        with open(os.path.join(shared, name), "rb") as a, open(os.path.join(CORPUS_REAL, name), "rb") as b:
            assert a.read() == b.read(), f"tests/fixtures/corpus_real/{name} differs from ../shared/corpus/real/{name}"
