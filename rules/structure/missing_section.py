"""GX101 missing-section — 缺少必备部分

## 检查内容

年度报告必须包含六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。
缺少其中任何一个部分（找不到它的标题），报告一次，指向它本应出现的位置。

标题的常见变体（如“二、行政机关主动公开政府信息情况”“四、政府信息公开行政复议和行政诉讼情况”）、
繁体、全角/半角标点、前导空格和 NBSP 都能识别。2019 年以前的旧结构报告由 GX104 报告一次，本规则不再逐节报告。

## 为什么

《条例》第五十条规定了年度报告的内容，国办公开办函〔2021〕30号规定了统一格式。
缺少部分是评估中“内容不完整”的典型问题。

## 示例

```report bad
一、总体情况
本年度……
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
无。
```

```report good
一、总体情况
本年度……
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
无。
```

## 依据

《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》。
"""

from gxlint.api import Rule, Severity, Span, template_data


class MissingSection(Rule):
    code = "GX101"
    name = "missing-section"
    summary_en = "A required part of the report is missing"
    family = "structure"
    severity = Severity.ERROR
    messages = {
        "missing": {
            "zh": "缺少“{canonical}”部分",
            "en": "section “{canonical}” is missing",
        },
        "none": {
            "zh": "未找到年度报告规定的六个部分（一、总体情况 … 六、其他需要报告的事项）",
            "en": "none of the six required sections (一、总体情况 … 六、其他需要报告的事项) was found",
        },
        "correct.missing": {
            "zh": "按《政府信息公开工作年度报告格式》补写“{canonical}”部分。",
            "en": "Add the part “{canonical}” as the official format requires.",
        },
        "correct.none": {
            "zh": "按年度报告格式的六个部分（一、总体情况……六、其他需要报告的事项）编写报告。",
            "en": "Write the report in the six parts of the official format (一、总体情况 … 六、其他需要报告的事项).",
        },
    }

    def on_document(self, doc, ctx):
        if doc.template == "pre2019":
            return
        present = {s.index for s in doc.sections}
        if not present:
            ctx.report("none", _first_line(doc))
            return
        secs = sorted(doc.sections, key=lambda s: s.span.start)
        for sec in template_data("common")["section"]:
            idx = sec["index"]
            if idx in present:
                continue
            # point at the heading that follows where it belongs (or the last one)
            after = [s for s in secs if s.index > idx]
            anchor = after[0].span if after else secs[-1].span
            ctx.report("missing", anchor, canonical=sec["canonical"], data={"section": idx, "rank": idx})


def _first_line(doc):
    text = doc.text
    start = len(text) - len(text.lstrip())
    return Span(start, doc.lines.line_end(doc.lines.line_of(start)))  # any line break (\n, \r\n, \r)
