"""--format json: one object on stdout (see spec/cli.md)."""

from __future__ import annotations

from . import OutputContext, position, source_dict


def diagnostic_dict(d, lines, with_edits: bool = True, lang: str = "zh") -> dict:
    """A finding as JSON; ``with_edits=False`` leaves the fix's edits out (``"edits": []``: they are
    another finding's, see :func:`gxlint.output.stream.shared_fixes`)."""
    out = {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "start": position(lines, d.span.start),
        "end": position(lines, d.span.end),
        "related": [related_dict(r, lines) for r in d.related],
        "fix": None,
    }
    src = source_dict(d, lang)
    if src is not None:
        out["source"] = src
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


def related_dict(r, lines) -> dict:
    """Related information; in another report (GX7) it names that report's ``path``."""
    if not getattr(r, "path", None):
        return {"message": r.message, "start": position(lines, r.span.start), "end": position(lines, r.span.end)}
    pos = r.position or (0, 0, 0, 0)
    return {
        "message": r.message,
        "path": r.path,
        "start": {"line": pos[0] + 1, "column": pos[1] + 1, "offset": r.span.start},
        "end": {"line": pos[2] + 1, "column": pos[3] + 1, "offset": r.span.end},
    }


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
