"""GX605 page-residue — 网页残留（来源、发布时间、字体、扫一扫……）

## 检查内容

从网页复制报告时带进来的页面元素：

- 整行都是页面元素的行：来源/发布时间/时间、累计次数/浏览次数、字体:[ ] / 字号 大 中 小、
  扫一扫在手机上查看当前页面、打印本页、关闭窗口、分享到、返回顶部。只有“来源”“时间”的行在
  报告开头（第一部分之前）或结尾（正文之后）才算，正文里“信息来源：……”这样的句子不算。
- 网页存档在报告开头或结尾加的页面信息行：标题:、文号:、发布机构:、栏目:、原文链接:、
  本地目录:、索引号: 等，“==== 正文 ====”分隔行，“页面链接与图片详见 links.tsv”这样的存档说明。
  相邻的几行页面元素合为一条。
- 夹在报告正文行里的页面元素（网页被压成一行时）：“当前位置：首页……”导航、“来源：… 时间：…”
  以及紧挨着的“微信 微博 QQ空间 全真版 文字版”等按钮（按钮文字连写两次也算：“无障碍无障碍”）。必须有确定的标志（导航、来源加时间、
  扫一扫、字体大中小、浏览次数、【打印本页】），只标出页面元素本身，不含其前后的报告文字；
  正文里谈到“微信公众号”的句子不算。报告最后一句之后的“附件下载”“【打印本页】”等页面按钮也算。

修复：删除这些行或这些页面元素（安全）。其他规则要用的信息不会随之删掉：报告没有自己的标题、
用的是“标题:”行时，修复只去掉“标题:”，把标题留作报告的标题行；发布时间（GX502 据以核对发布
期限；落款日期与它相同时除外）所在的行、报告名称和落款之外唯一写明发布机关的“来源:”行保留不删。只剩这样的行时，删除它的修复
不标为安全，并说明删掉的是什么。

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

from gxlint.api import Edit, Fix, Rule, Severity, Span

KINDS = {
    "source": ("来源", "source"),
    "time": ("发布时间", "publication time"),
    "views": ("浏览次数", "view count"),
    "font": ("字体大小", "font size"),
    "qr": ("扫一扫", "QR code"),
    "print": ("打印本页", "print"),
    "close": ("关闭窗口", "close window"),
    "share": ("分享/收藏", "share"),
    "author": ("作者/编辑", "author"),
    "meta": ("页面信息", "page metadata"),
    "crumb": ("“当前位置”导航", "breadcrumb"),
    "pair": ("来源、发布时间", "source and time"),
    "buttons": ("打印/关闭按钮", "page buttons"),
    "archive": ("网页存档说明", "web archive note"),
}


class PageResidue(Rule):
    code = "GX605"
    name = "page-residue"
    summary_en = "Web page residue (source, publication time, font size, QR code …)"
    family = "hygiene"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "line": {
            "zh": "网页残留：这一行是网站页面元素（{what}），不是报告内容",
            "en": "web page residue: this line is page chrome ({what}), not report text",
        },
        "lines": {
            "zh": "网页残留：这 {n} 行是网站页面元素（{what}），不是报告内容",
            "en": "web page residue: these {n} lines are page chrome ({what}), not report text",
        },
        "inline": {
            "zh": "网页残留：行内夹着网站页面元素（{what}），不是报告内容",
            "en": "web page residue: page chrome ({what}) inside the line, not report text",
        },
        "more": {"zh": "同一行的另一段网页残留", "en": "more page chrome on this line"},
        "fix": {"zh": "删除这一行", "en": "delete this line"},
        "fix_inline": {"zh": "删除网页残留", "en": "delete the page chrome"},
        "fix_lines": {"zh": "删除这 {n} 行", "en": "delete these {n} lines"},
        "fix_keep": {
            "zh": "删除网页残留，保留{kept}（{why}）",
            "en": "delete the page chrome, keeping {kept} ({why})",
        },
        "fix_takes": {
            "zh": "删除这{lines}——会一并删掉{kept}，{why}将无法核对",
            "en": "delete {lines} — this also removes {kept}: {why} can no longer be checked",
        },
        "correct.line": {
            "zh": "删除这一行网站页面元素（{what}），只保留报告正文。",
            "en": "Remove this line of page chrome ({what}); keep only the report.",
        },
        "correct.lines": {
            "zh": "删除这 {n} 行网站页面元素（{what}），只保留报告正文。",
            "en": "Remove these {n} lines of page chrome ({what}); keep only the report.",
        },
        "correct.inline": {
            "zh": "删除行内夹着的网站页面元素（{what}），只保留报告正文。",
            "en": "Remove the page chrome inside the line ({what}); keep only the report.",
        },
    }

    def on_document(self, doc, ctx):
        idx = 0 if ctx.lang == "zh" else 1
        sep = "、" if idx == 0 else ", "
        # consecutive chrome lines (blank lines between them included) are one block: one finding
        for block in _blocks(doc, doc.debris.residue):
            kinds = [k for r in block for k in r.kinds]
            what = sep.join(dict.fromkeys(KINDS[k][idx] for k in kinds if k in KINDS))
            fix = _fix(doc, ctx, block, idx)
            span = Span(block[0].span.start, block[-1].span.end)
            if len(block) == 1:
                ctx.report("line", span, fix=fix, what=what, data={"kinds": kinds})
            else:
                ctx.report("lines", span, fix=fix, what=what, n=len(block), data={"kinds": kinds})

        # chrome inside a line of report text: one finding per line, the chrome's span only
        by_line: dict[int, list] = {}
        for c in doc.debris.chrome:
            by_line.setdefault(doc.lines.line_of(c.span.start), []).append(c)
        for runs in by_line.values():
            kinds = [k for c in runs for k in c.kinds]
            what = sep.join(dict.fromkeys(KINDS[k][idx] for k in kinds if k in KINDS))
            fix = Fix(ctx.message("fix_inline"), tuple(Edit(c.delete.start, c.delete.end, "") for c in runs), safe=True)
            related = [ctx.related(c.span, "more") for c in runs[1:]]
            ctx.report("inline", runs[0].span, fix=fix, related=related, what=what, data={"kinds": kinds})


# what a residue line may hold that other rules read (zh, en): the report's only title (the year,
# the organ: GX501/GX507, GX7), the publication date (GX502), the only statement of the organ
ROLES = {
    "title": (("报告标题", "the report's title"), ("报告年度和发布机关", "the report year and organ")),
    "date": (("发布时间", "the publication date"), ("发布期限", "the publication deadline")),
    "organ": (("发布机关（来源）", "the issuing organ (source)"), ("发布机关", "the issuing organ")),
}


def _roles(doc, r) -> list[str]:
    """What the residue line ``r`` holds that other rules use (see :data:`ROLES`)."""
    meta = doc.meta
    out = []
    inside = lambda sp: sp is not None and r.span.start <= sp.start < r.span.end  # noqa: E731
    if inside(meta.title_span):
        out.append("title")  # a labelled 标题: line is the title only when the report has none
    if inside(meta.published_span) and meta.signature.date != meta.published:
        out.append("date")  # (a signature of the same date would still give GX502 its date)
    if meta.organ_source == "source" and inside(meta.organ_span):
        out.append("organ")
    return out


def _fix(doc, ctx, block, idx: int) -> Fix:
    """Delete the block's lines — but never silently what other rules read: the 标题: line that is
    the report's only title keeps the title (its label goes), the line of the publication date and
    of the only organ name stay.  A block of such lines alone: an unsafe fix that says what it takes."""
    roles = [_roles(doc, r) for r in block]
    if not any(roles):
        edit = Edit(min(r.delete.start for r in block), max(r.delete.end for r in block), "")
        return Fix(ctx.message("fix" if len(block) == 1 else "fix_lines", n=len(block)), (edit,), safe=True)
    sep = "、" if idx == 0 else ", "
    edits: list = []
    run: list = []
    kept: list[str] = []

    def flush() -> None:
        if run:
            edits.append(Edit(min(r.delete.start for r in run), max(r.delete.end for r in run), ""))
            run.clear()

    for r, rl in zip(block, roles):
        if not rl:
            run.append(r)
            continue
        flush()
        kept.extend(rl)
        if rl == ["title"]:
            edits.append(Edit(r.span.start, doc.meta.title_span.start, ""))  # 标题: X → X
    flush()
    kept = list(dict.fromkeys(kept))
    what = sep.join(ROLES[k][0][idx] for k in kept)
    why = sep.join(ROLES[k][1][idx] for k in kept)
    if edits:
        return Fix(ctx.message("fix_keep", kept=what, why=why), tuple(edits), safe=True)
    edit = Edit(min(r.delete.start for r in block), max(r.delete.end for r in block), "")
    lines = (("一行", "this line") if len(block) == 1 else (f" {len(block)} 行", f"these {len(block)} lines"))[idx]
    return Fix(ctx.message("fix_takes", lines=lines, kept=what, why=why), (edit,), safe=False)


def _blocks(doc, residue):
    """Residue lines grouped into runs of consecutive lines (only blank lines between them)."""
    lines = doc.lines
    blocks: list[list] = []
    last = -2
    for r in sorted(residue, key=lambda r: r.span.start):
        ln = lines.line_of(r.span.start)
        if blocks and all(not lines.line_text(k).strip() for k in range(last + 1, ln)):
            blocks[-1].append(r)
        else:
            blocks.append([r])
        last = lines.line_of(max(r.span.start, r.span.end - 1))
    return blocks
