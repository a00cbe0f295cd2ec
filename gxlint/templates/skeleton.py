"""The official skeleton of an annual report (政府信息公开工作年度报告), ready to fill in.

Built from the template data (``gxlint/templates/*.toml``), never from a copy of a report: the
title, the statistics-period sentence, the six section headings, tables 二, 三 and 四 with every
label of the chosen template version (every cell ``0``, so the arithmetic holds from the start)
and a signature line.  Tables are written as ``a | b |`` rows, a layout the parser reads.

Used by the language server's ``gxlint.newReport`` command and by the VS Code extension's snippet
(``vscode-extension/snippets/gxreport.code-snippets`` is generated from it, see
:func:`snippet_json`).
"""

from __future__ import annotations

import datetime
import json
from typing import Optional

from .. import templates

ORGAN_PLACEHOLDER = "某市某局"


def _full(s: str) -> str:
    """Template labels are stored with ASCII punctuation; reports use full-width."""
    return s.replace("(", "（").replace(")", "）").replace(",", "，").replace(":", "：")


def _row(cells: list[str]) -> str:
    return " | ".join(cells) + " |"


def default_year(today: Optional[datetime.date] = None) -> int:
    """Reports are written early in the year after the one they cover."""
    return (today or datetime.date.today()).year - 1


def skeleton(
    year: Optional[int] = None,
    template: Optional[str] = None,
    organ: str = ORGAN_PLACEHOLDER,
    *,
    placeholders: bool = False,
) -> str:
    """The skeleton text.  ``template`` defaults to the one the year requires (v2019 before 2021).
    ``placeholders``: write VS Code snippet tab stops (``${1:…}``) for the organ and the year."""
    year = default_year() if year is None else int(year)
    template = template or templates.for_year(year) or "v2019"
    tpl = templates.version(template)
    com = templates.common()
    if placeholders:
        organ_t, year_t, next_t = f"${{1:{organ}}}", f"${{2:{year}}}", f"{year + 1}"
    else:
        organ_t, year_t, next_t = organ, str(year), str(year + 1)
    basis = tpl.get("basis", "")
    heads = {s["index"]: s["canonical"] for s in com["section"]}
    out: list[str] = []
    w = out.append
    w(f"{organ_t}{year_t}年政府信息公开工作年度报告")
    w("")
    w(
        "本报告根据《中华人民共和国政府信息公开条例》"
        + (f"和{_full(basis)}的要求" if basis else "")
        + "编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。"
        + f"本报告中所列数据的统计期限自{year_t}年1月1日起至{year_t}年12月31日止。"
    )
    w("")
    w(heads[1])
    w(f"{year_t}年，{organ_t}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。")
    w("")
    # 二: table 二, block by block
    w(heads[2])
    for block in tpl["t2"]["block"]:
        cols = [_full(c[1]) for c in block["columns"]]
        w(_row([_full(block["caption"])]))
        w(_row(["信息内容"] + cols))
        for _rid, label in block["rows"]:
            w(_row([_full(label)] + ["0"] * len(cols)))
    w("")
    # 三: table 三
    t3c = com["t3"]
    w(heads[3])
    w(_row([_full(t3c["corner_note"]), "申请人情况"]))
    w(_row(["自然人", "法人或其他组织", "总计"]))
    w(_row(t3c["column_labels"][1:6]))
    blocks = {k: _full(v) for k, v in tpl["t3"].get("blocks", {}).items()}
    seen: set[str] = set()
    ncols = len(t3c["columns"])
    for rid, label in tpl["t3"]["rows"]:
        lead: list[str] = []
        if rid == "r3_1":
            lead.append("三、本年度办理结果")
        grp = "_".join(rid.split("_")[:2])
        if grp in blocks and grp not in seen and rid.count("_") == 2:
            seen.add(grp)
            lead.append(blocks[grp])
        w(_row(lead + [_full(label)] + ["0"] * ncols))
    w("")
    # 四: table 四
    t4c = com["t4"]
    parts = [p[1] for p in t4c["group_columns"]]
    w(heads[4])
    w(_row(["行政复议", "行政诉讼"]))
    w(_row(parts + ["未经复议直接起诉", "复议后起诉"]))
    w(_row(parts + parts))
    w(_row(["0"] * len(t4c["columns"])))
    w("")
    w(heads[5])
    w("（请在此填写本年度政府信息公开工作存在的主要问题及改进情况。）")
    w("")
    w(heads[6])
    w("本年度无收取信息处理费情况。本年度无其他需要报告的事项。")
    w("")
    w(organ_t)
    w(f"{next_t}年1月20日" if not placeholders else f"${{3:{next_t}}}年1月20日")
    return "\n".join(out) + "\n"


def snippet_json() -> str:
    """The VS Code snippets file (one snippet per template version), generated from
    :func:`skeleton`; ``tests/lsp/test_drafting.py`` checks the committed file is up to date."""

    def esc(line: str) -> str:
        # a literal `$` or `}` outside a placeholder is not in the skeleton; keep it that way
        return line

    data = {}
    for vid, year in (("v2021", 2025), ("v2019", 2020)):
        body = skeleton(year, vid, placeholders=True).rstrip("\n").split("\n")
        data[f"gxlint: 新建年度报告（{vid}）"] = {
            "prefix": ["gxreport", f"gxreport-{vid}", "新建年度报告"],
            "description": f"政府信息公开工作年度报告的官方框架（{templates.version(vid).get('basis', vid)}格式）",
            "scope": "plaintext,markdown,gxreport",
            "body": [esc(x) for x in body],
        }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # python3 -m gxlint.templates.skeleton > vscode-extension/snippets/gxreport.code-snippets
    import sys

    sys.stdout.write(snippet_json())
