"""Reports and helpers shared by the tests of GX101, GX102, GX103, GX104, GX202 and test_gx1_structure.py
(one test module per rule; they were test_gx1_structure.py)."""

from seedutil import read_layout as layout

SIX = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def doc_of(headings, body="内容。"):
    return "".join(f"{h}\n{body}\n" for h in headings)


CLEAN = layout("pipe.txt")


# --- headings as written: the section is there (no GX101), GX202 says the heading differs -------

TYPO4 = "四、政府信息公开行政法复议、行政诉讼情况"


# --- GX103: a table whose labels are in the text is never missing ------------------------------

FLAT_T2 = (
    "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件1216"
    "第二十条第（五）项信息内容本年处理决定数量行政许可21839"
)
FLAT_T3 = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计"
    "商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量801000081"
    "二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开3700037（七）总计801000081"
    "四、结转下年度继续办理0000000"
)
FLAT_T4 = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计000000000000000"
