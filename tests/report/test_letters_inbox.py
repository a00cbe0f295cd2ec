"""The letters an organ receives, generated from a reviewer's mixed inbox (.txt, .docx, .html, .pdf, a
scanned .pdf, a note) and read back with python-docx: places the organ can find in its own document,
a closing that fits the verdict, sentences instead of blanks for what is unknown, the report's
normalised title, each rule's own correction with the finding's numbers, and the reviewing office,
date, number, contact and wording from the configuration or a template."""

import collections
import functools
import os
import re
import tempfile

import pytest

from .batch import gx
from .inbox import FILES, build

docx = pytest.importorskip("docx", reason="python-docx is not installed (pip install python-docx)")
openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed (pip install openpyxl)")


@functools.lru_cache(maxsize=None)
def inbox() -> str:
    d = tempfile.mkdtemp(prefix="gxlint-inbox-")
    build(os.path.join(d, "inbox"))
    return os.path.join(d, "inbox")


@functools.lru_cache(maxsize=None)
def letters(*extra: str) -> dict:
    """file name → the letter (paragraphs in order, findings table rows as dicts), from --split."""
    out = os.path.join(os.path.dirname(inbox()), f"letters{abs(hash(extra))}")
    p = gx("report", inbox(), "--isolated", "--split", "-o", out + ".docx", *extra)
    assert p.returncode == 0, p.stderr.decode()
    got = {}
    for name in os.listdir(out):
        got[name.rsplit("-审查意见.docx", 1)[0]] = read_letter(os.path.join(out, name))
    return got


def read_letter(path: str) -> dict:
    d = docx.Document(path)
    paras = [p.text for p in d.paragraphs if p.text.strip()]
    rows = []
    for t in d.tables:
        head = [c.text for c in t.rows[0].cells]
        if head[0] in ("序号", "No."):
            rows.extend(dict(zip(head, (c.text for c in r.cells))) for r in t.rows[1:])
    return {
        "paras": paras,
        "rows": rows,
        "text": "\n".join(paras),
        "title": next(p.text for p in d.paragraphs if p.style.name == "Title"),
    }


def letter(role: str, *extra: str) -> dict:
    return letters(*extra)[os.path.splitext(FILES[role])[0]]


def test_the_inbox_is_mixed():
    names = set(os.listdir(inbox()))
    assert {os.path.splitext(n)[1] for n in names} >= {".txt", ".docx", ".html", ".pdf", ".md"}
    assert set(letters()) == {os.path.splitext(FILES[r])[0] for r in FILES if r != "notes"}, "the note is no report"


# --- 1. places the organ can see ------------------------------------------------------------


def test_a_pdf_letter_points_at_pages_and_quotes_text_the_organ_can_find():
    from gxlint.read import read

    lt = letter("pdf")
    assert lt["rows"]
    for r in lt["rows"]:
        assert re.match(r"第 \d+ 页", r["位置"]), r["位置"]  # never gxlint's text-view line (第 58 行)
    places = [r["位置"] for r in lt["rows"]]
    assert "第 4 页，表四“行政复议·总计”" in places and "第 5 页" in places
    # the quote is text of the PDF itself (found, spaces aside, in what a reader extracts)
    with open(os.path.join(inbox(), FILES["pdf"]), "rb") as fh:
        text = "".join(read(fh.read(), "r.pdf").text.split())
    quotes = [r["原文或数据"] for r in lt["rows"] if r["原文或数据"].startswith("“")]
    assert quotes
    for q in quotes:
        for piece in re.split(r"[【】]|……", q.strip("“”")):
            assert "".join(piece.split()) in text, piece


def test_a_word_letter_points_at_the_cell_of_its_own_table():
    lt = letter("docx")
    places = {r["位置"] for r in lt["rows"]}
    assert "表 2 第 22 行第 10 列" in places, places  # the total that was changed
    assert not any(re.fullmatch(r"第 \d+ 行", p) for p in places)


def test_the_spreadsheet_gives_the_same_places():
    out = os.path.join(os.path.dirname(inbox()), "review.xlsx")
    p = gx("report", inbox(), "--isolated", "-o", out)
    assert p.returncode == 0, p.stderr.decode()
    ws = openpyxl.load_workbook(out)["问题"]
    rows = list(ws.iter_rows(values_only=True))
    head = rows[0]
    sheet = collections.Counter((os.path.basename(r[head.index("文件")]), r[head.index("位置")]) for r in rows[1:])
    from_letters = collections.Counter(
        (FILES[role], row["位置"]) for role in FILES if role != "notes" for row in letter(role)["rows"]
    )
    assert from_letters and from_letters.items() <= sheet.items()


# --- 2. a closing per verdict -------------------------------------------------------------


def test_a_passed_report_is_not_asked_to_correct_anything():
    lt = letter("clean")
    assert "结论为：合格" in lt["text"] and "未发现需要修改的问题" in lt["text"]
    assert "修改后重新发布" not in lt["text"] and "逐项核实" not in lt["text"]
    assert not lt["rows"]


def test_a_failed_report_is_asked_to_correct_and_republish():
    lt = letter("pdf")
    assert "结论为：不合格" in lt["text"] and "修改后重新发布" in lt["text"]


def test_an_image_only_pdf_cannot_be_reviewed_and_is_asked_for_again():
    lt = letter("scan")
    assert "结论为：无法审查" in lt["text"]
    assert "不合格" not in lt["text"] and "修改后重新发布" not in lt["text"]
    assert "可复制文字" in lt["text"] and "扫描件" in lt["text"]
    assert not lt["rows"]


# --- 3. what is not known is said, never left blank -------------------------------------------


@pytest.mark.parametrize("role", ["scan", "anonymous"])
def test_unknown_year_and_organ_are_said_in_sentences(role):
    lt = letter(role)
    text = lt["text"]
    assert "报送的年" not in text and "（年度不明）" not in lt["title"] and "报送单位：" not in text
    assert not re.search(r"报送的(?:年|政府信息公开)?[（(]", text.replace("政府信息公开工作年度报告（", ""))
    assert lt["paras"][1] == "有关单位："
    assert FILES[role] in lt["title"]
    if role == "anonymous":
        assert "没有写明报告年度" in text and "没有写明报送单位" in text
    else:
        assert "报送单位和报告年度未能识别" in text


# --- 4. the report's normalised title -----------------------------------------------------------


def test_titles_are_normalised():
    assert letter("pinyin")["title"] == "关于《启东市政府办2023年政府信息公开工作年度报告》的审查意见"
    assert letter("pdf")["title"] == "关于《洪泽区人民政府2023年政府信息公开工作年度报告》的审查意见"
    for lt in letters().values():
        assert "\n" not in lt["title"] and not re.search(r"\([a-zü]+\)", lt["title"])


# --- 5. each rule's own correction, with the finding's numbers ----------------------------------

GENERIC = (
    "改正报告年度、日期，或补充要求的说明",
    "删除网页或排版残留",
    "按年度报告格式的模板改正表格",
    "核对表中数字，使合计关系成立",
    "使正文所述数字与统计表一致",
)


def test_corrections_are_the_rules_own_with_the_findings_numbers():
    rows = [r for lt in letters().values() for r in lt["rows"]]
    assert rows
    for r in rows:
        assert not any(g in r["修改要求"] for g in GENERIC), r
    sig = [r for r in rows if "没有落款" in r["问题"]]
    assert sig and all("落款" in r["修改要求"] and "年度" not in r["修改要求"] for r in sig)
    trad = [r for r in rows if "个繁体字" in r["问题"]]
    assert trad
    for r in trad:  # 本段有 N 个繁体字 … → 把本段的 N 个繁体字改为规范简化字 (never a count of edits)
        n = re.search(r"本段有 (\d+) 个繁体字", r["问题"]).group(1)
        assert f"{n} 个繁体字" in r["修改要求"] and "处）" not in r["修改要求"], r
    pinyin = [r for r in rows if "处拼音注音" in r["问题"]]
    assert pinyin and all(
        re.search(r"本段有 (\d+) 处", r["问题"]).group(1) + " 处拼音注音" in r["修改要求"] for r in pinyin
    )
    sums = [r for r in letter("pdf")["rows"] if "之和为 11，总计为 0" in r["问题"]]
    assert sums and "（现为 11）" in sums[0]["修改要求"] and "（现为 0）" in sums[0]["修改要求"]
    residue = [r for r in rows if r["问题"].startswith("[警告] 网页残留")]
    assert residue and all("页面元素" in r["修改要求"] for r in residue)


def test_engine_findings_carry_a_correction_too():
    from gxlint.engine import lint_bytes
    from read.pdfmake import image_pdf

    (d,) = lint_bytes(image_pdf(2), "scan.pdf").diagnostics
    assert d.code == "GX002" and "可复制文字" in d.data["correction"]


# --- 6. the reviewing office, date, number, contact; a template a province adjusts ------------


def test_office_date_number_and_contact_from_the_command_line():
    lt = letter(
        "pdf",
        "--office",
        "某某市人民政府办公室",
        "--date",
        "2024-03-05",
        "--number",
        "某政公开函〔2024〕{n}号",
        "--contact",
        "张三 0591-12345678",
    )
    paras = lt["paras"]
    assert paras[-2:] == ["某某市人民政府办公室", "2024年3月5日"]
    assert "联系人及电话：张三 0591-12345678" in paras
    assert re.fullmatch(r"某政公开函〔2024〕\d号", paras[1])
    assert "报送某某市人民政府办公室" in lt["text"] and "政务公开办公室。" not in lt["text"]


def test_office_and_template_from_the_configuration(tmp_path):
    tpl = tmp_path / "审查意见模板.toml"
    tpl.write_text(
        '[zh]\nfail_closing = "请于十个工作日内改正，并将改正情况书面报送{office}。"\noffice = "{office}（印章）"\n',
        encoding="utf-8",
    )
    (tmp_path / "gxlint.toml").write_text(
        '[report]\noffice = "某某省政务公开办"\ndate = "2024-04-01"\nletter-template = "审查意见模板.toml"\n',
        encoding="utf-8",
    )
    out = tmp_path / "o.docx"
    import shutil

    shutil.copy(os.path.join(inbox(), FILES["pdf"]), tmp_path / "r.pdf")
    p = gx("report", "r.pdf", "-o", str(out), cwd=tmp_path)
    assert p.returncode == 0, p.stderr.decode()
    lt = read_letter(out)
    assert "请于十个工作日内改正，并将改正情况书面报送某某省政务公开办。" in lt["paras"]
    assert lt["paras"][-2:] == ["某某省政务公开办（印章）", "2024年4月1日"]
    # the keys the template does not give keep the default wording
    assert "结论为：不合格" in lt["text"]


@pytest.mark.parametrize(
    "body, words",
    [
        ('[zh]\nfail_closing = "请报送{机关}。"\n', "占位符 {机关} 不存在"),
        ('[zh]\nfail_closng = "x"\n', "是不是 fail_closing"),
        ('[fr]\nfail_closing = "x"\n', "只有 [zh] 和 [en]"),
    ],
)
def test_a_bad_template_is_a_usage_error_in_chinese(tmp_path, body, words):
    tpl = tmp_path / "t.toml"
    tpl.write_text(body, encoding="utf-8")
    p = gx(
        "report",
        os.path.join(inbox(), FILES["clean"]),
        "--isolated",
        "--letter-template",
        str(tpl),
        "-o",
        str(tmp_path / "o.docx"),
    )
    err = p.stderr.decode()
    assert p.returncode == 2 and words in err and "Traceback" not in err, err


def test_the_default_template_is_printed_for_copying():
    p = gx("report", "--print-letter-template")
    assert p.returncode == 0
    assert "[zh]" in p.stdout.decode() and "fail_closing" in p.stdout.decode()


def test_letters_in_english():
    lt = letter("scan", "--lang", "en")
    assert "cannot be reviewed" in lt["text"] and "To whom it may concern:" in lt["paras"]
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in lt["text"].replace(FILES["scan"], ""))
