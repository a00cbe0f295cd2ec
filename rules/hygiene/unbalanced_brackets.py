"""GX604 unbalanced-brackets — 括号、书名号或引号不配对

## 检查内容

一行（一段）之内的（）()《》“”是否配对：多出的开括号、没有开括号的闭括号、
交叉的括号。全角和半角圆括号视为同一种（“(……）”不报告）。中文弯引号分左右，
“““办不成事”这样的重复左引号会被发现；直引号 " 不分左右，不检查。
从 PDF 或转换工具得到的文字在行宽处断行（一段话折成几行，行间可能夹着页码行“- 2 -”），
折行的各行按一段读，括号在下一行闭合的不报告；不折行的文字里，一个括号跨到下一行、
而下一行正好以对应的闭括号收尾时，也视为同一段。
行首的编号“1)”“一）”不算多出的闭括号。
重复的左引号或左书名号（““、《《）且多出的正是它时，提供删除多余一个的安全修复。

## 为什么

括号、引号不配对多半是录入或转载时丢了字；书名号不配对会让文件名称读不清。

## 示例

```report bad
一、总体情况
设置配备醒目““办不成事”反映窗口标识标牌。
```

```report good
一、总体情况
设置配备醒目“办不成事”反映窗口标识标牌。
```

## 依据

GB/T 15834—2011《标点符号用法》4.4 引号、4.5 括号、4.15 书名号。
"""

import re

from gxlint.api import Edit, Fix, Rule, Severity, Span, paragraphs

OPEN = {"(": "paren", "（": "paren", "《": "title", "“": "quote"}
CLOSE = {")": "paren", "）": "paren", "》": "title", "”": "quote"}
CLOSER = {"paren": "）", "title": "》", "quote": "”"}
OPENER = {"paren": "（", "title": "《", "quote": "“"}
PARTNER = {"(": ")", ")": "(", "（": "）", "）": "（", "《": "》", "》": "《", "“": "”", "”": "“"}  # for messages
NAME = {"paren": ("括号", "parenthesis"), "title": ("书名号", "title mark"), "quote": ("引号", "quotation mark")}
_BRACKET = re.compile("[" + re.escape("".join(OPEN) + "".join(CLOSE)) + "]")
_ENUM = re.compile(r"^[ \t\u3000*#>-]*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[a-zA-Z]|[①-⑳])$")


class UnbalancedBrackets(Rule):
    code = "GX604"
    name = "unbalanced-brackets"
    summary_en = "Unbalanced brackets, title marks or quotes"
    family = "hygiene"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "unclosed": {
            "zh": "{name} {ch} 没有配对的 {want}",
            "en": "opening {name_en} {ch} is never closed by {want}",
        },
        "unopened": {
            "zh": "{name} {ch} 前面没有配对的 {want}",
            "en": "closing {name_en} {ch} has no opening {want} before it",
        },
        "fix": {"zh": "删除重复的“{ch}”", "en": "delete the doubled “{ch}”"},
        "more": {"zh": "同一行另一处未配对的 {ch}", "en": "another unmatched {ch} on this line"},
        "correct.unclosed": {
            "zh": "补上与{name} {ch} 配对的 {want}，或删除多余的 {ch}。",
            "en": "Add the {want} that closes the {name_en} {ch}, or remove the extra {ch}.",
        },
        "correct.unopened": {
            "zh": "补上与{name} {ch} 配对的 {want}，或删除多余的 {ch}。",
            "en": "Add the {want} that opens the {name_en} {ch}, or remove the extra {ch}.",
        },
    }

    def on_document(self, doc, ctx):
        found: list[tuple[int, str, Span, dict]] = []  # (position, message id, span, kwargs)
        self._scan(doc, ctx, found)
        # one diagnostic per line: the first problem, the others as related information
        by_line: dict[int, list] = {}
        for item in sorted(found, key=lambda x: x[0]):
            by_line.setdefault(doc.lines.line_of(item[0]), []).append(item)
        for items in by_line.values():
            _pos, mid, span, kw = items[0]
            related = [ctx.related(sp, "more", ch=k["ch"]) for _p, _m, sp, k in items[1:21]]
            ctx.report(mid, span, related=related, **kw)

    def _scan(self, doc, ctx, found):
        text = doc.text
        # lines GX605 deletes, and lines damaged by mojibake (the damage ate the brackets: one root cause)
        lines = doc.lines
        dead = set()
        for sp in [r.span for r in doc.debris.residue] + [m.span for m in doc.debris.mojibake]:
            dead.update(range(lines.line_of(sp.start), lines.line_of(max(sp.start, sp.end - 1)) + 1))
        # one pass over the text; lines without a bracket share one empty tuple (a flood of blank
        # lines costs 8 bytes a line, no list and no search per line)
        events_by_line: list = [()] * lines.count
        events = [(m.start(), m.group()) for m in _BRACKET.finditer(text)]
        for ln, ev in zip(lines.lines_of([p for p, _ in events]), events):
            if ln in dead:
                continue
            evs = events_by_line[ln]
            if not evs:
                evs = events_by_line[ln] = []
            evs.append(ev)
        wrapped = paragraphs(doc)
        stack: list[tuple[int, str]] = []
        through = -1  # lines up to this one lie inside a wrapped paragraph (page numbers)
        for ln, events in enumerate(events_by_line):
            if not events and not stack:
                continue
            a = lines.line_start(ln)
            if ln <= through:
                continue
            for pos, ch in events:
                if ch in OPEN:
                    stack.append((pos, ch))
                    continue
                fam = CLOSE[ch]
                k = len(stack) - 1
                while k >= 0 and OPEN[stack[k][1]] != fam:
                    k -= 1
                if k < 0:
                    if fam == "paren" and _ENUM.match(text[a:pos]):
                        continue  # 1) 一） list markers
                    found.append(
                        (
                            pos,
                            "unopened",
                            Span(pos, pos + 1),
                            dict(ch=ch, want=PARTNER[ch], name="右" + NAME[fam][0], name_en=NAME[fam][1]),
                        )
                    )
                    continue
                for p, c in stack[k + 1 :]:  # crossing: what was opened inside is never closed
                    self._unclosed(ctx, text, p, c, found)
                del stack[k:]
            nxt = wrapped.continues(ln)
            if nxt is not None and nxt not in dead:
                through = nxt - 1  # a wrapped line: the paragraph goes on (past a page number)
                continue
            if stack and not self._continues(stack, events_by_line, ln + 1):
                for p, c in stack:
                    self._unclosed(ctx, text, p, c, found)
                stack = []
        for p, c in stack:
            self._unclosed(ctx, text, p, c, found)

    @staticmethod
    def _continues(stack, events_by_line, nxt: int) -> bool:
        """The paragraph goes on: the next non-empty line closes the innermost open bracket first."""
        if nxt >= len(events_by_line) or not events_by_line[nxt]:
            return False  # the last line, or a line without brackets (a blank line ends the paragraph)
        first = events_by_line[nxt][0][1]
        return first in CLOSE and CLOSE[first] == OPEN[stack[-1][1]]

    def _unclosed(self, ctx, text, p, c, found):
        fix = None
        # exactly doubled (““办不成事”): one is a typo; three or more in a row is not that typo
        if (
            p + 1 < len(text)
            and text[p + 1] == c
            and c in "“《"
            and text[p + 2 : p + 3] != c
            and (p == 0 or text[p - 1] != c)
        ):
            fix = Fix(ctx.message("fix", ch=c), (Edit(p, p + 1, ""),), safe=True)
        fam = OPEN[c]
        found.append(
            (
                p,
                "unclosed",
                Span(p, p + 1),
                dict(fix=fix, ch=c, want=PARTNER[c], name="左" + NAME[fam][0], name_en=NAME[fam][1]),
            )
        )
