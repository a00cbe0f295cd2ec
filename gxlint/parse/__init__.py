"""text → Document."""

from __future__ import annotations

import bisect
from typing import Optional, Sequence

from .. import guard, templates
from ..model import DELIMITED, NATIVE, Document, DuplicateHeading, NonstandardHeading, Span
from ..positions import LineIndex
from . import sections as _sections
from . import tables as _tables
from .claims import extract_claims
from .debris import find_debris
from .meta import parse_meta
from .normalize import NormText


def _protect_patterns() -> None:
    """Every compiled pattern of every gxlint.parse module runs under the lint's regex budget
    (guard.py): a runaway match is GX002, never a hang."""
    import importlib
    import pkgutil

    from .. import guard

    for info in pkgutil.walk_packages(__path__, __name__ + "."):
        guard.protect(vars(importlib.import_module(info.name)))


_protect_patterns()


def parse(
    text: str,
    path: Optional[str] = None,
    *,
    template: Optional[str] = None,
    year: Optional[int] = None,
    native: Sequence[tuple[int, int]] = (),
) -> Document:
    """Parse a report.  ``template``/``year`` override detection (``--template``/``--year``);
    ``native``: (start, end) of the text of each cell of the document's own tables, in order."""
    norm = NormText(text)
    doc = Document(text=text, path=path, norm=norm, lines=LineIndex(text))

    guard.check()
    headings = _sections.find_headings(norm)
    accepted, duplicates = _sections.choose(headings)
    written = _sections.find_as_written(norm, accepted)
    if written:
        accepted = sorted(accepted + written, key=lambda h: h.start)
    # sections found under a heading that differs from the format's (GX202)
    doc.headings.nonstandard = [NonstandardHeading(h.index, h.form, norm.span(h.start, h.end)) for h in written]
    doc.sections = _sections.build_sections(norm, accepted)
    doc.headings.duplicates = [DuplicateHeading(h.index, h.numeral, norm.span(h.start, h.end)) for h in duplicates]
    doc.headings.old = _sections.find_old_structure(norm)

    first = accepted[0].start if accepted else -1
    guard.check()
    doc.debris = find_debris(norm, first)
    doc.meta = parse_meta(norm, first, doc.debris.residue)
    if year is not None:
        doc.meta.year = year
        doc.meta.year_source = "config"
    doc.expected_template = templates.for_year(doc.meta.year)
    doc.pre2019 = _old_structure(doc)

    if doc.pre2019 is not None:
        doc.template = "pre2019"
        return doc

    guard.check()
    _read_tables(doc, accepted, template)
    if native:
        _native(doc, native)
    guard.check()
    t2, t3 = doc.tables.get("t2"), doc.tables.get("t3")
    detected = (t2.version if t2 else None) or (t3.version if t3 else None)
    doc.template = template or detected or doc.expected_template
    guard.check()
    doc.claims = extract_claims(doc)
    return doc


FIRST_OLD_YEAR = 2008  # the first year of annual reports (old 条例, in force 2008-05-01)


def _old_structure(doc: Document) -> Optional[Span]:
    """Where the report shows the pre-2019 structure (GX104 there, no cascade), or None.

    Old structure: two or more old headings (概述, 依申请公开…, 收费及减免…) and not the current
    structure's core (four sections, 三 among them).  A report for 2008–2018 (its year stated as a
    report's, and a title or headings to show it is a report) is of the old format whatever its
    headings, unless it has that core: anchored at its first old heading, else its title, else
    its first heading."""
    old = doc.headings.old
    # headings found only by their core words (五 + 问题) do not make a report modern
    core = {h.index for h in doc.headings.nonstandard if h.form == "core"}
    modern = len([s for s in doc.sections if s.index not in core]) >= 4 and doc.section(3) is not None and 3 not in core
    if modern:
        return None
    if len(old) >= 2:
        return old[0]
    y = doc.meta.year
    if y is None or not FIRST_OLD_YEAR <= y < templates.version(templates.VERSIONS[0])["first_year"]:
        return None
    # only a report says so: its year stated as a report's (title, period, the report named …),
    # and a title, a heading of either structure (not any text that mentions a year)
    if doc.meta.year_source != "config" and not any(m.year == y for m in doc.meta.year_mentions):
        return None
    titled = doc.meta.title_span is not None and "信息公开" in (doc.meta.title_norm or "")
    if not (old or titled or len(doc.sections) >= 2):
        return None
    if old:
        return old[0]
    if titled:
        return doc.meta.title_span
    return min(doc.sections, key=lambda s: s.span.start).span


def _native(doc: Document, native: Sequence[tuple[int, int]]) -> None:
    """Cells read as written inside a cell of the document's own table are graded NATIVE (letters
    in a number there were typed, not misrecognised from a scan)."""
    starts = [a for a, _b in native]
    for t in doc.tables.values():
        for r in t.rows.values():
            for c in r.cells:
                if c.certainty != DELIMITED and c.how != "letters":
                    continue
                k = bisect.bisect_right(starts, c.span.start) - 1
                if k >= 0 and native[k][0] <= c.span.start and c.span.end <= max(native[k][1], native[k][0] + 1):
                    c.certainty, c.how = NATIVE, ""


def _section_region(norm: NormText, accepted, index: int) -> Optional[tuple[int, int]]:
    for i, h in enumerate(accepted):
        if h.index == index:
            end = accepted[i + 1].start if i + 1 < len(accepted) else len(norm.text)
            return h.end, end
    return None


def _read_tables(doc: Document, accepted, template: Optional[str]) -> None:
    """Tables 二/三/四 from their sections' bodies.  Each table's version comes from its own
    labels; ``template`` (an override) wins, the report year's template is the fallback."""
    norm = doc.norm
    fallback = doc.expected_template
    r2 = _section_region(norm, accepted, 2)
    if r2:
        t = _tables.parse_t2(norm, r2[0], r2[1], fallback, force=template)
        if t is not None:
            t.section = 2
            doc.tables["t2"] = t
    r3 = _section_region(norm, accepted, 3)
    if r3:
        ver = doc.tables["t2"].version if "t2" in doc.tables else fallback
        t = _tables.parse_t3(norm, r3[0], r3[1], ver, force=template)
        if t is not None:
            t.section = 3
            doc.tables["t3"] = t
    r4 = _section_region(norm, accepted, 4)
    if r4:
        t = _tables.parse_t4(norm, r4[0], r4[1])
        if t is not None:
            t.section = 4
            doc.tables["t4"] = t
