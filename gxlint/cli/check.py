"""``gxlint check``: check files and write the report (text, json, sarif, github), the diff
(``--diff``), the fixed files (``--fix``, ``--fix-only``) or the baseline (``--write-baseline``)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Optional

from ..errors import UsageError
from ..files import collect_files, history_files, skip_reason
from ..resolve import Options, SettingsResolver
from . import _LANG, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, _say

if TYPE_CHECKING:
    from ..batch import Task
    from ..io import DecodeError


def _show_settings(args, resolver: "SettingsResolver") -> int:
    import json

    from .. import configfile

    infos = []
    for target in args.paths or ["."]:
        if target == "-":
            target = args.stdin_filename or "-"
        s = resolver.for_file(target)
        info = {"path": target, **configfile.describe(s)}
        unfolded = resolver.unfolded(target)
        info["per-file-ignores"] = {k: list(v) for k, v in unfolded.per_file_ignores.items()}
        infos.append(info)
    if args.format == "json":
        # one path: the object (as before); several: a list of them, in the order given
        print(json.dumps(infos[0] if len(infos) == 1 else infos, ensure_ascii=False, indent=2))
    else:
        blocks = []
        for info in infos:
            blocks.append("\n".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in info.items()))
        from ..output import safe_lines

        print(safe_lines("\n\n".join(blocks)))
    return EXIT_OK


def _read_stdin(limit: Optional[int]) -> tuple[Optional[bytes], Optional[DecodeError]]:
    """Standard input, read with the same byte limit as a file: (data, None) or (None, the error: too large)."""
    from ..io import DecodeError, read_limited

    try:
        return read_limited(sys.stdin.buffer, limit), None
    except DecodeError as exc:
        return None, exc


def _msg(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def cmd_check(args) -> int:
    from .. import baseline as bl
    from ..batch import FixMode, Task

    resolver = SettingsResolver(Options.of(args))
    if args.show_settings:
        return _show_settings(args, resolver)
    if args.jobs is not None and args.jobs < 0:
        raise UsageError(_say("--jobs 须为正整数", "--jobs takes a positive number"))
    if args.unsafe_fixes and not (args.fix or args.diff or args.fix_only):
        raise UsageError(
            _say("--unsafe-fixes 需要与 --fix 或 --diff 一起使用", "--unsafe-fixes goes with --fix or --diff")
        )
    if args.write_baseline and (args.fix or args.diff or args.fix_only):
        raise UsageError(
            _say("--write-baseline 不能与 --fix/--diff 同用", "--write-baseline cannot be combined with --fix/--diff")
        )
    for target in (args.output, args.write_baseline):
        if target and target != "-" and os.path.isdir(target):
            raise UsageError(_say(f"{target}：是一个目录", f"{target}: is a folder"))
        if target and target != "-" and not os.path.isdir(os.path.dirname(os.path.abspath(target))):
            folder = os.path.dirname(os.path.abspath(target))
            raise UsageError(_say(f"输出目录不存在：{folder}", f"no such folder: {folder}"))
    mode = FixMode(
        fix=bool(args.fix or args.fix_only or args.diff),
        unsafe=bool(args.unsafe_fixes),
        diff=bool(args.diff),
        follow_symlinks=bool(args.follow_symlinks),
    )
    if mode.fix and not mode.diff and "-" in (args.paths or []) and len(args.paths) > 1:
        raise UsageError(
            _say(
                "--fix 与标准输入（-）同用时只能检查标准输入：修复后的文本写到标准输出；文件请另行检查",
                "--fix with standard input (-) checks standard input alone: the fixed text goes to "
                "standard output; check the files in another run",
            )
        )
    baseline = None
    if args.baseline:
        try:
            baseline = bl.load(args.baseline)
        except bl.BaselineError as exc:
            raise UsageError(str(exc)) from None

    settings = resolver.unfolded(args.stdin_filename if "-" in (args.paths or []) else None)
    lang = settings.lang
    paths = args.paths or ["."]
    files = collect_files(
        paths,
        excluded=resolver.excluded,
        force_excluded=resolver.force_excluded if args.force_exclude else None,
        own=(args.baseline, args.write_baseline, args.output),
        lang=_LANG[0],
    )
    tasks: list[Task] = []
    stdin_index = None
    for f in files:
        if f == "-":
            stdin_index = len(tasks)
            name = args.stdin_filename or "-"
            tasks.append(Task("-", name, resolver.for_file(args.stdin_filename)))
        else:
            tasks.append(Task(f, f, resolver.for_file(f), walked=f in files.walked, root=files.roots.get(f)))

    return CheckRun(args, tasks, stdin_index, files, resolver, mode, baseline, lang, paths).run()


def _results_in_order(args, tasks, stdin_index, files, resolver, mode, progress):
    """Every result in path order, each as soon as it is ready (the batch is checked in path
    order, so the outputs can be written file by file): standard input and the folders that
    could not be listed take their place among the files."""
    from ..batch import FixMode, check_one, decode_failure, run_iter
    from ..engine import Result, engine_diagnostic
    from ..model import Span

    fixed = []  # (path, result) known before the batch runs
    rest = [t for i, t in enumerate(tasks) if i != stdin_index]
    if stdin_index is not None:
        st = tasks[stdin_index]
        data, too_large = _read_stdin(st.settings.max_bytes)
        # standard input: --diff shows its fixes; --fix writes the fixed text to standard output (as
        # ruff does: `gxlint check --fix - < in.txt > out.txt`), the report goes to standard error
        if too_large is not None:
            stdin_res = decode_failure(st, too_large)
        elif mode.fix and not mode.diff:
            stdin_res = check_one(st, FixMode(fix=True, unsafe=mode.unsafe), data=data)
            stdin_res.meta["stdin_out"] = _stdin_fixed(stdin_res, data)
        else:
            stdin_res = check_one(st, FixMode(diff=mode.diff, unsafe=mode.unsafe, fix=mode.diff), data=data)
        progress.update(1)
        fixed.append(stdin_res)
    # a folder gxlint cannot list is a GX002 finding for that folder, never a silent pass
    for folder, error in files.folder_errors:
        fs = resolver.for_file(os.path.join(folder, "x"))
        diags = []
        if fs.is_enabled("GX002", "unreadable-input", folder):
            diags.append(engine_diagnostic("GX002", "unreadable_folder", Span(0, 0), fs, error=error))
        fixed.append(Result(folder, diags))
    order = sorted(range(len(rest)), key=lambda i: rest[i].display or "")
    rest = [rest[i] for i in order]
    fixed.sort(key=lambda r: r.path or "")
    jobs = args.jobs or os.cpu_count() or 1
    k = 0
    for _i, r in run_iter(rest, jobs, mode, progress.update):
        while k < len(fixed) and (fixed[k].path or "") < (r.path or ""):
            yield fixed[k]
            k += 1
        yield r
    yield from fixed[k:]


def _stdin_fixed(res, data: bytes) -> bytes:
    """What ``--fix -`` writes to standard output: the fixed text in the input's own encoding, BOM
    and line endings, or the input unchanged (nothing fixed; a .docx/.pdf; an encoding that was a guess)."""
    from ..io import encode

    info = res.meta.setdefault("fix", {})
    info["stdin"] = True
    if info.get("changed") and res.text is not None and not res.meta.get("uncertain_encoding"):
        try:
            out = encode(res.text, res.encoding or "utf-8", res.bom)
        except (UnicodeError, LookupError) as exc:
            info["error"] = str(exc)
            return data
        info["stdout"] = True
        return out
    if info.get("changed") and res.meta.get("uncertain_encoding"):
        info["error"] = _say(
            f"无法确定编码（按 {res.meta['uncertain_encoding']} 读取只是推测），原样输出，未修复",
            f"the encoding is a guess ({res.meta['uncertain_encoding']}): written out unchanged, not fixed",
        )
    info["fixed"] = 0
    return data


def _write_stdout_bytes(data: bytes) -> None:
    out = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    if out is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
    else:
        out.write(data)
        out.flush()


class CheckRun:
    """One ``gxlint check`` over the tasks: the files are checked and written file by file (a
    batch of any size keeps one file's result at a time; what is kept is counts, the baseline's
    entries and the skipped paths), then the run ends in one outcome, each a method — the
    report (:meth:`report`), the diff (:meth:`diff`), the baseline (:meth:`baseline`), the
    fixes alone (:meth:`fix_only`) — or, when no file was checked, :meth:`nothing_checked`."""

    def __init__(self, args, tasks, stdin_index, files, resolver, mode, baseline, lang, paths) -> None:
        from .. import baseline as bl
        from ..batch import Progress
        from ..diagnostics import Severity
        from ..output import OutputContext
        from ..output.stream import Sink, writer

        self.args, self.tasks, self.stdin_index, self.files = args, tasks, stdin_index, files
        self.resolver, self.mode, self.lang, self.paths = resolver, mode, lang, paths
        self.fmt = fmt = args.format or "text"
        self.diff_to_tty = bool(args.diff) and args.output in (None, "-") and sys.stdout.isatty()
        color = args.color == "always" or (
            args.color == "auto"
            and args.output is None
            and sys.stdout.isatty()
            and os.environ.get("NO_COLOR") is None
            and fmt == "text"
        )
        self.octx = OutputContext(
            lang=lang, quiet=args.quiet, statistics=args.statistics, color=color, show_source=not args.no_source
        )
        self.octx.extra["fixing"] = mode.fix and not mode.diff
        stdin_fix = stdin_index is not None and mode.fix and not mode.diff
        # --fix -: standard output carries the fixed text, the report goes to standard error
        self.sink = (
            Sink(args.output)
            if (args.output or args.diff) and not args.write_baseline and not args.fix_only
            else Sink(None, stream=sys.stderr if stdin_fix else None)
        )
        self.writer = writer(fmt, self.sink, self.octx)
        self.threshold = Severity.parse(args.fail_on or "error")
        self.matcher = bl.Matcher(baseline) if baseline is not None else None
        self.skipped = list(files.skipped)
        self.fix_infos: list = []  # (path, {written, fixed, changed, error}) without the diff
        self.kept: list = []  # --write-baseline: the findings, without texts and fixes
        self.stats_rule: dict = {}
        self.stats_file: dict = {}
        self.names: dict = {}
        self.n_checked = 0
        self.failing = False
        self.write_failed = False
        self.changed = False
        self.across_stats: dict = {}
        self.progress = Progress(len(tasks), enabled=Progress.wanted(len(tasks), args.quiet), lang=lang)
        if self.progress.enabled and self.sink.target is None and sys.stdout.isatty():
            # the report and the bar share the terminal: the bar leaves its line before each write
            self.sink.before_write = self.progress.clear

    def run(self) -> int:
        from ..output.stream import SinkError

        args = self.args
        results = self._results()
        try:
            for r in results:
                self._take(r)
        except SinkError as exc:
            self.progress.close()
            self.sink.abort()
            raise UsageError(_write_error(args.output, exc.error)) from None
        except BaseException:
            self.progress.close()
            self.sink.abort()
            raise
        self.progress.close()
        # --history files that have no index entry (too large, unreadable): said, never dropped
        self.skipped.extend((p, ("history", why)) for p, why in self.across_stats.get("skipped") or ())
        self.skipped.sort(key=lambda s: s[0])
        if not self.n_checked:
            return self.nothing_checked()
        if args.diff:
            return self.diff()
        if args.write_baseline:
            return self.baseline()
        stale = self._stale()
        if args.fix_only:
            return self.fix_only()
        return self.report(stale)

    def _results(self):
        """The results in path order, with the cross-report findings when several reports (or
        --history) are read together."""
        args, resolver = self.args, self.resolver
        results = _results_in_order(args, self.tasks, self.stdin_index, self.files, resolver, self.mode, self.progress)
        history = history_files(args.history, resolver.unfolded(None).lang)
        if (len(self.tasks) > 1 or history) and not args.diff and not args.fix_only:
            # GX7: the reports read together (and with --history's earlier years); the results are
            # spooled to disk until every report's index entry is in, then written file by file
            from ..across.run import apply_stream

            results = apply_stream(
                results,
                resolver.for_file,
                history=history,
                aliases=resolver.unfolded(None).organs,
                jobs=args.jobs or os.cpu_count() or 1,
                stats=self.across_stats,
            )
        return results

    def _take(self, r) -> None:
        """One file's result: its fixes said, then kept for the baseline, counted and written."""
        from ..output import safe_lines, safe_text

        args, lang = self.args, self.lang
        if r.meta.get("not_report"):
            self.skipped.append((r.path, "not_report"))
            return
        self.n_checked += 1
        if "stdin_out" in r.meta:
            _write_stdout_bytes(r.meta.pop("stdin_out"))
        info = r.meta.get("fix")
        if info:
            if info.get("error"):
                self.write_failed = True
                self.progress.close()
                print(
                    safe_text(
                        _msg(
                            lang,
                            f"gxlint: {r.path}: 无法写入修复：{info['error']}",
                            f"gxlint: {r.path}: could not write the fixes: {info['error']}",
                        )
                    ),
                    file=sys.stderr,
                )
            if info.get("refused"):
                self.progress.close()
                print(
                    safe_text(_fix_refused(r.path, info["refused"], lang, info.get("refused_count", 0))),
                    file=sys.stderr,
                )
            self.changed = self.changed or bool(info.get("changed"))
            if args.diff:
                # a diff is raw text for patch(1); on a terminal its controls are shown, not obeyed
                diff = info.get("diff") or ""
                self.sink.write(safe_lines(diff) if self.diff_to_tty else diff)
            self.fix_infos.append((r.path, {k: v for k, v in info.items() if k != "diff"}))
        if args.diff:
            return
        if args.write_baseline:
            r.text = None
            for d in r.diagnostics:
                d.fix = None
            self.kept.append(r)
            return
        if self.matcher is not None:
            self.matcher.apply_one(r)
        for d in r.diagnostics:
            self.failing = self.failing or d.severity <= self.threshold
            self.stats_rule[d.code] = self.stats_rule.get(d.code, 0) + 1
            self.names[d.code] = d.name
        if r.diagnostics:
            self.stats_file[r.path] = len(r.diagnostics)
        if not args.fix_only:
            self.writer.file(r)

    def nothing_checked(self) -> int:
        """No file was checked: an error (exit 2), unless pre-commit named only excluded files."""
        self.sink.abort()
        if self.args.force_exclude and self.skipped and all(why == "force_excluded" for _p, why in self.skipped):
            return EXIT_OK  # pre-commit named only files the configuration excludes
        _print_skipped(self.skipped, self.lang, sys.stderr)
        where = ", ".join(self.paths)
        raise UsageError(
            _msg(
                self.lang,
                f"没有检查任何文件（{where}）：其中没有可检查的报告文件",
                f"no file was checked ({where}): no report file to check there",
            )
        )

    def diff(self) -> int:
        """--diff: the fixes as a unified diff; exit 1 when there is something to fix."""
        _commit(self.args, self.sink)
        if not self.args.quiet:
            _print_skipped(self.skipped, self.lang, sys.stderr)
        return EXIT_FINDINGS if self.changed and not self.args.exit_zero else EXIT_OK

    def baseline(self) -> int:
        """--write-baseline: the findings recorded (entries of files not checked this time kept)."""
        from .. import baseline as bl
        from ..output import safe_text

        args, lang, kept = self.args, self.lang, self.kept
        previous = None
        if os.path.isfile(args.write_baseline):
            try:
                previous = bl.load(args.write_baseline)
            except bl.BaselineError:
                previous = None
        new = bl.build(args.write_baseline if args.write_baseline != "-" else "baseline.json", kept, previous)
        if previous is not None:  # entries of files not checked this time are kept
            checked_keys = {new.key_path(r.path) for r in kept}
            new.entries = [e for e in previous.entries if e.path not in checked_keys] + new.entries
            new.entries.sort(key=lambda e: e.path)
        _write(args.write_baseline, bl.dumps(new).encode("utf-8"))
        if not args.quiet:
            n = sum(len(r.diagnostics) for r in kept)
            nf = sum(1 for r in kept if r.diagnostics)
            old = len(new.entries) - n
            where = safe_text(
                args.write_baseline if args.write_baseline != "-" else _msg(lang, "标准输出", "standard output")
            )
            print(
                _msg(
                    lang,
                    f"gxlint: 已把 {n} 个问题记入基线 {where}（检查了 {len(kept)} 个文件，其中 {nf} 个有问题）"
                    + (f"；另保留了本次未检查的文件的 {old} 条记录" if old > 0 else "")
                    + f"。以后用 --baseline {where} 只报告新出现的问题。",
                    f"gxlint: recorded {n} finding(s) in the baseline {where} ({len(kept)} file(s) checked, {nf} with findings)"
                    + (f"; kept {old} entries of files not checked this time" if old > 0 else "")
                    + f". Use --baseline {where} to report only new findings.",
                ),
                file=sys.stderr,
            )
            _print_skipped(self.skipped, lang, sys.stderr)
        return EXIT_OK

    def _stale(self) -> list:
        """--baseline: its entries that no longer match, said on standard error."""
        from ..output import safe_text

        args, lang, resolver = self.args, self.lang, self.resolver
        stale: list = []
        if self.matcher is not None:
            from ..engine import registry

            reg = registry()

            def enabled(path, code):
                cls = reg.get(code)
                return cls is not None and resolver.for_file(path).is_enabled(code, cls.name, path)

            stale = self.matcher.stale(enabled)
            if stale and not args.quiet or stale and args.strict_baseline:
                print(
                    _msg(
                        lang,
                        f"gxlint: 基线中有 {len(stale)} 条已不再出现：",
                        f"gxlint: {len(stale)} baseline entries no longer match:",
                    ),
                    file=sys.stderr,
                )
                for e in stale:
                    why = f"  — {e.reason}" if e.reason else ""
                    print(safe_text(f"  {e.path}: {e.code} {e.message}{why}"), file=sys.stderr)
        return stale

    def fix_only(self) -> int:
        """--fix-only: the files fixed, no report."""
        _fix_summary(self.fix_infos, self.lang, self.args.quiet)
        if not self.args.quiet:
            _print_skipped(self.skipped, self.lang, sys.stderr)
        return EXIT_ERROR if self.write_failed else EXIT_OK

    def report(self, stale: list) -> int:
        """The report's end (skipped files, statistics, the summary), written out; exit 1 when a
        finding is at least ``--fail-on``."""
        from ..output.stream import SinkError

        args, lang, fmt, octx = self.args, self.lang, self.fmt, self.octx
        skipped = self.skipped
        if self.matcher is not None:
            octx.extra["baseline"] = {
                "path": args.baseline,
                "accepted": self.matcher.accepted,
                "stale": len(stale),
                "strict": bool(args.strict_baseline),
            }
        octx.extra["skipped"] = [(p, skip_reason(why, lang)) for p, why in skipped]
        octx.extra["across"] = self.across_stats.get("pairs") or []
        extra: dict[str, Any] = {}
        tail = ""
        stats = {"by_rule": dict(sorted(self.stats_rule.items())), "by_file": self.stats_file}
        if fmt == "json":
            if args.statistics:
                extra["statistics"] = stats
            if skipped:
                extra["skipped"] = [
                    {"path": p, "reason": why if isinstance(why, str) else why[0], "message": skip_reason(why, lang)}
                    for p, why in skipped
                ]
            if octx.extra["across"]:
                extra["carry_over"] = octx.extra["across"]
        if args.statistics:
            if fmt == "text":
                tail = _statistics_text(self.stats_rule, self.names, self.stats_file, lang)
            elif fmt != "json":
                sys.stderr.write(_statistics_text(self.stats_rule, self.names, self.stats_file, lang))
        if fmt in ("sarif", "github") and not args.quiet:
            _print_skipped(skipped, lang, sys.stderr)
        try:
            self.writer.finish(extra, tail)
            _commit(args, self.sink)
        except SinkError as exc:
            self.sink.abort()
            raise UsageError(_write_error(args.output, exc.error)) from None
        except BaseException:
            self.sink.abort()
            raise
        if self.mode.fix:
            _fix_summary(self.fix_infos, lang, args.quiet)
        code = EXIT_FINDINGS if self.failing and not args.exit_zero else EXIT_OK
        if stale and args.strict_baseline and not args.exit_zero:
            code = max(code, EXIT_FINDINGS)
        if self.write_failed:
            code = EXIT_ERROR
        return code


def _commit(args, sink) -> None:
    """The report is complete: write it out (``--output``: replace the file now)."""
    sink.commit()


def _write_error(target, exc: OSError) -> str:
    target = target or "-"
    return _say(f"无法写入 {target}：{exc.strerror or exc}", f"cannot write {target}: {exc.strerror or exc}")


def _statistics_text(by_rule: dict, names: dict, by_file: dict, lang: str) -> str:
    lines = ["", "按规则统计：" if lang == "zh" else "By rule:"]
    for code, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"{n:6d}  {code}  {names[code]}")
    lines.append("按文件统计：" if lang == "zh" else "By file:")
    from ..output import safe_text

    for path, n in by_file.items():
        lines.append(f"{n:6d}  {safe_text(path)}")
    return "\n".join(lines) + "\n"


def _print_skipped(skipped, lang: str, stream) -> None:
    if not skipped:
        return
    print(_msg(lang, f"跳过 {len(skipped)} 个文件：", f"skipped {len(skipped)} file(s):"), file=stream)
    from ..output import safe_text

    for p, why in skipped:
        print(f"  {safe_text(p)} — {skip_reason(why, lang)}", file=stream)


def _write(target: str, data: bytes) -> None:
    """--output / --write-baseline: ``-`` is standard output; see :func:`gxlint.batch.write_output`."""
    from ..batch import write_output

    if target != "-":
        folder = os.path.dirname(os.path.abspath(target))
        if not os.path.isdir(folder):
            raise UsageError(_say(f"输出目录不存在：{folder}", f"no such folder: {folder}"))
    try:
        write_output(target, data)
    except OSError as exc:
        raise UsageError(
            _say(f"无法写入 {target}：{exc.strerror or exc}", f"cannot write {target}: {exc.strerror or exc}")
        ) from None


def _fix_refused(path: str, fmt: str, lang: str, n: int = 0) -> str:
    """--fix on a .docx/.html/.pdf that has fixable findings: gxlint does not write those; say so
    (never for a document with nothing to fix)."""
    name = {"docx": "Word 文档", "html": "网页", "pdf": "PDF"}.get(fmt, fmt)
    if lang == "en":
        return (
            f"gxlint: {path}: {n} finding(s) not fixed — gxlint only writes text files; make these fixes "
            f"in the source document ({fmt})"
        )
    return f"gxlint: {path}: {n} 个问题未自动修复 — gxlint 只修改文本文件，请在源文档（{name}）中修改"


def _fix_summary(fix_infos, lang: str, quiet: bool) -> None:
    """How many findings were fixed (not how many edits: one finding's fix may be many edits)."""
    if quiet:
        return
    files = sum(1 for _p, i in fix_infos if i.get("written"))
    fixed = sum(i.get("fixed", 0) for _p, i in fix_infos if i.get("written") or i.get("stdout"))
    stdin = [i for _p, i in fix_infos if i.get("stdin")]
    if stdin and not fixed:
        print(
            _msg(
                lang,
                "gxlint: 标准输入中没有自动修复的问题，已原样写到标准输出。",
                "gxlint: nothing was fixed in standard input; it is on standard output unchanged.",
            ),
            file=sys.stderr,
        )
        return
    if any(i.get("stdout") for i in stdin) or (stdin and not files):
        if lang == "en":
            print(
                f"gxlint: fixed {fixed} finding(s) in standard input; the fixed text is on standard output.",
                file=sys.stderr,
            )
        else:
            print(f"gxlint: 已修复标准输入中的 {fixed} 个问题，修复后的文本已写到标准输出。", file=sys.stderr)
        return
    if lang == "en":
        print(f"gxlint: fixed {fixed} finding(s) in {files} file(s).", file=sys.stderr)
    else:
        print(f"gxlint: 已修复 {fixed} 个问题（{files} 个文件）。", file=sys.stderr)
