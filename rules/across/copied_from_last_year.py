"""GX705 copied-from-last-year — 第五部分几乎照抄上一年度报告

## 检查内容

同一机关相邻两年的报告：本年第五部分“存在的主要问题及改进情况”的文字，有一半以上
（50%）出现在上一年度报告的第五部分中时提示（警告），指出本年重复的段落，
并以相关信息指向上一年度报告中的相同段落。

“出现在上一年度报告中”按连续 8 个字计：本年文字中，每一段与上一年度第五部分有连续 8 个字
（不计空白，简繁、全半角统一）相同的文字都算重复；重复的字数占本年第五部分字数的比例就是
“重复比例”。第五部分少于 40 个字时不检查。只在 gxlint 同时读到同一机关上一年度的报告时检查。

阈值由实测确定（`python scripts/gx705_threshold.py` 重新计算）：

| 报告对 | 第五部分重复比例 |
|---|---|
| 平潭综合实验区 2019→2020、2020→2021、2021→2022、2022→2023、2023→2024（每年重写） | 13.1%、7.4%、7.8%、9.2%、0% |
| 不同机关之间（11 份真实报告和 5 份样例报告两两比较，210 对） | 最高 20.2%，中位数 4.3% |
| 生成的同一机关相邻年度（gxlint.synth.series，每年重写，60 对） | 最高 19.3%，中位数 13.6% |
| 上一年的第五部分照抄，每 100 字改动 2 处（每处两个字换成两三个字的词） | 92.2%–97.3% |
| 同上，每 100 字改动 5 处 | 79.0%–90.9% |
| 同上，每 100 字改动 10 处 | 56.9%–73.0% |
| 同上，每 100 字改动 15 处 | 36.0%–61.3%（48 次中 21 次超过 50%） |
| 同上，每 100 字改动 20 处 | 13.3%–48.1%（都不超过 50%） |

50% 是改写过的、不同机关的报告的最高值（20.2%）的两倍多，又低于“改了几个词”的照抄
（每 100 字改 10 处仍不低于 56.9%）：平潭综合实验区六年的报告第五部分每年重写，都不提示。

## 为什么

第五部分要写本年度工作中存在的问题和下一年的改进措施。国家对年度报告的评估中反复指出：
不少报告的这一部分与上一年一字不差或只改了几个字，说明问题没有重新查找，上一年承诺的
改进也没有交代。其他部分（如第六部分“其他需要报告的事项”）年年相同是正常的，不检查；
第一部分常按固定格式填写本年数字，也不检查（`gxlint compare` 会列出每一部分的重复比例）。

## 示例

```report bad
=== 青云县司法局2022年政府信息公开工作年度报告.txt ===
青云县司法局2022年政府信息公开工作年度报告
五、存在的主要问题及改进情况
一是政策解读形式较为单一，解读的针对性还需加强。二是工作人员业务能力参差不齐，培训的系统性有待提高。下一步，我们将丰富解读方式，定期组织业务培训。
六、其他需要报告的事项
本年度未收取信息处理费。
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
五、存在的主要问题及改进情况
一是政策解读形式较为单一，解读的针对性仍需加强。二是工作人员业务能力参差不齐，培训的系统性有待提高。下一步，我们将丰富解读方式，定期组织业务培训。
六、其他需要报告的事项
本年度未收取信息处理费。
```

```report good
=== 青云县司法局2022年政府信息公开工作年度报告.txt ===
青云县司法局2022年政府信息公开工作年度报告
五、存在的主要问题及改进情况
一是政策解读形式较为单一，解读的针对性还需加强。二是工作人员业务能力参差不齐，培训的系统性有待提高。下一步，我们将丰富解读方式，定期组织业务培训。
六、其他需要报告的事项
本年度未收取信息处理费。
=== 青云县司法局2023年政府信息公开工作年度报告.txt ===
青云县司法局2023年政府信息公开工作年度报告
五、存在的主要问题及改进情况
一是重大行政决策预公开的范围偏窄，意见征集渠道不多。二是政务新媒体互动回应不够充分，留言办理时效偏慢。下一步，我们将拓宽意见征集途径，规范留言回复。
六、其他需要报告的事项
本年度未收取信息处理费。
```

## 依据

《中华人民共和国政府信息公开条例》第五十条（年度报告应包括“存在的主要问题及改进情况”）；
国办公开办函〔2021〕30号附件《政府信息公开工作年度报告格式》第五部分。
"""

from gxlint.api import COPIED_MIN_CHARS, COPIED_SHARE, Rule, Severity, Span, printed_share

SECTION = 5


class CopiedFromLastYear(Rule):
    code = "GX705"
    name = "copied-from-last-year"
    summary_en = "Section 5 nearly copied from last year's report"
    family = "across"
    severity = Severity.WARNING
    messages = {
        "copied": {
            "zh": "第五部分“存在的主要问题及改进情况”有 {pct}% 的文字与 {prev} 年报告相同（{chars} 字中 {same} 字，"
            "{count} 段）：问题和改进措施像是照抄上一年的，请重新查找本年度的问题并交代上一年改进措施的落实情况",
            "en": "{pct}% of section 5 (problems and improvements) is the {prev} report's text ({same} of {chars} "
            "characters, {count} passages): the problems and measures look copied from last year; "
            "find this year's problems and say what became of last year's measures",
        },
        "other": {
            "zh": "{prev} 年报告第五部分的相同文字",
            "en": "the same text in section 5 of the {prev} report",
        },
        "correct.copied": {
            "zh": "重新查找本年度工作中存在的问题，写明上一年度改进措施的落实情况和本年度的改进措施，不要照抄上一年的文字（现有 {pct}% 相同）。",
            "en": "Find this year's problems, say what became of last year's measures and what will be done this year, instead of last year's text ({pct}% the same now).",
        },
    }

    def on_index(self, report, index, ctx):
        prev = index.previous(report)
        if prev is None or report.digest is None or prev.digest is None:
            return
        got = printed_share(report.digest, prev.digest, SECTION)
        if got is None:
            return
        share, passages, mine, theirs = got
        if mine.n < COPIED_MIN_CHARS or share < COPIED_SHARE or not passages:
            return
        a, _ = mine.span(passages[0].a, passages[0].b)
        _, b = mine.span(passages[-1].a, passages[-1].b)
        oa = min(theirs.span(p.old_a, p.old_b)[0] for p in passages)
        ob = max(theirs.span(p.old_a, p.old_b)[1] for p in passages)
        same = sum(p.chars for p in passages)
        ctx.report(
            "copied",
            Span(a, b),
            pct=f"{share * 100:.0f}",
            prev=prev.year,
            chars=mine.n,
            same=same,
            count=len(passages),
            related=[ctx.related_in(prev.path, theirs.ref(oa, ob), "other", prev=prev.year)],
            data={
                "other_path": prev.path,
                "other_year": prev.year,
                "share": round(share, 4),
                "chars": mine.n,
                "same": same,
                "passages": len(passages),
            },
        )
