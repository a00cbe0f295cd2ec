"""The report format as data: one TOML file per template version plus the parts they share.

Adding a revision of the national format is adding ``v20xx.toml`` and its first report year.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Any, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_HERE = os.path.dirname(__file__)
VERSIONS = ("v2019", "v2021")


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    with open(os.path.join(_HERE, name + ".toml"), "rb") as fh:
        return tomllib.load(fh)


def common() -> dict[str, Any]:
    return load("common")


def version(vid: str) -> dict[str, Any]:
    if vid not in VERSIONS:
        raise KeyError(f"unknown template {vid!r}")
    return load(vid)


def for_year(year: Optional[int]) -> Optional[str]:
    """The template a report for this year must use (None: before 2019 or unknown)."""
    if year is None:
        return None
    best = None
    for vid in VERSIONS:
        if year >= version(vid)["first_year"]:
            best = vid
    return best


def template_data(vid: str) -> dict[str, Any]:
    """The template (TOML data) of a version: v2019 / v2021, or "common"."""
    return common() if vid == "common" else version(vid)
