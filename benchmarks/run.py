"""gxlint benchmarks — one command, one table:  python3 benchmarks/run.py [--quick] [--no-lsp]

Measures (each figure labelled with the machine's core count and load average):

1. single-report lint time (``gxlint.engine.lint`` in-process, after a warm-up) for generated
   reports of 10 KB / 30 KB / 100 KB / 1 MB and for each seed: median and p95 of CPU time
   (process time: what the lint costs, whatever else the machine runs) and median wall time;
2. the floor for the same text: read the file and run one compiled regex over it; the ratio;
3. CLI throughput: ``gxlint check`` on 1,000 generated 20–30 KB reports with ``--jobs 1`` and
   ``--jobs 2`` (reports/s, wall clock);
4. cold start: ``gxlint check one.txt`` as a fresh process (median of several runs), and whether
   the language-server modules (pygls, lsprotocol) were imported by it;
4b. documents: a 30 KB report read and linted as .docx and as an HTML page, beside the .txt;
    a 10-page PDF (goal ≤ 1 s on one core);
5. peak memory (max RSS) of linting the 1 MB report in a fresh process;
6. language-server change → diagnostics latency, by running benchmarks/lsp_latency.py if present;
7. hostile documents against their bounds (benchmarks/hostile.py: .docx grids and list numbers,
   HTML spans, anchoring and nesting, PDF filter chains, a .docx of images): time and peak memory
   of a fresh process, and the finding;
8. the year-to-year index cache, SQLite against a JSON file per entry (benchmarks/across_cache.py:
   build, load, re-check one organ; 2,000 reports, and 20,000 without --quick);
9. across years (issue 22): comparing two 30 KB reports (``gxlint.across.compare.compare`` on two
   parsed reports; and read + parse + compare); pairing a folder of 2,000 reports by organ and
   year (the index, cold and cached, 2 processes) and the GX7 rules over it;
10. ``gxlint mcp`` (issue 27): cold start of a fresh server to its first tool answer, as an
    assistant's client sees it — spawn, ``initialize``, then ``check_report`` on a 30 KB report
    (raw JSON-RPC on the pipes, so the client's own start-up is not counted); and the same call
    answered by the running server.

Never run as a timed test: nothing here is asserted.  Goals (issue 7): 30 KB ≤ 15 ms median and
≤ 10× the floor; 1 MB ≤ 500 ms and linear growth; ≥ 300 reports/s with --jobs 2 on 2 cores;
cold start ≤ 300 ms.  Issue 22: comparing two 30 KB reports ≤ 100 ms on one core; pairing 2,000
reports ≤ 30 s cold, cached after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # hostile.py, across_cache.py
SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")


def p95(xs: list[float]) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]


def label() -> str:
    la = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cores, load {la:.1f}"


def env() -> dict:
    """Subprocesses write bytecode to a private cache (a user's install has its .pyc files)."""
    e = dict(os.environ)
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "gxlint-bench-pycache")
    return e


def time_lint(text: str, path: str, runs: int) -> tuple[list[float], list[float]]:
    from gxlint.engine import lint

    lint(text, path)  # warm-up: registry, OpenCC, caches
    cpu, wall = [], []
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        lint(text, path)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return cpu, wall


def time_floor(path: str, runs: int) -> list[float]:
    """Read the file and run one compiled regex over it (the least a linter must do)."""
    import regex

    pat = regex.compile(r"[一二三四五六]、|\d+")
    out = []
    for _ in range(runs + 1):
        c0 = time.perf_counter()
        with open(path, "rb") as fh:
            text = fh.read().decode("utf-8")
        sum(1 for _ in pat.finditer(text))
        out.append(time.perf_counter() - c0)
    return out[1:]


def section_single(rows: list, quick: bool, tmp: str) -> None:
    from gxlint import synth

    docs = []
    for size in (10_000, 30_000, 100_000, 1_000_000):
        text = synth.sample(1, size=size, layout="pipe").text
        docs.append((f"generated {size // 1000} KB" if size < 1_000_000 else "generated 1 MB", text))
    for name in sorted(os.listdir(SEEDS)):
        if name.endswith(".txt"):
            with open(os.path.join(SEEDS, name), encoding="utf-8") as fh:
                docs.append((f"seed {name[:3]}", fh.read()))
    for name, text in docs:
        big = len(text) > 200_000
        runs = (3 if quick else 7) if big else (10 if quick else 40)
        path = os.path.join(tmp, "doc.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        cpu, wall = time_lint(text, path, runs)
        floor = time_floor(path, runs)
        kb = len(text.encode("utf-8")) / 1000
        fm = statistics.median(floor)
        rows.append(
            (
                f"lint {name} ({kb:.0f} KB)",
                f"{statistics.median(cpu) * 1e3:.1f} ms",
                f"p95 {p95(cpu) * 1e3:.1f} ms · wall {statistics.median(wall) * 1e3:.1f} ms · "
                f"floor {fm * 1e3:.2f} ms · ratio {statistics.median(cpu) / fm:.0f}×",
            )
        )


def section_throughput(rows: list, quick: bool, tmp: str) -> None:
    from gxlint import synth

    n = 200 if quick else 1000
    d = os.path.join(tmp, "many")
    os.makedirs(d, exist_ok=True)
    for i in range(n):
        with open(os.path.join(d, f"r{i:04d}.txt"), "w", encoding="utf-8") as fh:
            fh.write(
                synth.sample(
                    i,
                    size=20_000 + (i % 11) * 1000,
                    layout=synth.LAYOUTS[i % 6],
                    defects=["change_cell"] if i % 3 == 0 else (),
                ).text
            )
    has_jobs = (
        "--jobs"
        in subprocess.run(
            [sys.executable, "-m", "gxlint", "check", "--help"], capture_output=True, text=True, env=env()
        ).stdout
    )
    for jobs in (1, 2):
        cmd = [sys.executable, "-m", "gxlint", "check", d, "-q", "--format", "json", "--exit-zero"]
        if has_jobs:
            cmd += ["--jobs", str(jobs)]
        elif jobs == 2:
            rows.append(("throughput --jobs 2", "n/a", "the CLI has no --jobs: measured sequentially only"))
            break
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env())
        dt = time.perf_counter() - t0
        ok = "" if proc.returncode == 0 else f" (exit {proc.returncode}: {proc.stderr[-200:]})"
        rows.append(
            (f"throughput --jobs {jobs} ({n} reports, 20–30 KB)", f"{n / dt:.0f} reports/s", f"{dt:.2f} s wall{ok}")
        )


def section_cold(rows: list, quick: bool, tmp: str) -> None:
    from gxlint import synth

    one = os.path.join(tmp, "one.txt")
    with open(one, "w", encoding="utf-8") as fh:
        fh.write(synth.sample(5, size=30_000).text)
    cmd = [sys.executable, "-m", "gxlint", "check", one, "-q", "--exit-zero"]
    subprocess.run(cmd, capture_output=True, env=env())  # writes the bytecode cache
    times = []
    for _ in range(5 if quick else 11):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env())
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], capture_output=True, env=env())
    bare = time.perf_counter() - t0
    probe = (
        "import sys, runpy; sys.argv=['gxlint','check',%r,'-q','--exit-zero'];"
        "\ntry: runpy.run_module('gxlint', run_name='__main__')\nexcept SystemExit: pass\n"
        "print(sorted(m for m in ('pygls','lsprotocol','multiprocessing','concurrent.futures','lxml') if m in sys.modules))"
        % one
    )
    mods = (
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env())
        .stdout.strip()
        .splitlines()
    )
    rows.append(
        (
            "cold start `gxlint check one.txt` (30 KB)",
            f"{statistics.median(times) * 1e3:.0f} ms",
            f"min {min(times) * 1e3:.0f} ms · bare `python -c pass` {bare * 1e3:.0f} ms · "
            f"heavy modules imported: {mods[-1] if mods else '?'}",
        )
    )
    # issue 24: what the imports cost, by `python -X importtime` (each module's own time, summed)
    imports = []
    for _ in range(5 if quick else 11):
        p = subprocess.run([sys.executable, "-X", "importtime", *cmd[1:]], capture_output=True, text=True, env=env())
        total = own = parse = 0
        for line in p.stderr.splitlines():
            fields = line[len("import time:") :].split("|") if line.startswith("import time:") else []
            if len(fields) != 3 or not fields[0].strip().isdigit():
                continue
            us, name = int(fields[0]), fields[2].strip()
            total += us
            own += us if name.split(".")[0] == "gxlint" else 0
            parse += us if name == "gxlint.parse" or name.startswith("gxlint.parse.") else 0
        imports.append((total, own, parse))
    total, own, parse = (statistics.median(x[i] for x in imports) / 1e3 for i in range(3))
    rows.append(
        (
            "imports of `gxlint check one.txt` (`-X importtime`)",
            f"{total:.0f} ms",
            f"gxlint's own modules {own:.0f} ms, of which gxlint.parse {parse:.0f} ms (goal: ≤ 150 ms in all)",
        )
    )


def _mcp_session(report: str) -> tuple[float, float, float]:
    """One fresh ``gxlint mcp``: seconds from spawn to the answer of ``initialize``, to the first
    ``check_report``'s answer, and the second (same call, warm)."""
    import json

    def send(p, msg: dict) -> None:
        p.stdin.write((json.dumps(msg, ensure_ascii=False) + "\n").encode("utf-8"))
        p.stdin.flush()

    def answer(p, rid: int) -> dict:
        while True:
            line = p.stdout.readline()
            if not line:
                raise RuntimeError("gxlint mcp closed its output: " + p.stderr.read().decode("utf-8", "replace")[-500:])
            msg = json.loads(line)
            if msg.get("id") == rid:
                if "error" in msg or msg["result"].get("isError"):
                    raise RuntimeError(f"gxlint mcp: {str(msg)[:300]}")
                return msg

    call = {"name": "check_report", "arguments": {"text": report}}
    t0 = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, "-m", "gxlint", "mcp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
        cwd=ROOT,
    )
    try:
        send(
            p,
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {
                    "protocolVersion": "2025-11-25",
                    "capabilities": {},
                    "clientInfo": {"name": "gxlint-bench", "version": "0"},
                },
            },
        )
        answer(p, 1)
        t_init = time.perf_counter() - t0
        send(p, {"jsonrpc": "2.0", "method": "notifications/initialized"})
        send(p, {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": call})
        answer(p, 2)
        t_first = time.perf_counter() - t0
        t1 = time.perf_counter()
        send(p, {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": call})
        answer(p, 3)
        t_warm = time.perf_counter() - t1
    finally:
        p.stdin.close()
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    return t_init, t_first, t_warm


def section_mcp(rows: list, quick: bool) -> None:
    try:
        import mcp.server.mcpserver  # noqa: F401
    except ImportError:
        rows.append(
            ("cold start `gxlint mcp` → first tool answer", "n/a", "the MCP SDK is not installed: pip install '.[mcp]'")
        )
        return
    from gxlint import synth

    report = synth.sample(5, size=30_000).text
    _mcp_session(report)  # writes the bytecode cache
    runs = [_mcp_session(report) for _ in range(3 if quick else 7)]
    init = [r[0] for r in runs]
    first = [r[1] for r in runs]
    warm = [r[2] for r in runs]
    ms = lambda xs: f"{statistics.median(xs) * 1e3:.0f} ms"  # noqa: E731
    rows.append(
        (
            "cold start `gxlint mcp` → first tool answer (check_report, 30 KB)",
            ms(first),
            f"min {min(first) * 1e3:.0f} ms · of which spawn → initialize answered {ms(init)} · "
            f"the same call on the running server {statistics.median(warm) * 1e3:.1f} ms · {len(runs)} runs",
        )
    )


def section_memory(rows: list, tmp: str) -> None:
    code = (
        "import resource, sys; sys.path.insert(0, %r)\n"
        "from gxlint.engine import lint, registry\nregistry()\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "t = open(sys.argv[1], encoding='utf-8').read()\n"
        "import tracemalloc\ntracemalloc.start()\nlint(t)\n_, traced = tracemalloc.get_traced_memory()\n"
        "print(base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, traced // 1024)" % ROOT
    )
    from gxlint import synth

    path = os.path.join(tmp, "big.txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(synth.sample(1, size=1_000_000).text)
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, env=env()).stdout.split()
    if len(out) == 3:
        base, peak, traced = (int(x) for x in out)
        rows.append(
            (
                "peak memory, lint of 1 MB",
                f"{peak / 1024:.0f} MB",
                f"max RSS of the process ({base / 1024:.0f} MB after imports); "
                f"peak Python allocations during the lint {traced / 1024:.0f} MB (tracemalloc)",
            )
        )


def section_formats(rows: list, quick: bool, tmp: str) -> None:
    """A 30 KB report as .docx (goal ≤ 150 ms) and as an HTML page (goal ≤ 50 ms), read and
    linted from bytes (``engine.lint_bytes``), beside the same report as .txt (the text floor)."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "read"))
    from gxlint import synth
    from gxlint.engine import lint_bytes
    from gxlint.read import read

    rep = synth.generate(1, size=30_000)
    txt = rep.render("pipe").text.encode("utf-8")
    docs = [("txt", "report.txt", txt)]
    try:
        from docgen import build_docx, build_html

        path = os.path.join(tmp, "report.docx")
        build_docx(rep, path)
        with open(path, "rb") as fh:
            docs.append(("docx", "report.docx", fh.read()))
        docs.append(("html", "report.html", build_html(rep).encode("utf-8")))
    except ImportError as exc:  # python-docx is a test dependency
        rows.append(("formats", "n/a", f"{exc}"))
    runs = 10 if quick else 30
    lint_bytes(txt, "report.txt")  # warm-up
    for kind, name, data in docs:
        lint_bytes(data, name)
        cpu, rd = [], []
        for _ in range(runs):
            c0 = time.process_time()
            read(data, name)
            c1 = time.process_time()
            lint_bytes(data, name)
            cpu.append(time.process_time() - c1)
            rd.append(c1 - c0)
        goal = {"docx": " · goal ≤ 150 ms", "html": " · goal ≤ 50 ms"}.get(kind, " · the text floor")
        rows.append(
            (
                f"read+lint 30 KB report as .{kind} ({len(data) / 1000:.0f} KB file)",
                f"{statistics.median(cpu) * 1e3:.1f} ms",
                f"p95 {p95(cpu) * 1e3:.1f} ms · reading alone {statistics.median(rd) * 1e3:.1f} ms{goal}",
            )
        )


def section_lsp(rows: list, quick: bool) -> None:
    script = os.path.join(ROOT, "benchmarks", "lsp_latency.py")
    if not os.path.exists(script):
        rows.append(("LSP change → diagnostics", "n/a", "benchmarks/lsp_latency.py is not there"))
        return
    args = [sys.executable, script] + (["--edits", "10", "--big-edits", "2"] if quick else [])
    try:
        proc = subprocess.run(args, capture_output=True, text=True, env=env(), timeout=300)
    except subprocess.TimeoutExpired:
        rows.append(("LSP change → diagnostics (lsp_latency.py)", "failed", "no result within 300 s"))
        return
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    rows.append(
        (
            "LSP change → diagnostics (lsp_latency.py)",
            "see below" if lines else "failed",
            "" if lines else proc.stderr[-300:],
        )
    )
    for ln in lines[-8:]:
        rows.append(("", "", ln.strip()))
    section_vscode(rows)


def section_vscode(rows: list) -> None:
    """The keystroke → changed squiggle latency in a real VS Code, 17-report workspace, as the last
    run of tests/editor/test_vscode_latency.py left it (that suite needs code-server and Chromium:
    scripts/setup-vscode-tests.sh); not measured here."""
    path = os.path.join(ROOT, "test-artefacts", "vscode", "latency-report-30k.txt.json")
    name = "VS Code keystroke → squiggle, 30 KB report, 17-report workspace"
    try:
        with open(path, encoding="utf-8") as fh:
            got = json.load(fh)
        xs = sorted(got["page_ms"])
    except (OSError, ValueError, KeyError):
        rows.append((name, "n/a", "run: python -m pytest tests/editor/test_vscode_latency.py -s"))
        return
    med, p95 = xs[len(xs) // 2], xs[min(len(xs) - 1, int(round(0.95 * len(xs))) - 1)]
    rows.append(
        (
            name,
            f"{med:.0f} ms",
            f"p95 {p95:.0f} ms · {len(xs)} keystrokes, commit {got.get('commit', '?')}, load "
            f"{got.get('loadavg_before', '?')} (from the last run of tests/editor/test_vscode_latency.py)",
        )
    )


def _ten_page_pdf() -> bytes:
    """The real hongze-2023.pdf twice, joined with PDFium: 10 pages."""
    import io

    import pypdfium2 as pdfium

    src = os.path.join(ROOT, "tests", "fixtures", "corpus_real", "hongze-2023.pdf")
    doc = pdfium.PdfDocument.new()
    for _ in range(2):
        doc.import_pages(pdfium.PdfDocument(src))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _read_and_lint(read_fn, data: bytes, name: str, runs: int) -> tuple[list[float], list[float]]:
    """CPU seconds of reading ``data`` alone, and of reading and linting it (``engine.lint_bytes``)."""
    from gxlint.engine import lint_bytes

    lint_bytes(data, name)  # warm-up
    read, full = [], []
    for _ in range(runs):
        c0 = time.process_time()
        read_fn(data)
        c1 = time.process_time()
        lint_bytes(data, name)
        c2 = time.process_time()
        read.append(c1 - c0)
        full.append(c2 - c1)
    return read, full


def section_pdf(rows: list, quick: bool) -> None:
    """A 10-page PDF (the real hongze-2023.pdf twice, joined with PDFium): read, and read + lint
    from bytes (``engine.lint_bytes``). Goal ≤ 1 s on one core."""
    from gxlint.read.pdf import read_pdf

    data = _ten_page_pdf()
    read, full = _read_and_lint(read_pdf, data, "report.pdf", 5 if quick else 15)
    rows.append(
        (
            f"read+lint 10-page PDF ({len(data) / 1000:.0f} KB, real report ×2)",
            f"{statistics.median(full) * 1e3:.0f} ms",
            f"p95 {p95(full) * 1e3:.0f} ms · reading alone {statistics.median(read) * 1e3:.0f} ms · goal ≤ 1 s",
        )
    )


def section_ofd(rows: list, quick: bool) -> None:
    """A 10-page OFD written from the 10-page PDF's characters and ruling lines (tests/read/ofdmake.py,
    text in DeltaX-spaced runs): read, and read + lint from bytes. Goal ≤ 500 ms."""
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    from gxlint.read.ofd import read_ofd
    from read import ofdmake

    for mode in ("runs", "chars"):
        data = ofdmake.from_pdf(_ten_page_pdf(), mode)
        read, full = _read_and_lint(read_ofd, data, "report.ofd", 5 if quick else 15)
        what = "one TextObject per run" if mode == "runs" else "one TextObject per character"
        rows.append(
            (
                f"read+lint 10-page OFD ({len(data) / 1000:.0f} KB, {what})",
                f"{statistics.median(full) * 1e3:.0f} ms",
                f"p95 {p95(full) * 1e3:.0f} ms · reading alone {statistics.median(read) * 1e3:.0f} ms · goal ≤ 500 ms",
            )
        )


def section_office(rows: list, quick: bool, tmp: str) -> None:
    """A .doc through LibreOffice (wall time: the conversion is another process), one file alone
    (start-up included, goal ≤ 5 s) and a folder of ten with one LibreOffice start for all."""
    from gxlint.read import office

    exe = office.soffice()
    if exe is None:
        rows.append((".doc through LibreOffice", "n/a", "soffice is not installed"))
        return
    sys.path.insert(0, os.path.join(ROOT, "tests", "read"))
    from docgen import build_docx

    from gxlint import synth
    from gxlint.engine import lint_bytes

    folder = os.path.join(tmp, "office")
    os.makedirs(folder, exist_ok=True)
    n = 4 if quick else 10
    for k in range(n):
        build_docx(synth.generate(20 + k), os.path.join(folder, f"r{k}.docx"))
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation=file://{tmp}/lo-bench",
            "--headless",
            "--convert-to",
            "doc:MS Word 97",
            "--outdir",
            folder,
        ]
        + [os.path.join(folder, f"r{k}.docx") for k in range(n)],
        capture_output=True,
        timeout=600,
        check=False,
    )
    docs = []
    for k in range(n):
        with open(os.path.join(folder, f"r{k}.doc"), "rb") as fh:
            docs.append(fh.read())
    alone = []
    for data in docs[:3]:
        office._converted.clear()
        t0 = time.perf_counter()
        lint_bytes(data, "report.doc")
        alone.append(time.perf_counter() - t0)
    rows.append(
        (
            f".doc ({len(docs[0]) / 1000:.0f} KB) read+lint through LibreOffice, alone",
            f"{statistics.median(alone):.2f} s",
            "wall time, start-up and a first private profile of this process included · goal ≤ 5 s",
        )
    )
    office._converted.clear()
    t0 = time.perf_counter()
    office.prefetch((d, "doc") for d in docs)
    for data in docs:
        lint_bytes(data, "report.doc")
    total = time.perf_counter() - t0
    rows.append(
        (f"folder of {n} .doc, one LibreOffice start", f"{total / n:.2f} s/file", f"{total:.1f} s in all (wall time)")
    )


def section_hostile(rows: list) -> None:
    import hostile

    rows.extend(hostile.rows())


def section_cache(rows: list, quick: bool) -> None:
    import across_cache

    rows.extend(across_cache.rows((2000,) if quick else (2000, 20000)))


def section_across(rows: list, quick: bool, tmp: str) -> None:
    from gxlint import synth
    from gxlint.across.compare import compare
    from gxlint.across.compare_cli import load
    from gxlint.across.index import Cache, build
    from gxlint.config import Settings
    from gxlint.engine import run_index_rules
    from gxlint.parse import parse

    old, new = synth.series(22, (2023, 2024))
    for r in (old, new):  # filler paragraphs up to 30 KB each
        r.filler = 0
        base = len(r.render().text.encode("utf-8"))
        r.filler = max(0, (30_000 - base) // 400)
    paths = []
    for r in (old, new):
        p = os.path.join(tmp, f"pair-{r.year}.txt")
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(r.render().text)
        paths.append(p)
    a, b = (parse(open(p, encoding="utf-8").read(), p) for p in paths)
    compare(a, b)  # warm-up
    runs = 10 if quick else 40
    cpu = []
    for _ in range(runs):
        c0 = time.process_time()
        compare(a, b, paths[0], paths[1])
        cpu.append(time.process_time() - c0)
    kb = [os.path.getsize(p) / 1000 for p in paths]
    rows.append(
        (
            f"compare two parsed reports ({kb[0]:.0f} + {kb[1]:.0f} KB)",
            f"{statistics.median(cpu) * 1e3:.1f} ms",
            f"p95 {p95(cpu) * 1e3:.1f} ms · goal ≤ 100 ms on one core",
        )
    )
    cpu = []
    for _ in range(max(3, runs // 4)):
        c0 = time.process_time()
        compare(load(paths[0])[0], load(paths[1])[0], paths[0], paths[1])
        cpu.append(time.process_time() - c0)
    rows.append(
        (
            "read + parse + compare the same two",
            f"{statistics.median(cpu) * 1e3:.1f} ms",
            f"p95 {p95(cpu) * 1e3:.1f} ms (the two parses are most of it)",
        )
    )

    organs = 100 if quick else 400
    folder = os.path.join(tmp, "organs")
    files = []
    for k in range(organs):
        for r in synth.series(k, (2020, 2021, 2022, 2023, 2024), organ=f"青云{k}县司法局"):
            r.filler = 20  # about 8 KB, the real reports' middle
            p = os.path.join(folder, f"o{k:04d}", f"{r.year}.txt")
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(r.render().text)
            files.append(p)
    cache = Cache(os.path.join(tmp, "across-cache"))
    import resource

    def used() -> float:
        s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime

    for run in ("cold", "cached"):
        st: dict = {}
        t0, c0 = time.perf_counter(), used()
        ix = build(files, cache=cache, jobs=2, stats=st)
        wall = time.perf_counter() - t0
        rows.append(
            (
                f"pair {len(files)} reports by organ and year ({run}, --jobs 2)",
                f"{wall:.2f} s",
                f"CPU {used() - c0:.2f} s · {st['parsed']} parsed, {st['cached']} cached, "
                f"{len(ix.organs())} organs · goal for 2,000: ≤ 30 s cold",
            )
        )
    settings = Settings.from_options(None, select="GX7")
    t0 = time.perf_counter()
    n = sum(len(run_index_rules(e, ix, settings, e.path)) for e in ix.entries.values())
    rows.append(
        (
            f"GX7 rules over the {len(files)} reports",
            f"{time.perf_counter() - t0:.2f} s",
            f"{n} findings (a consistent, rewritten series: 0 expected)",
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs and 200 reports for throughput")
    ap.add_argument("--no-lsp", action="store_true", help="skip the language-server latency")
    ap.add_argument(
        "--only",
        choices=("single", "formats", "throughput", "cold", "memory", "lsp", "hostile", "cache", "across", "mcp"),
        nargs="*",
    )
    a = ap.parse_args()
    want = set(
        a.only or ("single", "formats", "throughput", "cold", "memory", "lsp", "hostile", "cache", "across", "mcp")
    )
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="gxlint-bench-") as tmp:
        if "single" in want:
            section_single(rows, a.quick, tmp)
        if "formats" in want:
            section_formats(rows, a.quick, tmp)
            section_pdf(rows, a.quick)
            section_ofd(rows, a.quick)
            section_office(rows, a.quick, tmp)
        if "throughput" in want:
            section_throughput(rows, a.quick, tmp)
        if "cold" in want:
            section_cold(rows, a.quick, tmp)
        if "mcp" in want:
            section_mcp(rows, a.quick)
        if "memory" in want:
            section_memory(rows, tmp)
        if "hostile" in want:
            section_hostile(rows)
        if "cache" in want:
            section_cache(rows, a.quick)
        if "across" in want:
            section_across(rows, a.quick, tmp)
        if "lsp" in want and not a.no_lsp:
            section_lsp(rows, a.quick)
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    print(f"gxlint benchmarks — {label()} — python {sys.version.split()[0]} — lint times are CPU time (median)")
    print("-" * (w0 + w1 + 40))
    for r in rows:
        print(f"{r[0]:<{w0}}  {r[1]:>{w1}}  {r[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
