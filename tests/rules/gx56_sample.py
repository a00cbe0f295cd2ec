"""A small complete report for the GX5/GX6 rule tests, with the parts the tests change as parameters."""

from seedutil import read_seed  # noqa: F401 (re-exported)

T2 = """第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 1 | 0 | 5
第二十条第（五）项
信息内容 | 本年处理决定数量
行政许可 | 3
第二十条第（六）项
信息内容 | 本年处理决定数量
行政处罚 | 0
行政强制 | 0
第二十条第（八）项
信息内容 | 本年收费金额（单位：万元）
行政事业性收费 | 0
"""


def report(
    *,
    title="某某市某某局2023年政府信息公开工作年度报告",
    head="本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
    opening="2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，推进政务公开工作。",
    part6="本年度未收取信息处理费。无其他需要报告的事项。",
    signature="某某市某某局\n2024年1月20日",
    extra_top="",
    extra_end="",
) -> str:
    parts = []
    if extra_top:
        parts.append(extra_top)
    if title:
        parts.append(title)
    if head:
        parts.append(head)
    parts += [
        "一、总体情况",
        opening,
        "二、主动公开政府信息情况",
        T2.rstrip("\n"),
        "三、收到和处理政府信息公开申请情况",
        "本年度未收到政府信息公开申请。",
        "四、政府信息公开行政复议、行政诉讼情况",
        "本年度未发生行政复议、行政诉讼。",
        "五、存在的主要问题及改进情况",
        "宣传力度还不够。",
        "六、其他需要报告的事项",
        part6,
    ]
    if signature:
        parts.append(signature)
    if extra_end:
        parts.append(extra_end)
    return "\n".join(parts) + "\n"


def line_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """(1-based line, 1-based column) of the nth occurrence of needle."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return line, col
