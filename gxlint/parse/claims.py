"""Numbers in the prose: what they count, and the span of the number (template.md §8).

Filled in by the prose-vs-tables work; returns the claims of a document's prose sections.
"""
from __future__ import annotations

from ..model import Claim, Document


def extract_claims(doc: Document) -> list[Claim]:
    return []
