"""GX503 missing-statistics-period — 没有说明统计期限

## 检查内容

报告中没有说明数据的统计期限（如“本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止”）。
写了“统计期限/统计期间/统计时间……”的句子即视为已说明。提示级别：这是惯例，不是格式强制要求。

## 为什么

统计期限说明表格数据覆盖哪一段时间；没有它，数据与其他年度、其他机关的报告无法比较。

## 示例

```report bad
一、总体情况
本年度，我局……
```

```report good
本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。
一、总体情况
本年度，我局……
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》；各地年度报告编制通知的惯例开头。
"""

from gxlint.api import Rule, Severity, Span


class MissingStatisticsPeriod(Rule):
    code = "GX503"
    name = "missing-statistics-period"
    summary_en = "No statistics period"
    family = "meta"
    severity = Severity.INFORMATION
    messages = {
        "missing": {
            "zh": "没有说明统计期限（如“本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止”）",
            "en": "no statement of the statistics period (e.g. “the data cover {y}-01-01 to {y}-12-31”)",
        },
        "correct.missing": {
            "zh": "写明统计期限，如“本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止”。",
            "en": "State the statistics period, e.g. “本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止”.",
        },
    }

    def on_document(self, doc, ctx):
        if doc.meta.period.stated:
            return
        if doc.pre2019 is not None or not doc.sections:
            return  # not a report of this format: GX104 / GX101 say so
        first = doc.sections[0]
        at = doc.meta.title_span or first.span
        y = doc.meta.year if doc.meta.year else "Y"
        ctx.report("missing", Span(at.start, at.end), y=y)
