"""GX606 duplicated-word — 词语或虚词连写两次（审核审核、的的）

## 检查内容

正文里连写了两次的词语：
- 两到八个字的词语紧接着又写了一遍（“规范审核审核发布机制”“信息公开信息公开”）；
- 连写两次的虚词：的、了、在、和、是、与、对、及、并、把、被、将、从、向、于、为、以、或、而、
  也、都、就、还、又、给、让、其、之、所、且（“统一的的网站”）。

是否连写，按词典分词判断（词表取自 jieba 的词典，见 `scripts/gen_lexicon.py`）：两份必须各自成词，
前后都是词的边界；能读成别的词的不算——“为了了解”（为了/了解）、“达到目的的”（目的/的）、
“工作作出”（工作/作出）、“饮用水水源”（饮用水/水源）、“针对对象”都不是连写。
词典里的叠词不算：常常、看看、紧紧、层层、种种、一一、的的确确……；数词加量词的重叠（一个一个、
一步一步）不算；两个字的动词重叠表示尝试（“这些问题再研究研究。”“请大家讨论讨论”）：后面是标点、
句末或“一下”“吧”“看”，或前面是“要、需要、再、好好、应该、先、请、可以、们”等时不报告。
三次及以上的重复不报告。

只看正文：表格（包括表格被压成一行时连在一起的表头“结果结果”）、部分标题、网页残留
（“无障碍无障碍”、重复的站名，见 GX605）、书名号和引号里的文字都不检查。
PDF 或转换工具在行宽处折开的行先接起来再检查。

修复：删除第二份（安全）。

## 为什么

连写的词语是录入或编辑时留下的错字，评议时作为文字差错扣分；它也说明报告发布前没有校对。

## 示例

```report bad
一、总体情况
二是规范审核审核发布机制，打造整体统一的的网站界面。
```

```report good
一、总体情况
二是规范审核发布机制，打造整体统一的网站界面。为了了解群众需求，紧紧围绕中心工作，常常研究研究。
```

## 依据

国办公开办函〔2021〕30号（年度报告内容应准确完整）；GB/T 15834—2011《标点符号用法》；
《党政机关公文处理工作条例》第十九条（公文文稿应校核，文字表述准确）。
"""

import re

import regex

from gxlint.api import Edit, Fix, Rule, Severity, in_prose, lexicon, paragraphs

FUNCTION = frozenset("的了在和是与对及并把被将从向于为以或而也都就还又给让其之所且")
"""Function characters (particles, prepositions, conjunctions, adverbs of linkage): a doubled
one is a slip; a doubled content character (水水 in 饮用水水源) is not looked at."""
_DOUBLED = re.compile(
    r"([\u4e00-\u9fff])\1\1+|([" + "".join(sorted(FUNCTION)) + r"])\2"
    r"|([\u4e00-\u9fff]{2,8}?)\3(?!\3)"
)
"""A doubled function character, or a doubled run of two to eight Han characters (the shortest at
each place) not followed by a third copy; a run of one character three times or more is taken in
one step and passed over.  Matches do not overlap: a slip inside a doubled run that is not one
(研究研究) is not looked for.  The standard library's engine, about 0.07 µs a character (regex's:
0.4): every place is tried in bounded time, so the text's length is the only cost — it is listed
in BOUNDED_USE and runs without the regex budget's wrapper."""
MAX_FINDINGS = 100
"""A text with more doubled words than this is not a report with slips in it: the rest says nothing new."""
_QUOTED = regex.compile(r'"[^"\n]{0,80}"|《[^》\n]{0,80}》')
_TENTATIVE = ("一下", "吧", "看")
"""What follows a verb's tentative reduplication (研究研究一下, 讨论讨论吧)."""
_TENTATIVE_CUES = ("要", "需要", "再", "好好", "应该", "应当", "先", "一起", "来", "去", "请", "得", "可以", "想", "们")
"""What comes before one (再研究研究, 大家讨论讨论, 我们商量商量): modal verbs, adverbs, pronouns."""
_COUNTING = "一两几每"
"""A numeral and a classifier written twice is a reduplication (一个一个, 一步一步)."""
_WINDOW = 12  # Han characters on either side read with the doubled word to segment it


class DuplicatedWord(Rule):
    code = "GX606"
    name = "duplicated-word"
    summary_en = "A word or function character written twice in a row"
    family = "hygiene"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "word": {
            "zh": "“{word}”连写了两次（“{context}”），应删去一个",
            "en": "“{word}” is written twice in a row in “{context}”; delete one",
        },
        "fix": {"zh": "删除重复的“{word}”", "en": "delete the repeated “{word}”"},
        "correct.word": {
            "zh": "删去重复的“{word}”。",
            "en": "Delete the repeated “{word}”.",
        },
    }

    def on_document(self, doc, ctx):
        joined = paragraphs(doc).joined
        text = joined.text
        quoted = None
        found = 0
        for m in _DOUBLED.finditer(text):
            if m.group(1):
                continue  # a run of one character three times or more (哈哈哈)
            unit = m.group(2) or m.group(3)
            i, n = m.start(), len(unit)
            if text[i - n : i] == unit:
                continue  # three copies or more: not this slip (哈哈哈, a run of one character)
            if quoted is None:
                quoted = [q.span() for q in _QUOTED.finditer(text)]
            if any(a < i + 2 * n and i < b for a, b in quoted):
                continue
            if not _slip(text, i, n):
                continue
            span = joined.span(i, i + 2 * n)
            if not in_prose(doc, span):
                continue
            # delete the second copy's characters (a soft line break inside it stays)
            edits = [Edit(joined.to_orig(k), joined.to_orig(k + 1, end=True), "") for k in range(i + n, i + 2 * n)]
            written = regex.sub(r"\s+", "", joined.original_text(i, i + n))
            fix = Fix(ctx.message("fix", word=written), tuple(_merge(edits)), safe=True)
            nl = text.find("\n", i + 2 * n)
            a, b = max(i - 6, text.rfind("\n", 0, i) + 1), min(i + 2 * n + 6, len(text) if nl < 0 else nl)
            context = regex.sub(r"\s+", "", joined.original_text(a, b))
            ctx.report("word", span, fix=fix, word=written, context=context, data={"word": unit})
            found += 1
            if found >= MAX_FINDINGS:
                return


def _slip(text: str, i: int, n: int) -> bool:
    """text[i:i+n] written twice at i is a slip: both copies are words of the best segmentation
    of the run around them (with boundaries before, between and after them), made of words of
    two characters or more (or one function character), not a reduplicated word of the
    dictionary, and not a verb's tentative reduplication (研究研究。)."""
    lex = lexicon()
    unit = text[i : i + n]
    if lex.reduplicated(unit + unit):
        return False
    end = i + 2 * n
    if n == 2 and (end >= len(text) or not _han(text[end]) or text.startswith(_TENTATIVE, end) or unit[0] in _COUNTING):
        return False
    a = i
    while a > 0 and i - a < _WINDOW and _han(text[a - 1]):
        a -= 1
    b = end
    while b < len(text) and b - end < _WINDOW and _han(text[b]):
        b += 1
    cuts = set(lex.segment(text[a:b]))
    cuts.update((0, b - a))
    if not {i - a, i - a + n, end - a} <= cuts:
        return False
    if n == 2 and _after_cue(text[a:i], cuts):
        return False
    if n == 1:
        return True
    words = lex.words_at(unit, sorted(c - (i - a) for c in cuts if i - a < c < i - a + n))
    return all(len(w) >= 2 and lex.is_word(w) for w in words)


def _after_cue(before: str, cuts: set) -> bool:
    """The word just before a two-character doubling is a cue of a verb's tentative reduplication
    (再研究研究, 我们商量商量): the cue must be that whole word — 请 in 请大家, not the end of 申请
    (依申请公开公开答复 is a slip)."""
    start = max((c for c in cuts if c < len(before)), default=None)
    if start is None:
        return False
    word = before[start:]
    return (
        word in _TENTATIVE_CUES or word.endswith("们") or any(len(c) > 1 and word.endswith(c) for c in _TENTATIVE_CUES)
    )


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _merge(edits):
    """Adjacent deletions as one edit."""
    out = []
    for e in edits:
        if out and out[-1].end == e.start:
            out[-1] = Edit(out[-1].start, e.end, "")
        else:
            out.append(e)
    return out


# _DOUBLED is linear by construction (each place tried in bounded time): the regex budget's wrapper
# (guard.protect) would only recompile it with the slower engine
BOUNDED_USE = ("_DOUBLED",)
