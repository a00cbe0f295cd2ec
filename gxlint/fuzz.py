"""Fuzz target for the reader, parser and rules: ``python -m gxlint.fuzz [libFuzzer options]``.

Runs under atheris (coverage-guided libFuzzer for Python; ``pip install atheris``, which ships
Linux wheels for CPython 3.8–3.12).  Seeds: the reports under ``tests/fixtures/seeds`` and a few
generated ones are written to a corpus directory when none is given.  Examples::

    python -m gxlint.fuzz -runs=20000            # a bounded run
    python -m gxlint.fuzz -max_total_time=600 corpus/

Without atheris the module says so and exits 2; the same target is exercised with hypothesis by
``tests/robustness/test_fuzz_target.py``.

The target (:func:`check_one`) asserts what must hold for ANY input: ``lint_bytes`` returns (no
exception), no rule failed (GX001), and every span lies inside the decoded text.
"""

from __future__ import annotations

import os
import sys
import tempfile

# random bytes are read as GB18030 too: keep the reader's size limit small so one input stays fast
MAX_BYTES = 256 * 1024


class FuzzFailure(AssertionError):
    pass


def _settings():
    import dataclasses

    from .config import Settings

    return dataclasses.replace(Settings(), max_bytes=MAX_BYTES)


def check_one(data: bytes) -> None:
    """The fuzz target: raise only when gxlint misbehaves on ``data``."""
    from .engine import lint_bytes

    res = lint_bytes(data, "fuzz.txt", _settings())
    text = res.text
    n = len(text) if text is not None else 0
    for d in res.diagnostics:
        if d.code == "GX001":
            raise FuzzFailure(f"internal error: {d.message}\n{d.data.get('traceback', '')}")
        if not (0 <= d.span.start <= d.span.end <= n):
            raise FuzzFailure(f"{d.code} span {d.span} outside the text (length {n})")
        for r in getattr(d, "related", None) or ():
            sp = getattr(r, "span", None)
            if sp is not None and not (0 <= sp.start <= sp.end <= n):
                raise FuzzFailure(f"{d.code} related span {sp} outside the text (length {n})")


def seed_corpus() -> list[bytes]:
    """Small starting inputs: the real seeds (cut to 8 KB) and generated reports in every layout."""
    out: list[bytes] = []
    here = os.path.dirname(os.path.abspath(__file__))
    seeds = os.path.join(os.path.dirname(here), "tests", "fixtures", "seeds")
    if os.path.isdir(seeds):
        for f in sorted(os.listdir(seeds)):
            if f.endswith(".txt"):
                with open(os.path.join(seeds, f), "rb") as fh:
                    out.append(fh.read()[:8192])
    from . import synth

    for k, layout in enumerate(synth.LAYOUTS):
        out.append(synth.sample(k, layout=layout, defects=["change_cell"]).text.encode("utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    try:
        import atheris
    except ImportError:
        print(
            "gxlint.fuzz: atheris is not installed (pip install atheris; Linux wheels for CPython "
            "3.8-3.12). The same target runs under hypothesis in tests/robustness/test_fuzz_target.py.",
            file=sys.stderr,
        )
        return 2
    with atheris.instrument_imports(include=["gxlint"]):
        from . import engine, io, parse  # noqa: F401  (instrumented)
        from .engine import registry

        registry()  # import the rules under instrumentation too

    # no corpus directory given: start from the seeds
    if not any(not a.startswith("-") for a in argv[1:]):
        corpus = tempfile.mkdtemp(prefix="gxlint-fuzz-")
        for i, data in enumerate(seed_corpus()):
            with open(os.path.join(corpus, f"seed{i:02d}"), "wb") as fh:
                fh.write(data)
        argv.append(corpus)
    if not any(a.startswith("-max_len") for a in argv):
        argv.append("-max_len=65536")

    def test_one_input(data: bytes) -> None:
        check_one(data)

    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
