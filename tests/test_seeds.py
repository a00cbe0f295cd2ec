"""Every expectation of seeds/expected.json (EXPECTED.md) as a test, both ways."""

import functools
import os

import pytest

from seedutil import SEEDS, check_expectation, diagnostics_of, expectation_cases


@functools.lru_cache(maxsize=None)
def diagnostics(name):
    return diagnostics_of(os.path.join(SEEDS, name))


@pytest.mark.parametrize("name,kind,entry", list(expectation_cases(SEEDS)))
def test_seed_expectation(name, kind, entry):
    check_expectation(name, kind, entry, diagnostics(name))
