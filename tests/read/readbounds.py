"""Run ``gxlint check`` on one hostile file in a child process with an address-space limit, so a
reader that would take gigabytes fails the test quickly (MemoryError → not the GX002 asked for)
instead of exhausting the machine.  The limit is generous: a real report needs a few hundred MB."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

LIMIT = 2 * 1024**3  # bytes of address space for the whole gxlint process


def _limit():
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def check(path, *extra, timeout: float = 300) -> list[dict]:
    """The diagnostics of ``path`` (JSON), with the process held to :data:`LIMIT`."""
    env = dict(os.environ, GXLINT_NO_RLIMIT_INFO="1")
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "gxlint",
            "check",
            "--isolated",
            "--format",
            "json",
            "--lang",
            "en",
            "--jobs",
            "1",
            *extra,
            str(path),
        ],
        capture_output=True,
        timeout=timeout,
        preexec_fn=_limit,
        env=env,
    )
    assert p.returncode in (0, 1), p.stderr.decode("utf-8", "replace")[-3000:]
    files = json.loads(p.stdout)["files"]
    return [d for f in files for d in f["diagnostics"]]


def codes(diags) -> list[str]:
    return [d["code"] for d in diags]
