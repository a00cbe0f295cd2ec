"""Synthetic annual reports with known ground truth (for property tests, fuzzing and benchmarks).

``generate(...)`` builds a complete, consistent report — every identity of template.md §7 holds,
section 一 restates the table figures with the phrasings of §8, all six sections are there with
the title, statistics period, a fee statement in 六 and a signature dated before the deadline —
for a year, template (v2019/v2021), organ (department / government / township) and size (filler
paragraphs repeated up to 10 KB … 1 MB).  ``Report.render()`` writes it in one of the layouts the
parser reads (:data:`LAYOUTS`), in simplified or traditional script (OpenCC s2t), optionally with
pinyin residue, and records the span of every cell, heading, title year and prose number.

``inject(report, kinds, rng)`` applies defects to the *model* (change a cell, break a row total,
drop / swap sections, change a prose number, change the year, blank a cell), and
:func:`expected` computes, from the identities of the spec (not from gxlint's code), the
diagnostics a correct gxlint reports: ``[(code, Span)]``.  ``sample(...)`` does all three.

Nothing here is used by the linter itself; tests and benchmarks import it.
"""

from __future__ import annotations

import copy
import functools
import random
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from .model import Span

LAYOUTS = ("pipe", "cells", "cells_blank", "tab", "markdown", "pdf", "oneline")
"""pipe: ``a | b | c |`` rows (seed 000); cells: one cell per line ending in `` |`` (seed 001);
cells_blank: one cell per line between blank lines, no separators (seed 002); tab: tab-separated
with the label columns shifting the cells (seed 003); markdown: Markdown tables; pdf: labels
wrapped over several lines, numbers separated by spaces, page numbers between rows; oneline: the
whole report on one line (pipe tables)."""

DAMAGES = (
    "flattened",
    "oneline",
    "wrapped",
    "labelless",
    "glued_header",
    "broken_labels",
    "flattened_spaced",
    "converter",
    "spacer",
    "wrapped_cells",
    "pdf_wrapped_cells",
)
"""Damage modes modelled on real published text (``render(rep, layout=<mode>)``, also accepted by
:func:`sample`): flattened: a web archive's text, the whole report on one line and the table cells
run together with no separator (``申请数量801000081``, now and then a space); oneline: the whole
report on one line (pipe tables); wrapped: PDF text, prose lines wrapped mid-sentence every few
dozen characters (tables as pipe rows); labelless: PDF-text tables whose value rows carry no label,
the label standing on the line below; glued_header: two header cells glued together
(``信息内容本年处理决定数量``); broken_labels: PDF-text tables with row labels broken across lines,
the numbers after the label's last piece (``4.保护第三方合法权`` / ``益 0 0 0 0 0 0 0``).

Modelled on converters and office exports (the certainty issue):
flattened_spaced: a web archive's flattened text where every other pair of neighbouring cells is
separated by a space, so that runs of zeros read ``00 0 00 0 0``; converter: Markdown a PDF
converter made — per table a few of: a header row the converter invented, the table split at a
page break (page number and a new header rule between, the header rows now and then repeated), a row's label on a row of its own with its
values on the next row (empty label cell), a long label's beginning left above the table outside
it, two rows merged into one (both labels in one cell, each cell holding both rows' numbers), a
row's enumerator (``2.``) in a cell of its own, a converter's markup in cells (``**12**``,
``1<br>7``, a label broken by ``<br>``); spacer: LibreOffice's HTML export, an empty spacer
column in every row of every table; wrapped_cells: a narrow cell's number wrapped inside its cell
(``| 17 8 |`` for 178); pdf_wrapped_cells: PDF text with numbers separated by spaces, a wrapped
cell's last digits on the line below the row (``… 17 0 0 0 0 0 17`` / ``8 8``)."""

ONE_LINE = ("oneline", "flattened")
HEADS = ("inline", "organ_above", "two_lines", "organ_above_wrapped", "no_organ", "opening", "source")
"""How the title names the organ: in it (某某局2023年…报告), on its own line above it, the
title over two lines (…公开工作 / 年度报告), both, or not at all — the organ then only in the
signature (no_organ), the opening statement (本报告由某某局根据…编制) or a web page's 来源 line."""

# layouts where an empty cell between two separators can be written (blank-cell defects)
BLANK_LAYOUTS = ("pipe", "tab", "markdown", "oneline")

DEFECTS = (
    "change_cell",
    "break_row_total",
    "drop_section",
    "swap_sections",
    "change_year",
    "blank_cell",
    "change_prose_number",
)

APPLICANTS = ("np", "ce", "ri", "sw", "ls", "ot")
T3_COLUMNS = APPLICANTS + ("tot",)
T4_GROUPS = ("rv", "ld", "lr")
T4_PARTS = ("keep", "fix", "oth", "pend")
T4_COLUMNS = tuple(f"{g}.{p}" for g in T4_GROUPS for p in T4_PARTS + ("tot",))

SECTION_TITLES = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}

T3_ROWS_COMMON = [
    ("r1", "一、本年新收政府信息公开申请数量"),
    ("r2", "二、上年结转政府信息公开申请数量"),
    ("r3_1", "（一）予以公开"),
    ("r3_2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("r3_3_1", "1.属于国家秘密"),
    ("r3_3_2", "2.其他法律行政法规禁止公开"),
    ("r3_3_3", "3.危及“三安全一稳定”"),
    ("r3_3_4", "4.保护第三方合法权益"),
    ("r3_3_5", "5.属于三类内部事务信息"),
    ("r3_3_6", "6.属于四类过程性信息"),
    ("r3_3_7", "7.属于行政执法案卷"),
    ("r3_3_8", "8.属于行政查询事项"),
    ("r3_4_1", "1.本机关不掌握相关政府信息"),
    ("r3_4_2", "2.没有现成信息需要另行制作"),
    ("r3_4_3", "3.补正后申请内容仍不明确"),
    ("r3_5_1", "1.信访举报投诉类申请"),
    ("r3_5_2", "2.重复申请"),
    ("r3_5_3", "3.要求提供公开出版物"),
    ("r3_5_4", "4.无正当理由大量反复申请"),
    ("r3_5_5", "5.要求行政机关确认或重新出具已获取信息"),
]
T3_ROWS_2021 = T3_ROWS_COMMON + [
    ("r3_6_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("r3_6_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("r3_6_3", "3.其他"),
    ("r3_7", "（七）总计"),
    ("r4", "四、结转下年度继续办理"),
]
T3_ROWS_2019 = T3_ROWS_COMMON + [
    ("r3_6", "（六）其他处理"),
    ("r3_7", "（七）总计"),
    ("r4", "四、结转下年度继续办理"),
]
# a block label written in the row's first label cell (merged cells of the template)
T3_BLOCK_OF = {
    "r3_1": "三、本年度办理结果",
    "r3_3_1": "（三）不予公开",
    "r3_4_1": "（四）无法提供",
    "r3_5_1": "（五）不予处理",
    "r3_6_1": "（六）其他处理",
}

# table 二: (caption, [column labels], [(row id, label, kinds of its cells)])
T2_2021 = [
    (
        "第二十条第（一）项",
        ["本年制发件数", "本年废止件数", "现行有效件数"],
        [("t2.rules", "规章"), ("t2.docs", "行政规范性文件")],
    ),
    ("第二十条第（五）项", ["本年处理决定数量"], [("t2.permit", "行政许可")]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("t2.penalty", "行政处罚"), ("t2.coercion", "行政强制")]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("t2.fees", "行政事业性收费")]),
]
T2_2019 = [
    (
        "第二十条第（一）项",
        ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
        [("t2.rules", "规章"), ("t2.docs", "规范性文件")],
    ),
    (
        "第二十条第（五）项",
        ["上一年项目数量", "本年增/减", "处理决定数量"],
        [("t2.permit", "行政许可"), ("t2.other_services", "其他对外管理服务事项")],
    ),
    (
        "第二十条第（六）项",
        ["上一年项目数量", "本年增/减", "处理决定数量"],
        [("t2.penalty", "行政处罚"), ("t2.coercion", "行政强制")],
    ),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("t2.fees", "行政事业性收费")]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("t2.procurement", "政府集中采购")]),
]

# names chosen without 乡/镇/街道 in a department's or government's name (organ level detection)
PLACES = ["柳北区", "西秀区", "启东市", "青云县", "临江市", "平阳县", "东湖区", "安宁市", "白河县", "南山区"]
DEPARTMENTS = [
    "人民政府办公室",
    "自然资源局",
    "生态环境局",
    "教育局",
    "财政局",
    "市场监督管理局",
    "卫生健康委员会",
    "交通运输局",
    "水利局",
    "司法局",
    "民政局",
    "统计局",
]
TOWNSHIPS = ["跃进街道办事处", "城关镇人民政府", "石门乡人民政府", "新华街道办事处", "河口镇人民政府"]

PROSE_SUBHEADS = [
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
]

# number-free filler sentences (no §8 phrasing, balanced brackets, no page residue words)
FILLER = [
    "坚持以公开为常态、不公开为例外，围绕中心工作持续深化政务公开，推动各项工作规范有序开展。",
    "进一步完善政务公开工作机制，明确分管领导和具体承办人员，做到责任到岗、任务到人。",
    "严格落实信息发布审核制度，坚持先审后发，确保发布内容准确、及时、规范。",
    "加强门户网站栏目建设，及时更新政策文件、通知公告和办事指南，方便群众查询。",
    "围绕群众关切做好政策解读，通过图文解读、简明问答等形式提高解读的针对性和可读性。",
    "组织工作人员参加业务培训，提升依法公开意识和业务能力，推动工作水平稳步提高。",
    "健全政府信息管理台账，规范信息的制作、获取、保存和公开流程，做到有据可查。",
    "畅通意见建议渠道，认真回应社会关切，主动接受社会监督，不断改进工作方式。",
    "对照上级工作要点逐项梳理任务清单，细化措施，明确时限，推动各项任务落地见效。",
    "加强公开平台的日常巡查和内容保障，及时纠正错漏信息，维护平台的权威性和公信力。",
]
# section 五: three problems and three measures a year, picked from these (number-free, no
# brackets; no two share a run of 8 characters, so that a rewritten 五 shares little with the
# year before: GX705)
PROBLEMS = [
    "公开内容的深度和广度还有待提升，部分栏目更新不够及时。",
    "政策解读形式较为单一，解读的针对性还需加强。",
    "工作人员业务能力参差不齐，培训的系统性有待提高。",
    "重大行政决策预公开的范围偏窄，意见征集渠道不多。",
    "政务新媒体互动回应不够充分，留言办理时效偏慢。",
    "依申请公开答复文书的规范程度与上级要求仍有差距。",
    "基层公开事项目录编制进度不一，标准化建设尚未全覆盖。",
    "重点领域信息公开不够细化，部分项目未做到全流程公开。",
    "历史文件清理和栏目整合滞后，检索查阅不够便捷。",
    "公开平台的无障碍和适老化改造仍需推进。",
    "信息发布前的保密审查有时流于形式。",
    "对下级单位的业务指导和督查频次偏少。",
]
MEASURES = [
    "完善信息发布审核流程，落实分级把关责任。",
    "丰富图解、音视频等解读方式，提升政策知晓度。",
    "定期组织业务培训和经验交流，提高办理质量。",
    "拓宽意见征集途径，及时反馈采纳情况。",
    "加强政务新媒体日常巡查，规范留言回复。",
    "统一答复文书范本，严格依法依规办理申请。",
    "加快编制基层公开事项目录，推进标准化规范化。",
    "细化重点项目公开清单，做到过程和结果同步公开。",
    "开展历史文件集中清理，优化栏目设置和检索功能。",
    "推进门户网站适老化改造，方便各类群体查阅。",
]

PINYIN = {
    "报": "bào",
    "告": "gào",
    "政": "zhèng",
    "府": "fǔ",
    "息": "xī",
    "开": "kāi",
    "作": "zuò",
    "况": "kuàng",
    "处": "chǔ",
    "理": "lǐ",
    "请": "qǐng",
    "数": "shù",
    "量": "liàng",
    "发": "fā",
    "布": "bù",
    "时": "shí",
    "间": "jiān",
    "机": "jī",
    "关": "guān",
    "认": "rèn",
    "真": "zhēn",
}


@functools.lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def to_traditional(s: str) -> str:
    """Simplified → traditional, keeping the length (character by character when a phrase differs)."""
    if not s or s.isascii():
        return s
    out = _s2t().convert(s)
    if len(out) == len(s):
        return out
    return "".join(c if len(c := _s2t().convert(ch)) == 1 else ch for ch in s)


# --- the model -----------------------------------------------------------------------


@dataclass
class Report:
    """A report as data.  ``t3[row][col]`` / ``t4[col]`` / ``t2[row]`` hold ints (t2 amounts: str);
    ``blank`` holds (table, row, col) of cells left empty."""

    year: int
    template: str
    organ: str
    level: str
    t2: dict[str, list]
    t3: dict[str, dict[str, int]]
    t4: dict[str, int]
    sections: list[int] = field(default_factory=lambda: [1, 2, 3, 4, 5, 6])
    title_year: Optional[int] = None
    blank: set = field(default_factory=set)
    prose_override: dict[str, int] = field(default_factory=dict)
    sign_date: tuple = (0, 1, 20)
    fee_text: str = "本年度未收取信息处理费。"
    filler: int = 0  # number of filler paragraphs
    filler_five: bool = True  # half of them in section 五 (series(): all in 一, 五 is written anew)
    seed: int = 0
    problems: tuple = (0, 1, 2)  # section 五: indices into PROBLEMS …
    measures: tuple = ()  # … and into MEASURES
    five: Optional[str] = None  # section 五's text as written (paragraphs split by \n), else
    # made of the problems and measures (five_text)
    head: str = "inline"  # how the title names the organ (HEADS)
    signature: Optional[str] = None  # the organ line of the signature (None: the organ; "": none)

    @property
    def t3_rows(self) -> list[tuple[str, str]]:
        return T3_ROWS_2021 if self.template == "v2021" else T3_ROWS_2019

    @property
    def outcomes(self) -> list[str]:
        return [rid for rid, _ in self.t3_rows if rid.startswith("r3_") and rid != "r3_7"]

    @property
    def t2_blocks(self):
        return T2_2021 if self.template == "v2021" else T2_2019

    def render(self, layout: str = "pipe", script: str = "simplified", pinyin: bool = False) -> Rendered:
        """The report written in one layout (:func:`render`)."""
        return render(self, layout, script, pinyin)

    def prose_figures(self) -> dict[str, int]:
        """What section 一 restates (template.md §8), from the table as it is."""
        t3, t4 = self.t3, self.t4
        f = {
            "received": t3["r1"]["tot"],
            "carried_over": t3["r2"]["tot"],
            "answered": t3["r3_7"]["tot"],
            "disclosed": t3["r3_1"]["tot"],
            "partly": t3["r3_2"]["tot"],
            "refused": sum(t3[r]["tot"] for r in t3 if r.startswith("r3_3_")),
            "unavailable": sum(t3[r]["tot"] for r in t3 if r.startswith("r3_4_")),
            "not_handled": sum(t3[r]["tot"] for r in t3 if r.startswith("r3_5_")),
            "carried_forward": t3["r4"]["tot"],
            "review": t4["rv.tot"],
            "litigation": t4["ld.tot"] + t4["lr.tot"],
            "docs_made": self.t2["t2.docs"][0],
        }
        return f


def generate(
    seed: int = 0,
    *,
    year: Optional[int] = None,
    template: Optional[str] = None,
    level: Optional[str] = None,
    size: Optional[int] = None,
    busy: Optional[bool] = None,
) -> Report:
    """A consistent report.  ``size``: target size in UTF-8 bytes (filler paragraphs are added)."""
    rng = random.Random(seed)
    if template is None and year is None:
        template = rng.choice(("v2019", "v2021"))
    if year is None:
        year = rng.choice((2019, 2020)) if template == "v2019" else rng.randint(2021, 2025)
    if template is None:
        template = "v2019" if year < 2021 else "v2021"
    level = level or rng.choice(("department", "government", "township"))
    place = rng.choice(PLACES)
    if level == "department":
        organ = place + rng.choice(DEPARTMENTS)
    elif level == "government":
        organ = place + "人民政府"
    else:
        organ = place + rng.choice(TOWNSHIPS)
    busy = rng.random() < 0.7 if busy is None else busy

    def small(p_zero=0.6, hi=30):
        return 0 if (not busy or rng.random() < p_zero) else rng.randint(1, hi)

    rows = T3_ROWS_2021 if template == "v2021" else T3_ROWS_2019
    outcomes = [rid for rid, _ in rows if rid.startswith("r3_") and rid != "r3_7"]
    t3: dict[str, dict[str, int]] = {rid: {} for rid, _ in rows}
    for c in APPLICANTS:
        hi = 200 if c == "np" else 12
        for rid in outcomes:
            t3[rid][c] = small(0.5 if c == "np" else 0.85, hi // 4 + 1)
        t3["r3_7"][c] = sum(t3[r][c] for r in outcomes)
        t3["r4"][c] = small(0.7, 9)
        t3["r2"][c] = rng.randint(0, t3["r3_7"][c] + t3["r4"][c]) if busy else 0
        t3["r1"][c] = t3["r3_7"][c] + t3["r4"][c] - t3["r2"][c]
    for rid in t3:
        t3[rid]["tot"] = sum(t3[rid][c] for c in APPLICANTS)
    t4: dict[str, int] = {}
    for g in T4_GROUPS:
        for p in T4_PARTS:
            t4[f"{g}.{p}"] = small(0.75, 4)
        t4[f"{g}.tot"] = sum(t4[f"{g}.{p}"] for p in T4_PARTS)

    t2: dict[str, list] = {}
    for _cap, cols, trows in T2_2021 if template == "v2021" else T2_2019:
        for rid, _lab in trows:
            if template == "v2021":
                if rid in ("t2.rules", "t2.docs"):
                    if rid == "t2.rules" and level != "department":
                        t2[rid] = [0, 0, 0]  # no rule-making power (GX306)
                        continue
                    made, rep = small(0.5, 12), small(0.7, 5)
                    valid = max(made - rep, 0) + small(0.3, 40)
                    t2[rid] = [made, rep, valid]
                elif rid == "t2.fees":
                    t2[rid] = ["0" if rng.random() < 0.6 else f"{rng.randint(0, 99)}.{rng.randint(1, 99):02d}"]
                else:
                    t2[rid] = [small(0.3, 900)]
            else:
                if rid in ("t2.rules", "t2.docs"):
                    if rid == "t2.rules" and level != "department":
                        t2[rid] = [0, 0, 0]
                        continue
                    new = small(0.5, 12)
                    t2[rid] = [new, new, new + small(0.3, 40)]
                elif rid == "t2.fees":
                    prev = small(0.5, 6)
                    t2[rid] = [prev, rng.randint(-prev, 2) if prev else 0]
                elif rid == "t2.procurement":
                    n = small(0.5, 20)
                    t2[rid] = [n, f"{rng.randint(1, 999)}.{rng.randint(1, 99):02d}" if n else "0"]
                else:
                    prev = small(0.3, 60)
                    t2[rid] = [prev, rng.randint(-prev, 5) if prev else rng.randint(0, 3), small(0.3, 900)]

    deadline_month = 3 if level == "government" else 1
    sign = (year + 1, rng.randint(1, deadline_month), rng.randint(5, 28))
    fee = rng.choice(
        [
            "本年度未收取信息处理费。",
            "本年度无收取信息处理费情况。",
            f"本年度收取信息处理费{rng.randint(1, 9) * 100}元。",
        ]
    )
    rep = Report(year, template, organ, level, t2, t3, t4, sign_date=sign, fee_text=fee, seed=seed)
    rep.problems = tuple(rng.sample(range(len(PROBLEMS)), 3))
    rep.measures = tuple(rng.sample(range(len(MEASURES)), 3))
    if size:
        base = len(rep.render(layout="pipe").text.encode("utf-8"))
        per = sum(len(s.encode("utf-8")) for s in FILLER) / len(FILLER) * 3 + 1  # ~3 sentences a paragraph
        rep.filler = max(0, int((size - base) / per))
    return rep


# --- rendering -----------------------------------------------------------------------


@dataclass
class Rendered:
    text: str
    spans: dict  # key → Span (see module docstring)
    layout: str
    script: str
    pinyin: bool

    def span(self, *key) -> Span:
        return self.spans[key]


class _Writer:
    """Appends pieces, converting script / adding pinyin, and records spans of marked pieces."""

    def __init__(self, script: str, pinyin: bool, rng: random.Random):
        self.parts: list[str] = []
        self.n = 0
        self.spans: dict = {}
        self.trad = script == "traditional"
        self.pinyin = pinyin
        self.rng = rng

    def _conv(self, s: str, annotate: bool) -> str:
        if self.trad:
            s = to_traditional(s)
        if self.pinyin and annotate and s:
            out = []
            last = len(s) - 1
            for i, ch in enumerate(s):
                out.append(ch)
                key = _t2s_pinyin_map().get(ch, ch) if self.trad else ch
                if i < last and key in PINYIN and self.rng.random() < 0.5:
                    out.append(f"({PINYIN[key]})")
            s = "".join(out)
        return s

    def text(self, s: str, key=None, annotate: bool = True) -> None:
        s = self._conv(s, annotate)
        if key is not None:
            self.spans[key] = Span(self.n, self.n + len(s))
        self.parts.append(s)
        self.n += len(s)

    def raw(self, s: str, key=None) -> None:
        if key is not None:
            self.spans[key] = Span(self.n, self.n + len(s))
        self.parts.append(s)
        self.n += len(s)

    def value(self) -> str:
        return "".join(self.parts)


@functools.lru_cache(maxsize=1)
def _t2s_pinyin_map() -> dict[str, str]:
    return {to_traditional(k): k for k in PINYIN}


# A table is a list of rows; a row is a list of cells: ("L", text, key|None) label cells and
# ("N", text, key, blank) value cells.


def _fmt(v) -> str:
    return v if isinstance(v, str) else str(v)


def _fmt_signed(v: int) -> str:
    return "0" if v == 0 else (f"+{v}" if v > 0 else str(v))


def _t2_rows(rep: Report) -> list[list[tuple]]:
    rows: list[list[tuple]] = []
    for cap, cols, trows in rep.t2_blocks:
        rows.append([("L", cap, None)])
        rows.append([("L", "信息内容", None)] + [("L", c, None) for c in cols])
        for rid, lab in trows:
            vals = rep.t2[rid]
            cells: list[tuple] = [("L", lab, ("label", "t2", rid))]
            for k, v in enumerate(vals):
                signed = rep.template == "v2019" and cols[k] == "本年增/减"
                txt = _fmt_signed(v) if signed else _fmt(v)
                cells.append(("N", txt, ("cell", "t2", rid, k), ("t2", rid, k) in rep.blank))
            rows.append(cells)
    return rows


def _t3_rows(rep: Report) -> list[list[tuple]]:
    rows: list[list[tuple]] = [
        [
            ("L", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", None),
            ("L", "申请人情况", None),
        ],
        [("L", "自然人", None), ("L", "法人或其他组织", None), ("L", "总计", None)],
        [
            ("L", "商业企业", None),
            ("L", "科研机构", None),
            ("L", "社会公益组织", None),
            ("L", "法律服务机构", None),
            ("L", "其他", None),
        ],
    ]
    for rid, lab in rep.t3_rows:
        cells: list[tuple] = []
        if rid in T3_BLOCK_OF and not (rid == "r3_6_1" and rep.template != "v2021"):
            cells.append(("L", T3_BLOCK_OF[rid], None))
        cells.append(("L", lab, ("label", "t3", rid)))
        for c in T3_COLUMNS:
            cells.append(("N", str(rep.t3[rid][c]), ("cell", "t3", rid, c), ("t3", rid, c) in rep.blank))
        rows.append(cells)
    return rows


def _t4_rows(rep: Report) -> list[list[tuple]]:
    parts = [("L", x, None) for x in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")]
    return [
        [("L", "行政复议", None), ("L", "行政诉讼", None)],
        parts + [("L", "未经复议直接起诉", None), ("L", "复议后起诉", None)],
        parts + parts,
        [("N", str(rep.t4[c]), ("cell", "t4", "t4", c), ("t4", "t4", c) in rep.blank) for c in T4_COLUMNS],
    ]


def _render_table(w: _Writer, rows: list[list[tuple]], layout: str, page: list[int]) -> None:
    nl = " " if layout == "oneline" else "\n"
    if layout == "markdown":
        width = max(len(r) for r in rows)
    if layout == "glued_header":
        layout = "pipe"
        rows = [_glue_header(r) for r in rows]
    if layout == "converter":
        _converter_table(w, rows, page)
        return
    if layout == "spacer":
        _spacer_table(w, rows)
        return
    if layout == "pdf_wrapped_cells":
        _pdf_wrapped_table(w, rows)
        return
    wrap_cells = layout == "wrapped_cells"
    if wrap_cells:
        layout = "pipe"
    spaced = 0.5 if layout == "flattened_spaced" else 0.1
    if layout == "flattened_spaced":
        layout = "flattened"
    for ri, row in enumerate(rows):
        if layout == "flattened":
            # a web archive's text: no cell separators at all, now and then a space between numbers
            for k, cell in enumerate(row):
                if cell[0] == "L":
                    w.text(cell[1], cell[2], annotate=False)
                else:
                    if k > 0 and row[k - 1][0] == "N" and w.rng.random() < spaced:
                        w.raw(" ")
                    w.raw(cell[1], cell[2])
            if ri == len(rows) - 1:
                w.raw(" ")
        elif layout in ("labelless", "broken_labels"):
            labels = [c for c in row if c[0] == "L"]
            nums = [c for c in row if c[0] == "N"]
            if not nums:
                for cell in labels:
                    _wrapped(w, cell[1], cell[2], 9)
                continue
            if layout == "labelless" and labels:
                # the values on a line of their own, the label on the line below
                _numbers(w, nums)
                w.raw("\n")
                for cell in labels:
                    _wrapped(w, cell[1], cell[2], 12)
                continue
            for cell in labels[:-1]:
                _wrapped(w, cell[1], cell[2], 12)
            if labels:
                _broken(w, labels[-1][1], labels[-1][2], 9)
                w.raw(" ")
            _numbers(w, nums)
            w.raw("\n")
        elif layout in ("pipe", "oneline"):
            for cell in row:
                if cell[0] == "N" and cell[3]:
                    _blank(w, cell[2])
                elif cell[0] == "N" and wrap_cells and len(cell[1]) >= 2 and cell[1].isdigit() and w.rng.random() < 0.5:
                    _wrapped_number(w, cell[1], cell[2], " ")
                else:
                    w.text(cell[1], cell[2], annotate=False) if cell[0] == "L" else w.raw(cell[1], cell[2])
                w.raw(" | ")
            w.raw(nl)
        elif layout == "markdown":
            w.raw("| ")
            for cell in row:
                if cell[0] == "N" and cell[3]:
                    _blank(w, cell[2])
                else:
                    w.text(cell[1], cell[2], annotate=False) if cell[0] == "L" else w.raw(cell[1], cell[2])
                w.raw(" | ")
            w.raw("  | " * (width - len(row)) + "\n")
            if ri == 0:
                w.raw("|" + "---|" * width + "\n")
        elif layout == "tab":
            lead = 0 if row[0][0] == "N" else 0
            if row[0][0] == "L" and row[0][1][:1] in "123456789" and len(row) > 2 and row[1][0] == "N":
                lead = 2  # a sub-row under a block label: shifted two cells right (seed 003)
            w.raw("\t" * lead)
            for k, cell in enumerate(row):
                if cell[0] == "N" and cell[3]:
                    w.raw("", cell[2])
                else:
                    w.text(cell[1], cell[2], annotate=False) if cell[0] == "L" else w.raw(cell[1], cell[2])
                if k < len(row) - 1:
                    w.raw("\t")
                    if cell[0] == "L" and k + 1 < len(row) and row[k + 1][0] == "N":
                        w.raw("\t")  # an empty label column between the label and the numbers
            w.raw("\n")
        elif layout == "cells":
            for cell in row:
                w.text(cell[1], cell[2], annotate=False) if cell[0] == "L" else w.raw(cell[1], cell[2])
                w.raw(" |\n")
        elif layout == "cells_blank":
            for cell in row:
                w.text(cell[1], cell[2], annotate=False) if cell[0] == "L" else w.raw(cell[1], cell[2])
                w.raw("\n\n")
        elif layout == "pdf":
            labels = [c for c in row if c[0] == "L"]
            nums = [c for c in row if c[0] == "N"]
            for cell in labels:
                _wrapped(w, cell[1], cell[2], 9)
            for k, cell in enumerate(nums):
                w.raw(cell[1], cell[2])
                w.raw(" " if k < len(nums) - 1 else "\n")
            page[0] += 1
            if page[0] % 7 == 0:
                w.raw(f"- {page[0] // 7} -\n")
        else:  # pragma: no cover
            raise ValueError(f"unknown layout {layout!r}")


def _wrapped_number(w: _Writer, num: str, key, gap: str) -> None:
    """A number wrapped inside its narrow cell: ``17 8`` for 178 (the cell's span covers both pieces)."""
    start = w.n
    w.raw(num[:-1])
    w.raw(gap)
    w.raw(num[-1])
    if key is not None:
        w.spans[key] = Span(start, w.n)


def _md_row(w: _Writer, cells: list, width: int, markup: bool = False) -> None:
    """One Markdown row: ``| a | b |`` padded to the table's width with empty cells; with ``markup``
    now and then a converter's markup in a cell (``**12**``, a long label broken with ``<br>``)."""
    w.raw("| ")
    for cell in cells:
        if cell is None:
            w.raw(" ")
        elif cell[0] == "N" and len(cell) > 3 and cell[3]:
            _blank(w, cell[2])
        elif cell[0] == "L":
            if markup and len(cell[1]) > 10 and w.rng.random() < 0.3:
                start = w.n
                cut = len(cell[1]) // 2
                w.text(cell[1][:cut], None, annotate=False)
                w.raw("<br>")
                w.text(cell[1][cut:], None, annotate=False)
                if cell[2] is not None:
                    w.spans[cell[2]] = Span(start, w.n)
            else:
                w.text(cell[1], cell[2], annotate=False)
        elif markup and w.rng.random() < 0.1:
            w.raw("**")
            w.raw(cell[1], cell[2])
            w.raw("**")
        elif markup and len(cell[1]) >= 2 and cell[1].isdigit() and w.rng.random() < 0.2:
            _wrapped_number(w, cell[1], cell[2], "<br>")
        else:
            w.raw(cell[1], cell[2])
        w.raw(" | ")
    w.raw("  | " * (width - len(cells)) + "\n")


def _md_rule(w: _Writer, width: int) -> None:
    w.raw("|" + "---|" * width + "\n")


_ENUM_HEAD = ("1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.")


def _converter_table(w: _Writer, rows: list[list[tuple]], page: list[int]) -> None:
    """A table as a PDF-to-Markdown converter writes it (see :data:`DAMAGES`, ``converter``)."""
    rng = w.rng
    width = max(len(r) for r in rows)
    data = [k for k, r in enumerate(rows) if any(c[0] == "N" for c in r)]
    split_at = rng.choice(data[1:]) if len(data) > 2 and rng.random() < 0.4 else None
    if rng.random() < 0.5:  # a header row the converter made up: empty cells, then the rule
        _md_row(w, [None] * width, width)
        _md_rule(w, width)
        ruled = True
    else:
        ruled = False
    k = 0
    while k < len(rows):
        row = rows[k]
        labels = [c for c in row if c[0] == "L"]
        nums = [c for c in row if c[0] == "N"]
        if k == split_at:
            page[0] += 1
            w.raw(f"\n- {page[0]} -\n\n")
            ruled = False
            if rng.random() < 0.5:  # the converter repeats the table's header rows on the new page
                for head in rows[: data[0]]:
                    _md_row(w, [(c[0], c[1], None) + tuple(c[3:]) for c in head], width)
                    if not ruled:
                        _md_rule(w, width)
                        ruled = True
        r = rng.random()
        if nums and labels and r < 0.1:
            # the label on a row of its own, its values on the next row below an empty label cell
            _md_row(w, labels, width)
            if not ruled:
                _md_rule(w, width)
                ruled = True
            _md_row(w, [None] * len(labels) + nums, width)
        elif nums and labels and r < 0.18 and len(labels[-1][1]) >= 12:
            # the label's beginning left above the table, outside it; the table starts again
            lab = labels[-1]
            cut = len(lab[1]) // 2
            start = w.n
            w.raw("\n")
            w.text(lab[1][:cut], None, annotate=False)
            w.raw("\n\n| ")
            w.text(lab[1][cut:], None, annotate=False)
            if lab[2] is not None:
                w.spans[lab[2]] = Span(start + 1, w.n)
            w.raw(" | ")
            for c in nums:
                if len(c) > 3 and c[3]:
                    _blank(w, c[2])
                else:
                    w.raw(c[1], c[2])
                w.raw(" | ")
            w.raw("  | " * (width - 1 - len(nums)) + "\n")
            _md_rule(w, width)
            ruled = True
        elif (
            nums
            and labels
            and r < 0.26
            and k + 1 < len(rows)
            and k + 1 != split_at
            and any(c[0] == "N" for c in rows[k + 1])
            and any(c[0] == "L" for c in rows[k + 1])
            and sum(c[0] == "N" for c in rows[k + 1]) == len(nums)
            and not any(len(c) > 3 and c[3] for c in nums + [c for c in rows[k + 1] if c[0] == "N"])
        ):
            # two rows merged: both labels in one cell, each cell holding both rows' numbers
            nxt = rows[k + 1]
            nlabels = [c for c in nxt if c[0] == "L"]
            nnums = [c for c in nxt if c[0] == "N"]
            w.raw("| ")
            for c in labels:
                w.text(c[1], c[2], annotate=False)
                w.raw(" ")
            for c in nlabels:
                w.text(c[1], c[2], annotate=False)
                w.raw(" ")
            w.raw("| ")
            for a, b in zip(nums, nnums):
                w.raw(a[1], a[2])
                w.raw(" ")
                w.raw(b[1], b[2])
                w.raw(" | ")
            w.raw("  | " * (width - 1 - len(nums)) + "\n")
            k += 1
        elif nums and labels and r < 0.34 and labels[-1][1].startswith(_ENUM_HEAD):
            # the row's enumerator (2.) in a cell of its own
            lab = labels[-1]
            start = w.n
            w.raw("| ")
            for c in labels[:-1]:
                w.text(c[1], c[2], annotate=False)
                w.raw(" | ")
            at = w.n
            w.text(lab[1][:2], None, annotate=False)
            w.raw(" | ")
            w.text(lab[1][2:], None, annotate=False)
            if lab[2] is not None:
                w.spans[lab[2]] = Span(at, w.n)
            w.raw(" | ")
            for c in nums:
                if len(c) > 3 and c[3]:
                    _blank(w, c[2])
                else:
                    w.raw(c[1], c[2])
                w.raw(" | ")
            w.raw("  | " * max(0, width - len(labels) - 1 - len(nums)) + "\n")
            del start
        else:
            _md_row(w, row, width, markup=True)
        if not ruled:
            _md_rule(w, width)
            ruled = True
        k += 1


def _spacer_table(w: _Writer, rows: list[list[tuple]]) -> None:
    """LibreOffice's HTML export read as a grid (a merged cell's text in its first cell, the cells it
    covers empty): every row as wide as the table, a label that stands alone where other rows have
    a block label and a row label spanning both columns, and an empty spacer column at one place in
    every row."""
    nums = max(sum(c[0] == "N" for c in r) for r in rows)
    labels = max((sum(c[0] == "L" for c in r) for r in rows if any(c[0] == "N" for c in r)), default=0)
    width = max(max(len(r) for r in rows), nums + labels)
    at = w.rng.randint(1, max(1, width - 1))
    for row in rows:
        lab = [c for c in row if c[0] == "L"]
        val = [c for c in row if c[0] == "N"]
        if val:
            grid = lab + [None] * (labels - len(lab)) + val
        else:
            grid = list(row)
        grid += [None] * (width - len(grid))
        grid.insert(at, None)
        w.raw("| ")
        for cell in grid:
            if cell is None:
                w.raw(" ")
            elif cell[0] == "N" and cell[3]:
                _blank(w, cell[2])
            else:
                w.text(cell[1], cell[2], annotate=False) if cell[0] == "L" else w.raw(cell[1], cell[2])
            w.raw(" | ")
        w.raw("\n")


def _pdf_wrapped_table(w: _Writer, rows: list[list[tuple]]) -> None:
    """PDF text of a table whose narrow cells wrap long numbers: the row's line holds each number's
    first digits, the line below the last digit of each wrapped one."""
    for row in rows:
        labels = [c for c in row if c[0] == "L"]
        nums = [c for c in row if c[0] == "N"]
        for cell in labels:
            _wrapped(w, cell[1], cell[2], 9)
        if not nums:
            continue
        tails = []
        for k, cell in enumerate(nums):
            if len(cell[1]) >= 2 and cell[1].isdigit() and w.rng.random() < 0.5:
                start = w.n
                w.raw(cell[1][:-1])
                tails.append((cell, start))
            else:
                w.raw(cell[1], cell[2])
            w.raw(" " if k < len(nums) - 1 else "\n")
        if tails:
            for j, (cell, start) in enumerate(tails):
                w.raw(cell[1][-1])
                if cell[2] is not None:
                    w.spans[cell[2]] = Span(start, w.n)
                w.raw(" " if j < len(tails) - 1 else "\n")


def _numbers(w: _Writer, nums: list) -> None:
    for k, cell in enumerate(nums):
        w.raw(cell[1], cell[2])
        if k < len(nums) - 1:
            w.raw(" ")


def _glue_header(row: list) -> list:
    """A header row whose first two label cells are glued (``信息内容本年处理决定数量``)."""
    if (
        len(row) >= 2
        and all(c[0] == "L" for c in row)
        and row[0][2] is None
        and row[1][2] is None
        and row[0][1] == "信息内容"
    ):
        return [("L", row[0][1] + row[1][1], None)] + row[2:]
    return row


def _broken(w: _Writer, label: str, key, width: int) -> None:
    """A label broken across lines, the last piece left on the line of the numbers that follow
    (no newline after it)."""
    start = w.n
    i, pieces = 0, []
    while i < len(label):
        j = min(len(label), i + width)
        while j < len(label) and (label[j - 1] in "0123456789.（）()、“”" or label[j] in "）)、，”"):
            j += 1
        pieces.append(label[i:j])
        i = j
    for k, p in enumerate(pieces):
        w.text(p, None, annotate=False)
        if k < len(pieces) - 1:
            w.raw("\n")
    if key is not None:
        w.spans[key] = Span(start, w.n)


def _wrap_prose(r: "Rendered", width: int = 27) -> "Rendered":
    """PDF-style line wraps: every prose line (not a table row) broken every ``width`` characters,
    mid-sentence, never inside a recorded span (a number, a heading, the title) or a run of digits.
    The spans are moved to the new text."""
    text = r.text
    protected = sorted((sp.start, sp.end) for sp in r.spans.values())
    inside = bytearray(len(text) + 1)
    for a, b in protected:
        for k in range(a + 1, min(b, len(text))):
            inside[k] = 1
    breaks: list[int] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if "|" not in line and len(line) > width:
            k = pos + width
            while k < end - 2:
                j = k
                while j < end - 2 and (inside[j] or text[j].isdigit() and text[j - 1].isdigit()):
                    j += 1
                if j >= end - 2:
                    break
                breaks.append(j)
                k = j + width
        pos = end + 1
    if not breaks:
        return r
    out, last = [], 0
    for b in breaks:
        out.append(text[last:b])
        out.append("\n")
        last = b
    out.append(text[last:])

    def moved(o: int) -> int:
        import bisect

        return o + bisect.bisect_right(breaks, o)

    def moved_end(o: int) -> int:
        import bisect

        return o + bisect.bisect_left(breaks, o)

    spans = {k: Span(moved(sp.start), moved_end(sp.end)) for k, sp in r.spans.items()}
    return Rendered("".join(out), spans, r.layout, r.script, r.pinyin)


def _blank(w: _Writer, key) -> None:
    """An empty cell between `` | `` separators: the cell is everything between the bars."""
    w.raw("  ")
    w.spans[key] = Span(w.n - 3, w.n + 1)


def _wrapped(w: _Writer, label: str, key, width: int) -> None:
    """A label printed over several lines (PDF text): pieces of ``width`` characters, never
    splitting where a piece would read as a number or an enumerator."""
    start = w.n
    i = 0
    pieces = []
    while i < len(label):
        j = min(len(label), i + width)
        # keep an enumerator (1. / （一）) with the text after it
        while j < len(label) and (label[j - 1] in "0123456789.（）()、“”" or label[j] in "）)、，”"):
            j += 1
        pieces.append(label[i:j])
        i = j
    for k, p in enumerate(pieces):
        w.text(p, None, annotate=False)
        end = w.n
        w.raw("\n")
    if key is not None:
        w.spans[key] = Span(start, end)


def _prose_section1(w: _Writer, rep: Report, nl: str, layout: str) -> None:
    f = rep.prose_figures()
    f.update(rep.prose_override)
    para = "\n" + nl if layout == "cells_blank" else nl
    y = rep.year
    w.text(f"{y}年，{rep.organ}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。")
    w.raw(para)
    for k, sub in enumerate(PROSE_SUBHEADS):
        w.text(sub)
        w.raw(para)
        if k == 0:
            w.text("全年通过门户网站主动公开政府信息，本年新制发")
            w.text("规范性文件" if rep.template == "v2019" else "行政规范性文件")
            w.raw(str(f["docs_made"]), ("prose", "docs_made"))
            w.text("件。")
        elif k == 1:
            w.text("本年新收政府信息公开申请")
            w.raw(str(f["received"]), ("prose", "received"))
            w.text("件，上年结转政府信息公开申请")
            w.raw(str(f["carried_over"]), ("prose", "carried_over"))
            w.text("件，本年度办结")
            w.raw(str(f["answered"]), ("prose", "answered"))
            w.text("件，其中予以公开")
            w.raw(str(f["disclosed"]), ("prose", "disclosed"))
            w.text("件，部分公开")
            w.raw(str(f["partly"]), ("prose", "partly"))
            w.text("件，不予公开")
            w.raw(str(f["refused"]), ("prose", "refused"))
            w.text("件，无法提供")
            w.raw(str(f["unavailable"]), ("prose", "unavailable"))
            w.text("件，不予处理")
            w.raw(str(f["not_handled"]), ("prose", "not_handled"))
            w.text("件；结转下年度继续办理")
            w.raw(str(f["carried_forward"]), ("prose", "carried_forward"))
            w.text("件。本年度发生政府信息公开行政复议")
            w.raw(str(f["review"]), ("prose", "review"))
            w.text("件，行政诉讼")
            w.raw(str(f["litigation"]), ("prose", "litigation"))
            w.text("件。")
        else:
            w.text(FILLER[(k + rep.seed) % len(FILLER)])
        w.raw(para)
        # filler, spread over the sub-sections (all of it, when section 五 takes none: a filler
        # sentence repeated in 五 each year would be text carried over, GX705)
        for j in range(k, rep.filler // 2 if rep.filler_five else rep.filler, 5):
            w.text("".join(FILLER[(j + m + rep.seed) % len(FILLER)] for m in range(3)))
            w.raw(para)


def _render_section(w: _Writer, rep: Report, idx: int, layout: str, nl: str, page: list[int]) -> None:
    para = "\n" + nl if layout == "cells_blank" else nl
    head = SECTION_TITLES[idx]
    if layout == "markdown":
        w.raw("## ")
    w.text(head, ("heading", idx))
    w.raw(para)
    if idx == 1:
        _prose_section1(w, rep, nl, layout)
    elif idx == 2:
        _render_table(w, _t2_rows(rep), layout, page)
    elif idx == 3:
        _render_table(w, _t3_rows(rep), layout, page)
    elif idx == 4:
        _render_table(w, _t4_rows(rep), layout, page)
    elif idx == 5:
        for k, line in enumerate(five_text(rep).split("\n")):
            w.text(line, ("five", k))
            w.raw(para)
        for j in range(rep.filler - rep.filler // 2 if rep.filler_five else 0):
            w.text("".join(FILLER[(j + m + rep.seed + 3) % len(FILLER)] for m in range(3)))
            w.raw(para)
    elif idx == 6:
        w.text(rep.fee_text)
        w.text("本年度无其他需要报告的事项。")
        w.raw(para)


def render(rep: Report, layout: str = "pipe", script: str = "simplified", pinyin: bool = False) -> Rendered:
    if layout not in LAYOUTS and layout not in DAMAGES:
        raise ValueError(f"unknown layout {layout!r}; one of {LAYOUTS + DAMAGES}")
    if layout == "wrapped":
        r = render(rep, "pipe", script, pinyin)
        return _wrap_prose(Rendered(r.text, r.spans, "wrapped", r.script, r.pinyin))
    rng = random.Random(rep.seed * 7 + 1)
    w = _Writer(script, pinyin, rng)
    nl = " " if layout in ONE_LINE else "\n"
    para = "\n" + nl if layout == "cells_blank" else nl
    ty = rep.title_year if rep.title_year is not None else rep.year
    if rep.head not in HEADS:
        raise ValueError(f"unknown head {rep.head!r}; one of {HEADS}")
    if rep.head == "source":  # a web page's chrome line names the organ
        w.raw("来源：")
        w.text(rep.organ, ("organ",))
        w.raw(f"  发布时间：{rep.sign_date[0]}-01-15 09:30")
        w.raw(para)
    if layout == "markdown":
        w.raw("# ")
    if rep.head in ("organ_above", "organ_above_wrapped"):
        w.text(rep.organ, ("organ",))
        w.raw(nl)
    elif rep.head in ("inline", "two_lines"):
        w.text(rep.organ, ("organ",))
    w.raw(str(ty), ("title_year",))
    if rep.head in ("two_lines", "organ_above_wrapped"):
        w.text("年政府信息公开工作")
        w.raw(nl)
        w.text("年度报告")
    else:
        w.text("年政府信息公开工作年度报告")
    w.raw(para)
    basis = "国办公开办函〔2021〕30号" if rep.template == "v2021" else "国办公开办函〔2019〕60号"
    if rep.head == "opening":
        w.text("本报告由")
        w.text(rep.organ, ("organ",))
    else:
        w.text("本报告")
    w.text(
        f"根据《中华人民共和国政府信息公开条例》和{basis}的要求编制，由总体情况、主动公开政府信息情况、"
        "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
        "其他需要报告的事项六个部分组成。本报告中所列数据的统计期限自"
    )
    w.raw(f"{rep.year}年1月1日起至{rep.year}年12月31日止")
    w.text("。")
    w.raw(para)
    page = [0]
    for idx in rep.sections:
        _render_section(w, rep, idx, layout, nl, page)
    sig = rep.organ if rep.signature is None else rep.signature
    if sig:
        w.text(sig, ("signature",))
        w.raw(nl)
    y, m, d = rep.sign_date
    w.raw(f"{y}年{m}月{d}日", ("sign_date",))
    w.raw("\n" if layout not in ONE_LINE else "")
    return Rendered(w.value(), w.spans, layout, script, pinyin)


# --- defects -------------------------------------------------------------------------


@dataclass
class Defect:
    kind: str
    target: tuple  # what was changed (table, row, col) / (section,) / ...
    old: object = None
    new: object = None

    def __str__(self) -> str:
        return f"{self.kind}{self.target}: {self.old!r} → {self.new!r}"


def _present(rep: Report, table: str) -> bool:
    return {"t2": 2, "t3": 3, "t4": 4}[table] in rep.sections


def inject(
    rep: Report, kinds: Sequence[str], rng: random.Random, *, layout: str = "pipe", prose: bool = False
) -> tuple[Report, list[Defect]]:
    """Apply defects of the given kinds (a copy of ``rep`` is changed).  A kind that cannot apply
    (no section left to drop, blank cells in a layout without separators) is skipped.  With
    ``prose`` the table changes avoid the cells section 一 restates, so that GX4's ground truth
    is exactly the changed prose numbers."""
    rep = copy.deepcopy(rep)
    done: list[Defect] = []
    touched: set = set()
    for kind in kinds:
        d = _inject_one(rep, kind, rng, layout, prose, touched)
        if d is not None:
            done.append(d)
    return rep, done


_PROSE_ROWS = {"r1", "r2", "r3_7", "r3_1", "r3_2", "r4"}


def _inject_one(rep: Report, kind: str, rng: random.Random, layout: str, prose: bool, touched: set) -> Optional[Defect]:
    if kind in ("change_cell", "break_row_total"):
        tables = [t for t in ("t3", "t4") if _present(rep, t)]
        if not tables:
            return None
        table = rng.choice(tables)
        if table == "t3":
            rows = [rid for rid, _ in rep.t3_rows]
            if kind == "break_row_total":
                if prose:
                    rows = [r for r in rows if r.startswith("r3_6")]
                cols = ["tot"]
            else:
                cols = list(APPLICANTS)
            cand = [(r, c) for r in rows for c in cols if ("t3", r, c) not in touched]
            if not cand:
                return None
            r, c = rng.choice(cand)
            old = rep.t3[r][c]
            new = _other(old, rng)
            rep.t3[r][c] = new
            touched.add(("t3", r, c))
            return Defect(kind, ("t3", r, c), old, new)
        g = rng.choice(T4_GROUPS)
        col = f"{g}.tot" if kind == "break_row_total" and not prose else f"{g}.{rng.choice(T4_PARTS)}"
        if ("t4", "t4", col) in touched:
            return None
        old = rep.t4[col]
        rep.t4[col] = _other(old, rng)
        touched.add(("t4", "t4", col))
        return Defect(kind, ("t4", "t4", col), old, rep.t4[col])
    if kind == "drop_section":
        if len(rep.sections) <= 2:
            return None
        idx = rng.choice(rep.sections)
        rep.sections.remove(idx)
        return Defect(kind, (idx,))
    if kind == "swap_sections":
        if len(rep.sections) < 2:
            return None
        i, j = sorted(rng.sample(range(len(rep.sections)), 2))
        a, b = rep.sections[i], rep.sections[j]
        rep.sections[i], rep.sections[j] = b, a
        return Defect(kind, (a, b))
    if kind == "change_year":
        if layout in ONE_LINE:
            return None  # no line ends: the title is not delimited (meta reads the period)
        old = rep.title_year if rep.title_year is not None else rep.year
        # within the template's years: which year a report with disagreeing years is "for" is a
        # judgement (title vs period vs body); the disagreement itself is GX501
        era = (2019, 2020) if rep.template == "v2019" else tuple(range(2021, 2026))
        new = rng.choice([y for y in era if y != old])
        rep.title_year = new
        return Defect(kind, ("title",), old, new)
    if kind == "blank_cell":
        if layout not in BLANK_LAYOUTS:
            return None
        blanks: list[tuple[str, str, str]] = []
        if _present(rep, "t3"):
            # interior columns only: an empty first/last cell reads as layout padding
            blanks += [("t3", r, c) for r, _ in rep.t3_rows for c in APPLICANTS[1:]]
        if _present(rep, "t4"):
            blanks += [("t4", "t4", c) for c in T4_COLUMNS[1:-1] if not c.endswith(".tot")]
        blanks = [x for x in blanks if x not in touched]
        if not blanks:
            return None
        x = rng.choice(blanks)
        rep.blank.add(x)
        touched.add(x)
        return Defect(kind, x)
    if kind == "change_prose_number":
        if 1 not in rep.sections:
            return None
        f = rep.prose_figures()
        names = [n for n in f if n not in rep.prose_override]
        if not names:
            return None
        n = rng.choice(names)
        rep.prose_override[n] = _other(f[n], rng)
        return Defect(kind, ("prose", n), f[n], rep.prose_override[n])
    raise ValueError(f"unknown defect kind {kind!r}")


def _other(v: int, rng: random.Random) -> int:
    """A different non-negative count."""
    return v + rng.randint(1, 9) if v == 0 or rng.random() < 0.5 else rng.randint(0, v - 1)


# --- ground truth --------------------------------------------------------------------


def _for_year(y: int) -> Optional[str]:
    return None if y < 2019 else ("v2019" if y < 2021 else "v2021")


def expected(
    rep: Report, r: Rendered, *, prose: bool = False, prefixes: Sequence[str] = ("GX1", "GX2", "GX3", "GX4")
) -> list[tuple[str, Span]]:
    """The diagnostics of the given families (GX1–GX4; GX501 for a changed title year when GX5 is
    asked for) a correct gxlint reports for this report as rendered, computed from the spec's
    identities, not from gxlint's code."""
    out: list[tuple[str, Span]] = []
    secs = rep.sections
    # GX101: a missing section is reported at the heading that follows where it belongs
    for idx in range(1, 7):
        if idx in secs:
            continue
        after = [s for s in secs if s > idx]
        anchor = after[0] if after else secs[-1]
        out.append(("GX101", r.span("heading", anchor)))
    # GX102: a heading after one with a higher number
    for k, s in enumerate(secs):
        if any(t > s for t in secs[:k]):
            out.append(("GX102", r.span("heading", s)))
    # GX201: tables of the wrong version for the report year.  A changed title year alone does
    # not change the report year: the statistics period and the body still say the real one
    # (the title is then GX501)
    exp_t = _for_year(rep.year)
    if exp_t is not None and exp_t != rep.template:
        for kind, first in (("t2", "t2.rules"), ("t3", "r1")):
            if _present(rep, kind):
                out.append(("GX201", r.span("label", kind, first)))
                break
    if rep.title_year is not None and rep.title_year != rep.year:
        out.append(("GX501", r.span("title_year")))
    # GX206: one per table, at its first blank cell
    if _present(rep, "t3"):
        for rid, _ in rep.t3_rows:
            hit = [c for c in T3_COLUMNS if ("t3", rid, c) in rep.blank]
            if hit:
                out.append(("GX206", r.span("cell", "t3", rid, hit[0])))
                break
    if _present(rep, "t4"):
        hit = [c for c in T4_COLUMNS if ("t4", "t4", c) in rep.blank]
        if hit:
            out.append(("GX206", r.span("cell", "t4", "t4", hit[0])))
    out += _arith(rep, r)
    if prose and 1 in secs:
        f = rep.prose_figures()
        tables_for = {"docs_made": "t2", "review": "t4", "litigation": "t4"}
        for name, v in rep.prose_override.items():
            if v != f[name] and _present(rep, tables_for.get(name, "t3")):
                # "N 件" where the table has none is the prose-none contradiction (GX402)
                none_in_table = (
                    f[name] == 0
                    and v > 0
                    and (name in ("review", "litigation") or (name == "received" and f["carried_over"] == 0))
                )
                out.append(("GX402" if none_in_table else "GX401", r.span("prose", name)))
    if 1 in secs:
        # the prose restates the table as it is: when the table's outcome rows no longer add up to
        # （七）总计, the sentence "办结 N 件，其中 a、b、c…" does not add up either (GX404)
        g = rep.prose_figures()
        g.update(rep.prose_override)
        parts = sum(g[k] for k in ("disclosed", "partly", "refused", "unavailable", "not_handled"))
        involved = {"answered", "disclosed", "partly", "refused", "unavailable", "not_handled"}
        if parts > g["answered"] and ("prose", "answered") in r.spans and not involved & set(rep.prose_override):
            out.append(("GX404", r.span("prose", "answered")))
    out = [x for x in out if x[0].startswith(tuple(prefixes))]
    return sorted(out, key=lambda x: (x[1].start, x[1].end, x[0]))


def _arith(rep: Report, r: Rendered) -> list[tuple[str, Span]]:
    out = []
    if _present(rep, "t3"):
        idents = _t3_identities(rep)
        _triangulate(idents)
        outsum_bad = {i["col"]: i["rhs_v"] for i in idents if i["id"] == "outsum" and i["fails"]}
        for i in idents:
            if not i["fails"]:
                continue
            if i["id"] == "rowsum":
                at = i["culprit"] if i["culprit"] is not None else i["target"]
                out.append(("GX301", r.span("cell", "t3", *at)))
            elif i["id"] == "outsum":
                out.append(("GX302", r.span("cell", "t3", *i["target"])))
            else:  # the balance, unless （七）总计 alone is wrong (it holds with the outcome sum)
                c = i["col"]
                if c in outsum_bad and i["lhs_v"] == outsum_bad[c] + rep.t3["r4"][c]:
                    continue
                out.append(("GX303", r.span("cell", "t3", *i["target"])))
    if _present(rep, "t4"):
        for g in T4_GROUPS:
            cols = [f"{g}.{p}" for p in T4_PARTS + ("tot",)]
            if any(("t4", "t4", c) in rep.blank for c in cols):
                continue
            if rep.t4[f"{g}.tot"] != sum(rep.t4[f"{g}.{p}"] for p in T4_PARTS):
                out.append(("GX304" if g == "rv" else "GX305", r.span("cell", "t4", "t4", f"{g}.tot")))
    return out


def _t3_identities(rep: Report) -> list[dict]:
    """T3.rowsum (per row), T3.outsum and T3.balance (per column) over cells (row, col); an
    identity with a blank cell is not checked."""
    t3 = rep.t3
    idents = []

    def add(kind, lhs, rhs, target, col=None):
        if any(("t3",) + x in rep.blank for x in lhs + rhs):
            return
        lv, rv = sum(t3[a][b] for a, b in lhs), sum(t3[a][b] for a, b in rhs)
        idents.append(
            {
                "id": kind,
                "lhs": lhs,
                "rhs": rhs,
                "target": target,
                "col": col,
                "lhs_v": lv,
                "rhs_v": rv,
                "fails": lv != rv,
                "culprit": None,
            }
        )

    for rid, _ in rep.t3_rows:
        add("rowsum", [(rid, "tot")], [(rid, c) for c in APPLICANTS], (rid, "tot"))
    for c in T3_COLUMNS:
        add("outsum", [("r3_7", c)], [(o, c) for o in rep.outcomes], ("r3_7", c), c)
    for c in T3_COLUMNS:
        add("balance", [("r1", c), ("r2", c)], [("r3_7", c), ("r4", c)], ("r4", c), c)
    return idents


def _triangulate(idents: list[dict]) -> None:
    """Where a row's sum and a column's sum fail and one cell they share would mend both with the
    same value, that cell (not the total) is where the row-sum error is reported; two equally
    good cells: no guess."""
    failing = [i for i in idents if i["fails"]]
    if len(failing) < 2:
        return

    def fix(i, cell):
        d = i["rhs_v"] - i["lhs_v"]
        return ("lhs", d) if cell in i["lhs"] else ("rhs", -d)

    def value_needed(i, cell, t3_value):
        side, d = fix(i, cell)
        return t3_value + d

    for i in failing:
        best = None
        for cell in i["lhs"] + i["rhs"]:
            need = value_needed(i, cell, 0)
            others = [o for o in failing if o is not i and cell in o["lhs"] + o["rhs"]]
            agree = [o for o in others if value_needed(o, cell, 0) == need]
            if agree and (best is None or len(agree) > best[1]):
                best = (cell, len(agree))
            elif agree and best is not None and len(agree) == best[1]:
                best = (None, len(agree))
        if best is not None and best[0] is not None and best[0] != i["target"]:
            i["culprit"] = best[0]


# --- one call ------------------------------------------------------------------------


@dataclass
class Sample:
    text: str
    expected: list  # [(code, Span)]
    defects: list  # [Defect]
    report: Report
    rendered: Rendered

    def describe(self) -> str:
        r = self.rendered
        return (
            f"seed={self.report.seed} {self.report.template} {self.report.year} {self.report.level} "
            f"layout={r.layout} script={r.script} pinyin={r.pinyin} defects={[str(d) for d in self.defects]}"
        )


def sample(
    seed: int = 0,
    *,
    layout: str = "pipe",
    script: str = "simplified",
    pinyin: bool = False,
    defects: Iterable[str] = (),
    prose: bool = False,
    size: Optional[int] = None,
    year: Optional[int] = None,
    template: Optional[str] = None,
    level: Optional[str] = None,
) -> Sample:
    """A generated report with defects of the given kinds, and what gxlint must say about it."""
    rep = generate(seed, year=year, template=template, level=level, size=size)
    kinds = list(defects)
    if not prose:
        kinds = [k for k in kinds if k != "change_prose_number"]
    rep2, done = inject(rep, kinds, random.Random(seed ^ 0x5EED), layout=layout, prose=prose)
    rend = rep2.render(layout=layout, script=script, pinyin=pinyin)
    return Sample(rend.text, expected(rep2, rend, prose=prose), done, rep2, rend)


def families(diags, prefixes=("GX1", "GX2", "GX3", "GX4")) -> list[tuple[str, Span]]:
    """(code, span) of gxlint diagnostics in the given families, sorted like :func:`expected`."""
    out = [(d.code, Span(d.span.start, d.span.end)) for d in diags if d.code.startswith(tuple(prefixes))]
    return sorted(out, key=lambda x: (x[1].start, x[1].end, x[0]))


# --- damage to any report's text -------------------------------------------------------------

TEXT_DAMAGES = (
    "oneline",
    "wrapped",
    "crlf",
    "ascii_punct",
    "indent",
    "flatten_tables",
    "spacer",
    "wrap_cells",
    "converter_md",
    "spaced_tables",
    "ocr",
)
"""What :func:`damage_text` does to the text of any report — a real one too, with no model behind
it (the metamorphic tests: a damaged copy may lose findings, never gain an error):
oneline: the whole text on one line (a web archive); wrapped: lines of prose broken every 27
characters, never inside a run of digits (PDF text); crlf: Windows line ends; ascii_punct: the
full-width punctuation of the prose written in ASCII (，→, ；→; ：→: （）→()); indent: every line
indented with ideographic spaces and NBSP; flatten_tables: a table's lines (lines with | or tab
separators) run together with no separator at all (a web archive's text); spacer: an empty column
at one place in every line of a table whose lines form a grid (LibreOffice's HTML); wrap_cells: the last digit of some
multi-digit cells wrapped inside its cell (``17 8``); converter_md: tables as a PDF converter's
Markdown (a rule after the first line, an invented empty header, a row's enumerator in a cell of
its own, ``<br>`` in long labels, ``**12**``); spaced_tables: tables as PDF text, cells separated by single spaces; ocr: text recognised
from a scanned page — tables as spaced text, now and then a space between two Han characters, a
character read as its look-alike (己/已, 末/未 …) and in tables a 0 read as O or a 1 as l.  A table line is a
line with ``|``, a tab or a box-drawing bar; modes that change tables do nothing to a report
without such lines."""

_TABLE_SEP = __import__("re").compile(r"[|\t│┃║]")
_LOOKALIKE = {
    "己": "已",
    "已": "己",
    "末": "未",
    "未": "末",
    "曰": "日",
    "日": "曰",
    "戊": "戌",
    "土": "士",
    "人": "入",
    "入": "人",
    "千": "干",
    "干": "千",
    "天": "夭",
    "大": "太",
    "王": "玉",
    "今": "令",
}
_ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"})


def _table_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of table lines (with separators), blank lines between them included, as [start, end)
    line indexes."""
    out: list[tuple[int, int]] = []
    start: Optional[int] = None
    last = -1  # set with start
    for k, ln in enumerate(lines + ["end"]):
        is_table = bool(_TABLE_SEP.search(ln)) and k < len(lines)
        if is_table:
            if start is None:
                start = k
            last = k
        elif ln.strip() and start is not None:
            if last - start >= 1:
                out.append((start, last + 1))
            start = None
    return out


def _cells(line: str) -> list[str]:
    parts = [p.strip() for p in _TABLE_SEP.split(line)]
    if parts and not parts[0]:
        parts = parts[1:]
    if parts and not parts[-1]:
        parts = parts[:-1]
    return parts


def damage_text(text: str, mode: str, seed: int = 0) -> str:
    """The text damaged the way :data:`TEXT_DAMAGES` describes (``seed`` picks the places)."""
    if mode not in TEXT_DAMAGES:
        raise ValueError(f"unknown damage {mode!r}; one of {TEXT_DAMAGES}")
    rng = random.Random(seed)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if mode == "oneline":
        return " ".join(ln.strip() for ln in lines if ln.strip())
    if mode == "crlf":
        return "\r\n".join(lines)
    if mode == "indent":
        return "\n".join(
            ("\u3000\u3000" if k % 2 else "\u00a0 ") + ln if ln.strip() else ln for k, ln in enumerate(lines)
        )
    table: set[int] = set()
    blocks = _table_blocks(lines)
    for a, b in blocks:
        table.update(range(a, b))
    if mode == "ocr":
        out = []
        for k, ln in enumerate(lines):
            if k in table:
                cells = [c for c in _cells(ln) if c]
                cells = [
                    c.replace("0", "O", 1)
                    if c.isdigit() and rng.random() < 0.03
                    else c.replace("1", "l", 1)
                    if c.isdigit() and rng.random() < 0.03
                    else c
                    for c in cells
                ]
                out.append(" ".join(cells))
                continue
            chars = []
            for ch in ln:
                chars.append(_LOOKALIKE.get(ch, ch) if rng.random() < 0.02 else ch)
                if "\u4e00" <= ch <= "\u9fff" and rng.random() < 0.04:
                    chars.append(" ")
            out.append("".join(chars))
        return "\n".join(out)
    if mode == "ascii_punct":
        return "\n".join(ln if k in table else ln.translate(_ASCII) for k, ln in enumerate(lines))
    if mode == "wrapped":
        out = []
        for k, ln in enumerate(lines):
            if k in table or len(ln) <= 27:
                out.append(ln)
                continue
            pos = 0
            while len(ln) - pos > 27:
                cut = pos + 27
                while cut < len(ln) - 1 and (ln[cut].isdigit() and ln[cut - 1].isdigit()):
                    cut += 1
                out.append(ln[pos:cut])
                pos = cut
            out.append(ln[pos:])
        return "\n".join(out)
    out = list(lines)
    for a, b in reversed(blocks):
        rows = [_cells(ln) for ln in lines[a:b] if ln.strip()]
        if mode == "flatten_tables":
            new = ["".join("".join(r) for r in rows)]
        elif mode == "spaced_tables":
            new = [" ".join(c for c in r if c) for r in rows]
        elif mode == "spacer":
            if len({len(_TABLE_SEP.split(ln)) for ln in lines[a:b] if ln.strip()}) != 1:
                continue  # not a grid (rows continued on the next line, shifted columns): no spacer column
            width = max(len(r) for r in rows)
            at = rng.randint(1, max(1, width - 1))
            new = [
                "| "
                + " | ".join(r[:at] + [""] * (at - len(r[:at])) + [""] + r[at:] + [""] * (width - max(len(r), at)))
                + " |"
                for r in rows
            ]
        elif mode == "wrap_cells":
            new = []
            for r in rows:
                cells = [c[:-1] + " " + c[-1] if c.isdigit() and len(c) >= 2 and rng.random() < 0.5 else c for c in r]
                new.append("| " + " | ".join(cells) + " |")
        else:  # converter_md
            width = max(len(r) for r in rows)
            new = []
            if rng.random() < 0.5:
                new += ["| " + " | ".join([" "] * width) + " |", "|" + "---|" * width]
            for k, r in enumerate(rows):
                cells = list(r)
                if (
                    cells
                    and len(cells[0]) > 2
                    and cells[0][0].isdigit()
                    and cells[0][1] in ".、"
                    and rng.random() < 0.5
                ):
                    cells = [cells[0][:2], cells[0][2:]] + cells[1:]
                cells = [
                    c[: len(c) // 2] + "<br>" + c[len(c) // 2 :]
                    if len(c) > 10 and rng.random() < 0.3
                    else "**" + c + "**"
                    if c.isdigit() and rng.random() < 0.1
                    else c
                    for c in cells
                ]
                new.append("| " + " | ".join(cells) + " |")
                if k == 0 and len(new) == 1:
                    new.append("|" + "---|" * width)
        out[a:b] = new
    return "\n".join(out)


# --- several years of one organ (GX7) -------------------------------------------------------


def series(
    seed: int = 0, years: Sequence[int] = (2021, 2022, 2023), *, organ: Optional[str] = None, level: str = "department"
) -> list[Report]:
    """Consistent reports of one organ for consecutive ``years``: each year's 二、上年结转 is the
    year before's 四、结转下年度继续办理 (column by column; 一、本年新收 adjusted so table 三's
    identities still hold), in the 2021 template each year's 现行有效 is last year's plus
    本年制发 minus 本年废止, and each year's section 五 names other problems and measures."""
    out: list[Report] = []
    for k, y in enumerate(years):
        rep = generate(seed * 101 + k, year=y, level=level, busy=True)
        if organ is not None:
            rep.organ = organ
        elif out:
            rep.organ = out[0].organ
        rep.filler_five = False
        if out:
            carry_over(out[-1], rep)
            rewrite_problems(out[-1], rep)
        out.append(rep)
    return out


def five_text(rep: Report) -> str:
    """Section 五's body: ``rep.five``, or its problems and measures (two paragraphs)."""
    if rep.five is not None:
        return rep.five
    problems = "".join(f"{'一二三四五六'[k]}是{PROBLEMS[p]}" for k, p in enumerate(rep.problems))
    return problems + "\n下一步，我们将针对上述问题认真加以改进：" + "".join(MEASURES[m] for m in rep.measures)


def rewrite_problems(prev: Report, rep: Report) -> None:
    """Section 五 of ``rep`` written anew: problems and measures none of which ``prev`` named
    (a report that looked at its problems again; GX705 measures what is carried over)."""
    rng = random.Random(rep.seed * 31 + 5)
    rep.problems = tuple(rng.sample([i for i in range(len(PROBLEMS)) if i not in prev.problems], 3))
    rep.measures = tuple(rng.sample([i for i in range(len(MEASURES)) if i not in prev.measures], 3))


def carry_over(prev: Report, rep: Report) -> None:
    """Make ``rep`` (year N) consistent with ``prev`` (year N−1) in place."""
    t3 = rep.t3
    for c in APPLICANTS:
        t3["r2"][c] = prev.t3["r4"][c]
        r1 = t3["r3_7"][c] + t3["r4"][c] - t3["r2"][c]
        if r1 < 0:  # more carried in than handled: the rest is carried forward again
            t3["r4"][c] -= r1
            r1 = 0
        t3["r1"][c] = r1
    for rid in ("r1", "r2", "r4"):
        t3[rid]["tot"] = sum(t3[rid][c] for c in APPLICANTS)
    if rep.template == "v2021" and prev.template == "v2021":
        for rid in ("t2.rules", "t2.docs"):
            made, repealed, _valid = rep.t2[rid]
            old = prev.t2[rid][2]
            repealed = min(repealed, old + made)
            rep.t2[rid] = [made, repealed, old + made - repealed]


# --- the command line --------------------------------------------------------------------


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m gxlint.synth``: write generated reports (standard output, or files in a folder)."""
    import argparse
    import os
    import sys

    ap = argparse.ArgumentParser(
        prog="python -m gxlint.synth",
        description="生成合成的政府信息公开工作年度报告 (write generated annual reports: for tests, "
        "benchmarks and trying gxlint). Without -o the report goes to standard output.",
    )
    ap.add_argument("seed", nargs="?", type=int, default=None, help="the seed (default 0); same seed, same report")
    ap.add_argument("--seed", dest="seed_opt", type=int, default=None, metavar="N", help="the seed (as the positional)")
    ap.add_argument("legacy_layout", nargs="?", default=None, help=argparse.SUPPRESS)
    ap.add_argument(
        "--layout",
        choices=sorted(set(LAYOUTS) | set(DAMAGES)),
        default=None,
        help="how the tables are written, or a damage mode of real published text (default pipe)",
    )
    ap.add_argument(
        "--size",
        type=int,
        default=None,
        metavar="BYTES",
        help="pad the report with filler paragraphs to about this size",
    )
    ap.add_argument(
        "--damage",
        "--defect",
        action="append",
        default=[],
        choices=DEFECTS,
        metavar="KIND",
        help=f"inject a defect (repeatable): {', '.join(DEFECTS)}",
    )
    ap.add_argument(
        "--text-damage",
        action="append",
        default=[],
        choices=TEXT_DAMAGES,
        metavar="MODE",
        help=f"damage the written text (repeatable, in order): {', '.join(TEXT_DAMAGES)}",
    )
    ap.add_argument("--count", "-n", type=int, default=1, help="how many reports (seeds SEED, SEED+1, …)")
    ap.add_argument(
        "--output",
        "-o",
        metavar="FOLDER",
        default=None,
        help="write report-<seed>.txt files into FOLDER (created) instead of standard output",
    )
    ap.add_argument("--traditional", action="store_true", help="in traditional characters")
    a = ap.parse_args(argv)
    seed = a.seed_opt if a.seed_opt is not None else (a.seed if a.seed is not None else 0)
    layout = a.layout or a.legacy_layout or "pipe"
    if layout not in LAYOUTS and layout not in DAMAGES:
        ap.error(f"unknown layout {layout!r} (one of {', '.join(sorted(set(LAYOUTS) | set(DAMAGES)))})")
    if a.count < 1 or (a.size is not None and a.size < 0):
        ap.error("--count must be at least 1 and --size not negative")
    if a.count > 1 and not a.output:
        ap.error("--count > 1 needs --output FOLDER")
    script = "traditional" if a.traditional else "simplified"
    if a.output:
        try:
            os.makedirs(a.output, exist_ok=True)
        except OSError as exc:
            ap.error(f"cannot create {a.output}: {exc.strerror or exc}")
    for k in range(seed, seed + a.count):
        text = sample(k, layout=layout, script=script, defects=a.damage, size=a.size).text
        for mode in a.text_damage:
            text = damage_text(text, mode, seed=k)
        if not a.output:
            sys.stdout.write(text)
            continue
        path = os.path.join(a.output, f"report-{k}.txt")
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            print(f"python -m gxlint.synth: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":  # pragma: no cover - run as python -m gxlint.synth (tested in a subprocess)
    raise SystemExit(main())
