"""--format github: GitHub Actions workflow commands, one per diagnostic.

    ::error file=reports/2023.txt,line=96,col=1,endLine=96,endColumn=2,title=GX301 row-total-mismatch::message

error → ``::error``, warning → ``::warning``, information/hint → ``::notice``.  Values are escaped
as the Actions runner expects (``%``, CR, LF; and ``:`` ``,`` in properties).
"""

from __future__ import annotations

from . import OutputContext, lines_of, native_location

COMMANDS = {"error": "error", "warning": "warning", "information": "notice", "hint": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results, ctx: OutputContext) -> str:
    out: list[str] = []
    for r in sorted(results, key=lambda r: r.path or ""):
        lines = lines_of(r)
        for d in r.diagnostics:
            if lines is not None:
                sl, sc = lines.position(d.span.start)
                el, ec = lines.position(d.span.end)
            else:
                sl = sc = el = ec = 0
            props = [
                f"file={escape_property(r.path or '-')}",
                f"line={sl + 1}",
                f"col={sc + 1}",
                f"endLine={el + 1}",
                f"endColumn={ec + 1}",
                f"title={escape_property(f'{d.code} {d.name}')}",
            ]
            msg = d.message
            where = native_location(d, ctx.lang)
            if where:  # a .docx/.html/.pdf: its line is in the text view, say where in the document
                msg += f" (in {where})" if ctx.lang == "en" else f"（位于 {where}）"
            out.append(f"::{COMMANDS[d.severity.label]} {','.join(props)}::{escape_data(msg)}")
    return "\n".join(out) + ("\n" if out else "")
