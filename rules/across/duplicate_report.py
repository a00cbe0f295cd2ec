"""GX703 duplicate-report — 同一报告出现两次，或同一机关同一年度有两份报告

## 检查内容

gxlint 同时读到多份报告时：内容完全相同的两个文件（同一份报告提交或发布了两次）；
或同一机关（名称规范化后相同）同一报告年度的两份内容不同的报告（常见于修订后旧版未撤下、
或把上一年的报告改了标题年份当作本年的）。每份报告在其标题处提示一次，并指出另一份。

## 为什么

同一年度只应有一份年度报告。两份并存时，读者不知道以哪一份为准；跨年度核对（GX701、
GX702、GX704）也无法确定上一年度的数字，此时不作这些核对。

## 示例

```report bad
=== 旧版/青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
一、总体情况
2023年，我局收到申请5件。
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
一、总体情况
2023年，我局收到申请6件。
```

```report good
=== 青云县司法局2022年政府信息公开工作年度报告.txt ===
青云县司法局2022年政府信息公开工作年度报告
一、总体情况
2022年，我局收到申请5件。
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
一、总体情况
2023年，我局收到申请6件。
```

## 依据

《中华人民共和国政府信息公开条例》第五十条（每年1月31日前公布本行政机关上一年度政府信息公开
工作年度报告）。
"""

from gxlint.api import Rule, Severity, Span


class DuplicateReport(Rule):
    code = "GX703"
    name = "duplicate-report"
    summary_en = "A report twice, or two reports of one organ and year"
    family = "across"
    severity = Severity.WARNING
    messages = {
        "same": {
            "zh": "这份报告与 {other} 内容完全相同（同一份报告出现了两次）",
            "en": "this report is identical to {other} (the same report twice)",
        },
        "year": {
            "zh": "{organ}的 {year} 年度报告有两份内容不同的文件：这一份和 {other}；请确认以哪一份为准",
            "en": "{organ} has two different reports for {year}: this one and {other}; which one stands?",
        },
        "other": {"zh": "另一份：{other}", "en": "the other one: {other}"},
        "correct.same": {
            "zh": "撤回重复报送的文件，只保留一份（与 {other} 相同）。",
            "en": "Withdraw the duplicate; keep one file (the same as {other}).",
        },
        "correct.year": {
            "zh": "确认以哪一份为准（这一份或 {other}），撤回另一份。",
            "en": "Say which file stands (this one or {other}) and withdraw the other.",
        },
    }

    def on_index(self, report, index, ctx):
        anchor = report.anchor
        span = Span(anchor.start, anchor.end) if anchor else Span(0, 0)
        same = index.same_content(report)
        if same:
            o = same[0]
            rel = [ctx.related_in(o.path, o.anchor, "other", other=ctx.name_of(o.path))] if o.anchor else []
            ctx.report("same", span, other=ctx.name_of(o.path), related=rel, data={"other_path": o.path})
            return
        others = [o for o in index.of_year(report, report.year) if o.sha != report.sha]
        if others:
            o = others[0]
            rel = [ctx.related_in(o.path, o.anchor, "other", other=ctx.name_of(o.path))] if o.anchor else []
            ctx.report(
                "year",
                span,
                organ=report.organ_written or report.organ,
                year=report.year,
                other=ctx.name_of(o.path),
                related=rel,
                data={"other_path": o.path},
            )
