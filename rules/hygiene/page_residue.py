"""GX605 page-residue — 网页残留（来源、发布时间、字体、扫一扫……）

## 检查内容

从网页复制报告时带进来的页面元素，整行都是这些内容才算：
来源/发布时间/时间、累计次数/浏览次数、字体:[ ] / 字号 大 中 小、扫一扫在手机上查看当前页面、
打印本页、关闭窗口、分享到、返回顶部。只有“来源”“时间”的行在报告开头（第一部分之前）
或结尾（正文之后）才算，正文里“信息来源：……”这样的句子不算。
修复：删除整行（安全）。

## 为什么

这些是网站的页面元素，不是报告内容；留在报告里说明报告是从网页转载的，而不是按原件发布。
（“发布时间”本身仍被用来检查发布是否逾期，见 GX502。）

## 示例

```report bad
某某局2023年政府信息公开工作年度报告
来源:某某局 发布时间:2024-01-14 累计次数: 字体:[ ]
一、总体情况
```

```report good
某某局2023年政府信息公开工作年度报告
一、总体情况
```

## 依据

国办公开办函〔2021〕30号（年度报告按统一格式编制发布）。
"""
from gxlint.api import Edit, Fix, Rule, Severity

KINDS = {
    "source": ("来源", "source"), "time": ("发布时间", "publication time"), "views": ("浏览次数", "view count"),
    "font": ("字体大小", "font size"), "qr": ("扫一扫", "QR code"), "print": ("打印本页", "print"),
    "close": ("关闭窗口", "close window"), "share": ("分享/收藏", "share"), "author": ("作者/编辑", "author"),
}


class PageResidue(Rule):
    code = "GX605"
    name = "page-residue"
    family = "hygiene"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "line": {
            "zh": "网页残留：这一行是网站页面元素（{what}），不是报告内容",
            "en": "web page residue: this line is page chrome ({what}), not report text",
        },
        "fix": {"zh": "删除这一行", "en": "delete this line"},
    }

    def on_document(self, doc, ctx):
        for r in doc.meta.extra.get("residue", []):
            idx = 0 if ctx.lang == "zh" else 1
            what = ("、" if idx == 0 else ", ").join(dict.fromkeys(KINDS[k][idx] for k in r.kinds if k in KINDS))
            fix = Fix(ctx.message("fix"), (Edit(r.delete.start, r.delete.end, ""),), safe=True)
            ctx.report("line", r.span, fix=fix, what=what, data={"kinds": list(r.kinds)})
