"""GX103 empty-section — 部分没有内容或缺少表格

## 检查内容

一个部分只有标题、下面没有任何内容；或者二、三、四部分的标题下没有对应的统计表
（表二 主动公开政府信息情况、表三 收到和处理政府信息公开申请情况、表四 行政复议和行政诉讼情况）。
常见于网页转载时表格是图片、被丢掉了。

表格的表头和行标签写在正文里（“第二十条第（一）项”“本年制发件数”，“自然人”“商业企业”“本年新收……”，
“结果维持”“尚未审结”……），只是读不出单元格（网页转载把单元格连在一起）时，表格不是“缺失”，本规则不报告。

## 为什么

二、三、四部分的内容就是统一格式规定的统计表；没有表，这一部分等于没有报告。

## 示例

```report bad
一、总体情况
本年度……
二、主动公开政府信息情况

三、收到和处理政府信息公开申请情况
```

```report good
一、总体情况
本年度……
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 1 | 0 | 5
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》第二、三、四部分的统计表。
"""

from gxlint.api import Rule, Severity, table_labels_present

TABLE_OF = {2: ("t2", "表二"), 3: ("t3", "表三"), 4: ("t4", "表四")}


class EmptySection(Rule):
    code = "GX103"
    name = "empty-section"
    summary_en = "A part without content or without its table"
    family = "structure"
    severity = Severity.ERROR
    messages = {
        "empty": {
            "zh": "“{title}”下没有内容",
            "en": "“{title}” has no content",
        },
        "no_table": {
            "zh": "“{title}”下没有{table}（统计表缺失或未能识别）",
            "en": "“{title}” has no table ({table} is missing or could not be read)",
        },
        "correct.empty": {
            "zh": "在“{title}”下补写本部分内容；确实没有的，写明“无”并说明原因。",
            "en": "Write the content of “{title}”; if there is none, say so and why.",
        },
        "correct.no_table": {
            "zh": "在“{title}”下按格式补上{table}。",
            "en": "Add {table} under “{title}” as the format requires.",
        },
    }

    def on_section(self, section, ctx):
        if ctx.doc.template == "pre2019":
            return  # GX104 says it once; the old structure has no tables 二/三/四
        title = section.canonical
        if section.index in TABLE_OF:
            kind, name = TABLE_OF[section.index]
            if kind not in ctx.doc.tables:
                norm = ctx.doc.norm
                body = norm.text[norm.from_orig(section.body.start) : norm.from_orig(section.body.end)]
                if table_labels_present(kind, body):
                    return  # the table is there, its cells could not be read: not missing
                ctx.report("no_table", section.span, title=title, table=name)
            return
        body = ctx.text[section.body.start : section.body.end]
        if not body.strip(" \t\r\n\u00a0\u3000\u200b\ufeff*#>-_|"):
            ctx.report("empty", section.span, title=title)
