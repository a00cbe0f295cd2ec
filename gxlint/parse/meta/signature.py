"""The 落款: the issuing organ and the date on the last lines of the report (page residue
skipped), or at the end of a one-line document's last line."""

from __future__ import annotations

import regex

from ... import guard
from ...model import Signature
from ..normalize import NormText
from .organ import organ_level

# whole-text scans as module patterns: gxlint.parse puts these under the regex budget
_LINE = guard.lazy(r"[^\n]+")


def read_signature(norm: NormText, residue_norm, dates) -> Signature:
    """落款: the issuing organ and the date on the last lines of the report (residue skipped).
    ``residue_norm``: (start, end) of the residue lines in the normalised text; ``dates``: the
    well-formed dates as :func:`gxlint.parse.meta.dates.find_dates` gives them."""
    sig = Signature()
    text = norm.text
    dead = {a for a, _b in residue_norm}
    lines = [m for m in _LINE.finditer(text) if m.group().strip() and m.start() not in dead]
    if not lines:
        return sig
    sig.content_end = norm.to_orig(lines[-1].start() + len(lines[-1].group().rstrip()), end=True)
    last = lines[-3:]
    date_line = None
    for lm in reversed(last[-2:]):
        for a, b, d, _f in dates:
            if lm.start() <= a and b <= lm.end():
                rest = (text[lm.start() : a] + text[b : lm.end()]).strip(" \t*#>|")
                if len(rest) <= 40 and not regex.search(r"[。;；]", rest):
                    date_line = (lm, a, b, d, rest)
        if date_line:
            break
    if date_line:
        lm, a, b, d, rest = date_line
        sig.date = d
        sig.date_span = norm.span(a, b)
        organ = None
        if rest and _looks_like_organ(rest):
            k = text.find(rest, lm.start())
            organ = (rest, k, k + len(rest))
        else:
            i = lines.index(lm)
            if i > 0:
                prev = lines[i - 1]
                cand = prev.group().strip(" \t*#>|\u3000")
                if _looks_like_organ(cand):
                    k = text.find(cand, prev.start())
                    organ = (cand, k, k + len(cand))
        if organ:
            sig.organ = organ[0]
            sig.organ_span = norm.span(organ[1], organ[2])
            sig.span = norm.span(min(organ[1], a), max(organ[2], b))
        else:
            sig.span = sig.date_span
    elif _inline_signature(norm, sig, lines[-1], dates):
        pass
    else:
        cand = lines[-1].group().strip(" \t*#>|\u3000")
        if _looks_like_organ(cand) and organ_level(cand):
            k = text.find(cand, lines[-1].start())
            sig.organ = cand
            sig.organ_span = norm.span(k, k + len(cand))
            sig.span = sig.organ_span
    return sig


_TAIL_CUT = guard.lazy(r"[。;；!！?？]")
_INLINE_MIN = 120  # a last line this long is a paragraph (or a whole one-line report), not a 落款


def _inline_signature(norm: NormText, sig: Signature, line, dates) -> bool:
    """A 落款 at the end of a long last line (a one-line document: …无其他需要报告的事项。
    某某局 2024年1月17日): the date ends the line, the organ is the space-separated words before
    it (after the last sentence).  Also an organ alone at the end when it is set off by spaces and
    names an organ (…事项。 某某县人民政府)."""
    text = norm.text
    s = line.group().rstrip(" \t*#>|\u3000")
    if len(s) < _INLINE_MIN:
        return False
    base = line.start()
    cut = max((m.end() for m in _TAIL_CUT.finditer(s, max(0, len(s) - 80))), default=max(0, len(s) - 80))
    tail_start = base + cut
    end = base + len(s)
    date = None
    for a, b, d, _f in dates:
        if tail_start <= a and b == end:
            date = (a, b, d)
    organ = None
    stop = date[0] if date else end
    words = regex.match(r"(?:.*[ \t\u3000])?(?P<o>[^ \t\u3000]+)[ \t\u3000]*$", text[tail_start:stop], regex.DOTALL)
    if words and stop > tail_start:
        o = words.group("o").strip(" \t*#>|\u3000")
        a = tail_start + words.start("o")
        set_off = a == tail_start or text[a - 1] in " \t\u3000"
        if set_off and _looks_like_organ(o) and organ_level(o) and (date or a > tail_start):
            organ = (o, a, a + len(o))
    if date and not organ and not (date[0] == tail_start or text[date[0] - 1] in " \t\u3000"):
        date = None  # a date glued to a sentence (本局将于2024年1月17日) is not a 落款
    if date is None and organ is None:
        return False
    if date:
        sig.date = date[2]
        sig.date_span = norm.span(date[0], date[1])
    if organ:
        sig.organ = organ[0]
        sig.organ_span = norm.span(organ[1], organ[2])
    if organ is None:
        assert date is not None  # one of the two (returned above otherwise)
        lo, hi = date[0], date[1]
    else:
        lo, hi = organ[1], date[1] if date else organ[2]
    sig.span = norm.span(lo, hi)
    return True


def _looks_like_organ(s: str) -> bool:
    return 2 <= len(s) <= 40 and not regex.search(r"[。，,；;:：!！?？]", s) and bool(regex.search(r"\p{Han}{2}", s))
