"""The fix model: every fix is a list of edits on the original text, marked safe or unsafe;
applying all safe fixes is idempotent (a second pass changes nothing)."""

import glob
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.api import Edit, Fix
from gxlint.engine import lint
from gxlint.fixes import apply_edits, apply_fixes, chosen_edits, fix_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "tests", "fixtures", "seeds")

SEED_FILES = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))
EXAMPLES = sorted(glob.glob(os.path.join(ROOT, "examples", "*.txt")))
IDS = [os.path.basename(p)[:3] for p in SEED_FILES]


def read(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


# --- apply_edits -------------------------------------------------------------------------


def test_apply_edits_replaces_inserts_and_deletes_on_original_offsets():
    text = "甲乙丙丁戊"
    out, n = apply_edits(text, [Edit(4, 5, "五"), Edit(0, 1, "一"), Edit(2, 2, "+"), Edit(3, 4, "")])
    assert (out, n) == ("一乙+丙五", 4)


def test_identical_edits_are_applied_once_and_overlaps_are_left_for_the_next_pass():
    text = "abcdef"
    out, n = apply_edits(text, [Edit(1, 3, "X"), Edit(1, 3, "X")])
    assert (out, n) == ("aXdef", 1)
    out, n = apply_edits(text, [Edit(1, 3, "X"), Edit(2, 4, "Y")])
    assert (out, n) == ("aXdef", 1)


def test_unsafe_fixes_only_on_request():
    res = lint("某某市某某局2023年政府信息公开工作报告\n一、总体情况\n")
    d = [x for x in res.diagnostics if x.code == "GX507"][0]
    assert d.fix is not None and not d.fix.safe
    assert not set(d.fix.edits) & set(chosen_edits(res.diagnostics))
    assert set(d.fix.edits) <= set(chosen_edits(res.diagnostics, unsafe=True))


# --- every fix of every seed -------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_results():
    return {p: lint(read(p), p) for p in SEED_FILES + EXAMPLES}


@pytest.mark.parametrize("path", SEED_FILES + EXAMPLES, ids=IDS + [os.path.basename(p) for p in EXAMPLES])
def test_fixes_are_edit_lists_inside_the_original_text(path, seed_results):
    res = seed_results[path]
    text = res.text
    for d in res.diagnostics:
        if d.fix is None:
            continue
        assert isinstance(d.fix, Fix) and isinstance(d.fix.safe, bool) and d.fix.message
        assert d.fix.edits, f"{d.code}: a fix without edits"
        last = -1
        for e in sorted(d.fix.edits, key=lambda e: (e.start, e.end)):
            assert isinstance(e, Edit) and 0 <= e.start <= e.end <= len(text)
            assert e.start >= last, f"{d.code}: edits of one fix overlap"
            last = e.end


@pytest.mark.parametrize("path", SEED_FILES + EXAMPLES, ids=IDS + [os.path.basename(p) for p in EXAMPLES])
def test_safe_edits_of_a_document_never_conflict(path, seed_results):
    """Different findings may share an edit (the same edit object), but never overlap partially:
    otherwise one pass could not apply them all."""
    edits = sorted(set(chosen_edits(seed_results[path].diagnostics)), key=lambda e: (e.start, e.end))
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start or (a.start == a.end == b.start and b.start < b.end), (a, b)


@pytest.mark.parametrize("path", SEED_FILES + EXAMPLES, ids=IDS + [os.path.basename(p) for p in EXAMPLES])
def test_applying_all_safe_fixes_twice_equals_applying_once(path, seed_results):
    text = read(path)
    once, n1 = apply_fixes(text, seed_results[path].diagnostics)
    res2 = lint(once, path)
    twice, n2 = apply_fixes(once, res2.diagnostics)
    assert twice == once, [d.code for d in res2.diagnostics if d.fix and d.fix.safe]
    assert n2 == 0
    assert fix_text(text)[0] == once


def test_seed_002_fixed_is_a_simplified_report_without_residue():
    path = [p for p in SEED_FILES if os.path.basename(p).startswith("002")][0]
    text = read(path)
    fixed, _ = apply_fixes(text, lint(text, path).diagnostics)
    left = lint(fixed, path).diagnostics
    codes = {d.code for d in left}
    assert not codes & {"GX601", "GX602"}
    assert "GX603" in codes  # mojibake has no safe repair: it stays reported
    assert fixed.splitlines()[0] == "启东市政府办2023年政府信息公开工作年度报告"
    assert "未收取信息处理费" in fixed
    # the page line holds the only publication date (GX502 reads it; the report has no signature):
    # the safe fix keeps it, and deleting it is a fix that is not safe and says what it takes
    (residue,) = [d for d in left if d.code == "GX605"]
    assert "2024-01-14" in fixed and not residue.fix.safe and "发布时间" in residue.fix.message
    assert lint(fixed, path).doc.meta.published == (2024, 1, 14)
    clean, _ = apply_fixes(fixed, left, unsafe=True)
    assert "GX605" not in {d.code for d in lint(clean, path).diagnostics}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "報(bào)告",
                "開",
                "“",
                "（",
                "）",
                "來源:某局 發布時間:2024-01-14 累計次數:3",
                "扫一扫在手机上查看当前页面",
                "\n",
                "\r\n",
                "政府信息公开",
                "三審三?!薄",
                "2023年",
                "。",
                "20231月1日",
                "二〇二四年一月十七日",
                "六、其他需要报告的事项",
                "一、总体情况",
                "国办公开办函〔2019〕60号",
                "鏀垮簻淇℃伅",
                "\ufffd",
                "</p>",
                "某某局",
            ]
        ),
        max_size=30,
    )
)
def test_safe_fixes_are_idempotent_on_arbitrary_text(parts):
    text = "".join(parts)
    first = lint(text).diagnostics
    assert not [d for d in first if d.code == "GX001"], [d.data.get("traceback") for d in first if d.code == "GX001"]
    # as --fix does (gxlint.batch.fix_result): passes until nothing changes — a fix may bring two
    # pieces together that another rule then fixes (chrome deleted between two “); it settles fast
    once, _ = apply_fixes(text, first)
    for _ in range(3):
        again, _ = apply_fixes(once, lint(once).diagnostics)
        if again == once:
            break
        once = again
    twice, _ = apply_fixes(once, lint(once).diagnostics)
    assert twice == once


# --- the CLI shows fixes -----------------------------------------------------------------


def test_json_output_carries_fixes_with_positions():
    path = [p for p in SEED_FILES if os.path.basename(p).startswith("004")][0]
    run = subprocess.run(
        [sys.executable, "-m", "gxlint", "check", "--format", "json", "--exit-zero", path],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    out = json.loads(run.stdout)
    diags = out["files"][0]["diagnostics"]
    residue = [d for d in diags if d["code"] == "GX605"]
    assert [d["start"]["line"] for d in residue] == [3, 84]
    text = read(path)
    for d in residue:
        fix = d["fix"]
        assert fix["safe"] is True and fix["message"]
        (e,) = fix["edits"]
        assert e["new_text"] == ""
        deleted = text[e["start"]["offset"] : e["end"]["offset"]]
        assert "来源" in deleted or "扫一扫" in deleted
    assert all(d["fix"] is None or set(d["fix"]) == {"message", "safe", "edits"} for d in diags)
