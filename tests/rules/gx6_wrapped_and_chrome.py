"""Reports and helpers shared by the tests of GX604, GX605 and test_gx6_wrapped_and_chrome.py
(one test module per rule; they were test_gx6_wrapped_and_chrome.py)."""

from gxlint.testing import RuleTester

gx604 = RuleTester("GX604")
gx605 = RuleTester("GX605")

# PDF text: 28 Han characters a line; brackets and quotes open on one line and close on a later one
WRAPPED = (
    "洪泽区人民政府\n"
    "2023 年政府信息公开工作年度报告\n"
    "本报告由淮安市洪泽区人民政府办公室根据《中华人民共和\n"
    "国政府信息公开条例》（国令第 711 号）（以下简称《条例》）\n"
    "要求编制此报告。报告中所列数据统计期限自 2023 年 1 月 1 日\n"
    "起至 2023 年 12 月 31 日止。如对本报告有疑问，请与淮安市洪\n"
    "泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90\n"
    "号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：\n"
    "hzzwgk@126.com）。\n"
    "一、总体情况\n"
    "加强区政府门户网站及政务新媒体日常管理，运用第三方检\n"
    "测平台实行常态化监测，执行信息审核发布制度。严格执行“分\n"
    "- 2 -\n"
    "级审核、先审后发”程序，落实 “三审三校”制度，从严从实把\n"
    "好政治关、法律关、政策关、保密关、文字关，未经审核的信息\n"
    "一律不准发布。\n"
)


# --- GX605: a web archive's header ------------------------------------------------------

ARCHIVE_HEAD = (
    "标题: 某某市某某局2023年度政府信息公开工作年度报告\n"
    "发布时间: 2024-01-20 15:22\n"
    "文号: \n"
    "发布机构: \n"
    "栏目: 政府信息公开年报\n"
    "原文链接: https://www.example.gov.cn/zwgk/nb/202401/t20240120_1.htm\n"
    "本地目录: zwgk/nb/202401/1_某某市某某局2023年度政府信息公开工作年度报告\n"
    "页面链接与图片详见 links.tsv(同目录)\n"
    "==================== 正文 ====================\n"
)


def _meta(text):
    from gxlint.engine import lint

    m = lint(text, "r.txt").doc.meta
    return m.title and " ".join(m.title.split()), m.organ, m.year, m.published


# --- GX605: page chrome inside a line of report text --------------------------------------

BODY = "根据《中华人民共和国政府信息公开条例》，编制本报告。"
CHROME_LINE = (
    "当前位置： 首页政务公开政府信息公开年报 某某市某某局2023年度政府信息公开工作年度报告 "
    "来源：某某市某某局 时间：2024-01-20 16:34 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> " + BODY
)
