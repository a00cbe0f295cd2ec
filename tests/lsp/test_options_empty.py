"""An empty editor setting (select: [] from VS Code's defaults) means "not set"."""

from gxlint.lsp.options import parse_options


def test_empty_lists_and_strings_are_not_set():
    opts = parse_options({"select": [], "ignore": "", "severity": {}, "lang": "en"})
    assert dict(opts.lint_opts) == {"lang": "en"}


def test_non_empty_select_is_kept():
    opts = parse_options({"select": ["GX3"]})
    assert dict(opts.lint_opts)["select"] == ["GX3"]
