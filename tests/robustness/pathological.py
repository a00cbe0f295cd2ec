"""Pathological documents for the hang guard (tests/robustness/test_pathological.py) and for
``benchmarks/run.py --pathological``.  ``python tests/robustness/pathological.py NAME`` lints one
and prints ``ok <codes>``; any exception or internal error exits non-zero."""
from __future__ import annotations

import sys


def make(name: str) -> str:
    from gxlint import synth

    if name == "oneline_1mb":
        return synth.sample(1, size=1_000_000, layout="oneline").text
    if name == "rows_50k":
        rows = "\n".join(f"（一）予以公开 | {i % 10} | 0 | 0 | 0 | 0 | 0 | {i % 10} |" for i in range(50_000))
        return "三、收到和处理政府信息公开申请情况\n" + rows + "\n四、政府信息公开行政复议、行政诉讼情况\n"
    if name == "headings_10k":
        return "\n".join(f"{'一二三四五六'[i % 6]}、{synth.SECTION_TITLES[i % 6 + 1][2:]}\n正文"
                         for i in range(10_000))
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
    raise KeyError(name)


NAMES = ("oneline_1mb", "rows_50k", "headings_10k", "digits_1mb", "pipes_1mb", "brackets",
         "words_in_table", "numbers_300k_lines", "long_line_no_breaks")


def main(name: str) -> int:
    from gxlint.engine import lint

    res = lint(make(name), f"{name}.txt")
    bad = [d for d in res.diagnostics if d.code in ("GX001", "GX002")]
    if bad:
        print("internal error:", bad[0].message, bad[0].data.get("traceback", ""))
        return 1
    print("ok", len(res.diagnostics))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
