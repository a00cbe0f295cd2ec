"""The handlers of the LSP methods, one module per group; each has ``register(server)``, which adds
its handlers to a :class:`gxlint.lsp.server.GxLanguageServer` (``server.feature`` /
``server.command``, pygls' public API).

A handler about one document asks :func:`gxlint.lsp.documents.current_outcome` for the lint of the
text the client sees; the server schedules and publishes lints (:mod:`gxlint.lsp.server`).

Adding a feature: a module here with ``register(server)``, and its name in :data:`MODULES`.
"""

from __future__ import annotations

import importlib

MODULES = (
    "lifecycle",  # initialize, initialized, shutdown, workspace/didChangeConfiguration
    "sync",  # textDocument/didOpen, didChange, didSave, didClose
    "diagnostics",  # textDocument/diagnostic (pull)
    "code_actions",  # textDocument/codeAction: quick fixes, source.fixAll.gxlint
    "hover",  # textDocument/hover
    "workspace",  # workspace/diagnostic, workspace/didChangeWatchedFiles
    "drafting",  # inlay hints, code lenses, document symbols, folding ranges, commands
)


def register_all(server) -> None:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}").register(server)
