"""GX303 balance-mismatch — 表三“第一项加第二项之和，等于第三项加第四项之和”不成立

## 检查内容

表三每一列：一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理
（表三的角注就写着这条勾稽关系）。
如果（七）总计本身就与各办理结果之和不符（GX302），而按办理结果之和这条关系成立，
说明问题只在（七）总计那一格，不再重复报告。

## 为什么

收到的（新收加结转）必须等于处理掉的（办结加结转下年）；不平衡说明有申请“消失”或“多出”。

## 示例

```report bad
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（七）总计 | 4 | 0 | 0 | 0 | 0 | 0 | 4
四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

```report good
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（七）总计 | 4 | 0 | 0 | 0 | 0 | 0 | 4
四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表三角注：
“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。
"""

from gxlint.api import COLUMN_NAMES_EN, Rule, Severity, all_identities, fmt_num, reportable


class BalanceMismatch(Rule):
    code = "GX303"
    name = "balance-mismatch"
    summary_en = "Table 3: received + carried over ≠ handled + carried forward"
    family = "arithmetic"
    severity = Severity.ERROR
    checks = ("T3.balance",)  # the identities it reports (gxlint.identities)
    messages = {
        "balance": {
            "zh": "{column}：一、本年新收 + 二、上年结转 = {lhs}，而（七）总计 + 四、结转下年度 = {rhs}",
            "en": "{column_en} column: new + carried over = {lhs}, but （七）总计 + carried forward = {rhs}",
        },
        "balance_cell": {
            "zh": "{column}：一、本年新收 + 二、上年结转 = {lhs}，而（七）总计 + 四、结转下年度 = {rhs}；"
            "“{row}”行的合计也对不上，问题很可能在“{row}”{cname}这一格（{value}）",
            "en": "{column_en} column: new + carried over = {lhs}, but （七）总计 + carried forward = {rhs}; row "
            "“{row}” does not add up either, so the likely error is its {column_en} cell ({value})",
        },
        "part": {"zh": "{row}：{value}", "en": "{row}: {value}"},
        "correct.balance": {
            "zh": "核对{column}，以原始台账为准更正，使“一、本年新收 + 二、上年结转”（{lhs}）等于“（七）总计 + 四、结转下年度”（{rhs}）。",
            "en": "Check {column_en} against the records so that 一 + 二 ({lhs}) equals （七）总计 + 四 ({rhs}).",
        },
        "correct.balance_cell": {
            "zh": "重点核对{column}“{row}”一格（{value}），使第一项加第二项之和等于第三项加第四项之和。",
            "en": "Check the cell {column_en} of “{row}” first ({value}) so that 一 + 二 equals 三 + 四.",
        },
    }

    def on_document(self, doc, ctx):
        idents = all_identities(doc)
        outsum = {i.extra.get("column"): i for i in idents if i.id == "T3.outsum"}
        for ident in idents:
            if ident.check not in self.checks or not reportable(ident):
                continue
            col = ident.extra.get("column")
            o = outsum.get(col)
            if o is not None and o.holds is False and o.rhs_value is not None:
                # （七）总计 is wrong on its own (GX302): with the outcome sum the balance holds?
                r4 = ident.rhs[1].value or 0
                if abs(ident.lhs_value - (o.rhs_value + r4)) < 1e-9:
                    continue
            related = [
                ctx.related(t.cell.span, "part", row=t.label, value=fmt_num(t.value))
                for t in ident.lhs + ident.rhs[:1]
                if t.cell
            ]
            culprit = ident.culprit
            if culprit is not None and culprit is not ident.target:
                ctx.report(
                    "balance_cell",
                    ident.target.span,
                    column=ident.where,
                    column_en=COLUMN_NAMES_EN.get(col, ""),
                    lhs=fmt_num(ident.lhs_value),
                    rhs=fmt_num(ident.rhs_value),
                    row=ident.extra["culprit_row"],
                    cname=ident.extra["culprit_column"],
                    value=fmt_num(culprit.value),
                    related=related,
                    data={"identity": ident.id, **ident.extra},
                )
                continue
            ctx.report(
                "balance",
                ident.target.span,
                column=ident.where,
                column_en=COLUMN_NAMES_EN.get(col, ""),
                lhs=fmt_num(ident.lhs_value),
                rhs=fmt_num(ident.rhs_value),
                related=related,
                data={"identity": ident.id, **ident.extra},
            )
