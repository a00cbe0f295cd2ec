"""Driving ``gxlint mcp`` with the MCP SDK's own client over stdio, as an assistant's client does
(the SDK starts the server as a subprocess and talks JSON-RPC on its standard input and output)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from typing import Any, AsyncIterator, Optional, Sequence

import anyio
import jsonschema
from mcp import Client, StdioServerParameters
from mcp_types import ListRootsResult, Root

from seedutil import ROOT

SERVER = [sys.executable, "-m", "gxlint", "mcp"]


def params(cwd: str, args: Sequence[str] = (), command: Optional[Sequence[str]] = None) -> StdioServerParameters:
    cmd = list(command or SERVER) + list(args)
    env = {"PYTHONPATH": ROOT, "HOME": os.environ.get("HOME", "/root")}
    return StdioServerParameters(command=cmd[0], args=cmd[1:], cwd=cwd, env=env)


def roots_callback(*folders: str):
    async def list_roots(_ctx) -> ListRootsResult:
        return ListRootsResult(roots=[Root(uri="file://" + f, name=os.path.basename(f)) for f in folders])

    return list_roots


@contextlib.asynccontextmanager
async def session(
    cwd: str,
    *,
    roots: Optional[Sequence[str]] = None,
    args: Sequence[str] = (),
    mode: str = "legacy",
    command: Optional[Sequence[str]] = None,
) -> AsyncIterator[Client]:
    """A client on a fresh server; its standard error is kept in ``client.stderr_text()``."""
    err = tempfile.TemporaryFile("w+", encoding="utf-8")
    p = params(cwd, args, command)
    from mcp.client.stdio import stdio_client

    cb = roots_callback(*roots) if roots is not None else None
    async with Client(stdio_client(p, errlog=err), mode=mode, list_roots_callback=cb) as client:
        client.stderr_text = lambda: (err.seek(0), err.read())[1]  # type: ignore[attr-defined]
        yield client
    err.close()


def run(fn, *args) -> Any:
    return anyio.run(fn, *args)


def text_of(result) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


async def call(client: Client, tool: str, args: dict, schemas: dict) -> Any:
    """Call a tool; a successful answer's structured content must validate against the tool's output schema."""
    r = await client.call_tool(tool, args)
    if not r.is_error:
        schema = schemas[tool]
        assert r.structured_content is not None, (tool, text_of(r))
        jsonschema.validate(r.structured_content, schema, cls=jsonschema.Draft202012Validator)
    return r


async def output_schemas(client: Client) -> dict:
    tools = (await client.list_tools()).tools
    return {t.name: t.output_schema for t in tools}


def error_text(result) -> str:
    """An error answer: MCP's is_error with a message (never a traceback)."""
    assert result.is_error, text_of(result)
    msg = text_of(result)
    assert msg.strip() and "Traceback" not in msg, msg
    return msg
