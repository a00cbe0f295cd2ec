"""What the parser hands the rules is typed (gxlint.model): the title, year, period, dates,
signature and organ on :class:`Meta`, the page residue, chrome and mojibake on
:attr:`Document.debris`, the headings written differently on :attr:`Document.headings` — no
string-keyed bag a rule has to know the keys of."""

from __future__ import annotations

import ast
import dataclasses
import os

from gxlint import model
from gxlint.parse import parse
from seedutil import ROOT

RULES = os.path.join(ROOT, "rules")

REPORT = """来源：某某市某某局 发布时间：2024-01-25 浏览次数：12
某某市某某局2023年政府信息公开工作年度报告
本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。
一、总体情况
2023年，本局认真贯彻《条例》。锟斤拷
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
本局无其他需要报告的事项。
某某市某某局
2024年1月20日
"""


def test_parser_output_is_typed():
    doc = parse(REPORT, "r.txt")
    m = doc.meta
    assert (m.title, m.title_norm, m.year, m.year_source) == (
        "某某市某某局2023年政府信息公开工作年度报告",
        "某某市某某局2023年政府信息公开工作年度报告",
        2023,
        "title",
    )
    assert isinstance(m.period, model.Period) and m.period.stated and (m.period.year, m.period.end_year) == (2023, 2023)
    assert REPORT[m.period.span.start : m.period.span.end] == "2023年1月1日起至2023年12月31日"
    assert [x.source for x in m.year_mentions][:2] == ["title", "period"]
    assert [d.date for d in m.dates.found][-1] == (2024, 1, 20) and m.dates.malformed == []
    assert (m.published, REPORT[m.published_span.start : m.published_span.end]) == ((2024, 1, 25), "2024-01-25")
    sig = m.signature
    assert (sig.organ, sig.date, REPORT[sig.span.start : sig.span.end]) == (
        "某某市某某局",
        (2024, 1, 20),
        "某某市某某局\n2024年1月20日",
    )
    assert sig.content_end == len(REPORT.rstrip("\n"))
    assert (m.organ, m.organ_source, m.organ_level, REPORT[m.organ_span.start : m.organ_span.end]) == (
        "某某市某某局",
        "title",
        "department",
        "某某市某某局",
    )
    assert [REPORT[r.span.start : r.span.end] for r in doc.debris.residue] == [
        "来源：某某市某某局 发布时间：2024-01-25 浏览次数：12"
    ]
    assert [(x.kind, x.written) for x in doc.debris.mojibake] == [("replacement", "锟斤拷")]
    assert doc.debris.chrome == []
    assert [(h.index, h.numeral, REPORT[h.span.start : h.span.end]) for h in doc.headings.duplicates] == [
        (4, "四", "四、政府信息公开行政复议、行政诉讼情况")
    ]
    assert doc.headings.nonstandard == [] and doc.headings.old == []


def test_the_contract_types_are_documented_dataclasses():
    for cls in (
        model.Meta,
        model.Period,
        model.Dates,
        model.DateMention,
        model.MalformedDate,
        model.YearMention,
        model.Signature,
        model.Debris,
        model.ResidueLine,
        model.InlineChrome,
        model.Mojibake,
        model.Headings,
        model.NonstandardHeading,
        model.DuplicateHeading,
    ):
        assert dataclasses.is_dataclass(cls) and cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("), cls
    assert "extra" not in {f.name for f in dataclasses.fields(model.Meta)}


def test_no_rule_reads_a_string_keyed_bag_of_the_document():
    """``doc.cache`` is where helpers keep what they compute once per document (identities,
    paragraphs); a rule asks the helper, and reads the parser's output by attribute."""
    bad = []
    for base, _dirs, files in os.walk(RULES):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(base, name)
            with open(path, encoding="utf-8") as fh:
                tree = ast.parse(fh.read(), path)
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and (
                    node.attr == "cache"
                    or node.attr == "extra"
                    and isinstance(node.value, ast.Attribute)
                    and node.value.attr == "meta"
                ):
                    bad.append(f"{os.path.relpath(path, ROOT)}:{node.lineno}: .{node.attr}")
    assert not bad, "\n".join(bad)
