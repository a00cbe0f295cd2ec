"""GX204 cell-count — 一行的数字个数与模板不符

## 检查内容

表格的一行读到的数字比模板规定的多或少：表三每行 7 个（自然人、五类法人或其他组织、总计），
表四一行 15 个，表二各行按其列数。多出或缺少的数字说明这一行错位、漏填或多填，
这一行的数值不能用于勾稽关系（不会在错位的基础上再报告勾稽错误）。

8 列的地方变体（有“小计”列）按 8 个计，并由 GX202 提示它偏离国家模板。

单元格分隔丢失、数字连在一起的表格，按模板的单元格数目拆分；无法唯一拆分的表格由 GX207 报告一次，这里不再报告。

只有各单元格之间有明确分隔（`|`、制表符，或文档自身的表格单元格）时，数字个数才是确定的，才在这里报告；
数字之间只有空格或换行（PDF 提取的文字、OCR 文字）时，多出或缺少的数字也可能是单元格内折行的数字或丢失的空白单元格，
由 GX207 报告一次“读不准”，不在这里报错。

## 为什么

单元格数目不对，读者无法确定每个数字属于哪一列，整行数据失去意义。

## 示例

```report bad
三、收到和处理政府信息公开申请情况
（七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

```report good
三、收到和处理政府信息公开申请情况
（七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表二、表三、表四的列。
"""

from gxlint.api import Rule, Severity, Span, count_certain, row_name


class CellCount(Rule):
    code = "GX204"
    name = "cell-count"
    summary_en = "A row has more or fewer numbers than the template"
    family = "template"
    severity = Severity.ERROR
    messages = {
        "more": {
            "zh": "“{row}”有 {found} 个数字，模板为 {expected} 个；这一行不参与勾稽核对",
            "en": "“{row}” has {found} numbers; the template has {expected} (the row is left out of the identities)",
        },
        "fewer": {
            "zh": "“{row}”只有 {found} 个数字，模板为 {expected} 个；这一行不参与勾稽核对",
            "en": "“{row}” has only {found} numbers; the template has {expected} (the row is left out of the identities)",
        },
        "correct.more": {
            "zh": "核对“{row}”一行：按模板填写 {expected} 个数字（现有 {found} 个）。",
            "en": "Check the row “{row}”: the template has {expected} numbers ({found} now).",
        },
        "correct.fewer": {
            "zh": "核对“{row}”一行：按模板填写 {expected} 个数字（现有 {found} 个），没有数据的填 0。",
            "en": "Check the row “{row}”: the template has {expected} numbers ({found} now); write 0 where there is nothing.",
        },
    }

    def on_table(self, table, ctx):
        if table.unreadable:
            return  # GX207 says once that the table cannot be read with certainty
        for row in table.rows.values():
            if row.found == row.expected or not count_certain(row):
                continue  # numbers only spaced apart: how many cells is not certain (GX207)
            name = row_name(row) if table.kind == "t3" else ("表四数据行" if table.kind == "t4" else row.label)
            if ctx.lang == "en" and table.kind == "t4":
                name = "table 四 data row"
            span = row.span
            if table.kind == "t4" and row.cells:
                span = Span(row.cells[0].span.start, row.cells[-1].span.end)
            mid = "more" if row.found > row.expected else "fewer"
            ctx.report(mid, span, row=name, found=row.found, expected=row.expected, data={"row": row.id})
