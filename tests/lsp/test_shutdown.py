"""Shutdown while the server still waits on answers from the client (a configuration request, a
refresh): every pending request is cancelled and shutdown completes (pygls' own loop failed with
"dictionary changed size during iteration" when a cancelled request removed itself)."""

from __future__ import annotations

import concurrent.futures

from gxlint.lsp.server import create_server


def test_shutdown_cancels_pending_requests_that_remove_themselves():
    proto = create_server().protocol
    futs = {}
    for i in range(4):
        f = concurrent.futures.Future()
        f.add_done_callback(lambda _f, i=i: proto._request_futures.pop(i, None))  # as pygls' own callbacks do
        proto._request_futures[i] = futs[i] = f
    list(proto.lsp_shutdown(None))
    assert all(f.cancelled() for f in futs.values())
    assert proto._shutdown
