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

from gxlint.api import COLUMN_NAMES_EN, Edit, Fix, Rule, Severity, all_identities, fmt_num, reportable


class RowTotalMismatch(Rule):
    code = "GX301"
    name = "row-total-mismatch"
    summary_en = "A row of table 3: the total is not the sum of the applicants"
    family = "arithmetic"
    severity = Severity.ERROR
    checks = ("T3.rowsum", "T3.subtotal")  # the identities it reports (gxlint.identities)
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
        "rowsum_cell": {
            "zh": "“{row}”行：各申请人列之和为 {parts}，总计列为 {total}；{column}列的合计也对不上，"
            "两处都指向这一格：{column} {value}，按勾稽关系应为 {should}",
            "en": "row “{row}”: the applicant columns add up to {parts}, the total column says {total}; "
            "the {column_en} column does not add up either; both point at this cell: {value} should be {should}",
        },
        "exhausted": {
            "zh": "“{row}”行的数字连在一起（{written}），无论怎样拆分成各单元格，各申请人列之和都不等于总计；"
            "最可能的读法是 {reading}（各列之和 {parts}，总计 {total}）",
            "en": "row “{row}”: its digits run together ({written}) and however they are split into cells, the "
            "applicant columns never add up to the total; the likeliest reading is {reading} "
            "(columns {parts}, total {total})",
        },
        "part": {"zh": "{col}：{value}", "en": "{col}: {value}"},
        "total": {"zh": "总计：{value}", "en": "total: {value}"},
        "fix": {"zh": "把总计改为 {parts}", "en": "set the total to {parts}"},
        "fix_cell": {"zh": "把{column}改为 {should}", "en": "set {column_en} to {should}"},
        "correct.rowsum": {
            "zh": "核对“{row}”行，以原始台账为准更正，使各申请人列之和（现为 {parts}）等于总计（现为 {total}）。",
            "en": "Check the row “{row}” against the records and correct it so that the applicant columns (now {parts}) add up to the total (now {total}).",
        },
        "correct.subtotal": {
            "zh": "核对“{row}”行，以原始台账为准更正，使五类法人或其他组织之和（现为 {parts}）等于小计（现为 {total}）。",
            "en": "Check the row “{row}” against the records so that the five organisation columns (now {parts}) add up to the subtotal (now {total}).",
        },
        "correct.rowsum_cell": {
            "zh": "重点核对“{row}”行{column}一格（现为 {value}，按勾稽关系应为 {should}），以原始台账为准更正。",
            "en": "Check the cell {column_en} of the row “{row}” first (now {value}; the totals agree if it is {should}) and correct it from the records.",
        },
        "correct.exhausted": {
            "zh": "对照原表核对并更正“{row}”行的数字，使各申请人列之和等于总计。",
            "en": "Check the numbers of the row “{row}” against the original and correct them so that the columns add up to the total.",
        },
    }

    def on_document(self, doc, ctx):
        for ident in all_identities(doc):
            if ident.check not in self.checks or not reportable(ident):
                continue
            parts, total = fmt_num(ident.rhs_value), fmt_num(ident.lhs_value)
            related = [
                ctx.related(t.cell.span, "part", col=t.label, value=fmt_num(t.value)) for t in ident.rhs if t.cell
            ]
            cell = ident.target
            culprit = ident.culprit
            if culprit is not None and culprit is not cell and ident.id == "T3.rowsum":
                # a column identity fails with the same correction at one cell of this row: that cell
                fix_v = fmt_num(ident.extra["culprit_fix"])
                col = ident.extra["culprit_column"]
                col_en = COLUMN_NAMES_EN.get(culprit.column, culprit.column)
                related = [ctx.related(cell.span, "total", value=total)] + [
                    r for r, t in zip(related, [t for t in ident.rhs if t.cell]) if t.cell is not culprit
                ]
                fix = Fix(
                    ctx.message("fix_cell", column=col, column_en=col_en, should=fix_v),
                    (Edit(culprit.span.start, culprit.span.end, fix_v),),
                    safe=False,
                )
                ctx.report(
                    "rowsum_cell",
                    culprit.span,
                    row=ident.where,
                    parts=parts,
                    total=total,
                    column=col,
                    column_en=col_en,
                    value=fmt_num(culprit.value),
                    should=fix_v,
                    related=related,
                    fix=fix,
                    data={
                        "identity": ident.id,
                        "arithmetic": ident.arithmetic(),
                        "cell": culprit.column,
                        **ident.extra,
                    },
                )
                continue
            if ident.extra.get("exhausted"):  # no fix: which cell holds which digits is not known
                ctx.report(
                    "exhausted",
                    cell.span,
                    row=ident.where,
                    parts=parts,
                    total=total,
                    related=related,
                    written=ident.extra["written"],
                    reading=ident.extra["reading"],
                    data={"identity": ident.id, "arithmetic": ident.arithmetic(), **ident.extra},
                )
                continue
            fix = Fix(ctx.message("fix", parts=parts), (Edit(cell.span.start, cell.span.end, parts),), safe=False)
            mid = "subtotal" if ident.id == "T3.subtotal" else "rowsum"
            ctx.report(
                mid,
                cell.span,
                row=ident.where,
                parts=parts,
                total=total,
                related=related,
                fix=fix,
                data={"identity": ident.id, "arithmetic": ident.arithmetic(), **ident.extra},
            )
