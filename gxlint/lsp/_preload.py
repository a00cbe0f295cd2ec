"""Imported once by the lint worker processes' fork server: the rules loaded and the parser's
caches (templates, compiled patterns, the OpenCC converter) warmed before any fork, so that each
child starts as warm as the server itself."""

from ..engine import lint, registry

registry()
lint(
    "某某局2023年政府信息公開工作年度報告\n一、总体情况\n本年共收到申请3件。\n"
    "三、收到和处理政府信息公开申请情况\n（一）予以公开 | 0 | 9 | 0 | 0 | 0 | 0 | 0\n",
    "warm-up.txt",
)
