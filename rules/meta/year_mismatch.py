"""GX501 year-mismatch — 报告年度前后不一致

## 检查内容

报告年度在几处写出：标题（…2023年政府信息公开工作年度报告）、统计期限（2023年1月1日至
12月31日）、正文里提到的报告名称、第一部分开头（“2023年，……”）、第六部分的信息处理费说明
（“2023年度未收取信息处理费”）、写了年份的表格标题（“二、2023年主动公开政府信息情况”）。报告年度取多数处的写法（相持时以标题为准，其次统计期限；
`--year` 指定时以指定为准），与之不同的每一处报告一次，并指出以哪里为准。
还检查：统计期限起止年份不同；落款日期或发布时间早于报告年度结束（应在次年）；
写错的日期，如“20231月1日”（缺“年”字）、“2023年13月1日”。

## 为什么

年份不一致多半是照抄上一年报告后没有改全（评估通报中的“内容雷同”），读者无法判断数据属于哪一年。

## 示例

```report bad
某某局2023年政府信息公开工作年度报告
本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。
一、总体情况
2023年，我局……
```

```report good
某某局2023年政府信息公开工作年度报告
本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。
一、总体情况
2023年，我局……
```

## 依据

《中华人民共和国政府信息公开条例》第五十条（每年发布上一年度的工作年度报告）；
国办公开办函〔2021〕30号。
"""

from gxlint.api import Edit, Fix, Rule, Severity

WHERE = {
    "title": ("标题", "the title"),
    "period": ("统计期限", "the statistics period"),
    "period_end": ("统计期限的截止年份", "the end of the statistics period"),
    "body": ("正文中的报告名称", "the report's name in the text"),
    "opening": ("第一部分开头", "the opening of part 一"),
    "fee": ("信息处理费说明", "the fee statement"),
    "caption": ("表格标题", "a table heading"),
    "config": ("配置（--year）", "the configuration (--year)"),
    "signature": ("落款日期", "the signature date"),
}


class YearMismatch(Rule):
    code = "GX501"
    name = "year-mismatch"
    summary_en = "The report year is stated inconsistently"
    family = "meta"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "mismatch": {
            "zh": "{where}写的是 {got} 年，但报告年度是 {year} 年（以{basis}为准）",
            "en": "{where} says {got}, but the report year is {year} (as {basis} says)",
        },
        "period_split": {
            "zh": "统计期限起于 {start} 年，止于 {end} 年：一个报告年度应在同一年内",
            "en": "the statistics period starts in {start} and ends in {end}: it should be one calendar year",
        },
        "early_date": {
            "zh": "{what} {date} 早于报告年度 {year} 年结束：年度报告应在 {next} 年发布",
            "en": "{what} {date} is before the end of the report year {year}: the report is published in {next}",
        },
        "malformed": {
            "zh": "日期“{text}”写法有误{why}",
            "en": "the date “{text}” is malformed{why}",
        },
        "basis": {"zh": "{where}：{year} 年", "en": "{where}: {year}"},
        "fix": {"zh": "把 {got} 改为报告年度 {year}", "en": "write the report year {year} instead of {got}"},
        "correct.mismatch": {
            "zh": "把{where}中的 {got} 年改为报告年度 {year} 年（或核对报告年度）。",
            "en": "Write the report year {year} in {where}, not {got} (or check the report year).",
        },
        "correct.period_split": {
            "zh": "改正统计期限：自报告年度的 1 月 1 日起至 12 月 31 日止。",
            "en": "Correct the statistics period: 1 January to 31 December of the report year.",
        },
        "correct.early_date": {
            "zh": "核对{what}（{date}）：{year} 年度的报告应在 {next} 年发布。",
            "en": "Check {what} ({date}): a {year} report is published in {next}.",
        },
        "correct.malformed": {
            "zh": "改正日期“{text}”的写法。",
            "en": "Correct the date “{text}”.",
        },
    }

    def on_document(self, doc, ctx):
        meta = doc.meta
        year = meta.year
        zh = ctx.lang == "zh"
        i = 0 if zh else 1
        mentions = meta.year_mentions
        if year is not None:
            agree = [m for m in mentions if m.year == year]
            basis_src = meta.year_source if meta.year_source in WHERE else (agree[0].source if agree else "title")
            basis = WHERE.get(basis_src, WHERE["title"])[i]
            related = [ctx.related(m.span, "basis", where=WHERE[m.source][i], year=m.year) for m in agree[:3]]
            seen = set()
            for m in mentions:
                if m.year == year or m.span in seen:
                    continue
                if m.source == "period_end" and any(p.source == "period" for p in mentions):
                    continue  # the start year's finding or the split below says it
                seen.add(m.span)
                ctx.report(
                    "mismatch",
                    m.span,
                    related=related,
                    where=WHERE[m.source][i],
                    got=m.year,
                    year=year,
                    basis=basis,
                    fix=_fix(m, year, ctx),
                    data={"mention": m.source, "year": m.year, "report_year": year},
                )
            for what, date, span in (
                ("signature", meta.signature.date, meta.signature.date_span),
                ("published", meta.published, meta.published_span),
            ):
                if date and span is not None and date[0] <= year:
                    label = (
                        ("落款日期", "the signature date")
                        if what == "signature"
                        else ("发布时间", "the publication date")
                    )
                    ctx.report(
                        "early_date",
                        span,
                        what=label[i],
                        date=_fmt(date, zh),
                        year=year,
                        next=year + 1,
                        data={"date": list(date)},
                    )
        ps = [m for m in mentions if m.source == "period"]
        pe = [m for m in mentions if m.source == "period_end"]
        if ps and pe and ps[0].year != pe[0].year and (year is None or ps[0].year == year):
            ctx.report("period_split", pe[0].span, start=ps[0].year, end=pe[0].year)
        for bad in meta.dates.malformed:
            why = {
                "missing-nian": ("（缺少“年”字）", " (the 年 is missing)"),
                "bad-year": ("（年份多了一位）", " (the year has five digits)"),
                "invalid": ("（没有这一天）", " (no such day)"),
            }[bad.reason][i]
            ctx.report("malformed", bad.span, text=bad.written, why=why, data={"reason": bad.reason})


def _fmt(d, zh: bool) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日" if zh else f"{d[0]}-{d[1]:02d}-{d[2]:02d}"


# one year written in one place: the statistics period has two (its start year alone is not
# changed), and what --year says is the configuration's, not the report's
ONE_PLACE = {"title", "body", "opening", "fee", "caption"}


def _fix(mention, year: int, ctx):
    """To review by hand: the report year written where another year stands — only a year written
    in one place in Arabic digits (二〇二三 is left to the author)."""
    if mention.source not in ONE_PLACE or ctx.text[mention.span.start : mention.span.end] != str(mention.year):
        return None
    return Fix(
        ctx.message("fix", got=mention.year, year=year),
        (Edit(mention.span.start, mention.span.end, str(year)),),
        safe=False,
    )
