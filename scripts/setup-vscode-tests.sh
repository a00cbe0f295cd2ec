#!/usr/bin/env bash
# Sets up what the real-VS-Code test (tests/editor/test_vscode.py) needs, idempotently:
#   - Debian packages: chromium (the browser the test drives), fonts-noto-cjk (legible Chinese in
#     screenshots), ripgrep (the `rg` binary code-server's @vscode/ripgrep wants), and the headers
#     code-server's native modules are built against (libkrb5-dev libx11-dev libxkbfile-dev
#     libsecret-1-dev build-essential);
#   - Playwright's Python API (pip; no `playwright install`: the test uses Debian's chromium);
#   - code-server (npm, a version that runs on Node 20) under $GXLINT_EDITOR_CACHE
#     (default ~/.cache/gxlint-editor), outside the repository.
# Its @vscode/ripgrep step would download a ripgrep build; it is given Debian's `rg` through that
# package's download cache instead (the archive it looks for in $TMPDIR/vscode-ripgrep-cache-V/).
# Prints the code-server executable on its last line.  Exits non-zero when something is missing.
set -euo pipefail
CODE_SERVER_VERSION="${GXLINT_CODE_SERVER_VERSION:-4.100.3}"
CACHE="${GXLINT_EDITOR_CACHE:-$HOME/.cache/gxlint-editor}"
PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
BIN="$PREFIX/node_modules/code-server/out/node/entry.js"
say() { echo "setup-vscode-tests: $*" >&2; }

need_pkgs=()
for p in chromium fonts-noto-cjk ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev build-essential; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    say "missing Debian packages (${need_pkgs[*]}) and cannot apt-get install them (not root)"; exit 1
  fi
  say "installing with apt-get: ${need_pkgs[*]}"
  for i in $(seq 1 40); do   # another apt may hold the lock for a while
    if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}") >/dev/null 2>&1; then
      break
    fi
    [ "$i" = 40 ] && { say "apt-get install failed"; exit 1; }
    sleep 10
  done
fi

python3 -c "import playwright.sync_api" 2>/dev/null || {
  say "installing Playwright's Python API (pip; the browser is Debian's chromium)"
  python3 -m pip install -q playwright
}

if [ ! -f "$PREFIX/.ok" ]; then
  say "installing code-server $CODE_SERVER_VERSION from npm into $PREFIX (builds native modules; a few minutes)"
  mkdir -p "$PREFIX" "$CACHE/tmp"
  # the ripgrep archive @vscode/ripgrep would download, made from Debian's rg
  rgtmp="$CACHE/rg-archive"; rm -rf "$rgtmp"; mkdir -p "$rgtmp"
  cp "$(command -v rg)" "$rgtmp/rg"
  for v in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14 1.16.0 1.16.1; do
    mkdir -p "$CACHE/tmp/vscode-ripgrep-cache-$v"
    for rv in v13.0.0-10 v13.0.0-4 v14.1.1-1; do
      tar czf "$CACHE/tmp/vscode-ripgrep-cache-$v/ripgrep-$rv-x86_64-unknown-linux-musl.tar.gz" -C "$rgtmp" rg
    done
  done
  ( cd "$PREFIX" && [ -f package.json ] || echo '{"name":"gxlint-editor-tests","private":true}' > package.json
    TMPDIR="$CACHE/tmp" npm_config_yes=true npm install --no-audit --no-fund --loglevel=error \
      --unsafe-perm "code-server@$CODE_SERVER_VERSION" >&2 )
  [ -f "$BIN" ] || { say "code-server did not install ($BIN missing)"; exit 1; }
  touch "$PREFIX/.ok"
fi
echo "$BIN"
