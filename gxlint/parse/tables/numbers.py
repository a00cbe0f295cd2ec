"""A cell's text → its value, and what is wrong with it when it is not a well-formed number."""

from __future__ import annotations

from typing import Optional

import regex

from ... import guard

_INT = guard.lazy(r"^[0-9]+$")
_DEC = guard.lazy(r"^[0-9]+\.[0-9]+$")
_THOUSANDS = guard.lazy(r"^[0-9]{1,3}(?:,[0-9]{3})+$")
_SIGNED = guard.lazy(r"^(?:([+\-])|(增)|(减))([0-9]+)$")


MAX_DIGITS = 15
"""Digits a cell may have before the decimal point.  A float holds every integer of 15 digits
exactly; no count or amount in a report comes near (a run of digits from cells flattened together
is split into its cells before it is read).  A longer one is malformed (GX205, no value): a
309-digit one overflowed float(), a 4,301-digit one Python's int-string limit."""
TOO_LONG = "数字位数过多"
LETTERS = "数字中混有字母"


def _int_digits(w: str) -> int:
    """Digits before the decimal point (signs, 增/减 and thousands separators not counted)."""
    head = w.split(".", 1)[0]
    return sum(1 for ch in head if "0" <= ch <= "9")


def read_number(w: str, *, signed: bool = False, decimal: bool = False) -> tuple[Optional[float], Optional[str]]:
    """(value, why-malformed) of a cell's text.  A readable but ill-formed value (00) keeps its value."""
    if (
        len(w) > MAX_DIGITS
        and _int_digits(w) > MAX_DIGITS
        and (_INT.match(w) or _THOUSANDS.match(w) or _DEC.match(w) or _SIGNED.match(w))
    ):
        return None, TOO_LONG
    if (guard.bare(_INT) if len(w) <= guard.SHORT else _INT).match(w):  # most cells: no budget wrapper
        if len(w) > 1 and w[0] == "0":
            return float(int(w)), "多余的前导零"
        return float(int(w)), None
    if _THOUSANDS.match(w):
        return float(int(w.replace(",", ""))), None
    if _DEC.match(w):
        if decimal:
            return float(w), None
        return float(w), "件数不能是小数"
    m = _SIGNED.match(w)
    if m:
        v = float(int(m.group(4)))
        neg = m.group(1) == "-" or m.group(3) is not None
        v = -v if neg else v
        if signed:
            return v, None
        if neg:
            return v, "件数不能为负"
        return v, "件数不应带符号"
    if regex.match(r"^[—–\-－/／]{1,3}$", w):
        return None, "用横线或斜线代替数字"
    if regex.search(r"[OoIl]", w):
        return None, LETTERS
    return None, "不是规范的数字"


def cell_ok(s: str, *, signed: bool = False, decimal: bool = False) -> bool:
    """Is ``s`` a well-formed cell: 0, 17 (no leading zero); -3 in a signed column; 24.5 in an
    amount column."""
    if not s:
        return False
    if s[0] in "-+":
        if not signed:
            return False
        s = s[1:]
        if s == "0" or not s:
            return False
    if "." in s:
        if not decimal:
            return False
        a, _, b = s.partition(".")
        if not a or not b or not a.isdigit() or not b.isdigit():
            return False
        return a == "0" or a[0] != "0"
    if not s.isdigit():
        return False
    return s == "0" or s[0] != "0"
