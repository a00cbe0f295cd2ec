"""Baselines: accept the findings a report already has, be held only to new ones.

A finding's fingerprint is anchored in the content, never in line numbers:

    rule code + message id + the normalised text of the flagged span
    + where it sits: table / row / cell column, else the section it is in

so inserting or deleting unrelated paragraphs leaves every fingerprint unchanged.  Identical
fingerprints in one file are counted (a multiset): two equal findings need two entries.

The baseline file (JSON)::

    {"gxlint_baseline": 1, "gxlint": "0.1.0",
     "entries": [{"path": "reports/2023.txt", "code": "GX301", "fingerprint": "…",
                  "message": "…", "context": "t3/r_disclosed/tot", "reason": "已向上级说明"}]}

Paths are relative to the baseline file's directory.  ``reason`` is free text kept as written
when the baseline is rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from . import __version__

FORMAT_VERSION = 1
FINGERPRINT_KEY = "gxlint/v1"  # SARIF partialFingerprints key


class BaselineError(Exception):
    pass


# --- fingerprints ----------------------------------------------------------------------

_NUMBER = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?![\d])|\d+")


def _number(m: "re.Match") -> str:
    digits = re.sub(r"[,，]", "", m.group())
    try:
        return str(int(digits))  # int() reads full-width and other Unicode decimal digits too
    except ValueError:  # pragma: no cover
        return digits


def _norm(s: str) -> str:
    """Normalised span text: NFKC, simplified script, numbers in canonical form (no leading
    zeros, no thousands separators: the safe fix ``00`` → ``0`` keeps the fingerprint), no
    whitespace (line breaks and re-wrapping of the span never change the fingerprint)."""
    s = _NUMBER.sub(_number, s)
    try:
        from .parse.normalize import key_t2s

        s = key_t2s(s) if len(s) < 4000 else unicodedata.normalize("NFKC", s)
    except Exception:  # pragma: no cover - normalisation must never stop a run
        s = unicodedata.normalize("NFKC", s)
    return "".join(s.split())


def context_of(doc, span) -> str:
    """Where a span sits in the document: "t3/<row id>/<column>", "t3/<row id>", "t3", "s4", or ""."""
    if doc is None:
        return ""
    tables = getattr(doc, "tables", None) or {}
    for kind, table in tables.items():
        if not (table.span.start <= span.start and span.end <= table.span.end) or table.span.start == table.span.end:
            continue
        for rid, row in table.rows.items():
            for cell in row.cells:
                if (
                    cell.span is not None
                    and cell.span.start <= span.start
                    and span.end <= cell.span.end
                    and len(cell.span)
                ):
                    return f"{kind}/{rid}/{cell.column}"
            ls = row.label_span
            if ls is not None and ls.start <= span.start and span.end <= ls.end and len(ls):
                return f"{kind}/{rid}/label"
            rs = row.span
            if len(rs) and rs.start <= span.start and span.end <= rs.end:
                return f"{kind}/{rid}"
        for h in getattr(table, "headers", None) or []:
            if h.span.start <= span.start and span.end <= h.span.end and len(h.span):
                return f"{kind}/header/{h.expected or ''}"
        return kind
    best = ""
    for sec in getattr(doc, "sections", None) or []:
        whole_start, whole_end = sec.span.start, max(sec.body.end, sec.span.end)
        if whole_start <= span.start < max(whole_end, whole_start + 1):
            best = f"s{sec.index}"
    return best


def parts(diag, doc, text: Optional[str]) -> tuple[str, str]:
    """(normalised flagged text, context) of a diagnostic."""
    src = text if text is not None else (getattr(doc, "text", None) if doc is not None else None)
    flagged = ""
    if src is not None:
        flagged = _norm(src[diag.span.start : diag.span.end])
    if not flagged:
        # an empty span (a missing section, a missing row): the message says what is missing
        flagged = "∅" + _norm(diag.message)
    return flagged, context_of(doc, diag.span)


def fingerprint(diag, doc=None, text: Optional[str] = None) -> str:
    flagged, ctx = parts(diag, doc, text)
    mid = str(diag.data.get("message_id", "")) if isinstance(diag.data, dict) else ""
    h = hashlib.sha256("\x1f".join((diag.code, mid, ctx, flagged)).encode("utf-8")).hexdigest()
    return h[:32]


def annotate(result) -> None:
    """Store each diagnostic's fingerprint (and context) in ``d.data`` while the Document is
    still at hand (before a result crosses a process boundary without it)."""
    for d in result.diagnostics:
        if "fingerprint" in d.data:
            continue
        flagged, ctx = parts(d, result.doc, result.text)
        d.data["fingerprint"] = fingerprint(d, result.doc, result.text)
        d.data["context"] = ctx


def fingerprint_of(d) -> str:
    fp = d.data.get("fingerprint") if isinstance(d.data, dict) else None
    return fp or fingerprint(d)


def occurrence_fingerprints(result) -> list[str]:
    """Fingerprints made unique within the file by an occurrence number in document order
    (for SARIF partialFingerprints)."""
    seen: Counter = Counter()
    out = []
    for d in result.diagnostics:
        fp = fingerprint_of(d)
        n = seen[fp]
        seen[fp] += 1
        out.append(fp if n == 0 else f"{fp}:{n}")
    return out


# --- the file ----------------------------------------------------------------------------


@dataclass
class Entry:
    path: str
    code: str
    fingerprint: str
    message: str = ""
    context: str = ""
    reason: str = ""

    def to_json(self) -> dict:
        out = {
            "path": self.path,
            "code": self.code,
            "fingerprint": self.fingerprint,
            "message": self.message,
            "context": self.context,
        }
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass
class Baseline:
    path: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def key_path(self, path: Optional[str]) -> str:
        """A checked file's path as the baseline writes it (relative to the baseline's folder)."""
        if not path or path == "-":
            return path or "-"
        try:
            rel = os.path.relpath(os.path.abspath(path), self.root)
        except ValueError:  # pragma: no cover - another drive
            rel = os.path.abspath(path)
        return rel.replace(os.sep, "/")


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{path}: 基线文件不存在 (no such baseline file)") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: 无法读取基线文件 (cannot read the baseline): {exc}") from None
    except RecursionError:
        raise BaselineError(
            f"{path}: 不是 gxlint 基线文件：JSON 嵌套层数过多 (not a gxlint baseline: nested too deeply)"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError(f'{path}: 不是 gxlint 基线文件 (not a gxlint baseline: no "entries" list)')
    entries = []
    for i, e in enumerate(data["entries"]):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("path", "code", "fingerprint")):
            raise BaselineError(f"{path}: entries[{i}] 缺少 path/code/fingerprint (missing path/code/fingerprint)")
        entries.append(
            Entry(
                e["path"],
                e["code"],
                e["fingerprint"],
                str(e.get("message", "")),
                str(e.get("context", "")),
                str(e.get("reason", "")),
            )
        )
    return Baseline(path, entries)


def build(path: str, results: Iterable, previous: Optional[Baseline] = None) -> Baseline:
    """A baseline of all current findings; reasons of matching previous entries are kept."""
    bl = Baseline(path)
    reasons: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    if previous is not None:
        for e in previous.entries:
            if e.reason:
                reasons[(e.path, e.code, e.fingerprint)].append(e.reason)
    for r in sorted(results, key=lambda r: r.path or ""):
        kp = bl.key_path(r.path)
        for d in r.diagnostics:
            fp = fingerprint_of(d)
            rs = reasons.get((kp, d.code, fp))
            bl.entries.append(Entry(kp, d.code, fp, d.message, str(d.data.get("context", "")), rs.pop(0) if rs else ""))
    return bl


def dumps(bl: Baseline) -> str:
    return (
        json.dumps(
            {"gxlint_baseline": FORMAT_VERSION, "gxlint": __version__, "entries": [e.to_json() for e in bl.entries]},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def apply(bl: Baseline, results: list, enabled=None) -> list[Entry]:
    """Drop the baselined findings from ``results`` (in place).  Returns the stale entries:
    entries for the files checked in this run that matched no finding (``enabled(path, code)``,
    when given, leaves out entries of rules that did not run for that file)."""
    m = Matcher(bl)
    for r in results:
        m.apply_one(r)
    return m.stale(enabled)


class Matcher:
    """:func:`apply` one result at a time (the CLI writes its output file by file)."""

    def __init__(self, bl: Baseline) -> None:
        self.bl = bl
        self.pool: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
        for e in bl.entries:
            self.pool[(e.path, e.code, e.fingerprint)].append(e)
        self.by_key: dict[str, Optional[str]] = {}
        self.accepted = 0  # findings the baseline accepted (not reported)

    def apply_one(self, r) -> None:
        kp = self.bl.key_path(r.path)
        self.by_key[kp] = r.path
        keep = []
        for d in r.diagnostics:
            bucket = self.pool.get((kp, d.code, fingerprint_of(d)))
            if bucket:
                e = bucket.pop(0)
                d.data["baselined"] = e.reason or True
                self.accepted += 1
                continue
            keep.append(d)
        r.diagnostics = keep

    def stale(self, enabled=None) -> list[Entry]:
        by_key = self.by_key
        stale = [
            e
            for (p, c, _f), es in self.pool.items()
            if p in by_key and (enabled is None or enabled(by_key[p], c))
            for e in es
        ]
        stale.sort(key=lambda e: (e.path, e.code, e.fingerprint))
        return stale
