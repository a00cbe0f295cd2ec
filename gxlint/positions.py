"""Offsets ↔ line/column, in code points, UTF-16 code units or UTF-8 bytes.

The model speaks code-point offsets into the original text.  Front ends convert:
the CLI to 1-based line / code-point column, the language server to 0-based line and a
column in the negotiated position encoding (UTF-16 unless the client asks otherwise).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from itertools import repeat

_LINE_BREAK = ("\r\n", "\n", "\r")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _utf16_len(s: str) -> int:
    # characters outside the BMP take two UTF-16 code units (counted in C; only lines that hold
    # one get here, see LineIndex._astral_lines)
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def _utf8_len(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


class LineIndex:
    """Line starts of a text; lines end at \\n, \\r\\n or a lone \\r (as LSP defines them)."""

    __slots__ = ("text", "starts", "_astral")

    def __init__(self, text: str) -> None:
        self.text = text
        # an array of machine integers (8 bytes a line), not a list of int objects (~36 bytes a
        # line): a flood of blank lines costs little
        starts = array("q", [0])
        i = 0
        n = len(text)
        find = text.find
        # fast path: \n only
        if "\r" not in text:
            while True:
                j = find("\n", i)
                if j < 0:
                    break
                starts.append(j + 1)
                i = j + 1
        else:
            while i < n:
                ch = text[i]
                if ch == "\n":
                    starts.append(i + 1)
                elif ch == "\r":
                    if i + 1 < n and text[i + 1] == "\n":
                        i += 1
                    starts.append(i + 1)
                i += 1
        self.starts = starts
        self._astral: frozenset[int] | None = None

    def _astral_lines(self) -> frozenset[int]:
        """The lines holding a character outside the BMP (two UTF-16 units): elsewhere a UTF-16
        column is the code-point column (computed once, in C, when first asked)."""
        if self._astral is None:
            t = self.text
            if t.isascii() or max(t) <= "\uffff":
                self._astral = frozenset()
            else:
                self._astral = frozenset(self.line_of(m.start()) for m in _ASTRAL.finditer(t))
        return self._astral

    @property
    def count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """0-based line of an offset."""
        offset = max(0, min(offset, len(self.text)))
        return bisect_right(self.starts, offset) - 1

    def lines_of(self, offsets) -> list[int]:
        """0-based line of each offset (as :meth:`line_of`), the binary searches run in C: for the
        hundreds of places a rule finds at once.  Searched in the array itself (a list of it would
        cost ~36 bytes a line: a flood of blank lines)."""
        return [b - 1 if b else 0 for b in map(bisect_right, repeat(self.starts), offsets)]

    def line_start(self, line: int) -> int:
        return self.starts[max(0, min(line, len(self.starts) - 1))]

    def line_end(self, line: int, keep_break: bool = False) -> int:
        """Offset of the end of a line (before its line break unless keep_break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            if not keep_break:
                if end > 0 and self.text[end - 1] == "\n":
                    end -= 1
                    if end > 0 and self.text[end - 1] == "\r":
                        end -= 1
                elif end > 0 and self.text[end - 1] == "\r":
                    end -= 1
            return end
        return len(self.text)

    def line_text(self, line: int) -> str:
        return self.text[self.line_start(line) : self.line_end(line)]

    def position(self, offset: int) -> tuple[int, int]:
        """(0-based line, 0-based code-point column)."""
        line = self.line_of(offset)
        return line, max(0, min(offset, len(self.text))) - self.starts[line]

    def position_in(self, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
        """(0-based line, 0-based column in the given encoding: utf-16, utf-32 or utf-8)."""
        line, col = self.position(offset)
        if encoding == "utf-32" or col == 0 or (encoding == "utf-16" and line not in self._astral_lines()):
            return line, col
        start = self.starts[line]
        prefix = self.text[start : start + col]
        if encoding == "utf-16":
            return line, _utf16_len(prefix)
        if encoding == "utf-8":
            return line, _utf8_len(prefix)
        raise ValueError(f"unknown position encoding {encoding!r}")

    def offset_at(self, line: int, column: int, encoding: str = "utf-16") -> int:
        """Offset of (0-based line, column in encoding); clamps past the end of a line/text."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.line_end(line)
        if column <= 0:
            return start
        if encoding == "utf-32":
            return min(start + column, end)
        units = 0
        i = start
        text = self.text
        while i < end and units < column:
            cp = ord(text[i])
            if encoding == "utf-16":
                units += 2 if cp > 0xFFFF else 1
            else:
                units += 1 if cp < 0x80 else 2 if cp < 0x800 else 3 if cp < 0x10000 else 4
            i += 1
        return i
