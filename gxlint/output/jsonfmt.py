"""--format json: one object on stdout (see spec/cli.md)."""
from __future__ import annotations

from . import OutputContext, position


def diagnostic_dict(d, lines, with_edits: bool = True) -> dict:
    """A finding as JSON; ``with_edits=False`` leaves the fix's edits out (``"edits": []``: they are
    another finding's, see :func:`gxlint.output.stream.shared_fixes`)."""
    out = {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "start": position(lines, d.span.start),
        "end": position(lines, d.span.end),
        "related": [
            {"message": r.message, "start": position(lines, r.span.start), "end": position(lines, r.span.end)}
            for r in d.related
        ],
        "fix": None,
    }
    if d.fix is not None:
        out["fix"] = {
            "message": d.fix.message,
            "safe": d.fix.safe,
            "edits": [
                {"start": position(lines, e.start), "end": position(lines, e.end), "new_text": e.new_text}
                for e in (d.fix.edits if with_edits else ())
            ],
        }
    return out


def summary(results) -> dict:
    s = {"files": len(results), "error": 0, "warning": 0, "information": 0, "hint": 0}
    for r in results:
        for d in r.diagnostics:
            s[d.severity.label] += 1
    return s


def render(results, ctx: OutputContext) -> str:
    """The whole document at once (written file by file by :class:`gxlint.output.stream.JsonWriter`)."""
    from .stream import JsonWriter, StringSink

    sink = StringSink()
    w = JsonWriter(sink, ctx or OutputContext())
    for r in results:
        w.file(r)
    w.finish()
    return sink.getvalue()
