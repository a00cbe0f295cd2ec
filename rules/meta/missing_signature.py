"""GX506 missing-signature — 报告末尾没有落款

## 检查内容

报告正文之后应有落款：发布机关名称和日期（如“某某市某某局”“2024年1月20日”）。
末尾没有日期、也没有机关名称时报告“没有落款”；只缺其一时说明缺哪一项。
网页残留行（GX605）不算正文末尾。提示级别。

## 为什么

落款说明报告由谁、在哪一天发布，是判断是否按时发布（GX502）的依据。

## 示例

```report bad
六、其他需要报告的事项
本年度未收取信息处理费。
```

```report good
六、其他需要报告的事项
本年度未收取信息处理费。
某某市某某局
2024年1月20日
```

## 依据

《党政机关公文格式》（GB/T 9704—2012）7.3.5 发文机关署名、成文日期；
《中华人民共和国政府信息公开条例》第四十九条（发布期限）。
"""

from gxlint.api import Rule, Severity, Span


class MissingSignature(Rule):
    code = "GX506"
    name = "missing-signature"
    summary_en = "No signature at the end of the report"
    family = "meta"
    severity = Severity.INFORMATION
    messages = {
        "missing": {
            "zh": "报告末尾没有落款（发布机关和日期）",
            "en": "no signature at the end of the report (issuing organ and date)",
        },
        "no_date": {"zh": "落款没有日期", "en": "the signature has no date"},
        "no_organ": {"zh": "落款只有日期，没有发布机关", "en": "the signature has a date but no issuing organ"},
        "correct.missing": {
            "zh": "在报告末尾补上落款：发布机关名称和成文日期。",
            "en": "Add a signature at the end: the issuing organ's name and the date.",
        },
        "correct.no_date": {
            "zh": "在落款中补上成文日期。",
            "en": "Add the date to the signature.",
        },
        "correct.no_organ": {
            "zh": "在落款日期之前补上发布机关名称。",
            "en": "Add the issuing organ's name above the date of the signature.",
        },
    }

    def on_document(self, doc, ctx):
        meta = doc.meta
        if not doc.sections or doc.pre2019 is not None:
            return
        sig = meta.signature
        has_date = sig.date is not None
        has_organ = bool(sig.organ)
        if has_date and has_organ:
            return
        if has_date:
            ctx.report("no_organ", sig.date_span)
        elif has_organ:
            ctx.report("no_date", sig.organ_span)
        else:
            end = sig.content_end if sig.content_end is not None else len(doc.text)
            line = doc.lines.line_of(max(0, end - 1))
            start = doc.lines.line_start(line)
            if end - start > 120:
                # a long last line (a one-line document): its last sentence, not the whole report
                cut = max(doc.text.rfind(p, start, end - 1) for p in "。；;！!？?")
                if cut >= 0:
                    start = cut + 1
            while start < end and doc.text[start] in " \t\u3000\u00a0*#>-":
                start += 1
            ctx.report("missing", Span(start, end))
