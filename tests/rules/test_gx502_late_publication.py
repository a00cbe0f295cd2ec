"""GX502 late-publication (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

import pytest
from gx56_sample import line_of, report

from gxlint.testing import RuleTester, where

t = RuleTester("GX502")


def test_before_2019_every_organ_had_until_march_31():
    # the 2008 条例 art. 31 (before the 2019 revision): March 31 of the next year, for departments too
    def old(date):
        return report(
            title="某某市某某局2018年政府信息公开工作年度报告",
            head="本报告中所列数据的统计期限自2018年1月1日起至2018年12月31日止。",
            signature="某某市某某局\n" + date,
        )

    t.valid(old("2019年3月31日"))
    text = old("2019年4月1日")
    t.invalid(
        text,
        [
            (
                "late",
                line_of(text, "2019年4月1日"),
                (29, 10),
                "晚于政府部门年度报告的发布期限 2019年3月31日（2019 年修订前的条例第三十一条）",
            )
        ],
    )
    # the 2019 report is the revised 条例's: January 31 for a department
    text = report(
        title="某某市某某局2019年政府信息公开工作年度报告",
        head="本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。",
        signature="某某市某某局\n2020年2月5日",
    )
    t.invalid(
        text,
        [
            (
                "late",
                line_of(text, "2020年2月5日"),
                (29, 10),
                "晚于政府部门年度报告的发布期限 2020年1月31日（条例第四十九条）",
            )
        ],
    )


def test_department_deadline_is_january_31():
    t.valid(report(signature="某某市某某局\n2024年1月31日"))
    text = report(signature="某某市某某局\n2024年2月5日")
    t.invalid(text, [("late", line_of(text, "2024年2月5日"), (29, 10), "晚于政府部门年度报告的发布期限 2024年1月31日")])


@pytest.mark.parametrize("written", ["2024-02-05", "2024.2.5", "二〇二四年二月五日"])
def test_every_date_form_is_checked(written):
    text = report(signature="某某市某某局\n" + written)
    t.invalid(text, [("late", *where(text, written))])


def test_government_deadline_is_march_31():
    title = "某某县人民政府2023年政府信息公开工作年度报告"
    t.valid(report(title=title, signature="某某县人民政府\n2024年3月20日"))
    text = report(title=title, signature="某某县人民政府\n2024年4月2日")
    t.invalid(text, [("late", line_of(text, "2024年4月2日"), (29, 10), "人民政府本级")])


def test_township_has_no_national_deadline_unless_configured():
    title = "某某县某某镇2023年政府信息公开工作年度报告"
    text = report(title=title, signature="某某县某某镇人民政府\n2024年3月5日")
    t.valid(text)
    RuleTester("GX502", township_deadline="02-28").invalid(
        text,
        [
            ("late", line_of(text, "2024年3月5日"), (29, 10), "2024年2月28日"),
        ],
    )
    late = report(title=title, signature="某某县某某镇人民政府\n2025年1月5日")
    t.invalid(late, [("late_year", line_of(late, "2025年1月5日"), (29, 10), "已不在报告年度的次年（2024 年）内")])


def test_unknown_level_only_flags_dates_outside_the_next_year():
    title = "某某公司2023年政府信息公开工作年度报告"
    t.valid(report(title=title, signature="某某公司\n2024年6月1日"))
    text = report(title=title, signature="某某公司\n2025年1月2日")
    t.invalid(text, [("late_year", line_of(text, "2025年1月2日"), (29, 10))])


def test_configured_level_overrides_the_name():
    title = "某某县某某镇2023年政府信息公开工作年度报告"
    text = report(title=title, signature="某某县某某镇人民政府\n2024年2月5日")
    t.valid(text)
    RuleTester("GX502", organ_level="department").invalid(text, [("late", line_of(text, "2024年2月5日"), (29, 10))])


def test_publication_date_of_the_web_page_wins():
    text = report(
        extra_top="来源：某某市某某局 发布时间：2024-02-03 浏览次数：12", signature="某某市某某局\n2024年1月20日"
    )
    got = t.invalid(text, [("late", line_of(text, "2024-02-03"), (1, 26), "发布时间 2024年2月3日")])
    assert len(got) == 1
    res, own = t.diagnostics(text)
    assert any("落款日期" in r.message for r in own[0].related)


def test_on_time_web_date_and_signature():
    t.valid(report(extra_top="来源：某某市某某局 发布时间：2024-01-14", signature="某某市某某局\n2024年1月12日"))


def test_no_date_no_finding():
    t.valid(report(signature=None))


def test_township_deadline_from_the_configuration_file(tmp_path):
    import json
    import subprocess
    import sys

    (tmp_path / "pyproject.toml").write_text('[tool.gxlint]\ntownship-deadline = "02-28"\n', encoding="utf-8")
    text = report(title="某某县某某镇2023年政府信息公开工作年度报告", signature="某某县某某镇人民政府\n2024年3月5日")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "gxlint", "check", "--select", "GX502", "--format", "json", "--exit-zero", "r.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    diags = json.loads(run.stdout)["files"][0]["diagnostics"]
    assert [(d["code"], d["start"]["line"]) for d in diags] == [("GX502", line_of(text, "2024年3月5日")[0])]
    assert "2024年2月28日" in diags[0]["message"]
