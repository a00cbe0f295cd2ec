"""GX402 prose-none-contradiction — 正文说“没有”，表格却有（或反过来）

## 检查内容

- 正文说未收到申请（未收到依申请公开、无政府信息公开申请），而表三 一、本年新收 的总计不为 0：错误；
  只有 二、上年结转 不为 0：警告（同一句写明了上年结转的件数时不报告）；
  这两行为 0 但表三其他单元格记有办理结果（表格自身也不一致）：警告，并列出不为 0 的单元格。
- 正文说未发生/未产生行政复议、行政诉讼（或未发生结果纠正、败诉），而表四相应各项不为 0：错误。
- 正文说无结转下年度的申请，而表三 四、结转下年度继续办理 不为 0：错误。
- 反过来：正文说收到申请 N 件（或复议、诉讼 N 件，N > 0），而表格相应部分全部为 0：错误。

## 为什么

“本年度未收到政府信息公开申请”紧挨着一张记有申请的表格，是评估中最容易被指出的自相矛盾。

## 示例

```report bad
一、总体情况
本年度我局未收到政府信息公开申请。
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

```report good
一、总体情况
本年度我局未收到政府信息公开申请。
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
```

## 依据

《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（年度报告格式）表三、表四；模板说明 §8。
"""

from gxlint.api import COLUMN_NAMES, Rule, Severity, fmt_num, row_name

WHAT = {
    "received": ("申请", "applications"),
    "received_incl": ("申请", "applications"),
    "review": ("行政复议", "administrative reviews"),
    "litigation": ("行政诉讼", "lawsuits"),
    "fix": ("结果纠正或败诉", "corrected results or lost lawsuits"),
}
T4_GROUPS = {"review": ("rv",), "litigation": ("ld", "lr")}
COUNT_UNITS = ("件", "条", "个", "次", "项", "份")
MAX_RELATED = 6


class ProseNoneContradiction(Rule):
    code = "GX402"
    name = "prose-none-contradiction"
    summary_en = "The text says “none” while the table has some (or the reverse)"
    family = "prose"
    severity = Severity.ERROR
    messages = {
        "none": {
            "zh": "正文称“{phrase}”，但{where}为 {table}",
            "en": "the prose says “{phrase}” (none), but {where_en} is {table}",
        },
        "none_handled": {
            "zh": "正文称“{phrase}”，表三 一、二 两行也为 0，但表三记有 {table} 件办理结果（表格自身不一致）",
            "en": "the prose says “{phrase}” (none) and table 3 rows 1–2 are 0, but table 3 records {table} handled applications (the table contradicts itself)",
        },
        "some": {
            "zh": "正文称{what} {claim} 件，但表{table_no}相应各项全部为 0",
            "en": "the prose says {claim} {what_en}, but table {table_no_en} has 0 everywhere for them",
        },
        "cell": {"zh": "{label}：{value}", "en": "{label}: {value}"},
        "correct.none": {
            "zh": "核对正文“{phrase}”与{where}（{table}），使正文与表格一致。",
            "en": "Check the text “{phrase}” against {where_en} ({table}) so that they agree.",
        },
        "correct.none_handled": {
            "zh": "核对表三：收到的申请为 0，却记有 {table} 件办理结果；按实际情况更正表三或正文。",
            "en": "Check table 3: no request received, yet {table} outcomes recorded; correct the table or the text.",
        },
        "correct.some": {
            "zh": "核对正文所述{what}（{claim} 件）与表{table_no}，使两者一致。",
            "en": "Check {what_en} in the text ({claim}) against table {table_no_en} so that they agree.",
        },
    }

    def on_claim(self, claim, ctx):
        if claim.negative:
            self._none(claim, ctx)
        elif claim.subject in ("received", "received_incl", "review", "litigation") and claim.value > 0:
            self._some(claim, ctx)

    def _none(self, claim, ctx):
        alts = [a for a in claim.extra.get("targets", ()) if a["value"] is not None]
        phrase = claim.extra.get("phrase") or claim.context
        if claim.subject == "received":
            # 未收到申请: 一、本年新收 and 二、上年结转 must both be 0
            both = next((a for a in alts if len(a["terms"]) == 2), None) or (alts[0] if alts else None)
            if both is not None and both["value"] > 0:
                nz = [(lbl, c) for lbl, c in both["terms"] if c.value]
                new = both["terms"][0][1]
                carried_told = any(
                    o.subject == "carried_prev" and o.value > 0
                    for o in claim.extra.get("sentence_claims", ())
                    if o is not claim
                )
                if not new.value and carried_told:
                    return  # 未收到新申请，上年结转1件: the prose speaks of new applications only
                # only 二、上年结转 is non-zero: “未收到” may mean new applications — a warning
                sev = Severity.WARNING if not new.value else None
                ctx.report(
                    "none",
                    claim.span,
                    severity=sev,
                    related=self._rel(ctx, nz),
                    phrase=phrase,
                    where=_where(nz),
                    where_en="table 3 (" + _where(nz) + ")",
                    table=fmt_num(both["value"]),
                )
                return
            t3 = ctx.doc.tables.get("t3")
            if both is None or t3 is None:
                return
            nz = [
                (f"表三“{row_name(r)}”{COLUMN_NAMES.get(c.column, c.column)}", c)
                for r in t3.rows.values()
                if not r.unreliable
                for c in r.cells
                if c.ok and c.value and c.column in ("tot", "np", "ce", "ri", "sw", "ls", "ot")
            ]
            if nz:
                # the largest applicant-column or total figure of the handled rows
                handled = _handled(t3)
                ctx.report(
                    "none_handled",
                    claim.span,
                    severity=Severity.WARNING,
                    related=self._rel(ctx, nz),
                    phrase=phrase,
                    table=fmt_num(handled),
                )
            return
        if not alts:
            return
        alt = alts[0]
        cells = alt["terms"]
        if claim.subject in T4_GROUPS:
            t4 = ctx.doc.tables.get("t4")
            row = t4.rows.get("t4") if t4 else None
            if row is not None:
                cells = [
                    (_t4_name(c.column), c)
                    for c in row.cells
                    if c.column.split(".")[0] in T4_GROUPS[claim.subject] and c.ok
                ]
        nz = [(lbl, c) for lbl, c in cells if c.value]
        if nz:
            total = alt["value"] if alt["value"] else max(c.value for _, c in nz)
            ctx.report(
                "none",
                claim.span,
                related=self._rel(ctx, nz),
                phrase=phrase,
                where=_where(nz),
                where_en="the table (" + _where(nz) + ")",
                table=fmt_num(total),
            )

    def _some(self, claim, ctx):
        if claim.approx or claim.unit not in COUNT_UNITS:
            return
        flags = set(claim.extra.get("flags", ()))
        if flags & {"cumulative", "delta", "other_year"}:
            return
        alts = [a for a in claim.extra.get("targets", ()) if a["value"] is not None]
        if not alts or any(a["value"] for a in alts):
            return
        if claim.subject in ("received", "received_incl"):
            t = ctx.doc.tables.get("t3")
            cells = [c for r in (t.rows.values() if t else ()) for c in r.cells]
            table_no = "三"
        else:
            t = ctx.doc.tables.get("t4")
            row = t.rows.get("t4") if t else None
            cells = [c for c in (row.cells if row else ()) if c.column.split(".")[0] in T4_GROUPS[claim.subject]]
            table_no = "四"
        if not cells or any(not c.ok for c in cells) or any(c.value for c in cells):
            return
        sev = Severity.WARNING if flags & {"inherited", "weak_context", "explained"} else None
        what = WHAT[claim.subject]
        related = [ctx.related(c.span, "cell", label=lbl, value=fmt_num(c.value)) for lbl, c in alts[0]["terms"]]
        ctx.report(
            "some",
            claim.span,
            severity=sev,
            related=related,
            what=what[0],
            what_en=what[1],
            claim=fmt_num(claim.value),
            table_no=table_no,
            table_no_en={"三": 3, "四": 4}[table_no],
        )

    def _rel(self, ctx, cells):
        return [ctx.related(c.span, "cell", label=lbl, value=fmt_num(c.value)) for lbl, c in cells[:MAX_RELATED]]


def _where(cells):
    names = [lbl for lbl, _ in cells[:3]]
    return "、".join(names) + ("等" if len(cells) > 3 else "")


def _handled(t3):
    """Applications the outcome rows record: per row the larger of its total and its applicant columns."""
    n = 0.0
    for rid, r in t3.rows.items():
        if not rid.startswith("r3_") or rid == "r3_7" or r.unreliable:
            continue
        tot = sum(c.value for c in r.cells if c.column == "tot" and c.ok)
        cols = sum(c.value for c in r.cells if c.column in ("np", "ce", "ri", "sw", "ls", "ot") and c.ok)
        n += max(tot, cols)
    return n


T4_NAMES = {"rv": "行政复议", "ld": "行政诉讼（未经复议直接起诉）", "lr": "行政诉讼（复议后起诉）"}
T4_PARTS = {"keep": "结果维持", "fix": "结果纠正", "oth": "其他结果", "pend": "尚未审结", "tot": "总计"}


def _t4_name(column):
    g, _, p = column.partition(".")
    return f"表四 {T4_NAMES.get(g, g)} {T4_PARTS.get(p, p)}"
