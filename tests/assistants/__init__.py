"""gxlint mcp driven by the MCP SDK's own client (the folder is not called ``mcp``: that would hide the SDK)."""
