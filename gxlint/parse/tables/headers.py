"""The third stage: the column and caption headers of a table, compared with the template (GX202).

Table 三's header also says which variant the table is (the local 8-column one with a 小计 column);
table 二's headers are read block by block, after each block's caption: two header cells glued
together (``信息内容本年处理决定数量``) are cut apart, and header cells wrapped inside their
columns (PDF text: ``本年制发 本年废止 现行有效`` over ``件数 件数 件数``) are put together.
"""

from __future__ import annotations

import difflib
from typing import Optional

import regex

from ... import templates
from ...model import HeaderLabel
from ..normalize import NormText, key
from .specs import plain
from .tokens import TEXT, Token


def t3_header(norm: NormText, region: str, tokens: list[Token]) -> tuple[list[str], str, list[HeaderLabel]]:
    """Table 三's columns, its variant ("subtotal" for the 8-column 小计 variant, else "") and its
    headers that differ from the template, from the text before the first row label."""
    cut = region.find(key("本年新收政府信息公开申请数量"))
    header_key = region[:cut] if cut >= 0 else region[:200]
    base = list(templates.common()["t3"]["columns"])
    variant = ""
    headers: list[HeaderLabel] = []
    if "小计" in header_key:
        variant = "subtotal"
        i_sub = header_key.find("小计")
        i_ce = header_key.find("商业企业")
        pos = 1 if (0 <= i_sub < i_ce) else 6
        base.insert(pos, "sub")
        for t in tokens:
            if t.kind == TEXT and "小计" in t.text:
                sp = norm.span(t.start, t.end)
                headers.append(HeaderLabel(norm.original[sp.start : sp.end], sp, None, exact=False))
                break
    return base, variant, headers


# --- table 二 ---------------------------------------------------------------------------------


def t2_headers(norm: NormText, ver: str, matches, other: Optional[dict] = None) -> list[HeaderLabel]:
    """Column headers of each block of table 二, compared with the template (GX202)."""
    blocks = {b["caption"]: b for b in templates.version(ver)["t2"]["block"]}
    for caption, v in (other or {}).items():  # a block read in the other template
        blocks[caption] = next(b for b in templates.version(v)["t2"]["block"] if b["caption"] == caption)
    out: list[HeaderLabel] = []
    seen_blocks = set()
    for spec, buf, at, _items in matches:
        if spec.block in seen_blocks:
            continue
        seen_blocks.add(spec.block)
        b = blocks[spec.block]
        expected = ["信息内容"] + [lab for _c, lab in b["columns"]]
        variants = {c: regex.compile(v) for c, v in b.get("variants", {}).items()}
        var_by_label = {lab: variants.get(c) for c, lab in b["columns"]}
        label_tok = buf.token_at(at)
        toks = buf.tokens[:label_tok]
        # start after the caption
        cap_key = key(b["caption"])
        start_i = 0
        acc = ""
        for j, t in enumerate(toks):
            acc += key(t.text)
            if cap_key in acc or plain(cap_key) in plain(acc):
                start_i = j + 1
                break
        else:
            if label_tok < len(buf.tokens) and plain(cap_key) in plain(key(buf.tokens[label_tok].text)):
                continue  # caption, headers and label run together in one word: what stands before
                # the caption is prose, not a header
        hdr = split_glued_headers(toks[start_i:], expected)  # 信息内容本年处理决定数量
        wrapped = _wrapped_headers(norm, hdr, expected)
        out.extend(wrapped if wrapped is not None else _match_headers(norm, hdr, expected, var_by_label))
    return out


def _wrapped_headers(norm: NormText, toks: list[Token], expected: list[str]) -> Optional[list[HeaderLabel]]:
    """Header cells wrapped inside their columns (PDF text): "本年制发 本年废止 现行有效" over
    "件数 件数 件数".  Each word continues the first column, to the right of the last one used on
    its line, whose label it continues.  Only when every word fits and every label is complete
    (otherwise None: the general matcher decides what differs)."""
    words = [t for t in toks if t.kind == TEXT]
    if len(words) <= len(expected) or len({t.line for t in words}) < 2:
        return None
    exp = [plain(key(e)) for e in expected]
    first_line = [t for t in words if t.line == words[0].line]
    one_per_column = len(first_line) == len(expected)
    got = [""] * len(exp)
    parts: list[list[Token]] = [[] for _ in exp]
    line, last = None, -1
    positional: list[int] = []
    for t in words:
        if t.line != line:
            line, last = t.line, -1
            on_line = [w for w in words if w.line == line]
            unfinished = [j for j in range(len(exp)) if got[j] != exp[j]]
            # a continuation line with one word for each unfinished column: the words go there in order
            positional = (
                unfinished if (one_per_column and t is not words[0] and len(on_line) == len(unfinished)) else []
            )
        k = plain(key(t.text))
        if positional:
            j = positional.pop(0)
            got[j] += k
            parts[j].append(t)
            last = j
            continue
        for j in range(last + 1, len(exp)):
            if k and exp[j].startswith(got[j] + k):
                break
        else:
            # a word in other wording: when the first line holds one word per column, it continues
            # the next unfinished column (reported as that column, not as an unknown one)
            if not one_per_column:
                return None
            j = next((j for j in range(last + 1, len(exp)) if got[j] != exp[j]), -1)
            if j < 0:
                return None
        got[j] += k
        parts[j].append(t)
        last = j
    if any(not p for p in parts):
        return None
    if got != exp and sum(g != e for g, e in zip(got, exp)) > 1 and not one_per_column:
        return None
    out = []
    for j, ts in enumerate(parts):
        # a header wrapped over lines is pointed at by its first piece (the pieces are not adjacent)
        sp = norm.span(ts[0].start, ts[-1].end) if len(ts) == 1 else norm.span(ts[0].start, ts[0].end)
        written = " ".join(norm.original[norm.span(t.start, t.end).start : norm.span(t.start, t.end).end] for t in ts)
        out.append(HeaderLabel(written, sp, expected[j], exact=got[j] == exp[j]))
    return out


def _match_headers(norm: NormText, toks: list[Token], expected: list[str], variants: dict) -> list[HeaderLabel]:
    exp = [(e, plain(key(e))) for e in expected]
    done = [False] * len(exp)
    out: list[HeaderLabel] = []
    cur: list[Token] = []

    def cur_key(ts):
        return plain("".join(key(t.text) for t in ts))

    def complete(k: str) -> Optional[int]:
        for j, (e, ek) in enumerate(exp):
            if done[j]:
                continue
            if k == ek:
                return j
            v = variants.get(e)
            if v is not None and v.fullmatch(key("".join(t.text for t in cur))):
                return j
        return None

    def prefix_of_any(k: str) -> bool:
        return any(not done[j] and ek.startswith(k) for j, (e, ek) in enumerate(exp)) or any(
            v is not None and not done[j] and exp[j][1].startswith(k[:4])
            for j, (e, v) in enumerate((e, variants.get(e)) for e, _ in exp)
        )

    def flush_mismatch():
        if not cur:
            return
        k = cur_key(cur)
        # the first unmatched expected label this fragment stands for
        best = None
        for j, (e, ek) in enumerate(exp):
            if done[j]:
                continue
            if ek.startswith(k) or difflib.SequenceMatcher(None, k, ek).ratio() >= 0.5:
                best = j
                break
        sp = norm.span(cur[0].start, cur[-1].end)
        written = norm.original[sp.start : sp.end]
        if best is not None:
            done[best] = True
            out.append(HeaderLabel(written, sp, exp[best][0], exact=False))
        else:
            out.append(HeaderLabel(written, sp, None, exact=False))
        cur.clear()

    for t in toks:
        if t.kind != TEXT:
            continue
        trial = cur + [t]
        k = cur_key(trial)
        cur.append(t)
        j = complete(k)
        if j is not None:
            done[j] = True
            sp = norm.span(cur[0].start, cur[-1].end)
            out.append(HeaderLabel(norm.original[sp.start : sp.end], sp, exp[j][0], exact=True))
            cur.clear()
            continue
        if prefix_of_any(k):
            continue
        # adding t broke it: flush what was before t, retry t alone
        cur.pop()
        flush_mismatch()
        cur.append(t)
        k = cur_key(cur)
        j = complete(k)
        if j is not None:
            done[j] = True
            sp = norm.span(t.start, t.end)
            out.append(HeaderLabel(norm.original[sp.start : sp.end], sp, exp[j][0], exact=True))
            cur.clear()
        elif not prefix_of_any(k):
            flush_mismatch()
    flush_mismatch()
    return out


# --- two header cells glued together ------------------------------------------------------


def split_glued_headers(toks: list, expected: list[str]) -> list:
    """``信息内容本年处理决定数量`` → ``信息内容`` + ``本年处理决定数量``: a header word that is two
    (or more) of the block's expected headers written without a space between them."""
    exp = [plain(key(e)) for e in expected]
    out: list = []
    for t in toks:
        if t.kind != TEXT:
            out.append(t)
            continue
        # a header cell is short: a long word (a flattened one-line table) is not looked into
        pieces = _split_into(t.text, exp) if len(t.text) <= 60 else None
        if pieces is None or len(pieces) < 2:
            out.append(t)
            continue
        pos = t.start
        for p in pieces:
            out.append(Token(TEXT, pos, pos + len(p), p, t.line, t.col))
            pos += len(p)
    return out


def _split_into(word: str, exp: list[str]) -> Optional[list[str]]:
    """The word cut into consecutive pieces each of which reads as one expected header (the last may
    be the beginning of one: a header wrapped onto the next line); None when it cannot be."""
    if plain(key(word)) in exp:
        return None
    for cut in range(1, len(word)):
        if plain(key(word[:cut])) in exp and plain(key(word[cut - 1 : cut])):
            rest = word[cut:]
            rk = plain(key(rest))
            if not rk:
                continue
            if rk in exp or any(e.startswith(rk) and len(rk) >= 2 for e in exp):
                return [word[:cut], rest]
            more = _split_into(rest, exp)
            if more is not None:
                return [word[:cut]] + more
    return None
