"""Test helper: the language server with GX301 made to raise (run as a script by the tests)."""

import sys


def main() -> int:
    from gxlint.engine import registry

    def boom(self, node, ctx):
        raise RuntimeError("boom from a test rule")

    cls = registry()["GX301"]  # the registry's class, as the server will use it
    for hook in ("on_document", "on_section", "on_table", "on_claim"):
        if callable(getattr(cls, hook, None)):
            setattr(cls, hook, boom)
    from gxlint.lsp import main as lsp_main

    return lsp_main()


if __name__ == "__main__":
    sys.exit(main())
