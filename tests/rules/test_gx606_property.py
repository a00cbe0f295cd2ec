"""GX606, as a property: a generated report with one word of its prose written twice gives exactly
one GX606, at that word, in every text damage mode (gxlint.synth.damage_text: one line, PDF wraps,
CRLF, ASCII punctuation, indents, flattened / spaced / converter tables, OCR — where the scan left the
slip as it was); the same report without the slip gives none."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from gxlint import lexicon, synth
from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_edits

ONLY = Settings.from_options(None, select="GX606")
MODES = ("none",) + synth.TEXT_DAMAGES
SETTINGS = settings(
    max_examples=12, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _places(text: str) -> list[tuple[int, str]]:
    """(offset, word) of the words a writer could slip on in the prose of sections 一 and 五: a word
    of the dictionary, two to four characters long, inside a clause (a Han character on both
    sides), not a numeral with its classifier, not in a quoted title (《…》), the run around it cut
    into words by the dictionary."""
    out = []
    pos = 0
    section = 0
    for line in text.split("\n"):
        head = line[:2]
        if head in ("一、", "二、", "三、", "四、", "五、", "六、"):
            section = "一二三四五六".index(head[0]) + 1
        elif section in (1, 5) and "。" in line and "|" not in line:
            k = 0
            while k < len(line):
                if line[k] == "《":
                    k = line.find("》", k) % (len(line) + 1) + 1
                    continue
                if not _han(line[k]):
                    k += 1
                    continue
                e = k
                while e < len(line) and _han(line[e]):
                    e += 1
                run = line[k:e]
                edges = [0, *lexicon.segment(run), len(run)]
                for a, b in zip(edges, edges[1:]):
                    w = run[a:b]
                    if 0 < a and b < len(run) and 2 <= b - a <= 4 and lexicon.is_word(w) and w[0] not in "一两几每":
                        out.append((pos + k + a, w))
                k = e
        pos += len(line) + 1
    return out


def _han_index(text: str, offset: int) -> int:
    return sum(1 for ch in text[:offset] if _han(ch))


def _offset_of_han(text: str, index: int) -> int:
    n = 0
    for i, ch in enumerate(text):
        if _han(ch):
            if n == index:
                return i
            n += 1
    raise AssertionError("the damaged text lost Han characters")


def _damage(text: str, mode: str, seed: int) -> str:
    return text if mode == "none" else synth.damage_text(text, mode, seed)


@pytest.mark.parametrize("mode", MODES)
@SETTINGS
@given(seed=st.integers(min_value=0, max_value=2**16), pick=st.integers(min_value=0, max_value=10**6))
def test_one_doubled_word_one_finding_at_it(mode, seed, pick):
    clean = synth.generate(seed).render("pipe").text
    places = _places(clean)
    assert places, "the generated report has prose"
    at, word = places[pick % len(places)]
    slipped = clean[:at] + word + clean[at:]
    note(f"seed {seed}: {word!r} doubled at {at}: …{slipped[max(0, at - 12) : at + 2 * len(word) + 12]}…")
    han = _han_index(slipped, at)

    text = _damage(slipped, mode, seed)
    where = _offset_of_han(text, han)
    if mode == "ocr":
        # a scan may put a space inside the slip or misread one of its characters: then it is gone
        assume(text[where : where + 2 * len(word)] == word + word)
    res = lint(text, None, ONLY)
    own = [d for d in res.diagnostics if d.code == "GX606"]
    assert [(d.span.start, d.data["word"]) for d in own] == [(where, word)], [
        (text[d.span.start : d.span.end], d.message) for d in own
    ]
    # its fix takes the slip away
    fixed, applied = apply_edits(text, own[0].fix.edits)
    assert applied == len(own[0].fix.edits)
    assert not [d for d in lint(fixed, None, ONLY).diagnostics if d.code == "GX606"]

    assert not [d for d in lint(_damage(clean, mode, seed), None, ONLY).diagnostics if d.code == "GX606"]
