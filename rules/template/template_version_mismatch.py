"""GX201 template-version-mismatch — 表格版本与报告年度不符

## 检查内容

2021 年及以后的年度报告须使用国办公开办函〔2021〕30号格式（v2021）的表格；2019、2020 年度报告使用
国办公开办函〔2019〕60号试行格式（v2019）。表格的版本从标签判断：v2019 表二有“本年新制作数量”
“上一年项目数量”“第二十条第（九）项”，表三的“（六）其他处理”只有一行；v2021 表二为“本年制发件数”
“本年废止件数”“现行有效件数”，表三“（六）其他处理”分 3 行。表二中只有某一块沿用另一版的列
（如 2022 年度报告的第二十条第（一）项仍是“本年新制作数量”），也报告。

一份报告只报告一次；报告年度仍决定哪些行是必需的：另一版格式没有的行不再逐一报告缺失（GX203）。

## 为什么

沿用旧格式的表格，统计口径与当年要求不一致，无法汇总比对。

## 示例

```report bad
2022年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
规章 | 0 | 0 | 0
规范性文件 | 1 | 1 | 5
```

```report good
2022年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 1 | 0 | 5
```

## 依据

国办公开办函〔2021〕30号（2021年9月26日）；国办公开办函〔2019〕60号。
"""

from gxlint.api import Rule, Severity, Span

NAMES = {"v2019": "国办公开办函〔2019〕60号试行格式", "v2021": "国办公开办函〔2021〕30号格式"}
TABLES = {"t2": "表二", "t3": "表三"}


class TemplateVersionMismatch(Rule):
    code = "GX201"
    name = "template-version-mismatch"
    summary_en = "The tables' template does not fit the report year"
    family = "template"
    severity = Severity.WARNING
    messages = {
        "mismatch": {
            "zh": "{year} 年度报告应使用{expected}的表格，{table}使用的是{found}",
            "en": "a {year} report must use the tables of {expected}; {table} follows {found}",
        },
        "correct.mismatch": {
            "zh": "{table}改用{expected}的表格，行、列按该格式填写。",
            "en": "Use the {expected} table for {table}, its rows and columns as that format sets them.",
        },
    }

    def on_document(self, doc, ctx):
        exp = doc.expected_template
        if exp is None or ctx.settings.template is not None:
            return
        for kind in ("t2", "t3"):
            t = doc.tables.get(kind)
            if t is None or t.version is None or not t.rows:
                continue
            if t.version != exp:
                rows, found, name = list(t.rows.values()), t.version, TABLES[kind]
            else:
                # a block of table 二 written in the other template's columns
                other = [(cap, v) for cap, v in t.block_versions.items() if v != exp]
                if not other:
                    continue
                cap, found = other[0]
                rows = [r for r in t.rows.values() if r.block == cap] or list(t.rows.values())
                name = TABLES[kind] + "“" + _display(cap) + "”"
            first = min(rows, key=lambda r: r.span.start)
            at = first.label_span or first.span
            ctx.report(
                "mismatch",
                Span(at.start, at.end),
                year=doc.meta.year,
                expected=NAMES[exp],
                table=name,
                found=NAMES[found],
            )
            return  # one root cause: report it once


def _display(caption: str) -> str:
    return caption.replace("(", "（").replace(")", "）")
