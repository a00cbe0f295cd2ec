"""GX401 prose-count-mismatch — 正文中的数字与它所说的表格单元格不符

## 检查内容

总体情况等文字部分常复述表格数字（模板 §8）：收到/受理申请 N 件（表三 一；写明“含上年结转”时为 一+二）、
上年结转（二）、答复/办结（（七）总计）、予以公开、部分公开、不予公开、无法提供、不予处理（各项之和）、
结转下年度（四）、行政复议（表四 行政复议总计）、行政诉讼（两组行政诉讼总计之和）、结果维持/纠正、
新制发/现行有效/废止规范性文件（表二）；只写“规范性文件N件”“行政许可N件”“行政处罚N件”“行政强制N件”
而没有说是制发还是处理决定时，与表二比较但只给警告（可能说的是公开的条数）。句中写明申请人类型（自然人、法人或其他组织）时核对该列。
文字数字与表格不符即报告，位置在文字中的数字上，相关信息指向表格单元格。

约数不作精确比较：“N余件、N件以上、超过N件”只在表中数字小于 N 时、“近N件”只在表中数字大于 N 时给警告，
“约N件”不核对。不核对：累计数、同比增减、往年数字、没有表格可比的情况。
同一句话若用其他数字解释了差额（“新制发5件……17个文件被纳入……在表格中予以体现”，表中 22 = 5 + 17），不报告；
句子含义不确定（主语承前省略、谈到表格口径、未提及信息公开的复议/诉讼）时只给警告。

## 为什么

文字与表格不一致是评估中常见的“数据失准”；读者无法判断哪个数字是真的。

## 示例

```report bad
一、总体情况
本年度共受理政府信息公开申请 163 件，均已按时答复。
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 159 | 0 | 0 | 0 | 0 | 0 | 159
二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3
```

```report good
一、总体情况
本年度共受理政府信息公开申请 159 件，均已按时答复。
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 159 | 0 | 0 | 0 | 0 | 0 | 159
二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3
```

## 依据

《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（年度报告格式）；
模板说明 §8（文字与表格的对应关系）。
"""

from itertools import combinations

from gxlint.api import Edit, Fix, Rule, Severity, fmt_num

SUBJECT = {
    "received": ("收到/受理申请", "applications received"),
    "received_incl": ("受理申请（含上年结转）", "applications (incl. carried over)"),
    "carried_prev": ("上年结转申请", "applications carried over from last year"),
    "answered": ("答复/办结申请", "applications answered"),
    "handled": ("办理申请", "applications handled"),
    "disclosed": ("予以公开", "disclosed"),
    "partial": ("部分公开", "partly disclosed"),
    "refused": ("不予公开", "refused"),
    "unavailable": ("无法提供", "unavailable"),
    "not_processed": ("不予处理", "not processed"),
    "other_processed": ("其他处理", "otherwise handled"),
    "carried_next": ("结转下年度", "carried over to next year"),
    "review": ("行政复议", "administrative reviews"),
    "litigation": ("行政诉讼", "lawsuits"),
    "keep": ("结果维持", "upheld"),
    "fix": ("结果纠正", "corrected"),
    "oth_result": ("其他结果", "other results"),
    "pend": ("尚未审结", "pending"),
    "docs_made": ("新制发规范性文件", "new normative documents"),
    "docs_valid": ("现行有效规范性文件", "normative documents in force"),
    "docs_repealed": ("废止规范性文件", "normative documents repealed"),
    "docs_any": ("规范性文件", "normative documents"),
    "permit": ("行政许可", "licensing decisions"),
    "penalty": ("行政处罚", "penalty decisions"),
    "coercion": ("行政强制", "coercive measures"),
}
APPLICANT = {
    "np": ("自然人", "natural persons"),
    "ce": ("商业企业", "enterprises"),
    "ri": ("科研机构", "research institutions"),
    "sw": ("社会公益组织", "public-interest organisations"),
    "ls": ("法律服务机构", "legal service institutions"),
    "org": ("法人或其他组织", "legal persons and other organisations"),
}
COUNT_UNITS = ("件", "条", "个", "篇", "期", "次", "人次", "项", "份", "场", "家")
NOT_COMPARABLE = {"cumulative", "delta", "other_year"}
UNSURE = {"inherited", "explained", "weak_context"}
ZERO_GROUP = {"received", "received_incl", "review", "litigation"}
MAX_EXPLAIN = 8  # the numbers nearest the claim that may explain a difference


def subject_names(claim):
    subs = claim.extra.get("subjects") or [claim.subject]
    zh = "及".join(SUBJECT.get(x, (x, x))[0] for x in subs)
    en = " + ".join(SUBJECT.get(x, (x, x))[1] for x in subs)
    if claim.applicant in APPLICANT:
        zh = APPLICANT[claim.applicant][0] + zh
        en = f"{en} ({APPLICANT[claim.applicant][1]})"
    return zh, en


class ProseCountMismatch(Rule):
    code = "GX401"
    name = "prose-count-mismatch"
    summary_en = "A number in the text differs from the table cell it names"
    family = "prose"
    severity = Severity.ERROR
    fixable = True
    messages = {
        "mismatch": {
            "zh": "正文称{subject}为 {claim}，但{where}为 {table}",
            "en": "the prose says {claim} {subject_en}, but {where_en} is {table}",
        },
        "bound_min": {
            "zh": "正文称{subject}在 {claim} 以上（约数），但{where}只有 {table}",
            "en": "the prose says more than {claim} {subject_en}, but {where_en} is only {table}",
        },
        "bound_max": {
            "zh": "正文称{subject}接近 {claim}（约数），但{where}为 {table}，已超过",
            "en": "the prose says nearly {claim} {subject_en}, but {where_en} is {table}, more than that",
        },
        "cell": {"zh": "{label}：{value}", "en": "{label}: {value}"},
        "fix": {
            "zh": "把正文的 {claim} 改为表中的 {table}（若表格有误，则改表格）",
            "en": "write the table's {table} in the text instead of {claim} (or correct the table if it is the one that is wrong)",
        },
        "correct.mismatch": {
            "zh": "核对{subject}的数字，使正文（{claim}）与{where}（{table}）一致。",
            "en": "Check the number of {subject_en} so that the text ({claim}) and {where_en} ({table}) agree.",
        },
        "correct.bound_min": {
            "zh": "核对正文中{subject}的约数（{claim} 以上）与{where}（{table}），使两者一致。",
            "en": "Check the approximate number of {subject_en} in the text ({claim} or more) against {where_en} ({table}).",
        },
        "correct.bound_max": {
            "zh": "核对正文中{subject}的约数（接近 {claim}）与{where}（{table}），使两者一致。",
            "en": "Check the approximate number of {subject_en} in the text (nearly {claim}) against {where_en} ({table}).",
        },
    }

    def on_claim(self, claim, ctx):
        if claim.negative or claim.unit not in COUNT_UNITS or not claim.subject:
            return
        if claim.approx:
            self._bound(claim, ctx)
            return
        flags = set(claim.extra.get("flags", ()))
        if flags & NOT_COMPARABLE:
            return
        alts = [a for a in claim.extra.get("targets", ()) if a["value"] is not None]
        if not alts or any(abs(a["value"] - claim.value) < 1e-9 for a in alts):
            return
        main = alts[0]
        if claim.value > 0 and claim.subject in ZERO_GROUP and all(a["value"] == 0 for a in alts):
            return  # “received N” against an all-zero table: GX402 says it once
        if _explained(claim, [a["value"] for a in alts]):
            return
        sev = Severity.WARNING if flags & UNSURE or claim.scope == "均" else None
        zh, en = subject_names(claim)
        where = "、".join(lbl for lbl, _ in main["terms"][:3]) + (
            "等之和" if len(main["terms"]) > 3 else ("之和" if len(main["terms"]) > 1 else "")
        )
        related = [ctx.related(cell.span, "cell", label=lbl, value=fmt_num(cell.value)) for lbl, cell in main["terms"]]
        ctx.report(
            "mismatch",
            claim.span,
            severity=sev,
            related=related,
            subject=zh,
            subject_en=en,
            claim=fmt_num(claim.value),
            table=fmt_num(main["value"]),
            where=where,
            where_en="the table (" + where + ")",
            fix=_fix(claim, main["value"], sev, ctx),
            data={
                "claim": claim.value,
                "table": main["value"],
                "subject": claim.subject,
                "applicant": claim.applicant,
                "context": claim.context,
            },
        )

    def _bound(self, claim, ctx):
        """十余件 / 100件以上 / 近百件: only a table figure on the wrong side of the bound, as a warning."""
        bound = claim.extra.get("bound")
        if bound not in ("min", "max") or set(claim.extra.get("flags", ())) & NOT_COMPARABLE:
            return
        alts = [a for a in claim.extra.get("targets", ()) if a["value"] is not None]
        if not alts:
            return
        if bound == "min" and any(a["value"] >= claim.value for a in alts):
            return
        if bound == "max" and any(a["value"] <= claim.value for a in alts):
            return
        main = alts[0]
        zh, en = subject_names(claim)
        where = "、".join(lbl for lbl, _ in main["terms"][:3]) + (
            "等之和" if len(main["terms"]) > 3 else ("之和" if len(main["terms"]) > 1 else "")
        )
        related = [ctx.related(cell.span, "cell", label=lbl, value=fmt_num(cell.value)) for lbl, cell in main["terms"]]
        ctx.report(
            "bound_" + bound,
            claim.span,
            severity=Severity.WARNING,
            related=related,
            subject=zh,
            subject_en=en,
            claim=fmt_num(claim.value),
            table=fmt_num(main["value"]),
            where=where,
            where_en="the table (" + where + ")",
            data={"claim": claim.value, "table": main["value"], "subject": claim.subject, "bound": bound},
        )


def _fix(claim, table: float, sev, ctx):
    """To review by hand: the table figure the message names written in the text — only for an
    error (a certain reading of both), and a number written in Arabic digits as the table writes it
    (one in Chinese numerals is left to the author)."""
    if sev is not None or ctx.text[claim.span.start : claim.span.end] != fmt_num(claim.value):
        return None
    value = fmt_num(table)
    return Fix(
        ctx.message("fix", claim=fmt_num(claim.value), table=value),
        (Edit(claim.span.start, claim.span.end, value),),
        safe=False,
    )


def _explained(claim, targets):
    """The sentence accounts for the difference with its other numbers (5 new + 17 reclassified = 22)."""
    others = []
    near = sorted(claim.extra.get("sentence_claims", ()), key=lambda o: abs(o.span.start - claim.span.start))
    for o in near[: MAX_EXPLAIN + 1]:
        if o is claim or o.negative or o.approx or o.unit not in COUNT_UNITS or o.span == claim.span:
            continue
        own = [a["value"] for a in o.extra.get("targets", ()) if a["value"] is not None]
        if own and any(abs(v - o.value) < 1e-9 for v in own):
            continue  # a number that already matches its own cell explains nothing
        others.append(o.value)
    for k in range(1, min(3, len(others)) + 1):
        for combo in combinations(others, k):
            for t in targets:
                if abs(claim.value + sum(combo) - t) < 1e-9:
                    return True
    return False
