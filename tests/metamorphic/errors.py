"""Comparing the errors of a report with those of a damaged or converted copy of it.

A copy may lose findings; it must never gain an **error** the clean reading does not have.  The
positions differ between the two texts, so an error is known by what it is about: its code and
the parts of its data that name the table, row, column, identity or message — a damaged error
with no clean error of the same code and subject (or, for rules whose data name no subject, no
clean error of the same code left over) is a new error."""

from __future__ import annotations

from collections import Counter

from gxlint.api import Severity

SUBJECT = ("identity", "row", "column", "group", "table", "rows", "section")


def subject(d) -> tuple:
    data = d.data or {}
    return (d.code,) + tuple((k, str(data[k])) for k in SUBJECT if k in data)


def errors(res) -> list:
    return [d for d in res.diagnostics if d.severity == Severity.ERROR]


def new_errors(clean, damaged) -> list:
    """The errors of ``damaged`` (a Result) that ``clean`` does not have."""
    have = Counter(subject(d) for d in errors(clean))
    codes = Counter(d.code for d in errors(clean))
    out = []
    for d in errors(damaged):
        k = subject(d)
        if have[k] > 0:
            have[k] -= 1
            codes[d.code] -= 1
            continue
        out.append(d)
    # rules whose data name no subject: matched by code alone, as many as the clean reading has
    rest = []
    for d in out:
        if codes[d.code] > 0 and len(subject(d)) == 1:
            codes[d.code] -= 1
            continue
        rest.append(d)
    return rest


def show(text: str, diags) -> str:
    return "\n".join(f"  {d.code} {text[d.span.start : d.span.end][:40]!r}: {d.message[:160]}" for d in diags)
