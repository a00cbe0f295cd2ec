"""GX504 outdated-basis — 2021年以后的报告仍以〔2019〕60号为依据

## 检查内容

2021 年及以后的年度报告引用《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国
政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）。该格式已被
国办公开办函〔2021〕30号取代，2021 年度起的报告应依据 30 号文。同一句话里说明 60 号文
已废止、被替代的，不报告。提供一个需人工核对的修复（不标为安全）：把文号改为〔2021〕30号（请核对文件名称）。

## 为什么

引用已被取代的格式文件，通常说明报告套用了旧模板，表格和栏目也可能是旧版（见 GX201）。

## 示例

```report bad
本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制。
某某局2023年政府信息公开工作年度报告
一、总体情况
```

```report good
本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。
某某局2023年政府信息公开工作年度报告
一、总体情况
```

## 依据

国办公开办函〔2021〕30号（2021-09-26）：2021 年度起使用新的年度报告格式。
"""

import re

from gxlint.api import Edit, Fix, Rule, Severity

# on the normalised text: 〔〕 and 【】 are folded to [], （） to ()
_CITE = re.compile(r"(?P<pre>国办公开办函\s*)?[\[(]\s*(?P<y>2019)\s*[\])]\s*(?P<n>60)\s*号")
_CANCEL = re.compile(r"废止|不再执行|停止执行|代替|取代|替代|失效")


class OutdatedBasis(Rule):
    code = "GX504"
    name = "outdated-basis"
    summary_en = "A 2021-or-later report still cites 〔2019〕60号"
    family = "meta"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "outdated": {
            "zh": "{year} 年度报告仍引用国办公开办函〔2019〕60号，该格式已被国办公开办函〔2021〕30号取代",
            "en": "a {year} report cites 国办公开办函〔2019〕60号, superseded by 国办公开办函〔2021〕30号",
        },
        "fix": {
            "zh": "改为〔2021〕30号（请核对文件名称）",
            "en": "cite 〔2021〕30号 instead (check the document's title)",
        },
        "correct.outdated": {
            "zh": "把引用的格式依据改为国办公开办函〔2021〕30号（请核对文件名称）。",
            "en": "Cite 国办公开办函〔2021〕30号 as the format's basis (check the document's name).",
        },
    }

    def on_document(self, doc, ctx):
        year = doc.meta.year
        if year is None or year < 2021:
            return
        text = doc.norm.text
        for m in _CITE.finditer(text):
            if not m.group("pre") and "格式" not in text[max(0, m.start() - 60) : m.start()]:
                continue
            s0 = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            e0 = min([k for k in (text.find("。", m.end()), text.find("\n", m.end())) if k >= 0] or [len(text)])
            if _CANCEL.search(text[s0:e0]):
                continue
            ys, ns = doc.norm.span(m.start("y"), m.end("y")), doc.norm.span(m.start("n"), m.end("n"))
            fix = Fix(ctx.message("fix"), (Edit(ys.start, ys.end, "2021"), Edit(ns.start, ns.end, "30")), safe=False)
            ctx.report("outdated", doc.norm.span(m.start(), m.end()), fix=fix, year=year)
