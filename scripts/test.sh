#!/usr/bin/env bash
# Runs every test: Python (pytest) and the VS Code extension (npm).  It installs what the tests
# need, and says so first (see below).  GXLINT_SKIP_EDITOR_TESTS=1 skips the real-editor test
# (Neovim) instead of installing Neovim; pytest then lists it as skipped, with that reason.
set -euo pipefail
cd "$(dirname "$0")/.."

want_nvim=""
if [ -z "${GXLINT_SKIP_EDITOR_TESTS:-}" ] && ! command -v nvim >/dev/null 2>&1 \
   && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  want_nvim=1
fi

want_report=""
if [ -z "${GXLINT_SKIP_REPORT_TOOLS:-}" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 \
   && ! { command -v chromium >/dev/null 2>&1 && command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; }; then
  want_report=1
fi

{
  echo "test.sh: installing what the tests need:"
  echo "  - gxlint and its test dependencies into $(command -v python3) (pip install -e '.[test]')"
  [ -f vscode-extension/package.json ] && \
    echo "  - the VS Code extension's npm packages into vscode-extension/node_modules (npm ci), for its tests"
  if [ -n "$want_report" ]; then
    echo "  - for gxlint report's tests (tests/report), system-wide with apt-get: chromium + fonts-noto-cjk (the"
    echo "    page opened in a real browser, Chinese glyphs in its screenshots), libreoffice-writer + poppler-utils"
    echo "    (the review letters converted to PDF and rendered as pages); set GXLINT_SKIP_REPORT_TOOLS=1 to skip"
  fi
  if [ -n "$want_nvim" ]; then
    echo "  - Neovim, system-wide with apt-get (you are root and nvim is missing), for the real-editor LSP test;"
    echo "    set GXLINT_SKIP_EDITOR_TESTS=1 to skip that test instead"
  fi
  if [ -z "${GXLINT_SKIP_EDITOR_TESTS:-}" ]; then
    echo "  - for the real-VS-Code tests (tests/editor/: the extension in use, and its one-click set-up,
    which pip-installs the bundled wheel's dependencies into a fresh venv), scripts/setup-vscode-tests.sh: Debian's"
    echo "    chromium, fonts-noto-cjk, ripgrep and build headers (apt-get), Playwright's Python API (pip, no"
    echo "    browser download), code-server from npm under ~/.cache/gxlint-editor (cached; a few minutes the"
    echo "    first time); set GXLINT_SKIP_EDITOR_TESTS=1 to skip that test instead"
  fi
} >&2

python3 -m pip install -q -e '.[test]'

if [ -n "$want_nvim" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null) \
    || echo "test.sh: could not install Neovim; the editor test will be skipped" >&2
fi
if [ -n "$want_report" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk \
     libreoffice-writer poppler-utils >/dev/null) \
    || echo "test.sh: could not install chromium/LibreOffice; the report tests that need them will be skipped" >&2
fi
if [ -n "${GXLINT_SKIP_EDITOR_TESTS:-}" ]; then
  echo "test.sh: GXLINT_SKIP_EDITOR_TESTS is set: the editor tests (tests/lsp/test_nvim.py, tests/editor/) are skipped" >&2
else
  bash scripts/setup-vscode-tests.sh >/dev/null \
    || echo "test.sh: could not set up code-server/chromium; the VS Code test will be skipped" >&2
fi

# LibreOffice Writer (Debian's libreoffice-writer) for tests/read: it converts the generated .docx
# reports to .html and .pdf the way offices publish them; without it those tests are skipped (with
# the reason shown).  A CJK font so that the PDF carries the Chinese text.
if ! command -v soffice >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer fonts-wqy-microhei >/dev/null) \
    || echo "test.sh: could not install libreoffice-writer; the .html/.pdf conversion tests will be skipped" >&2
fi

status=0
if [ -f vscode-extension/package.json ]; then
  (cd vscode-extension && npm ci --no-audit --no-fund --loglevel=error && npm test) || status=$?
fi
python3 -m pytest -q "$@" || status=$?
exit $status
