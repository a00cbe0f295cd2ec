"""GX207 table-unreadable — 表格无法确定地读出

## 检查内容

统计表在文中，但其中的数值无法确定地读出，例如：

- 网页存档丢失了单元格的分隔，相邻单元格的数字连在一起（`申请数量270020130`），而按这一行的单元格数目和
  本行合计，仍有不止一种拆分方式（27|0|0|2|0|1|30 与 2|7|0|0|20|1|30 都成立）；
- 数值行没有行标签，无法确定数值属于哪一行；
- 表格的标签都在，却读不出数值。

每张表只报告一次，指向第一处读不出的位置。读不出的行不参与勾稽核对，也不再报告缺行、单元格数目或
数字格式问题（那是误读，不是报告的错误）。能唯一拆分的行照常读出并核对；悬停可以看到哪些单元格是拆分得出的。

## 为什么

读不准的表格上报告的“错误”多半是误报。如实说明“这张表读不出”，审阅者就知道要对照原件人工核对这部分，
而其余的错误提示仍然可信。

## 示例

```report bad
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量270020130二、上年结转政府信息公开申请数量0000000
```

```report good
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 27 | 0 | 0 | 2 | 0 | 1 | 30
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表二、表三、表四。
"""
from gxlint.api import Rule, Severity, row_name

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
TABLE_NAMES_EN = {"t2": "table 二", "t3": "table 三", "t4": "table 四"}


class TableUnreadable(Rule):
    code = "GX207"
    name = "table-unreadable"
    family = "template"
    severity = Severity.WARNING
    messages = {
        "glued": {
            "zh": "{table}“{row}”相邻单元格的数字连在一起（{raw}），无法确定各单元格的数值{more}；"
                  "涉及的核对已跳过，请对照原表人工核对",
            "en": "{table_en}, “{row}”: the digits of neighbouring cells run together ({raw}) and cannot be "
                  "split into cells with certainty{more_en}; checks involving them were skipped",
        },
        "no_label": {
            "zh": "{table}有数值行没有行标签，无法确定数值属于哪一行；涉及的核对已跳过，请对照原表人工核对",
            "en": "{table_en} has a row of values without a row label: which row they belong to is not "
                  "certain; checks involving it were skipped",
        },
        "no_values": {
            "zh": "{table}的行列标签在，但读不出其中的数值；表格未核对，请对照原表人工核对",
            "en": "{table_en}: its labels are there but its values could not be read; the table was not checked",
        },
        "related": {"zh": "同样无法拆分：{row}", "en": "cannot be split either: {row}"},
    }

    def on_table(self, table, ctx):
        reason = table.unreadable
        if not reason:
            return
        name, name_en = TABLE_NAMES.get(table.kind, table.kind), TABLE_NAMES_EN.get(table.kind, table.kind)
        bad = [r for r in table.rows.values() if r.unreadable]
        span = table.unreadable_span or (bad[0].span if bad else table.span)
        if reason == "glued" and bad:
            first = bad[0]
            raw = " ".join(c.raw for c in first.cells) or "—"
            more = f"，另有 {len(bad) - 1} 行同样无法拆分" if len(bad) > 1 else ""
            more_en = f" ({len(bad) - 1} more row(s) likewise)" if len(bad) > 1 else ""
            related = [ctx.related(r.span, "related", row=_name(table, r)) for r in bad[1:20]]
            ctx.report("glued", span, table=name, table_en=name_en, row=_name(table, first), raw=raw,
                       more=more, more_en=more_en, related=related,
                       data={"reason": reason, "table": table.kind, "rows": [r.id for r in bad]})
            return
        mid = reason if reason in ("no_label", "no_values") else "no_values"
        ctx.report(mid, span, table=name, table_en=name_en, data={"reason": reason, "table": table.kind})


def _name(table, row) -> str:
    if table.kind == "t3":
        return row_name(row)
    if table.kind == "t4":
        return "数据行"
    return row.label
