"""GX101–GX104 (sections) with RuleTester: where each must fire (exact line, column, message) and
where it must stay silent."""

from gxlint.config import Settings
from gxlint.engine import lint
from gxlint.fixes import apply_fixes
from gxlint.testing import RuleTester, where
from seedutil import read_seed as seed, read_layout as layout


SIX = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
       "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def doc_of(headings, body="内容。"):
    return "".join(f"{h}\n{body}\n" for h in headings)


CLEAN = layout("pipe.txt")


# --- GX101 missing-section -------------------------------------------------------------------

def test_gx101_fires_for_each_missing_section_at_the_next_heading():
    t = RuleTester("GX101")
    for k in range(6):
        heads = SIX[:k] + SIX[k + 1:]
        text = doc_of(heads)
        if k < 5:
            # anchored at the heading that follows where it belongs (line 2k+1 of the shortened text)
            t.invalid(text, [("missing", *where(text, SIX[k + 1]), f"缺少“{SIX[k]}”部分")])
        else:
            t.invalid(text, [("missing", (9, 1), (9, 15), "缺少“六、其他需要报告的事项”部分")])


def test_gx101_two_missing_sections_two_findings():
    text = doc_of([SIX[0], SIX[1], SIX[4], SIX[5]])
    RuleTester("GX101").invalid(text, [
        ("missing", (5, 1), (5, 15), SIX[2]),
        ("missing", (5, 1), (5, 15), SIX[3]),
    ])


def test_gx101_no_section_at_all():
    RuleTester("GX101").invalid("  某某局2023年度工作总结\n今年做了很多工作。\n", [("none", (1, 3), (1, 16), "未找到年度报告规定的六个部分")])


def test_gx101_english():
    RuleTester("GX101", lang="en").invalid(doc_of(SIX[:3] + SIX[4:]), [
        ("missing", (7, 1), (7, 15), "section “四、政府信息公开行政复议、行政诉讼情况” is missing"),
    ])


def test_gx101_silent():
    t = RuleTester("GX101")
    t.valid(CLEAN)
    t.valid(CLEAN.replace("\n", " "))                       # one-line document, inline headings
    t.valid(doc_of(["\u3000\u3000" + h for h in SIX]))     # indented with U+3000
    t.valid(doc_of(["## " + h for h in SIX]))
    t.valid(doc_of([f"**{h}**" for h in SIX]))
    t.valid(layout("trad_pinyin_pdf.txt"))
    t.valid(layout("pre2019.txt"))                          # GX104 says it once, no cascade
    t.valid(seed("004"))                                    # headings present, tables missing


# --- GX102 section-order ------------------------------------------------------------------

def test_gx102_order():
    # titles swapped, numerals left in place: 二、收到… / 三、主动…
    heads = [SIX[0], "二、收到和处理政府信息公开申请情况", "三、主动公开政府信息情况"] + SIX[3:]
    text = doc_of(heads)
    # one root cause, one finding: the numerals of the two swapped headings are not reported again
    RuleTester("GX102").invalid(text, [("order", (5, 1), (5, 13), "“二、主动公开政府信息情况”应在“三、收到和处理政府信息公开申请情况”之前")])


def test_gx102_order_with_numerals_kept():
    text = doc_of(["一、总体情况", "三、收到和处理政府信息公开申请情况", "二、主动公开政府信息情况"] + SIX[3:])
    RuleTester("GX102").invalid(text, [("order", (5, 1), (5, 13), "“二、主动公开政府信息情况”应在“三、收到和处理政府信息公开申请情况”之前")])


def test_gx102_duplicate():
    text = doc_of(SIX) + "四、政府信息公开行政复议、行政诉讼情况\n再写一遍。\n"
    RuleTester("GX102").invalid(text, [("duplicate", (13, 1), (13, 20), "“四、政府信息公开行政复议、行政诉讼情况”部分出现了两次（第一次在第 7 行）")])


def test_gx102_numeral_and_its_safe_fix():
    heads = list(SIX)
    heads[3] = "三、政府信息公开行政复议、行政诉讼情况"
    text = doc_of(heads)
    RuleTester("GX102").invalid(text, [
        ("numeral", (7, 1), (7, 2), "部分编号“三”与标题不符，应为“四”"),
    ], output=[("。\n三、政", "。\n四、政")])
    res = lint(text, None, Settings.from_options(None, select="GX102"))
    (d,) = res.diagnostics
    assert d.fix is not None and d.fix.safe
    assert (d.span.start, d.span.end) == (text.index("三、政府信息公开行政复议"), text.index("三、政府信息公开行政复议") + 1)
    fixed, n = apply_fixes(text, res.diagnostics)
    assert n == 1 and fixed == doc_of(SIX)
    RuleTester("GX102").valid(fixed)


def test_gx102_numeral_fix_in_indented_traditional_heading():
    heads = list(SIX)
    heads[4] = "\u3000\u3000四、存在的主要問題及改進情況"
    text = doc_of(heads)
    RuleTester("GX102").invalid(text, [("numeral", (9, 3), (9, 4), "应为“五”")], output=[("　四、", "　五、")])
    res = lint(text, None, Settings.from_options(None, select="GX102"))
    fixed, n = apply_fixes(text, res.diagnostics)
    assert n == 1 and "\u3000\u3000五、存在的主要問題及改進情況" in fixed


def test_gx102_silent():
    t = RuleTester("GX102")
    t.valid(CLEAN)                      # 一、本年新收… 三、本年度办理结果 四、结转下年度… are row labels
    t.valid(layout("pdf.txt"))
    t.valid(layout("tabs.txt").replace("\n", " "))
    t.valid(layout("pre2019.txt"))      # old structure: GX104 only
    # a caption repeating a heading inside a line is not a second section
    t.valid(doc_of(SIX[:2]) + "表：二、主动公开政府信息情况（续）\n" + doc_of(SIX[2:]))
    for p in ("000", "001", "002", "003", "004"):
        t.valid(seed(p))


# --- GX103 empty-section -------------------------------------------------------------------

def test_gx103_section_without_table():
    text = doc_of(SIX[:2], body="本年度主动公开信息120条。") + doc_of(SIX[2:])
    RuleTester("GX103").invalid(text, [
        ("no_table", (3, 1), (3, 13), "“二、主动公开政府信息情况”下没有表二"),
        ("no_table", (5, 1), (5, 18), "“三、收到和处理政府信息公开申请情况”下没有表三"),
        ("no_table", (7, 1), (7, 20), "表四"),
    ])


def test_gx103_prose_section_empty():
    text = CLEAN.replace("五、存在的主要问题及改进情况\n一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训。\n",
                         "五、存在的主要问题及改进情况\n\u3000\n**\n")
    RuleTester("GX103").invalid(text, [("empty", (53, 1), (53, 15), "“五、存在的主要问题及改进情况”下没有内容")])


def test_gx103_seed_004():
    RuleTester("GX103").invalid(seed("004"), [
        ("no_table", (53, 3), (53, 15)),
        ("no_table", (57, 3), (57, 20)),
        ("no_table", (61, 3), (61, 22)),
    ])


def test_gx103_silent():
    t = RuleTester("GX103")
    for name in ("pipe.txt", "pdf.txt", "markdown.txt", "tabs.txt", "cell_per_line_blank.txt", "pre2019.txt"):
        t.valid(layout(name))
    t.valid(CLEAN.replace("\n", " "))
    t.valid(CLEAN.replace("本年度未收取信息处理费。\n", "无。"))


# --- GX104 outdated-structure ---------------------------------------------------------------

def test_gx104_once_at_the_first_old_heading():
    # a 2017 report: the old format was the right one then — one note, not an error
    RuleTester("GX104").invalid(layout("pre2019.txt"), [
        ("old_year", (3, 1), (3, 5), "这是 2017 年度的报告，按 2019 年以前的旧格式编写（一、概述"),
    ])
    (d,) = lint(layout("pre2019.txt"), None, Settings.from_options(None, select="GX104")).diagnostics
    assert d.severity.name == "INFORMATION"


def test_gx104_alone_no_cascade():
    res = lint(layout("pre2019.txt"), None, Settings.from_options(None, select="GX1,GX2,GX3"))
    assert [d.code for d in res.diagnostics] == ["GX104"]


def test_gx104_2019_or_later_in_the_old_structure_is_one_error():
    text = layout("old_structure_2020.txt")
    RuleTester("GX104").invalid(text, [
        ("old", (5, 1), (5, 5), "报告使用 2019 年以前的旧结构（一、概述、三、依申请公开政府信息情况、四、政府信息公开的收费及减免情况），应按现行格式的六个部分编写"),
    ])
    res = lint(text, None, Settings.from_options(None))
    assert [(d.code, d.severity.name) for d in res.diagnostics] == [("GX104", "ERROR")]
    # the same report on one line (a web page's text): one finding, at the first old heading
    one = text.replace("\n", " ")
    res = lint(one, None, Settings.from_options(None))
    assert [d.code for d in res.diagnostics] == ["GX104"]
    assert res.diagnostics[0].span.start == one.index("一、概述")
    RuleTester("GX104", lang="en").invalid(text, [("old", (5, 1), (5, 5), "the report uses the pre-2019 structure")])


def test_gx104_2008_to_2018_report_one_note_whatever_its_headings():
    # a 2012 report: only one of its headings is of the recognised old kinds, 一、基本情况 is neither
    text = layout("pre2019_2012.txt")
    RuleTester("GX104").invalid(text, [
        ("old_year", (12, 1), (12, 17), "这是 2012 年度的报告，按 2019 年以前的旧格式编写（三、依申请公开政府信息的办理情况）"),
    ])
    res = lint(text, None, Settings.from_options(None))
    assert [d.code for d in res.diagnostics] == ["GX104"]   # signed 2013-03-20: in time under the old 条例
    one = text.replace("\n", " ")
    assert [d.code for d in lint(one, None, Settings.from_options(None)).diagnostics] == ["GX104"]
    # no recognisable old heading at all: the note sits on the title
    plain = text.replace("三、依申请公开政府信息的办理情况", "三、办理申请")
    RuleTester("GX104").invalid(plain, [("old_year_plain", (1, 1), (1, 28), "这是 2012 年度的报告，早于现行格式")])
    assert [d.code for d in lint(plain, None, Settings.from_options(None)).diagnostics] == ["GX104"]


def test_gx104_late_old_report_measured_by_the_old_deadline():
    text = layout("pre2019_2012.txt").replace("2013年3月20日", "2013年4月20日")
    res = lint(text, None, Settings.from_options(None))
    assert [d.code for d in res.diagnostics] == ["GX104", "GX502"]
    assert "2013年3月31日" in res.diagnostics[1].message


def test_gx104_silent_for_current_structure():
    t = RuleTester("GX104")
    for name in ("pipe.txt", "v2019_signed.txt", "pdf.txt"):
        t.valid(layout(name))
    for p in ("000", "001", "002", "003", "004"):
        t.valid(seed(p))
    # a modern report mentioning one old-style phrase is not old
    t.valid(CLEAN.replace("一、总体情况\n", "一、总体情况\n概述\n"))
    t.valid(CLEAN.replace("\n", " ").replace("一、总体情况 ", "一、总体情况 概述 "))
    # a modern 2018 report (the six sections and the tables): not the old structure
    t.valid(CLEAN.replace("2023", "2018"))


# --- headings as written: the section is there (no GX101), GX202 says the heading differs -------

TYPO4 = "四、政府信息公开行政法复议、行政诉讼情况"


def test_misspelt_heading_gx202_not_gx101():
    heads = list(SIX)
    heads[3] = TYPO4
    text = doc_of(heads)
    RuleTester("GX101").valid(text)
    RuleTester("GX102").valid(text)
    RuleTester("GX202").invalid(text, [
        ("heading", (7, 1), (7, 21), "部分标题“四、政府信息公开行政法复议、行政诉讼情况”与格式规定的“四、政府信息公开行政复议、行政诉讼情况”不一致"),
    ], output=[("四、政府信息公开行政法复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况")])
    RuleTester("GX202", lang="en").invalid(text, [
        ("heading", (7, 1), (7, 21), "section heading “四、政府信息公开行政法复议、行政诉讼情况” differs"),
    ], output=[("四、政府信息公开行政法复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况")])
    res = lint(text, None, Settings.from_options(None, select="GX202"))
    (d,) = res.diagnostics
    assert d.severity.name == "WARNING"
    assert (d.span.start, d.span.end) == (text.index(TYPO4), text.index(TYPO4) + len(TYPO4))
    assert d.fix is not None and not d.fix.safe
    assert apply_fixes(text, res.diagnostics) == (text, 0)          # not applied unasked
    fixed, n = apply_fixes(text, res.diagnostics, unsafe=True)
    assert n == 1 and fixed == doc_of(SIX)


def test_misspelt_heading_in_a_one_line_document():
    heads = list(SIX)
    heads[3] = TYPO4
    text = " ".join(f"{h} 内容内容内容。" for h in heads)
    RuleTester("GX101").valid(text)
    RuleTester("GX202").invalid(text, [
        ("heading", (1, 63), (1, 83), "部分标题"),
    ], output=[("四、政府信息公开行政法复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况")])


def test_own_numbering_one_gx202_no_gx101_no_gx102():
    heads = ["一、总体情况", "二、政府信息公开统计情况", "（一）主动公开情况", "（二）收到和处理政府信息公开申请情况",
             "（三）政府信息公开行政复议、行政诉讼情况", "三、存在的主要问题及改进情况", "四、其他需要报告的事项"]
    text = doc_of(heads)
    RuleTester("GX101").valid(text)
    RuleTester("GX102").valid(text)     # the numerals follow from the report's own numbering: said once, by GX202
    RuleTester("GX202").invalid(text, [
        ("headings", (5, 1), (5, 10), "3 个部分的标题按报告自己的方式编写，与格式规定的不一致（“（一）主动公开情况”应为“二、主动公开政府信息情况”"),
    ])
    res = lint(text, None, Settings.from_options(None, select="GX202"))
    (d,) = res.diagnostics
    assert [res.doc.lines.position(r.span.start)[0] + 1 for r in d.related] == [7, 9]
    assert d.fix is None


def test_gx202_headings_silent():
    t = RuleTester("GX202")
    t.valid(doc_of(SIX))
    t.valid(doc_of(SIX).replace("\n", " "))
    # accepted variants of the format's wording are not nonstandard
    heads = list(SIX)
    heads[1] = "二、行政机关主动公开政府信息情况"
    heads[3] = "四、政府信息公开行政复议和行政诉讼情况"
    t.valid(doc_of(heads))
    t.valid(layout("old_structure_2020.txt"))      # GX104 only


def test_gx102_sub_parts_numbered_anew_one_finding():
    heads = ["一、总体情况", "二、政府信息公开统计", "一、主动公开政府信息情况", "二、收到和处理政府信息公开申请情况",
             "三、政府信息公开行政复议、行政诉讼情况", "三、存在的主要问题及改进情况", "四、其他需要报告的事项"]
    text = doc_of(heads)
    RuleTester("GX101").valid(text)
    RuleTester("GX102").invalid(text, [
        ("numerals", (5, 1), (5, 2), "5 个部分的编号与标题不符（“一”应为“二”"),
    ], output=[("\n一、", "\n二、"), ("。\n二、收", "。\n三、收"), ("。\n三、政", "。\n四、政"), ("。\n三、存", "。\n五、存"), ("\n四、", "\n六、")])
    res = lint(text, None, Settings.from_options(None, select="GX102"))
    (d,) = res.diagnostics
    assert [res.doc.lines.position(r.span.start)[0] + 1 for r in d.related] == [7, 9, 11, 13]
    assert d.fix is not None and not d.fix.safe
    assert apply_fixes(text, res.diagnostics) == (text, 0)
    fixed, n = apply_fixes(text, res.diagnostics, unsafe=True)
    assert n == 5 and fixed == doc_of(heads[:2] + SIX[1:])


def test_gx102_numeral_before_a_part_numbered_its_own_way_still_reported():
    heads = ["三、总体情况", "二、政府信息公开统计", "（一）主动公开情况", "（二）收到和处理政府信息公开申请情况",
             "（三）政府信息公开行政复议、行政诉讼情况", "三、存在的主要问题及改进情况", "四、其他需要报告的事项"]
    RuleTester("GX102").invalid(doc_of(heads), [
        ("numeral", (1, 1), (1, 2), "部分编号“三”与标题不符，应为“一”"),
    ], output=[("三、总", "一、总")])


# --- GX103: a table whose labels are in the text is never missing ------------------------------

FLAT_T2 = ("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件1216"
           "第二十条第（五）项信息内容本年处理决定数量行政许可21839")
FLAT_T3 = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计"
           "商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量801000081"
           "二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开3700037（七）总计801000081"
           "四、结转下年度继续办理0000000")
FLAT_T4 = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计000000000000000"


def test_gx103_silent_when_the_tables_labels_are_there_but_run_together():
    text = " ".join([SIX[0], "内容。", SIX[1], FLAT_T2, SIX[2], FLAT_T3, SIX[3], FLAT_T4, SIX[4], "内容。", SIX[5], "无。"])
    RuleTester("GX103").valid(text)
    RuleTester("GX103").valid(text.replace(" ", "\n"))


def test_gx103_prose_with_counts_is_not_a_table():
    body2 = "本年度制发规章0件、行政规范性文件3件，作出行政许可决定200件、行政处罚5件、行政强制0件。"
    body3 = "本年度收到政府信息公开申请15件，其中自然人申请12件、商业企业3件，均已办结。"
    body4 = "本年度发生行政复议1件，结果维持；行政诉讼0件。"
    text = "".join(f"{h}\n{b}\n" for h, b in zip(SIX, ["内容。", body2, body3, body4, "内容。", "无。"]))
    RuleTester("GX103").invalid(text, [
        ("no_table", (3, 1), (3, 13), "表二"),
        ("no_table", (5, 1), (5, 18), "表三"),
        ("no_table", (7, 1), (7, 20), "表四"),
    ])
