"""Language server latency: didChange → publishDiagnostics, excluding the debounce.

Starts ``python -m gxlint lsp`` with ``debounceMs: 0`` and ``logTiming: true``, opens a document,
then repeatedly makes a one-character edit and waits for the diagnostics of that version.  Two
kinds of edit: a table total toggled between its wrong and its corrected value (the diagnostics
really change), and a character typed into a line of prose and deleted again (what a drafter does
most; everything after it moves by one character):

- first answer: client sends didChange → the first publishDiagnostics of that version (for the 1 MB
  document, linted in a child process, the early answer: the last findings carried through the
  edit, :mod:`gxlint.lsp.partial`)
- round trip: client sends didChange → client has the full answer of that version
- server side: the server's own change-received → publish time (from its timing log)
- lint: the lint itself (parse + rules + conversion), as the server measured it

Documents: ~30 KB generated reports (gxlint.synth, one changed cell), simplified and in traditional
script with pinyin residue; a ~30 KB report (seed 001 with the prose of section 一 of every seed repeated in its
section 一) and a ~1 MB document (the same, prose repeated further).  Nothing is asserted: it
prints median and p95 per document.

    python3 benchmarks/lsp_latency.py            # 40 edits on 30 KB, 5 on 1 MB
    python3 benchmarks/lsp_latency.py --edits 100 --big-edits 3
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import time

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")
TIMING = re.compile(r"lint ([\d.]+) ms, change→publish ([\d.]+) ms")


def _seed(prefix: str) -> str:
    for name in sorted(os.listdir(SEEDS)):
        if name.startswith(prefix) and name.endswith(".txt"):
            with open(os.path.join(SEEDS, name), encoding="utf-8", newline="") as fh:
                return fh.read()
    raise FileNotFoundError(prefix)


def _section_one_prose(text: str) -> str:
    """The lines between the 一、 heading and the 二、 heading (the prose of section 一)."""
    lines = text.split("\n")
    out, inside = [], False
    for line in lines:
        s = line.strip().lstrip("\u3000\xa0 ")
        if s.startswith("一、"):
            inside = True
            continue
        if s.startswith("二、"):
            break
        if inside and s:
            out.append(line)
    return "\n".join(out)


def build_report(target_bytes: int) -> str:
    """Seed 001 with section 一 grown to reach target_bytes (UTF-8) by repeating seed prose."""
    base = _seed("001")
    prose = "\n".join(p for p in (_section_one_prose(_seed(k)) for k in ("000", "001", "002", "003", "004")) if p)
    lines = base.split("\n")
    head = next(i for i, l in enumerate(lines) if l.strip().startswith("一、"))
    need = max(0, target_bytes - len(base.encode("utf-8")))
    reps = need // len((prose + "\n").encode("utf-8")) + 1
    extra = "\n".join([prose] * reps)
    return "\n".join(lines[: head + 1] + [extra] + lines[head + 1 :])


def generated_report(target_bytes: int, script: str = "simplified", pinyin: bool = False) -> str:
    """A generated report (gxlint.synth) of about target_bytes with one changed table cell, so that
    there is a one-character fix to toggle; simplified, or traditional script with pinyin residue."""
    from gxlint import synth

    for seed in range(200):
        text = synth.sample(
            seed, size=target_bytes, layout="pipe", defects=["change_cell"], script=script, pinyin=pinyin, prose=True
        ).text
        try:
            find_toggle(text)
            return text
        except SystemExit:
            continue
    raise SystemExit("no generated report with a one-character fix")


def find_toggle(text: str) -> tuple[int, str, str]:
    """(offset, wrong, fixed): a one-character table total whose fix changes the diagnostics."""
    from gxlint.engine import lint

    for d in lint(text, "bench.txt").diagnostics:
        if d.code.startswith("GX30") and d.fix and len(d.fix.edits) == 1:
            e = d.fix.edits[0]
            if e.end - e.start == 1 and len(e.new_text) == 1:
                return e.start, text[e.start], e.new_text
    raise SystemExit("no one-character fix found in the benchmark document")


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, int(round(p / 100 * (len(xs) - 1)))))
    return xs[k]


def find_prose(text: str) -> int:
    """An offset in the middle of the first long line of prose (where a drafter types)."""
    pos = 0
    for line in text.split("\n"):
        if len(line) > 40 and "|" not in line and line.count(" ") < 4:
            return pos + len(line) // 2
        pos += len(line) + 1
    return len(text) // 2


def workspace_reports(n: int) -> dict[str, str]:
    """``n`` generated reports (gxlint.synth) of 17–30 KB, of different organs and years (2019–2024),
    half of them with a changed table cell: a drafter's folder, for the cross-report index and the
    workspace diagnostics (the same workspace as tests/editor/test_vscode_latency.py)."""
    from gxlint import synth

    files = {}
    for seed in range(n):
        defects = ["change_cell"] if seed % 2 else []
        year = 2019 + seed % 6
        smp = synth.sample(seed, size=17_000 + (seed * 997) % 13_000, year=year, prose=True, defects=defects)
        files[f"reports/r{seed:02d}-{year}.txt"] = smp.text
    return files


async def measure(text: str, edits: int, label: str, options: dict, typing: bool = False, others: int = 0) -> dict:
    from gxlint.positions import LineIndex

    client = LanguageClient("gxlint-bench", "1")
    waiting: dict[int, asyncio.Future] = {}  # the full answer of a version (its timing line)
    first: dict[int, float] = {}  # when the first answer of a version came (a large document's early one)
    timings: dict[int, tuple[float, float]] = {}

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: lsp.PublishDiagnosticsParams):
        first.setdefault(params.version, time.perf_counter())

    @client.feature(lsp.WINDOW_LOG_MESSAGE)
    def on_log(params: lsp.LogMessageParams):
        if os.environ.get("GXLINT_BENCH_VERBOSE"):
            print(params.message, file=sys.stderr)
        m = TIMING.search(params.message)
        v = re.search(r" v(\d+) ", params.message)
        if m and v:  # the full answer (an early one's line says "early answer")
            timings[int(v.group(1))] = (float(m.group(1)), float(m.group(2)))
            fut = waiting.get(int(v.group(1)))
            if fut is not None and not fut.done():
                fut.set_result(time.perf_counter())

    @client.feature(lsp.WINDOW_SHOW_MESSAGE)
    def on_show(params):
        pass

    import tempfile

    # the report alone in its workspace folder (as a drafter's folder of this year's report): the
    # server does not index the repository's hundreds of example reports while it is measured
    folder = tempfile.mkdtemp(prefix="gxlint-bench-")
    for name, body in workspace_reports(others).items():
        os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            fh.write(body)
    await client.start_io(sys.executable, "-m", "gxlint", "lsp")
    await client.initialize_async(
        lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(),
            root_uri="file://" + folder,
            initialization_options={"debounceMs": 0, "logTiming": True, **options},
        )
    )
    client.initialized(lsp.InitializedParams())
    uri = "file://" + os.path.join(folder, "bench-report.txt")
    loop = asyncio.get_running_loop()
    waiting[1] = loop.create_future()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )
    await asyncio.wait_for(waiting[1], 600)

    idx = LineIndex(text)
    if typing:  # a character typed into a line of prose, then deleted
        line, col = idx.position_in(find_prose(text), "utf-16")
        at = lsp.Position(line=line, character=col)
        after = lsp.Position(line=line, character=col + 1)
        changes = [(lsp.Range(start=at, end=at), "年"), (lsp.Range(start=at, end=after), "")]
    else:  # a table total toggled between its wrong and its corrected value
        offset, wrong, fixed = find_toggle(text)
        line, col = idx.position_in(offset, "utf-16")
        rng = lsp.Range(start=lsp.Position(line=line, character=col), end=lsp.Position(line=line, character=col + 1))
        changes = [(rng, fixed), (rng, wrong)]
    rtt: list[float] = []
    early: list[float] = []
    for i in range(edits):
        version = i + 2
        waiting[version] = loop.create_future()
        rng, new = changes[i % 2]
        t0 = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangePartial(range=rng, text=new)],
            )
        )
        t1 = await asyncio.wait_for(waiting[version], 600)
        rtt.append((t1 - t0) * 1000)
        if version in first:
            early.append((first[version] - t0) * 1000)
        await asyncio.sleep(0.05)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    server_ms = [timings[v][1] for v in range(2, edits + 2) if v in timings]
    lint_ms = [timings[v][0] for v in range(2, edits + 2) if v in timings]
    return {
        "label": label,
        "bytes": len(text.encode("utf-8")),
        "n": edits,
        "rtt": rtt,
        "first": early,
        "server": server_ms,
        "lint": lint_ms,
    }


def calibrate() -> float:
    """How fast the machine is right now (a shared or virtual machine's speed varies by the hour):
    the median time to lint seed 001 in this process, warm.  Figures taken at different times
    compare only beside it."""
    from gxlint.engine import lint

    text = _seed("001")
    for _ in range(3):
        lint(text, "seed-001.txt")
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        lint(text, "seed-001.txt")
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edits", type=int, default=40, help="edits on the 30 KB report")
    ap.add_argument("--big-edits", type=int, default=5, help="edits on the 1 MB document (0: skip)")
    ap.add_argument(
        "--big-in-thread",
        action="store_true",
        help="lint the 1 MB document in the server's thread pool, not a child process",
    )
    args = ap.parse_args(argv)
    sys.path.insert(0, ROOT)
    docs = [
        (build_report(30_000), "30 KB report"),
        (generated_report(30_000), "30 KB generated"),
        (generated_report(30_000, script="traditional", pinyin=True), "30 KB trad+pinyin"),
    ]
    runs = [
        (t, args.edits, label + suffix, {}, typing)
        for t, label in docs
        for suffix, typing in ((" (total)", False), (" (typing)", True))
    ]
    if args.big_edits > 0:
        opts = {"largeDocumentBytes": 0} if args.big_in_thread else {}
        runs.append((build_report(1_000_000), args.big_edits, "1 MB document", opts, False))
    results = [asyncio.run(measure(t, n, label, o, typing)) for t, n, label, o, typing in runs]
    cores = os.cpu_count()
    print(
        f"gxlint lsp: didChange → publishDiagnostics, debounce excluded (debounceMs 0), {cores} cores; "
        f"this machine now: {calibrate():.1f} ms to lint seed 001 in this process (median of 20, warm)"
    )
    print(
        f"{'document (edit)':<30}{'size':>10}{'edits':>7}  {'first answer med/p95':>20}  "
        f"{'round trip med/p95':>20}  {'server med/p95':>18}  {'lint med/p95':>16}"
    )
    for r in results:

        def mp(xs):
            return f"{statistics.median(xs):7.1f}/{pct(xs, 95):7.1f}" if xs else "    n/a"

        print(
            f"{r['label']:<30}{r['bytes']:>10,}{r['n']:>7}  {mp(r['first']):>20}  {mp(r['rtt']):>20}  "
            f"{mp(r['server']):>18}  {mp(r['lint']):>16}"
        )
    print(
        "(milliseconds; first answer and round trip (the full answer) measured by the client, server side and "
        "lint by the server; a large document's first answer is the early one, gxlint.lsp.partial)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
