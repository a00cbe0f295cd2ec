"""A Chinese word list and the segmentation built on it (for the text rules: GX606).

``words.txt.gz`` is generated from jieba's dictionary by ``scripts/gen_lexicon.py`` (the Han words
of one to eight characters whose frequency jieba attests, with that frequency, and jieba's total).
It is loaded once, when a rule first asks for it (about 0.2 s; most reports never need it).

:func:`segment` cuts a run of Han characters into words the way jieba's dictionary segmentation
does (no HMM for unknown words): of all the ways to cut the run into dictionary words and single
characters, the one whose product of word probabilities is the highest.  A character the list
does not have counts as a word of frequency 1.

:func:`reduplicated` tells a reduplicated form the dictionary lists (常常 看看 种种 一一 的的确确 …):
a word that is a shorter word written twice.
"""

from __future__ import annotations

import functools
import gzip
import math
from importlib import resources
from typing import Sequence


def load():
    """This module, for a rule (``gxlint.api.lexicon()``); the word list itself is read when
    first needed."""
    import sys

    return sys.modules[__name__]


@functools.lru_cache(maxsize=1)
def _load() -> tuple[dict[str, float], float]:
    """word → log frequency, and log of the total frequency."""
    raw = resources.files(__package__).joinpath("words.txt.gz").read_bytes()
    logs: dict[str, float] = {}
    total = 1.0
    log = math.log
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line[0] == "#":
            continue
        word, _, freq = line.partition("\t")
        if word == "total":
            total = float(freq)
            continue
        logs[word] = log(int(freq))
    return logs, log(total)


MAX_WORD = 8
"""The longest word of the list (characters)."""


def frequency(word: str) -> int:
    """The word's frequency in jieba's dictionary (0: not an attested word)."""
    logs, _total = _load()
    f = logs.get(word)
    return 0 if f is None else round(math.exp(f))


def is_word(word: str) -> bool:
    """An attested word of the list (a single character is a word only if listed)."""
    return word in _load()[0]


def segment(run: str) -> list[int]:
    """The word boundaries of the best segmentation of ``run`` (a run of Han characters): offsets
    0 < b < len(run) where one word ends and the next begins, in order."""
    return list(_segment(run))


@functools.lru_cache(maxsize=4096)
def _segment(run: str) -> tuple[int, ...]:
    logs, total = _load()
    n = len(run)
    # route[i]: best log probability of run[i:] and the end of its first word (jieba's calc)
    best = [0.0] * (n + 1)
    nxt = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        top, top_j = None, i + 1
        for j in range(i + 1, min(n, i + MAX_WORD) + 1):
            w = run[i:j]
            lf = logs.get(w)
            if lf is None:
                if j > i + 1:
                    continue
                lf = 0.0  # an unknown character: frequency 1
            score = lf - total + best[j]
            if top is None or score > top:
                top, top_j = score, j
        assert top is not None  # j = i + 1 always scores (an unknown character included)
        best[i], nxt[i] = top, top_j
    cuts = []
    i = nxt[0] if n else 0
    while i < n:
        cuts.append(i)
        i = nxt[i]
    return tuple(cuts)


def reduplicated(form: str) -> bool:
    """``form`` is a word of the list made of a shorter word written twice (常常, 看看, 一一 …)."""
    h = len(form) // 2
    return len(form) % 2 == 0 and h > 0 and form[:h] == form[h:] and is_word(form)


def words_at(run: str, cuts: Sequence[int]) -> list[str]:
    """The words of ``run`` between the boundaries ``cuts`` (as :func:`segment` gives them)."""
    edges = [0, *cuts, len(run)]
    return [run[a:b] for a, b in zip(edges, edges[1:])]
