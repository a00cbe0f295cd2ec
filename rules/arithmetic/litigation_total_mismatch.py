"""GX305 litigation-total-mismatch — 表四行政诉讼总计不等于各结果之和

## 检查内容

表四 行政诉讼的两组（未经复议直接起诉、复议后起诉）各自：
总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。表四数字个数不对（GX204）时不核对。

## 为什么

这是表四的勾稽关系；总计与分项不符，说明行政诉讼的数据有误。

## 示例

```report bad
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0
```

```report good
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表四。
"""

from gxlint.api import Rule, Severity, all_identities, fmt_num, reportable

GROUP_EN = {"ld": "litigation (direct)", "lr": "litigation (after review)"}


class LitigationTotalMismatch(Rule):
    code = "GX305"
    name = "litigation-total-mismatch"
    summary_en = "Table 4: a litigation total is not the sum of its outcomes"
    family = "arithmetic"
    severity = Severity.ERROR
    checks = ("T4.sum:ld", "T4.sum:lr")  # the identities it reports (gxlint.identities)
    messages = {
        "sum": {
            "zh": "{group}：结果维持、结果纠正、其他结果、尚未审结之和为 {parts}，总计为 {total}",
            "en": "{group_en}: upheld + corrected + other + pending = {parts}, but the total is {total}",
        },
        "exhausted": {
            "zh": "{group}：这一行的数字连在一起（{written}），无论怎样拆分成各单元格，结果维持、结果纠正、其他结果、"
            "尚未审结之和都不等于总计；最可能的读法是 {reading}（各项之和 {parts}，总计 {total}）",
            "en": "{group_en}: the row's digits run together ({written}) and however they are split into cells, "
            "upheld + corrected + other + pending never equals the total; the likeliest reading is "
            "{reading} (parts {parts}, total {total})",
        },
        "part": {"zh": "{col}：{value}", "en": "{col}: {value}"},
        "correct.sum": {
            "zh": "核对{group}的各项数字，以原始台账为准更正，使结果维持、结果纠正、其他结果、尚未审结之和（现为 {parts}）等于总计（现为 {total}）。",
            "en": "Check the figures of {group_en} against the records so that the outcomes (now {parts}) add up to the total (now {total}).",
        },
        "correct.exhausted": {
            "zh": "对照原表核对并更正{group}的数字，使各项之和等于总计。",
            "en": "Check the numbers of {group_en} against the original and correct them so that they add up to the total.",
        },
    }

    def on_document(self, doc, ctx):
        for ident in all_identities(doc):
            if ident.check not in self.checks or not reportable(ident):
                continue
            related = [
                ctx.related(t.cell.span, "part", col=t.label, value=fmt_num(t.value)) for t in ident.rhs if t.cell
            ]
            g = ident.extra.get("group")
            ctx.report(
                "exhausted" if ident.extra.get("exhausted") else "sum",
                ident.target.span,
                written=ident.extra.get("written", ""),
                reading=ident.extra.get("reading", ""),
                group=ident.where,
                group_en=GROUP_EN.get(g, g),
                parts=fmt_num(ident.rhs_value),
                total=fmt_num(ident.lhs_value),
                related=related,
                data={"identity": ident.id, "arithmetic": ident.arithmetic(), **ident.extra},
            )
