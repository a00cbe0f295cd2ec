"""Audit: every compiled pattern of the parser and the rules, run over long runs of one kind of
character (digits, spaces, numerals, brackets …), at two sizes.  A pattern whose time grows much
faster than the text (quadratic: ×4 for ×2) is listed.  Not a test (timings); run by hand:

    PYTHONPATH=. python3 benchmarks/regex_audit.py [--size 20000]

Finds module-level patterns and the ones built by lru_cached functions without arguments.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import pkgutil
import sys
import time

import regex

RUNS = {
    "digits": "1",
    "digits_sp": "1 ",
    "zeros": "0",
    "spaces": " ",
    "tabs": "\t",
    "newlines": "\n",
    "crlf": "\r\n",
    "cn_num": "一",
    "han": "政",
    "pipes": "|",
    "open_paren": "(",
    "full_paren": "（",
    "comma": ",",
    "dot": ".",
    "dash": "-",
    "digit_dot": "1.",
    "digit_comma": "1,",
    "hash": "#",
    "star": "*",
    "year": "2023年",
    "percent": "1%",
    "quote": '"',
    "han_sp": "政 ",
    "cn_num_sp": "一 ",
    "colon": ":",
    "slash": "/",
    "lt": "<",
    "amp": "&",
    "qmark": "?",
    "letters": "a",
    "pinyin": "(bào",
}


# patterns that are only used anchored (match/fullmatch at one position) or on short strings: a
# run costs them linear time in that use, whatever finditer over a run costs
BOUNDED_USE = {
    "gxlint.parse.claims._RX7": "fullmatch of the gap between two numbers",
    "gxlint.parse.claims._RX8": "match at one position",
    "gxlint.parse.claims._RX9": "fullmatch of the gap between two numbers",
    "gxlint.parse.debris._R_RE": "lines of at most 160 characters (residue_kinds)",
}


def patterns():
    import gxlint.parse as parse_pkg
    from gxlint.engine import _rules_package

    mods = []
    for pkg in (parse_pkg, _rules_package()):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            if not info.ispkg:
                mods.append(importlib.import_module(info.name))
    mods.append(importlib.import_module("gxlint.parse"))
    out = []
    for m in mods:
        for name, obj in vars(m).items():
            if isinstance(obj, functools._lru_cache_wrapper):
                try:
                    obj = obj()
                except TypeError:
                    continue
            p = getattr(obj, "_p", obj)  # guard.Pattern wraps a regex pattern
            if isinstance(p, regex.Pattern):
                out.append((f"{m.__name__}.{name}", p))
    return out


def cost(p, text: str, limit: float) -> float:
    t = time.perf_counter()
    try:
        for _ in p.finditer(text, timeout=limit):
            pass
        p.search(text + "x", timeout=limit)
    except TimeoutError:
        return limit
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=20000)
    ap.add_argument("--limit", type=float, default=5.0)
    a = ap.parse_args()
    bad = 0
    pats = patterns()
    print(f"{len(pats)} patterns, runs of {a.size} and {2 * a.size} characters")
    for name, p in pats:
        for run, unit in RUNS.items():
            small = (unit * (a.size // len(unit) + 1))[: a.size]
            t1 = cost(p, small, a.limit)
            if t1 < 0.002:
                continue
            t2 = cost(p, small * 2, a.limit)
            if t1 >= a.limit or (t2 > 3 * t1 and t2 > 0.1):
                if name in BOUNDED_USE:
                    print(f"(bounded use: {BOUNDED_USE[name]}) {name} on {run}: {t1:.3f}s → {t2:.3f}s")
                    continue
                bad += 1
                print(f"SUPERLINEAR {name} on {run}: {t1:.3f}s → {t2:.3f}s")
    print(f"{bad} superlinear (pattern, run) pairs")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
