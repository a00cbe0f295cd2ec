#!/usr/bin/env bash
# Builds a release of gxlint from this checkout, into dist/:
#   dist/gxlint-X.Y.Z-py3-none-any.whl   install with: python3 -m pip install dist/gxlint-X.Y.Z-py3-none-any.whl
#   dist/gxlint-X.Y.Z.vsix               the VS Code extension: code --install-extension dist/gxlint-X.Y.Z.vsix
# gxlint is not on the Python package index: this (or `python3 -m pip install .` in a checkout) is how
# to install it.  Needs python3 with pip; the .vsix needs node and npm (GXLINT_RELEASE_SKIP_VSIX=1: wheel only).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p dist
version=$(python3 -c "import re;print(re.search(r'^version\s*=\s*\"([^\"]+)\"', open('pyproject.toml', encoding='utf-8').read(), re.M).group(1))")
rm -f "dist/gxlint-$version-py3-none-any.whl"
echo "release.sh: building dist/gxlint-$version-py3-none-any.whl (pip wheel)" >&2
python3 -m pip wheel --no-deps --no-cache-dir -q -w dist .
test -f "dist/gxlint-$version-py3-none-any.whl"
if [ -z "${GXLINT_RELEASE_SKIP_VSIX:-}" ]; then
  ext_version=$(node -p "require('./vscode-extension/package.json').version")
  echo "release.sh: building dist/gxlint-$ext_version.vsix (npm ci, npm run package in vscode-extension/)" >&2
  (cd vscode-extension && npm ci --no-audit --no-fund --loglevel=error && npm run package)
  mv "vscode-extension/gxlint-$ext_version.vsix" "dist/gxlint-$ext_version.vsix"
fi
ls -1 dist
