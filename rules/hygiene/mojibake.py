"""GX603 mojibake — 乱码（错误解码损坏的文字）

## 检查内容

因编码错误而损坏的文字：
- 二次解码丢字留下的问号：`三審三?!薄胺旨?jí)`（汉字中间夹着半角问号，问号不可能出现在那里）；
- UTF-8 文字被当作 GBK 读出（`鏀垮簻淇℃伅` → 政府信息）或当作 Latin-1 读出（`æ”¿åºœ`）：
  按字节还原后能读出三个以上常用汉字才算；
- 替换字符 U+FFFD（�）、“锟斤拷”；
- 残留的 HTML 标记（`</p>`、`<br>`、`&nbsp;`）。

正常的生僻字（人名、地名用字）不会被还原成常用汉字，不报告；疑问句后的问号（吗?）不报告。
每行最多报告一处，其余位置作为相关信息附上。无法可靠还原，不提供修复。

## 为什么

乱码处的原文已经丢失，读者无法知道原来写的是什么；往往还吞掉了标点或数字。

## 示例

```report bad
一、总体情况
严格落实发布内容“三审三?!薄胺旨?jí)审核、先审后发”制度。
```

```report good
一、总体情况
严格落实发布内容“三审三校”“分级审核、先审后发”制度。
```

## 依据

国办公开办函〔2021〕30号（年度报告内容应准确完整）；GB/T 15834—2011《标点符号用法》。
"""

from gxlint.api import Rule, Severity

KIND = {
    "lost": ("字节丢失，原字已变成问号", "bytes were lost and replaced by question marks"),
    "replacement": ("出现替换字符，原字已丢失", "replacement characters: the original text is lost"),
    "gbk": ("UTF-8 文字被当作 GBK 解码", "UTF-8 text decoded as GBK"),
    "latin": ("UTF-8 文字被当作 Latin-1 解码", "UTF-8 text decoded as Latin-1"),
    "html": ("网页 HTML 标记残留", "HTML markup left over from the web page"),
}


class Mojibake(Rule):
    code = "GX603"
    name = "mojibake"
    summary_en = "Garbled text (mojibake)"
    family = "hygiene"
    severity = Severity.WARNING
    messages = {
        "mojibake": {
            "zh": "疑似乱码“{text}”：{why}{recovered}",
            "en": "garbled text “{text}”: {why}{recovered}",
        },
        "recovered": {"zh": "（按字节还原为“{text}”）", "en": " (the bytes read “{text}”)"},
        "more": {"zh": "同一行的另一处乱码“{text}”", "en": "more garbled text on this line: “{text}”"},
        "correct.mojibake": {
            "zh": "对照原文改正乱码“{text}”（重新复制原文，或把文件另存为 UTF-8）。",
            "en": "Correct the garbled “{text}” from the original (copy it again, or save the file as UTF-8).",
        },
    }

    def on_document(self, doc, ctx):
        dead = (
            [r.delete for r in doc.debris.residue] if ctx.settings.is_enabled("GX605", "page-residue", doc.path) else []
        )
        by_line: dict[int, list] = {}
        for m in doc.debris.mojibake:
            if any(d.start <= m.span.start < d.end for d in dead):
                continue
            by_line.setdefault(doc.lines.line_of(m.span.start), []).append(m)
        idx = 0 if ctx.lang == "zh" else 1
        for items in by_line.values():
            first = items[0]
            rec = ctx.message("recovered", text=first.recovered) if first.recovered else ""
            related = [ctx.related(m.span, "more", text=_short(m.written)) for m in items[1:]]
            ctx.report(
                "mojibake",
                first.span,
                related=related,
                text=_short(first.written),
                why=KIND[first.kind][idx],
                recovered=rec,
                data={"kind": first.kind, "count": len(items)},
            )


def _short(s: str) -> str:
    return s if len(s) <= 24 else s[:23] + "…"
