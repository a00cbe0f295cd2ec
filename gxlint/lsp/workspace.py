"""The workspace's reports read together: cross-report diagnostics (GX7) and workspace diagnostics.

- An index of the workspace folders' reports (:mod:`gxlint.across.index`, through its on-disk
  cache) is built once in a background thread when the first report is linted; the open
  documents' own entries (from their Documents, as edited) replace the files' entries.
- An open report's diagnostics include the GX7 findings against the other reports of its organ;
  when an open report's entry changes (a carry-over cell edited, the year or organ changed), the
  other open reports of that organ are linted again, so either file changing updates both.
- ``workspace/diagnostic`` (pull) lists every report of the workspace, open or not; with the
  ``publishClosedFiles`` setting the findings of reports that are not open are pushed too (the
  handlers are in :mod:`gxlint.lsp.features.workspace`).
- ``workspace/didChangeWatchedFiles`` (the server registers the watcher it needs,
  :func:`watch_globs`): a file changed on disk is indexed again and only its organ's reports are
  checked again (a closed next-year report's carry-over findings included).
- A missed event never leaves a stale answer: each indexed file's stamp (mtime, size) is kept, and
  the files whose stamp changed are read again before ``workspace/diagnostic`` is answered
  (:meth:`Workspace.check_stamps`), and before ``gxlint.server.checkWorkspace`` (which also lists
  the folders again: files created or deleted).

Rules never see a file: the files are read here (front end), the rules read the index.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING, Any, Optional

from lsprotocol import types as lsp

from .documents import path_of, uri_of

if TYPE_CHECKING:
    import asyncio

    from ..across.index import Index

log = logging.getLogger("gxlint.lsp")

# a figure typed in an open report: its organ's other reports are checked again this long after the
# last keystroke (not at each one)
ORGAN_DELAY_S = 0.4


class Workspace:
    def __init__(self, server) -> None:
        self.server = server
        self.lock = threading.RLock()
        self.index: Optional[Index] = None  # set once built (self.ready), never unset
        self.building = False
        self.ready = threading.Event()
        self.loop: Optional[asyncio.AbstractEventLoop] = None  # the server's, to call back on
        self.open_entries: dict[str, Any] = {}
        self.closed: dict[str, tuple] = {}  # path → (key, lsp diagnostics) of reports not open
        self.max_files = 5000
        self.pending: set[str] = set()  # files changed while the first index was being built
        # path → (mtime_ns, size) of each file the index read from disk (not the open documents),
        # taken before it was read: a write during the read leaves a mismatch, read again later
        self.stamps: dict[str, Optional[tuple[int, int]]] = {}
        self.show_closed = False  # push mode: the closed reports published since Check Workspace
        self.listed: dict[str, str] = {}  # path → URI of the files in the last workspace/diagnostic answer
        self._organs_pending: set = set()  # organs whose reports are checked again once typing pauses
        self._origin_pending: Optional[str] = None
        self._organ_timer: Optional[asyncio.TimerHandle] = None

    # --- the index ------------------------------------------------------------------------
    def roots(self) -> list[str]:
        ws = getattr(self.server, "workspace", None)
        if ws is None:
            return []
        out = []
        try:
            for f in (ws.folders or {}).values():
                p = path_of(f.uri)
                if p:
                    out.append(p)
            if not out and ws.root_path:
                out.append(ws.root_path)
        except Exception:
            pass
        return [p for p in out if os.path.isdir(p)]

    def name_of(self, path: str) -> str:
        """A report's file as the findings' messages name it: relative to the workspace folder that
        holds it, as the Explorer shows it (the CLI names it as it was given); outside every
        folder, its path."""
        for root in self.roots():
            try:
                rel = os.path.relpath(path, root) if os.path.isabs(path) else path
            except ValueError:  # another drive (Windows)
                continue
            if not rel.startswith(os.pardir + os.sep) and rel != os.pardir and not os.path.isabs(rel):
                return rel
        return path

    def _built(self) -> Index:
        """The index, once ``ready`` is set (it is built once and never unset)."""
        assert self.index is not None
        return self.index

    def ensure_index(self) -> None:
        with self.lock:
            if self.building or self.ready.is_set():
                return
            self.building = True
        threading.Thread(target=self._build, name="gxlint-index", daemon=True).start()

    def _list_files(self) -> list[str]:
        """The files of the workspace folders the index reads (at most ``max_files``)."""
        from ..files import collect_files

        files: list[str] = []
        for root in self.roots():
            try:
                files.extend(f for f in collect_files([root]) if f != "-")
            except Exception as exc:
                log.warning("could not list %s: %s", root, exc)
        return files[: self.max_files]

    def _build(self) -> None:
        from ..across.index import Index, build

        index = None
        try:
            files = self._list_files()
            stamps = {f: _stamp(f) for f in files}
            index = build(files, jobs=1, aliases=self.server.options.settings.organs)
        except Exception:
            log.exception("indexing the workspace failed")
        with self.lock:
            self.index = index if index is not None else Index(aliases=self.server.options.settings.organs)
            if index is not None:
                self.stamps.update(stamps)
            for e in self.open_entries.values():
                self.index.add(e)
            self.ready.set()
            self.building = False
            pending, self.pending = sorted(self.pending), set()
        if pending:  # changed (deleted, created) while the build read the folders: read them again
            self._reindex(pending)
        self._later(self._after_build)

    def _after_build(self) -> None:
        srv = self.server
        for st in list(srv.docs.values()):  # the open reports now see the others
            if st.open and srv.wants(st):
                st.outcome = None
                srv.schedule(st, 0)
        if srv.pull_mode and srv._cap("workspace.diagnostics.refresh_support"):
            try:
                srv.workspace_diagnostic_refresh(None)
            except Exception:
                pass
        self._refresh_closed(None)

    def _later(self, fn, *args) -> None:
        loop = self.loop
        if loop is None:
            return
        try:
            loop.call_soon_threadsafe(fn, *args)
        except RuntimeError:  # the loop is closed: shutting down
            pass

    # --- an open report -------------------------------------------------------------------
    def diagnostics_for(self, st, doc, settings) -> list:
        """GX7 findings of an open report (called from the lint thread with its Document)."""
        if not self.server.options.cross_report or not st.path:
            return []
        from ..across.index import entry_from_document
        from ..across.run import asks
        from ..engine import run_index_rules

        entry = entry_from_document(doc, st.path)
        with self.lock:
            old = self.open_entries.get(st.path)
            self.open_entries[st.path] = entry
            if not self.ready.is_set():
                self.ensure_index()
                return []
            index = self._built()
            index.add(entry)
            diags = (
                run_index_rules(entry, index, settings, st.path, doc=doc, names=self.name_of)
                if asks(entry, index)
                else []
            )
            organs = {entry.organ, old.organ if old is not None else None} - {None}
            # only the reports of the same organ depend on this one, and only on its facts (organ,
            # year, figures): a keystroke that moves text but changes no fact re-lints nothing else
            others = any(e.path != st.path for o in organs for e in index.of_organ(o))
        diags = self._with_uris(diags)
        if others and (old is None or _key(old) != _key(entry)):
            self._later(self._organ_changed_soon, organs, st.path)
        return diags

    def _organ_changed_soon(self, organs: set, origin: Optional[str]) -> None:
        """:meth:`_organ_changed` once typing pauses (``ORGAN_DELAY_S`` after the last figure
        typed): a keystroke does not re-lint the organ's other reports nor make the client pull the
        whole workspace again (issue 26: keystroke latency); the typed report's own answer is not
        delayed."""
        loop = self.loop
        self._organs_pending |= organs
        self._origin_pending = origin
        if self._organ_timer is not None:
            self._organ_timer.cancel()
        if loop is None:
            return self._organ_changed_now()
        self._organ_timer = loop.call_later(ORGAN_DELAY_S, self._organ_changed_now)

    def _organ_changed_now(self) -> None:
        organs, self._organs_pending = self._organs_pending, set()
        self._organ_timer = None
        if organs:
            self._organ_changed(organs, self._origin_pending)

    def previous_entry(self, path: Optional[str]):
        """Last year's index entry of the organ of the report at ``path`` (None: not in the
        workspace, or not settled): for the hover and the code lens."""
        if not path or not self.server.options.cross_report:
            return None
        with self.lock:
            if self.index is None:
                return None
            e = self.open_entries.get(path) or self.index.get(path)
            return self.index.previous(e) if e is not None and e.organ else None

    def _with_uris(self, diags: list) -> list:
        """Related information in an open report points at the URI the editor opened it by."""
        from dataclasses import replace

        uris = {st.path: st.uri for st in list(self.server.docs.values()) if st.open and st.path}
        for d in diags:
            if any(getattr(r, "path", None) in uris for r in d.related):
                d.related = [
                    replace(r, path=uris[r.path]) if getattr(r, "path", None) in uris else r for r in d.related
                ]
        return diags

    def closed_doc(self, st) -> None:
        """An open report was closed: the file on disk stands for it again."""
        if not st.path:
            return
        with self.lock:
            self.open_entries.pop(st.path, None)
            if self.index is None:
                return
            self.index.remove(st.path)
        self._reindex([st.path])

    def _organ_changed(self, organs: set, origin: Optional[str]) -> None:
        srv = self.server
        for st in list(srv.docs.values()):
            if (
                st.open
                and st.path != origin
                and st.path in self.open_entries
                and self.open_entries[st.path].organ in organs
            ):
                st.outcome = None  # same text, other findings: lint it again
                srv.schedule(st, 0)
        if srv.pull_mode and srv._cap("workspace.diagnostics.refresh_support"):
            try:
                srv.workspace_diagnostic_refresh(None)
            except Exception:
                pass
        self._refresh_closed(organs)

    # --- files changed on disk --------------------------------------------------------------
    def indexed_name(self, path: str) -> bool:
        """Whether a file of that name is one the index reads: its extension, in a workspace
        folder, not in a folder the walk skips (.git, node_modules …)."""
        from ..files import SKIP_DIRS
        from ..read import EXTENSIONS

        if not path.lower().endswith(tuple(EXTENSIONS)):
            return False
        for root in self.roots():
            rel = os.path.relpath(path, root)
            if rel.startswith(os.pardir + os.sep) or rel == os.pardir or os.path.isabs(rel):
                continue
            dirs = rel.split(os.sep)[:-1]
            return not any(d in SKIP_DIRS or d.startswith(".") for d in dirs)
        return False

    def files_changed(self, paths: list[str]) -> None:
        paths = [p for p in paths if self.indexed_name(p)]
        if not paths:
            return
        with self.lock:
            if not self.ready.is_set():
                # the first index is being built (or not started): it may already have read
                # these files, so they are read again once it is done, never dropped
                self.pending.update(paths)
                return
        self._reindex(paths)

    def _reindex(self, paths: list[str]) -> None:
        def work():
            organs = self.reindex_now(paths)
            if organs:
                self._later(self._organ_changed, organs, None)

        threading.Thread(target=work, name="gxlint-reindex", daemon=True).start()

    def reindex_now(self, paths: list[str]) -> set:
        """Reads ``paths`` from disk again (not the open ones: their Documents stand for them) and
        puts them in the index, their stamps with them; the organs whose reports they were or are
        (their reports depend on them: a closed next-year report's carry-over findings)."""
        from ..across.index import build

        organs: set = set()
        gone: list[str] = []
        stamps = {p: _stamp(p) for p in paths}
        try:
            fresh = build([p for p in paths if stamps[p] is not None], jobs=1)
        except Exception:
            log.exception("re-indexing failed")
            return organs
        with self.lock:
            for p in paths:
                if p in self.open_entries or self.index is None:
                    continue
                old = self.index.remove(p)
                self.closed.pop(p, None)
                if old is not None and old.organ:
                    organs.add(old.organ)
                new = fresh.get(p)
                if new is not None:
                    self.index.add(new)
                    self.stamps[p] = stamps[p]
                    if new.organ:
                        organs.add(new.organ)
                else:
                    self.stamps.pop(p, None)
                    if old is not None:
                        gone.append(p)
        srv = self.server
        if gone and (srv.options.closed_files or self.show_closed) and not srv.pull_mode:
            for p in gone:  # pushed before: its findings go with it
                self._later(self._publish_closed, p, [])
        return organs

    def changed_on_disk(self) -> list[str]:
        """The indexed files (not open) whose stamp is not the one they were read with: changed
        or deleted without a watched-file event reaching the server."""
        with self.lock:
            if self.index is None:
                return []
            known = [(p, self.stamps.get(p)) for p in self.index.entries if p not in self.open_entries]
        return [p for p, st in known if _stamp(p) != st]

    def check_stamps(self) -> set:
        """Reads again the files changed on disk since they were indexed (see
        :meth:`changed_on_disk`); the organs concerned (runs in a worker thread)."""
        if not self.ready.is_set():
            return set()
        changed = self.changed_on_disk()
        return self.reindex_now(changed) if changed else set()

    def rescan(self) -> set:
        """Lists the workspace folders again: files created since the index was built are read,
        files gone are dropped, files changed are read again; the organs concerned."""
        if not self.ready.is_set():
            return set()
        listed = set(self._list_files())
        with self.lock:
            indexed = set(self.index.entries) if self.index is not None else set()
            opened = set(self.open_entries)
        paths = sorted(((listed - indexed) | (indexed - listed - opened) | set(self.changed_on_disk())) - opened)
        return self.reindex_now(paths) if paths else set()

    # --- reports that are not open ----------------------------------------------------------
    def closed_report_diagnostics(self, path: str) -> list:
        """All findings (single-report and GX7) of a report that is not open, as LSP diagnostics;
        kept until the file or its organ's reports change."""
        from ..engine import lint_path, run_index_rules
        from . import convert

        srv = self.server
        with self.lock:
            index = self.index
            if index is None:
                return []
            entry = index.get(path)
            if entry is None:
                return []
            group = index.of_organ(entry.organ)
            key = (entry.sha, srv.gen, tuple((e.path, e.sha, e.year) for e in group), len(index.entries))
            cached = self.closed.get(path)
            if cached is not None and cached[0] == key:
                return cached[1]
        settings = srv.options.settings_for(path)
        from ..across.run import asks
        from ..positions import LineIndex
        from .htmlmap import is_html, lint_html_file

        def across(_doc=None) -> list:
            if not (srv.options.cross_report and asks(entry, index)):
                return []
            with self.lock:
                return self._with_uris(run_index_rules(entry, index, settings, path, names=self.name_of))

        # a web page: placed in its HTML source, as when it is open (not in its text view)
        page = lint_html_file(path, settings, across) if is_html(None, path) else None
        if page is not None:
            diags, lines = page[0], LineIndex(page[1])
        else:
            res = lint_path(path, settings)
            diags = list(res.diagnostics) + across()
            lines = res.doc.lines if res.doc is not None else LineIndex(res.text or "")
        uri = uri_of(path)
        out = []
        for d in diags:
            try:
                out.append(convert.to_lsp(d, lines, uri, srv.enc, srv.options.docs_base_url))
            except Exception:
                log.exception("could not convert %s", d.code)
        with self.lock:
            self.closed[path] = (key, out)
        return out

    def report_paths(self) -> list[str]:
        with self.lock:
            if self.index is None:
                return []
            return sorted(p for p, e in self.index.entries.items() if e.year is not None or e.organ)

    def _refresh_closed(self, organs: Optional[set]) -> None:
        srv = self.server
        if not (srv.options.closed_files or self.show_closed) or srv.pull_mode or not self.ready.is_set():
            return
        index = self._built()
        open_paths = {st.path for st in srv.docs.values() if st.open}
        paths = [
            p
            for p in self.report_paths()
            if p not in open_paths and (organs is None or ((e := index.get(p)) is not None and e.organ in organs))
        ]

        def work():
            for p in paths:
                try:
                    items = self.closed_report_diagnostics(p)
                except Exception:
                    log.exception("lint of %s failed", p)
                    continue
                self._later(self._publish_closed, p, items)

        srv.pool.submit(work)

    def _publish_closed(self, path: str, items: list) -> None:
        srv = self.server
        if any(st.open and st.path == path for st in srv.docs.values()):
            return
        srv.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri_of(path), diagnostics=items))


def _stamp(path: str) -> Optional[tuple[int, int]]:
    """(mtime_ns, size) of a file, None when it is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def watch_globs() -> list[str]:
    """The glob patterns of the files the index reads: what the server asks the client to watch."""
    from ..read import EXTENSIONS

    return ["**/*.{" + ",".join(sorted({e.lstrip(".") for e in EXTENSIONS})) + "}"]


def _key(e) -> tuple:
    """What other reports' GX7 findings depend on: the organ, year, template, the values and section
    五's text (not where they are written: text typed above a table moves them without changing a
    finding)."""
    five = e.digest.prose.get(5) if e.digest is not None else None
    return (
        e.organ,
        e.organ_written,
        e.year,
        e.template,
        tuple(sorted((k, r.value) for k, r in e.cells.items())),
        tuple(sorted(repr(sorted((k, v) for k, v in f.items() if k != "ref")) for f in e.figures)),
        five.grams.tobytes() if five is not None else b"",
    )  # GX705 of next year's report
