"""Title, report year, statistics period, dates, signature, issuing organ and its level
(:class:`gxlint.model.Meta`), one module for each:

- :mod:`.title`: the report's title (``title``, ``title_span``, ``title_norm``);
- :mod:`.dates`: every date (``dates``), the statistics period (``period``), the publication date
  of the web page around the report (``published``);
- :mod:`.year`: the places that state the report year (``year_mentions``) and the year decided
  (``year``, ``year_source``);
- :mod:`.signature`: the 落款 (``signature``);
- :mod:`.organ`: the issuing organ (``organ``, ``organ_span``, ``organ_source``, ``organ_level``).

Everything is matched on the normalised text (``NormText.text``: simplified, pinyin removed,
full-width folded) and mapped back to original spans.  The page residue, chrome and mojibake
around and inside the report are :mod:`gxlint.parse.debris`'s.
"""

from __future__ import annotations

from ...model import Meta, ResidueLine
from ..normalize import NormText
from .dates import find_dates, publication, read_dates, read_period
from .organ import organ_level, read_organ, title_organ
from .signature import read_signature
from .title import read_title
from .year import body_mentions, body_year, decide_year


def parse_meta(norm: NormText, first_section_start: int, residue: list[ResidueLine]) -> Meta:
    """The report's :class:`Meta`.  ``first_section_start``: offset in the normalised text of
    section 一's heading (-1 without one); ``residue``: the page residue lines (not report text)."""
    text = norm.text
    meta = Meta()
    head = text[: max(first_section_start, 0)] if first_section_start > 0 else text[:400]
    residue_norm = [(norm.from_orig(r.span.start), norm.from_orig(r.span.end)) for r in residue]

    def in_residue(i: int) -> bool:
        return any(a <= i < b for a, b in residue_norm)

    mentions = read_title(norm, head, in_residue, meta)
    meta.period, stated = read_period(norm)
    mentions += stated
    mentions += body_mentions(norm, first_section_start, meta.title_span, in_residue)
    meta.year_mentions = mentions

    # dates, the published date (web residue) and the signature
    meta.dates, dates = read_dates(norm)
    meta.published, meta.published_span = publication(residue, meta.dates)
    meta.signature = read_signature(norm, residue_norm, dates)

    # the organ: title, then signature, then the page's 来源
    read_organ(norm, meta, residue)

    # the report year: the year most places state (the title wins a tie, then the period)
    meta.year, meta.year_source = decide_year(mentions)
    if meta.year is None:
        y = body_year(norm, first_section_start)
        if y is not None:
            meta.year = y
            meta.year_source = "body"
        elif meta.signature.date:
            meta.year = meta.signature.date[0] - 1
            meta.year_source = "signature"
    return meta


__all__ = ["find_dates", "organ_level", "parse_meta", "title_organ"]
