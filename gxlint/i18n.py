"""gxlint's own words (the command line's, the reports' and letters' frame) in the run's language.

Rules have their messages by id in both languages (``Rule.messages``); what gxlint says itself
picks one of two texts here.  The language is always passed in: Chinese unless it is ``en``.
"""

from __future__ import annotations


def say(lang: str | None, zh: str, en: str) -> str:
    """The English text when ``lang`` is ``en``, else the Chinese one."""
    return en if lang == "en" else zh
