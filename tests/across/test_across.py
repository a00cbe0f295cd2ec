"""GX7 across reports: the index, organ names, the rules on generated series and on the six
pingtan reports (one organ, 2019–2024), and the CLI (check DIR, --history DIR)."""

import json
import os
import subprocess
import sys

import pytest

from gxlint import synth
from gxlint.across import organ as org
from gxlint.across.index import Cache, Index, build, entry_from_document
from gxlint.across.run import carry_over_pair
from gxlint.config import Settings
from gxlint.engine import run_index_rules
from gxlint.parse import parse
from gxlint.testing import RuleTester

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PINGTAN = os.path.join(ROOT, "tests", "fixtures", "corpus_real")


def index_of(files: dict, aliases=None) -> Index:
    ix = Index(aliases=aliases)
    for path, text in files.items():
        ix.add(entry_from_document(parse(text, path), path))
    return ix


def gx7(ix: Index, path: str, select="GX7", **opts):
    s = Settings.from_options(None, select=select)
    if opts:
        s = s.with_(**opts)
    return run_index_rules(ix.get(path), ix, s, path)


def render_series(reps, tpl="{organ}{year}年政府信息公开工作年度报告.txt"):
    return {tpl.format(organ=r.organ, year=r.year): r for r in reps}


# --- organ names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a,b",
    [
        ("青云区人民政府办公室", "青云区政府办"),
        ("青云区人民政府办公室", "青云区政府办公室"),
        ("青云县人民政府", "青云县政府"),
        ("青云街道办", "青云街道办事处"),
        ("  青云市 教育局 ", "青云市教育局"),
    ],
)
def test_spellings_of_one_organ_are_one_key(a, b):
    assert org.normalize(a) == org.normalize(b)


@pytest.mark.parametrize(
    "a,b",
    [
        ("青云区教育局", "青云区体育局"),
        ("青云区人民政府", "青云区人民政府办公室"),
        ("青云县卫生健康局", "青云市卫生健康局"),
    ],
)
def test_similar_names_stay_apart(a, b):
    assert org.normalize(a) != org.normalize(b)


def test_renames_from_config_follow_a_chain():
    al = {"青云县卫生和计划生育局": "青云县卫生局", "青云县卫生局": "青云县卫生健康局"}
    assert org.normalize("青云县卫生和计划生育局", al) == org.normalize("青云县卫生健康局")


def test_file_name_is_a_last_resort():
    assert org.from_file_name("/x/青云县司法局2023年政府信息公开工作年度报告.txt") == "青云县司法局"
    assert org.from_file_name("/x/report-2023.txt") is None


# --- GX701 on generated series ------------------------------------------------------------


def test_a_consistent_series_is_silent():
    reps = synth.series(4, (2020, 2021, 2022, 2023))
    files = {p: r.render().text for p, r in render_series(reps).items()}
    ix = index_of(files)
    assert len(ix.organs()) == 1
    for p in files:
        assert gx7(ix, p) == [], p


def test_one_changed_carry_over_cell_is_one_error_with_related_info():
    reps = synth.series(7, (2021, 2022, 2023))
    reps[1].t3["r2"]["np"] += 2  # 2022's 上年结转 (自然人) no longer 2021's 结转下年度
    reps[1].t3["r1"]["np"] -= 2  # … with its own table still adding up
    if reps[1].t3["r1"]["np"] < 0:
        reps[1].t3["r1"]["np"] += 4
        reps[1].t3["r4"]["np"] += 2
        reps[1].t3["r4"]["tot"] += 2
        reps[2].t3["r2"]["np"] += 2
        reps[2].t3["r2"]["tot"] += 2
        reps[2].t3["r1"]["np"] -= 2
        reps[2].t3["r1"]["tot"] -= 2
    reps[1].t3["r2"]["tot"] += 2
    reps[1].t3["r1"]["tot"] -= 2
    named = render_series(reps)
    rendered = {p: r.render() for p, r in named.items()}
    ix = index_of({p: x.text for p, x in rendered.items()})
    p21, p22, p23 = list(named)
    found = gx7(ix, p22)
    assert [d.code for d in found] == ["GX701"]
    d = found[0]
    assert d.span == rendered[p22].span("cell", "t3", "r2", "np")
    assert d.data["column"] == "np"
    (rel,) = d.related
    assert rel.path == p21
    assert rel.span == rendered[p21].span("cell", "t3", "r4", "np")
    line, col = parse(rendered[p21].text).lines.position(rel.span.start)
    assert rel.position[:2] == (line, col)
    assert gx7(ix, p21) == [] and [x.code for x in gx7(ix, p23)] == []


@pytest.mark.parametrize("col", synth.APPLICANTS)
def test_every_applicant_column_is_compared(col):
    """其他 as much as 自然人: a difference in one column is that column's finding, not the 总计's."""
    reps = synth.series(7, (2021, 2022))
    reps[1].t3["r2"][col] += 3  # 2022's 上年结转 in this column: 3 more than 2021 carried over
    reps[1].t3["r2"]["tot"] += 3
    named = render_series(reps)
    rendered = {p: r.render() for p, r in named.items()}
    ix = index_of({p: x.text for p, x in rendered.items()})
    p21, p22 = list(named)
    (d,) = gx7(ix, p22)
    assert (d.code, d.data["column"], d.span) == ("GX701", col, rendered[p22].span("cell", "t3", "r2", col))
    assert (d.data["value"], d.data["other_value"]) == (reps[1].t3["r2"][col], reps[0].t3["r4"][col])
    assert d.related[0].span == rendered[p21].span("cell", "t3", "r4", col)
    assert "（相差 3）" in d.message


def test_each_differing_column_is_its_own_finding_and_a_total_alone_is_one_too():
    reps = synth.series(7, (2021, 2022))
    for col in ("np", "ot"):
        reps[1].t3["r2"][col] += 1
    reps[1].t3["r2"]["tot"] += 2
    rendered = {p: r.render() for p, r in render_series(reps).items()}
    p21, p22 = list(rendered)
    got = gx7(index_of({p: x.text for p, x in rendered.items()}), p22)
    assert [(d.data["column"], d.span) for d in got] == [
        (c, rendered[p22].span("cell", "t3", "r2", c)) for c in ("np", "ot")
    ]
    # only the 总计 differs (the columns agree): the total is the finding
    reps = synth.series(7, (2021, 2022))
    reps[1].t3["r2"]["tot"] += 2
    rendered = {p: r.render() for p, r in render_series(reps).items()}
    got = gx7(index_of({p: x.text for p, x in rendered.items()}), p22)
    assert [(d.data["column"], d.span) for d in got] == [("tot", rendered[p22].span("cell", "t3", "r2", "tot"))]


def test_renamed_organ_is_followed_with_a_mapping_only():
    reps = synth.series(9, (2021, 2022), organ="青云县卫生和计划生育局")
    reps[1].organ = "青云县卫生健康局"
    reps[1].t3["r2"]["ce"] += 1
    reps[1].t3["r2"]["tot"] += 1
    reps[1].t3["r1"]["ce"] = max(0, reps[1].t3["r1"]["ce"] - 1)
    reps[1].t3["r1"]["tot"] = sum(reps[1].t3["r1"][c] for c in synth.APPLICANTS)
    files = {f"{r.year}.txt": r.render().text for r in reps}
    assert gx7(index_of(files), "2022.txt") == []  # two organs: nothing compared
    ix = index_of(files, aliases={"青云县卫生和计划生育局": "青云县卫生健康局"})
    assert [d.code for d in gx7(ix, "2022.txt")] == ["GX701"]


def test_two_organs_with_similar_names_are_not_merged():
    a = synth.series(11, (2022,), organ="青云县教育局")[0]
    b = synth.series(12, (2023,), organ="青云县体育局")[0]
    b.t3["r2"]["np"] = a.t3["r4"]["np"] + 5
    ix = index_of({"a.txt": a.render().text, "b.txt": b.render().text})
    assert len(ix.organs()) == 2
    assert gx7(ix, "b.txt") == []


# --- GX703 ------------------------------------------------------------------------------


def test_the_same_report_twice():
    (r,) = synth.series(13, (2023,))
    text = r.render().text
    ix = index_of({"a/x.txt": text, "b/x.txt": text})
    got = gx7(ix, "b/x.txt")
    assert [d.code for d in got] == ["GX703"] and got[0].related[0].path == "a/x.txt"
    assert got[0].span == parse(text).meta.title_span


# --- the cache ------------------------------------------------------------------------------


def test_index_cache_parses_a_file_once(tmp_path):
    reps = synth.series(15, (2022, 2023))
    paths = []
    for r in reps:
        p = tmp_path / f"{r.year}.txt"
        p.write_text(r.render().text, encoding="utf-8")
        paths.append(str(p))
    cache = Cache(str(tmp_path / "cache"))
    st: dict = {}
    ix = build(paths, cache=cache, stats=st)
    assert st == {"files": 2, "cached": 0, "parsed": 2}
    ix2 = build(paths, cache=cache, stats=st)
    assert st == {"files": 2, "cached": 2, "parsed": 0}
    assert {p: e.to_dict() for p, e in ix.entries.items()} == {p: e.to_dict() for p, e in ix2.entries.items()}
    with open(paths[1], "a", encoding="utf-8") as fh:
        fh.write("\n")
    build(paths, cache=cache, stats=st)
    assert st == {"files": 2, "cached": 1, "parsed": 1}


# --- the six pingtan reports (one organ, 2019–2024) ------------------------------------------


def _pingtan():
    files = {}
    for y in range(2019, 2025):
        p = os.path.join(PINGTAN, f"pingtan-{y}.txt")
        with open(p, encoding="utf-8") as fh:
            files[p] = fh.read()
    return files


# checked by hand against the text: 四、结转下年度继续办理 of year N−1 | 二、上年结转 of year N
#   2019: "结转下年度继续办理 0 0 00 00 0"  → 0 0 0 0 0 0 0 | 2020: "上年结转…0000000" → all 0: holds
#   2020: "结转下年度继续办理 0 0 00 00 0"  → all 0        | 2021: "…0000000"        → all 0: holds
#   2021: "结转下年度继续办理1000001"       → 自然人 1, 总计 1 | 2022: "… 1000001" → 自然人 1, 总计 1: holds
#   2022: "结转下年度继续办理 0000000"      → all 0        | 2023: "…0000000"        → all 0: holds
#   2023: "结转下年度继续办理0000000"       → all 0        | 2024: "…0000000"        → all 0: holds
PINGTAN_PAIRS = [(2019, 2020, 0), (2020, 2021, 0), (2021, 2022, 1), (2022, 2023, 0), (2023, 2024, 0)]


def test_pingtan_carry_over_holds_for_every_consecutive_pair():
    files = _pingtan()
    ix = index_of(files)
    assert len(ix.organs()) == 1
    by_year = {e.year: e for e in ix.entries.values()}
    assert sorted(by_year) == list(range(2019, 2025))
    for prev, year, carried in PINGTAN_PAIRS:
        pair = carry_over_pair(by_year[prev], by_year[year])
        assert pair["status"] == "holds", pair
        assert pair["columns"] == 7 and pair["carried"] == pair["received"] == carried
    for p in files:
        assert [d for d in gx7(ix, p, select="GX701")] == []


def test_pingtan_a_changed_carry_over_is_found():
    files = _pingtan()
    p = os.path.join(PINGTAN, "pingtan-2022.txt")
    text = files[p]
    k = text.index("上年结转政府信息公开申请数量 1000001") + len("上年结转政府信息公开申请数量 ")
    files[p] = text[:k] + "2000002" + text[k + 7 :]
    ix = index_of(files)
    got = gx7(ix, p, select="GX701")
    assert [(d.code, d.data["column"], d.span.start) for d in got] == [("GX701", "np", k)]
    assert got[0].related[0].path.endswith("pingtan-2021.txt")


# --- RuleTester on bundles ------------------------------------------------------------------


def test_rule_tester_bundle_positions():
    t = RuleTester("GX701")
    prev = (
        "=== a-2022.txt ===\n青云县司法局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "| 四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n"
    )
    cur = (
        "=== a-2023.txt ===\n青云县司法局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "| 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
    )
    t.invalid(
        prev + cur, [("mismatch", (3, 26), (3, 27), "商业企业列为 0")]
    )  # the total follows the column: one finding
    t.valid(prev + cur.replace("| 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "| 3 | 1 | 0 | 0 | 0 | 0 | 4 |"))
    t.valid(cur)  # alone: nothing to compare


# --- CLI ----------------------------------------------------------------------------------


def _cli(*args, cwd=None, env_extra=None):
    env = dict(os.environ, PYTHONPATH=ROOT)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *args], capture_output=True, text=True, cwd=cwd or ROOT, env=env
    )


def test_cli_check_dir_and_history(tmp_path):
    reps = synth.series(21, (2021, 2022, 2023))
    reps[2].t3["r2"]["np"] += 3
    reps[2].t3["r2"]["tot"] += 3
    reps[2].t3["r1"]["np"] = max(0, reps[2].t3["r1"]["np"] - 3)
    reps[2].t3["r1"]["tot"] = sum(reps[2].t3["r1"][c] for c in synth.APPLICANTS)
    (tmp_path / "now").mkdir()
    (tmp_path / "old").mkdir()
    for r in reps:
        folder = "now" if r.year == 2023 else "old"
        (tmp_path / folder / f"{r.organ}{r.year}年报告.txt").write_text(r.render().text, encoding="utf-8")
    env = {"GXLINT_CACHE_DIR": str(tmp_path / "cache")}
    alone = _cli("check", str(tmp_path / "now"), "--select", "GX7", "--format", "json", env_extra=env)
    assert json.loads(alone.stdout)["summary"]["error"] == 0
    out = _cli(
        "check",
        str(tmp_path / "now"),
        "--history",
        str(tmp_path / "old"),
        "--select",
        "GX7",
        "--format",
        "json",
        env_extra=env,
    )
    obj = json.loads(out.stdout)
    assert [f["path"] for f in obj["files"]] == [str(tmp_path / "now" / f"{reps[2].organ}2023年报告.txt")]
    (d,) = obj["files"][0]["diagnostics"]
    assert d["code"] == "GX701" and d["related"][0]["path"].endswith("2022年报告.txt")
    assert d["related"][0]["start"]["line"] > 1
    txt = _cli(
        "check",
        str(tmp_path / "now"),
        "--history",
        str(tmp_path / "old"),
        "--select",
        "GX7",
        "--no-source",
        env_extra=env,
    )
    assert "= " + str(tmp_path / "old") in txt.stdout and "上年结转核对" in txt.stdout
    sarif = json.loads(
        _cli(
            "check",
            str(tmp_path / "now"),
            "--history",
            str(tmp_path / "old"),
            "--select",
            "GX7",
            "--format",
            "sarif",
            env_extra=env,
        ).stdout
    )
    rel = sarif["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]
    assert rel["artifactLocation"]["uri"].endswith(".txt") and rel["region"]["startLine"] > 1


def test_cli_reports_every_pingtan_pair(tmp_path):
    out = _cli("check", PINGTAN, "--select", "GX7", env_extra={"GXLINT_CACHE_DIR": str(tmp_path)})
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("上年结转核对")]
    assert lines == [
        f"上年结转核对 平潭综合实验区 {a}→{b}：一致（{a} 年结转下年度 {c}，{b} 年上年结转 {c}）"
        for a, b, c in PINGTAN_PAIRS
    ]


def test_organs_table_in_the_config_file(tmp_path):
    from gxlint import configfile

    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[tool.gxlint.organs]\n"青云县卫生和计划生育局" = "青云县卫生健康局"\n', encoding="utf-8")
    s = configfile.load(str(cfg))
    assert s.organs == {"青云县卫生和计划生育局": "青云县卫生健康局"}
    bad = tmp_path / "bad" / "pyproject.toml"
    bad.parent.mkdir()
    bad.write_text('[tool.gxlint]\norgans = ["青云县卫生健康局"]\n', encoding="utf-8")
    with pytest.raises(configfile.ConfigError):
        configfile.load(str(bad))


def test_cli_follows_a_rename_from_the_config_file(tmp_path):
    reps = synth.series(23, (2021, 2022), organ="青云县卫生和计划生育局")
    reps[1].organ = "青云县卫生健康局"
    reps[1].t3["r2"]["np"] += 1
    reps[1].t3["r2"]["tot"] += 1
    reps[1].t3["r1"]["np"] = max(0, reps[1].t3["r1"]["np"] - 1)
    reps[1].t3["r1"]["tot"] = sum(reps[1].t3["r1"][c] for c in synth.APPLICANTS)
    for r in reps:
        (tmp_path / f"{r.year}.txt").write_text(r.render().text, encoding="utf-8")
    env = {"GXLINT_CACHE_DIR": str(tmp_path / "cache")}
    before = json.loads(
        _cli("check", ".", "--select", "GX7", "--format", "json", cwd=str(tmp_path), env_extra=env).stdout
    )
    assert before["summary"]["error"] == 0
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gxlint.organs]\n"青云县卫生和计划生育局" = "青云县卫生健康局"\n', encoding="utf-8"
    )
    after = json.loads(
        _cli("check", ".", "--select", "GX7", "--format", "json", cwd=str(tmp_path), env_extra=env).stdout
    )
    assert after["summary"]["error"] == 1
    assert [p["status"] for p in after["carry_over"]] == ["differs"]
