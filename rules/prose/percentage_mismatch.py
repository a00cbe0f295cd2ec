"""GX403 prose-percentage-mismatch — 正文中的百分比算不出来

## 检查内容

“占比”“比例”“比重”一类的百分比，按它所关联的数字重新计算，并按所写的精度比较（43.2% 保留一位小数，
70 / 162 = 43.21% → 43.2%，四舍五入或截尾均可）：

- “予以公开及部分公开70件、占比43.2%”：部分是前面的 70，总数是“其中”之前的总数
  （写出数字时用该数字；只写“全部予以答复，其中……”时用表三（七）总计，或 一+二）；
- “其中自然人申请占比100%”：部分是表中该申请人列，总数是“其中”之前的总数。

“答复率”“办结率”等比率、同比增减、累计数不核对；找不到总数时不报告。

## 为什么

百分比是读者最先看的数字，它与计数不符说明计数或百分比至少有一个是错的。

## 示例

```report bad
一、总体情况
本年度共受理政府信息公开申请162件，其中予以公开70件、占比45.2%。
```

```report good
一、总体情况
本年度共受理政府信息公开申请162件，其中予以公开70件、占比43.2%。
```

## 依据

《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（年度报告格式）；模板说明 §8。
"""

import math
import unicodedata

from gxlint.api import Rule, Severity, fmt_num


class ProsePercentageMismatch(Rule):
    code = "GX403"
    name = "prose-percentage-mismatch"
    summary_en = "A percentage in the text does not follow from its numbers"
    family = "prose"
    severity = Severity.ERROR
    messages = {
        "pct": {
            "zh": "正文称占比 {claim}%，但 {part} / {base} = {computed}%（按所写精度应为 {expected}%）",
            "en": "the prose says {claim}%, but {part} / {base} = {computed}% ({expected}% at the precision written)",
        },
        "part": {"zh": "部分：{label}（{value}）", "en": "part: {label} ({value})"},
        "base": {"zh": "总数：{label}（{value}）", "en": "total: {label} ({value})"},
        "correct.pct": {
            "zh": "改正正文中的占比（按 {part} / {base} 计算应为 {expected}%），或核对分子、分母的数字。",
            "en": "Correct the share in the text ({part} / {base} = {expected}%), or check the two numbers.",
        },
    }

    def on_claim(self, claim, ctx):
        pct = claim.extra.get("pct")
        if claim.unit != "%" or claim.approx or not pct:
            return
        raw = unicodedata.normalize("NFKC", ctx.text[claim.span.start : claim.span.end])
        digits = len(raw.split(".", 1)[1]) if "." in raw and raw.replace(".", "").isdigit() else 0
        # more decimals than anyone computes a share to: compared at _MAX_DECIMALS, and a written
        # value within one unit of that place agrees (10 ** 320 overflowed a float)
        close = digits > _MAX_DECIMALS
        digits = min(digits, _MAX_DECIMALS)
        tried = []
        for part in pct["parts"]:
            for base in pct["bases"]:
                if not base[0] or base[0] <= 0:
                    continue
                computed = part[0] / base[0] * 100
                if _agrees(claim.value, computed, digits) or close and abs(claim.value - computed) < 10**-digits:
                    return
                tried.append((part, base, computed))
        if not tried:
            return
        part, base, computed = tried[0]
        flags = set(claim.extra.get("flags", ()))
        sev = Severity.WARNING if flags & {"explained", "weak_context"} else None
        related = [ctx.related(x.span, "part", label=_label(x, part[1]), value=fmt_num(part[0])) for x in part[2]]
        related += [ctx.related(x.span, "base", label=_label(x, base[1]), value=fmt_num(base[0])) for x in base[2]]
        expected = _round(computed, digits)
        ctx.report(
            "pct",
            claim.span,
            severity=sev,
            related=related,
            claim=fmt_num(claim.value),
            part=fmt_num(part[0]),
            base=fmt_num(base[0]),
            computed=f"{computed:.2f}".rstrip("0").rstrip("."),
            expected=f"{expected:.{digits}f}",
            data={"claim": claim.value, "part": part[0], "base": base[0], "computed": computed},
        )


_MAX_DECIMALS = 8


def _round(x, digits):
    q = 10**digits
    return math.floor(x * q + 0.5 + 1e-9) / q


def _agrees(written, computed, digits):
    q = 10**digits
    eps = 1e-9
    return (
        abs(written - _round(computed, digits)) < eps + 0.5 / q / 1000
        or abs(written - math.floor(computed * q + 1e-9) / q) < eps + 0.5 / q / 1000
    )


def _label(x, fallback):
    ctx = getattr(x, "context", None)
    if ctx is not None and not hasattr(x, "column"):
        return f"正文“{ctx}”"
    return fallback
