"""GX202 nonstandard-label — 标签与模板用语不一致

## 检查内容

表格的行标签、列标题与统一格式的用语不一致——不是标点、空格、全半角或繁简的差别，而是字词不同，例如：
- “2.其他法律法规禁止公开”（模板为“2.其他法律行政法规禁止公开”）；
- 表二列标题被截断成“本年新”（模板为“本年新制作数量”“本年新公开数量”）；
- 表三多出“小计”列（地方变体的 8 列表，国家模板为 7 列）；
- 部分标题写错或多了字词，如“四、政府信息公开行政法复议、行政诉讼情况”，或统计部分按报告自己的方式编号
  （“（一）主动公开情况”）。这一部分仍然按所在位置认出（不报告缺少部分），只提示标题与格式不一致。

“本年收费金额（单位：万元，保留4位小数）”是公认的变体，不报告。

## 为什么

标签是统计口径的定义；改动字词，读者无法确认这一行统计的是否就是模板规定的事项。

## 示例

```report bad
三、收到和处理政府信息公开申请情况
（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.其他法律法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

```report good
三、收到和处理政府信息公开申请情况
（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表二、表三、表四。
"""

from gxlint.api import Edit, Fix, Rule, Severity


class NonstandardLabel(Rule):
    code = "GX202"
    name = "nonstandard-label"
    summary_en = "A label differs from the template's wording"
    family = "template"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "row": {
            "zh": "行标签“{written}”与模板“{expected}”不一致",
            "en": "row label “{written}” differs from the template’s “{expected}”",
        },
        "header": {
            "zh": "列标题“{written}”与模板“{expected}”不一致",
            "en": "column header “{written}” differs from the template’s “{expected}”",
        },
        "unknown_header": {
            "zh": "列标题“{written}”不是模板中的列",
            "en": "column header “{written}” is not a column of the template",
        },
        "subtotal": {
            "zh": "表三多出“{written}”列（8 列的地方变体），国家模板为 7 列：自然人、五类法人或其他组织、总计",
            "en": "table 三 has an extra “{written}” column (an 8-column local variant); the national template has 7",
        },
        "heading": {
            "zh": "部分标题“{written}”与格式规定的“{expected}”不一致",
            "en": "section heading “{written}” differs from the format’s “{expected}”",
        },
        "headings": {
            "zh": "{count} 个部分的标题按报告自己的方式编写，与格式规定的不一致（“{written}”应为“{expected}”，其余见相关位置）",
            "en": "{count} section headings are written the report’s own way, not as the format has them (“{written}” should be “{expected}”; see the related places for the others)",
        },
        "fix": {"zh": "改为模板用语“{expected}”", "en": "use the template wording “{expected}”"},
        "correct.row": {
            "zh": "把行标签“{written}”改为模板用语“{expected}”。",
            "en": "Write the row label as the template does: “{expected}”, not “{written}”.",
        },
        "correct.header": {
            "zh": "把列标题“{written}”改为模板用语“{expected}”。",
            "en": "Write the column heading as the template does: “{expected}”, not “{written}”.",
        },
        "correct.unknown_header": {
            "zh": "核对列“{written}”：按模板设置表格的列，删除模板中没有的列。",
            "en": "Check the column “{written}”: set the table's columns as the template does, without extra ones.",
        },
        "correct.subtotal": {
            "zh": "删除“{written}”列，按国家模板的 7 列（自然人、五类法人或其他组织、总计）填写表三。",
            "en": "Remove the column “{written}” and fill in table 3 in the template's 7 columns.",
        },
        "correct.heading": {
            "zh": "把部分标题改为格式规定的“{expected}”。",
            "en": "Title this part “{expected}” as the format does.",
        },
        "correct.headings": {
            "zh": "按格式改正 {count} 个部分的标题（如“{written}”改为“{expected}”）。",
            "en": "Title the {count} parts as the format does (e.g. “{expected}”, not “{written}”).",
        },
    }

    def on_document(self, doc, ctx):
        if doc.pre2019 is not None:
            return  # GX104 says it once
        own = []  # parts numbered the report's own way: one root cause, one finding
        for h in doc.headings.nonstandard:
            sec = doc.section(h.index)
            if sec is None:
                continue
            written = ctx.text[h.span.start : h.span.end].strip(" \t*#>:：")
            if h.form == "alt":
                own.append((h.span, written, sec.canonical))
                continue
            fix = None
            if "\n" not in written:
                # a misspelt numbered heading: the format's wording, numeral included
                fix = Fix(
                    ctx.message("fix", expected=sec.canonical),
                    (Edit(h.span.start, h.span.end, sec.canonical),),
                    safe=False,
                )
            ctx.report("heading", h.span, written=written, expected=sec.canonical, fix=fix)
        if len(own) == 1:
            span, written, canonical = own[0]
            ctx.report("heading", span, written=written, expected=canonical)
        elif own:
            span, written, canonical = own[0]
            related = [ctx.related(sp, "heading", written=w, expected=c) for sp, w, c in own[1:]]
            ctx.report("headings", span, written=written, expected=canonical, count=len(own), related=related)

    def on_table(self, table, ctx):
        for h in table.headers:
            if h.exact:
                continue
            if table.kind == "t3" and h.expected is None and table.variant == "subtotal":
                ctx.report("subtotal", h.span, written=h.written)
            elif h.expected is None:
                ctx.report("unknown_header", h.span, written=h.written)
            else:
                fix = None
                if ctx.text[h.span.start : h.span.end] == h.written:
                    # only a header written in one piece is replaced (a header wrapped inside its
                    # column in PDF text shares its lines with the other headers)
                    fix = Fix(
                        ctx.message("fix", expected=_display(h.expected)),
                        (Edit(h.span.start, h.span.end, _display(h.expected)),),
                        safe=False,
                    )
                ctx.report("header", h.span, written=h.written, expected=_display(h.expected), fix=fix)
        for row in table.rows.values():
            if row.label_exact or row.label_span is None:
                continue
            exp = _display(row.label)
            fix = None
            written = ctx.text[row.label_span.start : row.label_span.end]
            if "\n" not in written and "\r" not in written:
                # a label wrapped over lines may share them with a merged block label: no edit
                fix = Fix(
                    ctx.message("fix", expected=exp), (Edit(row.label_span.start, row.label_span.end, exp),), safe=False
                )
            ctx.report("row", row.label_span, written=row.written.replace("\n", " "), expected=exp, fix=fix)


def _display(label: str) -> str:
    """Template label with the template's full-width punctuation."""
    out = label.replace("(", "（").replace(")", "）").replace(":", "：").replace(",", "，")
    if out.count('"') == 2:
        out = out.replace('"', "“", 1).replace('"', "”", 1)
    return out
