"""GX301 row-total-mismatch — 表三一行的总计不等于各申请人之和

## 检查内容

表三每一个数据行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。
每行单独核对；有“小计”列的 8 列变体还核对 小计 = 五类法人或其他组织之和。
空白、无法读出或错位（GX204）的行不核对。

## 为什么

这是表三的横向勾稽关系；总计与分项不符，说明至少有一个数填错了。

## 示例

```report bad
三、收到和处理政府信息公开申请情况
（一）予以公开 | 0 | 9 | 0 | 0 | 0 | 0 | 0
```

```report good
三、收到和处理政府信息公开申请情况
（一）予以公开 | 0 | 9 | 0 | 0 | 0 | 0 | 9
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表三（申请人情况：自然人、法人或其他组织、总计）。
"""
from gxlint.api import Edit, Fix, Rule, Severity, all_identities, fmt_num


class RowTotalMismatch(Rule):
    code = "GX301"
    name = "row-total-mismatch"
    family = "arithmetic"
    severity = Severity.ERROR
    fixable = True
    messages = {
        "rowsum": {
            "zh": "“{row}”行：各申请人列之和为 {parts}，总计列为 {total}",
            "en": "row “{row}”: the applicant columns add up to {parts}, the total column says {total}",
        },
        "subtotal": {
            "zh": "“{row}”行：五类法人或其他组织之和为 {parts}，小计列为 {total}",
            "en": "row “{row}”: the five organisation columns add up to {parts}, the subtotal says {total}",
        },
        "part": {"zh": "{col}：{value}", "en": "{col}: {value}"},
        "fix": {"zh": "把总计改为 {parts}", "en": "set the total to {parts}"},
    }

    def on_document(self, doc, ctx):
        for ident in all_identities(doc):
            if ident.code != self.code or ident.holds is not False:
                continue
            parts, total = fmt_num(ident.rhs_value), fmt_num(ident.lhs_value)
            related = [ctx.related(t.cell.span, "part", col=t.label, value=fmt_num(t.value)) for t in ident.rhs if t.cell]
            cell = ident.target
            fix = Fix(ctx.message("fix", parts=parts), (Edit(cell.span.start, cell.span.end, parts),), safe=False)
            mid = "subtotal" if ident.id == "T3.subtotal" else "rowsum"
            ctx.report(mid, cell.span, row=ident.where, parts=parts, total=total, related=related, fix=fix,
                       data={"identity": ident.id, "arithmetic": ident.arithmetic(), **ident.extra})
