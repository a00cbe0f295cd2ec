"""What changed since last year (gxlint/across/compare.py, ``gxlint compare``) and GX705
copied-from-last-year: the 平潭 series pair by pair, with its figures checked by hand against the
tables as published; the passages carried over (against a brute-force count); GX705 where a 五 is
copied with a few words changed, silent where it was rewritten; the CLI's text and JSON."""

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint import synth
from gxlint.across import compare as cmpmod
from gxlint.across.compare import K, compare, digest_of, grams, prose_of, shared
from gxlint.across.index import Index, entry_from_document
from gxlint.config import Settings
from gxlint.engine import run_index_rules
from gxlint.parse import parse
from gxlint.positions import LineIndex

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REAL = os.path.join(ROOT, "tests", "fixtures", "corpus_real")


def pingtan(year: int):
    p = os.path.join(REAL, f"pingtan-{year}.txt")
    with open(p, encoding="utf-8") as fh:
        return parse(fh.read(), p), p


def gx(*args):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""), GXLINT_NO_PROGRESS="1")
    return subprocess.run([sys.executable, "-m", "gxlint", *args], capture_output=True, timeout=300, env=env, cwd=ROOT)


# --- the 平潭 series, checked by hand ----------------------------------------------------------
#
# Each year's table 三 and 四 as the page has them (flattened: the digits of a row's cells run
# together; split here by hand, column by column: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计):
#   2019 一、本年新收 "230 000023" = 23 0 0 0 0 0 23; 予以公开 "7000007"; （七）总计 "23 0 00 0 023"; 表四 all 0
#   2020 一 "200 000121" = 20 0 0 0 0 1 21; 予以公开 "6000017" = … 7; （七）总计 "20 0 00 0 121" = … 21; 表四 all 0
#   2021 一 "640020470" = 64 0 0 2 0 4 70; 予以公开 "270020130" = … 30; （七）"630020469" = … 69;
#        四、结转下年度 "1000001" = 1; 表四 "10203|1200012|00000": 复议 维持1 纠正0 其他2 未审结0 总计3, 直接起诉 12 … 12
#   2022 一 "713000074" = 71 3 0 0 0 0 74; 二、上年结转 "1000001" = 1; 予以公开 "210000021" = 21;
#        （七）"723000075" = 75; 四 0; 表四 "0 1 1 0 2 | 1 0 0 0 1 | 0 0 0 0 0": 复议 2 (纠正 1), 诉讼 1
#   2023 一 "801000081" = 80 1 0 0 0 0 81; 予以公开 "220000022" = 22; （七）"801000081" = 81; 四 0;
#        表四 "11002|40015|10102": 复议 2 (纠正 1), 诉讼 5 + 2 = 7 (纠正 0)
#   2024 一 "21710000218" = 217 1 0 0 0 0 218; 予以公开 "710000071" = 71; （七）"21710000218" = 218; 四 0;
#        表四 "21317|00000|1324019": 复议 7 (纠正 1), 诉讼 0 + 19 (纠正 0 + 2)
BY_HAND = {  # received, carried in, handled, disclosed, carried out, review, corrected, lawsuits, corrected
    2019: (23, 0, 23, 7, 0, 0, 0, 0, 0),
    2020: (21, 0, 21, 7, 0, 0, 0, 0, 0),
    2021: (70, 0, 69, 30, 1, 3, 0, 12, 0),
    2022: (74, 1, 75, 21, 0, 2, 1, 1, 0),
    2023: (81, 0, 81, 22, 0, 2, 1, 7, 0),
    2024: (218, 0, 218, 71, 0, 7, 1, 19, 2),
}
FIGS = (
    "received",
    "carried_in",
    "handled",
    "disclosed",
    "carried_out",
    "review",
    "review_fix",
    "litigation",
    "litigation_fix",
)
# section 五's carried-over share, pair by pair (rewritten each year; GX705 silent), and one
# passage of each pair that both years' 五 write (checked in both texts by hand)
FIVE = {
    2020: (0.131, "信息公开工作"),
    2021: (0.074, "（一）存在的主要问题"),
    2022: (0.078, "重点领域信息公开"),
    2023: (0.092, "加大重点领域公开信息整合归类力度"),
    2024: (0.0, None),
}


@pytest.mark.parametrize("year", range(2020, 2025))
def test_each_pingtan_pair_compared_as_checked_by_hand(year):
    (old, po), (new, pn) = pingtan(year - 1), pingtan(year)
    c = compare(old, new, po, pn)
    assert c.organ == "same" and (c.old.year, c.new.year) == (year - 1, year)
    got = {f.id: f for f in c.figures}
    for fid, a, b in zip(FIGS, BY_HAND[year - 1], BY_HAND[year]):
        assert (got[fid].old, got[fid].new, got[fid].certain) == (a, b, True), fid
    share = got["disclosed_share"]
    assert share.new == pytest.approx(BY_HAND[year][3] / BY_HAND[year][2] * 100)
    five = next(s for s in c.sections if s.index == 5)
    want, passage = FIVE[year]
    assert five.share == pytest.approx(want, abs=0.0005)
    assert not five.copied
    if passage:
        assert any(passage in p["text"] for p in five.passages)
        assert passage in old.text[old.section(5).body.start : old.section(5).body.end]


def test_the_summary_of_2023_to_2024_in_words():
    (old, po), (new, pn) = pingtan(2023), pingtan(2024)
    c = compare(old, new, po, pn)
    # 218 − 81 = 137, 137 / 81 = +169.1%; 71 / 218 = 32.6%, 22 / 81 = 27.2%; 7 − 2 = 5 = +250%; 19 − 7 = 12 = +171.4%
    assert c.summary == (
        "依申请公开申请 218 件，比上年增加 137 件（+169.1%）；办结 218 件，比上年增加 137 件（+169.1%）；"
        "予以公开 71 件，占办理总数的 32.6%（上年 27.2%）；行政复议 7 件，比上年增加 5 件（+250.0%），"
        "其中被纠正 1 件；行政诉讼 19 件，比上年增加 12 件（+171.4%），其中被纠正 2 件；"
        "上年结转、结转下年度均为 0，与上年相同。"
    )
    assert c.summary_en.startswith("requests: 218, up 137 (+169.1%); handled: 218, up 137 (+169.1%)")


def test_every_cell_with_both_values_and_uncertain_ones_marked():
    (old, po), (new, pn) = pingtan(2023), pingtan(2024)
    c = compare(old, new, po, pn)
    cells = {x.key: x for x in c.cells}
    r1 = cells["t3.r1.np"]
    assert (r1.old, r1.new, r1.delta, r1.changed) == (80, 217, 137, True)
    assert cells["t3.r2.tot"].changed is False
    assert cells["t4.lr.tot"].old == 2 and cells["t4.lr.tot"].new == 19
    # table 二 of both pages is flattened beyond a certain reading (GX207): shown, never a change
    t2 = [x for x in c.cells if x.table == "t2"]
    assert t2 and all(not x.certain and not x.changed and x.to_dict()["change"] is None for x in t2)
    # every cell of table 三 of 2024 is there, in template order
    rows = [x.row for x in c.cells if x.table == "t3"]
    assert rows[0] == "r1" and rows[-1] == "r4"
    assert len([x for x in c.cells if x.table == "t3"]) == 25 * 7  # 25 rows of the 2021 format


def test_check_pairs_every_pingtan_year_and_says_nothing_copied():
    paths = [os.path.join(REAL, f"pingtan-{y}.txt") for y in range(2019, 2025)]
    p = gx("check", *paths, "--format", "json", "--isolated", "--select", "GX7", "--exit-zero")
    assert p.returncode == 0, p.stderr.decode()
    out = json.loads(p.stdout)
    pairs = [(x["prev_year"], x["year"], x["status"]) for x in out["carry_over"]]
    assert pairs == [(y - 1, y, "holds") for y in range(2020, 2025)]
    codes = [d["code"] for f in out["files"] for d in f["diagnostics"]]
    assert codes == []


# --- the passages: against a brute-force count ---------------------------------------------


def _brute(new: str, old: str) -> set:
    grams_old = {old[i : i + K] for i in range(len(old) - K + 1)}
    covered = set()
    for i in range(len(new) - K + 1):
        if new[i : i + K] in grams_old:
            covered.update(range(i, i + K))
    return covered


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙丙丁戊", min_size=0, max_size=60), st.text(alphabet="甲乙丙丁戊", min_size=0, max_size=60))
def test_passages_are_the_runs_found_in_last_years_text(new, old):
    ps = shared(grams(new), len(new), grams(old))
    covered = set()
    for p in ps:
        assert new[p.a : p.b] == old[p.old_a : p.old_b]  # one run on both sides
        assert p.chars >= 1 and not covered & set(range(p.a, p.b))
        covered.update(range(p.a, p.b))
    assert covered == _brute(new, old)
    assert [p.a for p in ps] == sorted(p.a for p in ps)


def test_prose_ignores_white_space_tables_and_the_title():
    rep = synth.generate(8, year=2023)
    a = parse(rep.render("pipe").text)
    b = parse(synth.damage_text(rep.render("pipe").text, "wrapped"))
    c = parse(synth.damage_text(rep.render("pipe").text, "oneline"))
    for idx in (1, 5, 6):
        assert prose_of(a, idx).text == prose_of(b, idx).text == prose_of(c, idx).text, idx
    t = prose_of(a, 3).text
    assert "|" not in t and "本年新收" not in t  # table 三 is not prose


# --- GX705 -----------------------------------------------------------------------------------


def _copied_pair(seed=50, edits=3, five=None):
    old, new = synth.series(seed, (2022, 2023), organ="青云县司法局")
    text = five if five is not None else synth.five_text(old)
    chars = list(text)
    for k in range(1, edits + 1):  # a few words changed, away from both ends
        i = len(chars) * k // (edits + 1)
        while chars[i] == "\n" or chars[i + 1] == "\n":
            i += 1
        chars[i : i + 2] = "切实"
    old.five = text
    new.five = "".join(chars)
    ro, rn = old.render(), new.render()
    ix = Index()
    for path, r in (("a/2022.txt", ro), ("a/2023.txt", rn)):
        ix.add(entry_from_document(parse(r.text, path), path))
    return ix, ro, rn


def gx705(ix, path):
    return run_index_rules(ix.get(path), ix, Settings.from_options(None, select="GX705"), path)


def test_gx705_fires_on_a_five_copied_with_a_few_words_changed():
    ix, ro, rn = _copied_pair()
    (d,) = gx705(ix, "a/2023.txt")
    assert d.code == "GX705" and d.severity.label == "warning"
    assert (d.span.start, d.span.end) == (rn.span("five", 0).start, rn.span("five", 1).end)
    assert d.data["other_path"] == "a/2022.txt" and d.data["share"] >= 0.9
    (rel,) = d.related
    assert rel.path == "a/2022.txt"
    assert (rel.span.start, rel.span.end) == (ro.span("five", 0).start, ro.span("five", 1).end)
    lines = LineIndex(ro.text)
    assert rel.position[:2] == lines.position(rel.span.start)
    assert rel.position[2:4] == lines.position(rel.span.end)
    assert f"{d.data['share'] * 100:.0f}%" in d.message and "2022" in d.message
    assert gx705(ix, "a/2022.txt") == []


def test_gx705_is_silent_on_a_rewritten_five_and_on_a_short_one():
    reps = synth.series(51, (2021, 2022, 2023))
    ix = Index()
    for r in reps:
        ix.add(entry_from_document(parse(r.render().text, f"{r.year}.txt"), f"{r.year}.txt"))
    for r in reps:
        assert gx705(ix, f"{r.year}.txt") == []
    short = "本年度工作中未发现需要报告的主要问题。"  # copied word for word, but shorter than 40 characters
    ix, _ro, _rn = _copied_pair(five=short, edits=0)
    assert len(short) < cmpmod.COPIED_MIN_CHARS and gx705(ix, "a/2023.txt") == []


def test_gx705_is_silent_on_the_pingtan_series():
    ix = Index()
    for y in range(2019, 2025):
        doc, p = pingtan(y)
        ix.add(entry_from_document(doc, p))
    for y in range(2019, 2025):
        p = os.path.join(REAL, f"pingtan-{y}.txt")
        assert gx705(ix, p) == []


def test_the_threshold_is_the_one_the_rule_page_gives():
    from gxlint.engine import registry

    doc = registry()["GX705"].doc
    assert f"{cmpmod.COPIED_SHARE * 100:.0f}%" in doc and f"{cmpmod.COPIED_MIN_CHARS} 个字" in doc
    assert "scripts/gx705_threshold.py" in doc


def test_the_digest_survives_the_cache():
    from gxlint.across.compare import Digest

    doc, _p = pingtan(2023)
    dg = digest_of(doc)
    back = Digest.from_dict(json.loads(json.dumps(dg.to_dict())))
    assert back.values == dg.values and back.doubt == dg.doubt
    assert back.prose[5].grams == dg.prose[5].grams and back.prose[5].n == dg.prose[5].n


# --- the command ------------------------------------------------------------------------------


def test_compare_text_and_json():
    a, b = os.path.join(REAL, "pingtan-2022.txt"), os.path.join(REAL, "pingtan-2023.txt")
    p = gx("compare", a, b)
    assert p.returncode == 0, p.stderr.decode()
    out = p.stdout.decode()
    assert out.startswith("与上年对比：平潭综合实验区 2022 → 2023")
    assert "依申请公开申请 81 件，比上年增加 7 件（+9.5%）" in out
    assert "五、存在的主要问题及改进情况" in out and "9.2%" in out
    p = gx("compare", a, b, "--format", "json")
    d = json.loads(p.stdout)
    assert d["organ"] == "same" and d["old"]["year"] == 2022 and d["new"]["year"] == 2023
    assert {f["id"]: (f["old"], f["new"]) for f in d["figures"]}["received"] == (74, 81)
    five = next(s for s in d["sections"] if s["index"] == 5)
    assert five["carried_share"] == pytest.approx(0.0922, abs=1e-4) and five["copied"] is False
    assert all(set(c) >= {"key", "old", "new", "change", "old_certain", "new_certain"} for c in d["cells"])
    # given the wrong way round: the later year is this year
    p = gx("compare", b, a, "--format", "json", "--lang", "en")
    d = json.loads(p.stdout)
    assert d["swapped"] is True and (d["old"]["year"], d["new"]["year"]) == (2022, 2023)


def test_compare_says_why_a_file_cannot_be_read(tmp_path):
    good = os.path.join(REAL, "pingtan-2023.txt")
    missing = gx("compare", str(tmp_path / "none.txt"), good)
    assert missing.returncode == 2 and b"Traceback" not in missing.stderr
    assert "none.txt" in missing.stderr.decode()
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    p = gx("compare", str(binary), good)
    assert p.returncode == 2 and b"Traceback" not in p.stderr and "x.txt" in p.stderr.decode()
    p = gx("compare", good, good, "--format", "json")
    d = json.loads(p.stdout)  # a report against itself: everything carried over
    assert all(s["carried_share"] in (None, 1.0) for s in d["sections"])
    assert d["changed"] == 0


# --- the real county report and a next year made from it ----------------------------------------


def _hongze_next_year(tmp_path, rewrite_five: bool):
    """hongze-2023.txt as 2024's report: the years moved on, the city written above the organ
    (淮安市洪泽区人民政府), the tables as they were (table 三's carry-over is 0 both ways, so the
    carry-over holds); section 五 as it was (copied) or written anew."""
    with open(os.path.join(REAL, "hongze-2023.txt"), encoding="utf-8") as fh:
        text = fh.read()
    assert text.count("洪泽区人民政府\n2023 年政府信息公开工作年度报告") == 1
    text = text.replace(
        "洪泽区人民政府\n2023 年政府信息公开工作年度报告", "淮安市洪泽区人民政府\n2024 年政府信息公开工作年度报告"
    )
    text = text.replace("2023", "2024")
    if rewrite_five:
        doc = parse(text)
        body = doc.section(5).body
        text = (
            text[: body.start]
            + (
                "\n一是重大行政决策预公开的范围偏窄，意见征集渠道不多。二是政务新媒体互动回应不够充分，"
                "留言办理时效偏慢。下一步，拓宽意见征集途径，及时反馈采纳情况；加强政务新媒体日常巡查，规范留言回复。\n"
            )
            + text[body.end :]
        )
    p = tmp_path / ("hongze-2024-rewritten.txt" if rewrite_five else "hongze-2024.txt")
    p.write_text(text, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("old_name", ["hongze-2023.pdf", "hongze-2023.txt"])
def test_the_county_pair_is_paired_compared_and_its_copied_five_said(tmp_path, old_name):
    old = os.path.join(REAL, old_name)
    new = _hongze_next_year(tmp_path, rewrite_five=False)
    p = gx("check", old, new, "--format", "json", "--isolated", "--select", "GX7", "--exit-zero")
    assert p.returncode == 0, p.stderr.decode()
    out = json.loads(p.stdout)
    assert [(x["prev_year"], x["year"], x["status"]) for x in out["carry_over"]] == [(2023, 2024, "holds")]
    codes = {os.path.basename(f["path"]): [d["code"] for d in f["diagnostics"]] for f in out["files"]}
    # GX702 is right too: the same table 二 again says 5 in force, but 5 + 0 made − 5 repealed is 0
    assert codes == {old_name: [], "hongze-2024.txt": ["GX702", "GX705"]}
    d = next(x for f in out["files"] if f["path"] == new for x in f["diagnostics"] if x["code"] == "GX705")
    import re

    pct = int(re.search(r"有 (\d+)% 的文字与 2023 年报告相同", d["message"]).group(1))
    assert pct >= 95 and d["related"][0]["path"] == old  # all but the year the copy moved on
    p = gx("compare", old, new, "--format", "json")
    c = json.loads(p.stdout)
    assert c["organ"] == "places" and (c["old"]["organ"], c["new"]["organ"]) == (
        "洪泽区人民政府",
        "淮安市洪泽区人民政府",
    )
    assert c["changed"] == 0 and c["old"]["format"] == ("pdf" if old_name.endswith(".pdf") else "text")
    rewritten = _hongze_next_year(tmp_path, rewrite_five=True)
    p = gx("check", old, rewritten, "--format", "json", "--isolated", "--select", "GX7", "--exit-zero")
    out = json.loads(p.stdout)
    assert [(x["prev_year"], x["year"]) for x in out["carry_over"]] == [(2023, 2024)]
    assert [d["code"] for f in out["files"] for d in f["diagnostics"]] == ["GX702"]


# --- the digest in the index cache ------------------------------------------------------------

DIGEST_POISON = [
    lambda g: "x",
    lambda g: {**g, "v": {"t3.r1.tot": "81"}},
    lambda g: {**g, "v": {"t3.r1.tot": float("inf")}},
    lambda g: {**g, "d": [1]},
    lambda g: {**g, "p": {"5": {**g["p"]["5"], "g": "!!!"}}},
    lambda g: {**g, "p": {"5": {**g["p"]["5"], "n": g["p"]["5"]["n"] + 50}}},  # grams and count disagree
    lambda g: {**g, "p": {"5": {**g["p"]["5"], "r": [[5, 1], [2, 3]]}}},
    lambda g: {**g, "p": {"9": g["p"]["5"]}},
    lambda g: {**g, "p": {"5": {**g["p"]["5"], "h": [[]]}}},
]


@pytest.mark.parametrize("k", range(len(DIGEST_POISON)))
def test_a_poisoned_digest_in_the_cache_is_ignored_and_rebuilt(tmp_path, k):
    import sqlite3

    from gxlint.across.index import Cache, build

    paths = []
    for r in synth.series(16, (2022, 2023)):
        p = tmp_path / f"{r.year}.txt"
        p.write_text(r.render().text, encoding="utf-8")
        paths.append(str(p))
    cache = Cache(str(tmp_path / "c"))
    good = build(paths, cache=cache)
    cache.close()
    db = sqlite3.connect(cache.file)
    for sha, data in db.execute("SELECT sha, data FROM entries").fetchall():
        d = json.loads(data)
        db.execute(
            "UPDATE entries SET data = ? WHERE sha = ?",
            (json.dumps({**d, "digest": DIGEST_POISON[k](d["digest"])}), sha),
        )
    db.commit()
    db.close()
    st: dict = {}
    again = build(paths, cache=Cache(str(tmp_path / "c")), stats=st)
    assert (st["cached"], st["parsed"]) == (0, 2)
    assert {p: e.to_dict() for p, e in again.entries.items()} == {p: e.to_dict() for p, e in good.entries.items()}


def test_last_years_pdf_given_as_history(tmp_path):
    hist = tmp_path / "history"
    hist.mkdir()
    import shutil

    shutil.copy(os.path.join(REAL, "hongze-2023.pdf"), hist)
    new = _hongze_next_year(tmp_path, rewrite_five=False)
    p = gx("check", new, "--history", str(hist), "--format", "json", "--isolated", "--select", "GX705", "--exit-zero")
    out = json.loads(p.stdout)
    assert [(x["prev_year"], x["year"]) for x in out["carry_over"]] == [(2023, 2024)]
    assert [os.path.basename(f["path"]) for f in out["files"]] == ["hongze-2024.txt"]  # the history is not checked
    (d,) = out["files"][0]["diagnostics"]
    assert d["code"] == "GX705" and d["related"][0]["path"] == str(hist / "hongze-2023.pdf")
