"""GX704 prior-year-figure — 正文引用的上一年度数字与上一年度报告不符

## 检查内容

正文写到上一年度的数字时，与 gxlint 同时读到的同一机关上一年度报告的表三核对：

- 上一年度的件数：“上年度收到政府信息公开申请80件”“去年办结76件”，对照上一年度报告
  表三相应的总计（本年新收、上年结转、办理结果总计、予以公开、部分公开、结转下年度）；
- 同比变化：“收到申请112件，同比增长12%”，由本年件数和上一年度报告的件数算出实际增减幅度，
  相差超过 1 个百分点时提示。

只核对写明是上一年度、说的是哪一类申请、且上一年度报告中该格读得准的数字；约数（约、余、近）
不核对。

## 为什么

年度报告常以“同比”说明工作变化。引用的上一年度数字或增幅与上一年度报告对不上，说明其中有一处
写错，或统计口径变了却没有说明，读者会据此得出错误的判断。

## 示例

```report bad
=== 青云县司法局2022年政府信息公开工作年度报告.txt ===
青云县司法局2022年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
| 一、本年新收政府信息公开申请数量 | 80 | 0 | 0 | 0 | 0 | 0 | 80 |
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
一、总体情况
本年度收到政府信息公开申请100件，上年度收到政府信息公开申请90件。
```

```report good
=== 青云县司法局2022年政府信息公开工作年度报告.txt ===
青云县司法局2022年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
| 一、本年新收政府信息公开申请数量 | 80 | 0 | 0 | 0 | 0 | 0 | 80 |
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
一、总体情况
本年度收到政府信息公开申请100件，上年度收到政府信息公开申请80件。
```

## 依据

国办公开办函〔2021〕30号附件《政府信息公开工作年度报告格式》表三；
《中华人民共和国政府信息公开条例》第五十条（年度报告应如实反映工作情况）。
"""

from gxlint.api import Rule, Severity, Span, fmt_num

SUBJECT_CELL = {
    "received": "r1",
    "carried_prev": "r2",
    "answered": "r3_7",
    "handled": "r3_7",
    "carried_next": "r4",
    "disclosed": "r3_1",
    "partial": "r3_2",
}
SUBJECT_ZH = {
    "received": "本年新收申请",
    "carried_prev": "上年结转申请",
    "answered": "办结申请",
    "handled": "办理申请",
    "carried_next": "结转下年度申请",
    "disclosed": "予以公开",
    "partial": "部分公开",
}
SUBJECT_EN = {
    "received": "requests received",
    "carried_prev": "requests carried over",
    "answered": "requests answered",
    "handled": "requests handled",
    "carried_next": "requests carried forward",
    "disclosed": "disclosed",
    "partial": "partly disclosed",
}
TOLERANCE = 1.0  # percentage points: a change written rounded to whole per cent


class PriorYearFigure(Rule):
    code = "GX704"
    name = "prior-year-figure"
    summary_en = "A figure of last year quoted in the text differs from last year's report"
    family = "across"
    severity = Severity.WARNING
    messages = {
        "count": {
            "zh": "正文说上一年度{what} {value} 件，但 {prev} 年报告表三为 {old} 件",
            "en": "the text gives {value} {what} last year, but the {prev} report's table 三 says {old}",
        },
        "change": {
            "zh": "正文说{what}比上年{dir} {value}%，但按 {prev} 年报告的 {old} 件和本年的 {cur} 件，实际{real}",
            "en": "the text says {what} changed by {value}% on last year, but from {old} in the {prev} report to {cur} "
            "this year the change is {real}",
        },
        "other": {"zh": "{prev} 年报告表三：{old}", "en": "the {prev} report's table 三: {old}"},
        "correct.count": {
            "zh": "核对正文引用的上一年度{what}（{value} 件），与 {prev} 年报告（{old} 件）一致。",
            "en": "Check last year's {what} quoted in the text ({value}) against the {prev} report ({old}).",
        },
        "correct.change": {
            "zh": "按 {prev} 年报告（{old} 件）和本年（{cur} 件）重新计算增减，改正正文。",
            "en": "Recompute the change from the {prev} report ({old}) and this year ({cur}) and correct the text.",
        },
    }

    def on_index(self, report, index, ctx):
        prev = index.previous(report)
        if prev is None:
            return
        names = SUBJECT_EN if ctx.lang == "en" else SUBJECT_ZH
        for f in report.figures:
            rid = SUBJECT_CELL.get(f["subject"])
            old = prev.cell(f"t3.{rid}.tot") if rid else None
            if old is None:
                continue
            ref = f["ref"]
            rel = [ctx.related_in(prev.path, old, "other", prev=prev.year, old=fmt_num(old.value))]
            if f["kind"] == "count" and abs(f["value"] - old.value) > 1e-9:
                ctx.report(
                    "count",
                    Span(ref.start, ref.end),
                    what=names[f["subject"]],
                    value=fmt_num(f["value"]),
                    prev=prev.year,
                    old=fmt_num(old.value),
                    related=rel,
                    data={"other_path": prev.path, "other_value": old.value},
                )
            elif f["kind"] == "change" and old.value > 0:
                real = (f["current"] - old.value) / old.value * 100
                if abs(real - f["value"]) <= TOLERANCE:
                    continue
                if ctx.lang == "en":
                    real_s = f"{real:+.1f}%"
                    d = ""
                else:
                    real_s = ("增长 " if real >= 0 else "下降 ") + f"{abs(real):.1f}%"
                    d = "增长" if f["value"] >= 0 else "下降"
                ctx.report(
                    "change",
                    Span(ref.start, ref.end),
                    what=names[f["subject"]],
                    dir=d,
                    value=fmt_num(abs(f["value"])),
                    prev=prev.year,
                    old=fmt_num(old.value),
                    cur=fmt_num(f["current"]),
                    real=real_s,
                    related=rel,
                    data={"other_path": prev.path, "other_value": old.value, "real_change": real},
                )
