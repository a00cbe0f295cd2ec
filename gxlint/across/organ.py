"""Who wrote a report: the issuing organ's name, normalised so that the ways one organ writes its
own name are one key (某某区人民政府办公室 = 某某区政府办公室 = 某某区政府办), and two organs
with similar names stay apart (某某区教育局 ≠ 某某区体育局, 某某区人民政府 ≠ 某某区人民政府办公室).

A placeholder (某某局, XX县, as in templates and examples) is no organ: such reports are never
compared with one another.  Only spelling variants of one name are folded; nothing is guessed from similarity.  A rename
(机构改革: 某某县卫生和计划生育局 → 某某县卫生健康局) is the user's to state, in
``[tool.gxlint.organs]`` (old name = new name); both sides of the mapping are normalised too.
"""
from __future__ import annotations

import os
from typing import Mapping, Optional

import regex

_SPACE = regex.compile(r"[\s\u3000*#>\"“”'‘’《》【】\[\]（）()·•]+")
# the long forms the short ones stand for (applied in this order, on the whole name)
_EXPAND = (
    (regex.compile(r"(?<!人民)政府办公室$"), "人民政府办公室"),
    (regex.compile(r"(?<!人民)政府办$"), "人民政府办公室"),
    (regex.compile(r"人民政府办$"), "人民政府办公室"),
    (regex.compile(r"(?<!人民)政府$"), "人民政府"),
    (regex.compile(r"街道办$"), "街道办事处"),
    (regex.compile(r"管委会$"), "管理委员会"),
    (regex.compile(r"(?<!人民)政府(?=办公室$)"), "人民政府"),
)
_LEADING = regex.compile(r"^(?:关于|[0-9一二三四五六七八九〇○零]{4}年度?)+")
_TRAILING = regex.compile(r"(?:关于)$")
_FILE_WORDS = regex.compile(
    r"(?:19|20)\d\d|年度?|政府信息公开|政务公开|工作|年报|报告|[-_.\s]+|txt|docx?|pdf|html?|md$", regex.IGNORECASE)


def normalize(name: Optional[str], aliases: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """The key of an organ's name (None for nothing usable).  ``aliases``: old name → new name."""
    key = _fold(name)
    if not key:
        return None
    if aliases:
        seen = {key}
        table = {_fold(a): _fold(b) for a, b in aliases.items() if _fold(a) and _fold(b)}
        while key in table and table[key] not in seen:   # a chain of renames ends at the last name
            key = table[key]
            seen.add(key)
    return key


# a template's or an example's stand-in, not an organ: 某某局, XX县人民政府, ××镇
_PLACEHOLDER = regex.compile(r"某某|[XxＸｘ×]{2}|[○〇]{2}")


def _fold(name: Optional[str]) -> Optional[str]:
    if not name:
        return None
    s = _SPACE.sub("", str(name))
    if _PLACEHOLDER.search(s):
        return None
    s = _LEADING.sub("", s)
    s = _TRAILING.sub("", s)
    if len(s) < 2:
        return None
    for pat, repl in _EXPAND:
        s = pat.sub(repl, s)
    return s


def from_file_name(path: Optional[str]) -> Optional[str]:
    """A last resort: the organ a file name gives (某某局2023年政府信息公开工作年度报告.txt → 某某局);
    None when the name is only a year and words (2023.txt, report-2023.pdf)."""
    if not path:
        return None
    base = os.path.basename(path)
    stem = _FILE_WORDS.sub("", base)
    return stem if regex.search(r"\p{Han}{2}", stem) else None
