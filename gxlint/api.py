"""Everything a rule module may import — re-exports only; nothing inside gxlint imports this module.

A rule module is one file under ``rules/`` (installed as ``gxlint.rules``).  Top to bottom:
its docstring (the rule's documentation: ``## 检查内容`` / ``## 为什么`` / ``## 示例`` / ``## 依据``),
imports from ``gxlint.api`` only, one :class:`Rule` subclass with its metadata, the hook(s) it
needs, private helpers last.  Adding a rule is adding a file; nothing else registers it.

Example::

    class EmptySection(Rule):
        code = "GX103"
        name = "empty-section"
        family = "structure"
        severity = Severity.ERROR
        messages = {"empty": {"zh": "“{title}”下没有内容", "en": "“{title}” has no content"}}

        def on_section(self, section, ctx):
            if ...:
                ctx.report("empty", section.span, title=section.title)

Where each name lives: the findings' types in :mod:`gxlint.diagnostics`, ``Rule`` and ``Context``
in :mod:`gxlint.rule`, the parsed report in :mod:`gxlint.model`, what rules ask of it in
:mod:`gxlint.parse.queries`, the tables' arithmetic in :mod:`gxlint.identities`, the severity
policy in :mod:`gxlint.certainty`, the year-to-year helpers in :mod:`gxlint.across`.
"""

from __future__ import annotations

from .across.compare import COPIED_MIN_CHARS, COPIED_SHARE, printed_share
from .across.organ import core as organ_core
from .across.organ import maybe_last_year
from .across.organ import related as organ_relation
from .certainty import Doubt, cell_certain, count_certain, doubts, reportable, shape_certain
from .diagnostics import Diagnostic, Edit, Fix, Related, Severity, fmt_num
from .identities import COLUMN_NAMES, COLUMN_NAMES_EN, Identity, all_identities, row_name
from .lexicon import load as lexicon
from .model import Cell, Claim, Document, HeaderLabel, Meta, Row, Section, Span, Table
from .parse.queries import in_prose, paragraph_keys, paragraphs, plain_text, table_labels_present
from .rule import CORRECT, Context, Rule
from .templates import template_data

__all__ = [
    "Cell",
    "Claim",
    "Context",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "HeaderLabel",
    "Meta",
    "Related",
    "Row",
    "Rule",
    "Section",
    "Severity",
    "Span",
    "Table",
    "fmt_num",
    "CORRECT",
    "Identity",
    "all_identities",
    "row_name",
    "COLUMN_NAMES",
    "COLUMN_NAMES_EN",
    "template_data",
    "plain_text",
    "paragraph_keys",
    "paragraphs",
    "table_labels_present",
    "in_prose",
    "lexicon",
    "Doubt",
    "doubts",
    "reportable",
    "cell_certain",
    "count_certain",
    "shape_certain",
    "COPIED_MIN_CHARS",
    "COPIED_SHARE",
    "printed_share",
    "maybe_last_year",
    "organ_core",
    "organ_relation",
]
