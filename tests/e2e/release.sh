#!/usr/bin/env bash
# What .github/workflows/release.yml does, on this machine's Linux x86-64:
# the static (musl) `dist` build, the archive and its checksum
# (scripts/release_archive.py) and the platform .vsix bundling the binary
# (editors/vscode/package-platform.sh), each checked:
#
#   - the archive holds exactly copydesk-V-TARGET/{copydesk,README.md,
#     LICENSE,docs/rules.md}, the binary executable; `sha256sum -c` accepts
#     its .sha256; packing again gives the same bytes;
#   - the binary from the archive is static (no ELF interpreter), stripped,
#     and checks the seed (exit 1, three findings);
#   - the .vsix carries the bundle and that binary (vsix_contents.py).
#
# The musl target comes from rustup and musl-gcc from Debian's musl-tools
# (installed when missing and running as root). When either cannot be had,
# the glibc build is checked instead, saying so (the static check is then
# skipped). Called by .ci/run when RELEASE_TEST=1 (a second full optimised
# build: about 4 CPU-minutes); CARGO_TARGET_DIR is honoured.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
started=$SECONDS
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

target=x86_64-unknown-linux-musl
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  rustup target add "$target" >/dev/null 2>&1 || true
fi
if ! command -v musl-gcc >/dev/null && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends musl-tools >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends musl-tools >/dev/null 2>&1; } || true
fi
if rustup target list --installed 2>/dev/null | grep -qx "$target" && command -v musl-gcc >/dev/null; then
  static=1
else
  echo "NOTE: the $target target or musl-gcc is not available here; checking the glibc build instead (not static)"
  target=x86_64-unknown-linux-gnu
  static=0
fi

echo "== cargo build --profile dist --target $target"
t=$SECONDS
cargo build --profile dist --locked --quiet --target "$target" --bin copydesk
echo "built in $((SECONDS - t)) s"
target_dir=${CARGO_TARGET_DIR:-target}
[[ $target_dir == /* ]] || target_dir=$repo/$target_dir
binary=$target_dir/$target/dist/copydesk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
name=copydesk-$version-$target

echo "== archive"
archive=$(SOURCE_DATE_EPOCH=0 python3 scripts/release_archive.py "$target" "$binary" "$work/dist")
[[ $archive == "$work/dist/$name.tar.gz" ]] || fail "archive at $archive"
(cd "$work/dist" && sha256sum --check --quiet "$name.tar.gz.sha256") || fail "the checksum does not match"
listing=$(tar -tzvf "$archive")
echo "$listing"
expected=$(printf '%s\n' "$name/LICENSE" "$name/README.md" "$name/copydesk" "$name/docs/rules.md")
[[ $(tar -tzf "$archive") == "$expected" ]] || fail "archive members: $(tar -tzf "$archive" | tr '\n' ' ')"
grep -q "^-rwxr-xr-x root/root .* $name/copydesk$" <<<"$listing" || fail "the binary is not executable, root-owned"
cp "$archive" "$work/first.tar.gz"
SOURCE_DATE_EPOCH=0 python3 scripts/release_archive.py "$target" "$binary" "$work/dist" >/dev/null
cmp -s "$archive" "$work/first.tar.gz" || fail "packing twice gave different archives"
echo "archive: $(du -k "$archive" | cut -f1) KB, reproducible, checksum ok"

echo "== the binary from the archive"
mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
bin=$work/unpacked/$name/copydesk
python3 - "$bin" "$static" <<'PY' || fail "the binary is not what a release ships"
import sys
sys.path.insert(0, "tests/e2e")
from vsix_contents import sections
path, static = sys.argv[1], sys.argv[2] == "1"
found = sections(path)
problems = []
if found & {".symtab", ".debug_info", ".debug_line"}:
    problems.append("not stripped")
if static and ".interp" in found:
    problems.append("dynamically linked (has an ELF interpreter)")
print("sections ok" if not problems else "; ".join(problems))
sys.exit(1 if problems else 0)
PY
"$bin" --version
status=0
"$bin" check --format json seeds/blinken-rafah.txt >"$work/findings.json" || status=$?
[[ $status == 1 ]] || fail "check on the seed exited $status, expected 1"
count=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/findings.json")
[[ $count == 3 ]] || fail "$count findings on the seed, expected 3"
echo "checks the seed: exit 1, 3 findings; $(du -k "$bin" | cut -f1) KB"

echo "== platform .vsix with the binary"
vsix=$work/dist/copydesk-linux-x64-$version.vsix
editors/vscode/package-platform.sh linux-x64 "$bin" "$vsix" >"$work/vsce.log" 2>&1 || { cat "$work/vsce.log"; fail "packaging the .vsix"; }
python3 tests/e2e/vsix_contents.py "$vsix" --binary --stripped || fail "the .vsix carries the wrong files"

echo "release: ok ($target, $((SECONDS - started)) s)"
