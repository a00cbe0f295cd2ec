"""``gxlint report`` with the 与上年对比 view: each report whose organ's previous year is in the batch
or in ``--history`` gets the comparison (summary, key figures, changed cells, each section's share
of text carried over); shown in the page (headless Chromium) when the report is opened."""

import os
import shutil

from browserutil import launch, needs_chromium
from gxlint.cli import _parser
from gxlint.report import collect
from seedutil import CORPUS_REAL

from .batch import artefact, built


def _batch(*argv):
    return collect(_parser().parse_args(["report", *argv, "-o", "x.html", "--isolated", "--jobs", "1", "-q"]))


def _by_file(batch):
    return {r["file"]: r for r in batch["reports"]}


def test_each_pingtan_year_compared_with_the_year_before_in_the_batch():
    reports = _by_file(_batch(*(os.path.join(CORPUS_REAL, f"pingtan-{y}.txt") for y in range(2019, 2025))))
    assert "compare" not in reports["pingtan-2019.txt"]
    for y in range(2020, 2025):
        c = reports[f"pingtan-{y}.txt"]["compare"]
        assert (c["prev_year"], os.path.basename(c["prev_path"]), c["organ"]) == (y - 1, f"pingtan-{y - 1}.txt", "same")
        five = next(s for s in c["sections"] if s["index"] == 5)
        assert five["share"] < 0.5 and five["copied"] is False
    c = reports["pingtan-2024.txt"]["compare"]
    assert c["summary"].startswith("依申请公开申请 218 件，比上年增加 137 件（+169.1%）")
    assert {f["id"]: (f["old"], f["new"]) for f in c["figures"]}["review"] == (2, 7)


def test_last_year_from_the_history(tmp_path):
    hist = tmp_path / "history"
    hist.mkdir()
    shutil.copy(os.path.join(CORPUS_REAL, "pingtan-2023.txt"), hist)
    reports = _by_file(_batch(os.path.join(CORPUS_REAL, "pingtan-2024.txt"), "--history", str(hist)))
    assert list(reports) == ["pingtan-2024.txt"]  # the history is not reported on
    c = reports["pingtan-2024.txt"]["compare"]
    assert c["prev_year"] == 2023 and c["prev_path"].startswith(str(hist))
    assert c["changed_count"] > 0 and all(x["changed"] for x in c["changed"])


def test_no_view_without_last_year():
    reports = _by_file(
        _batch(os.path.join(CORPUS_REAL, "pingtan-2024.txt"), os.path.join(CORPUS_REAL, "hongze-2023.txt"))
    )
    assert all("compare" not in r for r in reports.values())


@needs_chromium
def test_the_view_in_the_page():
    path = built("html")
    with launch() as b:
        pg = b.new_page(viewport={"width": 1400, "height": 1000})
        errors, requests = [], []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.route(
            "**/*",
            lambda r: (
                r.continue_() if r.request.url.startswith("file://") else (requests.append(r.request.url), r.abort())
            ),
        )
        pg.goto("file://" + path)
        pg.wait_for_selector("body[data-ready]", state="attached", timeout=20000)
        k = pg.evaluate(
            "() => JSON.parse(document.getElementById('gx-data').textContent).reports"
            ".findIndex(r => r.path.endsWith('pingtan-2024.txt'))"
        )
        pg.goto("file://" + path + f"#r={k}")
        pg.wait_for_selector("#compare", timeout=20000)
        box = pg.locator("#compare")
        assert box.is_visible()
        assert "与上年对比（2023 → 2024）" in box.locator("h3").first.inner_text()
        assert "依申请公开申请 218 件" in box.locator(".cmp-summary").inner_text()
        assert box.locator("table.cmpfig tr[data-id='received'] td").nth(1).inner_text() == "81"
        assert box.locator("ul.cmpsec li[data-section='5']").count() == 1
        box.scroll_into_view_if_needed()
        pg.screenshot(path=artefact("report-last-year.png"))
        # a report without last year's has no view
        k0 = pg.evaluate(
            "() => JSON.parse(document.getElementById('gx-data').textContent).reports"
            ".findIndex(r => r.path.endsWith('pingtan-2019.txt'))"
        )
        pg.goto("file://" + path + f"#r={k0}")
        pg.wait_for_selector("#tables", timeout=20000)
        assert pg.locator("#compare").count() == 0
        assert errors == [] and requests == []
