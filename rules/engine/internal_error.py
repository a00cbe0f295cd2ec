"""GX001 internal-error — 规则内部错误

## 检查内容

某条规则在检查时出错（程序异常）。gxlint 报告出错的规则和异常，其他规则照常运行。

## 为什么

一条规则的缺陷不应让整份报告得不到检查；报告出来，才能修复。

## 示例

（由引擎产生，没有文本示例。）

## 依据

gxlint 自身的可靠性要求。
"""

from gxlint.api import Rule, Severity


class InternalError(Rule):
    code = "GX001"
    name = "internal-error"
    summary_en = "An internal error of a rule (the other rules still run)"
    family = "engine"
    severity = Severity.ERROR
    emitted_by_engine = True
    messages = {
        "rule": {
            "zh": "规则 {rule} 检查时出错，已跳过：{error}（其他规则照常运行；请向 gxlint 报告此问题）",
            "en": "rule {rule} failed and was skipped: {error} (the other rules ran; please report this)",
        },
        "parser": {
            "zh": "解析报告时出错：{error}（请向 gxlint 报告此问题）",
            "en": "the report could not be parsed: {error} (please report this)",
        },
        "timeout": {
            "zh": "检查超时（{seconds} 秒），报告未检查完",
            "en": "checking timed out after {seconds} s; the report was not fully checked",
        },
        "correct": {
            "zh": "这是 gxlint 自身的故障，不是报告的问题，报告无需为此修改；审查方将人工核对这一部分。",
            "en": "A fault of gxlint, not of the report: nothing to correct for it; the reviewer checks this part by hand.",
        },
    }
