"""Organ identity as reports write it (gxlint/across/organ.py): the organ on its own line above the
title, a title over two lines, the places above the organ written one year and not the other, the
organ only in the opening statement, the signature or the page's source line; organs and their
offices, and departments of one place, kept apart; GX706 when two consecutive years cannot be
settled as one organ's — never a silent skip."""

import itertools
import os

import pytest

from gxlint import synth
from gxlint.across import organ as org
from gxlint.across.index import Index, entry_from_document
from gxlint.config import Settings
from gxlint.engine import run_index_rules
from gxlint.parse import parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REAL = os.path.join(ROOT, "tests", "fixtures", "corpus_real")


def index_of(files: dict, aliases=None) -> Index:
    ix = Index(aliases=aliases)
    for path, text in files.items():
        ix.add(entry_from_document(parse(text, path), path))
    return ix


def gx7(ix: Index, path: str, select="GX7"):
    return run_index_rules(ix.get(path), ix, Settings.from_options(None, select=select), path)


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key,core,places",
    [
        ("淮安市洪泽区人民政府", "洪泽区人民政府", ("淮安市",)),
        ("江苏省淮安市洪泽区人民政府", "洪泽区人民政府", ("江苏省", "淮安市")),
        ("淮安市洪泽区教育体育局", "洪泽区教育体育局", ("淮安市",)),
        ("北京市东城区东华门街道办事处", "东华门街道办事处", ("北京市", "东城区")),
        ("内蒙古自治区呼和浩特市新城区人民政府", "新城区人民政府", ("内蒙古自治区", "呼和浩特市")),
        ("徐州市沛县人民政府", "沛县人民政府", ("徐州市",)),
        # what follows a city is no place of its own: nothing to leave out
        ("淮安市城市管理局", "淮安市城市管理局", ()),
        ("淮安市市场监督管理局", "淮安市市场监督管理局", ()),
        ("上海市人民政府", "上海市人民政府", ()),
        # a district is left out only above a township
        ("南山区教育局", "南山区教育局", ()),
        ("平潭综合实验区财政金融局", "平潭综合实验区财政金融局", ()),
    ],
)
def test_places_a_shorter_writing_may_leave_out(key, core, places):
    n = org.name(org.normalize(key))
    assert (n.core, n.places) == (core, places)


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("淮安市洪泽区人民政府", "洪泽区人民政府", True),
        ("江苏省淮安市洪泽区人民政府", "江苏省洪泽区人民政府", True),
        ("南京市鼓楼区人民政府", "福州市鼓楼区人民政府", False),
        ("洪泽区人民政府", "洪泽区人民政府办公室", False),
        ("淮安市洪泽区人民政府", "淮安市洪泽区人民政府办公室", False),
        ("平潭综合实验区", "平潭综合实验区财政金融局", False),
        ("青云县卫生健康局", "青云市卫生健康局", False),
    ],
)
def test_compatible(a, b, same):
    assert org.compatible(org.normalize(a), org.normalize(b)) is same


def test_a_bare_name_is_no_ones_when_two_cities_write_it():
    keys = ["南京市鼓楼区人民政府", "福州市鼓楼区人民政府", "鼓楼区人民政府"]
    assert org.family("鼓楼区人民政府", keys) == {"鼓楼区人民政府"}
    assert org.family("南京市鼓楼区人民政府", keys) == {"南京市鼓楼区人民政府"}
    assert org.family("南京市鼓楼区人民政府", keys[::2]) == {"南京市鼓楼区人民政府", "鼓楼区人民政府"}


def test_related():
    assert org.related("洪泽区人民政府", "淮安市洪泽区人民政府办公室") == "office"
    assert org.related("南京市鼓楼区人民政府", "鼓楼区人民政府") == "places"
    assert org.related("平潭综合实验区", "平潭综合实验区公安局") is None
    assert org.related("洪泽区教育局", "洪泽区体育局") is None


# --- where the organ is written ------------------------------------------------------------

LAYOUTS = ("pipe", "tab", "markdown", "cells", "wrapped")
HEADS = {
    "inline": "title",
    "organ_above": "title",
    "two_lines": "title",
    "organ_above_wrapped": "title",
    "opening": "opening",
    "source": "source",
    "no_organ": "signature",
}


@pytest.mark.parametrize("head,layout", list(itertools.product(HEADS, LAYOUTS)))
def test_the_organ_is_read_wherever_the_report_writes_it(head, layout):
    if head == "source" and layout == "wrapped":
        pytest.skip("the wrapped layout breaks the page's source line itself")
    rep = synth.generate(4, year=2023)
    rep.organ, rep.head = "淮安市洪泽区人民政府", head
    rep.signature = None if head == "no_organ" else ""  # no_organ: the signature alone names it
    r = rep.render(layout)
    doc = parse(r.text, "x.txt")
    written, source, span = org.of_document(doc, "x.txt")
    assert (written, source) == ("淮安市洪泽区人民政府", HEADS[head])
    where = r.span("signature") if head == "no_organ" else r.span("organ")
    assert (span.start, span.end) == (where.start, where.end)


def test_no_organ_anywhere_is_none_not_a_guess():
    rep = synth.generate(4, year=2023)
    rep.head, rep.signature = "no_organ", ""
    doc = parse(rep.render().text, "2023.txt")
    assert org.of_document(doc, "2023.txt") == (None, "", None)


def test_the_real_county_report_names_its_organ_on_the_line_above_the_title():
    for name in ("hongze-2023.txt", "hongze-2023.pdf"):
        from gxlint.read import read

        p = os.path.join(REAL, name)
        with open(p, "rb") as fh:
            src = read(fh.read(), p)
        doc = parse(src.text, p, native=src.native_cells)
        written, source, _span = org.of_document(doc, p)
        assert (written, source, doc.meta.year) == ("洪泽区人民政府", "title", 2023), name


# --- pairing -----------------------------------------------------------------------------


def _pair(head_old, head_new, organ_old, organ_new, layout="pipe", seed=12):
    old, new = synth.series(seed, (2023, 2024), organ=organ_old)
    new.organ = organ_new
    old.head, new.head = head_old, head_new
    for r in (old, new):
        if r.head in ("opening", "source"):
            r.signature = ""
    return {f"a/{old.year}.txt": old.render(layout).text, f"b/{new.year}.txt": new.render(layout).text}


@pytest.mark.parametrize(
    "heads",
    [
        ("inline", "organ_above"),
        ("organ_above", "two_lines"),
        ("organ_above_wrapped", "inline"),
        ("inline", "opening"),
        ("source", "inline"),
        ("no_organ", "organ_above"),
    ],
)
@pytest.mark.parametrize(
    "organs",
    [
        ("淮安市洪泽区人民政府", "洪泽区人民政府"),
        ("洪泽区人民政府", "淮安市洪泽区人民政府"),
        ("洪泽区人民政府", "洪泽区人民政府"),
    ],
)
def test_consecutive_years_pair_however_the_organ_is_written(heads, organs):
    files = _pair(*heads, *organs)
    ix = index_of(files)
    new = ix.get("b/2024.txt")
    prev = ix.previous(new)
    assert prev is not None and prev.path == "a/2023.txt"
    assert gx7(ix, "b/2024.txt") == []  # consistent series: nothing to say


def test_two_cities_districts_of_one_name_stay_apart_and_the_bare_name_is_said():
    files = {}
    for k, organ in enumerate(("南京市鼓楼区人民政府", "福州市鼓楼区人民政府")):
        for r in synth.series(20 + k, (2023, 2024), organ=organ):
            files[f"{k}/{r.year}.txt"] = r.render().text
    bare = synth.series(22, (2025,), organ="鼓楼区人民政府")[0]
    files["x/2025.txt"] = bare.render().text
    ix = index_of(files)
    assert ix.previous(ix.get("0/2024.txt")).path == "0/2023.txt"
    assert ix.previous(ix.get("1/2024.txt")).path == "1/2023.txt"
    assert ix.previous(ix.get("x/2025.txt")) is None
    found = gx7(ix, "x/2025.txt")
    assert sorted((d.code, d.data["other_path"], d.data["why"]) for d in found) == [
        ("GX706", "0/2024.txt", "places"),
        ("GX706", "1/2024.txt", "places"),
    ]
    r = bare.render()
    assert all((d.span.start, d.span.end) == (0, len("鼓楼区人民政府2025年政府信息公开工作年度报告")) for d in found)
    assert r.text.startswith("鼓楼区人民政府2025")
    assert "南京市鼓楼区人民政府" in found[0].message and "福州市鼓楼区人民政府" in found[0].message
    assert [rel.path for d in found for rel in d.related] == ["0/2024.txt", "1/2024.txt"]
    # the configuration settles it
    ix2 = index_of(files, aliases={"鼓楼区人民政府": "福州市鼓楼区人民政府"})
    assert ix2.previous(ix2.get("x/2025.txt")).path == "1/2024.txt"
    assert [d.code for d in gx7(ix2, "x/2025.txt", select="GX706")] == []


def test_an_organ_and_its_office_stay_apart_each_with_its_own_years():
    files = {}
    for k, organ in enumerate(("洪泽区人民政府", "洪泽区人民政府办公室")):
        for r in synth.series(30 + k, (2023, 2024), organ=organ, level="government" if k == 0 else "department"):
            files[f"{k}/{r.year}.txt"] = r.render().text
    ix = index_of(files)
    assert ix.previous(ix.get("0/2024.txt")).path == "0/2023.txt"
    assert ix.previous(ix.get("1/2024.txt")).path == "1/2023.txt"
    for p in files:
        assert gx7(ix, p) == [], p


def test_a_report_naming_only_its_compiler_office_is_not_paired_and_says_so():
    old, new = synth.series(40, (2023, 2024), organ="洪泽区人民政府", level="government")
    new.organ, new.head, new.signature = "淮安市洪泽区人民政府办公室", "opening", ""
    files = {"洪泽区人民政府2023.txt": old.render().text, "2024.txt": new.render().text}
    ix = index_of(files)
    assert ix.previous(ix.get("2024.txt")) is None
    (d,) = gx7(ix, "2024.txt")
    assert (d.code, d.data["why"], d.data["other_path"], d.data["other_year"]) == (
        "GX706",
        "office",
        "洪泽区人民政府2023.txt",
        2023,
    )
    title = "2024年政府信息公开工作年度报告"
    assert (d.span.start, d.span.end) == (0, len(title))
    assert "洪泽区人民政府2023.txt" in d.message and "淮安市洪泽区人民政府办公室" in d.message
    (rel,) = d.related
    assert rel.path == "洪泽区人民政府2023.txt" and rel.span.start == 0
    assert gx7(ix, "洪泽区人民政府2023.txt") == []  # said once, on the later report


def test_two_reports_without_an_organ_are_said_not_silently_skipped():
    old, new = synth.series(41, (2023, 2024))
    for r in (old, new):
        r.head, r.signature = "no_organ", ""
    files = {"x/2023.txt": old.render().text, "x/2024.txt": new.render().text}
    ix = index_of(files)
    (d,) = gx7(ix, "x/2024.txt")
    assert (d.code, d.data["why"], d.data["other_path"]) == ("GX706", "unnamed", "x/2023.txt")
    assert d.severity.label == "information"


def test_departments_of_one_place_are_not_the_zones_reports():
    files = {}
    for name in (
        "pingtan-2023.txt",
        "pingtan-2024.txt",
        "pingtan-caijin-2023.txt",
        "pingtan-gongan-2024.txt",
        "pingtan-shehui-2024.txt",
        "pingtan-jiaojian-2024.txt",
    ):
        with open(os.path.join(REAL, name), encoding="utf-8") as fh:
            files[name] = fh.read()
    ix = index_of(files)
    assert ix.previous(ix.get("pingtan-2024.txt")).path == "pingtan-2023.txt"
    for name in ("pingtan-gongan-2024.txt", "pingtan-shehui-2024.txt", "pingtan-jiaojian-2024.txt"):
        assert ix.previous(ix.get(name)) is None
        assert gx7(ix, name) == [], name  # nothing related of 2023: nothing to say
