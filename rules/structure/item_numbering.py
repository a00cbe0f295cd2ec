"""GX105 item-numbering — 部分内的小标题、条目编号跳号、重号或混用

## 检查内容

一、五、六 部分正文里的层次编号（《党政机关公文格式》的“一、”“（一）”“1.”“（1）”，以及“①”和
“一是、二是”）是否连续：
- 跳号：“（一）（二）（四）”“一是……三是……”，缺了中间的编号；“一是……三是……三是”时指出第一个
  “三是”应为“二是”；
- 重号：两个“（三）”接连出现；
- 同一层混用编号方式：“（一）……2.……（三）”，其中的“2.”应为“（二）”；
- 部分里的小标题用了部分标题的编号：“一、总体情况”下面写“二、主动公开情况”，应为“（二）”。

只检查从“1”起头的一组编号；上一级编号出现时，下一级重新计数（“（一）1. 2.（二）1. 2.”不算重号）。
编号须在标题或条目的位置：行首、句末（。；：）或空白之后，不是“第（一）项”这样的引用，
也不在表格、书名号或引号里。缺的编号只要在两者之间以任何写法出现过（“）（四）”紧接着括号、
“4.”、“四、”），就不算跳号；两个相同编号之间出现了上一级或重新起头的编号，也不算重号。
同一种编号在一组里又从“1”起头（“1.……1. 2.……2.”）时，视为嵌套的一组，结束后接着外面一组计数。
“二、”这样的编号只在该编号的部分另有标题时才算小标题（否则可能就是那个部分的标题，由 GX101/GX102 检查）。
每组编号最多报告一处。二、三、四部分的表格行标签（“（一）予以公开”“1.属于国家秘密”）不检查；
六个部分本身的顺序和编号由 GX102 检查。

## 为什么

编号跳号、重号多是增删段落后没有重新编号，读者会以为漏了内容；评议时作为文字差错扣分。

## 示例

```report bad
一、总体情况
（一）主动公开
全年主动公开政府信息50条。
（二）依申请公开
本年度未收到申请。
（四）政府信息管理
加强信息管理。
```

```report good
一、总体情况
（一）主动公开
全年主动公开政府信息50条。
（二）依申请公开
本年度未收到申请。
（三）政府信息管理
一是健全制度，二是加强审核。
```

## 依据

GB/T 9704—2012《党政机关公文格式》7.3.3（结构层次序数依次用“一、”“（一）”“1.”“（1）”标注）；
国办公开办函〔2021〕30号（年度报告内容应准确完整）。
"""

import regex

from gxlint.api import Rule, Severity, in_prose, paragraphs

SECTIONS = (1, 5, 6)
"""The prose sections: 二、三、四 are tables, whose row labels are numbered too."""
SYSTEMS = ("top", "paren", "arabic", "aparen", "circled", "shi")
"""Highest level first (GB/T 9704: 一、 （一） 1. （1）, then ① and 一是 inside the text)."""
RANK = {s: k for k, s in enumerate(SYSTEMS)}
_CN = "一二三四五六七八九十"
_MARK = regex.compile(
    r"(?=[(一二三四五六七八九十\d①-⑳])"  # (what a marker starts with: the scan passes over the rest at once)
    r"(?:(?P<paren>\([ \t]*(?P<paren_n>[一二三四五六七八九十]{1,3})[ \t]*\))"
    r"|(?P<top>(?P<top_n>[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十]))"
    r"|(?P<aparen>\(?(?P<aparen_n>\d{1,2})\))"
    r"|(?P<arabic>(?P<arabic_n>\d{1,2})[、.](?![\d.]))"
    r"|(?P<circled>[①-⑳])"
    r"|(?P<shi>(?P<shi_n>[一二三四五六七八九十]{1,2})是))"
)
_AFTER = regex.compile(r"[ \t]*[\p{Han}\"《“]")
_QUOTED = regex.compile(r'"[^"\n]{0,80}"|《[^》\n]{0,80}》')
_SENTENCE_END = "。!?;:！？；："


class ItemNumbering(Rule):
    code = "GX105"
    name = "item-numbering"
    summary_en = "Item numbers inside a part that skip, repeat or mix styles"
    family = "structure"
    severity = Severity.WARNING
    messages = {
        "skip": {
            "zh": "编号从“{prev}”跳到了“{written}”，中间缺少“{missing}”",
            "en": "the numbering jumps from “{prev}” to “{written}”: “{missing}” is missing",
        },
        "repeat": {
            "zh": "编号“{written}”重复了（上一项也是“{prev}”），应为“{expected}”",
            "en": "the number “{written}” repeats the one before it (“{prev}”); expected “{expected}”",
        },
        "misnumbered": {
            "zh": "“{written}”应为“{expected}”（上一项是“{prev}”，下一项也是“{next}”）",
            "en": "“{written}” should be “{expected}” (the item before is “{prev}”, the next one is “{next}” too)",
        },
        "mixed": {
            "zh": "“{written}”与同一层的“{prev}”“{next}”编号方式不同，应为“{expected}”",
            "en": "“{written}” is numbered differently from “{prev}” and “{next}” at the same level; expected “{expected}”",
        },
        "top": {
            "zh": "“{written}”是“{section}”部分里的小标题，却用了部分标题的编号方式，应为“{expected}”",
            "en": "“{written}” is a sub-heading inside “{section}” but is numbered like a section heading; expected “{expected}”",
        },
        "previous": {"zh": "上一项“{prev}”", "en": "the item before: “{prev}”"},
        "next": {"zh": "下一项“{next}”", "en": "the next item: “{next}”"},
        "more_top": {"zh": "同一部分里另一个这样编号的小标题", "en": "another sub-heading numbered like a section"},
        "correct.skip": {
            "zh": "按顺序编号：在“{prev}”与“{written}”之间补上“{missing}”，或改正编号。",
            "en": "Number the items in order: add “{missing}” between “{prev}” and “{written}”, or correct the numbers.",
        },
        "correct.repeat": {
            "zh": "把重复的编号“{written}”改为“{expected}”。",
            "en": "Number this item “{expected}”, not “{written}” again.",
        },
        "correct.misnumbered": {
            "zh": "把“{written}”改为“{expected}”。",
            "en": "Number this item “{expected}”, not “{written}”.",
        },
        "correct.mixed": {
            "zh": "同一层的编号用同一种方式：把“{written}”改为“{expected}”。",
            "en": "Number one level in one way: “{expected}”, not “{written}”.",
        },
        "correct.top": {
            "zh": "小标题按小标题编号：把“{written}”改为“{expected}”。",
            "en": "Number a sub-heading as one: “{expected}”, not “{written}”.",
        },
    }

    def on_document(self, doc, ctx):
        if doc.template == "pre2019":
            return
        joined = paragraphs(doc).joined
        text = joined.text
        quoted = [q.span() for q in _QUOTED.finditer(text)]
        for s in doc.sections:
            if s.index not in SECTIONS:
                continue
            a, b = joined.from_orig(s.body.start), joined.from_orig(s.body.end)
            marks = [m for m in _markers(joined, a, b, quoted) if in_prose(doc, joined.span(m.start, m.end))]
            self._section(ctx, joined, s, marks)

    def _section(self, ctx, joined, section, marks):
        # numbered like a section, but the section of that number is elsewhere (a heading in its
        # place that the parser missed is not a sub-heading)
        tops = [m for m in marks if m.system == "top" and (m.value > 6 or ctx.doc.section(m.value) is not None)]
        if tops:
            first = tops[0]
            related = [ctx.related(joined.span(m.start, m.end), "more_top") for m in tops[1:20]]
            ctx.report(
                "top",
                joined.span(first.start, first.end),
                related=related,
                written=_line(joined, first),
                section=section.canonical,
                expected=f"（{first.written[:-1]}）",
                data={"system": "top", "number": first.value},
            )
        # per system, the runs open in the current scope, innermost last: a run started at 1 while
        # another of the same system is open may be nested in it (1. … 1. 2. … 2.)
        runs: dict[str, list] = {}
        done: set[int] = set()  # runs already reported (one finding a run), by id
        every: list = []  # (every run stays alive: ids are not reused)
        for k, m in enumerate(marks):
            for sys in SYSTEMS[RANK[m.system] + 1 :]:
                runs.pop(sys, None)  # a higher level starts: the levels below count afresh
            if m.system == "top":
                continue
            stack = runs.setdefault(m.system, [])
            if m.value == 1:
                stack.append([m])
                every.append(stack[-1])
                continue
            outer = [r for r in stack[:-1] if r[-1].value + 1 == m.value]
            if not stack:
                continue  # a run that does not start at 1: nothing to compare with
            run = stack[-1]
            prev = run[-1]
            if m.value == prev.value + 1:
                run.append(m)
                continue
            if outer:
                # the run nested in an outer one ended: the outer one goes on
                del stack[stack.index(outer[-1]) + 1 :]
                outer[-1].append(m)
                continue
            if m.value < prev.value:
                runs.pop(m.system)  # counting again from elsewhere: another scope we cannot see
                continue
            if id(run) not in done and self._finding(ctx, joined, marks, k, prev, m):
                done.add(id(run))
            run.append(m)

    def _finding(self, ctx, joined, marks, k, prev, m) -> bool:
        text = joined.text
        # whatever stands between them, line breaks and spaces left out (二\n是 in PDF text)
        between = regex.sub(r"\s+", "", text[prev.end : m.start])
        sp = joined.span(m.start, m.end)
        at_prev = [ctx.related(joined.span(prev.start, prev.end), "previous", prev=prev.written)]
        if m.value == prev.value:
            # the same number twice: unless a marker we did not take for one stands between them
            # (a new run, or a higher level)
            if any(RANK[_system(x)] <= RANK[m.system] for x in _MARK.finditer(between)):
                return False
            expected = _form(m, prev.value + 1)
            ctx.report(
                "repeat",
                sp,
                related=at_prev,
                written=m.written,
                prev=prev.written,
                expected=expected,
                data={"system": m.system, "number": m.value, "expected": prev.value + 1},
            )
            return True
        missing = range(prev.value + 1, m.value)
        present = [x for x in _MARK.finditer(between) if _value(x) in missing]
        if not present:
            nxt = _next_of_level(marks, k)
            if len(missing) == 1 and nxt is not None and nxt.value == m.value:
                # 一是 … 三是 … 三是: this one is the slip, the next one is right
                ctx.report(
                    "misnumbered",
                    sp,
                    related=at_prev + [ctx.related(joined.span(nxt.start, nxt.end), "next", next=nxt.written)],
                    written=m.written,
                    prev=prev.written,
                    next=nxt.written,
                    expected=_form(m, prev.value + 1),
                    data={"system": m.system, "number": m.value, "expected": prev.value + 1},
                )
                return True
            ctx.report(
                "skip",
                sp,
                related=at_prev,
                written=m.written,
                prev=prev.written,
                missing="”“".join(_form(m, v) for v in missing),
                data={"system": m.system, "number": m.value, "missing": list(missing)},
            )
            return True
        # （一）… 2. …（三）: the one missing number, written once, is an item of another system
        others = [x for x in marks[:k] if prev.end <= x.start and x.system != m.system]
        slot = [x for x in others if x.value in missing]
        if (
            len(missing) == 1
            and len(present) == 1
            and len(slot) == 1
            and not any(x.system == slot[0].system and x.value == slot[0].value - 1 for x in others)
        ):
            o = slot[0]
            nxt = [ctx.related(sp, "next", next=m.written)]
            ctx.report(
                "mixed",
                joined.span(o.start, o.end),
                related=at_prev + nxt,
                written=o.written,
                prev=prev.written,
                next=m.written,
                expected=_form(m, o.value),
                data={"system": o.system, "number": o.value, "level": m.system},
            )
            return True
        return False


def _next_of_level(marks, k):
    """The next marker of marks[k]'s system in the same scope (before a higher level starts)."""
    m = marks[k]
    for x in marks[k + 1 :]:
        if RANK[x.system] < RANK[m.system]:
            return None
        if x.system == m.system:
            return x
    return None


class _Mark:
    __slots__ = ("system", "value", "start", "end", "written")

    def __init__(self, system, value, start, end, written):
        self.system, self.value, self.start, self.end, self.written = system, value, start, end, written


def _markers(joined, a: int, b: int, quoted) -> list:
    """The numbering markers of the joined text [a, b) standing where a heading or an item starts."""
    text = joined.text
    out = []
    for m in _MARK.finditer(text, a, b):
        p = m.start()
        if any(qa <= p < qb for qa, qb in quoted):
            continue
        system = _system(m)
        if system in ("arabic", "aparen") and not _AFTER.match(text, m.end()):
            continue  # 1.5万, 1、2月, (1) without text after it
        if not _at_item_start(text, p, a, system):
            continue
        value = _value(m)
        if value is None or value < 1:
            continue
        out.append(_Mark(system, value, p, m.end(), joined.original_text(p, m.end()).strip()))
    return out


def _at_item_start(text: str, p: int, body: int, system: str) -> bool:
    if p == body:
        return True
    k = p - 1
    spaced = False
    while k >= body and text[k] in " \t*#>-":
        spaced = True
        k -= 1
    if k < body:
        return True  # right after the section heading
    ch = text[k]
    if ch == "\n" or ch in _SENTENCE_END:
        return True
    if system == "shi":
        return ch in ",，、" or spaced or not _han(ch) and not ch.isdigit()
    return spaced and ch != "第"


def _system(m) -> str:
    for s in SYSTEMS:
        if m.group(s) is not None:
            return s
    return ""


def _value(m):
    s = _system(m)
    if s == "circled":
        return ord(m.group("circled")) - 0x2460 + 1
    raw = m.group(s + "_n")
    if raw.isdigit():
        return int(raw)
    return _cn(raw)


def _cn(s: str):
    """一 … 九十九 → 1 … 99 (None for anything else: 十十, 二二)."""
    digits = [_CN.index(ch) + 1 for ch in s]
    if len(s) == 1:
        return digits[0]
    if s[0] == "十" and len(s) == 2 and s[1] != "十":
        return 10 + digits[1]
    if len(s) == 2 and s[1] == "十" and s[0] != "十":
        return digits[0] * 10
    if len(s) == 3 and s[1] == "十" and "十" not in (s[0], s[2]):
        return digits[0] * 10 + digits[2]
    return None


def _numeral(v: int) -> str:
    if v <= 10:
        return _CN[v - 1]
    if v < 20:
        return "十" + _CN[v - 11]
    return _CN[v // 10 - 1] + "十" + (_CN[v % 10 - 1] if v % 10 else "")


def _form(m, v: int) -> str:
    """Number v written the way marker m is (（四） 4. 四是 ④ …)."""
    w = m.written
    if m.system == "circled":
        return chr(0x2460 + v - 1) if v <= 20 else str(v)
    if m.system in ("arabic", "aparen"):
        return regex.sub(r"\d{1,2}", str(v), w, count=1)
    return regex.sub(r"[一二三四五六七八九十]{1,3}", _numeral(v), w, count=1)


def _line(joined, m) -> str:
    """The marker with the heading text after it (to the end of its line or clause)."""
    text = joined.text
    e = m.end
    while e < len(text) and e - m.end < 20 and text[e] not in "\n。;；,，:：":
        e += 1
    return joined.original_text(m.start, e).strip()


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
