"""Headless Chromium for the tests that look at a page gxlint writes (the review page, the
comparison): Debian's ``chromium`` driven by Playwright's Python API — never ``playwright install``.

``browser`` is a module-scoped fixture: import it into a test module (``from browserutil import
browser``) together with ``needs_chromium`` as the module's ``pytestmark``."""

import contextlib
import os
import shutil

import pytest

CHROMIUM = os.environ.get("GXLINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is missing: apt-get install chromium fonts-noto-cjk"
)


@contextlib.contextmanager
def launch():
    """A running Chromium (Playwright's Browser), closed on exit."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b
