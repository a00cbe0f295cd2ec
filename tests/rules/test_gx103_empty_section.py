"""GX103 empty-section (RuleTester): where it must fire — message id, start, end and, where it
fixes, the text after the fix — and where it must stay silent."""

from gx1_structure import CLEAN, FLAT_T2, FLAT_T3, FLAT_T4, SIX, doc_of

from gxlint.testing import RuleTester
from seedutil import read_layout as layout
from seedutil import read_seed as seed


def test_gx103_section_without_table():
    text = doc_of(SIX[:2], body="本年度主动公开信息120条。") + doc_of(SIX[2:])
    RuleTester("GX103").invalid(
        text,
        [
            ("no_table", (3, 1), (3, 13), "“二、主动公开政府信息情况”下没有表二"),
            ("no_table", (5, 1), (5, 18), "“三、收到和处理政府信息公开申请情况”下没有表三"),
            ("no_table", (7, 1), (7, 20), "表四"),
        ],
    )


def test_gx103_prose_section_empty():
    text = CLEAN.replace(
        "五、存在的主要问题及改进情况\n一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训。\n",
        "五、存在的主要问题及改进情况\n\u3000\n**\n",
    )
    RuleTester("GX103").invalid(text, [("empty", (53, 1), (53, 15), "“五、存在的主要问题及改进情况”下没有内容")])


def test_gx103_seed_004():
    RuleTester("GX103").invalid(
        seed("004"),
        [
            ("no_table", (53, 3), (53, 15)),
            ("no_table", (57, 3), (57, 20)),
            ("no_table", (61, 3), (61, 22)),
        ],
    )


def test_gx103_silent():
    t = RuleTester("GX103")
    for name in ("pipe.txt", "pdf.txt", "markdown.txt", "tabs.txt", "cell_per_line_blank.txt", "pre2019.txt"):
        t.valid(layout(name))
    t.valid(CLEAN.replace("\n", " "))
    t.valid(CLEAN.replace("本年度未收取信息处理费。\n", "无。"))


def test_gx103_silent_when_the_tables_labels_are_there_but_run_together():
    text = " ".join(
        [SIX[0], "内容。", SIX[1], FLAT_T2, SIX[2], FLAT_T3, SIX[3], FLAT_T4, SIX[4], "内容。", SIX[5], "无。"]
    )
    RuleTester("GX103").valid(text)
    RuleTester("GX103").valid(text.replace(" ", "\n"))


def test_gx103_prose_with_counts_is_not_a_table():
    body2 = "本年度制发规章0件、行政规范性文件3件，作出行政许可决定200件、行政处罚5件、行政强制0件。"
    body3 = "本年度收到政府信息公开申请15件，其中自然人申请12件、商业企业3件，均已办结。"
    body4 = "本年度发生行政复议1件，结果维持；行政诉讼0件。"
    text = "".join(f"{h}\n{b}\n" for h, b in zip(SIX, ["内容。", body2, body3, body4, "内容。", "无。"]))
    RuleTester("GX103").invalid(
        text,
        [
            ("no_table", (3, 1), (3, 13), "表二"),
            ("no_table", (5, 1), (5, 18), "表三"),
            ("no_table", (7, 1), (7, 20), "表四"),
        ],
    )
