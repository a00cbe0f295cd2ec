"""Fixtures shared by every test folder: ``browser`` (headless Chromium, see browserutil)."""

from browserutil import browser  # noqa: F401  (a fixture, made available to every test module)
