"""GX505 missing-fee-statement — 第六部分没有说明信息处理费

## 检查内容

2021 年度起的报告（按国办公开办函〔2021〕30号的格式；年份不明时看表格的版本），第六部分“其他需要报告的事项”应报告
依《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况——收了多少，
或者“未收取信息处理费”。第六部分只字未提“信息处理费”（也没有提到“处理费”）时报告，指向第六部分的内容。
信息处理费写在了别处（如第一部分）时只作提示，并指向那里。
2019 年格式的报告和没有第六部分的报告（见 GX101）不检查。

## 为什么

格式的填写说明要求在第六部分报告信息处理费收取情况；“无”不是这一项的答案。

## 示例

```report bad
某某局2023年政府信息公开工作年度报告
五、存在的主要问题及改进情况
……
六、其他需要报告的事项
无。
```

```report good
某某局2023年政府信息公开工作年度报告
五、存在的主要问题及改进情况
……
六、其他需要报告的事项
本年度未收取信息处理费。无其他需要报告的事项。
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》第六部分；
国办函〔2020〕109号《政府信息公开信息处理费管理办法》。
"""

import re

from gxlint.api import Rule, Severity, Span

_FEE = re.compile(r"处理费|信息处理|收费")
_FEE_ELSEWHERE = re.compile(r"信息处理费")


class MissingFeeStatement(Rule):
    code = "GX505"
    name = "missing-fee-statement"
    summary_en = "Part six does not state the fees charged"
    family = "meta"
    severity = Severity.WARNING
    messages = {
        "missing": {
            "zh": "第六部分没有说明信息处理费的收取情况（如“本年度未收取信息处理费”）",
            "en": "part 六 does not report the information processing fees charged (e.g. “no fees were charged this year”)",
        },
        "elsewhere": {"zh": "信息处理费写在了这里", "en": "the fees are mentioned here instead"},
        "correct.missing": {
            "zh": "在第六部分说明信息处理费的收取情况，如“本年度未收取信息处理费”，或收费的件数和金额。",
            "en": "State in part six whether fees were charged, e.g. “本年度未收取信息处理费”, or how many and how much.",
        },
    }

    def on_section(self, section, ctx):
        if section.index != 6:
            return
        doc = ctx.doc
        # the report year decides (the fee rules apply from 2021); the tables' layout only when the year is unknown
        version = doc.expected_template or doc.template
        if version != "v2021" or doc.pre2019 is not None:
            return
        norm = doc.norm
        a, b = norm.from_orig(section.body.start), norm.from_orig(section.body.end)
        sig = doc.meta.signature.span
        body = norm.text[a:b]
        if _FEE.search(body):
            return
        # said elsewhere (part 一, a table note): point there, and it is only information
        related, severity = [], None
        else_m = _FEE_ELSEWHERE.search(norm.text)
        if else_m and not a <= else_m.start() < b:
            related = [ctx.related(norm.span(else_m.start(), else_m.end()), "elsewhere")]
            severity = Severity.INFORMATION
        # the content of part 六: its first text line, without the signature
        for m in re.finditer(r"[^\n]+", body):
            s = m.group()
            st = s.strip(" \t\r*#>|-")
            if not st:
                continue
            sp = norm.span(a + m.start() + (len(s) - len(s.lstrip(" \t*#>|-"))), a + m.start() + len(s.rstrip(" \t\r")))
            if sig is not None and sp.start >= sig.start:
                break
            ctx.report("missing", sp, related=related, severity=severity)
            return
        ctx.report("missing", Span(section.span.start, section.span.end), related=related, severity=severity)
