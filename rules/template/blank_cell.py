"""GX206 blank-cell — 单元格留空

## 检查内容

表格中本应填数字的单元格留空（而不是填 0）。空白是“缺失”，不是 0：每张表报告一次，列出空白的位置，
并说明哪些勾稽关系因此没有核对。

## 为什么

没有发生的事项应填 0；留空让读者无法区分“没有”和“漏填”。

## 示例

```report bad
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 |  | 0
```

```report good
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》；统计数据填报的一般要求。
"""

from gxlint.api import Rule, Severity, row_name

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}


class BlankCell(Rule):
    code = "GX206"
    name = "blank-cell"
    summary_en = "A blank cell"
    family = "template"
    severity = Severity.WARNING
    messages = {
        "blank": {
            "zh": "{table}有 {count} 个单元格留空（{where}）；空白不等于 0，涉及这些单元格的勾稽关系未核对",
            "en": "{table} has {count} blank cell(s) ({where}); blank is not 0, identities involving them were not checked",
        },
        "related": {"zh": "空白单元格：{row}", "en": "blank cell: {row}"},
        "correct.blank": {
            "zh": "在{table}的 {count} 个空白单元格（{where}）中填写数字，没有数据的填 0。",
            "en": "Fill in the {count} blank cell(s) of {table} ({where}); write 0 where there is nothing.",
        },
    }

    def on_table(self, table, ctx):
        blanks = [(row, c) for row in table.rows.values() for c in row.cells if c.blank]
        if not blanks:
            return
        names = []
        for row, _c in blanks:
            n = row_name(row) if table.kind == "t3" else row.label
            if n not in names:
                names.append(n)
        where = "、".join(names[:3]) + ("等" if len(names) > 3 else "")
        first = blanks[0][1]
        related = [
            ctx.related(c.span, "related", row=row_name(r) if table.kind == "t3" else r.label) for r, c in blanks[1:20]
        ]
        ctx.report(
            "blank",
            first.span,
            table=TABLE_NAMES.get(table.kind, table.kind),
            count=len(blanks),
            where=where,
            related=related,
        )
