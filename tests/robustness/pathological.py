"""Pathological documents for the hang guard (tests/robustness/test_pathological.py) and for
``benchmarks/run.py --pathological``.  ``python tests/robustness/pathological.py NAME`` lints one
and prints ``ok <codes>``; any exception or internal error exits non-zero."""

from __future__ import annotations

import os
import sys


def make(name: str) -> str:
    from gxlint import synth

    if name == "oneline_1mb":
        return synth.sample(1, size=1_000_000, layout="oneline").text
    if name == "rows_50k":
        rows = "\n".join(f"（一）予以公开 | {i % 10} | 0 | 0 | 0 | 0 | 0 | {i % 10} |" for i in range(50_000))
        return "三、收到和处理政府信息公开申请情况\n" + rows + "\n四、政府信息公开行政复议、行政诉讼情况\n"
    if name == "headings_10k":
        return "\n".join(f"{'一二三四五六'[i % 6]}、{synth.SECTION_TITLES[i % 6 + 1][2:]}\n正文" for i in range(10_000))
    if name == "digits_1mb":
        return "三、收到和处理政府信息公开申请情况\n" + "1" * 1_000_000
    if name == "pipes_1mb":
        return "二、主动公开政府信息情况\n" + "|" * 1_000_000
    if name == "brackets":
        return "一、总体情况\n" + "（(" * 100_000 + "《“" * 50_000 + "\n" + "）》" * 100_000
    if name == "words_in_table":
        return "三、收到和处理政府信息公开申请情况\n" + "申请 " * 200_000 + "1 2 3"
    if name == "numbers_300k_lines":
        return "三、收到和处理政府信息公开申请情况\n一、本年新收\n" + "0\n" * 300_000
    if name == "long_line_no_breaks":
        return "政府信息公开" * 170_000
    # runs of one character inside a real report (issue 15 item 3): each was quadratic somewhere
    # (80,000 digits in the prose took 27 s, a line of 2,000,000 digits 13 minutes)
    if name == "prose_digits_2m":
        return _seed() + "\n" + "1" * 2_000_000 + "\n"
    if name == "prose_numerals_200k":
        return _seed() + "\n" + "一" * 200_000 + "件\n"
    if name == "prose_spaces_200k":
        return _seed() + "\n" + " " * 200_000 + "1件\n" + "\t" * 200_000 + "x\n"
    if name == "table_commas_200k":
        return _seed().replace(
            "三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况\n" + "，" * 200_000 + "a"
        )
    if name == "digits_5mb":
        return "1" * 5_000_000
    if name == "newline_flood":
        return _seed() + "\n" * 100_000 + "\r\n" * 50_000 + "\r" * 50_000 + _seed()
    raise KeyError(name)


def _seed() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "fixtures", "seeds", "000_da7cd6e56f3cc2e3.txt"), encoding="utf-8") as fh:
        return fh.read()


NAMES = (
    "oneline_1mb",
    "rows_50k",
    "headings_10k",
    "digits_1mb",
    "pipes_1mb",
    "brackets",
    "words_in_table",
    "numbers_300k_lines",
    "long_line_no_breaks",
    "prose_digits_2m",
    "prose_numerals_200k",
    "prose_spaces_200k",
    "table_commas_200k",
    "digits_5mb",
    "newline_flood",
)


def main(name: str) -> int:
    from gxlint import guard
    from gxlint.engine import lint

    # The regex budget (20 s of wall clock for a whole lint) is not what is tested here: on a
    # machine shared with other jobs a slow-but-linear document can pass it.  A budget just under
    # the test's hang guard still turns a runaway into GX002 (a failure) instead of a hang.
    guard.DEFAULT_SECONDS = float(os.environ.get("GXLINT_PATHOLOGICAL_BUDGET", "240"))
    res = lint(make(name), f"{name}.txt")
    bad = [d for d in res.diagnostics if d.code in ("GX001", "GX002")]
    if bad:
        print("internal error:", bad[0].message, bad[0].data.get("traceback", ""))
        return 1
    print("ok", len(res.diagnostics))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
