"""A reviewer's mixed inbox: what a 政务公开办 receives in one round — a web archive's .txt, a Word
report, a web page, a PDF with text, a scanned PDF, a traditional-script copy with pinyin, a clean
report, a report that states neither its organ nor its year, and a note that is no report.

``build(folder)`` writes it and returns {role: file name}; the report tests run ``gxlint report``
over it and read the letters back with python-docx (and the page in Chromium)."""

from __future__ import annotations

import os
import random
import re
import shutil

from seedutil import ROOT

CORPUS = os.path.join(ROOT, "tests", "fixtures", "corpus_real")
EXAMPLES = os.path.join(ROOT, "examples")

FILES = {
    "web_txt": "平潭综合实验区2022年报告.txt",  # a web archive: 标题:/发布时间: lines, no title of its own
    "pdf": "洪泽区2023年报告.pdf",  # a PDF with a text layer: findings on pages 3-5
    "scan": "scan.pdf",  # two pages of images: no text to review
    "docx": "某县2021年报告.docx",  # a Word report drafted as offices do; a total off in 表三
    "html": "网页版报告.html",  # the report as a web page; a cell of 表三 changed
    "pinyin": "启东市2023年报告.txt",  # traditional script, pinyin annotations in the title
    "clean": "跃进街道2023年报告.txt",  # nothing to correct
    "anonymous": "无标题报告.txt",  # no title, no period, no signature: organ and year unknown
    "notes": "说明.md",  # the sender's note: not a report
}


def anonymous_report() -> str:
    """The clean township report without its title, statistics period, signature and years."""
    with open(os.path.join(EXAMPLES, "2023-clean-township.txt"), encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    body = [ln for ln in lines[1:-2] if "统计期限" not in ln]
    text = "\n".join(body) + "\n"
    return re.sub(r"20\d\d年", "本年", text)


def build(folder: str) -> dict:
    from gxlint import synth
    from read.docgen import build_docx, build_html
    from read.pdfmake import image_pdf

    os.makedirs(folder, exist_ok=True)
    out = {}

    def path(role: str) -> str:
        out[role] = FILES[role]
        return os.path.join(folder, FILES[role])

    shutil.copy(os.path.join(CORPUS, "pingtan-2022.txt"), path("web_txt"))
    shutil.copy(os.path.join(CORPUS, "hongze-2023.pdf"), path("pdf"))
    with open(path("scan"), "wb") as fh:
        fh.write(image_pdf(2))
    # one total off in table 三 of the Word report (a cell of the document's own table: 表 2 第 22 行第 10 列),
    # one cell changed in the web page's table
    rep, _d = synth.inject(synth.generate(3, year=2021), ["break_row_total"], random.Random(3))
    build_docx(rep, path("docx"))
    rep, _d = synth.inject(synth.generate(6, year=2022), ["change_cell"], random.Random(6))
    with open(path("html"), "w", encoding="utf-8") as fh:
        fh.write(build_html(rep))
    shutil.copy(os.path.join(EXAMPLES, "2023-traditional-pinyin.txt"), path("pinyin"))
    shutil.copy(os.path.join(EXAMPLES, "2023-clean-township.txt"), path("clean"))
    with open(path("anonymous"), "w", encoding="utf-8") as fh:
        fh.write(anonymous_report())
    with open(path("notes"), "w", encoding="utf-8") as fh:
        fh.write("# 本批报告说明\n\n各单位报送的年度报告已汇总于此，请审查。\n")
    return out
