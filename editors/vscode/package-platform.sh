#!/usr/bin/env bash
# Package a platform .vsix with a copydesk binary bundled as bin/copydesk
# (bin/copydesk.exe for Windows targets); the extension prefers the bundled
# binary over PATH. Used by package-linux-x64.sh and by the release
# workflow (.github/workflows/release.yml) for every platform.
#
#   editors/vscode/package-platform.sh VSCODE_TARGET BINARY OUT.vsix
#
# VSCODE_TARGET is vsce's --target: linux-x64, linux-arm64, alpine-x64,
# darwin-x64, darwin-arm64, win32-x64. Node dependencies are installed with
# `npm ci` when node_modules is missing.
set -euo pipefail

[[ $# == 3 ]] || { sed -n '2,11p' "$0" >&2; exit 2; }
target=$1 binary=$2 out=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -f $binary ]] || { echo "error: $binary: no such file" >&2; exit 2; }
[[ $out == /* ]] || out=$PWD/$out
name=copydesk
[[ $target == win32-* ]] && name=copydesk.exe

cd "$here"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
rm -rf bin
mkdir -p bin
# Only this package carries the binary: a later plain `vsce package` must not.
trap 'rm -rf "$here/bin"' EXIT
install -m 0755 "$binary" "bin/$name"
npx vsce package --target "$target" -o "$out"
echo "packaged $out"
