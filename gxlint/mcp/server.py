"""The MCP binding: gxlint's answers (:mod:`gxlint.mcp.answers`) as tools and resources of the
official Python SDK's ``MCPServer``, over stdio.

Every tool is read-only (nothing is ever written: ``fix_report`` returns the fixed text), answers
with a text to read (what a model sees) and the same answer as structured content (validated
against the tool's output schema), and fails with an MCP tool error that says why — a path
outside the roots, a file that cannot be read, an unknown rule, a text over the size limit —
never with a traceback.  Paths are read only inside the roots (:mod:`gxlint.mcp.roots`); the
client's roots are asked for on each call that may read a file, so a workspace folder added in
the editor counts at once.
"""

import json
import logging
import sys
import traceback
from typing import Annotated, Any, Callable, Literal, Optional

from mcp.server.mcpserver import Context, ListRoots, MCPServer, Resolve
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult, ListRootsResult, TextContent, ToolAnnotations
from pydantic import BaseModel, Field

from .. import __version__
from . import answers
from .roots import Roots, ToolFailure

log = logging.getLogger("gxlint.mcp")

INSTRUCTIONS_ZH = """gxlint 检查政府信息公开工作年度报告（政府信息公开工作年度报告）：结构、表格的勾稽关系、正文与表格的一致、年度与日期、文字问题。它的结论是确定的计算，不是意见。
写完或改完一份年度报告后，调用 check_report（text 传全文，或 path 传文件）。每条问题有位置（行、列、原文）、修改要求（correction，照着改）和勾稽算式；有 change 的给出了具体改法：safe=true 的可以直接应用，safe=false 的必须先与原始台账或用户提供的数据核对，不能确认时询问用户。GX207（表格读不准）不要改数字，请对照原件核对并把表格写成每格之间有 | 分隔的样式。改完后再调用 check_report，直到没有错误。
新写报告先用 new_report_skeleton 取得官方框架；规则说明用 explain_rule；审阅一批报告用 check_folder；与上一年的报告对比用 compare_reports。"""

INSTRUCTIONS_EN = """gxlint checks Chinese government annual reports on information disclosure (政府信息公开工作年度报告): structure, the tables' arithmetic identities, the prose against the tables, years and dates, wording. Its findings are deterministic checks, not opinions.
After drafting or editing a report, call check_report (text: the report; or path: a file). Each finding has its place (line, column, quoted text), what to change (correction) and the arithmetic; a change gives the edit itself: apply safe=true changes as they are; check safe=false changes against the original records or the user's data first, and ask the user when you cannot confirm them. For GX207 (a table read without certainty) change no number: check the table against the original and write it with | between cells. Call check_report again until no error is left.
Start a new report from new_report_skeleton; explain_rule documents a rule; check_folder reviews a folder of reports; compare_reports compares with last year's report."""

READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


# --- output schemas --------------------------------------------------------------------------


class Counts(BaseModel):
    error: int
    warning: int
    information: int
    hint: int


class Edit(BaseModel):
    line: int = Field(description="1-based line of the text to replace")
    column: int = Field(description="1-based column (characters) where it starts")
    end_line: int
    end_column: int = Field(description="1-based column just after it")
    old: str = Field(description="the text there now")
    new: str = Field(description="what to write instead")


class Change(BaseModel):
    title: str = Field(description="the change in words")
    safe: bool = Field(description="true: apply as it is; false: check against the original data first")
    edits: list[Edit]
    edits_total: int


class Finding(BaseModel):
    code: str
    name: str
    severity: Literal["error", "warning", "information", "hint"]
    message: str = Field(description="what is wrong, with the numbers")
    line: int
    column: int
    end_line: int
    end_column: int
    quote: str = Field(description="the text at the finding (shortened)")
    location: Optional[str] = Field(description="the place in a Word/PDF/web document (table, row, column; page)")
    correction: Optional[str] = Field(description="what to change, in words an assistant can apply")
    arithmetic: Optional[str] = Field(description="an identity's arithmetic: the sum and what the table says")
    change: Optional[Change] = Field(description="the edit itself, when gxlint knows the value")
    note: Optional[str] = Field(description="how far the change may be trusted, or why not to change numbers")


class CheckReportAnswer(BaseModel):
    source: str
    format: str
    report_year: Optional[int]
    template: Optional[str]
    counts: Counts
    total: int = Field(description="all findings")
    shown: int = Field(description="findings listed (the first max_findings, errors first)")
    clean: bool = Field(description="no finding at all")
    summary: str
    findings: list[Finding]


class FixChange(BaseModel):
    code: str
    title: str
    safe: bool
    line: int
    column: int
    quote: str


class FixReportAnswer(BaseModel):
    text: str = Field(description="the fixed text")
    changed: bool
    fixed: int
    changes: list[FixChange]
    remaining: Counts
    summary: str


class ExplainRuleAnswer(BaseModel):
    code: str
    name: str
    title: str
    summary_en: Optional[str]
    family: str
    family_zh: str
    severity: str
    fixable: bool
    what: Optional[str]
    why: Optional[str]
    bad_example: Optional[str]
    good_example: Optional[str]
    basis: Optional[str]
    page: str = Field(description="the rule's page (Markdown), as docs/rules/<CODE>.md")


class SkeletonAnswer(BaseModel):
    year: int
    template: str
    text: str
    summary: str


class FolderWorst(BaseModel):
    code: str
    severity: str
    message: str
    line: int
    column: int
    location: Optional[str]
    correction: Optional[str]


class FolderFile(BaseModel):
    path: str
    counts: Counts
    total: int
    report_year: Optional[int]
    worst: list[FolderWorst]


class Skipped(BaseModel):
    path: str
    reason: str


class CheckFolderAnswer(BaseModel):
    folder: str
    checked: int
    truncated: bool
    totals: Counts
    files: list[FolderFile]
    skipped: list[Skipped]
    summary: str


class CompareAnswer(BaseModel):
    old: dict[str, Any]
    new: dict[str, Any]
    organ: str
    summary: str
    figures: list[dict[str, Any]]
    cells: list[dict[str, Any]]
    cells_total: int
    sections: list[dict[str, Any]]
    swapped: bool


# --- the server ------------------------------------------------------------------------------


def _fail(exc: BaseException, lang: str) -> ToolError:
    if isinstance(exc, ToolFailure):
        return ToolError(str(exc))
    log.error("gxlint mcp: internal error\n%s", traceback.format_exc())
    return ToolError(
        answers._say(
            lang,
            f"gxlint 内部错误（{type(exc).__name__}: {exc}）；请把这段话报告给 gxlint 的维护者",
            f"gxlint internal error ({type(exc).__name__}: {exc}); please report it to gxlint's maintainers",
        )
    )


def _answer(
    build: Callable[[], dict],
    render: Callable[[dict, str], str],
    lang: str,
    extra: Callable[[dict], list] = lambda a: [],
) -> CallToolResult:
    try:
        ans = build()
        text = render(ans, lang)
    except ToolError:
        raise
    except Exception as exc:  # ToolFailure: said to the caller; anything else: an internal error, said too
        raise _fail(exc, lang) from None
    content = [TextContent(type="text", text=text), *extra(ans)]
    return CallToolResult(content=content, structured_content=ans)


def create_server(option_roots: tuple[str, ...] = (), lang: str = "zh", max_bytes: Optional[int] = None) -> MCPServer:
    srv = MCPServer(
        "gxlint",
        title="gxlint 年度报告检查 (annual report checks)",
        instructions=INSTRUCTIONS_EN if lang == "en" else INSTRUCTIONS_ZH,
        version=__version__,
        log_level="WARNING",
    )

    def client_roots(ctx: Context) -> ListRoots | None:
        """The client's roots (roots/list) when it has them and --root did not say where."""
        if option_roots:
            return None
        caps = ctx.client_capabilities
        if caps is not None and caps.roots is not None:
            return ListRoots()
        return None

    def roots_of(listed: Optional[ListRootsResult]) -> Roots:
        uris = [str(r.uri) for r in listed.roots] if listed is not None else None
        return Roots.choose(option_roots, uris, lang=lang)

    ClientRoots = Annotated[Optional[ListRootsResult], Resolve(client_roots)]

    @srv.tool(annotations=READ_ONLY, title="检查年度报告 (check a report)")
    def check_report(
        roots: ClientRoots,
        text: Annotated[Optional[str], Field(description="报告全文 (the report's text); or give path")] = None,
        path: Annotated[
            Optional[str],
            Field(description="报告文件 (.txt .md .docx .html .pdf) inside the allowed folders; or give text"),
        ] = None,
        year: Annotated[
            Optional[int],
            Field(description="报告年度，不自动识别时给出 (the report year, when not to detect it)", ge=2008, le=2100),
        ] = None,
        template: Annotated[
            Optional[Literal["v2019", "v2021"]], Field(description="模板版本 (template version), detected when omitted")
        ] = None,
        max_findings: Annotated[
            int, Field(description="至多列出多少条 (findings listed at most; errors first)", ge=1, le=1000)
        ] = answers.DEFAULT_MAX_FINDINGS,
    ) -> Annotated[CallToolResult, CheckReportAnswer]:
        """Check a government annual report on information disclosure (政府信息公开工作年度报告) and say what to change.

        Give the report's text (text) or a file (path). Returns the findings — code, severity, message (in Chinese by
        default), line/column and the quoted text, the arithmetic of a table identity, what to change in words
        (correction) and, when gxlint knows the value, the edit itself (change; safe=false: check it against the
        original data first) — with a one-paragraph summary. Call it again after changing the report."""
        return _answer(
            lambda: answers.check_report(
                text=text,
                path=path,
                year=year,
                template=template,
                max_findings=max_findings,
                roots=roots_of(roots) if path is not None else None,
                lang=lang,
                max_bytes=max_bytes,
            ),
            answers.render_report,
            lang,
        )

    @srv.tool(annotations=READ_ONLY, title="规则说明 (explain a rule)")
    def explain_rule(
        code: Annotated[
            str, Field(description="规则代码或名称，如 GX301 或 row-total-mismatch (a rule's code or name)")
        ],
    ) -> Annotated[CallToolResult, ExplainRuleAnswer]:
        """A rule's documentation: what it checks, why, a bad and a good example, and its legal basis."""
        return _answer(lambda: answers.explain_rule(code=code, lang=lang), lambda a, _l: a["page"], lang)

    @srv.tool(annotations=READ_ONLY, title="修复年度报告 (fix a report)")
    def fix_report(
        text: Annotated[str, Field(description="报告全文 (the report's text)")],
        unsafe: Annotated[
            bool,
            Field(
                description="也应用需人工核对的修改 (also apply the changes to review by hand; check them against the original data)"
            ),
        ] = False,
        year: Annotated[Optional[int], Field(ge=2008, le=2100)] = None,
        template: Optional[Literal["v2019", "v2021"]] = None,
    ) -> Annotated[CallToolResult, FixReportAnswer]:
        """Apply gxlint's fixes to a report's text and return the fixed text with what changed. Only the safe fixes by
        default; unsafe=true also applies the changes to review by hand (check each against the original data).
        Nothing is written to disk."""
        return _answer(
            lambda: answers.fix_report(
                text=text, unsafe=unsafe, year=year, template=template, lang=lang, max_bytes=max_bytes
            ),
            answers.render_fix,
            lang,
            extra=lambda a: [TextContent(type="text", text=a["text"])] if a["changed"] else [],
        )

    @srv.tool(annotations=READ_ONLY, title="新建年度报告框架 (new report skeleton)")
    def new_report_skeleton(
        year: Annotated[
            Optional[int], Field(description="报告年度 (the report year; default: last year)", ge=2019, le=2100)
        ] = None,
        template: Annotated[
            Optional[Literal["v2019", "v2021"]], Field(description="模板版本 (default: the one the year requires)")
        ] = None,
        organ: Annotated[
            Optional[str], Field(description="机关名称 (the organ's name; default 某市某局)", max_length=100)
        ] = None,
    ) -> Annotated[CallToolResult, SkeletonAnswer]:
        """The official skeleton of an annual report for a year: title, the six parts, tables 2–4 with every row and
        column of the template (every number 0, so the sums hold), signature — the one gxlint's editor command writes."""
        return _answer(
            lambda: answers.new_report_skeleton(year=year, template=template, organ=organ, lang=lang),
            lambda a, _l: a["summary"] + "\n\n" + a["text"],
            lang,
        )

    @srv.tool(annotations=READ_ONLY, title="检查目录 (check a folder)")
    def check_folder(
        roots: ClientRoots,
        path: Annotated[str, Field(description="目录 (a folder inside the allowed folders)")],
        max_files: Annotated[
            int, Field(description="至多检查多少份 (files checked at most)", ge=1, le=2000)
        ] = answers.FOLDER_FILES,
    ) -> Annotated[CallToolResult, CheckFolderAnswer]:
        """Check every report in a folder (for a reviewer): per file the counts and the worst findings, files with
        errors first, and the year-to-year checks between one organ's reports."""
        return _answer(
            lambda: answers.check_folder(
                path=path, max_files=max_files, roots=roots_of(roots), lang=lang, max_bytes=max_bytes
            ),
            answers.render_folder,
            lang,
        )

    @srv.tool(annotations=READ_ONLY, title="对比两年的报告 (compare two reports)")
    def compare_reports(
        roots: ClientRoots,
        old: Annotated[str, Field(description="上一年的报告文件 (last year's report file)")],
        new: Annotated[str, Field(description="本年的报告文件 (this year's report file)")],
    ) -> Annotated[CallToolResult, CompareAnswer]:
        """Compare this year's report with last year's: the headline figures and their change, the table cells that
        changed, and the passages copied word for word."""
        return _answer(
            lambda: answers.compare_reports(old=old, new=new, roots=roots_of(roots), lang=lang, max_bytes=max_bytes),
            answers.render_compare,
            lang,
        )

    @srv.resource(
        "gxlint://rules",
        name="rules",
        title="gxlint 规则目录 (rule catalogue)",
        mime_type="application/json",
        description="Every rule: code, name, family, default severity, fixable, one-line summary.",
    )
    def rules_resource() -> str:
        return json.dumps(answers.rules_catalogue(lang), ensure_ascii=False, indent=1)

    @srv.resource(
        "gxlint://rules/{code}",
        name="rule",
        title="规则说明 (a rule's page)",
        mime_type="text/markdown",
        description="A rule's page (what, why, examples, basis), e.g. gxlint://rules/GX301.",
    )
    def rule_resource(code: str) -> str:
        try:
            return answers.explain_rule(code=code, lang=lang)["page"]
        except ToolFailure as exc:
            from mcp.server.mcpserver.exceptions import ResourceError

            raise ResourceError(str(exc)) from None

    def template_resource(version: str) -> Callable[[], str]:
        def read() -> str:
            return answers.template_text(version)

        return read

    for version, first in (("2021", "国办公开办函〔2021〕30号，2021 年度起"), ("2019", "2019、2020 年度")):
        srv.resource(
            f"gxlint://template/{version}",
            name=f"template-{version}",
            title=f"官方模板 {version} 版 (the official template, {version} edition)",
            mime_type="text/plain",
            description=f"The official report format as a skeleton to fill in ({first}).",
        )(template_resource(version))
    return srv


def serve(option_roots: tuple[str, ...] = (), lang: str = "zh", max_bytes: Optional[int] = None) -> int:
    logging.basicConfig(
        stream=sys.stderr, level=logging.WARNING, format="gxlint-mcp %(levelname)s %(name)s: %(message)s"
    )
    srv = create_server(option_roots, lang, max_bytes)
    try:
        srv.run("stdio")
    except KeyboardInterrupt:
        return 130
    return 0
