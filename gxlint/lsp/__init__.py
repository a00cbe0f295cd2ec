"""gxlint's language server: ``gxlint lsp`` / ``python -m gxlint lsp`` (stdio).

See :mod:`gxlint.lsp.server` for what it does and :mod:`gxlint.lsp.options` for its settings.
Diagnostics link to the rule pages ``docs/rules/<CODE>.md`` of the repository
(:data:`gxlint.lsp.options.DOCS_BASE_URL`; the ``docsBaseUrl`` setting points them elsewhere,
e.g. a ``file://`` URI of a local checkout's ``docs/rules/``).
"""
from __future__ import annotations

import logging
import sys


def main() -> int:
    """Run the server on stdin/stdout until the client says exit."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING,
                        format="gxlint-lsp %(levelname)s %(name)s: %(message)s")
    # a client cancels requests it no longer needs (inlay hints, a diagnostic pull) after every
    # keystroke; when the answer has already gone, pygls logs a warning that means nothing to a user
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_QuietCancel())
    from .server import create_server

    from .stdio import serve

    server = create_server()
    return serve(server)


class _QuietCancel(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Cancel notification for unknown message id")


__all__ = ["main"]
