"""Drafting help over LSP (pytest-lsp, a real client on stdio): inlay hints with the sums of
tables 三/四, code lenses with the identities that hold, document symbols, folding ranges, the
``gxlint.newReport`` skeleton (which, filled with consistent numbers, lints clean)."""

from __future__ import annotations

import asyncio
import re

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException

from gxlint.engine import lint
from gxlint.templates.skeleton import skeleton

from .conftest import initialize, open_doc, read, seed_file, uri_of, wait_diagnostics

pytestmark = pytest.mark.asyncio

SEED1 = seed_file("001")
SEED0 = seed_file("000")


def _line(text: str, needle: str, nth: int = 0) -> int:
    lines = text.split("\n")
    hits = [i for i, l in enumerate(lines) if needle in l]
    return hits[nth]


async def _open(client, path, **caps):
    await initialize(client, **caps)
    text = read(path)
    uri = uri_of(path)
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri)
    return uri, text


def _whole(text: str) -> lsp.Range:
    n = text.count("\n")
    return lsp.Range(lsp.Position(0, 0), lsp.Position(n + 1, 0))


async def test_inlay_hints_show_sums_and_mark_the_wrong_total(client):
    uri, text = await _open(client, SEED1)
    hints = await client.text_document_inlay_hint_async(
        lsp.InlayHintParams(text_document=lsp.TextDocumentIdentifier(uri=uri), range=_whole(text))
    )
    by_line = {h.position.line: h for h in hints}
    lines = text.split("\n")
    # seed 001 writes one cell per line; （一）予以公开's total cell reads 0 but its parts add up to 9
    row = _line(text, "予以公开")
    total_line = next(i for i in sorted(by_line) if i > row)
    h = by_line[total_line]
    assert h.label == "≠ 9"
    assert h.position.character == len(lines[total_line].split("|")[0].rstrip())  # right after the cell
    assert "0 + 9 + 0 + 0 + 0 + 0 = 9，表中为 0" in h.tooltip.value
    # a row whose total agrees
    row2 = _line(text, "本年新收")
    h2 = by_line[next(i for i in sorted(by_line) if i > row2)]
    assert h2.label == "= 0" and "✓" in h2.tooltip.value
    # table 四 totals are hinted too (three groups)
    t4 = _line(text, "四、政府信息公开行政复议")
    assert sum(1 for ln in by_line if ln > t4) == 3
    # only hints inside the asked range
    part = await client.text_document_inlay_hint_async(
        lsp.InlayHintParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=lsp.Range(lsp.Position(0, 0), lsp.Position(row, 0))
        )
    )
    assert part and all(p.position.line < row for p in part) and len(part) < len(hints)


async def test_inlay_hints_on_a_consistent_pipe_table(client):
    uri, text = await _open(client, SEED0)
    hints = await client.text_document_inlay_hint_async(
        lsp.InlayHintParams(text_document=lsp.TextDocumentIdentifier(uri=uri), range=_whole(text))
    )
    lines = text.split("\n")
    r = _line(text, "（七）总计") if "（七）总计" in text else _line(text, "(七)总计")
    on_total = [h for h in hints if h.position.line == r]
    # the (七)总计 row: one hint per column total (the 总计 column: row sum and column sum agree → one label)
    assert on_total, "no hints on the 总计 row"
    for h in on_total:
        assert re.fullmatch(r"[=≠] \d+( / [=≠] \d+)?", h.label)
        before = lines[r][: h.position.character]
        assert re.search(r"\d\s*$", before), before  # placed right after a number


async def test_code_lens_counts_identities_and_jumps_to_first_failing_cell(client):
    await initialize(client)
    text = read(SEED1)
    uri = uri_of(SEED1)
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri)
    lenses = await client.text_document_code_lens_async(
        lsp.CodeLensParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    titles = [l.command.title for l in lenses]
    assert len(lenses) == 2, titles
    t3, t4 = sorted(lenses, key=lambda l: l.range.start.line)
    assert t3.command.title.startswith("表三：勾稽关系 33/37 成立；不成立：（一）予以公开 行合计")
    assert t4.command.title == "表四：勾稽关系 3/3 成立"
    # each on its table's first line, under the table's heading
    assert t3.range.start.line == _line(text, "三、收到和处理") + 1
    assert t4.range.start.line == _line(text, "四、政府信息公开行政复议") + 1
    assert t3.command.command == "gxlint.showCell"
    args = t3.command.arguments
    assert args[0] == uri
    # the first failing identity points at the 予以公开 row (its culprit or its total cell)
    assert args[1] > _line(text, "予以公开") and args[1] < _line(text, "部分公开")
    # running the command asks the client to show that cell (this client has no showDocument support)
    res = await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command="gxlint.showCell", arguments=args)
    )
    assert res is False


async def test_show_cell_uses_window_show_document(client):
    caps = lsp.ClientCapabilities(
        window=lsp.WindowClientCapabilities(show_document=lsp.ShowDocumentClientCapabilities(support=True))
    )
    await client.initialize_session(lsp.InitializeParams(capabilities=caps, initialization_options={"debounceMs": 10}))
    res = await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command="gxlint.showCell", arguments=["file:///tmp/x.txt", 3, 1, 3, 2])
    )
    assert res is True
    shown = client.shown_documents[-1]
    assert shown.uri == "file:///tmp/x.txt" and shown.selection.start == lsp.Position(3, 1)


async def test_document_symbols_and_folding(client):
    uri, text = await _open(client, SEED1)
    syms = await client.text_document_document_symbol_async(
        lsp.DocumentSymbolParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    assert [s.name[:2] for s in syms] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert [[c.name for c in s.children or []] for s in syms] == [[], ["表二"], ["表三"], ["表四"], [], []]
    three = syms[2]
    assert three.selection_range.start.line == _line(text, "三、收到和处理政府信息公开申请情况")
    assert three.range.end.line < syms[3].range.start.line
    t3 = three.children[0]
    assert three.range.start.line <= t3.range.start.line <= t3.range.end.line <= three.range.end.line
    folds = await client.text_document_folding_range_async(
        lsp.FoldingRangeParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    starts = {f.start_line: f.end_line for f in folds}
    for s in syms:
        if s.range.end.line > s.range.start.line:
            assert starts[s.range.start.line] == s.range.end.line


async def test_not_a_report_gets_no_drafting_help(client):
    await initialize(client)
    uri = "file:///tmp/notes.txt"
    open_doc(client, uri, "购物清单\n苹果 | 3 |\n梨 | 4 |\n")
    await wait_diagnostics(client, uri)
    lid = lsp.TextDocumentIdentifier(uri=uri)
    assert not await client.text_document_code_lens_async(lsp.CodeLensParams(text_document=lid))
    assert not await client.text_document_inlay_hint_async(
        lsp.InlayHintParams(text_document=lid, range=lsp.Range(lsp.Position(0, 0), lsp.Position(5, 0)))
    )
    assert not await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(text_document=lid))


def fill(text: str) -> str:
    """Fill a skeleton with consistent numbers: 3 new applications (2 natural persons, 1 commercial
    enterprise) and 1 carried over (natural person), 2 disclosed, 1 partly disclosed, 1 carried on;
    1 administrative reconsideration upheld; 5 normative documents issued."""
    t3 = {
        "一、本年新收": [2, 1, 0, 0, 0, 0, 3],
        "二、上年结转": [1, 0, 0, 0, 0, 0, 1],
        "予以公开": [1, 1, 0, 0, 0, 0, 2],
        "部分公开": [1, 0, 0, 0, 0, 0, 1],
        "（七）总计": [2, 1, 0, 0, 0, 0, 3],
        "四、结转下年度继续办理": [1, 0, 0, 0, 0, 0, 1],
    }
    out = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        for key, vals in t3.items():
            if key in line and line.count("|") >= 8:
                cells = line.split(" | ")
                line = " | ".join(cells[:-7] + [str(v) for v in vals[:-1]] + [f"{vals[-1]} |"])
        if line.startswith("行政规范性文件 |"):
            line = "行政规范性文件 | 5 | 0 | 5 |"
        if i > 0 and lines[i - 1].startswith("结果维持 | 结果纠正") and line.startswith("0 |"):
            line = " | ".join(["1", "0", "0", "0", "1"] + ["0"] * 10) + " |"
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("year,template", [(2020, "v2019"), (2023, "v2021")])
async def test_new_report_skeleton_lints_clean_when_filled(client, year, template):
    await initialize(client)
    text = await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command="gxlint.newReport", arguments=[year, template])
    )
    assert text == skeleton(year, template)
    assert text.startswith(f"某市某局{year}年政府信息公开工作年度报告\n")
    assert f"统计期限自{year}年1月1日起至{year}年12月31日止" in text
    for h in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert f"\n{h}\n" in text
    # every label of the template is there
    from gxlint import templates

    tpl = templates.version(template)
    for _rid, label in tpl["t3"]["rows"]:
        key = label.replace("(", "（").replace(")", "）").replace(",", "，")
        assert key in text, key
    for block in tpl["t2"]["block"]:
        for _rid, label in block["rows"]:
            assert label in text
    assert text.rstrip().endswith(f"某市某局\n{year + 1}年1月20日")
    # empty skeleton (all 0) and filled skeleton both lint clean, and parse as the chosen template
    res = lint(text, None)
    assert [d.code for d in res.diagnostics] == []
    assert res.doc.template == template
    filled = fill(text)
    assert filled != text and "| 2 | 1 | 0 | 0 | 0 | 0 | 3 |" in filled
    res = lint(filled, None)
    assert [(d.code, d.message) for d in res.diagnostics] == []
    t3 = res.doc.tables["t3"]
    assert t3.rows["r1"].cell("tot").value == 3 and t3.rows["r3_7"].cell("tot").value == 3
    # the same through the server: a filled skeleton gets no diagnostic
    uri = f"file:///tmp/new-{year}.txt"
    open_doc(client, uri, filled)
    p = await wait_diagnostics(client, uri)
    assert list(p.diagnostics) == []


async def test_new_report_defaults_and_bad_arguments(client):
    res = await initialize(client)
    caps = res.capabilities
    assert caps.inlay_hint_provider and caps.code_lens_provider
    assert caps.document_symbol_provider and caps.folding_range_provider
    assert set(caps.execute_command_provider.commands) >= {"gxlint.newReport", "gxlint.showCell"}
    text = await client.workspace_execute_command_async(lsp.ExecuteCommandParams(command="gxlint.newReport"))
    assert "年政府信息公开工作年度报告" in text and "（七）总计" in text
    # an error answer that says what is wrong (a timeout or a crash is no such answer)
    with pytest.raises(JsonRpcException, match="unknown template 'v1999'"):
        await asyncio.wait_for(
            client.workspace_execute_command_async(
                lsp.ExecuteCommandParams(command="gxlint.newReport", arguments=[2023, "v1999"])
            ),
            30,
        )
    with pytest.raises(JsonRpcException, match="year '去年' is not a year"):
        await asyncio.wait_for(
            client.workspace_execute_command_async(
                lsp.ExecuteCommandParams(command="gxlint.newReport", arguments=["去年"])
            ),
            30,
        )
