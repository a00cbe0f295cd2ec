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
    from .server import create_server

    from .stdio import serve

    server = create_server()
    return serve(server)


__all__ = ["main"]
