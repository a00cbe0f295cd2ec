"""What every layout fixture under tests/fixtures/layouts/ says (one report, many layouts).

The numbers are chosen so that a shifted column or a row read from the wrong label changes a value:
every identity of template.md §7 holds (r1 + r2 = r3_7 + r4, rows add up, outcomes add up)."""

import os

from gxlint.parse import parse

HERE = os.path.dirname(os.path.abspath(__file__))
LAYOUTS = os.path.join(os.path.dirname(HERE), "fixtures", "layouts")

Z = [0, 0, 0, 0, 0, 0, 0]
T3 = {
    "r1": [40, 3, 1, 0, 2, 1, 47],
    "r2": [2, 1, 0, 0, 0, 0, 3],
    "r3_1": [20, 2, 0, 0, 1, 0, 23],
    "r3_2": [5, 0, 1, 0, 0, 0, 6],
    "r3_3_1": [1, 0, 0, 0, 0, 0, 1],
    "r3_3_2": Z,
    "r3_3_3": Z,
    "r3_3_4": [2, 0, 0, 0, 0, 0, 2],
    "r3_3_5": Z,
    "r3_3_6": Z,
    "r3_3_7": Z,
    "r3_3_8": Z,
    "r3_4_1": [6, 1, 0, 0, 0, 1, 8],
    "r3_4_2": [1, 0, 0, 0, 0, 0, 1],
    "r3_4_3": Z,
    "r3_5_1": [2, 0, 0, 0, 0, 0, 2],
    "r3_5_2": [1, 0, 0, 0, 0, 0, 1],
    "r3_5_3": Z,
    "r3_5_4": Z,
    "r3_5_5": Z,
    "r3_6_1": [1, 0, 0, 0, 0, 0, 1],
    "r3_6_2": Z,
    "r3_6_3": [0, 0, 0, 0, 1, 0, 1],
    "r3_7": [39, 3, 1, 0, 2, 1, 46],
    "r4": [3, 1, 0, 0, 0, 0, 4],
}
T3_IDS = list(T3)
T2 = {
    "t2.rules": [0, 0, 0],
    "t2.docs": [5, 2, 31],
    "t2.permit": [126],
    "t2.penalty": [37],
    "t2.coercion": [2],
    "t2.fees": [1.2345],
}
T4 = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]


def load(name: str) -> str:
    with open(os.path.join(LAYOUTS, name), encoding="utf-8") as fh:
        return fh.read()


def pos(doc, offset: int) -> tuple[int, int]:
    """1-based (line, column) of an original offset."""
    line, col = doc.lines.position(offset)
    return line + 1, col + 1


def assert_cells_point_into_text(doc) -> None:
    text = doc.text
    for t in doc.tables.values():
        for r in t.rows.values():
            for c in r.cells:
                assert text[c.span.start : c.span.end] == c.raw, (r.id, c.column, c.raw)
                if not c.blank:
                    assert c.raw == c.raw.strip() and c.raw, (r.id, c.column, c.raw)
            if r.label_span is not None:
                assert (
                    text[r.label_span.start : r.label_span.end].strip() == text[r.label_span.start : r.label_span.end]
                )


def assert_full_report(text: str, *, t3=T3, t2=T2, t4=T4, version="v2021"):
    """The whole report read exactly: six sections, all rows, all values, exact labels."""
    doc = parse(text)
    assert [s.index for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    tb = doc.tables["t3"]
    assert tb.version == version
    assert tb.missing == [] and not tb.truncated
    assert list(tb.rows) == list(t3)
    for rid, vals in t3.items():
        row = tb.rows[rid]
        assert [c.value for c in row.cells] == vals, rid
        assert row.found == row.expected == len(vals), rid
        assert row.label_exact and not row.unreliable, (rid, row.written)
    t2t = doc.tables["t2"]
    assert t2t.version == version and t2t.missing == []
    for rid, vals in t2.items():
        assert [c.value for c in t2t.rows[rid].cells] == vals, rid
        assert t2t.rows[rid].label_exact, rid
    assert all(h.exact for h in t2t.headers), [(h.written, h.expected) for h in t2t.headers if not h.exact]
    row4 = doc.tables["t4"].rows["t4"]
    assert [c.value for c in row4.cells] == t4 and not row4.unreliable
    assert_cells_point_into_text(doc)
    return doc
