#!/usr/bin/env bash
# Installs what the tests need and runs every test: Python (pytest) and the VS Code extension (npm).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install -q -e '.[test]'

# Neovim for the real-editor LSP test (Debian's package), when we may install it.
if ! command -v nvim >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null) \
    || echo "test.sh: could not install neovim; its test will be skipped" >&2
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
