"""The HTML reader: declared charsets, site navigation dropped, rowspan/colspan, <br>, &nbsp;,
Word-exported pages, layout tables, source positions — and hostile pages (GX002)."""

import pytest

from gxlint.config import Settings
from gxlint.engine import lint_bytes
from gxlint.read import read, read_html_text, sniff
from gxlint.read.html import decode_html

pytest.importorskip("lxml")


def page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>站点标题</title></head><body>{body}</body></html>"


def view(html: str, enc: str = "utf-8") -> str:
    return read(html.encode(enc), "x.html").text


def test_declared_gbk_charset_is_honoured():
    html = page(
        "<p>政府信息公开工作年度报告</p>", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    )
    data = html.encode("gbk")
    text, enc = decode_html(data)
    assert enc == "gb18030" and "年度报告" in text
    assert read(data, "x.htm").text == "政府信息公开工作年度报告\n"


def test_undeclared_gbk_falls_back_to_gb18030():
    data = "<html><body><p>本年新收申请47件</p></body></html>".encode("gbk")
    assert read(data, "x.html").text == "本年新收申请47件\n"


def test_navigation_scripts_and_hidden_parts_are_dropped():
    body = (
        """<div class="top-nav"><a href="/">首页</a><a href="/gk">政务公开</a></div>
      <nav>首页 &gt; 信息公开 &gt; 年度报告</nav>
      <div class="breadcrumb">当前位置：首页 &gt; 年度报告</div>
      <script>var x = "一、总体情况";</script><style>p{}</style>
      <div style="display: none">隐藏的话</div>
      <div class="article"><h1>某某局2023年政府信息公开工作年度报告</h1>"""
        + "<p>一、总体情况</p><p>正文内容。</p>" * 5
        + """</div>
      <div id="footer">版权所有：某某局 主办单位</div>"""
    )
    text = view(page(body))
    assert "首页" not in text and "版权所有" not in text and "隐藏" not in text and "var x" not in text
    assert text.startswith("某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文内容。\n")


def test_a_page_wrapped_in_a_nav_like_class_keeps_its_content():
    body = '<div class="main-nav-content"><p>一、总体情况</p><p>本年新收申请47件。</p></div>'
    assert view(page(body)) == "一、总体情况\n本年新收申请47件。\n"


def test_rowspan_and_colspan_are_expanded_to_the_grid():
    body = """<table>
      <tr><td colspan="2" rowspan="2">（本列数据的勾稽关系）</td><td colspan="2">申请人情况</td></tr>
      <tr><td>自然人</td><td>总计</td></tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>3</td><td>3</td></tr>
      <tr><td>（二）部分公开</td><td>1</td><td>1</td></tr>
    </table>"""
    src = read(page(body).encode(), "x.html")
    assert src.text == (
        "| （本列数据的勾稽关系） |  | 申请人情况 |  |\n|  |  | 自然人 | 总计 |\n"
        "| 三、本年度办理结果 | （一）予以公开 | 3 | 3 |\n|  | （二）部分公开 | 1 | 1 |\n"
    )
    loc = src.locate(src.text.rindex("1 |"))
    assert (loc["table"], loc["row"], loc["col"]) == (1, 4, 4)


def test_br_nbsp_fullwidth_spaces_and_whitespace():
    body = "<p>第一行<br>第二行&nbsp;&nbsp;</p><p>\u3000\u3000本年新收\n   申请 47&nbsp;件</p>"
    assert view(page(body)) == "第一行\n第二行\n\u3000\u3000本年新收 申请 47\xa0件\n"


WORD_HTML = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>某某县2023年政府信息公开工作年度报告<o:p></o:p></span></b></p>
<p class=MsoListParagraph style='margin-left:0cm;text-indent:0cm;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:黑体;mso-bidi-font-family:黑体'><span style='mso-list:Ignore'>一、<span style='font:7.0pt "Times New Roman"'>
</span></span></span><![endif]><span style='font-family:黑体'>总体情况<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>本年新收申请<span lang=EN-US>47</span>件。<o:p>&nbsp;</o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0'><td width=100 rowspan=2 style='border:solid windowtext 1.0pt'><p class=MsoNormal><span>信息内容<o:p></o:p></span></p></td>
  <td width=100 colspan=2><p class=MsoNormal><span>本年制发件数<o:p></o:p></span></p></td></tr>
 <tr><td><p class=MsoNormal><span lang=EN-US>3<o:p></o:p></span></p></td><td><p class=MsoNormal><span lang=EN-US>4<o:p></o:p></span></p></td></tr>
</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div></body></html>"""


def test_word_exported_html():
    data = WORD_HTML.encode("gbk")
    assert sniff(data, "report.HTM") == "html"
    text = read(data, "report.HTM").text
    assert text.splitlines() == [
        "某某县2023年政府信息公开工作年度报告",
        "一、总体情况",
        "本年新收申请47件。",
        "| 信息内容 | 本年制发件数 |  |",
        "|  | 3 | 4 |",
    ]


def test_layout_tables_are_read_as_blocks():
    body = """<table width="100%"><tr><td class="menu-cell">栏目</td><td>
      <p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>"""
    text = view(page(body))
    assert "| 规章 | 0 |" in text and "一、总体情况" in text


def test_html_by_content_without_an_extension():
    data = page("<p>报告</p>").encode()
    assert sniff(data, "report") == "html"
    assert sniff(data, "notes.txt") == "text"  # a .txt is text whatever it holds


def test_source_positions_of_paragraphs_and_cells():
    html = page('<p>标题</p>\n<table>\n<tr><td class="c2">22</td><td colspan="2">12</td></tr></table>')
    src, _blocks = read_html_text(html)
    loc = src.locate(src.text.index("12"))
    assert html[loc["offset"] : loc["offset"] + 2] == "12"
    assert loc["line"] == 3
    loc = src.locate(src.text.index("22"))
    assert html[loc["offset"] : loc["offset"] + 2] == "22"


def test_huge_page_is_gx002_not_a_hang():
    body = "<p>" + "填充文字" * 50 + "</p>\n"
    data = page(body * 60_000).encode()
    assert len(data) > 20 * 1024 * 1024
    res = lint_bytes(data, "big.html", Settings())
    assert [d.code for d in res.diagnostics] == ["GX002"]
    assert "过大" in res.diagnostics[0].message


def test_hostile_markup_never_raises():
    for html in (
        "",
        "<html>",
        "<table><tr><td rowspan=999999 colspan=999999>x</td></tr></table>",
        "<table>" * 3000 + "x",
        "<p>" + "<b>" * 5000 + "深</p>",
        "\x00\x01<html>",
    ):
        res = lint_bytes(html.encode(), "x.html", Settings())
        assert all(d.code != "GX001" for d in res.diagnostics), (html[:40], res.diagnostics)


def test_a_government_site_page_keeps_only_the_report():
    from docgen import build_html

    from gxlint import synth
    from gxlint.engine import lint

    rep = synth.generate(5, template="v2021")
    page_html = build_html(rep)
    chrome_top = """<div class="head"><img src="logo.png"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li>
      <li><a href="/hd">互动交流</a></li><li><a href="/fw">办事服务</a></li></ul></div>
      <div>当前位置：<a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt; 年度报告</div>
      <div>字号：【大 中 小】 浏览次数：1024</div>"""
    chrome_bottom = """<div><a href="#">【打印本页】</a> <a href="#">【关闭窗口】</a></div>
      <div class="links">相关链接：<a href="http://www.gov.cn">中国政府网</a><a href="/a">省政府</a><a href="/b">市政府</a></div>
      <div>版权所有：白河县人民政府 主办单位：白河县人民政府办公室</div><div>网站标识码：1234567890 ICP备12345678号</div>"""
    page_html = page_html.replace('<div class="article">', chrome_top + '<div class="article">').replace(
        "</body>", chrome_bottom + "</body>"
    )
    src = read(page_html.encode("utf-8"), "report.shtml")
    assert src.text.splitlines()[0] == rep.render("pipe").text.splitlines()[0]
    assert src.text.rstrip().splitlines()[-1] == rep.render("pipe").text.rstrip().splitlines()[-1]
    assert [d.code for d in lint(src.text, "report.shtml").diagnostics] == []  # a clean report stays clean


def test_a_report_framed_in_a_one_cell_or_menu_table_is_read_as_paragraphs():
    inner = "<h2>一、总体情况</h2><p>本年新收申请47件。</p><table><tr><td>规章</td><td>0</td></tr></table>"
    assert view(page(f"<table><tr><td>{inner}</td></tr></table>")) == "一、总体情况\n本年新收申请47件。\n| 规章 | 0 |\n"
    paras = "".join(f"<p>第{i}段。</p>" for i in range(5))
    text = view(page(f"<table><tr><td><a href='/'>首页</a></td><td>{paras}</td></tr></table>"))
    assert text.splitlines()[-5:] == [f"第{i}段。" for i in range(5)]
    # a report table whose cells hold a paragraph or two stays a table
    assert (
        view(page("<table><tr><td><p>（二）部分公开</p><p>（区分处理的）</p></td><td><p>3</p></td></tr></table>"))
        == "| （二）部分公开 （区分处理的） | 3 |\n"
    )


def test_source_position_when_markup_splits_the_words():
    html = WORD_HTML
    src, _ = read_html_text(html)
    loc = src.locate(src.text.index("本年新收申请"))
    assert html[loc["offset"] :].startswith("本年新收申请")
    loc = src.locate(src.text.index("一、总体情况"))
    assert html[loc["offset"] :].startswith("一、")
