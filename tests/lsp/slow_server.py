"""Test helper: the language server with a rule that is slow on documents marked 【慢】 (run as a
script).  The rule stands for any slow step of a lint: it sleeps in short steps between the
engine's checkpoints.  The patch lives only in this process: a child lint process starts from the
fork server, which loads the rules unpatched, so there the same document lints at normal speed."""

import sys
import time


def main() -> int:
    from gxlint import guard
    from gxlint.engine import registry

    cls = registry()["GX301"]
    original = getattr(cls, "on_table", None)

    def slow(self, node, ctx):
        if "【慢】" in ctx.doc.text:
            for _ in range(1200):  # two minutes unless the engine stops it
                time.sleep(0.1)
                guard.check()
        if original is not None:
            return original(self, node, ctx)

    cls.on_table = slow
    from gxlint.lsp import main as lsp_main

    return lsp_main()


if __name__ == "__main__":
    sys.exit(main())
