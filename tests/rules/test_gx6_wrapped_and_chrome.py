from gx6_wrapped_and_chrome import ARCHIVE_HEAD, _meta
from gx56_sample import report

from gxlint.fixes import apply_edits
from gxlint.testing import RuleTester

gx605 = RuleTester("GX605")


def test_archive_header_is_one_finding_with_one_fix():
    text = ARCHIVE_HEAD + report()
    got = gx605.invalid(
        text,
        [
            ("lines", (1, 1), (9, 45), "这 9 行是网站页面元素"),
        ],
        output=[
            (
                "标题: 某某市某某局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-20 15:22\n文号: \n发布机构: \n栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/zwgk/nb/202401/t20240120_1.htm\n本地目录: zwgk/nb/202401/1_某某市某某局2023年度政府信息公开工作年度报告\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n",
                "",
            )
        ],
    )
    assert "页面信息" in got[0][2] and "发布时间" in got[0][2] and "网页存档说明" in got[0][2]
    _res, own = gx605.diagnostics(text)
    d = own[0]
    assert text[d.span.start : d.span.end] == ARCHIVE_HEAD.rstrip("\n")
    fixed, _ = apply_edits(text, d.fix.edits)
    # the whole header goes: the report has its own title, and its signature gives GX502 the same date
    assert fixed == report()
    # a signature of another date: the publication date GX502 reads stays (its line alone)
    text = ARCHIVE_HEAD + report(signature="某某市某某局\n2024年1月10日")
    _res, own = gx605.diagnostics(text)
    fixed, _ = apply_edits(text, own[0].fix.edits)
    assert fixed == "发布时间: 2024-01-20 15:22\n" + report(signature="某某市某某局\n2024年1月10日")
    assert own[0].fix.safe and "保留发布时间" in own[0].fix.message and "发布期限" in own[0].fix.message


def test_archive_header_fix_keeps_the_only_title_and_the_date():
    """平潭 2022/2023: the 标题: line is the report's only title (organ, year, GX7 pairs) and 发布时间:
    is the date GX502 reads; the safe fix keeps both, and the lone date line left is an unsafe fix
    that says what it takes away."""
    body = report(title="", signature="")  # no title of its own, no signature
    text = ARCHIVE_HEAD + body
    before = _meta(text)
    assert before[0] == "某某市某某局2023年度政府信息公开工作年度报告" and before[3] == (2024, 1, 20)
    _res, own = gx605.diagnostics(text)
    fix = own[0].fix
    assert fix.safe and "保留报告标题、发布时间" in fix.message
    fixed, _ = apply_edits(text, fix.edits)
    assert fixed == "某某市某某局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-20 15:22\n" + body
    assert _meta(fixed) == before
    # what is left: the date line alone — reported, and its fix is not safe and says why
    got = gx605.invalid(
        fixed,
        [
            ("line", (2, 1), (2, 23), "这一行是网站页面元素（发布时间）"),
        ],
        output=[("发布时间: 2024-01-20 15:22\n", "")],
    )
    _res, own = gx605.diagnostics(fixed)
    assert not own[0].fix.safe
    assert "会一并删掉发布时间，发布期限将无法核对" in own[0].fix.message
    assert got


def test_traditional_script_chrome_is_deleted_not_converted():
    # GX601 leaves the chrome to GX605 (overlapping edits would make --fix need two passes)
    from gxlint.engine import lint
    from gxlint.fixes import fix_text

    text = "報(bào)告來源:某局 發布時間:2024-01-14 累計次數:3"
    res = lint(text)
    d605 = [d for d in res.diagnostics if d.code == "GX605"]
    assert len(d605) == 1 and text[d605[0].span.start : d605[0].span.end] == "來源:某局 發布時間:2024-01-14 累計次數:3"
    assert not [
        d
        for d in res.diagnostics
        if d.code == "GX601" and d.fix and any(e.start >= d605[0].span.start for e in d.fix.edits)
    ]
    assert fix_text(text)[0] == "報告"  # one traditional character left: GX601 only hints (unsafe)
