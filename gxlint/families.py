"""The rule families: one table that the registry's rules, the configuration, ``gxlint rules``,
the generated documentation, the reviewer's report and the tests all read.

A rule says its family by key (``Rule.family = "arithmetic"``); its code starts with the family's
prefix (GX3…).  ``zh``/``en`` name the family in the documentation and ``gxlint rules``; ``review_zh``/
``review_en`` are the plainer words of the reviewer's report (its columns and filters).  The order
is the report's: what a report says first, reading problems last.
"""

from __future__ import annotations

from typing import NamedTuple, Optional


class Family(NamedTuple):
    key: str  # what Rule.family says
    prefix: str  # the codes of its rules start with it (GX3…: --select GX3 selects the family)
    zh: str  # its name in the documentation and `gxlint rules`
    en: str
    review_zh: str  # its name in the reviewer's report
    review_en: str


FAMILIES: tuple[Family, ...] = (
    Family("structure", "GX1", "结构", "structure", "结构", "structure"),
    Family("template", "GX2", "模板", "template", "模板", "template"),
    Family("arithmetic", "GX3", "勾稽", "arithmetic", "勾稽", "arithmetic"),
    Family("prose", "GX4", "文表一致", "prose", "正文与表格", "text vs tables"),
    Family("meta", "GX5", "要素", "meta", "日期年份", "dates and year"),
    Family("hygiene", "GX6", "文字", "hygiene", "文字", "wording"),
    Family("across", "GX7", "跨年度", "across", "跨年度", "across years"),
    Family("engine", "GX0", "引擎", "engine", "读取", "reading"),
)
BY_KEY: dict[str, Family] = {f.key: f for f in FAMILIES}


def of_code(code: str) -> Optional[Family]:
    """The family whose prefix a rule code starts with (GX301 → arithmetic), or None."""
    return next((f for f in FAMILIES if code.startswith(f.prefix)), None)


def name(key: str, lang: str = "zh") -> str:
    """A family's name in the documentation and ``gxlint rules`` (a third-party family: its key)."""
    f = BY_KEY.get(key)
    return key if f is None else f.en if lang == "en" else f.zh


def review_name(key: str, lang: str = "zh") -> str:
    """A family's name in the reviewer's report."""
    f = BY_KEY.get(key)
    return key if f is None else f.review_en if lang == "en" else f.review_zh
