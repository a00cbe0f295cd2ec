"""Who wrote a report: the issuing organ's name, normalised so that the ways one organ writes its
own name are one key (某某区人民政府办公室 = 某某区政府办公室 = 某某区政府办), and two organs
with similar names stay apart (某某区教育局 ≠ 某某区体育局, 某某区人民政府 ≠ 某某区人民政府办公室).

Where a report names its organ (:func:`of_document`): the title, also on its own line above the
title; the signature; the opening statement (本报告由…编制); the page's source line; last the file
name.  The places above the organ may be written one year and not the next (淮安市洪泽区人民政府 /
洪泽区人民政府): :class:`Name` splits them off, :func:`compatible` and :func:`family` say when two
keys are one organ — never when the index holds the name under two different places.

A placeholder (某某局, XX县, as in templates and examples) is no organ: such reports are never
compared with one another.  Only spelling variants of one name are folded; nothing is guessed from similarity.  A rename
(机构改革: 某某县卫生和计划生育局 → 某某县卫生健康局) is the user's to state, in
``[tool.gxlint.organs]`` (old name = new name); both sides of the mapping are normalised too.
"""

from __future__ import annotations

import functools
import os
from typing import Iterable, Mapping, Optional

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
    r"(?:19|20)\d\d|年度?|政府信息公开|政务公开|工作|年报|报告|[-_.\s]+|txt|docx?|pdf|html?|md$", regex.IGNORECASE
)


def normalize(name: Optional[str], aliases: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """The key of an organ's name (None for nothing usable).  ``aliases``: old name → new name."""
    key = _fold(name)
    if not key:
        return None
    if aliases:
        seen = {key}
        table = {fa: fb for a, b in aliases.items() if (fa := _fold(a)) and (fb := _fold(b))}
        while key in table and table[key] not in seen:  # a chain of renames ends at the last name
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


# --- the places a name may leave out --------------------------------------------------------
#
# 淮安市洪泽区人民政府 and 洪泽区人民政府 are one organ when nothing else in the batch says
# otherwise: a report writes its own place and may leave out the city or province above it.  The
# key of a name keeps every place (normalize); :class:`Name` also gives the ``core`` (the name from
# its nearest own place on) and the ``places`` a shorter writing may leave out.  Two keys are the
# same organ when their cores are equal and one's places are a part of the other's, in order
# (:func:`compatible`) — and no third writing of the core in the index makes that ambiguous
# (南京市鼓楼区 and 福州市鼓楼区 both present: a bare 鼓楼区 is neither; :func:`family`).

# a place that may stand above another: province, region, city, prefecture, league; a county,
# district or banner only above a township
_UPPER = regex.compile(r"^\p{Han}{2,8}?(?:省|自治区|自治州|地区|市|州|盟|(?P<low>区|县|旗))")
# a county-level place, or a township, at the start of what follows
_COUNTY = regex.compile(r"^(?:\p{Han}{2,12}?(?:自治县|自治旗|林区|特区|市|区|县|旗)|\p{Han}[县旗])")
_TOWNSHIP = regex.compile(r"^\p{Han}{2,12}?(?:镇|乡|街道|苏木)")


class Name:
    """A normalised name split into the places a shorter writing may leave out and the rest."""

    __slots__ = ("key", "core", "places")

    def __init__(self, key: str) -> None:
        places: list[str] = []
        core = key
        while True:
            m = _UPPER.match(core)
            if m is None:
                break
            rest = core[m.end() :]
            lower_level = m.group("low") is not None
            if not (_TOWNSHIP.match(rest) or (not lower_level and _COUNTY.match(rest))):
                break
            places.append(m.group())
            core = rest
        self.key, self.core, self.places = key, core, tuple(places)

    def __repr__(self) -> str:
        return f"Name({self.key!r}, core={self.core!r}, places={self.places!r})"


@functools.lru_cache(maxsize=8192)
def name(key: str) -> Name:
    return Name(key)


def core(key: str) -> str:
    """The key from its nearest own place on (淮安市洪泽区人民政府 → 洪泽区人民政府)."""
    return name(key).core


def _subsequence(short: tuple, long: tuple) -> bool:
    it = iter(long)
    return all(p in it for p in short)


def compatible(a: str, b: str) -> bool:
    """Whether two keys may be one organ's: the same core, one's places a part of the other's."""
    if a == b:
        return True
    na, nb = name(a), name(b)
    if na.core != nb.core:
        return False
    short, long = sorted((na.places, nb.places), key=len)
    return _subsequence(short, long)


def family(key: str, keys: Iterable[str]) -> set[str]:
    """The keys (among ``keys``, all of one core) that are the same organ as ``key``: itself, and
    the compatible keys when neither is ambiguous — a key is ambiguous when two of the keys it is
    compatible with are not compatible with each other (南京市鼓楼区 and 福州市鼓楼区 for 鼓楼区)."""
    keys = set(keys) | {key}
    if len(keys) == 1:
        return {key}
    near = {k: {o for o in keys if compatible(k, o)} for k in keys}

    def ambiguous(k: str) -> bool:
        ks = sorted(near[k])
        return any(not compatible(x, y) for i, x in enumerate(ks) for y in ks[i + 1 :])

    if ambiguous(key):
        return {key}
    return {k for k in near[key] if k == key or not ambiguous(k)}


def related(a: Optional[str], b: Optional[str]) -> Optional[str]:
    """Why two different keys might still be one organ, or None: ``places`` (the same core whose
    places are not settled), ``office`` (one is the other's office: 某某区人民政府 and
    某某区人民政府办公室 — different organs, but a report that names only its compiler is one of them)."""
    if not a or not b or a == b:
        return None
    na, nb = name(a), name(b)
    if na.core == nb.core:
        return "places"
    short, long = sorted((na.core, nb.core), key=len)
    if long.startswith(short) and regex.fullmatch(r"办公室|办公厅|办", long[len(short) :]):
        return "office"
    return None


def near_cores(key: str) -> set[str]:
    """The cores a report of another organ that may still be this one's has: the same core (its
    places unsettled), the organ's office, or the organ of an office (:func:`related`)."""
    c = core(key)
    base = c
    for suffix in ("办公室", "办公厅"):
        if c.endswith(suffix):
            base = c[: -len(suffix)]
    return {c, base, base + "办公室", base + "办公厅"}


def maybe_last_year(e, index) -> list:
    """The reports of the year before ``e``'s that may be its organ's but are not settled as such
    (GX706): of a related organ (:func:`related`) with no report of ``e``'s year of its own; or,
    when ``e`` names no organ, those that name none either (any, when the index holds just the two)."""
    y = e.year
    if y is None:
        return []
    if not e.organ:
        return sorted(
            (
                o
                for o in index.entries.values()
                if o.year == y - 1 and o.path != e.path and (not o.organ or len(index.entries) == 2)
            ),
            key=lambda o: o.path,
        )
    found = {o.path: o for c in near_cores(e.organ) for o in index.of_core(c)}
    out = []
    for o in sorted(found.values(), key=lambda o: o.path):
        if o.year != y - 1 or o.path == e.path or not o.organ or o.organ == e.organ:
            continue
        if related(e.organ, o.organ) is None or any(x.year == y for x in index.of_organ(o.organ)):
            continue
        out.append(o)
    return out


# --- where a report names its organ -----------------------------------------------------------

# the opening statement: 本报告由淮安市洪泽区人民政府办公室根据……编制; 现公布某某局2023年政府信息公开工作年度报告
_OPENING = regex.compile(
    r"本(?:年度)?报告(?:是)?由(?P<o>\p{Han}{2,30}?)(?:根据|依据|按照|依照|对照|负责|编制|制作|编写|撰写|起草|汇总)"
)
_PUBLISHES = regex.compile(
    r"(?:公布|发布|编制|形成)(?:了)?(?P<o>\p{Han}{2,30}?)(?:19|20)\d\d\s*年度?(?:的)?(?:政府信息公开|政务公开)"
)
# a web archive's own metadata line: 发布机构: 平潭综合实验区管委会办公室
_PUBLISHER = regex.compile(r"(?:发布机构|发文机关|发布单位)[ \t]*[:：][ \t]*(?P<o>[^\s:：]{2,30})")


def of_document(doc, path: Optional[str] = None) -> tuple[Optional[str], str, Optional[object]]:
    """(the organ's name as the report writes it, where it was read, its span) — the title (also
    on its own line above the title), the signature, the opening statement (本报告由…编制), the
    page's source line or publisher, and last the file name (span None)."""
    from ..parse.meta import organ_level

    meta = doc.meta
    src = meta.organ_source or ""
    if meta.organ and src == "title":
        return meta.organ, src, meta.organ_span
    above = _above_title(doc)
    if above is not None:
        return above[0], "title", above[1]
    if meta.organ and src == "signature":
        return meta.organ, src, meta.organ_span
    norm, text = doc.norm, doc.norm.text
    first = doc.sections[0].span.start if doc.sections else None
    head_end = norm.from_orig(first) if first is not None else min(len(text), 1200)
    for pat in (_OPENING, _PUBLISHES):
        m = pat.search(text, 0, head_end)
        if m is not None and organ_level(m.group("o")) is not None:
            return m.group("o"), "opening", norm.span(m.start("o"), m.end("o"))
    if meta.organ:
        return meta.organ, src or "source", meta.organ_span
    for r in doc.debris.residue:
        a, b = norm.from_orig(r.span.start), norm.from_orig(r.span.end)
        m = _PUBLISHER.search(text, a, b)
        if m is not None and organ_level(m.group("o")) is not None:
            return m.group("o"), "source", norm.span(m.start("o"), m.end("o"))
    name = from_file_name(path)
    return name, ("file" if name else ""), None


def _above_title(doc) -> Optional[tuple[str, object]]:
    """The organ on its own line right above a title that names none (洪泽区人民政府 /
    2023年政府信息公开工作 / 年度报告): (name, span) or None."""
    from ..parse.meta import organ_level

    meta = doc.meta
    if meta.title_span is None:
        return None
    norm, text = doc.norm, doc.norm.text
    ts = norm.from_orig(meta.title_span.start)
    le = text.rfind("\n", 0, ts)
    if le < 0 or text[le:ts].strip(" \t\u3000\r\n#*>"):
        return None  # the title does not start its line
    ls = text.rfind("\n", 0, le) + 1
    line = text[ls:le]
    s = line.strip(" \t\u3000\r#*>")
    if (
        not (2 <= len(s) <= 30)
        or regex.search(r"[\s。，,；;:：!！?？()（）\d]", s)
        or not regex.search(r"\p{Han}{2}", s)
    ):
        return None
    dead = [(r.span.start, r.span.end) for r in doc.debris.residue]
    a = ls + line.index(s)
    if any(x <= norm.to_orig(a) < y for x, y in dead) or organ_level(s) is None:
        return None
    return s, norm.span(a, a + len(s))
