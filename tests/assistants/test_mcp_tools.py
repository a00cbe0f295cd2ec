"""``gxlint mcp`` through the MCP SDK's own client over stdio: the tools and resources it lists, the
answers on the seeds and the real corpus (checked against gxlint's own findings, the seeds'
expectations and figures checked by hand), each answer validated against its tool's output schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema

from gxlint.engine import registry
from seedutil import CORPUS_REAL, ROOT, SEEDS, check_expectation, diagnostics_of

from . import mcputil

TOOLS = {"check_report", "explain_rule", "fix_report", "new_report_skeleton", "check_folder", "compare_reports"}
SEED_FILES = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))


def test_lists_the_tools_resources_and_instructions():
    async def go():
        async with mcputil.session(SEEDS) as c:
            assert c.server_info.name == "gxlint"
            assert "check_report" in c.instructions and "GX207" in c.instructions
            tools = (await c.list_tools()).tools
            res = (await c.list_resources()).resources
            tpl = (await c.list_resource_templates()).resource_templates
            rules = await c.read_resource("gxlint://rules")
            page = await c.read_resource("gxlint://rules/GX301")
            t2021 = await c.read_resource("gxlint://template/2021")
            t2019 = await c.read_resource("gxlint://template/2019")
            missing = None
            try:
                await c.read_resource("gxlint://rules/GX999")
            except Exception as exc:  # an MCP error (McpError), with the message
                missing = str(exc)
            return tools, res, tpl, rules, page, t2021, t2019, missing

    tools, res, tpl, rules, page, t2021, t2019, missing = mcputil.run(go)
    assert {t.name for t in tools} == TOOLS
    for t in tools:
        assert t.description and t.description.strip(), t.name
        jsonschema.Draft202012Validator.check_schema(t.input_schema)
        jsonschema.Draft202012Validator.check_schema(t.output_schema)
        assert t.annotations.read_only_hint is True and t.annotations.destructive_hint is False, t.name
    by_name = {t.name: t for t in tools}
    assert by_name["explain_rule"].input_schema["required"] == ["code"]
    assert by_name["fix_report"].input_schema["required"] == ["text"]
    # the roots the client gives are not an argument the model sees
    assert "roots" not in by_name["check_report"].input_schema["properties"]
    assert {"text", "path", "year", "template", "max_findings"} <= set(
        by_name["check_report"].input_schema["properties"]
    )

    assert {str(r.uri) for r in res} == {"gxlint://rules", "gxlint://template/2021", "gxlint://template/2019"}
    assert [t.uri_template for t in tpl] == ["gxlint://rules/{code}"]
    catalogue = json.loads(rules.contents[0].text)
    assert [r["code"] for r in catalogue] == [c.code for c in registry().values()]
    assert {"code", "name", "family", "severity", "fixable", "summary"} <= set(catalogue[0])
    assert page.contents[0].text.startswith("# GX301") and "## 为什么" in page.contents[0].text
    assert missing and "GX999" in missing
    # the official skeletons: every table of the template, and gxlint finds no error in them
    from gxlint.engine import lint

    for contents, rows in ((t2021, "（六）其他处理"), (t2019, "（六）其他处理")):
        text = contents.contents[0].text
        assert rows in text and "四、政府信息公开行政复议、行政诉讼情况" in text
        assert not [d for d in lint(text).diagnostics if d.severity.label == "error"]
    assert "1.申请人无正当理由逾期不补正" in t2021.contents[0].text
    assert "1.申请人无正当理由逾期不补正" not in t2019.contents[0].text


def test_check_report_on_the_seeds_agrees_with_gxlint_and_meets_the_expectations():
    """Each seed by path and by text: the same findings as the engine's (code, line, column), and
    every expectation of the seeds' expected.json holds for the MCP answer."""
    with open(os.path.join(SEEDS, "expected.json"), encoding="utf-8") as fh:
        spec = json.load(fh)["files"]

    async def go():
        out = {}
        async with mcputil.session(SEEDS, roots=[SEEDS]) as c:
            schemas = await mcputil.output_schemas(c)
            for name in SEED_FILES:
                by_path = await mcputil.call(c, "check_report", {"path": name, "max_findings": 1000}, schemas)
                with open(os.path.join(SEEDS, name), encoding="utf-8") as fh:
                    text = fh.read()
                by_text = await mcputil.call(c, "check_report", {"text": text, "max_findings": 1000}, schemas)
                out[name] = (by_path, by_text)
            return out

    answers = mcputil.run(go)
    assert set(answers) == set(SEED_FILES) and SEED_FILES
    for name, (by_path, by_text) in answers.items():
        assert not by_path.is_error and not by_text.is_error, name
        a = by_path.structured_content
        engine = diagnostics_of(os.path.join(SEEDS, name))
        key = lambda ds: sorted((d["code"], d["line"], d["column"], d["severity"]) for d in ds)  # noqa: E731
        assert key(a["findings"]) == key(engine), name
        assert a["total"] == a["shown"] == len(engine) and a["clean"] == (not engine)
        assert sum(a["counts"].values()) == a["total"]
        assert a["source"] == name and a["format"] == "text"
        assert key(by_text.structured_content["findings"]) == key(engine), name
        for kind in ("must", "must_not", "max"):
            for entry in spec.get(name, {}).get(kind, []):
                check_expectation(name, kind, entry, a["findings"])
        # what the model reads: the summary, then each finding with its place and message
        text = mcputil.text_of(by_path)
        assert text.startswith(a["summary"])
        for f in a["findings"]:
            assert f"{f['code']} 第 {f['line']} 行第 {f['column']} 列" in text and f["message"] in text
        # errors first
        order = ["error", "warning", "information", "hint"]
        assert [order.index(f["severity"]) for f in a["findings"]] == sorted(
            order.index(f["severity"]) for f in a["findings"]
        )


def test_a_finding_says_what_to_change_with_the_numbers():
    """The seed with table sums that do not hold: each identity finding quotes the cell, gives the
    arithmetic and a correction with the figures of the message."""
    name = next(n for n in SEED_FILES if n.startswith("001"))

    async def go():
        async with mcputil.session(SEEDS, roots=[SEEDS]) as c:
            return await mcputil.call(c, "check_report", {"path": name}, await mcputil.output_schemas(c))

    a = mcputil.run(go).structured_content
    gx301 = [f for f in a["findings"] if f["code"] == "GX301"]
    assert gx301
    with open(os.path.join(SEEDS, name), encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for f in gx301:
        assert f["correction"] and f["arithmetic"], f
        assert f["quote"] and lines[f["line"] - 1][f["column"] - 1 :].startswith(f["quote"].rstrip("…"))
        if f["change"]:
            e = f["change"]["edits"][0]
            assert lines[e["line"] - 1][e["column"] - 1 : e["end_column"] - 1] == e["old"]
            assert f["change"]["safe"] is False and f["note"]


def test_output_is_bounded_on_a_long_report():
    """A 330 KB report in traditional script has thousands of findings: the first max_findings are
    listed, the summary says how many more there are."""
    from gxlint import synth

    text = synth.generate(3, size=1_000_000).render(script="traditional").text

    async def go():
        async with mcputil.session(SEEDS) as c:
            return await mcputil.call(
                c, "check_report", {"text": text, "max_findings": 5}, await mcputil.output_schemas(c)
            )

    r = mcputil.run(go)
    a = r.structured_content
    assert a["shown"] == len(a["findings"]) == 5 and a["total"] > 1000
    assert f"其余 {a['total'] - 5} 条未列出" in a["summary"]
    assert len(mcputil.text_of(r)) < 4000


def test_explain_fix_skeleton():
    from gxlint import synth

    trad = synth.generate(7).render(script="traditional").text

    async def go():
        async with mcputil.session(SEEDS) as c:
            s = await mcputil.output_schemas(c)
            out = {
                "code": await mcputil.call(c, "explain_rule", {"code": "GX301"}, s),
                "name": await mcputil.call(c, "explain_rule", {"code": "row-total-mismatch"}, s),
                "fix": await mcputil.call(c, "fix_report", {"text": trad}, s),
                "nothing": await mcputil.call(c, "fix_report", {"text": synth.generate(7).render().text}, s),
                "skeleton": await mcputil.call(c, "new_report_skeleton", {"year": 2024, "organ": "某县财政局"}, s),
                "skeleton2019": await mcputil.call(c, "new_report_skeleton", {"year": 2020}, s),
            }
            check = await mcputil.call(c, "check_report", {"text": out["skeleton"].structured_content["text"]}, s)
            return out, check

    out, check = mcputil.run(go)
    a, b = out["code"].structured_content, out["name"].structured_content
    assert a == b and a["code"] == "GX301" and a["name"] == "row-total-mismatch"
    assert a["what"] and a["why"] and a["basis"] and a["bad_example"] and a["good_example"]
    with open(os.path.join(ROOT, "docs", "rules", "GX301.md"), encoding="utf-8") as fh:
        assert a["page"].strip() in fh.read()
    assert mcputil.text_of(out["code"]) == a["page"]

    # fix_report gives what `gxlint check --fix` gives on standard input
    p = subprocess.run(
        [sys.executable, "-m", "gxlint", "check", "--isolated", "--fix", "--fix-only", "-q", "-"],
        input=trad.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
    )
    f = out["fix"].structured_content
    assert f["changed"] and f["fixed"] > 0 and f["text"] != trad
    assert f["text"] == p.stdout.decode("utf-8"), p.stderr.decode()
    assert {c["code"] for c in f["changes"]} == {"GX601"}
    assert mcputil.text_of(out["fix"]).endswith(f["text"])
    n = out["nothing"].structured_content
    assert not n["changed"] and n["fixed"] == 0 and n["changes"] == [] and n["text"] == synth.generate(7).render().text

    sk = out["skeleton"].structured_content
    assert (sk["year"], sk["template"]) == (2024, "v2021") and "某县财政局" in sk["text"] and "2024" in sk["text"]
    assert out["skeleton2019"].structured_content["template"] == "v2019"
    c = check.structured_content
    assert c["counts"]["error"] == 0 and c["report_year"] == 2024 and c["template"] == "v2021"


def test_check_folder_and_compare_reports():
    async def go():
        async with mcputil.session(ROOT, roots=[SEEDS, CORPUS_REAL]) as c:
            s = await mcputil.output_schemas(c)
            folder = await mcputil.call(c, "check_folder", {"path": SEEDS}, s)
            one = {n: await mcputil.call(c, "check_report", {"path": n}, s) for n in SEED_FILES}
            cmp = await mcputil.call(
                c,
                "compare_reports",
                {
                    "old": os.path.join(CORPUS_REAL, "pingtan-2022.txt"),
                    "new": os.path.join(CORPUS_REAL, "pingtan-2023.txt"),
                },
                s,
            )
            rev = await mcputil.call(
                c,
                "compare_reports",
                {
                    "old": os.path.join(CORPUS_REAL, "pingtan-2023.txt"),
                    "new": os.path.join(CORPUS_REAL, "pingtan-2022.txt"),
                },
                s,
            )
            return folder, one, cmp, rev

    folder, one, cmp, rev = mcputil.run(go)
    d = folder.structured_content
    assert d["checked"] == len(SEED_FILES) and not d["truncated"]
    assert {f["path"] for f in d["files"]} == set(SEED_FILES)
    for f in d["files"]:
        # the seeds are one report each: the folder's counts are each file's own
        assert f["counts"] == one[f["path"]].structured_content["counts"], f["path"]
        assert len(f["worst"]) == min(3, f["total"])
    errors = [f["counts"]["error"] for f in d["files"]]
    assert errors == sorted(errors, reverse=True)
    c = cmp.structured_content
    assert c["organ"] == "same" and (c["old"]["year"], c["new"]["year"]) == (2022, 2023) and not c["swapped"]
    assert {f["id"]: (f["old"], f["new"]) for f in c["figures"]}["received"] == (
        74,
        81,
    )  # checked by hand (tests/across)
    assert "依申请公开申请 81 件，比上年增加 7 件（+9.5%）" in mcputil.text_of(cmp)
    r = rev.structured_content
    assert r["swapped"] is True and (r["old"]["year"], r["new"]["year"]) == (2022, 2023)


def test_english():
    async def go():
        async with mcputil.session(SEEDS, roots=[SEEDS], args=["--lang", "en"]) as c:
            s = await mcputil.output_schemas(c)
            name = next(n for n in SEED_FILES if n.startswith("001"))
            return (
                c.instructions,
                await mcputil.call(c, "check_report", {"path": name}, s),
                await c.call_tool("explain_rule", {"code": "GX9"}),
            )

    instructions, r, err = mcputil.run(go)
    assert instructions.startswith("gxlint checks Chinese government annual reports")
    a = r.structured_content
    assert a["summary"].startswith("Checked 001") and "Call check_report again" in a["summary"]
    assert " at line " in mcputil.text_of(r)
    assert "no such rule: GX9" in mcputil.error_text(err)
