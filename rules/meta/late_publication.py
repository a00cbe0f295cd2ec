"""GX502 late-publication — 发布晚于法定期限

## 检查内容

落款日期或网页上的发布时间是否晚于条例规定的期限。期限取决于发布机关的层级，
从机关名称判断（或由配置 `organ_level` 指定）：
- 县级以上人民政府部门（……局、……委、……办、人民政府办公室）：次年 1 月 31 日；
- 县级以上地方人民政府本级的报告（……人民政府）：次年 3 月 31 日；
- 乡镇、街道：没有全国统一期限，可用配置 `township_deadline = "MM-DD"` 指定本地期限；
- 层级不明（或乡镇、街道未配置期限）：只在日期不在报告年度的次年时报告。

有发布时间时以发布时间为准（那是实际公开的日期），否则用落款日期。

## 为什么

条例第四十九条规定了发布期限；“不按时发布”是评估通报点名最多的问题之一。

## 示例

```report bad
某某市某某局2023年政府信息公开工作年度报告
一、总体情况
……
某某市某某局
2024年3月5日
```

```report good
某某市某某局2023年政府信息公开工作年度报告
一、总体情况
……
某某市某某局
2024年1月20日
```

## 依据

《中华人民共和国政府信息公开条例》第四十九条。
"""

import re

from gxlint.api import Rule, Severity

LEVEL = {
    "department": ("政府部门", "a government department"),
    "government": ("人民政府本级", "a people's government"),
    "township": ("乡镇、街道", "a township or street office"),
}


class LatePublication(Rule):
    code = "GX502"
    name = "late-publication"
    summary_en = "Published after the legal deadline"
    family = "meta"
    severity = Severity.WARNING
    messages = {
        "late": {
            "zh": "{what} {date} 晚于{level}年度报告的发布期限 {deadline}（{basis}）",
            "en": "{what} {date} is after the deadline for {level}: {deadline} ({basis_en})",
        },
        "late_year": {
            "zh": "{what} {date} 已不在报告年度的次年（{next} 年）内，发布过晚",
            "en": "{what} {date} is not in the year after the report year ({next}): published too late",
        },
        "organ": {"zh": "发布机关：{organ}（{level}）", "en": "issuing organ: {organ} ({level})"},
        "other": {"zh": "{what}：{date}", "en": "{what}: {date}"},
        "correct.late": {
            "zh": "今后请在法定期限（{deadline}）内发布年度报告；本次延期如有原因，请在报告中说明。",
            "en": "Publish the annual report by the legal deadline ({deadline}) in future; if there was a reason for the delay, state it in the report.",
        },
        "correct.late_year": {
            "zh": "今后请在报告年度的次年（{next} 年）法定期限内发布年度报告。",
            "en": "Publish the annual report within the legal deadline in {next} in future.",
        },
    }

    def on_document(self, doc, ctx):
        meta = doc.meta
        year = meta.year
        if year is None:
            return
        i = 0 if ctx.lang == "zh" else 1
        level = ctx.settings.organ_level or meta.organ_level
        deadline = None
        old = year < 2019 and level in ("department", "government")
        if old:
            # before the 2019 revision: every organ by March 31 (old 条例 art. 31)
            deadline = (year + 1, 3, 31)
        elif level == "department":
            deadline = (year + 1, 1, 31)
        elif level == "government":
            deadline = (year + 1, 3, 31)
        elif level == "township" and ctx.settings.township_deadline:
            m = re.fullmatch(r"\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*", str(ctx.settings.township_deadline))
            if m:
                deadline = (year + 1, int(m.group(1)), int(m.group(2)))
        cands = [
            (("发布时间", "the publication date"), meta.published, meta.published_span),
            (("落款日期", "the signature date"), meta.signature.date, meta.signature.date_span),
        ]
        cands = [c for c in cands if c[1] and c[2] is not None]
        if not cands:
            return
        zh = i == 0
        for what, date, span in cands:
            late = date > deadline if deadline else date[0] > year + 1
            if not late:
                continue
            related = []
            if meta.organ and meta.organ_span is not None and level in LEVEL and not ctx.settings.organ_level:
                related.append(ctx.related(meta.organ_span, "organ", organ=meta.organ, level=LEVEL[level][i]))
            for w2, d2, s2 in cands:
                if s2 != span:
                    related.append(ctx.related(s2, "other", what=w2[i], date=_fmt(d2, zh)))
            data = {"date": list(date), "deadline": list(deadline) if deadline else None, "level": level}
            if deadline:
                basis = (
                    ("条例第四十九条", "条例 art. 49")
                    if level != "township"
                    else ("本地规定，township_deadline", "local rule, township_deadline")
                )
                if old:
                    basis = ("2019 年修订前的条例第三十一条", "the pre-2019 条例 art. 31")
                ctx.report(
                    "late",
                    span,
                    related=related,
                    what=what[i],
                    date=_fmt(date, zh),
                    level=LEVEL[level][i],
                    deadline=_fmt(deadline, zh),
                    basis=basis[0],
                    basis_en=basis[1],
                    data=data,
                )
            else:
                ctx.report(
                    "late_year", span, related=related, what=what[i], date=_fmt(date, zh), next=year + 1, data=data
                )
            return  # one finding: the publication date wins over the signature date


def _fmt(d, zh: bool) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日" if zh else f"{d[0]}-{d[1]:02d}-{d[2]:02d}"
