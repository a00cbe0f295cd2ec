"""A flood of blank lines (issue 15, item 5): memory per input byte stays bounded (generous limit,
measured with tracemalloc: no wall-clock).  The figures for a 19 MB flood are a row of
benchmarks/batch_memory.py (``--newlines 19``)."""

from __future__ import annotations

import tracemalloc

from gxlint.config import Settings
from gxlint.engine import lint, registry


def test_blank_line_flood_costs_bytes_not_objects_per_line():
    """A flood of blank lines after a line of text: peak Python allocations stay within ~40 bytes
    per input byte (generous; it was ~230: a match object, a list and an int object per line)."""
    registry()
    text = "报告\n" + "\n" * 200_000
    lint(text, "x.txt", Settings())  # warm up (compiled patterns, converters)
    tracemalloc.start()
    try:
        lint(text, "x.txt", Settings())
        _cur, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * len(text), f"{peak / len(text):.0f} bytes per input byte"
