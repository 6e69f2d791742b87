#!/usr/bin/env bash
# Build `copydesk` with the `dist` profile (release, stripped, thin LTO, one
# codegen unit: see Cargo.toml), bundle it as bin/copydesk and package a
# linux-x64 .vsix (the extension prefers the bundled binary over PATH), then
# check what the package carries (tests/e2e/vsix_contents.py: the esbuild
# bundle, no node_modules, a stripped runnable binary, its size).
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
[[ $out == /* ]] || out=$PWD/$out

target_dir=${CARGO_TARGET_DIR:-target}
[[ $target_dir == /* ]] || target_dir=$repo/$target_dir

(cd "$repo" && cargo build --profile dist --quiet --bin copydesk)
(cd "$here" && npm ci --no-audit --no-fund)
"$here/package-platform.sh" linux-x64 "$target_dir/dist/copydesk" "$out"
python3 "$repo/tests/e2e/vsix_contents.py" "$out" --binary --stripped
