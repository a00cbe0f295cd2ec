"""GX203 missing-row — 表格缺少模板规定的行

## 检查内容

表格存在，但缺少模板规定的某些行（例如表三没有“（五）不予处理 3.要求提供公开出版物”，
或表格在中途截断、后面的行都没有）。连续缺少的行合并报告一次，指向它们本应出现的位置。
缺行时，需要这些行的勾稽关系不再检查（不会在缺行的基础上再报告一串勾稽错误）。
无法确定地读出的表格由 GX207 报告一次，不再报告缺行。

报告年度决定哪些行是必需的：表格用了另一版格式（由 GX201 报告一次）时，不再因为另一版格式
没有的行报告缺行。

## 为什么

每一行都是统一格式规定的统计项；缺一行，表格就不完整，合计也无从核对。

## 示例

```report bad
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
第二十条第（五）项
```

```report good
二、主动公开政府信息情况
第二十条第（一）项
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
```

## 依据

国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》。
"""

from gxlint.api import Rule, Severity, Span, row_name, shape_certain, template_data

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}


class MissingRow(Rule):
    code = "GX203"
    name = "missing-row"
    summary_en = "A table lacks rows the template requires"
    family = "template"
    severity = Severity.ERROR
    messages = {
        "missing": {
            "zh": "{table}缺少{count}行：{labels}",
            "en": "{table} is missing {count} row(s): {labels}",
        },
        "truncated": {
            "zh": "{table}在“{last}”之后中断，缺少其后的{count}行（{labels}）",
            "en": "{table} stops after “{last}”; the {count} row(s) after it are missing ({labels})",
        },
        "correct.missing": {
            "zh": "在{table}中补上缺少的 {count} 行（{labels}），没有数据的填 0。",
            "en": "Add the {count} missing row(s) of {table} ({labels}); write 0 where there is nothing.",
        },
        "correct.truncated": {
            "zh": "在{table}“{last}”之后补上缺少的 {count} 行（{labels}）。",
            "en": "Add the {count} row(s) of {table} missing after “{last}” ({labels}).",
        },
    }

    def on_table(self, table, ctx):
        if table.unreadable:
            return  # GX207 says once that the table cannot be read with certainty
        if not table.missing or not table.rows or not shape_certain(table):
            return  # rows placed by inference or numbers no row took: which row is missing is not certain
        order = _order(table)
        labels = dict(order)
        ids = [rid for rid, _ in order]
        missing = set(table.missing) & _required(table, ctx)
        if not missing:
            return
        # runs of consecutive missing rows, each reported after the row before it
        runs: list[list[str]] = []
        for k, rid in enumerate(ids):
            if rid not in missing:
                continue
            if runs and k > 0 and runs[-1][-1] == ids[k - 1]:
                runs[-1].append(rid)
            else:
                runs.append([rid])
        name = TABLE_NAMES.get(table.kind, table.kind)
        for run in runs:
            k = ids.index(run[0])
            prev = next((table.rows[p] for p in reversed(ids[:k]) if p in table.rows), None)
            nxt = next((table.rows[p] for p in ids[k + len(run) :] if p in table.rows), None)
            shown = "、".join(_short(labels[r]) for r in run[:4]) + ("……" if len(run) > 4 else "")
            if nxt is None and prev is not None:
                end = prev.span.end
                line = ctx.doc.lines.line_of(end)
                at = Span(ctx.doc.lines.line_start(line), ctx.doc.lines.line_end(line))
                ctx.report(
                    "truncated", at, table=name, last=row_name(prev), count=len(run), labels=shown, data={"rows": run}
                )
            else:
                anchor = (nxt.label_span or nxt.span) if nxt is not None else table.span
                ctx.report("missing", anchor, table=name, count=len(run), labels=shown, data={"rows": run})


def _order(table, version=None):
    """(id, label) of the table's rows in template order; with ``version``, that template's own."""
    swap = version is None
    version = version or table.version or "v2021"
    if table.kind == "t3":
        return [(r[0], r[1]) for r in template_data(version)["t3"]["rows"]]
    if table.kind == "t2":
        out = []
        for b in template_data(version)["t2"]["block"]:
            other = table.block_versions.get(b["caption"]) if swap else None
            if other:  # a block written in the other template: its rows
                b = next(x for x in template_data(other)["t2"]["block"] if x["caption"] == b["caption"])
            out.extend((r[0], r[1]) for r in b["rows"])
        return out
    return [("t4", "行政复议、行政诉讼")]


def _required(table, ctx) -> set:
    """Rows whose absence is reported: the report year decides what is required.  A table written
    in the other template (GX201 says so, once) is not also missing the rows that template does
    not have."""
    ids = {rid for rid, _ in _order(table)}
    exp = ctx.doc.expected_template
    if ctx.settings.template is not None or exp is None or table.kind == "t4":
        return ids
    if table.version == exp and not table.block_versions:
        return ids
    return ids & {rid for rid, _ in _order(table, exp)}


def _short(label: str) -> str:
    s = label.replace("(", "（").replace(")", "）")
    if "（区分" in s:
        s = s.split("（区分")[0]
    return s
