"""What the template says of tables 二/三/四, in the form the reader matches against.

The bottom of the table reader (:mod:`gxlint.parse.tables`): the row specifications of each
template version (label, key, enumerator, number of cells, columns), the words that tell one
template version from the other, the words only a table uses (the evidence that a table is there
even where its cells cannot be read), and :func:`plain` — labels compared letter for letter.
Nothing here reads a report's text beyond the region key it is given.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from ... import guard, templates
from ..normalize import NormText, key

_PUNCT = guard.lazy(r"[\p{P}\p{S}\s]+")
_ENUM = guard.lazy(r"^(?:\d{1,2}\.|\([一二三四五六七八九十]\)|[一二三四五六七八九十]、)")


def plain(s: str) -> str:
    """Letters only: for "same wording" comparisons (punctuation, spaces, quotes ignored)."""
    if len(s) <= 64:
        return _plain_short(s)
    return (guard.bare(_PUNCT) if len(s) <= guard.SHORT else _PUNCT).sub("", s)


@functools.lru_cache(maxsize=8192)
def _plain_short(s: str) -> str:
    """:func:`plain` of a label or a word, memoised (labels repeat within and across reports)."""
    return guard.bare(_PUNCT).sub("", s)


@dataclass(slots=True)
class RowSpec:
    id: str
    label: str  # canonical (template) label
    key: str  # key(label)
    plain: str
    enum: str  # its enumerator (1. / (一) / 一、) or ""
    n: int  # cells expected
    block: str = ""
    columns: tuple = ()
    signed: tuple = ()
    decimal: tuple = ()


# --- table specs from the template -----------------------------------------------------


def _enum_of(k: str) -> str:
    m = _ENUM.match(k)
    return m.group() if m else ""


def _spec(rid: str, label: str, n: int, **kw) -> RowSpec:
    k = key(label)
    return RowSpec(rid, label, k, plain(k), _enum_of(k), n, **kw)


@functools.lru_cache(maxsize=None)
def t3_specs(version: str, n: int) -> tuple[RowSpec, ...]:
    rows = templates.version(version)["t3"]["rows"]
    return tuple(_spec(rid, label, n) for rid, label in rows)


@functools.lru_cache(maxsize=None)
def t2_specs(version: str) -> tuple[RowSpec, ...]:
    out = []
    for b in templates.version(version)["t2"]["block"]:
        cols = tuple(c for c, _ in b["columns"])
        for rid, label in b["rows"]:
            out.append(
                _spec(
                    rid,
                    label,
                    len(cols),
                    block=b["caption"],
                    columns=cols,
                    signed=tuple(b.get("signed", ())),
                    decimal=tuple(b.get("decimal", ())),
                )
            )
    return tuple(out)


@functools.lru_cache(maxsize=None)
def block_label_keys() -> tuple[str, ...]:
    return tuple(plain(key(x)) for x in templates.common()["t3"]["block_labels"])


@functools.lru_cache(maxsize=1)
def row_label_keys() -> tuple[str, ...]:
    """Keys of every row label of tables 二 and 三 in both templates, longest first."""
    out: list[str] = []
    for v in ("v2019", "v2021"):
        data = templates.version(v)
        out.extend(key(label) for _rid, label in data["t3"]["rows"])
        for b in data["t2"]["block"]:
            out.extend(key(label) for _rid, label in b["rows"])
    return tuple(sorted(set(out), key=len, reverse=True))


# --- version detection -----------------------------------------------------------------

_V2021_T2 = ("制发件数", "废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额")
_V2019_T2 = (
    "本年新",
    "对外公开总数",
    "上一年项目数量",
    "本年增/减",
    "采购项目数量",
    "采购总金额",
    "第二十条第(九)项",
    "政府集中采购",
)
_V2021_T3 = ("逾期不补正", "逾期未按收费通知")


def detect_t2_version(region_key: str) -> Optional[str]:
    a = sum(region_key.count(s) for s in _V2021_T2)
    b = sum(region_key.count(s) for s in _V2019_T2)
    if a > b:
        return "v2021"
    if b > a:
        return "v2019"
    return None


def detect_t3_version(region_key: str) -> Optional[str]:
    if any(s in region_key for s in _V2021_T3):
        return "v2021"
    if "(六)其他处理" in region_key or "其他处理" in region_key:
        return "v2019"
    return None


def region_key(norm: NormText, start: int, end: int) -> str:
    return key(norm.text[start:end])


# --- evidence that a table is there --------------------------------------------------------

MIN_TABLE_WORDS = 3  # distinct table-only words that show a table is there


@functools.lru_cache(maxsize=1)
def table_words() -> dict:
    """Per table, the words only its captions, column headers and a few row labels use — never
    what prose says with a count (行政许可200件, 规章0件): the evidence that a table is there."""
    t2: set[str] = set()
    t3: set[str] = set()
    for vid in ("v2019", "v2021"):
        data = templates.version(vid)
        for block in data["t2"]["block"]:
            t2.add(block["caption"])
            t2.update(label for _k, label in block["columns"])
        t3.update(label for k, label in data["t3"]["rows"] if k in ("r1", "r2", "r4"))
    common = templates.common()
    t3.update(common["t3"]["column_labels"][1:5])  # 商业企业 … 法律服务机构 (not 其他)
    t3.add("三、本年度办理结果")
    t4 = {"结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉"}
    return {kind: frozenset(plain(key(w)) for w in words) for kind, words in (("t2", t2), ("t3", t3), ("t4", t4))}


def table_labels_present(kind: str, plain_key: str) -> bool:
    """The table's captions/headers are in this text (``plain(key(text))``): its cells may still be
    unreadable, but the table is there."""
    return sum(1 for w in table_words()[kind] if w and w in plain_key) >= MIN_TABLE_WORDS
