"""Is a parsed document an annual report at all?  One test, shared by the language server (which
stays quiet on other plain-text/Markdown documents) and by ``gxlint check`` walking a folder
(which skips a README or notes and lists them as skipped)."""

from __future__ import annotations


def looks_like_report(doc) -> bool:
    """A title, two or more of the report's section headings, a recognised table, or the
    pre-2019 structure."""
    return bool(doc.meta.title) or len(doc.sections) >= 2 or bool(doc.tables) or doc.pre2019 is not None
