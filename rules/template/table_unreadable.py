"""GX207 table-unreadable — 表格无法确定地读出

## 检查内容

统计表在文中，但其中的数值无法确定地读出，例如：

- 网页存档丢失了单元格的分隔，相邻单元格的数字连在一起（`申请数量270020130`），而按这一行的单元格数目和
  本行合计，仍有不止一种拆分方式（27|0|0|2|0|1|30 与 2|7|0|0|20|1|30 都成立）；
- 数值行没有行标签，无法确定数值属于哪一行；
- 表格的标签都在，却读不出数值；
- 表格读出来了，但有一部分是按版面推断的（转换工具把行标签和数值分开了、把两行合并成一行，数字之间只有空格而
  个数与模板不符，行后的数字可能是页码也可能是单元格内折行的数字……），而按这样读出的数值有勾稽关系不成立、
  行的数字个数不对或似乎缺行。这更可能是读错了，而不是报告错了：这些问题不作为错误报告，在这里说一次为什么读不准。

每张表只报告一次，指向第一处读不准的位置。读不出的行不参与勾稽核对，也不再报告缺行、单元格数目或
数字格式问题（那是误读，不是报告的错误）。能唯一拆分的行照常读出并核对；悬停可以看到哪些单元格是拆分得出的。
“错误”只建立在确定读出的单元格上（见文档“确定性与严重程度”）。

## 为什么

读不准的表格上报告的“错误”多半是误报。如实说明“这张表读不出”，审阅者就知道要对照原件人工核对这部分，
而其余的错误提示仍然可信。

## 示例

```report bad
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量270020130二、上年结转政府信息公开申请数量0000000
```

```report good
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 27 | 0 | 0 | 2 | 0 | 1 | 30
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表二、表三、表四。
"""

from gxlint.api import Rule, Severity, doubts, row_name, template_data

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
TABLE_NAMES_EN = {"t2": "table 二", "t3": "table 三", "t4": "table 四"}


class TableUnreadable(Rule):
    code = "GX207"
    name = "table-unreadable"
    summary_en = "A table that cannot be read with certainty"
    family = "template"
    severity = Severity.WARNING
    messages = {
        "glued": {
            "zh": "{table}“{row}”相邻单元格的数字连在一起（{raw}），无法确定各单元格的数值{more}；"
            "涉及的核对已跳过，请对照原表人工核对",
            "en": "{table_en}, “{row}”: the digits of neighbouring cells run together ({raw}) and cannot be "
            "split into cells with certainty{more_en}; checks involving them were skipped",
        },
        "no_label": {
            "zh": "{table}有数值行没有行标签，无法确定数值属于哪一行；涉及的核对已跳过，请对照原表人工核对",
            "en": "{table_en} has a row of values without a row label: which row they belong to is not "
            "certain; checks involving it were skipped",
        },
        "no_values": {
            "zh": "{table}的行列标签在，但读不出其中的数值；表格未核对，请对照原表人工核对",
            "en": "{table_en}: its labels are there but its values could not be read; the table was not checked",
        },
        "related": {"zh": "同样无法拆分：{row}", "en": "cannot be split either: {row}"},
        "doubtful": {
            "zh": "{table}有部分数值读不准（{why}）：按读到的数值，{what}；这更可能是读错了，未作为错误报告，"
            "请对照原表人工核对",
            "en": "{table_en}: part of it could not be read with certainty ({why_en}); as read, {what_en} — more "
            "likely a misreading than an error of the report, so not reported as one: check against the original",
        },
        "related_doubt": {"zh": "读不准的位置", "en": "read with doubt here"},
        "placed": {
            "zh": "行标签与数值分开，数值按位置对应到行",
            "en": "labels stand apart from their values, matched by position",
        },
        "merged": {"zh": "转换时两行合并成了一行", "en": "a converter merged two rows into one"},
        "page": {
            "zh": "行后单独一个数字，可能是页码，也可能是单元格内折行的数字",
            "en": "a lone number after a row may be a page number or a digit wrapped in its cell",
        },
        "blank": {"zh": "空白单元格是推断的", "en": "blank cells were inferred"},
        "letters": {
            "zh": "数字中混有字母（如 1O、l2），可能是扫描件文字识别（OCR）的误读",
            "en": "letters among digits (1O, l2), perhaps a scan misread by OCR",
        },
        "count": {
            "zh": "数字之间只有空格，个数与模板不符（可能是单元格内折行或空白单元格丢失）",
            "en": "numbers separated only by spaces, not as many as the template has (a wrapped cell or a lost blank cell)",
        },
        "strays": {"zh": "有数值没有对应的行标签", "en": "some values have no row label"},
        "w_failing": {"zh": "有 {n} 处勾稽关系不成立（{first}）", "en": "{n} identit(ies) fail ({first})"},
        "w_count": {
            "zh": "“{row}”有 {found} 个数字，模板为 {expected} 个",
            "en": "“{row}” has {found} numbers, the template {expected}",
        },
        "w_malformed": {"zh": "“{raw}”不是规范的数字", "en": "“{raw}” is not a well-formed number"},
        "w_missing": {"zh": "似乎缺少{labels}", "en": "{labels} seem(s) missing"},
        "correct": {
            "zh": "对照原表核对并更正表格。",
            "en": "Check the table against the original and correct it.",
        },
        "correct.glued": {
            "zh": "对照原表核对并更正{table}“{row}”一行，使各单元格的数字分开、清楚可辨。",
            "en": "Check the row “{row}” of {table_en} against the original and correct it, each cell's number apart and clear.",
        },
        "correct.no_label": {
            "zh": "对照原表核对并更正{table}，每个数值行都写上行标签。",
            "en": "Check {table_en} against the original and correct it, each row of numbers with its label.",
        },
        "correct.no_values": {
            "zh": "对照原表核对并更正{table}，使表中的数字完整、可以复制。",
            "en": "Check {table_en} against the original and correct it, its numbers complete and copyable.",
        },
        "correct.doubtful": {
            "zh": "对照原表核对并更正{table}（{why}）；原表无误的，无需修改。",
            "en": "Check {table_en} against the original ({why_en}) and correct it; nothing to do if the original is right.",
        },
    }

    def on_table(self, table, ctx):
        reason = table.unreadable
        if not reason:
            self._doubtful(table, ctx)
            return
        name, name_en = TABLE_NAMES.get(table.kind, table.kind), TABLE_NAMES_EN.get(table.kind, table.kind)
        bad = [r for r in table.rows.values() if r.unreadable]
        span = table.unreadable_span or (bad[0].span if bad else table.span)
        if reason == "glued" and bad:
            first = bad[0]
            raw = " ".join(c.raw for c in first.cells) or "—"
            more = f"，另有 {len(bad) - 1} 行同样无法拆分" if len(bad) > 1 else ""
            more_en = f" ({len(bad) - 1} more row(s) likewise)" if len(bad) > 1 else ""
            related = [ctx.related(r.span, "related", row=_name(table, r)) for r in bad[1:20]]
            ctx.report(
                "glued",
                span,
                table=name,
                table_en=name_en,
                row=_name(table, first),
                raw=raw,
                more=more,
                more_en=more_en,
                related=related,
                data={"reason": reason, "table": table.kind, "rows": [r.id for r in bad]},
            )
            return
        mid = reason if reason in ("no_label", "no_values") else "no_values"
        ctx.report(mid, span, table=name, table_en=name_en, data={"reason": reason, "table": table.kind})

    def _en(self, message_id: str, **kwargs) -> str:
        return self.messages[message_id]["en"].format(**kwargs)

    def _doubtful(self, table, ctx):
        d = doubts(ctx.doc).get(table.kind)
        if d is None:
            return
        name, name_en = TABLE_NAMES.get(table.kind, table.kind), TABLE_NAMES_EN.get(table.kind, table.kind)
        why = "；".join(ctx.message(w) for w in d.why) or ctx.message("count")
        why_en = "; ".join(self._en(w) for w in d.why) or self._en("count")
        parts, parts_en = [], []
        if d.failing:
            f = d.failing[0]
            first = f.where if f.id.startswith("T3.") else f.where
            parts.append(ctx.message("w_failing", n=len(d.failing), first=first))
            parts_en.append(self._en("w_failing", n=len(d.failing), first=first))
        for row in d.counts[:2]:
            kw = dict(row=_name(table, row), found=row.found, expected=row.expected)
            parts.append(ctx.message("w_count", **kw))
            parts_en.append(self._en("w_count", **kw))
        for _row, c in d.malformed[:1]:
            parts.append(ctx.message("w_malformed", raw=c.raw))
            parts_en.append(self._en("w_malformed", raw=c.raw))
        if d.missing:
            labels = "、".join(f"“{x}”" for x in _labels(table, d.missing)[:3])
            parts.append(ctx.message("w_missing", labels=labels))
            parts_en.append(self._en("w_missing", labels=labels))
        span = d.spans[0] if d.spans else table.span
        related = [ctx.related(sp, "related_doubt") for sp in d.spans[1:20]]
        ctx.report(
            "doubtful",
            span,
            table=name,
            table_en=name_en,
            why=why,
            why_en=why_en,
            what="；".join(parts),
            what_en="; ".join(parts_en),
            related=related,
            data={
                "reason": "doubtful",
                "table": table.kind,
                "why": list(d.why),
                "identities": [i.id for i in d.failing],
                "rows": [r.id for r in d.counts],
                "missing": list(d.missing),
            },
        )


def _labels(table, ids) -> list[str]:
    labels = {}
    version = table.version or "v2021"
    if table.kind == "t3":
        labels = dict((r[0], r[1]) for r in template_data(version)["t3"]["rows"])
    elif table.kind == "t2":
        for b in template_data(version)["t2"]["block"]:
            labels.update((r[0], r[1]) for r in b["rows"])
    return [labels.get(i, i).split("（区分")[0] for i in ids]


def _name(table, row) -> str:
    if table.kind == "t3":
        return row_name(row)
    if table.kind == "t4":
        return "数据行"
    return row.label
