"""The index of many reports: for each, its organ, its year and the few cells and figures the
cross-report rules (GX7) read, each with its position — small enough to keep thousands in memory
and cached on disk (one SQLite database; ``benchmarks/across_cache.py`` measured it against a JSON
file per entry: at 20,000 reports it stores them 3.7x faster and reads them a little faster, in
one file instead of 20,000).

An :class:`Entry` is built from a parsed :class:`~gxlint.model.Document` (never from bytes by a
rule); :func:`build` reads files, parses those it has not seen (by content hash) and keeps the
entries in a :class:`Cache` keyed by the SHA-256 of the bytes and gxlint's version, so a second
run parses nothing and a changed file is re-read alone.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import stat
import tempfile
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence

from .. import __version__
from . import organ as _organ

if TYPE_CHECKING:
    import sqlite3  # imported when a cache is opened, not with the package

SCHEMA = 3  # 3: entries with a digest (across.compare); 2: one SQLite database (1: a JSON file per entry)
APPLICANT_COLUMNS = ("np", "ce", "ri", "sw", "ls", "ot", "tot")
# GX704: what a prose figure of last year may name, and the table cell it is checked against
PRIOR_SUBJECTS = {
    "received": ("t3", "r1"),
    "carried_prev": ("t3", "r2"),
    "answered": ("t3", "r3_7"),
    "handled": ("t3", "r3_7"),
    "carried_next": ("t3", "r4"),
    "disclosed": ("t3", "r3_1"),
    "partial": ("t3", "r3_2"),
}


@dataclass(frozen=True, slots=True)
class Ref:
    """A value and where it is written: offsets into the report's text, 0-based line and column
    in code points and in UTF-16 units (the language server's), so that another report's
    findings can point here without reading this report again."""

    value: float
    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int
    col16: int
    end_col16: int

    def as_list(self) -> list:
        return [
            self.value,
            self.start,
            self.end,
            self.line,
            self.col,
            self.end_line,
            self.end_col,
            self.col16,
            self.end_col16,
        ]

    @classmethod
    def from_list(cls, v: Sequence) -> "Ref":
        return cls(float(v[0]), *(int(x) for x in v[1:9]))

    @property
    def position(self) -> tuple[int, int, int, int, int, int]:
        return (self.line, self.col, self.end_line, self.end_col, self.col16, self.end_col16)


@dataclass(slots=True)
class Entry:
    """What the index knows of one report."""

    path: str
    sha: str
    organ_written: Optional[str]  # the name as the report writes it (title, signature …)
    organ_source: str  # title / signature / source / file
    year: Optional[int]
    template: Optional[str]
    cells: dict[str, Ref] = field(default_factory=dict)  # "t3.r2.np" …, certain cells only
    figures: list[dict] = field(default_factory=list)  # last year's figures in the prose (GX704)
    anchor: Optional[Ref] = None  # the title (or the start): where report-wide findings point
    organ: Optional[str] = None  # the normalised key (set by the Index: config-dependent)
    digest: Optional[Any] = None  # what a comparison with another year reads (across.compare.Digest)

    def cell(self, key: str) -> Optional[Ref]:
        return self.cells.get(key)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "sha": self.sha,
            "organ_written": self.organ_written,
            "organ_source": self.organ_source,
            "year": self.year,
            "template": self.template,
            "cells": {k: r.as_list() for k, r in self.cells.items()},
            "figures": [{**f, "ref": f["ref"].as_list()} for f in self.figures],
            "anchor": self.anchor.as_list() if self.anchor else None,
            "digest": self.digest.to_dict() if self.digest is not None else None,
        }

    @classmethod
    def from_dict(cls, d: Mapping) -> "Entry":
        return cls(
            d["path"],
            d["sha"],
            d.get("organ_written"),
            d.get("organ_source") or "",
            d.get("year"),
            d.get("template"),
            {k: Ref.from_list(v) for k, v in (d.get("cells") or {}).items()},
            [{**f, "ref": Ref.from_list(f["ref"])} for f in d.get("figures") or ()],
            Ref.from_list(d["anchor"]) if d.get("anchor") else None,
            digest=_digest_from(d.get("digest")),
        )


def _digest_from(d):
    if not d:
        return None
    from .compare import Digest

    return Digest.from_dict(d)


def content_hash(data: "bytes | str") -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


# --- from a Document -----------------------------------------------------------------------


def entry_from_document(doc, path: Optional[str], sha: Optional[str] = None) -> Entry:
    """The index entry of a parsed report.  Only cells read with certainty are kept (``Cell.certain``,
    in a row whose cells are not in doubt): a GX7 rule never compares a value the report itself
    could not be read for.  The digest (every cell, the prose's prints) is for comparisons, which
    say how each value was read."""
    from .compare import digest_of

    lines = doc.lines

    def ref(span, value) -> Ref:
        a, b = span.start, span.end
        la, ca = lines.position(a)
        lb, cb = lines.position(b)
        return Ref(float(value), a, b, la, ca, lb, cb, lines.position_in(a)[1], lines.position_in(b)[1])

    meta = doc.meta
    organ_written, source, _where = _organ.of_document(doc, path)
    e = Entry(
        path or "",
        sha or content_hash(doc.text),
        organ_written,
        source if organ_written else "",
        meta.year,
        doc.template,
    )
    span = meta.title_span
    e.anchor = ref(span if span is not None else _span(0, 0), 0)

    t3 = doc.tables.get("t3")
    if t3 is not None and not t3.unreadable:
        for rid in ("r1", "r2", "r3_1", "r3_2", "r3_7", "r4"):
            row = t3.rows.get(rid)
            if row is None or row.unreliable or row.unreadable:
                continue
            for c in row.cells:
                if c.column in APPLICANT_COLUMNS and c.ok and c.certain and c.span is not None:
                    e.cells[f"t3.{rid}.{c.column}"] = ref(c.span, c.value)
    t2 = doc.tables.get("t2")
    if t2 is not None and t2.version == "v2021":
        for rid in ("t2.rules", "t2.docs"):
            row = t2.rows.get(rid)
            if row is None or row.unreliable or row.unreadable or t2.block_versions:
                continue
            for c in row.cells:
                if c.column in ("made", "repealed", "valid") and c.ok and c.certain and c.span is not None:
                    e.cells[f"t2.{rid[3:]}.{c.column}"] = ref(c.span, c.value)
    e.figures = _prior_figures(doc, ref)
    e.digest = digest_of(doc)
    return e


def _span(a: int, b: int):
    from ..model import Span

    return Span(a, b)


def _prior_figures(doc, ref) -> list[dict]:
    """Figures the prose gives for last year: 上年度收到申请80件 (a count), 比上年增长12% (a change,
    with the count of this year it is a change of)."""
    out = []
    year = doc.meta.year
    for k, c in enumerate(doc.claims):
        flags = set(c.extra.get("flags") or ())
        if c.approx or c.negative or c.applicant or "cumulative" in flags:
            continue
        if c.unit == "%":
            if "delta" not in flags:
                continue
            base = _count_before(doc.claims, k)  # 收到申请112件，同比增长12%: the count it is a change of
            if base is None or (c.subject and c.subject != base.subject):
                continue
            sign = _direction(doc.text[base.span.end : c.span.start])
            if sign == 0:
                continue
            out.append(
                {
                    "kind": "change",
                    "subject": base.subject,
                    "value": c.value * sign,
                    "current": base.value,
                    "ref": ref(c.span, c.value),
                }
            )
        elif (
            c.subject in PRIOR_SUBJECTS
            and c.unit in ("件", "个", "条")
            and "other_year" in flags
            and "delta" not in flags
        ):
            ctx = doc.text[c.sentence.start : c.span.start] if c.sentence else ""
            if not _LAST_YEAR(ctx, year):
                continue
            out.append({"kind": "count", "subject": c.subject, "value": c.value, "ref": ref(c.span, c.value)})
    return out


def _LAST_YEAR(before: str, year: Optional[int]) -> bool:
    import regex

    last = regex.findall(r"上一?年度?|去年|(?:19|20)\d\d(?=\s*年)", before)
    if not last:
        return False
    w = last[-1]
    if w[0].isdigit():
        return year is not None and int(w) == year - 1
    return True


def _direction(before: str) -> int:
    import regex

    m = list(regex.finditer(r"增长|增加|上升|提高|提升|减少|下降|降低", before[-12:]))
    if not m:
        return 0
    return -1 if m[-1].group() in ("减少", "下降", "降低") else 1


def _count_before(claims, k: int):
    """The count claim of this year right before claim ``k`` in the same sentence, or None."""
    c = claims[k]
    for j in range(k - 1, -1, -1):
        o = claims[j]
        if o.sentence.start != c.sentence.start:
            return None
        if o.unit == "%":
            return None
        flags = set(o.extra.get("flags") or ())
        if (
            o.subject in PRIOR_SUBJECTS
            and not o.approx
            and not o.applicant
            and not flags & {"other_year", "cumulative", "delta"}
        ):
            return o
        return None
    return None


# --- the index ---------------------------------------------------------------------------


class Index:
    """Entries grouped by organ (normalised with the configured renames) and year."""

    def __init__(self, entries: Iterable[Entry] = (), aliases: Optional[Mapping[str, str]] = None) -> None:
        self.aliases = dict(aliases or {})
        self.entries: dict[str, Entry] = {}
        self._by_organ: dict[str, dict[str, Entry]] = {}
        self._by_core: dict[str, set[str]] = {}  # core (organ.Name) → the keys written for it
        self._by_sha: dict[str, dict[str, Entry]] = {}
        for e in entries:
            self.add(e)

    def add(self, e: Entry) -> Entry:
        self.remove(e.path)
        e.organ = _organ.normalize(e.organ_written, self.aliases)
        self.entries[e.path] = e
        if e.organ:
            self._by_organ.setdefault(e.organ, {})[e.path] = e
            self._by_core.setdefault(_organ.core(e.organ), set()).add(e.organ)
        self._by_sha.setdefault(e.sha, {})[e.path] = e
        return e

    def remove(self, path: str) -> Optional[Entry]:
        e = self.entries.pop(path, None)
        if e is not None:
            if e.organ and e.organ in self._by_organ:
                self._by_organ[e.organ].pop(path, None)
                if not self._by_organ[e.organ]:
                    del self._by_organ[e.organ]
                    keys = self._by_core.get(_organ.core(e.organ))
                    if keys is not None:
                        keys.discard(e.organ)
                        if not keys:
                            del self._by_core[_organ.core(e.organ)]
            group = self._by_sha.get(e.sha)
            if group is not None:
                group.pop(path, None)
                if not group:
                    del self._by_sha[e.sha]
        return e

    def get(self, path: str) -> Optional[Entry]:
        return self.entries.get(path)

    def of_organ(self, organ: Optional[str]) -> list[Entry]:
        """The reports of one organ: its key's, and those of the keys that are the same organ
        written with or without the places above it (organ.family: never when ambiguous)."""
        if not organ:
            return []
        keys = _organ.family(organ, self._by_core.get(_organ.core(organ), ()))
        found = [e for k in keys for e in self._by_organ.get(k, {}).values()]
        return sorted(found, key=lambda e: (e.year or 0, e.path))

    def of_core(self, core: str) -> list[Entry]:
        """Every report whose organ has this core (organ.Name), whatever places it writes."""
        found = [e for k in self._by_core.get(core, ()) for e in self._by_organ.get(k, {}).values()]
        return sorted(found, key=lambda e: (e.year or 0, e.path))

    def of_year(self, e: Entry, year: Optional[int]) -> list[Entry]:
        """Other reports of ``e``'s organ for ``year``."""
        if year is None or not e.organ:
            return []
        return [o for o in self.of_organ(e.organ) if o.year == year and o.path != e.path]

    def previous(self, e: Entry) -> Optional[Entry]:
        """The organ's report of the year before (None when there is none, or several disagree:
        GX703 says that)."""
        if e.year is None:
            return None
        cands = self.of_year(e, e.year - 1)
        if not cands:
            return None
        if len({c.sha for c in cands}) > 1:
            return None
        return cands[0]

    def same_content(self, e: Entry) -> list[Entry]:
        return sorted((o for p, o in self._by_sha.get(e.sha, {}).items() if p != e.path), key=lambda o: o.path)

    def organs(self) -> dict[str, list[Entry]]:
        return {k: self.of_organ(k) for k in self._by_organ}


# --- the on-disk cache --------------------------------------------------------------------


def default_cache_dir() -> str:
    root = os.environ.get("GXLINT_CACHE_DIR")
    if not root:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "gxlint")
    return os.path.join(root, "across")


MAX_ENTRY_BYTES = 1 << 20  # one entry is a few KB (a long report's figures: tens of KB)
_SHA = re.compile(r"[0-9a-f]{64}")


class BadEntry(ValueError):
    """A cache entry that is not what :meth:`Entry.to_dict` writes."""


def _num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _ref_ok(v) -> bool:
    return (
        isinstance(v, list)
        and len(v) == 9
        and _num(v[0])
        and all(isinstance(x, int) and not isinstance(x, bool) and 0 <= x < 1 << 40 for x in v[1:])
    )


def validate_entry(d) -> dict:
    """``d`` exactly as :meth:`Entry.to_dict` writes it — types, lengths, ranges — or
    :class:`BadEntry`.  Every entry read from a cache goes through this: a poisoned entry
    (``"year": "2022"``, ``cells`` a list, deep nesting) is ignored and rebuilt, never a traceback."""
    if not isinstance(d, dict):
        raise BadEntry("not an object")
    for key in ("path", "sha", "organ_source"):
        if not isinstance(d.get(key), str):
            raise BadEntry(key)
    if not _SHA.fullmatch(d["sha"]):
        raise BadEntry("sha")
    for key in ("organ_written", "template"):
        if d.get(key) is not None and not isinstance(d[key], str):
            raise BadEntry(key)
    y = d.get("year")
    if y is not None and not (isinstance(y, int) and not isinstance(y, bool) and 1900 <= y <= 2200):
        raise BadEntry("year")
    cells = d.get("cells")
    if not isinstance(cells, dict) or not all(isinstance(k, str) and _ref_ok(v) for k, v in cells.items()):
        raise BadEntry("cells")
    figs = d.get("figures")
    if not isinstance(figs, list):
        raise BadEntry("figures")
    for f in figs:
        if not (
            isinstance(f, dict)
            and f.get("kind") in ("count", "change")
            and isinstance(f.get("subject"), str)
            and _num(f.get("value"))
            and _ref_ok(f.get("ref"))
            and (f["kind"] == "count" or _num(f.get("current")))
            and all(isinstance(v, (str, int, float, list)) and not isinstance(v, bool) for v in f.values())
        ):
            raise BadEntry("figures")
    if d.get("anchor") is not None and not _ref_ok(d["anchor"]):
        raise BadEntry("anchor")
    if d.get("digest") is not None:
        from .compare import validate_digest

        try:
            validate_digest(d["digest"])
        except ValueError as exc:
            raise BadEntry(f"digest: {exc}") from None
    return d


def _load_entry(raw: "bytes | str", path: str) -> Optional[Entry]:
    """An entry from its stored JSON, validated (None: damaged or poisoned: rebuild it)."""
    if len(raw) > MAX_ENTRY_BYTES:
        return None
    try:
        d = validate_entry(json.loads(raw))
        e = Entry.from_dict(d)
    except (ValueError, KeyError, TypeError, IndexError, RecursionError, UnicodeError):
        return None
    e.path = path
    return e


def open_regular(path: str, limit: int) -> Optional[bytes]:
    """A cache file's bytes, or None unless it is a regular file of at most ``limit`` bytes:
    opened without following a symbolic link and without waiting on a FIFO (a cache entry
    linked to a FIFO hung ``--history``; one linked to /dev/zero read without end)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        chunks, got = [], 0
        while got <= limit:
            b = os.read(fd, min(1 << 16, limit + 1 - got))
            if not b:
                break
            chunks.append(b)
            got += len(b)
        return None if got > limit else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


class JsonCache:
    """Entries by the SHA-256 of the file's bytes, one small JSON file each, under a folder of
    gxlint's version (a new version never reads an old version's entries).  Unwritable: a cache
    that keeps nothing, never an error.  Kept for the comparison with :class:`Cache` (SQLite):
    ``benchmarks/across_cache.py``."""

    def __init__(self, folder: Optional[str] = None) -> None:
        self.folder = os.path.join(folder or default_cache_dir(), f"v{__version__}-{SCHEMA}")

    def _file(self, sha: str) -> str:
        return os.path.join(self.folder, sha[:2], sha + ".json")

    def get(self, sha: str, path: str) -> Optional[Entry]:
        raw = open_regular(self._file(sha), MAX_ENTRY_BYTES)
        return None if raw is None else _load_entry(raw, path)

    def put(self, key: str, e: Entry) -> None:
        target = self._file(key)
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".e-", suffix=".tmp", dir=os.path.dirname(target))
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(e.to_dict(), fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, target)
        except OSError:
            pass

    def close(self) -> None:
        pass


class Cache:
    """The on-disk index cache: one SQLite database (the standard library's ``sqlite3``, WAL mode)
    under a folder of gxlint's version — a row per report by the SHA-256 of its bytes, with its
    organ and year as typed columns and the entry as JSON, validated on every read
    (:func:`validate_entry`).  Concurrent readers and writers (the CLI, the language server) are
    SQLite's business.  The database and its -wal/-shm files are used only when they are regular
    files (a symbolic link, a FIFO or a device is never opened: the cache starts over elsewhere —
    in memory); a damaged database is replaced.  Unwritable: a cache that keeps nothing, never an
    error.  Measured against one JSON file per entry in ``benchmarks/across_cache.py``."""

    def __init__(self, folder: Optional[str] = None) -> None:
        self.folder = os.path.join(folder or default_cache_dir(), f"v{__version__}-{SCHEMA}")
        self.file = os.path.join(self.folder, "index.sqlite3")
        self._db: Optional[sqlite3.Connection] = None
        self._lock = threading.Lock()

    def _safe(self) -> bool:
        for p in (self.file, self.file + "-wal", self.file + "-shm", self.folder):
            try:
                st = os.lstat(p)
            except FileNotFoundError:
                continue
            except OSError:
                return False
            want = stat.S_ISDIR if p == self.folder else stat.S_ISREG
            if not want(st.st_mode):
                return False
        return True

    def _open(self, retry: bool = True):
        import sqlite3

        if self._db is not None:
            return self._db
        db = None
        try:
            if not self._safe():
                raise sqlite3.OperationalError("not a regular file")
            os.makedirs(self.folder, exist_ok=True)
            db = sqlite3.connect(self.file, timeout=10, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (sha TEXT PRIMARY KEY, organ TEXT, year INTEGER, "
                "data TEXT NOT NULL) WITHOUT ROWID"
            )
            db.execute("CREATE INDEX IF NOT EXISTS entries_organ_year ON entries (organ, year)")
        except sqlite3.DatabaseError:
            if db is not None:
                db.close()
            db = None
            if retry and self._safe() and os.path.isfile(self.file):  # damaged: start it again
                for p in (self.file, self.file + "-wal", self.file + "-shm"):
                    try:
                        os.unlink(p)
                    except OSError:
                        pass
                return self._open(retry=False)
        except OSError:
            db = None
        if db is None:
            db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            db.execute("CREATE TABLE entries (sha TEXT PRIMARY KEY, organ TEXT, year INTEGER, data TEXT NOT NULL)")
        self._db = db
        return db

    def get(self, sha: str, path: str) -> Optional[Entry]:
        import sqlite3

        with self._lock:
            try:
                row = (
                    self._open()
                    .execute("SELECT data FROM entries WHERE sha = ? AND length(data) <= ?", (sha, MAX_ENTRY_BYTES))
                    .fetchone()
                )
            except sqlite3.Error:
                return None
        if row is None or not isinstance(row[0], str):
            return None
        return _load_entry(row[0], path)

    def put(self, key: str, e: Entry) -> None:
        self.put_many([(key, e)])

    def put_many(self, items: Sequence[tuple[str, Entry]]) -> None:
        import sqlite3

        rows = [
            (k, e.organ_written, e.year, json.dumps(e.to_dict(), ensure_ascii=False, separators=(",", ":")))
            for k, e in items
        ]
        with self._lock:
            try:
                db = self._open()
                db.execute("BEGIN")
                db.executemany("INSERT OR REPLACE INTO entries (sha, organ, year, data) VALUES (?, ?, ?, ?)", rows)
                db.execute("COMMIT")
            except sqlite3.Error:
                try:
                    if self._db is not None:
                        self._db.execute("ROLLBACK")
                except Exception:
                    pass

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


# --- building from files ---------------------------------------------------------------


def read_entry(data: bytes, path: str, settings=None) -> tuple[Optional[Entry], Optional[tuple[str, dict]]]:
    """Parse a file's bytes into an entry through the reader ``check`` uses (every format: text,
    .docx, .html, .pdf), with the same size limit: (entry, None), or (None, (GX002 message id,
    its arguments)) saying why it has none."""
    from ..config import Settings
    from ..io import DecodeError
    from ..parse import parse
    from ..read import read

    max_bytes = getattr(settings, "max_bytes", None) or Settings().max_bytes
    try:
        src = read(data, path, max_bytes=max_bytes)
    except DecodeError as exc:
        return None, (exc.message_id, dict(exc.kwargs))
    except Exception as exc:  # a reader's bug or a hostile file: the file's own check says GX002
        return None, ("unreadable", {"error": f"{type(exc).__name__}: {exc}"[:200]})
    try:
        doc = parse(src.text, path, template=getattr(settings, "template", None), year=getattr(settings, "year", None))
    except Exception as exc:  # a report the parser fails on has no entry; its own lint says GX001
        return None, ("unreadable", {"error": f"{type(exc).__name__}: {exc}"[:200]})
    return entry_from_document(doc, path, content_hash(src.text)), None


def _read(path: str, max_bytes: Optional[int]) -> tuple[Optional[bytes], Optional[tuple[str, dict]]]:
    """A history file's bytes with ``check``'s size limit (the default one when none is given):
    (bytes, None) or (None, why)."""
    from ..config import Settings
    from ..io import DecodeError, read_bytes

    try:
        return read_bytes(path, max_bytes=max_bytes or Settings().max_bytes), None
    except DecodeError as exc:
        return None, (exc.message_id, dict(exc.kwargs))
    except OSError as exc:
        return None, ("unreadable", {"error": exc.strerror or str(exc)})


def _parse_chunk(items: list[tuple[str, bytes, str]]) -> list[dict]:
    out = []
    for path, data, _key in items:
        e, why = read_entry(data, path)
        out.append({"entry": e.to_dict()} if e else {"skipped": why})
    return out


def build(
    paths: Sequence[str],
    *,
    cache: Optional[Cache] = None,
    jobs: int = 1,
    aliases: Optional[Mapping[str, str]] = None,
    max_bytes: Optional[int] = None,
    known: Optional[Mapping[str, Entry]] = None,
    stats: Optional[dict] = None,
) -> Index:
    """Index the files at ``paths``: cached entries are reused, the others parsed (in ``jobs``
    processes) and cached.  ``known``: entries already built from a Document (path → Entry).
    ``stats`` gets files/cached/parsed and ``skipped``: [(path, (message id, arguments))] of the
    files that have no entry (too large, unreadable, not parsed)."""
    own = cache is None
    cache = cache if cache is not None else Cache()
    entries: list[Entry] = []
    todo: list[tuple[str, bytes, str]] = []
    skipped: list[tuple[str, tuple[str, dict]]] = []
    hits = 0
    for p in paths:
        if known and p in known:
            entries.append(known[p])
            continue
        data, why = _read(p, max_bytes)
        if data is None:
            assert why is not None  # _read gives the bytes or why not
            skipped.append((p, why))
            continue
        sha = content_hash(data)
        e = cache.get(sha, p)
        if e is not None:
            hits += 1
            entries.append(e)
        else:
            todo.append((p, data, sha))
    parsed = _parse_all(todo, jobs)
    fresh = []
    for (p, _data, key), d in zip(todo, parsed):
        if d.get("entry") is None:
            skipped.append((p, tuple(d["skipped"])))
            continue
        e = Entry.from_dict(d["entry"])
        fresh.append((key, e))
        entries.append(e)
    if hasattr(cache, "put_many"):
        cache.put_many(fresh)  # one transaction
    else:
        for key, e in fresh:
            cache.put(key, e)
    if own:
        cache.close()
    if stats is not None:
        stats.update(files=len(paths), cached=hits, parsed=len(todo))
        if skipped:
            stats["skipped"] = skipped
    return Index(entries, aliases)


def _parse_all(todo: list[tuple[str, bytes, str]], jobs: int) -> list[dict]:
    if not todo:
        return []
    jobs = max(1, min(jobs, len(todo)))
    if jobs == 1 or len(todo) < 8:
        return _parse_chunk(todo)
    import multiprocessing as mp

    try:
        ctx = mp.get_context("fork")
    except ValueError:  # pragma: no cover - platforms without fork
        return _parse_chunk(todo)
    size = max(1, min(32, len(todo) // (jobs * 4) or 1))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    out: list[dict] = []
    with ctx.Pool(jobs) as pool:
        for part in pool.imap(_parse_chunk, chunks):
            out.extend(part)
    return out
