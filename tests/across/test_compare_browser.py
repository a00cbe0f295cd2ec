"""``gxlint compare OLD NEW -o compare.html`` opened from disk in headless Chromium (Debian's
`chromium`, driven by Playwright — never `playwright install`): both years side by side, the
changed cells and the passages carried over highlighted on both sides, hovering one passage lights
up the other, and no request leaves the page.  A screenshot is kept in tests/artefacts/."""

import os

from browserutil import needs_chromium
from gxlint import synth
from gxlint.across.compare import compare
from gxlint.across.compare_html import render
from gxlint.parse import parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTEFACTS = os.path.join(ROOT, "tests", "artefacts")
pytestmark = needs_chromium


def _page_file(tmp_path, lang="zh") -> str:
    old, new = synth.series(70, (2023, 2024), organ="青云县司法局")
    new.five = synth.five_text(old).replace("一是", "一是我局", 1)  # copied, one word added
    a, b = parse(old.render().text, "2023.txt"), parse(new.render().text, "2024.txt")
    path = tmp_path / f"compare-{lang}.html"
    path.write_text(render(compare(a, b, "2023.txt", "2024.txt"), lang), encoding="utf-8")
    return str(path)


def _open(browser, path):
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    pg.gx_errors, pg.gx_requests = [], []
    pg.on("console", lambda m: pg.gx_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.gx_errors.append(str(e)))

    def route(r):
        if r.request.url == "file://" + path:
            r.continue_()
        else:
            pg.gx_requests.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    pg.goto("file://" + path)
    pg.wait_for_selector("body[data-ready='1']", state="attached", timeout=20000)
    return pg


def test_both_years_side_by_side_with_highlights(browser, tmp_path):
    path = _page_file(tmp_path)
    pg = _open(browser, path)
    try:
        five = pg.locator(".sec[data-section='5']")
        old, new = five.locator(".col.old"), five.locator(".col.new")
        assert old.is_visible() and new.is_visible()
        bo, bn = old.bounding_box(), new.bounding_box()
        assert bo["x"] + bo["width"] <= bn["x"] + 1 and abs(bo["y"] - bn["y"]) < 2  # side by side
        assert float(five.get_attribute("data-share")) > 0.9
        assert five.locator(".flag").is_visible()  # GX705's threshold passed
        m_old, m_new = old.locator("mark.copy"), new.locator("mark.copy")
        assert m_old.count() >= 1 and m_new.count() >= 1
        assert "一是我局" not in "".join(m_new.all_inner_texts())  # the changed words are not marked
        changed = pg.locator("td.cell.changed")
        assert changed.count() >= 1 and changed.first.is_visible() is not None
        assert pg.locator("#figures tr.fig").count() >= 8
        # hovering a passage lights up the same passage in last year's column
        first = m_new.first
        pid = first.get_attribute("data-p")
        first.hover()
        lit = old.locator("mark.copy.hl")
        assert lit.count() >= 1 and pid in lit.first.get_attribute("data-p").split()
        five.scroll_into_view_if_needed()
        os.makedirs(ARTEFACTS, exist_ok=True)
        pg.screenshot(path=os.path.join(ARTEFACTS, "compare-five.png"))
        pg.evaluate("window.scrollTo(0, 0)")
        pg.screenshot(path=os.path.join(ARTEFACTS, "compare-top.png"))
        assert pg.gx_errors == [] and pg.gx_requests == []
    finally:
        pg.close()


def test_the_english_page(browser, tmp_path):
    path = _page_file(tmp_path, "en")
    pg = _open(browser, path)
    try:
        assert pg.inner_text("h1").startswith("Compared with last year: 青云县司法局 2023 → 2024")
        assert "Key figures" not in pg.inner_text("#summary h2") and pg.inner_text("#summary h2") == "Summary"
        assert pg.gx_errors == [] and pg.gx_requests == []
    finally:
        pg.close()
