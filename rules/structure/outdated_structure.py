"""GX104 outdated-structure — 2019 年以前的旧报告结构

## 检查内容

报告使用了 2019 年修订《条例》之前的结构（概述、依申请公开政府信息情况、政府信息公开的收费及减免情况 ……），
而不是现行的六个部分。只在报告开头报告一次，不再逐节报告缺少的部分和表格。

- 2019 年度及以后的报告沿用旧结构：错误。
- 2008—2018 年度的报告本来就按旧格式编写：只作提示，说明现行格式的部分和统计表不适用、未逐项检查
  （即使认不出旧结构的标题，也只说这一次）。

## 为什么

2019 年起，年度报告按修订后的《条例》和国办统一格式编写；沿用旧结构属于“不按规定格式发布”。

## 示例

```report bad
一、概述
二、主动公开政府信息的情况
三、依申请公开政府信息和不予公开政府信息的情况
四、政府信息公开的收费及减免情况
```

```report good
一、总体情况
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
```

## 依据

《中华人民共和国政府信息公开条例》（国务院令第711号，2019年5月15日施行）第五十条；国办公开办函〔2021〕30号。
"""

from gxlint.api import Rule, Severity, template_data

FIRST_YEAR = template_data("v2019")["first_year"]


class OutdatedStructure(Rule):
    code = "GX104"
    name = "outdated-structure"
    summary_en = "The pre-2019 structure of the report"
    family = "structure"
    severity = Severity.ERROR
    messages = {
        "old": {
            "zh": "报告使用 2019 年以前的旧结构（{found}），应按现行格式的六个部分编写",
            "en": "the report uses the pre-2019 structure ({found}); use the six sections of the current format",
        },
        "old_year": {
            "zh": "这是 {year} 年度的报告，按 2019 年以前的旧格式编写（{found}）；现行格式的六个部分和统计表从 2019 年度起适用，未逐项检查",
            "en": "this is a report for {year}, written in the pre-2019 format ({found}); the six sections and tables of the current format apply from 2019 on and were not checked",
        },
        "old_year_plain": {
            "zh": "这是 {year} 年度的报告，早于现行格式；现行格式的六个部分和统计表从 2019 年度起适用，未逐项检查",
            "en": "this is a report for {year}, before the current format; its six sections and tables apply from 2019 on and were not checked",
        },
        "correct.old": {
            "zh": "按现行格式（国办公开办函〔2021〕30号）的六个部分和统计表重新编写报告。",
            "en": "Rewrite the report in the six parts and tables of the current format (国办公开办函〔2021〕30号).",
        },
        "correct.old_year": {
            "zh": "无需修改：{year} 年度的报告按当时的格式编写。",
            "en": "Nothing to correct: a {year} report follows the format of its time.",
        },
        "correct.old_year_plain": {
            "zh": "无需修改：{year} 年度的报告按当时的格式编写。",
            "en": "Nothing to correct: a {year} report follows the format of its time.",
        },
    }

    def on_document(self, doc, ctx):
        if doc.pre2019 is None:
            return
        found = "、".join(dict.fromkeys(ctx.text[s.start : s.end].strip() for s in doc.headings.old[:3]))
        year = doc.meta.year
        if year is not None and year < FIRST_YEAR:
            # the old format was the right one then: say why nothing else is checked, no error
            if found:
                ctx.report("old_year", doc.pre2019, year=year, found=found, severity=Severity.INFORMATION)
            else:
                ctx.report("old_year_plain", doc.pre2019, year=year, severity=Severity.INFORMATION)
            return
        ctx.report("old", doc.pre2019, found=found)
