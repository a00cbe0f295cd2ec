"""``gxlint show``: the text view of a file, what every finding's line:column points into."""

from __future__ import annotations

import sys

from ..errors import UsageError
from . import EXIT_OK


def cmd_show(args) -> int:
    """The text view of a file: what every finding's line:column points into."""
    from ..config import Settings
    from ..io import DecodeError, read_bytes
    from ..read import describe, read

    try:
        data = sys.stdin.buffer.read() if args.path == "-" else read_bytes(args.path)
        src = read(data, None if args.path == "-" else args.path, max_bytes=Settings().max_bytes)
    except DecodeError as exc:
        from ..engine import engine_diagnostic
        from ..model import Span

        d = engine_diagnostic("GX002", exc.message_id, Span(0, 0), Settings(), **exc.kwargs)
        raise UsageError(f"{args.path}: {d.message}") from None
    except FileNotFoundError:
        raise UsageError(f"路径不存在 (no such file or directory): {args.path}") from None
    from ..output import safe_lines

    if not args.locations:
        _write_text(safe_lines(src.text))  # a report's ESC/OSC/bidi controls are shown, never obeyed
        return EXIT_OK
    pos = 0
    out = []
    for line in src.text.splitlines(keepends=True):
        where = ""
        if src.locator is not None:
            loc = src.locate(pos + 2 if line.startswith("| ") else pos)
            if loc and "row" in loc:  # a table row: the row, not its first cell
                loc = {k: v for k, v in loc.items() if k != "col"}
            where = describe(loc)
        out.append(f"{line.rstrip(chr(10))}\t# {where}\n" if where else line)
        pos += len(line)
    _write_text(safe_lines("".join(out)))
    return EXIT_OK


def _write_text(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    sys.stdout.flush()
