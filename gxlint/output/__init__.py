"""Output formats: text, json, sarif, github — each a writer of :mod:`.stream` (``WRITERS``: the
registry the command line's ``--format`` reads), written file by file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..positions import LineIndex


@dataclass
class OutputContext:
    lang: str = "zh"
    quiet: bool = False
    statistics: bool = False
    color: bool = False
    show_source: bool = True
    extra: dict = field(default_factory=dict)


def position(lines: Optional[LineIndex], offset: int) -> dict:
    """{"line": 1-based, "column": 1-based code points, "offset": 0-based code points}."""
    if lines is None:
        return {"line": 1, "column": 1, "offset": offset}
    line, col = lines.position(offset)
    return {"line": line + 1, "column": col + 1, "offset": offset}


def lines_of(result) -> Optional[LineIndex]:
    if result.doc is not None:
        return result.doc.lines
    if result.text is not None:
        return LineIndex(result.text)
    return None


def native_location(d, lang: str = "zh") -> str:
    """The finding's place in the source document in words (表 3 第 5 行第 2 列, 第 3 页 …), or ""
    for text files (their line:column is the place)."""
    loc = d.data.get("source") if isinstance(d.data, dict) else None
    if not isinstance(loc, dict) or not loc:
        return ""
    from ..read import describe

    return describe(loc, lang)


def source_dict(d, lang: str = "zh") -> dict | None:
    """JSON/SARIF: the native location of a finding, with its description."""
    loc = d.data.get("source") if isinstance(d.data, dict) else None
    if not isinstance(loc, dict) or not loc:  # a native location is a dict (a rule's own data is not)
        return None
    from ..read import describe

    out = {k: v for k, v in loc.items() if k != "offset"}
    out["description"] = describe(loc, lang)
    return out


# C0 controls but tab, DEL, C1 controls, the line and paragraph separators and the bidirectional
# overrides/isolates: in a terminal they move the cursor, change colours, retitle the window or
# reorder what is shown (a report or a file name must not do that to the reader's terminal)
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(m: "re.Match") -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    o = ord(ch)
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def safe_text(s: str) -> str:
    """Text for a terminal: control characters shown as visible escapes (``\\x1b``, ``\\n``)."""
    return _UNSAFE.sub(_escape, s) if _UNSAFE.search(s) else s


_UNSAFE_IN_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe_lines(s: str) -> str:
    """Like :func:`safe_text`, keeping the line breaks (``\\n``) and tabs: for multi-line text
    that goes to a terminal (``gxlint show``, messages, a diff on a terminal)."""
    return _UNSAFE_IN_LINES.sub(_escape, s) if _UNSAFE_IN_LINES.search(s) else s
