"""Cost of the meta (GX5) and hygiene (GX6) rules, and the size of what they report.

    python3 benchmarks/gx56_rules.py               # the seeds, and seed 002 repeated 40 times
    python3 benchmarks/gx56_rules.py --repeat 100

For each input: time of a full `lint` and of a lint with GX5/GX6 ignored (best of 5, after a
warm-up), the number of GX5/GX6 findings, the number of safe edits they carry, and the size of
`--format json` for the file.  Wall-clock figures depend on the machine; compare runs on one machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from gxlint.config import Settings  # noqa: E402
from gxlint.engine import lint, registry  # noqa: E402
from gxlint.fixes import chosen_edits  # noqa: E402
from gxlint.output import jsonfmt  # noqa: E402

SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")


def best(fn, n=5):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=40, help="copies of seed 002 in the large input")
    a = ap.parse_args()
    registry()
    inputs = []
    for name in sorted(os.listdir(SEEDS)):
        if name.endswith(".txt"):
            with open(os.path.join(SEEDS, name), encoding="utf-8") as fh:
                inputs.append((name[:3], fh.read()))
    big = dict(inputs)["002"] * a.repeat
    inputs.append((f"002x{a.repeat}", big))
    without = Settings.from_options(None, ignore="GX5,GX6")
    print(f"{'input':<10}{'chars':>9}{'all ms':>9}{'w/o GX5-6':>11}{'GX5-6':>7}{'safe edits':>12}{'json KB':>9}")
    for name, text in inputs:
        lint(text)
        n = 1 if len(text) > 100_000 else 5
        t_all = best(lambda: lint(text), n)
        t_wo = best(lambda: lint(text, None, without), n)
        res = lint(text)
        mine = [d for d in res.diagnostics if d.code[:3] in ("GX5", "GX6")]
        edits = len(set(chosen_edits(mine)))
        res.path = name
        size = len(jsonfmt.render([res], None).encode("utf-8")) // 1024
        print(f"{name:<10}{len(text):>9}{t_all * 1000:>9.0f}{t_wo * 1000:>11.0f}{len(mine):>7}{edits:>12}{size:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
