"""GX706 unsettled-organ — 相邻年度的报告无法确定是否同一机关

## 检查内容

gxlint 同时读到多份报告时，跨年度核对（GX701–GX705）只在确定是同一机关的相邻年度报告之间
进行。一份报告找不到上一年度的报告，而上一年度有一份报告可能是同一机关的、又不能确定时，
在本报告标题处提示（提示级），写明两份报告，并说明为什么不能确定：

- 同一机关名称写了不同的上级地名，而这批报告中这个名称有不止一种上级地名（如同时有
  “南京市鼓楼区人民政府”和“福州市鼓楼区人民政府”，单写“鼓楼区人民政府”的报告是哪一个）；
  只有一种时（“淮安市洪泽区人民政府”与“洪泽区人民政府”）视为同一机关，照常核对；
- 一份是机关，另一份是它的办公室（“洪泽区人民政府”与“洪泽区人民政府办公室”是两个机关，
  但只在开头一句写“本报告由……办公室编制”的报告可能是其中任何一个）；
- 报告没有写明机关名称（标题、落款、开头一句、网页来源都没有），而上一年度的报告也没有，
  或只给了这两份报告。

## 为什么

机关认错了，跨年度核对会得出错误的结论（把另一个机关的结转数当作上年的）；因此不能确定时
不核对。但“不核对”不能不说：审核人以为核对过了，其实没有。写明机关全称（标题中或标题上
一行），或在配置 `[tool.gxlint.organs]` 中写明两种写法是同一机关，即可核对。

## 示例

```report bad
=== 洪泽区人民政府2022年政府信息公开工作年度报告.txt ===
洪泽区人民政府2022年政府信息公开工作年度报告
一、总体情况
2022年，我区收到申请5件。
=== 2023年报告.txt ===
2023年政府信息公开工作年度报告
本报告由洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。
一、总体情况
2023年，我区收到申请6件。
```

```report good
=== 洪泽区人民政府2022年政府信息公开工作年度报告.txt ===
洪泽区人民政府2022年政府信息公开工作年度报告
一、总体情况
2022年，我区收到申请5件。
=== 2023年报告.txt ===
淮安市洪泽区人民政府
2023年政府信息公开工作年度报告
本报告由洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。
一、总体情况
2023年，我区收到申请6件。
```

## 依据

《中华人民共和国政府信息公开条例》第五十条（年度报告由各级行政机关就本机关的工作编制公布）。
"""

from gxlint.api import Rule, Severity, Span, maybe_last_year, organ_core, organ_relation

MAX_NAMED = 3


class UnsettledOrgan(Rule):
    code = "GX706"
    name = "unsettled-organ"
    summary_en = "Reports of consecutive years that cannot be settled as one organ"
    family = "across"
    severity = Severity.INFORMATION
    messages = {
        "places": {
            "zh": "{other}（{prev} 年，“{theirs}”）可能是本机关（“{mine}”）上一年度的报告，但“{core}”在这批报告中有"
            "不同的上级地名（{variants}），无法确定是同一机关，未作跨年度核对；如是同一机关，请在配置 "
            "[tool.gxlint.organs] 中写明",
            "en": "{other} ({prev}, “{theirs}”) may be last year's report of this organ (“{mine}”), but “{core}” is "
            "written with different places above it in these reports ({variants}): not settled, the years "
            "were not compared; if it is one organ, say so in [tool.gxlint.organs]",
        },
        "office": {
            "zh": "{other}（{prev} 年）是“{theirs}”的报告，本报告是“{mine}”的：机关与其办公室是两个机关，"
            "无法确定是否同一机关，未作跨年度核对；请在标题中写明本报告所属机关的全称",
            "en": "{other} ({prev}) is the report of “{theirs}”, this one of “{mine}”: an organ and its office are "
            "two organs; not settled, the years were not compared; write the organ's full name in the title",
        },
        "unnamed": {
            "zh": "本报告没有写明机关名称（标题、落款、开头一句、网页来源都没有），无法与 {other}（{prev} 年）"
            "确定为同一机关，未作跨年度核对；请在标题中写明机关全称",
            "en": "this report does not name its organ (not in the title, the signature, the opening sentence or "
            "a source line): it cannot be settled as the same organ as {other} ({prev}), the years were "
            "not compared; write the organ's full name in the title",
        },
        "other": {"zh": "{prev} 年的报告：{other}", "en": "the {prev} report: {other}"},
        "correct.places": {
            "zh": "在标题中写明机关全称，上级地名与上一年度报告的写法一致。",
            "en": "Write the organ's full name in the title, with the places above it written as in last year's report.",
        },
        "correct.office": {
            "zh": "在标题中写明本报告所属机关的全称。",
            "en": "Write the full name of the report's organ in the title.",
        },
        "correct.unnamed": {
            "zh": "在标题和落款中写明机关全称。",
            "en": "Write the organ's full name in the title and the signature.",
        },
    }

    def on_index(self, report, index, ctx):
        y = report.year
        if y is None or index.previous(report) is not None:
            return
        if report.organ and index.of_year(report, y - 1):
            return  # several reports of last year for this organ: GX703 says so
        anchor = report.anchor
        span = Span(anchor.start, anchor.end) if anchor else Span(0, 0)
        mine = report.organ_written or report.organ or ""
        cands = maybe_last_year(report, index)
        if not report.organ:
            for o in cands[:1]:
                ctx.report(
                    "unnamed",
                    span,
                    other=ctx.name_of(o.path),
                    prev=o.year,
                    related=self._rel(ctx, o),
                    data={"other_path": o.path, "other_year": o.year, "why": "unnamed"},
                )
            return
        core = organ_core(report.organ)
        named = 0
        for o in cands:
            why = organ_relation(report.organ, o.organ)
            theirs = o.organ_written or o.organ
            data = {"other_path": o.path, "other_year": o.year, "why": why}
            if why == "places":
                variants = sorted({e.organ_written or e.organ for e in index.of_core(core)})
                ctx.report(
                    "places",
                    span,
                    other=ctx.name_of(o.path),
                    prev=o.year,
                    theirs=theirs,
                    mine=mine,
                    core=core,
                    variants="、".join(variants),
                    related=self._rel(ctx, o),
                    data=data,
                )
            else:
                ctx.report(
                    "office",
                    span,
                    other=ctx.name_of(o.path),
                    prev=o.year,
                    theirs=theirs,
                    mine=mine,
                    related=self._rel(ctx, o),
                    data=data,
                )
            named += 1
            if named >= MAX_NAMED:
                break

    @staticmethod
    def _rel(ctx, o):
        return [ctx.related_in(o.path, o.anchor, "other", prev=o.year, other=ctx.name_of(o.path))] if o.anchor else []
