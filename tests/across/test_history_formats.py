"""The year-to-year index and --history read what ``check`` reads (issue 29, items 8 and 11):
every format through the same reader, with the same size limit, and what has no entry is listed."""

import json
import os

import pytest

from gxlint import synth
from gxlint.across.index import Cache, build
from read import docgen

from .test_across import _cli


def _series(tmp_path):
    """Three years of one organ, 2023's carry-over changed by 3 (a GX701 against 2022)."""
    reps = synth.series(21, (2021, 2022, 2023))
    reps[2].t3["r2"]["np"] += 3
    reps[2].t3["r2"]["tot"] += 3
    reps[2].t3["r1"]["np"] = max(0, reps[2].t3["r1"]["np"] - 3)
    reps[2].t3["r1"]["tot"] = sum(reps[2].t3["r1"][c] for c in synth.APPLICANTS)
    (tmp_path / "now").mkdir()
    (tmp_path / "old").mkdir()
    (tmp_path / "now" / f"{reps[2].organ}2023年报告.txt").write_text(reps[2].render().text, encoding="utf-8")
    return reps


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_history_in_another_format_is_compared(tmp_path, fmt):
    pytest.importorskip("docx")
    reps = _series(tmp_path)
    prev = tmp_path / "old" / f"{reps[1].organ}2022年报告.{fmt}"
    if fmt == "docx":
        docgen.build_docx(reps[1], str(prev))
    else:
        prev.write_text(docgen.build_html(reps[1]), encoding="utf-8")
    env = {"GXLINT_CACHE_DIR": str(tmp_path / "cache")}
    out = _cli(
        "check",
        str(tmp_path / "now"),
        "--history",
        str(tmp_path / "old"),
        "--select",
        "GX701",
        "--format",
        "json",
        env_extra=env,
    )
    obj = json.loads(out.stdout)
    diags = obj["files"][0]["diagnostics"]
    assert [d["code"] for d in diags] == ["GX701"], out.stderr
    assert diags[0]["related"][0]["path"] == str(prev)
    assert [(p["prev_year"], p["year"], p["status"]) for p in obj["carry_over"]] == [(2022, 2023, "differs")]


def test_history_files_without_an_entry_are_listed_and_bounded(tmp_path):
    reps = _series(tmp_path)
    (tmp_path / "old" / f"{reps[1].organ}2022年报告.txt").write_text(reps[1].render().text, encoding="utf-8")
    big = tmp_path / "old" / "huge.txt"
    with open(big, "w", encoding="utf-8") as fh:  # past the 20 MB limit check applies
        line = "本年共收到申请3件，办结3件。\n"
        fh.write(line * (21 * 1024 * 1024 // len(line.encode()) + 1))
    (tmp_path / "old" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    env = {"GXLINT_CACHE_DIR": str(tmp_path / "cache")}
    out = _cli(
        "check",
        str(tmp_path / "now"),
        "--history",
        str(tmp_path / "old"),
        "--select",
        "GX701",
        "--format",
        "json",
        "--lang",
        "en",
        env_extra=env,
    )
    obj = json.loads(out.stdout)
    assert [d["code"] for d in obj["files"][0]["diagnostics"]] == ["GX701"]
    skipped = {os.path.basename(s["path"]): s for s in obj["skipped"]}
    assert skipped["huge.txt"]["reason"] == "history" and "too large" in skipped["huge.txt"]["message"]
    assert "an old Word document (.doc)" in skipped["old.doc"]["message"]  # LibreOffice missing or refusing it
    txt = _cli(
        "check", str(tmp_path / "now"), "--history", str(tmp_path / "old"), "--select", "GX701", env_extra=env
    ).stdout
    assert "huge.txt — --history：未能读取：文件过大" in txt


def test_build_reads_with_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (21 * 1024 * 1024))
    st: dict = {}
    ix = build([str(big)], cache=Cache(str(tmp_path / "c")), stats=st)
    assert not ix.entries
    assert st["skipped"] == [(str(big), ("too_large", {"size": "21.0 MB", "limit": "20.0 MB"}))]
