"""GX302 outcome-total-mismatch — 表三（七）总计不等于各办理结果之和

## 检查内容

表三每一列：（七）总计 = 各办理结果行之和（（一）予以公开、（二）部分公开、（三）不予公开 1–8、
（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理 1–3；v2019 的（六）其他处理只有一行）。
每列单独核对——错误常常只在一个申请人列里。缺行、空白或错位的列不核对。

## 为什么

这是表三的纵向勾稽关系；（七）总计与办理结果不符，本年度办理了多少件就说不清。

## 示例

```report bad
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1
（二）部分公开（区分处理的,只计这一情形,不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0
4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0
5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0
8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.本机关不掌握相关政府信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0
四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1
```

```report good
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1
（二）部分公开（区分处理的,只计这一情形,不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0
4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0
5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0
8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.本机关不掌握相关政府信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1
四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表三“三、本年度办理结果”。
"""

from gxlint.api import COLUMN_NAMES_EN, Edit, Fix, Rule, Severity, all_identities, fmt_num, reportable


class OutcomeTotalMismatch(Rule):
    code = "GX302"
    name = "outcome-total-mismatch"
    summary_en = "Table 3: （七）总计 is not the sum of the outcomes"
    family = "arithmetic"
    severity = Severity.ERROR
    checks = ("T3.outsum",)  # the identities it reports (gxlint.identities)
    fixable = True
    messages = {
        "outsum": {
            "zh": "（七）总计 {column}为 {total}，但各办理结果之和为 {parts}",
            "en": "（七）总计, {column_en} column: {total}, but the outcome rows add up to {parts}",
        },
        "outsum_cell": {
            "zh": "（七）总计 {column}为 {total}，但各办理结果之和为 {parts}；“{row}”行的合计也对不上，"
            "问题很可能在“{row}”{cname}这一格（{value}）",
            "en": "（七）总计, {column_en} column: {total}, but the outcome rows add up to {parts}; row “{row}” does not "
            "add up either, so the likely error is its {column_en} cell ({value})",
        },
        "part": {"zh": "{row}：{value}", "en": "{row}: {value}"},
        "fix": {"zh": "把（七）总计改为 {parts}", "en": "set （七）总计 to {parts}"},
        "correct.outsum": {
            "zh": "核对{column}，以原始台账为准更正，使（七）总计（现为 {total}）等于各办理结果之和（现为 {parts}）。",
            "en": "Check {column_en} against the records so that （七）总计 (now {total}) equals the sum of the outcomes (now {parts}).",
        },
        "correct.outsum_cell": {
            "zh": "重点核对{column}“{row}”一格（{value}），使（七）总计与各办理结果之和一致。",
            "en": "Check the cell {column_en} of “{row}” first ({value}) so that （七）总计 equals the sum of the outcomes.",
        },
    }

    def on_document(self, doc, ctx):
        for ident in all_identities(doc):
            if ident.check not in self.checks or not reportable(ident):
                continue
            parts, total = fmt_num(ident.rhs_value), fmt_num(ident.lhs_value)
            related = [
                ctx.related(t.cell.span, "part", row=t.label, value=fmt_num(t.value))
                for t in ident.rhs
                if t.cell and t.value
            ]
            cell = ident.target
            fix = Fix(ctx.message("fix", parts=parts), (Edit(cell.span.start, cell.span.end, parts),), safe=False)
            culprit = ident.culprit
            if culprit is not None and culprit is not cell:
                ctx.report(
                    "outsum_cell",
                    cell.span,
                    column=ident.where,
                    column_en=COLUMN_NAMES_EN.get(ident.extra.get("column", ""), ""),
                    total=total,
                    parts=parts,
                    row=ident.extra["culprit_row"],
                    cname=ident.extra["culprit_column"],
                    value=fmt_num(culprit.value),
                    related=related,
                    fix=None,
                    data={"identity": ident.id, "arithmetic": ident.arithmetic(), **ident.extra},
                )
                continue
            ctx.report(
                "outsum",
                cell.span,
                column=ident.where,
                column_en=COLUMN_NAMES_EN.get(ident.extra.get("column", ""), ""),
                total=total,
                parts=parts,
                related=related,
                fix=fix,
                data={"identity": ident.id, "arithmetic": ident.arithmetic(), **ident.extra},
            )
