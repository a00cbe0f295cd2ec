"""GX701 carry-over-mismatch — 上年结转与上一年度报告的结转下年度不一致

## 检查内容

同一机关相邻两年的报告：本年表三“二、上年结转政府信息公开申请数量”应等于上一年度报告
表三“四、结转下年度继续办理”，逐个申请人列（自然人、商业企业、科研机构、社会公益组织、
法律服务机构、其他、总计）核对。只在 gxlint 同时读到同一机关上一年度的报告时检查
（`gxlint check 目录`，或 `--history 往年报告目录`；编辑器中为工作区里的其他报告）。
某一申请人列不一致时报告该列；总计列只在各申请人列都一致（或无法读取）时单独报告，
不因同一差额重复报告。

## 为什么

上一年没有办完、结转到下一年的申请，就是下一年从上一年接过来的申请，两个数字说的是同一批
申请。对不上，说明有一年的表填错了，或有申请在两年之间“消失”或“多出”。审核时需要把上一年
的报告放在旁边逐列核对，工具可以代劳。

## 示例

```report bad
=== 青云县司法局2022年政府信息公开工作年度报告.txt ===
青云县司法局2022年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
| 四、结转下年度继续办理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
```

```report good
=== 青云县司法局2022年政府信息公开工作年度报告.txt ===
青云县司法局2022年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
| 四、结转下年度继续办理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
| 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
```

## 依据

国办公开办函〔2021〕30号附件《政府信息公开工作年度报告格式》表三及其勾稽关系说明
（“第一项加第二项之和，等于第三项加第四项之和”：结转下年度的申请计入下一年度的第二项）。
"""

from gxlint.api import COLUMN_NAMES, COLUMN_NAMES_EN, Rule, Severity, Span, fmt_num

COLUMNS = ("np", "ce", "ri", "sw", "ls", "ot", "tot")


class CarryOverMismatch(Rule):
    code = "GX701"
    name = "carry-over-mismatch"
    summary_en = "Carried over ≠ last year's carried forward"
    family = "across"
    severity = Severity.ERROR
    messages = {
        "mismatch": {
            "zh": "表三“二、上年结转政府信息公开申请数量”{column}列为 {value}，但 {prev} 年报告“四、结转下年度继续办理”"
            "{column}列为 {old}（相差 {diff}）",
            "en": "table 三 “二、上年结转” ({column}) is {value}, but the {prev} report carried {old} into the next "
            "year (“四、结转下年度继续办理”, {column}; a difference of {diff})",
        },
        "other": {
            "zh": "{prev} 年报告中“四、结转下年度继续办理”{column}列为 {old}",
            "en": "the {prev} report's “四、结转下年度继续办理” ({column}) is {old}",
        },
        "correct.mismatch": {
            "zh": "核对表三“二、上年结转”{column}列（{value}）与 {prev} 年报告“四、结转下年度继续办理”（{old}），以实际情况更正；确有差异的，在报告中说明原因。",
            "en": "Check 二、上年结转 ({column}: {value}) against the {prev} report's 四、结转下年度继续办理 ({old}) and correct it; explain a real difference in the report.",
        },
    }

    def on_index(self, report, index, ctx):
        prev = index.previous(report)
        if prev is None:
            return
        names = COLUMN_NAMES_EN if ctx.lang == "en" else COLUMN_NAMES
        differing = []
        for col in COLUMNS:
            cur, old = report.cell(f"t3.r2.{col}"), prev.cell(f"t3.r4.{col}")
            if cur is None or old is None:
                continue
            if col == "tot" and differing:
                continue  # the total differs because a column does: one finding per cause
            if round(cur.value, 4) != round(old.value, 4):
                differing.append(col)
                ctx.report(
                    "mismatch",
                    Span(cur.start, cur.end),
                    column=names[col],
                    value=fmt_num(cur.value),
                    prev=prev.year,
                    old=fmt_num(old.value),
                    diff=fmt_num(abs(cur.value - old.value)),
                    related=[
                        ctx.related_in(
                            prev.path, old, "other", prev=prev.year, column=names[col], old=fmt_num(old.value)
                        )
                    ],
                    data={
                        "column": col,
                        "other_path": prev.path,
                        "other_year": prev.year,
                        "value": cur.value,
                        "other_value": old.value,
                    },
                )
