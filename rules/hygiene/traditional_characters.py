"""GX601 traditional-characters — 大陆报告中出现繁体字

## 检查内容

正文中出现繁体字（按 OpenCC t2s 转换后会改变的字）。网页被“繁体版”按钮整页机器转换后
转载，全文都会变成繁体。每个段落最多报告一处（一张表格、一串每格一行的表格单元各算一个段落），指向本段第一个繁体字，
并说明本段共有多少个；第一处带一个修复：把全文转换为简体（只改繁体字本身，拼音注音由 GX602 处理，
网页残留行由 GX605 删除）；其余各处带这一修复在本段之内的部分（同样的编辑）。
全文只有一种繁体字时（“关於”，或 OpenCC 会转错的地名、人名用字，如“乾县”→“干县”），
只在第一处作一条提示，修复不标为安全。

## 为什么

《国家通用语言文字法》要求国家机关以规范汉字为公务用字；机器转换的繁体文本也说明报告
是从网页转载的，而不是按原件发布。

## 示例

```report bad
一、總體情況
本年度共受理政府信息公開申請3件。
```

```report good
一、总体情况
本年度共受理政府信息公开申请3件。
```

## 依据

《中华人民共和国国家通用语言文字法》第九条（国家机关以普通话和规范汉字为公务用语用字）。
"""

import functools
from itertools import accumulate, compress, count, groupby
from operator import itemgetter, ne
from typing import Optional

from gxlint.api import Edit, Fix, Rule, Severity, Span, paragraph_keys


class TraditionalCharacters(Rule):
    code = "GX601"
    name = "traditional-characters"
    summary_en = "Traditional characters in a mainland report"
    family = "hygiene"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "paragraph": {
            "zh": "本段有 {count} 个繁体字（如 {examples}），应使用规范简化字",
            "en": "{count} traditional character(s) in this paragraph (e.g. {examples}); use simplified characters",
        },
        "fix": {
            "zh": "把全文转换为简体（{count} 处）",
            "en": "convert the whole document to simplified characters ({count} edits)",
        },
        "single": {
            "zh": "“{t}”是繁体字（共 {count} 处），简体为“{s}”；如是地名、人名用字请忽略",
            "en": "“{t}” is a traditional character ({count} times), simplified “{s}”; ignore if it is part of a name",
        },
        "fix_one": {
            "zh": "把 {count} 处“{t}”改为“{s}”",
            "en": "replace “{t}” by “{s}” ({count} times)",
        },
        "fix_part": {
            "zh": "把本段转换为简体（{count} 处）",
            "en": "convert this paragraph to simplified characters ({count} edits)",
        },
        "correct.paragraph": {
            "zh": "把本段的 {count} 个繁体字改为规范简化字。",
            "en": "Write the {count} traditional character(s) of this paragraph in simplified characters.",
        },
        "correct.single": {
            "zh": "“{t}”如不是地名、人名用字，把 {count} 处改为“{s}”。",
            "en": "Unless “{t}” is part of a name, write it “{s}” ({count} times).",
        },
    }

    def on_document(self, doc, ctx):
        norm = doc.norm
        if not norm.changed_script:
            return
        skip = _residue_spans(doc, ctx)
        changes, edits, firsts = _diff(doc)
        n_all = len(changes)
        if skip:
            lines = doc.lines.lines_of([c[0] for c in changes])
            changes = [c for c, ln in zip(changes, lines) if ln not in skip]
        chrome = _chrome_spans(doc, ctx)
        if chrome:  # page chrome inside a line: GX605 deletes it
            changes = [c for c in changes if not any(sp.start <= c[0] < sp.end for sp in chrome)]
        if not changes:
            return
        if len(changes) != n_all:  # some left out: the runs are cut there
            firsts = []
            edits = _edits(changes, firsts)
        if len({c for _, c, _ in changes}) == 1:
            # one kind of character only (关於, or a name OpenCC gets wrong: 乾县 → 干县): one hint
            # for the document, and the conversion is not safe
            o, t, simp = changes[0]
            fix = Fix(ctx.message("fix_one", t=t, s=simp, count=len(changes)), tuple(edits), safe=False)
            ctx.report(
                "single",
                Span(o, o + 1),
                fix=fix,
                severity=Severity.INFORMATION,
                t=t,
                s=simp,
                count=len(changes),
                data={"count": len(changes), "document_fix": True},
            )
            return
        whole = Fix(ctx.message("fix", count=len(edits)), tuple(edits), safe=True)
        para = paragraph_keys(doc)
        units: dict[object, list] = {}
        keys = [para[ln] for ln in doc.lines.lines_of([c[0] for c in changes])]
        for k, grp in groupby(zip(keys, changes), key=itemgetter(0)):  # runs of one paragraph
            units.setdefault(k, []).extend(map(itemgetter(1), grp))
        # each paragraph's part of the whole fix: the same edits (a run of adjacent characters
        # never crosses a line, so it is all in one paragraph), grouped by the run's first line
        # (the line of the run's first change)
        parts: dict[object, list] = {}
        for k, grp in groupby(zip(map(keys.__getitem__, firsts), edits), key=itemgetter(0)):
            parts.setdefault(k, []).extend(map(itemgetter(1), grp))
        for k, (key, items) in enumerate(units.items()):
            # the first finding carries the one fix that converts the whole document; the others
            # carry the part of it inside their paragraph (same edits: applying all is applying it)
            if k == 0:
                fix = whole
            else:
                part = parts[key]
                fix = Fix(ctx.message("fix_part", count=len(part)), tuple(part), safe=True)
            first = items[0]
            seen: list[str] = []
            for _, t, s in items:
                pair = f"{t}→{s}"
                if pair not in seen:
                    seen.append(pair)
                if len(seen) == 3:
                    break
            ctx.report(
                "paragraph",
                Span(first[0], first[0] + 1),
                fix=fix,
                count=len(items),
                examples="、".join(seen),
                data={"count": len(items), "document_fix": k == 0},
            )


def _residue_spans(doc, ctx) -> set:
    """Lines GX605 deletes (0-based line numbers): their characters are not converted (the edits
    would overlap the deletion)."""
    if not ctx.settings.is_enabled("GX605", "page-residue", doc.path):
        return set()
    return {doc.lines.line_of(r.span.start) for r in doc.debris.residue}


def _chrome_spans(doc, ctx) -> list:
    """Page chrome inside lines of report text, which GX605 deletes (original spans)."""
    if not ctx.settings.is_enabled("GX605", "page-residue", doc.path):
        return []
    return [c.delete for c in doc.debris.chrome]


def _diff(doc) -> tuple[list, list, list]:
    """(original offset, traditional char, simplified char) for every character t2s changes, and
    what :func:`_edits` gives for them: all the document's characters (none left
    out), with the index in the changes of each edit's first change: run by run of the offset map
    (an unchanged run costs one string comparison), each run's differences memoised by its text."""
    norm, orig = doc.norm, doc.text
    simp = norm.text
    diffs = []  # (original offset of the run, its _seg_diff)
    for start, end, shift in norm.segments():
        seg = simp[start:end]
        src = orig[start + shift : end + shift]
        if seg != src:
            diffs.append((start + shift, _seg_diff(seg, src)))
    changes = [(base + j, t, s) for base, (rel, _runs) in diffs for j, t, s in rel]
    # a run never crosses from one segment to the next: text was removed between them
    edits = [Edit(base + a, base + b, new) for base, (_rel, runs) in diffs for a, b, new, _k in runs]
    firsts = [
        n0 + k
        for n0, (_base, (_rel, runs)) in zip(accumulate((len(d[1][0]) for d in diffs), initial=0), diffs)
        for _a, _b, _new, k in runs
    ]
    return changes, edits, firsts


@functools.lru_cache(maxsize=4096)
def _seg_diff(seg: str, src: str) -> tuple[tuple, tuple]:
    """The script changes of one run (converted ``seg``, original ``src``): ((offset, traditional,
    simplified) …) and the runs of adjacent ones ((start, end, simplified text, index of the first
    change) …), offsets relative to the run."""
    rel = tuple(
        (j, src[j], seg[j]) for j in compress(count(), map(ne, seg, src)) if src[j] >= "\u2e80" and not seg[j].isascii()
    )
    runs = []
    k = 0
    n = len(rel)
    while k < n:
        a = rel[k][0]
        e = k + 1
        while e < n and rel[e][0] == rel[e - 1][0] + 1:
            e += 1
        runs.append((a, rel[e - 1][0] + 1, seg[a : rel[e - 1][0] + 1], k))
        k = e
    return rel, tuple(runs)


def _edits(changes, firsts: Optional[list] = None) -> list:
    """One edit per run of adjacent changed characters (pinyin annotations are never inside a run).
    ``firsts`` (a list) receives the index in ``changes`` of each edit's first change."""
    edits = []
    if firsts is None:
        firsts = []
    start = end = 0  # the run so far: [start, end), its new text in buf
    buf: list[str] = []
    for i, (o, _t, s) in enumerate(changes):
        if buf and o == end:
            buf.append(s)
        else:
            if buf:
                edits.append(Edit(start, end, "".join(buf)))
            start, buf = o, [s]
            firsts.append(i)
        end = o + 1
    if buf:
        edits.append(Edit(start, end, "".join(buf)))
    return edits
