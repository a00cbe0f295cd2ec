"""GX205 malformed-number — 单元格里的数字不规范

## 检查内容

数字单元格里不是规范的数：多余的前导零（`00`）、错用的分隔符（`1,2`）、横线或斜线（`—`、`/`）、
混入字母（`1O`）、件数写成小数（`1.5`）、件数为负或带正负号、位数多得不可能的数（整数部分超过 15 位，
不参与勾稽核对）。
表二 v2019 的“本年增/减”列可以带符号（`增1`、`减2`、`+3`、`-1`），收费金额、采购金额可以是小数，不报告。
可以读出数值的（如 `00` 读作 0）仍参与勾稽核对。
无法确定地读出的表格（GX207）不报告：连在一起的数字不是不规范的数字。

## 为什么

统计表是给人和程序读的；不规范的数字会被汇总系统误读或拒收。

## 示例

```report bad
三、收到和处理政府信息公开申请情况
（七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 00
```

```report good
三、收到和处理政府信息公开申请情况
（七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》；统计数据填报的一般要求。
"""

from gxlint.api import Edit, Fix, Rule, Severity, cell_certain, fmt_num, row_name


class MalformedNumber(Rule):
    code = "GX205"
    name = "malformed-number"
    summary_en = "A number in a cell is malformed"
    family = "template"
    severity = Severity.ERROR
    fixable = True
    messages = {
        "bad": {
            "zh": "“{row}”的“{raw}”不是规范的数字：{why}",
            "en": "“{raw}” in “{row}” is not a well-formed number: {why_en}",
        },
        "too_long": {
            "zh": "“{row}”的数字有 {digits} 位（{shown}），不可能是统计数字",
            "en": "the number in “{row}” has {digits} digits ({shown}): not a plausible figure",
        },
        "fix": {"zh": "改为 {value}", "en": "write {value}"},
        "correct.bad": {
            "zh": "把“{row}”的“{raw}”改为规范的数字。",
            "en": "Write “{raw}” in the row “{row}” as a plain number.",
        },
        "correct.too_long": {
            "zh": "核对“{row}”的数字（{shown}），按实际数量填写。",
            "en": "Check the number of the row “{row}” ({shown}) and write the actual count.",
        },
    }

    def on_table(self, table, ctx):
        if table.unreadable:
            return  # GX207 says once that the table cannot be read with certainty
        for row in table.rows.values():
            name = row_name(row) if table.kind == "t3" else row.label
            for cell in row.cells:
                if cell.malformed is None or cell.blank or not cell_certain(cell):
                    continue  # a number read with doubt is not called malformed (GX207 says why)
                if cell.malformed == "数字位数过多":
                    digits = sum(1 for ch in cell.raw if ch.isdigit())
                    ctx.report(
                        "too_long",
                        cell.span,
                        row=name,
                        digits=digits,
                        shown=_shorten(cell.raw),
                        data={"row": row.id, "column": cell.column},
                    )
                    continue
                fix = None
                if cell.malformed == "多余的前导零" and cell.value is not None:
                    v = fmt_num(cell.value)
                    fix = Fix(ctx.message("fix", value=v), (Edit(cell.span.start, cell.span.end, v),), safe=True)
                ctx.report(
                    "bad",
                    cell.span,
                    row=name,
                    raw=cell.raw,
                    why=cell.malformed,
                    why_en=_EN.get(cell.malformed, cell.malformed),
                    fix=fix,
                    data={"row": row.id, "column": cell.column},
                )


def _shorten(raw: str) -> str:
    return raw if len(raw) <= 24 else f"{raw[:12]}…{raw[-6:]}"


_EN = {
    "多余的前导零": "superfluous leading zero",
    "件数不能是小数": "a count cannot be a decimal",
    "件数不能为负": "a count cannot be negative",
    "件数不应带符号": "a count takes no sign",
    "用横线或斜线代替数字": "a dash or slash instead of a number",
    "数字中混有字母": "letters mixed into the number",
    "不是规范的数字": "not a number",
    "数字位数过多": "far too many digits",
}
