"""The session: initialize, initialized (the client's settings), shutdown, and settings changed."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from ..server import CONFIG_TIMEOUT_S, warm_up
from .workspace import register_watchers

if TYPE_CHECKING:  # pragma: no cover
    from ..server import GxLanguageServer

log = logging.getLogger("gxlint.lsp")


def register(server: "GxLanguageServer") -> None:
    @server.feature(lsp.INITIALIZE)
    def initialize(ls: "GxLanguageServer", params: lsp.InitializeParams):
        ls.init_options = params.initialization_options
        ls.set_options()
        ls.config_ready = asyncio.Event()
        if not ls._cap("workspace.configuration"):
            ls.config_ready.set()
        ls.pool.submit(warm_up)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: "GxLanguageServer", params: lsp.InitializedParams):
        try:
            if ls._cap("workspace.did_change_configuration.dynamic_registration"):
                try:
                    await asyncio.wait_for(
                        ls.client_register_capability_async(
                            lsp.RegistrationParams(
                                registrations=[
                                    lsp.Registration(id="gxlint-config", method=lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
                                ]
                            )
                        ),
                        CONFIG_TIMEOUT_S,
                    )
                except Exception as exc:
                    log.warning("could not register for configuration changes: %s", exc)
            if ls._cap("workspace.configuration"):
                await ls.fetch_configuration()
                ls.set_options()
        finally:
            if ls.config_ready is not None:
                ls.config_ready.set()
        await register_watchers(ls)  # closed reports follow their files (lsp/workspace.py)

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: "GxLanguageServer", params):
        # stop pending lints (a child-process lint sees its document closed and is terminated)
        for st in list(ls.docs.values()):
            st.open = False
            if st.task is not None:
                st.task.cancel()
        ls.pool.shutdown(wait=False, cancel_futures=True)
        ls.slow_pool.shutdown(wait=False, cancel_futures=True)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: "GxLanguageServer", params: lsp.DidChangeConfigurationParams):
        if ls._cap("workspace.configuration"):
            await ls.fetch_configuration()
        elif isinstance(params.settings, dict):
            ls.client_settings = params.settings
        ls.set_options()
        ls.relint_all()
