"""GX507 nonstandard-title — 标题不规范

## 检查内容

标题应为“（机关名称）+ Y年（或Y年度）+ 政府信息公开工作年度报告”。常见的不规范写法：
“……政府信息公开工作报告”（缺“年度”）、“……政府信息公开年度报告”（缺“工作”）、
标题中没有年份、“……年报”。只检查能认出的标题（第一部分之前的标题行）；没有标题行的
（网页转载时常把标题留在页面上）不报告。缺“年度”或“工作”时提供一个需人工核对的修复（不标为安全）（补上缺的字）。

## 为什么

统一格式规定了报告名称；“工作报告”与“工作年度报告”是评估通报中点名的不规范标题。

## 示例

```report bad
某某市某某局2023年政府信息公开工作报告
一、总体情况
```

```report good
某某市某某局2023年政府信息公开工作年度报告
一、总体情况
```

## 依据

《中华人民共和国政府信息公开条例》第四十九条、第五十条（政府信息公开工作年度报告）；
国办公开办函〔2021〕30号。
"""

import re

from gxlint.api import Edit, Fix, Rule, Severity

_STD = re.compile(r"^(?P<o>.*?)(?P<y>(?:19|20)\d\d|[一二][〇○零Oo一二三四五六七八九]{3})年度?政府信息公开工作年度报告$")
_NEAR = re.compile(
    r"^(?P<o>.*?)(?P<y>(?:19|20)\d\d|[一二][〇○零Oo一二三四五六七八九]{3})年度?(?:的)?政府信息公开(?P<w>工作)?(?P<a>年度)?报告$"
)


class NonstandardTitle(Rule):
    code = "GX507"
    name = "nonstandard-title"
    summary_en = "A non-standard title"
    family = "meta"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "missing_words": {
            "zh": "标题缺少“{words}”：应为“……{y}年政府信息公开工作年度报告”",
            "en": "the title lacks “{words}”: it should read “…{y}年政府信息公开工作年度报告”",
        },
        "no_year": {
            "zh": "标题没有写报告年度：应为“……Y年政府信息公开工作年度报告”",
            "en": "the title names no report year: it should read “…Y年政府信息公开工作年度报告”",
        },
        "other": {
            "zh": "标题“{title}”不是规范形式“……Y年（度）政府信息公开工作年度报告”",
            "en": "the title “{title}” is not of the form “…Y年(度)政府信息公开工作年度报告”",
        },
        "fix": {"zh": "补上“{words}”", "en": "insert “{words}”"},
        "correct.missing_words": {
            "zh": "把标题改为规范形式“……{y}年政府信息公开工作年度报告”（补上“{words}”）。",
            "en": "Title the report “……{y}年政府信息公开工作年度报告” (add “{words}”).",
        },
        "correct.no_year": {
            "zh": "在标题中写明报告年度，如“……2023年政府信息公开工作年度报告”。",
            "en": "Put the report year in the title, e.g. “……2023年政府信息公开工作年度报告”.",
        },
        "correct.other": {
            "zh": "把标题改为规范形式“……Y年（度）政府信息公开工作年度报告”。",
            "en": "Title the report in the standard form “……Y年（度）政府信息公开工作年度报告”.",
        },
    }

    def on_document(self, doc, ctx):
        meta = doc.meta
        if meta.title_span is None:
            return
        norm = doc.norm
        a, b = norm.from_orig(meta.title_span.start), norm.from_orig(meta.title_span.end)
        raw = norm.text[a:b]
        # compare without spaces and markdown; keep a map to normalised offsets
        keep = [i for i, ch in enumerate(raw) if not ch.isspace() and ch not in "*#"]
        t = "".join(raw[i] for i in keep)
        if _STD.match(t):
            return
        m = _NEAR.match(t)
        if m:
            if m.group("w") and m.group("a"):
                return
            words = ("" if m.group("w") else "工作") + ("" if m.group("a") else "年度")
            # insert before 报告 (and 工作 before 年度/报告)
            bao = a + keep[len(t) - 2]
            edits = []
            if not m.group("w"):
                at = a + keep[m.start("a")] if m.group("a") else bao
                edits.append(Edit(norm.to_orig(at), norm.to_orig(at), "工作"))
            if not m.group("a"):
                edits.append(Edit(norm.to_orig(bao), norm.to_orig(bao), "年度"))
            fix = Fix(ctx.message("fix", words=words), tuple(edits), safe=False)
            ctx.report("missing_words", meta.title_span, fix=fix, words=words, y=m.group("y"))
            return
        if not re.search(r"(?:19|20)\d\d|[一二][〇○零Oo一二三四五六七八九]{3}", t):
            ctx.report("no_year", meta.title_span)
            return
        ctx.report("other", meta.title_span, title=meta.title.strip())
