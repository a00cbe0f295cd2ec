#!/usr/bin/env bash
# Runs every test: Python (pytest) and the VS Code extension (npm).  It installs what the tests
# need, and says so first (see below).  GXLINT_SKIP_EDITOR_TESTS=1 skips the real-editor test
# (Neovim) instead of installing Neovim; pytest then lists it as skipped, with that reason.
#
# Each stage before pytest prints one line (ok, or FAILED with the end of its log); what pip, apt,
# npm and the set-up scripts print goes to a log file, kept when something fails.  pytest's own
# output follows; it ends with the documented commands the suite does not run, listed once.
set -euo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d "${TMPDIR:-/tmp}/gxlint-test.XXXXXX")

say() { echo "test.sh: $*" >&2; }

# stage WHAT LOG COMMAND...: COMMAND's output into $logs/LOG.log and one line saying how it went
stage() {
  local what=$1 log="$logs/$2.log" rc=0
  shift 2
  "$@" >"$log" 2>&1 || rc=$?
  if [ "$rc" = 0 ]; then
    say "$what: ok"
  else
    say "$what: FAILED (exit $rc); the end of $log:"
    tail -n 25 "$log" | sed 's/^/    /' >&2
  fi
  return "$rc"
}

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

stage "gxlint and its test dependencies (pip install -e '.[test]')" pip python3 -m pip install -q -e '.[test]'

if [ -n "$want_nvim" ]; then
  stage "Neovim (apt-get)" neovim \
    sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim' \
    || say "could not install Neovim; the editor test will be skipped"
fi
if [ -n "$want_report" ]; then
  stage "chromium, LibreOffice, poppler for gxlint report (apt-get)" report-tools \
    sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk libreoffice-writer poppler-utils' \
    || say "could not install chromium/LibreOffice; the report tests that need them will be skipped"
fi
if [ -n "${GXLINT_SKIP_EDITOR_TESTS:-}" ]; then
  say "GXLINT_SKIP_EDITOR_TESTS is set: the editor tests (tests/lsp/test_nvim.py, tests/editor/) are skipped"
else
  stage "code-server and chromium for the VS Code tests (scripts/setup-vscode-tests.sh)" vscode-setup \
    bash scripts/setup-vscode-tests.sh \
    || say "could not set up code-server/chromium; the VS Code test will be skipped"
fi

# LibreOffice Writer (Debian's libreoffice-writer) for tests/read: it converts the generated .docx
# reports to .html and .pdf the way offices publish them; without it those tests are skipped (with
# the reason shown).  A CJK font so that the PDF carries the Chinese text.
if ! command -v soffice >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  stage "LibreOffice Writer for the .docx → .html/.pdf tests (apt-get)" libreoffice \
    sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer fonts-wqy-microhei' \
    || say "could not install libreoffice-writer; the .html/.pdf conversion tests will be skipped"
fi

status=0
failed=()
if [ -f vscode-extension/package.json ]; then
  if stage "the VS Code extension's npm packages (npm ci)" npm-ci \
       sh -c 'cd vscode-extension && npm ci --no-audit --no-fund --loglevel=error'; then
    log="$logs/npm-test.log"
    rc=0
    (cd vscode-extension && npm test) >"$log" 2>&1 || rc=$?
    count() { sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$log" | tail -n 1; }
    if [ "$rc" = 0 ]; then
      say "the VS Code extension's tests (npm test): $(count pass) passed, $(count skipped) skipped"
    else
      say "the VS Code extension's tests (npm test): FAILED (exit $rc; $(count fail) failed) — $log:"
      { grep -A 14 '^ *not ok' "$log" || tail -n 40 "$log"; } | head -n 200 | sed 's/^/    /' >&2
      status=$rc
      failed+=("the extension's tests")
    fi
  else
    status=1
    failed+=("the extension's npm packages")
  fi
fi
say "the Python tests (pytest):"
python3 -m pytest -q "$@" || { status=$?; failed+=("the Python tests"); }
if [ "$status" = 0 ]; then
  rm -rf "$logs"
  say "all passed"
else
  say "FAILED: ${failed[*]} (logs in $logs)"
fi
exit $status
