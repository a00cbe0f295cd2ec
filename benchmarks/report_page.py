"""The reviewer's page for a big batch: `gxlint report` on N generated reports (gxlint.synth), then
the page opened from disk in headless Chromium.

    python3 benchmarks/report_page.py             # 1,000 reports
    python3 benchmarks/report_page.py --reports 200 --keep

Prints: the time `gxlint report` takes, the page's size, and in Chromium the time until the page
is interactive (the overview drawn: body[data-ready]), the time to sort the overview, filter it,
and open one report.  Not a test: the figures depend on what else the machine is doing (the load
average is printed).  Needs Debian's `chromium` and `pip install playwright`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

DEFECT_MIX = ((), ("change_cell",), ("break_row_total",), ("drop_section",), ("change_year",), ())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the generated folder and page")
    ap.add_argument("--from", dest="src", metavar="FOLDER", help="use the reports in FOLDER instead of generating them")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    a = ap.parse_args()
    from gxlint import synth

    tmp = tempfile.mkdtemp(prefix="gxlint-report-bench-")
    try:
        folder = a.src or os.path.join(tmp, "reports")
        if not a.src:
            os.makedirs(folder)
        t0 = time.perf_counter()
        for i in range(0 if a.src else a.reports):
            s = synth.sample(i, defects=DEFECT_MIX[i % len(DEFECT_MIX)])
            with open(os.path.join(folder, f"r{i:04d}.txt"), "w", encoding="utf-8") as fh:
                fh.write(s.text)
        print(
            f"{len(os.listdir(folder))} reports ({'given' if a.src else 'generated'}) in {time.perf_counter() - t0:.1f} s; cores: {os.cpu_count()}; "
            f"load average: {os.getloadavg()[0]:.2f}"
        )
        out = os.path.join(tmp, "review.html")
        cmd = [sys.executable, "-m", "gxlint", "report", folder, "--isolated", "-q", "-o", out]
        if a.jobs:
            cmd += ["--jobs", str(a.jobs)]
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, env=dict(os.environ, PYTHONPATH=ROOT))
        took = time.perf_counter() - t0
        if p.returncode != 0:
            print(p.stderr.decode())
            return 1
        size = os.path.getsize(out)
        print(f"gxlint report: {took:.1f} s; page {size / 1e6:.2f} MB ({size:,} bytes)")
        _browser(out, a.chromium)
        if a.keep:
            print("kept:", tmp)
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _browser(path: str, chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for run in range(2):  # the first run includes Chromium's own cold start of the renderer
            page = b.new_page(viewport={"width": 1400, "height": 1000})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
            t0 = time.perf_counter()
            page.goto("file://" + path)
            page.wait_for_selector("body[data-ready]", state="attached", timeout=60000)
            ready = time.perf_counter() - t0
            nav = page.evaluate(
                "() => { const n = performance.getEntriesByType('navigation')[0];"
                " return [n.domInteractive, n.loadEventEnd]; }"
            )
            t1 = time.perf_counter()
            page.click("th[data-k=errors]")
            page.wait_for_selector("th[data-k=errors][aria-sort]", state="attached")
            sort = time.perf_counter() - t1
            t1 = time.perf_counter()
            page.select_option("#f-verdict", "fail")
            page.fill("#q", "r01")
            filt = time.perf_counter() - t1
            t1 = time.perf_counter()
            page.click("#ov tbody tr")
            page.wait_for_selector("#detail:not([hidden]) #findings")
            open_ = time.perf_counter() - t1
            rows = page.evaluate("() => document.querySelectorAll('#ov tbody tr').length")
            print(
                f"chromium run {run + 1}: interactive after {ready:.2f} s (domInteractive {nav[0] / 1000:.2f} s, "
                f"load {nav[1] / 1000:.2f} s); sort {sort * 1000:.0f} ms; filter+search {filt * 1000:.0f} ms; "
                f"open a report {open_ * 1000:.0f} ms; rows drawn {rows}; page errors {len(errors)}"
            )
            page.close()
        b.close()


if __name__ == "__main__":
    sys.exit(main())
