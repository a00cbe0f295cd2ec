"""GX606 duplicated-word: a word or a function character written twice in the prose — and nowhere
else (tables, flattened table headers, section headings, page chrome, quoted titles, reduplicated
words of the dictionary, words a segmentation reads otherwise)."""

import os

import pytest
from gx56_sample import line_of, report

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_edits
from gxlint.testing import RuleTester, where

gx606 = RuleTester("GX606")
REAL = os.path.join(os.path.dirname(__file__), "..", "fixtures", "corpus_real")


def opening(sentence: str) -> str:
    return report(opening=sentence)


# --- it fires --------------------------------------------------------------------------------


def test_a_doubled_word_in_the_prose():
    text = opening("二是规范审核审核发布机制，落实政府信息发布审核制度。")
    gx606.invalid(
        text,
        [
            ("word", line_of(text, "审核审核"), (4, 9), "“审核”连写了两次（“二是规范审核审核发布机制，落”）"),
        ],
        output=[("核审核发", "核发")],
    )


def test_a_doubled_function_character():
    text = opening("按照网站页面设计规范打造整体统一的的网站界面。")
    gx606.invalid(text, [("word", line_of(text, "的的"), (4, 19), "“的”连写了两次")], output=[("的的网", "的网")])


@pytest.mark.parametrize(
    "sentence,doubled",
    [
        ("年内完成了了全部栏目的调整。", "了了"),
        ("我局在在政务公开方面做了大量工作。", "在在"),
        ("做好主动公开和和依申请公开工作。", "和和"),
        ("二是是加强政策解读。", "是是"),
        ("推进政策公开与与解读回应。", "与与"),
        ("加强对对政务公开工作的领导。", "对对"),
        ("将政府信息公开工作纳入绩效考核，并并定期通报。", "并并"),
        ("全年主动公开政府信息信息共计一千余条。", "信息信息"),
        ("深入推进政务公开政务公开标准化规范化建设。", "政务公开政务公开"),
        ("二是依申请公开公开答复文书还不够规范。", "公开公开"),  # after 申请: 请 here is no cue (请大家讨论讨论)
    ],
)
def test_each_kind_of_slip(sentence, doubled):
    text = opening(sentence)
    gx606.invalid(text, [("word", *where(text, doubled))], output=[(doubled, doubled[: len(doubled) // 2])])


def test_one_finding_per_slip_and_each_slip_found():
    text = opening("规范审核审核发布机制，打造统一的的网站界面，完成了了栏目调整。")
    gx606.invalid(
        text,
        [
            ("word", line_of(text, "审核审核"), (4, 7)),
            ("word", line_of(text, "的的"), (4, 18)),
            ("word", line_of(text, "了了"), (4, 27)),
        ],
        output=[("核审核发", "核发"), ("的的网", "的网"), ("了了栏", "了栏")],
    )


def test_traditional_script_and_pinyin_are_read_through():
    text = opening("規範審核審核發布機制，落實發布審核制度。")
    gx606.invalid(
        text, [("word", line_of(text, "審核審核"), (4, 7), "“審核”连写了两次")], output=[("核審核發", "核發")]
    )
    text = opening("规范审(shěn)核审核发布机制。")
    gx606.invalid(text, [("word", line_of(text, "审(shěn)核审核"), (4, 13))], output=[("核审核发", "核发")])


def test_the_fix_deletes_the_second_copy():
    text = opening("二是规范审核审核发布机制，打造统一的的网站界面。")
    _res, own = gx606.diagnostics(text)
    assert len(own) == 2 and all(d.fix is not None and d.fix.safe for d in own)
    fixed, applied = apply_edits(text, [e for d in own for e in d.fix.edits])
    assert applied == 2
    assert "二是规范审核发布机制，打造统一的网站界面。" in fixed
    gx606.valid(fixed)


def test_english_message():
    text = opening("二是规范审核审核发布机制。")
    res = lint(text, None, Settings.from_options(None, select="GX606", lang="en"))
    (d,) = res.diagnostics
    assert d.message == "“审核” is written twice in a row in “二是规范审核审核发布机制。”; delete one"


# --- PDF text: the line is wrapped inside the doubled word -----------------------------------

WRAPPED = (
    "一、总体情况\n"
    "本年度我局认真贯彻落实政府信息公开条例，进一步规范审核\n"
    "审核发布机制，严格落实信息发布前的保密审查程序，确保公开\n"
    "内容准确无误，未经审核的信息一律不准对外发布，切实做到应\n"
    "公开尽公开，依法保障人民群众的知情权、参与权和监督权。\n"
)


def test_a_doubled_word_across_a_soft_line_wrap_is_found_and_the_fix_keeps_the_break():
    gx606.invalid(WRAPPED, [("word", line_of(WRAPPED, "审核\n审核"), (3, 3))], output=[("\n审核发", "\n发")])
    _res, (d,) = gx606.diagnostics(WRAPPED)
    fixed, _ = apply_edits(WRAPPED, d.fix.edits)
    assert "进一步规范审核\n发布机制" in fixed


def test_a_word_ending_a_paragraph_and_starting_the_next_is_not_doubled():
    # a short line ends its paragraph: the next one starts afresh
    text = opening("全面加强信息发布审核。\n审核发布前严格执行保密审查。")
    gx606.valid(text)


# --- it stays silent -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "为了了解群众需求，开展问卷调查。",  # 为了/了解
        "达到了公开目的的措施得到落实。",  # 目的/的
        "针对对象不同，分类做好解读。",  # 针对/对象
        "把饮用水水源保护信息全部公开。",  # 饮用水/水源
        "围绕中心工作作出部署。",  # 工作/作出
        "紧紧围绕年度重点工作，层层压实责任。",  # 紧紧 层层: reduplicated words
        "常常深入基层，看看群众的需要。",  # 常常 看看
        "这些问题我们再研究研究。",  # a verb's tentative reduplication
        "请各科室讨论讨论，提出意见。",
        "一是是否按时公开，二是内容是否准确。",  # 一是/是否
        "坚持实事求是是做好工作的关键。",  # 实事求是/是
        "的的确确做到了应公开尽公开。",  # 的的确确
        "决不能不了了之。",  # 不了了之
        "逐项核对，一一对应，一个一个落实。",  # 一一 一个一个
        "加强公众参与与监督。",  # 参与/与
        "做好信息发布以及及时解读。",  # 以及/及时
        "可以以电子邮件方式提出申请。",  # 可以/以
        "保持社会稳定和和谐。",  # 和/和谐
        "当事人在在线平台提交材料。",  # 在/在线
        "进一步对对外发布的信息进行审核。",  # 对/对外
        "工作人员笑声哈哈哈不断。",  # three copies: not this slip
    ],
)
def test_legitimate_doubles(sentence):
    gx606.valid(opening(sentence))


def test_quoted_titles_and_quotations():
    gx606.valid(opening("印发《关于关于进一步做好政务公开工作的通知》，落实“审核审核”要求。"))


def test_tables_are_not_prose():
    text = report(opening="本年度主动公开政府信息。\n统计项目 | 审核审核 | 发布\n信息数量 | 3 | 5")
    gx606.valid(text)


# a web archive's text: the page on one line, the tables flattened — table 四's two-line header
# cells run together (结果结果其他尚未总计 / 维持纠正结果审结)
ONE_LINE = (
    "某某市某某局2023年政府信息公开工作年度报告 本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
    "一、总体情况 2023年，我局认真落实《条例》，规范审核发布机制。"
    "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件105"
    "第二十条第（五）项信息内容本年处理决定数量行政许可3第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0"
    "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0 "
    "三、收到和处理政府信息公开申请情况 本年度未收到政府信息公开申请。"
    "四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼"
    "结果结果其他尚未总计未经复议直接起诉复议后起诉维持纠正结果审结"
    "结果结果其他尚未总计结果结果其他尚未总计维持纠正结果审结维持纠正结果审结"
    "000000000000000 "
    "五、存在的主要问题及改进情况 宣传力度还不够。六、其他需要报告的事项 本年度未收取信息处理费。\n"
)


def test_a_flattened_table_header_is_not_prose():
    gx606.valid(ONE_LINE)
    # the same page with a slip in its prose: that one only
    text = ONE_LINE.replace("规范审核发布机制", "规范审核审核发布机制")
    gx606.invalid(text, [("word", line_of(text, "审核审核"), (1, 93))], output=[("核审核发", "核发")])


def test_page_chrome_around_the_report():
    top = "无障碍无障碍 长者模式\n平潭综合实验区平潭综合实验区\n首页 > 政务公开 > 年报\n"
    text = report(extra_top=top.rstrip("\n"), extra_end="网站标识码 3500000001 主办单位：某某局某某局")
    gx606.valid(text)
    # chrome inside a body line (a web page flattened to one line)
    body = (
        "当前位置：首页 > 政务公开 > 年报 来源：某某局 时间：2024-01-20 09:30 无障碍无障碍 微信 微博 "
        "2023年，我局认真落实《条例》，推进政务公开工作。"
    )
    gx606.valid(report(opening=body))


def test_section_headings_and_their_numbering():
    text = report(opening="（二二）依申请公开\n本年度未收到申请。").replace(
        "五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况情况"
    )
    gx606.valid(text)


# --- the real reports ------------------------------------------------------------------------


@pytest.mark.parametrize("name,needle", [("pingtan-2021.txt", "审核审核"), ("pingtan-2022.txt", "的的")])
def test_the_visible_typos_of_the_real_corpus(name, needle):
    text = open(os.path.join(REAL, name), encoding="utf-8").read()
    gx606.invalid(text, [("word", *where(text, needle))], output=[(needle, needle[: len(needle) // 2])])


def test_no_other_finding_on_the_real_reports():
    names = sorted(
        f for f in os.listdir(REAL) if f.endswith(".txt") and f not in ("pingtan-2021.txt", "pingtan-2022.txt")
    )
    assert len(names) == 9
    seeds = os.path.join(os.path.dirname(__file__), "..", "fixtures", "seeds")
    paths = [os.path.join(REAL, n) for n in names] + [
        os.path.join(seeds, n) for n in sorted(os.listdir(seeds)) if n.endswith(".txt")
    ]
    for p in paths:
        gx606.valid(open(p, encoding="utf-8").read())


def test_a_breadcrumb_whose_anchor_a_scan_broke_is_still_the_page():
    # OCR text of a flattened page: 当 前位置 is no longer a breadcrumb's anchor, but the line's
    # 来源/时间 chrome is found, and what stands before it, ahead of section 一, is the page's header
    text = (
        "标题: 某某局2023年度政府信息公开工作年度报告\n"
        "当 前位置： 首页政 务公开政府信息公开政府信息公开年报 某某局2023年度政府信息公开工作年度 报告 "
        "来源：某某局 时间：2024-01-20 09:30 微信 微博 根据《条例》编制本报告。"
        "一、总体情况 2023年，我局推进政务公开工作，规范审核审核发布机制。"
        "二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 "
        "五、存在的主要问题及改进情况 宣传不够。六、其他需要报告的事项 无。\n"
    )
    gx606.invalid(text, [("word", line_of(text, "审核审核"), (2, 128))], output=[("核审核发", "核发")])
