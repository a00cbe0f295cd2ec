"""The issuing organ: its name (from the title, the signature or the page's 来源) and its level."""

from __future__ import annotations

import functools
from typing import Optional

import regex

from ... import guard
from ...model import Meta, ResidueLine
from ..normalize import NormText
from .dates import CN_YEAR, YEAR

_TOWNSHIP = guard.lazy(r"(?:乡|镇|街道|苏木|街道办)(?:人民政府|办事处|党工委|政府)?$")
_DEPARTMENT = guard.lazy(r"(?:办公室|办公厅|局|委员会|委|办|厅|部|署|院|中心|站|所|队|管委会|分局|支队|大队)$")
_GOVERNMENT = guard.lazy(r"(?:人民)?政府$")


def organ_level(name: str) -> str | None:
    """department (Jan 31), government (Mar 31) or township (no national deadline)."""
    n = regex.sub(r"[\s*#]+", "", name)
    if _TOWNSHIP.search(n):
        return "township"
    if _DEPARTMENT.search(n):
        return "department"
    if _GOVERNMENT.search(n):
        return "government"
    return None


@functools.lru_cache(maxsize=1)
def _title_organ_re():
    from ... import guard

    return guard.compile(r"^\s*(?P<o>.+?)\s*(?:关于)?(?:" + YEAR + "|" + CN_YEAR + r")\s*年")


def title_organ(title: str | None) -> str | None:
    if not title:
        return None
    m = _title_organ_re().match(title)
    return m.group("o").strip(" \t*#>") if m else None


def read_organ(norm: NormText, meta: Meta, residue: list[ResidueLine]) -> None:
    """The organ: from the title, then the signature, then the page's 来源 (``meta.organ``,
    ``organ_span``, ``organ_source``, ``organ_level``); the title and signature are read."""
    text = norm.text
    organ_src: Optional[str] = None
    sig = meta.signature
    t_organ = title_organ(meta.title_norm)
    if t_organ and meta.title_span is not None:
        ts = norm.from_orig(meta.title_span.start)
        k = text.find(t_organ, ts)
        meta.organ = t_organ
        meta.organ_span = norm.span(k, k + len(t_organ)) if k >= 0 else meta.title_span
        organ_src = "title"
    elif sig.organ:
        meta.organ = sig.organ
        meta.organ_span = sig.organ_span
        organ_src = "signature"
    else:
        for r in residue:
            if "source" in r.kinds:
                a, b = norm.from_orig(r.span.start), norm.from_orig(r.span.end)
                sm = regex.search(r"来源\s*[:：]\s*(?P<o>[^\s:：]{2,30})", text[a:b])
                if sm:
                    meta.organ = sm.group("o")
                    meta.organ_span = norm.span(a + sm.start("o"), a + sm.end("o"))
                    organ_src = "source"
                    break
    meta.organ_source = organ_src
    if meta.organ:
        meta.organ_level = organ_level(meta.organ)
        if meta.organ_level is None and organ_src == "title" and sig.organ:
            meta.organ_level = organ_level(sig.organ)
