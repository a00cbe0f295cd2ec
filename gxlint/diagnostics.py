"""The core types of a finding: its severity, where it is, what else to look at, how to fix it.

Plain data every layer above the model shares: the engine builds :class:`Diagnostic` objects
(through :class:`gxlint.rule.Context`), the outputs and the language server read them.  Rules see
these types through :mod:`gxlint.api`, which re-exports them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Optional

from .model import Span

__all__ = ["Diagnostic", "Edit", "Fix", "Related", "Severity", "Span", "fmt_num"]


class Severity(enum.IntEnum):
    """Same numbering as LSP's DiagnosticSeverity."""

    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: "str | int | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        if isinstance(value, int):
            return cls(value)
        v = str(value).strip().lower()
        aliases = {"info": "information", "warn": "warning", "err": "error"}
        v = aliases.get(v, v)
        for s in cls:
            if s.label == v:
                return s
        raise ValueError(f"unknown severity {value!r} (error, warning, information, hint)")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace original text [start, end) by new_text."""

    start: int
    end: int
    new_text: str


@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Related:
    """More information at another place: in this report, or (``path`` set) in another report —
    then ``position`` is (line, column, end line, end column, UTF-16 column, UTF-16 end column),
    0-based, in that report, since the outputs have only this report's text."""

    span: Span
    message: str
    path: Optional[str] = None
    position: Optional[tuple] = None


@dataclass(slots=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    related: list[Related] = field(default_factory=list)
    fix: Optional[Fix] = None
    data: dict[str, Any] = field(default_factory=dict)  # machine-readable facts (for hovers, baselines)
    rule: Optional[str] = None  # the rule's module, for GX001 and docs

    def sort_key(self) -> tuple:
        # findings of one rule at one place: in the rule's own order (data "rank", e.g. the
        # section number of GX101's missing sections), then by message
        rank = self.data.get("rank", 0) if isinstance(self.data, dict) else 0
        return (self.span.start, self.span.end, self.code, rank, self.message)


def fmt_num(v: Optional[float]) -> str:
    """A number as a report writes it: 9, 0.35 (never 9.0); None as （空）."""
    if v is None:
        return "（空）"
    if float(v).is_integer():
        return str(int(v))
    return f"{v:.4f}".rstrip("0").rstrip(".")
