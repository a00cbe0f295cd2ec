"""GX404 prose-sum-mismatch — “共N……其中a、b、c”各分项与总数不符

## 检查内容

正文中“共（合计）N 件/条……其中 a 件、b 件、c 件”的列举：

- 各分项之和超过总数：错误（分项的类别不一，例如先按申请人、再按渠道分，或分项是网站、微信等发布渠道
  ——同一条信息可能在几个渠道都发布——则只给警告）；
- 列举以“其他……”结尾（列举完整）而分项之和不等于总数（多于或少于）：错误；
- “共N件（含K件）”中 K 大于 N：错误。

只比较单位相同的精确数字；约数、累计数、百分比不计入。列举到句号、分号、下一个“其中”、
“累计/合计/另有/此外”等处为止；分项之和达到总数后列举即告结束。分项后面括号里的细分
（“预决算公开197条（政府预决算32条、部门预决算公开165条）”）是该分项的组成，不计入总数的分项。嵌套的“其中……其中……”
（内层列举在哪里结束只能猜）不核对。

## 为什么

文字部分自身的加减不对，读者会怀疑全部数字。

## 示例

```report bad
一、总体情况
本年度共发布政府信息16条，其中，机构职能类信息4条，人事信息8条，其他应当主动公开的政府信息5条。
```

```report good
一、总体情况
本年度共发布政府信息16条，其中，机构职能类信息4条，人事信息8条，其他应当主动公开的政府信息4条。
```

## 依据

模板说明 §8（文字部分内部的勾稽关系）；国办公开办函〔2021〕30号（数据准确）。
"""

import re

from gxlint.api import Rule, Severity, fmt_num

NOT_COMPARABLE = {"cumulative", "delta", "other_year"}
CHANNELS = re.compile(r"网站|网页|微信|微博|公众号|新媒体|客户端|APP|公开栏|公告栏|报刊|报纸|电视|广播|热线")


class ProseSumMismatch(Rule):
    code = "GX404"
    name = "prose-sum-mismatch"
    summary_en = "“N in all, of which a, b, c”: the parts do not add up"
    family = "prose"
    severity = Severity.ERROR
    messages = {
        "exceeds": {
            "zh": "正文中“{total}{unit}”之下各分项之和为 {parts}（{arith}），超过总数 {total}",
            "en": "the items listed under “{total} {unit}” add up to {parts} ({arith}), more than the total {total}",
        },
        "closed": {
            "zh": "正文中“{total}{unit}”之下以“其他”结尾的各分项之和为 {parts}（{arith}），与总数 {total} 不符",
            "en": "the items under “{total} {unit}”, closed by “其他”, add up to {parts} ({arith}), not the total {total}",
        },
        "incl": {
            "zh": "正文中“{total}{unit}”所含的 {parts}{unit} 大于总数",
            "en": "“{total} {unit}” is said to include {parts} {unit}, more than the total",
        },
        "item": {"zh": "分项：{value}", "en": "item: {value}"},
        "correct.exceeds": {
            "zh": "核对正文中“{total}{unit}”及其各分项的数字（分项之和 {parts}），使分项之和不超过总数。",
            "en": "Check “{total}{unit}” and its parts in the text (they add up to {parts}) so that they do not exceed the total.",
        },
        "correct.closed": {
            "zh": "核对正文中“{total}{unit}”及其各分项的数字（分项之和 {parts}），使分项之和等于总数。",
            "en": "Check “{total}{unit}” and its parts in the text (they add up to {parts}) so that they equal the total.",
        },
        "correct.incl": {
            "zh": "核对正文中“{total}{unit}”与其所含的 {parts}{unit}，使部分不大于总数。",
            "en": "Check “{total}{unit}” and the {parts}{unit} it includes so that the part is not larger than the total.",
        },
    }

    def on_claim(self, claim, ctx):
        if claim.negative or claim.approx or claim.unit == "%" or set(claim.extra.get("flags", ())) & NOT_COMPARABLE:
            return
        for inc in claim.extra.get("incl_parts", ()):
            if not inc.approx and inc.unit == claim.unit and inc.value > claim.value:
                ctx.report(
                    "incl",
                    claim.span,
                    related=[ctx.related(inc.span, "item", value=fmt_num(inc.value))],
                    total=fmt_num(claim.value),
                    parts=fmt_num(inc.value),
                    unit=claim.unit,
                )
                return
        parts = [p for p in claim.extra.get("parts", ()) if p.unit == claim.unit]
        if claim.extra.get("nested"):
            return  # 其中…其中…: where the inner list ends is a guess
        if len(parts) < 2 or any(p.approx or set(p.extra.get("flags", ())) & NOT_COMPARABLE for p in parts):
            return
        if any(_contradicts_table(x) for x in [claim, *parts]):
            return  # a number that contradicts its table cell: GX401 reports that one
        used, running = [], 0.0
        for p in parts:
            used.append(p)
            running += p.value
            # the list is complete once it reaches a (non-zero) total; the first items past it exceed
            # it (办结0件，其中…7件 too: zeros reach a total of 0 without completing anything)
            if running > claim.value + 1e-9 or (claim.value > 0 and abs(running - claim.value) < 1e-9):
                break
        related = [ctx.related(p.span, "item", value=fmt_num(p.value)) for p in used]
        arith = " + ".join(fmt_num(p.value) for p in used)
        # the same item may be published on several channels: 网站400条、微信300条 can overlap
        channels = sum(1 for p in used if CHANNELS.search(p.context or ""))
        complete = claim.extra.get("closed") and len(used) == len(parts) and channels < 2
        if running > claim.value + 1e-9:
            kinds = {("applicant" if p.applicant else "subject" if p.subject else "other") for p in used}
            # a list closed by 其他 and read to its end is one partition of the total, whatever its items
            sev = Severity.WARNING if (len(kinds) > 1 or channels >= 2) and not complete else None
            ctx.report(
                "exceeds",
                claim.span,
                severity=sev,
                related=related,
                total=fmt_num(claim.value),
                parts=fmt_num(running),
                arith=arith,
                unit=claim.unit,
                data={"total": claim.value, "parts": [p.value for p in used]},
            )
        elif complete and abs(running - claim.value) > 1e-9:
            ctx.report(
                "closed",
                claim.span,
                related=related,
                total=fmt_num(claim.value),
                parts=fmt_num(running),
                arith=arith,
                unit=claim.unit,
                data={"total": claim.value, "parts": [p.value for p in used]},
            )


def _contradicts_table(claim):
    vals = [a["value"] for a in claim.extra.get("targets", ()) if a["value"] is not None]
    return bool(vals) and not any(abs(v - claim.value) < 1e-9 for v in vals)
