#!/usr/bin/env bash
# Build `copydesk` with the `dist` profile (release, stripped, thin LTO, one
# codegen unit: see Cargo.toml), bundle it as bin/copydesk and package a
# linux-x64 .vsix (the extension prefers the bundled binary over PATH).
#
#   editors/vscode/package-linux-x64.sh [OUT.vsix]
#
# Env: CARGO_TARGET_DIR, when set, is where cargo builds (relative paths are
# taken from the repository root, where cargo runs).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
version=$(node -p "require('$here/package.json').version")
out=${1:-$here/copydesk-linux-x64-$version.vsix}

target_dir=${CARGO_TARGET_DIR:-target}
[[ $target_dir == /* ]] || target_dir=$repo/$target_dir

(cd "$repo" && cargo build --profile dist --quiet --bin copydesk)
mkdir -p "$here/bin"
# Only this package carries the binary: a later plain `vsce package` must not.
trap 'rm -f "$here/bin/copydesk"' EXIT
install -m 0755 "$target_dir/dist/copydesk" "$here/bin/copydesk"

cd "$here"
npm ci --no-audit --no-fund
npx vsce package --target linux-x64 -o "$out"
echo "packaged $out"
