"""GX306 implausible-count — 不合常理的数字（提醒）

## 检查内容

不违反严格的勾稽关系、但不合常理的数字，只作提醒（警告）：
- 表二：现行有效件数 < 本年制发件数 − 本年废止件数（v2021）；对外公开总数量 < 本年新公开数量（v2019）；
- 表二：乡镇、街道没有规章制定权，“规章”一行却不为 0；
- 表二 v2019：上一年项目数量 + 本年增/减 < 0。

## 为什么

这些数字通常是填错了列或抄错了年份；提醒起草人复核。

## 示例

```report bad
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 5 | 0 | 3
```

```report good
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 5 | 0 | 30
```

## 依据

《中华人民共和国立法法》关于规章制定权的规定；国办公开办函〔2021〕30号表二的统计口径。
"""

from gxlint.api import Rule, Severity, fmt_num


class ImplausibleCount(Rule):
    code = "GX306"
    name = "implausible-count"
    summary_en = "A number that is implausible (a reminder)"
    family = "arithmetic"
    severity = Severity.WARNING
    messages = {
        "valid": {
            "zh": "“{row}”现行有效件数为 {valid}，少于本年制发 {made} 减本年废止 {repealed}（= {diff}），请核对",
            "en": "“{row}”: {valid} in force is less than made {made} − repealed {repealed} (= {diff}); please check",
        },
        "public_total": {
            "zh": "“{row}”对外公开总数量 {total} 少于本年新公开数量 {new}，请核对",
            "en": "“{row}”: total published {total} is less than newly published {new}; please check",
        },
        "rules_township": {
            "zh": "乡镇、街道没有规章制定权，但“规章”一行为 {values}，请核对",
            "en": "a township/sub-district has no power to make rules, but the 规章 row reads {values}; please check",
        },
        "negative_items": {
            "zh": "“{row}”上一年项目数量 {prev} 加本年增/减 {delta} 小于 0，请核对",
            "en": "“{row}”: previous items {prev} plus this year's change {delta} is below 0; please check",
        },
        "correct.valid": {
            "zh": "核对“{row}”的现行有效件数（{valid}）与本年制发（{made}）、废止（{repealed}）件数；数字无误的，无需修改。",
            "en": "Check the count in force of “{row}” ({valid}) against those made ({made}) and repealed ({repealed}); nothing to do if they are right.",
        },
        "correct.public_total": {
            "zh": "核对“{row}”的对外公开总数量（{total}）与本年新公开数量（{new}）；数字无误的，无需修改。",
            "en": "Check the total published of “{row}” ({total}) against the newly published ({new}); nothing to do if they are right.",
        },
        "correct.rules_township": {
            "zh": "核对“规章”一行（{values}）：乡镇、街道没有规章制定权，一般应填 0。",
            "en": "Check the row 规章 ({values}): a township makes no rules, so it is normally 0.",
        },
        "correct.negative_items": {
            "zh": "核对“{row}”的上一年项目数量（{prev}）和本年增/减（{delta}）。",
            "en": "Check the previous year's count ({prev}) and the change ({delta}) of “{row}”.",
        },
    }

    def on_table(self, table, ctx):
        if table.kind != "t2":
            return
        for row in table.rows.values():
            if row.unreliable:
                continue
            made, rep, valid = row.value("made"), row.value("repealed"), row.value("valid")
            if None not in (made, rep, valid) and valid < made - rep:
                ctx.report(
                    "valid",
                    row.cell("valid").span,
                    row=row.label,
                    valid=fmt_num(valid),
                    made=fmt_num(made),
                    repealed=fmt_num(rep),
                    diff=fmt_num(made - rep),
                )
            new, tot = row.value("new_public"), row.value("total_public")
            if None not in (new, tot) and tot < new:
                ctx.report(
                    "public_total", row.cell("total_public").span, row=row.label, total=fmt_num(tot), new=fmt_num(new)
                )
            prev, delta = row.value("prev_items"), row.value("delta")
            if None not in (prev, delta) and prev + delta < 0:
                ctx.report(
                    "negative_items", row.cell("delta").span, row=row.label, prev=fmt_num(prev), delta=fmt_num(delta)
                )
        level = ctx.settings.organ_level or ctx.doc.meta.organ_level
        r = table.rows.get("t2.rules")
        if level == "township" and r is not None and not r.unreliable:
            vals = [c.value for c in r.cells if c.value is not None]
            if any(v != 0 for v in vals):
                ctx.report("rules_township", r.label_span or r.span, values=" / ".join(fmt_num(v) for v in vals))
