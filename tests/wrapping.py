"""Wrap a report's prose the way a PDF text extraction does (helper for the wrapped-lines tests)."""

import re
import unicodedata

_TABLE = re.compile(r"\||\t|(?:^|\s)\d+(?:\s+\d+){2}(?:\s|$)")
_HEADING = re.compile(r"^[一二三四五六七八九十]、")


def wrap(text: str, width: int = 28, page_every: int = 0, newline: str = "\n") -> str:
    """Cut every prose line wider than ``width`` Han characters into lines of that display width
    (a Han character is as wide as two digits; table rows stay as they are).  With ``page_every``, a page-number line
    ``- N -`` is inserted after every ``page_every`` wrapped lines, mid-paragraph."""
    out = []
    count = 0
    page = 1
    for line in text.split("\n"):
        if _TABLE.search(line) or _w(line) <= 2 * width:
            out.append(line)
            continue
        pieces, cur = [], ""
        for ch in line:
            if _w(cur + ch) > 2 * width:
                pieces.append(cur)
                cur = ""
            cur += ch
        pieces.append(cur)
        for k, piece in enumerate(pieces):
            out.append(piece)
            count += 1
            if page_every and count % page_every == 0 and k + 1 < len(pieces):
                page += 1
                out.append(f"- {page} -")
    return newline.join(out)


def _w(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)
