"""What the engine hands a rule: the :class:`Rule` base class it subclasses and the
:class:`Context` each hook gets (the document, the settings, ``report``).

Rules import these through :mod:`gxlint.api` (which re-exports them); the engine imports them
from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, ClassVar, Optional, Sequence

from .diagnostics import Diagnostic, Fix, Related, Severity
from .model import Document, Span

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings

__all__ = ["CORRECT", "Context", "Rule"]


CORRECT = "correct"
"""Message ids of a rule's corrections: ``correct.<message id>`` for one of its findings, ``correct``
for any.  Each says what the organ should do, with the numbers the finding carries (the review
letters' 修改要求, :meth:`Context.correction`)."""


class Rule:
    """Base class of a rule.  Subclasses set the metadata and implement one or more hooks.

    Hooks (each optional), called by the engine while it walks the document once:
      - ``on_document(doc, ctx)``
      - ``on_section(section, ctx)``
      - ``on_table(table, ctx)``
      - ``on_claim(claim, ctx)``
      - ``on_index(report, index, ctx)``: cross-report rules (GX7) only — ``report`` is this
        report's entry in the index of many reports (:class:`gxlint.across.Entry`), ``index`` the
        :class:`gxlint.across.Index`; called when gxlint reads several reports, never with bytes
        or files; ``ctx.doc`` may be None (the report was indexed from the cache)
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    summary_en: ClassVar[str] = ""  # the docstring's title in English (gxlint rules/rule --lang en)
    family: ClassVar[str] = ""  # a key of gxlint.families.FAMILIES: structure, template … across, engine
    severity: ClassVar[Severity] = Severity.WARNING
    fixable: ClassVar[bool] = False
    messages: ClassVar[dict[str, dict[str, str]]] = {}
    emitted_by_engine: ClassVar[bool] = False  # GX001/GX002: documentation only, the engine reports them
    checks: ClassVar[tuple[str, ...]] = ()  # the model's checks it reports (Identity.check: "T3.rowsum" …)

    # filled in by the registry
    module: ClassVar[str] = ""
    doc: ClassVar[str] = ""

    def __init__(self, settings: "Optional[Settings]" = None) -> None:
        self.settings = settings


class Context:
    """What a hook gets besides the node: the document, the settings, and ``report``."""

    __slots__ = ("doc", "settings", "lang", "rule", "severity", "_sink", "_names")

    def __init__(
        self,
        doc: Optional[Document],
        settings: "Settings",
        rule: Rule,
        severity: Severity,
        sink: list,
        names: Optional[Callable[[str], str]] = None,
    ) -> None:
        # doc is None only for the engine's own GX001/GX002 (a file that could not be read or parsed)
        self.doc = doc
        self.settings = settings
        self.lang = settings.lang if settings.lang in ("zh", "en") else "zh"
        self.rule = rule
        self.severity = severity
        self._sink = sink
        self._names = names  # the front end's way of naming another file (None: its path as given)

    @property
    def text(self) -> str:
        assert self.doc is not None, "the engine's GX001/GX002 context has no document"
        return self.doc.text

    def message(self, message_id: str, **kwargs: Any) -> str:
        msgs = self.rule.messages.get(message_id)
        if msgs is None:
            raise KeyError(f"{self.rule.code}: no message {message_id!r}")
        template = msgs.get(self.lang) or msgs.get("zh") or next(iter(msgs.values()))
        return template.format(**kwargs)

    def report(
        self,
        message_id: str,
        span: Span,
        *,
        related: Sequence[Related] = (),
        fix: Optional[Fix] = None,
        severity: Optional[Severity] = None,
        data: Optional[dict[str, Any]] = None,
        **kwargs: Any,
    ) -> Diagnostic:
        """Report a finding.  ``message_id`` keys ``Rule.messages``; kwargs fill its placeholders.

        ``severity`` lowers or raises this one finding (e.g. a warning for an ambiguous sentence);
        a configured severity override for the rule still wins.
        """
        sev = self.severity
        if severity is not None and not self.settings.has_severity_override(self.rule.code):
            sev = severity
        d = Diagnostic(
            code=self.rule.code,
            name=self.rule.name,
            severity=sev,
            message=self.message(message_id, **kwargs),
            span=span,
            related=list(related),
            fix=fix,
            data=dict(data or {}),
            rule=self.rule.module,
        )
        d.data.setdefault("message_id", message_id)
        if "correction" not in d.data:
            corr = self.correction(message_id, **kwargs)
            if corr:
                d.data["correction"] = corr
        self._sink.append(d)
        return d

    def correction(self, message_id: str, **kwargs: Any) -> str:
        """What the organ is asked to correct for a finding of ``message_id`` (the review letter's
        修改要求): the rule's message ``correct.<message_id>``, else its ``correct`` — filled with the
        same values as the finding's message, so the numbers agree.  "" when the rule has none."""
        for mid in (f"{CORRECT}.{message_id}", CORRECT):
            if mid in self.rule.messages:
                try:
                    return self.message(mid, **kwargs)
                except (KeyError, IndexError, ValueError):
                    continue
        return ""

    def name_of(self, path: str) -> str:
        """Another report's file as a message names it: the path as the run was given it (``gxlint
        check DIR`` names ``DIR/…``), or, in the editor, relative to the workspace folder.  The
        finding's ``data`` keeps the path itself."""
        return self._names(path) if self._names is not None else path

    def related(self, span: Span, message_id: str, **kwargs: Any) -> Related:
        return Related(span, self.message(message_id, **kwargs))

    def related_in(self, path: str, ref: Any, message_id: str, **kwargs: Any) -> Related:
        """Related information in another report: ``ref`` is a cell of the cross-report index
        (:class:`gxlint.across.Ref`: offsets and positions in that report)."""
        return Related(Span(ref.start, ref.end), self.message(message_id, **kwargs), path, tuple(ref.position))
