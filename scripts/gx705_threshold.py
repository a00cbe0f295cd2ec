"""The measurements behind GX705's threshold (copied-from-last-year): how much of section 五 is
carried over between reports that were rewritten, between different organs, in generated series,
and in copies of a 五 with a few words changed.  Prints the table the rule's page quotes.

    python scripts/gx705_threshold.py            # from the project root

The share is the rule's own measure (gxlint.across.compare: section 五's characters that stand in
runs of K characters found in the other report's 五).
"""

from __future__ import annotations

import glob
import itertools
import os
import random
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

REAL = os.path.join(ROOT, "tests", "fixtures", "corpus_real")
SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")
EDITS = (0, 2, 5, 10, 15, 20, 30)  # edits per 100 characters
WORDS = ("进一步", "加强", "不断", "有效", "切实", "工作", "推进", "完善", "全面", "积极")


def section5(path: str):
    from gxlint.across.compare import prose_of
    from gxlint.io import read_bytes
    from gxlint.parse import parse
    from gxlint.read import read

    src = read(read_bytes(path), path)
    doc = parse(src.text, path, native=src.native_cells)
    p = prose_of(doc, 5)
    return doc, (p.text if p is not None else "")


def carried(new: str, old: str) -> float:
    from gxlint.across.compare import grams, share, shared

    return share(shared(grams(new), len(new), grams(old)), len(new))


def edited(text: str, per100: int, rng: random.Random) -> str:
    """``text`` with ``per100`` edits per 100 characters: a word of two or three characters put in
    the place of two characters, at random places."""
    s = list(text)
    for _ in range(len(s) * per100 // 100):
        i = rng.randrange(max(1, len(s) - 2))
        s[i : i + 2] = rng.choice(WORDS)
    return "".join(s)


def main() -> int:
    from gxlint import synth
    from gxlint.across.compare import COPIED_MIN_CHARS, COPIED_SHARE
    from gxlint.parse import parse

    reports = {}
    for f in sorted(glob.glob(os.path.join(REAL, "*.txt"))) + sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        doc, five = section5(f)
        reports[os.path.basename(f)] = (doc.meta.year, five)
    print(f"threshold {COPIED_SHARE:.0%}, section 五 of at least {COPIED_MIN_CHARS} characters\n")

    print("1. one organ, consecutive years, rewritten (平潭综合实验区):")
    for y in range(2020, 2025):
        new, old = reports[f"pingtan-{y}.txt"][1], reports[f"pingtan-{y - 1}.txt"][1]
        print(f"   {y - 1}→{y}: {carried(new, old):6.1%}  ({len(new)} characters)")

    series = {f"pingtan-{y}.txt" for y in range(2019, 2025)}
    cross = []
    for a, b in itertools.permutations(sorted(reports), 2):
        if a in series and b in series:
            continue  # one organ
        new, old = reports[b][1], reports[a][1]
        if len(new) >= COPIED_MIN_CHARS and len(old) >= COPIED_MIN_CHARS:
            cross.append((carried(new, old), a, b))
    cross.sort(reverse=True)
    print(f"\n2. different organs ({len(reports)} real reports and seeds, {len(cross)} ordered pairs):")
    print(
        f"   highest {cross[0][0]:.1%} ({cross[0][2]} against {cross[0][1]}), "
        f"median {statistics.median(x[0] for x in cross):.1%}, "
        f"above 10%: {sum(1 for x in cross if x[0] > 0.10)}"
    )

    gen = []
    for seed in range(20):
        reps = synth.series(seed, (2021, 2022, 2023, 2024))
        texts = []
        for r in reps:
            from gxlint.across.compare import prose_of

            d = parse(r.render().text, f"{r.year}.txt")
            texts.append(prose_of(d, 5).text)
        gen.extend(carried(b, a) for a, b in zip(texts, texts[1:]))
    print(f"\n3. generated series (gxlint.synth.series, {len(gen)} consecutive pairs):")
    print(f"   highest {max(gen):.1%}, median {statistics.median(gen):.1%}")

    print("\n4. last year's 五 copied with edits (each edit: 2 characters replaced by a 2–3 character word):")
    rng = random.Random(705)
    fives = [t for _y, t in reports.values() if len(t) >= COPIED_MIN_CHARS]
    for per100 in EDITS:
        shares = [carried(edited(t, per100, rng), t) for t in fives for _ in range(3)]
        fires = sum(1 for s in shares if s >= COPIED_SHARE)
        print(
            f"   {per100:2d} edits per 100 characters: {min(shares):6.1%} – {max(shares):6.1%}, "
            f"median {statistics.median(shares):6.1%}; over the threshold {fires}/{len(shares)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
