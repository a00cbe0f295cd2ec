"""GX702 in-force-drift — 现行有效件数与上一年度对不上

## 检查内容

同一机关相邻两年按 2021 年格式填写的报告：表二“规章”“行政规范性文件”两行，
上一年度的现行有效件数 + 本年制发件数 − 本年废止件数，应等于本年的现行有效件数。
不相等时提示（警告），并说明差额：各地常有集中清理（一次性宣布失效、整理汇编），
这类变化不一定计入“本年废止件数”，因此只作提醒，请核实并在报告中说明。
只在 gxlint 同时读到同一机关上一年度的报告时检查。

## 为什么

现行有效件数是逐年累计的存量：上一年末的存量，加上本年制发、减去本年废止，就是本年末的
存量。对不上通常是照抄了上一年的数字，或废止、失效的文件没有统计进去。

## 示例

```report bad
=== 青云县司法局2022年政府信息公开工作年度报告.txt ===
青云县司法局2022年政府信息公开工作年度报告
二、主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 行政规范性文件 | 3 | 1 | 20 |
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
二、主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 行政规范性文件 | 4 | 2 | 20 |
```

```report good
=== 青云县司法局2022年政府信息公开工作年度报告.txt ===
青云县司法局2022年政府信息公开工作年度报告
二、主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 行政规范性文件 | 3 | 1 | 20 |
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
二、主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 行政规范性文件 | 4 | 2 | 22 |
```

## 依据

国办公开办函〔2021〕30号附件《政府信息公开工作年度报告格式》表二（本年制发件数、本年废止件数、
现行有效件数）。
"""

from gxlint.api import Rule, Severity, Span, fmt_num

ROWS = (("rules", "规章", "rules"), ("docs", "行政规范性文件", "normative documents"))


class InForceDrift(Rule):
    code = "GX702"
    name = "in-force-drift"
    summary_en = "The count of documents in force does not follow from last year's"
    family = "across"
    severity = Severity.WARNING
    messages = {
        "drift": {
            "zh": "表二“{row}”现行有效件数为 {valid}，但 {prev} 年的 {old} 件加本年制发 {made} 件、减本年废止 {repealed} 件"
            "应为 {want}（相差 {diff}）；如有集中清理、宣布失效未计入“本年废止件数”，请核实并在报告中说明",
            "en": "table 二 “{row}”: {valid} in force, but {old} in force in {prev} + {made} made − {repealed} repealed "
            "is {want} (a difference of {diff}); bulk clean-ups are sometimes not counted as repealed: "
            "check and explain in the report",
        },
        "other": {
            "zh": "{prev} 年报告中“{row}”现行有效件数为 {old}",
            "en": "the {prev} report's “{row}”: {old} in force",
        },
        "correct.drift": {
            "zh": "核对“{row}”的现行有效件数（{valid}，按 {prev} 年的数字应为 {want}）；有集中清理、宣布失效等原因的，在报告中说明。",
            "en": "Check the count in force of “{row}” ({valid}; {want} from the {prev} figures); explain a clean-up or repeal in the report.",
        },
    }

    def on_index(self, report, index, ctx):
        prev = index.previous(report)
        if prev is None:
            return
        for rid, zh, en in ROWS:
            row = en if ctx.lang == "en" else zh
            valid, made, rep = (report.cell(f"t2.{rid}.{c}") for c in ("valid", "made", "repealed"))
            old = prev.cell(f"t2.{rid}.valid")
            if None in (valid, made, rep, old):
                continue
            want = old.value + made.value - rep.value
            if abs(want - valid.value) < 1e-9:
                continue
            ctx.report(
                "drift",
                Span(valid.start, valid.end),
                row=row,
                valid=fmt_num(valid.value),
                prev=prev.year,
                old=fmt_num(old.value),
                made=fmt_num(made.value),
                repealed=fmt_num(rep.value),
                want=fmt_num(want),
                diff=fmt_num(abs(want - valid.value)),
                related=[ctx.related_in(prev.path, old, "other", prev=prev.year, row=row, old=fmt_num(old.value))],
                data={"row": rid, "other_path": prev.path, "other_year": prev.year, "expected": want},
            )
