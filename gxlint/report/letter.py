"""The words of the review letters: a text template (:file:`letter.toml` beside this module) that a
province adjusts without touching code, and the reviewer's own details (office, date, document
number, contact) from ``[tool.gxlint.report]`` or the command line.

A template file given by the user holds only the keys it changes (``[zh]`` and/or ``[en]``); the
others keep the default wording.  An unknown key or placeholder is a :class:`LetterError` that names
it (the CLI exits 2), never a letter with a ``{placeholder}`` left in it.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import string
import sys
from dataclasses import dataclass, field
from typing import Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "letter.toml")
PLACEHOLDERS = (
    "organ",
    "title",
    "year",
    "file",
    "report",
    "verdict",
    "counts",
    "reason",
    "correction",
    "accepted",
    "office",
    "date",
    "number",
    "contact",
    "n",
)
DEFAULT_OFFICE = ("政务公开办公室", "Office of Government Affairs Disclosure")


class LetterError(Exception):
    """A letter template or option that cannot be used (the CLI exits 2)."""


@dataclass
class LetterOptions:
    """The reviewer's details and the template; ``None`` = not given (the default applies)."""

    office: Optional[str] = None
    date: Optional[_dt.date] = None
    number: Optional[str] = None  # 文号; "{n}" in it is the letter's number in the batch
    contact: Optional[str] = None
    template: Optional[str] = None  # a TOML file laid over letter.toml
    words: dict = field(default_factory=dict)  # lang → key → text (filled by :func:`resolve`)

    def say(self, lang: str, key: str, **values) -> str:
        """The template's ``key`` in ``lang`` filled in ("" when the template leaves it empty)."""
        text = self.words.get(lang, {}).get(key, "")
        if not text:
            return ""
        return _fill(text, values)


def _fill(text: str, values: dict) -> str:
    out = []
    for lit, name, spec, conv in string.Formatter().parse(text):
        out.append(lit)
        if name is not None:
            v = values.get(name)
            out.append("" if v is None else str(v))
    return "".join(out)


def parse_date(v, where: str) -> _dt.date:
    """``2024-03-01`` (or a TOML date) → a date; "today" → today."""
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    s = str(v).strip()
    if s.lower() in ("", "today"):
        return _dt.date.today()
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", s)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise LetterError(f"{where}：日期应写作 2024-03-01，不是 {s!r} (a date is written 2024-03-01)")


def load_template(path: Optional[str]) -> dict:
    """lang → key → text: letter.toml, with the keys of ``path`` laid over it."""
    base = _read(DEFAULT_TEMPLATE)
    if not path:
        return base
    user = _read(path)
    known = set(base["zh"]) | set(base["en"])
    for lang, table in user.items():
        if lang not in ("zh", "en"):
            raise LetterError(
                f"{path}：未知的表 [{lang}]，只有 [zh] 和 [en] (unknown table [{lang}]: [zh] and [en] only)"
            )
        for key, text in table.items():
            if key not in known:
                from difflib import get_close_matches

                near = get_close_matches(key, sorted(known), n=1)
                hint = f"；是不是 {near[0]}？" if near else ""
                raise LetterError(
                    f"{path}：[{lang}] 中的未知项 {key!r}{hint} (unknown key; known: {', '.join(sorted(known))})"
                )
            base[lang][key] = text
    return base


def _read(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise LetterError(f"审查意见模板不存在 (no such letter template)：{path}") from None
    except OSError as exc:
        raise LetterError(
            f"无法读取审查意见模板 (cannot read the letter template) {path}：{exc.strerror or exc}"
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise LetterError(f"{path}：TOML 语法错误 (invalid TOML)：{exc}") from None
    out: dict = {"zh": {}, "en": {}}
    for lang, table in data.items():
        if not isinstance(table, dict):
            raise LetterError(f"{path}：{lang} 应为表 [{lang}] (expected a table)")
        out.setdefault(lang, {})
        for key, text in table.items():
            if not isinstance(text, str):
                raise LetterError(f"{path}：[{lang}] {key} 应为字符串 (expected a string), 不是 {text!r}")
            _check_placeholders(path, lang, key, text)
            out[lang][key] = text
    return out


def _check_placeholders(path: str, lang: str, key: str, text: str) -> None:
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise LetterError(
            f"{path}：[{lang}] {key} 的花括号不配对（{exc}）；文字中的花括号写作 {{{{ 和 }}}} "
            f"(unbalanced braces; a literal brace is {{{{ or }}}})"
        ) from None
    for _lit, name, spec, conv in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conv:
            raise LetterError(
                f"{path}：[{lang}] {key} 中的占位符 {{{name}}} 不存在；可用的占位符："
                f"{'、'.join('{' + p + '}' for p in PLACEHOLDERS)} (unknown placeholder)"
            )


def resolve(settings_report: dict, args=None, config_dir: Optional[str] = None) -> LetterOptions:
    """The letter options: ``[tool.gxlint.report]`` (``settings_report``, paths relative to
    ``config_dir``), the command line laid over it."""
    opts = LetterOptions()
    cfg = dict(settings_report or {})
    if cfg.get("office"):
        opts.office = cfg["office"]
    if cfg.get("date") is not None:
        opts.date = parse_date(cfg["date"], "[tool.gxlint.report] date")
    if cfg.get("number"):
        opts.number = cfg["number"]
    if cfg.get("contact"):
        opts.contact = cfg["contact"]
    if cfg.get("letter-template"):
        t = cfg["letter-template"]
        opts.template = t if os.path.isabs(t) or not config_dir else os.path.join(config_dir, t)
    if args is not None:
        if getattr(args, "office", None):
            opts.office = args.office
        if getattr(args, "date", None):
            opts.date = parse_date(args.date, "--date")
        if getattr(args, "number", None):
            opts.number = args.number
        if getattr(args, "contact", None):
            opts.contact = args.contact
        if getattr(args, "letter_template", None):
            opts.template = args.letter_template
    opts.words = load_template(opts.template)
    return opts


def default_text() -> str:
    with open(DEFAULT_TEMPLATE, encoding="utf-8") as fh:
        return fh.read()
