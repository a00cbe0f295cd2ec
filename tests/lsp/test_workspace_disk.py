"""A report that is not open follows its file on disk (gxlint/lsp/workspace.py): the server asks
the client to watch the reports' files and reads a changed one again on the event; a change no
event told of is found by the file's stamp when workspace diagnostics are answered; a closed
next-year report's carry-over findings follow last year's file; ``gxlint.server.checkWorkspace``
(the editor's Check Workspace) checks the workspace again and counts what the Problems panel shows."""

from __future__ import annotations

import asyncio
import fnmatch
import os

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.uris import from_fs_path, to_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient

from gxlint import synth

from .conftest import SERVER_CMD, RecordingClient, capabilities, make_client, open_doc, shut_down, uri_of
from .test_workspace import _until, gx701

pytestmark = pytest.mark.asyncio


class WatchingClient(RecordingClient):
    """A recording client that accepts dynamic registrations and keeps them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations: list[lsp.Registration] = []


def make_watching_client() -> WatchingClient:
    from pygls.protocol import default_converter
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

    client = WatchingClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = lambda ls, params: ls.record(params)

    def register(ls, params: lsp.RegistrationParams):
        ls.registrations.extend(params.registrations)

    features[lsp.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    return client


assert make_client  # the module's clients are made like conftest's, with registrations kept


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_CMD, client_factory=make_watching_client))
async def client(lsp_client: LanguageClient):
    yield
    await shut_down(lsp_client)


async def _initialize(client, folder, *, pull: bool, watch: bool = True, **options):
    caps = capabilities(pull=pull)
    if watch:
        caps.workspace.did_change_watched_files = lsp.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
    opts = {"debounceMs": 10, "crossReport": True, **options}
    await client.initialize_session(
        lsp.InitializeParams(capabilities=caps, initialization_options=opts, root_uri=f"file://{folder}")
    )


@pytest.fixture
def organ_folder(tmp_path):
    reps = synth.series(31, (2021, 2022, 2023))
    paths = {}
    for r in reps:
        p = tmp_path / f"{r.organ}{r.year}年政府信息公开工作年度报告.txt"
        x = r.render()
        p.write_text(x.text, encoding="utf-8")
        paths[r.year] = (str(p), x, r)
    return tmp_path, paths


def _with_cell(x, r, table, row, col, delta) -> str:
    """The report's text with one cell changed by ``delta`` (its stamp changes: size or mtime)."""
    span = x.span("cell", table, row, col)
    return x.text[: span.start] + str(getattr(r, table)[row][col] + delta) + x.text[span.end :]


def _write(path: str, text: str) -> None:
    before = os.stat(path).st_mtime_ns
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    if os.stat(path).st_mtime_ns == before:  # a coarse clock: the stamp must still change
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


async def _workspace(client, previous=()):
    rep = await client.workspace_diagnostic_async(lsp.WorkspaceDiagnosticParams(previous_result_ids=list(previous)))
    return {to_fs_path(i.uri): i for i in rep.items}


async def _until_workspace(client, pred, timeout=60.0):
    """Workspace diagnostics pulled again (as an editor does, every few seconds) until pred holds."""

    async def loop():
        while True:
            items = await _workspace(client)
            if pred(items):
                return items
            await asyncio.sleep(0.2)

    return await asyncio.wait_for(loop(), timeout)


def _close(client, uri):
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri)))


async def test_the_server_registers_a_watcher_and_a_closed_report_follows_the_event(client, organ_folder):
    folder, paths = organ_folder
    p23, x23, r23 = paths[2023]
    await _initialize(client, folder, pull=False, publishClosedFiles=True)
    # the watcher the server asked for covers the reports' files
    await asyncio.wait_for(_wait_for(lambda: client.registrations), 20)
    (reg,) = [r for r in client.registrations if r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    globs = [w["globPattern"] for w in reg.register_options["watchers"]]
    assert any(_glob_matches(g, "年报/青云县2023年报告.txt") for g in globs), globs
    assert any(_glob_matches(g, "青云县2023年报告.html") for g in globs), globs
    # opened, closed: the file stands for it again (consistent: no GX701)
    u23 = uri_of(p23)
    open_doc(client, u23, x23.text)
    await _until(client, u23, lambda ds: True)  # linted (the workspace index is being built)
    _close(client, u23)
    await _until(client, from_fs_path(p23), lambda ds: not gx701(ds))
    # changed on disk afterwards: the event makes the server read it again and publish its findings
    _write(p23, _with_cell(x23, r23, "t3", "r2", "np", 4))
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(uri=from_fs_path(p23), type=lsp.FileChangeType.Changed)])
    )
    p = await _until(client, from_fs_path(p23), lambda ds: bool(gx701(ds)))
    span = x23.span("cell", "t3", "r2", "np")
    assert [d.range.start.line for d in gx701(p.diagnostics)] == [x23.text[: span.start].count("\n")]


async def test_a_closed_report_changed_without_an_event_is_read_again_by_its_stamp(client, organ_folder):
    folder, paths = organ_folder
    p23, x23, r23 = paths[2023]
    await _initialize(client, folder, pull=True, watch=False)
    u23 = uri_of(p23)
    open_doc(client, u23, x23.text)
    await _until_workspace(client, lambda items: p23 in items and not gx701(items[p23].items))
    _close(client, u23)
    items = await _until_workspace(client, lambda items: p23 in items and items[p23].version is None)
    assert not gx701(items[p23].items)
    # rewritten on disk; no event (a client without a watcher, or one that missed it)
    _write(p23, _with_cell(x23, r23, "t3", "r2", "np", 4))
    items = await _workspace(client)  # the very next answer is the file's
    (d,) = gx701(items[p23].items)
    span = x23.span("cell", "t3", "r2", "np")
    assert d.range.start.line == x23.text[: span.start].count("\n")


async def test_a_closed_next_year_report_follows_last_years_file(client, organ_folder):
    folder, paths = organ_folder
    p22, x22, r22 = paths[2022]
    p23, x23, r23 = paths[2023]
    await _initialize(client, folder, pull=True, watch=False)
    items = await _workspace(client)
    assert not gx701(items[p23].items)
    previous = [lsp.PreviousResultId(uri=from_fs_path(p), value=i.result_id) for p, i in items.items()]
    # last year's 表三 row 四 (carried over as this year's row 二) changed on disk, both closed
    _write(p22, _with_cell(x22, r22, "t3", "r4", "np", 5))
    items = await _workspace(client, previous)
    assert items[p23].kind == "full"
    (d,) = gx701(items[p23].items)
    span = x23.span("cell", "t3", "r2", "np")
    assert d.range.start.line == x23.text[: span.start].count("\n")
    assert to_fs_path(d.related_information[0].location.uri) == p22
    # and back
    _write(p22, x22.text)
    items = await _workspace(client)
    assert not gx701(items[p23].items)


async def test_a_deleted_report_s_findings_go(client, organ_folder):
    """The client keeps a closed file's last findings until a workspace answer says otherwise, and
    forgets its result id when it closes it: the server says it itself, once."""
    folder, paths = organ_folder
    p22, x22, r22 = paths[2022]
    p23, x23, r23 = paths[2023]
    _write(p23, _with_cell(x23, r23, "t3", "r2", "np", 4))
    await _initialize(client, folder, pull=True, watch=False)
    items = await _workspace(client)
    assert gx701(items[p23].items)
    u22 = uri_of(p22)
    open_doc(client, u22, x22.text)
    items = await _workspace(client)
    assert items[p22].version == 1  # listed as open
    _close(client, u22)
    os.remove(p23)
    os.remove(p22)
    items = await _workspace(client)  # (no previous result ids)
    assert items[p23].kind == "full" and not items[p23].items
    assert items[p22].kind == "full" and not items[p22].items
    assert set(await _workspace(client)) == {paths[2021][0]}  # said once


async def test_check_workspace_counts_what_the_server_shows_and_reads_new_files(client, organ_folder):
    folder, paths = organ_folder
    p22, x22, r22 = paths[2022]
    p23, x23, r23 = paths[2023]
    await _initialize(client, folder, pull=True, watch=False)
    u22 = uri_of(p22)
    open_doc(client, u22, x22.text)
    before = await _workspace(client)
    assert set(before) == {p for p, _x, _r in paths.values()}
    # a report written after the index was built (no event): the command lists the folder again
    reps = synth.series(32, (2023,), organ="青云县司法局")
    new = str(folder / "青云县司法局2023年政府信息公开工作年度报告.txt")
    with open(new, "w", encoding="utf-8") as fh:
        fh.write(reps[0].render().text)
    n = client.diagnostic_refresh_count
    res = await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command="gxlint.server.checkWorkspace", arguments=[])
    )
    assert client.diagnostic_refresh_count > n  # the client is asked to pull again
    items = await _workspace(client)
    assert new in items
    shown = sum(1 for i in items.values() for d in i.items if d.severity != lsp.DiagnosticSeverity.Hint)
    assert res == {"files": len(items), "problems": shown}  # the Problems panel leaves hints out


def _glob_matches(glob: str, rel: str) -> bool:
    """An LSP glob (``**/``, ``{a,b}``) matched the simple way these globs need."""
    head, _, tail = glob.partition("{")
    alts, _, rest = tail.partition("}")
    pats = [head + a + rest for a in alts.split(",")] if tail else [glob]
    return any(fnmatch.fnmatch("x/" + rel, p.replace("**/", "*/")) for p in pats)


async def _wait_for(pred):
    while not pred():
        await asyncio.sleep(0.05)
