"""GX602 pinyin-residue — 汉字后残留拼音注音

## 检查内容

汉字后面括号里的带声调拼音，如 報(bào)告、申請(qǐng)：网页“注音”功能或机器转换留下的残留。
每个段落最多报告一处（一张表格、一串每格一行的表格单元各算一个段落），指向本段第一处注音并说明本段共有几处；
第一处带删除全文所有拼音注音的修复，其余各处带这一修复在本段之内的部分。
不带声调的括号内字母（如“(PDF)”“(app)”）不算。

## 为什么

注音不是报告内容，打断了词语，也会妨碍检索和比对；它说明报告是从网页转载而来。

## 示例

```report bad
一、总体情况
本年度共受理政府信息公开申请(qǐng)3件。
```

```report good
一、总体情况
本年度共受理政府信息公开申请3件。
```

## 依据

《中华人民共和国国家通用语言文字法》第九条；国办公开办函〔2021〕30号（年度报告按统一格式编制发布）。
"""

from gxlint.api import Edit, Fix, Rule, Severity, paragraph_keys


class PinyinResidue(Rule):
    code = "GX602"
    name = "pinyin-residue"
    summary_en = "Pinyin annotations left after characters"
    family = "hygiene"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "paragraph": {
            "zh": "本段有 {count} 处拼音注音（如“{example}”），应删除",
            "en": "{count} pinyin annotation(s) in this paragraph (e.g. “{example}”); remove them",
        },
        "fix": {
            "zh": "删除全文的拼音注音（{count} 处）",
            "en": "remove every pinyin annotation of the document ({count})",
        },
        "fix_part": {
            "zh": "删除本段的拼音注音（{count} 处）",
            "en": "remove the pinyin annotations of this paragraph ({count})",
        },
        "correct.paragraph": {
            "zh": "删除本段的 {count} 处拼音注音。",
            "en": "Remove the {count} pinyin annotation(s) of this paragraph.",
        },
    }

    def on_document(self, doc, ctx):
        spans = list(doc.norm.pinyin)
        if not spans:
            return
        if ctx.settings.is_enabled("GX605", "page-residue", doc.path):
            dead = {doc.lines.line_of(r.span.start) for r in doc.debris.residue}
            if dead:
                spans = [s for s in spans if doc.lines.line_of(s.start) not in dead]
            chrome = [c.delete for c in doc.debris.chrome]  # chrome inside a line
            if chrome:
                spans = [s for s in spans if not any(c.start <= s.start < c.end for c in chrome)]
        if not spans:
            return
        edits = [Edit(s.start, s.end, "") for s in spans]
        whole = Fix(ctx.message("fix", count=len(spans)), tuple(edits), safe=True)
        para = paragraph_keys(doc)
        units: dict[object, list] = {}
        for ln, s, e in zip(doc.lines.lines_of([s.start for s in spans]), spans, edits):
            units.setdefault(para[ln], []).append((s, e))
        for k, pairs in enumerate(units.values()):
            items = [s for s, _ in pairs]
            # the first finding carries the fix for the whole document, the others its part in their
            # paragraph (the same edits)
            fix = (
                whole
                if k == 0
                else Fix(ctx.message("fix_part", count=len(items)), tuple(e for _, e in pairs), safe=True)
            )
            first = items[0]
            example = doc.text[max(0, first.start - 1) : first.end]
            ctx.report(
                "paragraph",
                first,
                fix=fix,
                count=len(items),
                example=example,
                data={"count": len(items), "document_fix": k == 0},
            )
