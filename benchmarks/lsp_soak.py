"""Language-server soak: RSS over many edits (issue 15 item 6: pygls kept a finished future per
notification, ~2.1 KB an edit).

Starts ``python -m gxlint lsp``, opens seed 001, sends N one-character didChange notifications
(a didChangeConfiguration every 100), and prints the server's resident memory (VmRSS from /proc)
at the start and after every quarter.  Nothing is asserted.

    python3 benchmarks/lsp_soak.py                # 20 000 edits
    python3 benchmarks/lsp_soak.py --edits 5000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "tests", "fixtures", "seeds", "001_2635f51a17d978ae.txt")


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=20_000)
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    p = subprocess.Popen(
        [sys.executable, "-m", "gxlint", "lsp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    threading.Thread(target=lambda: [None for _ in iter(lambda: p.stdout.read(65536), b"")], daemon=True).start()

    def send(msg: dict) -> None:
        body = json.dumps(msg).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    send(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "processId": None,
                "rootUri": None,
                "capabilities": {},
                "initializationOptions": {"debounceMs": 75},
            },
        }
    )
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    uri = "file:///tmp/soak.txt"
    send(
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
        }
    )
    p.stdin.flush()
    time.sleep(2)
    rows = [(0, rss_mb(p.pid))]
    step = max(1, args.edits // 4)
    t0 = time.monotonic()
    for v in range(2, args.edits + 2):
        ch = "1" if v % 2 else "0"
        send(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": uri, "version": v},
                    "contentChanges": [
                        {
                            "range": {
                                "start": {"line": 0, "character": 0},
                                "end": {"line": 0, "character": 1 if v > 2 else 0},
                            },
                            "text": ch,
                        }
                    ],
                },
            }
        )
        if v % 100 == 0:
            send({"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {}}})
        if (v - 1) % step == 0:
            p.stdin.flush()
            time.sleep(1)
            rows.append((v - 1, rss_mb(p.pid)))
    p.stdin.flush()
    time.sleep(2)
    rows.append((args.edits, rss_mb(p.pid)))
    wall = time.monotonic() - t0
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    p.stdin.flush()
    p.wait(30)
    print(f"{'edits':>8}  {'RSS MB':>8}")
    for n, mb in rows:
        print(f"{n:>8}  {mb:8.1f}")
    growth = (rows[-1][1] - rows[1][1]) * 1024 / max(1, args.edits - rows[1][0])
    print(f"growth after the first quarter: {growth:.2f} KB per edit ({wall:.0f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
