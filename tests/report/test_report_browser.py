"""gxlint report -o review.html, opened from disk in headless Chromium (Debian's `chromium`, driven
by Playwright's Python API — never `playwright install`).  Every request that is not the file
itself is blocked and recorded: the page must make none."""

import collections
import os
import re
import shutil

import pytest

from browserutil import needs_chromium
from seedutil import seed_path

from .batch import artefact, built, check_json

pytestmark = needs_chromium


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    pg.gx_errors, pg.gx_requests = [], []
    pg.on("console", lambda m: pg.gx_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.gx_errors.append(str(e)))

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            pg.gx_requests.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    yield pg
    assert pg.gx_errors == [], "no console errors"
    assert pg.gx_requests == [], "no request leaves the file"
    pg.close()


def _open(page, *extra, hash=""):
    url = "file://" + built("html", *extra) + hash
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=20000)


def _rows(page):
    return page.eval_on_selector_all(
        "#ov tbody tr",
        """rows => rows.map(r => ({
        path: r.querySelector('.file').textContent, verdict: r.dataset.verdict, level: r.dataset.level,
        errors: +r.querySelector('[data-k=errors]').textContent, warnings: +r.querySelector('[data-k=warnings]').textContent}))""",
    )


def _expected():
    out = {}
    for f in check_json()["files"]:
        c = collections.Counter(d["severity"] for d in f["diagnostics"])
        out[f["path"]] = (c["error"], c["warning"], {d["code"] for d in f["diagnostics"]})
    return out


def test_overview_lists_every_report_with_its_counts(page):
    _open(page)
    want = _expected()
    rows = _rows(page)
    assert {r["path"] for r in rows} == set(want)
    for r in rows:
        assert (r["errors"], r["warnings"]) == want[r["path"]][:2], r["path"]
        assert r["verdict"] == ("fail" if r["errors"] else "revise" if r["warnings"] else "pass")
    assert page.locator("#chart-rules g.bar").count() > 0
    assert page.locator("#chart-levels g.bar").count() > 0
    assert page.locator("#chart-dates circle.dot").count() > 0
    page.screenshot(path=artefact("report-overview.png"), full_page=True)


def test_sorting_and_filtering(page):
    _open(page)
    want = _expected()
    page.click("th[data-k=errors]")
    errs = [r["errors"] for r in _rows(page)]
    assert errs == sorted(errs)
    page.click("th[data-k=errors]")
    errs = [r["errors"] for r in _rows(page)]
    assert errs == sorted(errs, reverse=True) and page.get_attribute("th[data-k=errors]", "aria-sort") == "descending"

    page.select_option("#f-verdict", "fail")
    rows = _rows(page)
    assert rows and all(r["verdict"] == "fail" for r in rows)
    assert {r["path"] for r in rows} == {p for p, (e, _w, _c) in want.items() if e}
    page.select_option("#f-verdict", "")

    page.select_option("#f-rule", "GX301")
    assert {r["path"] for r in _rows(page)} == {p for p, (_e, _w, codes) in want.items() if "GX301" in codes}
    page.select_option("#f-rule", "")

    page.select_option("#f-level", "township")
    rows = _rows(page)
    assert rows and all(r["level"] == "township" for r in rows)
    page.select_option("#f-level", "")

    page.fill("#q", "pingtan-2021")
    rows = _rows(page)
    assert [os.path.basename(r["path"]) for r in rows] == ["pingtan-2021.txt"]
    page.fill("#q", "")
    assert len(_rows(page)) == len(want)


def _open_seed(page, prefix):
    path = seed_path(prefix)
    page.fill("#q", os.path.basename(path))
    page.click("#ov tbody tr")
    page.wait_for_selector("#detail:not([hidden])")


def test_a_report_shows_its_findings_in_place(page):
    _open(page)
    _open_seed(page, "001")
    assert page.locator("#findings .fi").count() == 11
    # the finding list jumps to the place: GX301 of line 98 marks the 9 under 商业企业
    page.click("#findings .fi[data-code=GX301] >> nth=0")
    mark = page.locator("mark.flash")
    assert mark.count() == 1 and mark.text_content() == "9"
    assert "error" in mark.get_attribute("class")
    pop = page.locator("#pop")
    assert pop.is_visible() and "予以公开" in pop.text_content() and "≠" in pop.text_content()
    # every kind of severity is coloured by its class; a missing thing is a point marker
    assert page.locator("mark.warning").count() >= 3 and page.locator("mark.information").count() >= 1
    page.screenshot(path=artefact("report-seed-001.png"))
    # the table view: the failing cell of seed 001 is highlighted, its identity shown
    cell = page.locator("table.gt[data-kind=t3] td.fail").first
    assert cell.text_content() == "9"
    assert cell.get_attribute("data-row") == "（一）予以公开" and cell.get_attribute("data-col") == "商业企业"
    cell.click()
    assert "0 ≠ 0 + 9 + 0 + 0 + 0 + 0 = 9" in page.locator("#pop").text_content()
    page.locator("#tables").screenshot(path=artefact("report-seed-001-tables.png"))
    page.click("#back")
    page.wait_for_selector("#overview:not([hidden])")


def test_english_page(page):
    _open(page, "--lang", "en")
    assert page.locator("th[data-k=errors]").text_content() == "Errors"
    assert page.locator("html").get_attribute("lang") == "en"


def test_paging_keeps_long_batches_short(page, tmp_path):
    """More reports than a page holds: 50 rows drawn, the pager moves through the rest."""
    from gxlint import synth

    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(60):
        (folder / f"r{i:03d}.txt").write_text(
            synth.sample(i, defects=("change_cell",) if i % 3 == 0 else ()).text, encoding="utf-8"
        )
    from .batch import gx

    out = tmp_path / "review.html"
    p = gx("report", str(folder), "--isolated", "-o", str(out))
    assert p.returncode == 0, p.stderr.decode()
    page.goto("file://" + str(out))
    page.wait_for_selector("body[data-ready]", state="attached")
    assert page.locator("#ov tbody tr").count() == 50
    page.click("#next")
    assert page.locator("#ov tbody tr").count() == 10
    assert page.locator("#prev").is_enabled() and not page.locator("#next").is_enabled()


DOC_SHOT = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "docs", "images", "review-page.png"
)


def test_the_mixed_inbox_page(page, tmp_path):
    """A reviewer's mixed inbox (.txt, .docx, .html, .pdf, a scan, a note): the scan is 无法审查
    (its own verdict, filter and chip), a PDF's findings name their page, not a line of gxlint's
    text view; the screenshot in docs/zh|en/report.md is this page (GXLINT_UPDATE_DOCS=1 writes it)."""
    from .batch import gx
    from .inbox import FILES, build

    build(str(tmp_path / "收件"))
    out = tmp_path / "review.html"
    p = gx("report", "收件", "--isolated", "-o", str(out), cwd=str(tmp_path))
    assert p.returncode == 0, p.stderr.decode()
    page.goto("file://" + str(out))
    page.wait_for_selector("body[data-ready]", state="attached", timeout=20000)
    rows = _rows(page)
    assert len(rows) == len(FILES) - 1
    verdict = {os.path.basename(r["path"]): r["verdict"] for r in rows}
    assert verdict[FILES["scan"]] == "unreadable" and verdict[FILES["clean"]] == "pass"
    assert verdict[FILES["pdf"]] == "fail"
    assert "无法审查" in page.locator("#summary").text_content()
    page.select_option("#f-verdict", "unreadable")
    assert [os.path.basename(r["path"]) for r in _rows(page)] == [FILES["scan"]]
    page.select_option("#f-verdict", "")
    shot = artefact("review-page.png")
    page.screenshot(path=shot, full_page=False)
    if os.environ.get("GXLINT_UPDATE_DOCS"):
        os.makedirs(os.path.dirname(DOC_SHOT), exist_ok=True)
        shutil.copy(shot, DOC_SHOT)
    page.fill("#q", FILES["pdf"])
    page.click("#ov tbody tr")
    page.wait_for_selector("#detail:not([hidden])")
    places = page.eval_on_selector_all("#findings .fi .code", "els => els.map(e => e.textContent)")
    assert places and all(re.search(r"· 第 \d+ 页", p) for p in places), places
    page.click("#findings .fi[data-code=GX304]")
    pop = page.locator("#pop").text_content()
    assert "位置：第 4 页，表四“行政复议·总计”" in pop and "修改要求：" in pop
    page.screenshot(path=artefact("review-page-pdf.png"))


def test_the_documented_screenshot_is_the_page():
    """docs/zh/report.md and docs/en/report.md show the page the test above opens (a PNG the
    browser wrote, not a drawing)."""
    with open(DOC_SHOT, "rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    assert (width, height) == (1400, 1000), "the viewport of the page fixture"
    root = os.path.dirname(os.path.dirname(DOC_SHOT))
    for lang in ("zh", "en"):
        with open(os.path.join(root, lang, "report.md"), encoding="utf-8") as fh:
            assert "](../images/review-page.png)" in fh.read()
