"""GX102 section-order — 部分顺序、重复或编号错误

## 检查内容

六个部分须按 一 至 六 的顺序各出现一次，且编号与标题一致：
- 顺序颠倒（如“三、收到和处理……”出现在“二、主动公开……”之前）；
- 同一部分出现两次（两个作为部分标题的“四、……行政复议、行政诉讼情况”）；
- 编号与标题不符（如“三、主动公开政府信息情况”），可一键改正编号；几个部分的编号都不符
  （如统计部分在一个标题下另起“一、二、三、”编号）时只报告一次。

一个部分的标题按报告自己的方式编号（“（一）主动公开情况”、不带编号的标题）时，由 GX202 报告一次，
其后各部分的编号随之错位，不再逐个报告。

表三中的行标签“一、本年新收……”“三、本年度办理结果”“四、结转下年度继续办理”不是部分标题，不参与本检查。

## 为什么

统一格式要求固定的部分顺序，便于汇总和比对；编号错误常见于复制上一年报告后增删段落。

## 示例

```report bad
一、总体情况
二、收到和处理政府信息公开申请情况
三、主动公开政府信息情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
```

```report good
一、总体情况
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》。
"""

from gxlint.api import Edit, Fix, Rule, Severity, Span, template_data

NUMERALS = "一二三四五六"


class SectionOrder(Rule):
    code = "GX102"
    name = "section-order"
    summary_en = "Parts out of order, repeated or misnumbered"
    family = "structure"
    severity = Severity.ERROR
    fixable = True
    messages = {
        "order": {
            "zh": "“{title}”应在“{before}”之前",
            "en": "“{title}” should come before “{before}”",
        },
        "duplicate": {
            "zh": "“{canonical}”部分出现了两次（第一次在第 {line} 行）",
            "en": "section “{canonical}” appears twice (first at line {line})",
        },
        "duplicates": {
            "zh": "“{canonical}”部分出现了 {count} 次（第一次在第 {line} 行）",
            "en": "section “{canonical}” appears {count} times (first at line {line})",
        },
        "again": {"zh": "“{canonical}”又一次出现", "en": "“{canonical}” again"},
        "numeral": {
            "zh": "部分编号“{written}”与标题不符，应为“{expected}”",
            "en": "section numeral “{written}” does not match its title; expected “{expected}”",
        },
        "numerals": {
            "zh": "{count} 个部分的编号与标题不符（“{written}”应为“{expected}”，其余见相关位置）",
            "en": "{count} section numerals do not match their titles (“{written}” should be “{expected}”; see the related places)",
        },
        "fix_numeral": {"zh": "把编号改为“{expected}”", "en": "change the numeral to “{expected}”"},
        "fix_numerals": {"zh": "按格式改正各部分编号", "en": "renumber the sections as the format has them"},
        "correct.order": {
            "zh": "把“{title}”移到“{before}”之前。",
            "en": "Move “{title}” before “{before}”.",
        },
        "correct.duplicate": {
            "zh": "把两处“{canonical}”合并为一个部分。",
            "en": "Merge the two parts “{canonical}” into one.",
        },
        "correct.duplicates": {
            "zh": "把 {count} 处“{canonical}”合并为一个部分。",
            "en": "Merge the {count} parts “{canonical}” into one.",
        },
        "correct.again": {
            "zh": "把重复的“{canonical}”并入该部分的第一处。",
            "en": "Merge the repeated “{canonical}” into its first occurrence.",
        },
        "correct.numeral": {
            "zh": "把部分编号“{written}”改为“{expected}”。",
            "en": "Number this part “{expected}”, not “{written}”.",
        },
        "correct.numerals": {
            "zh": "按格式改正 {count} 个部分的编号（如“{written}”改为“{expected}”）。",
            "en": "Number the {count} parts as the format does (e.g. “{expected}”, not “{written}”).",
        },
    }

    def on_document(self, doc, ctx):
        if doc.template == "pre2019":
            return
        canon = {s["index"]: s["canonical"] for s in template_data("common")["section"]}
        dups: dict[int, list] = {}
        for h in doc.headings.duplicates:
            dups.setdefault(h.index, []).append(h.span)
        for index, spans in dups.items():
            # one diagnostic per section, however often its heading repeats; the rest as related places
            first = doc.section(index)
            line = doc.lines.line_of(first.span.start) + 1 if first else 0
            related = [ctx.related(sp, "again", canonical=canon[index]) for sp in spans[1:21]]
            if len(spans) == 1:
                ctx.report("duplicate", spans[0], canonical=canon[index], line=line)
            else:
                ctx.report(
                    "duplicates", spans[0], canonical=canon[index], line=line, count=len(spans) + 1, related=related
                )
        secs = sorted(doc.sections, key=lambda s: s.span.start)
        # out of order: a heading whose index is lower than one before it
        swapped = set()
        for i, s in enumerate(secs):
            later_lower = [t for t in secs[:i] if t.index > s.index]
            if later_lower:
                ctx.report("order", s.span, title=s.canonical, before=later_lower[0].canonical)
                swapped.add(id(s))
                swapped.update(id(t) for t in later_lower)
        # from a part numbered the report's own way on, the numerals follow from it (GX202 says it once)
        own = min((h.span.start for h in doc.headings.nonstandard if h.form == "alt"), default=None)
        wrong = []  # (place of the numeral, written, expected)
        for s in secs:
            if id(s) in swapped:
                continue  # titles out of order: the numerals are the symptom, not a second error
            if own is not None and s.span.start >= own:
                continue
            expected = NUMERALS[s.index - 1]
            if s.numeral != expected:
                at = doc.text.find(s.numeral, s.span.start, s.span.end)
                if at >= 0:
                    wrong.append((at, s.numeral, expected))
        if len(wrong) == 1:
            at, written, expected = wrong[0]
            fix = Fix(ctx.message("fix_numeral", expected=expected), (Edit(at, at + 1, expected),), safe=True)
            ctx.report("numeral", Span(at, at + 1), written=written, expected=expected, fix=fix)
        elif wrong:
            # several parts numbered the report's own way (sub-parts numbered 一、二、三 under one
            # heading …): one root cause, one finding; the numbers as the format has them, unasked
            at, written, expected = wrong[0]
            related = [ctx.related(Span(a, a + 1), "numeral", written=w, expected=e) for a, w, e in wrong[1:]]
            fix = Fix(ctx.message("fix_numerals"), tuple(Edit(a, a + 1, e) for a, _w, e in wrong), safe=False)
            ctx.report(
                "numerals",
                Span(at, at + 1),
                written=written,
                expected=expected,
                count=len(wrong),
                related=related,
                fix=fix,
            )
