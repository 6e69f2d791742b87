#!/usr/bin/env bash
# End-to-end test of the VS Code extension (editors/vscode) in a real VS
# Code: code-server 4.100.3 (Code 1.100.3) on the machine's Node 20, driven
# by Debian's Chromium through playwright-core (tests/e2e/vscode/seed.js).
#
# Packages the extension with the freshly built `copydesk` bundled as
# bin/copydesk (editors/vscode/package-platform.sh, esbuild bundle) and checks
# what the .vsix carries, and the plain .vsix too (tests/e2e/vsix_contents.py),
# installs the .vsix into code-server, opens
# seeds/blinken-rafah.txt and checks the findings, the "Delete paragraph 3"
# quick fix and that its finding clears, then that a copydesk.checks change
# reaches the running server, "Create copydesk.toml" (copydesk init) and that
# a bad copydesk.server.path is reported. Screenshots: target/e2e/vscode.png
# (after the quick fix) and target/e2e/vscode-findings.png (before it).
#
# Called by .ci/run after tests/e2e/run.sh. Everything it installs stays in
# the repository folder (gitignored): .cs/ (code-server), .tmp-cs/,
# node_modules/ of editors/vscode and tests/e2e/vscode, target/e2e/.
# Needs Debian packages chromium, ripgrep, libkrb5-dev, pkg-config (installed
# with apt-get when missing and running as root) and the npm registry.
#
# Env: E2E_PROFILE=release|dist|debug (default release, which tests/e2e/run.sh
# has just built; editors/vscode/package-linux-x64.sh ships dist, the same
# code stripped and with thin LTO); E2E_COPYDESK_BIN=path bundles that binary
# instead of building one; CARGO_TARGET_DIR is honoured.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_PKG_VERSION=1.15.11   # @vscode/ripgrep pinned by code-server 4.100.3

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
profile=${E2E_PROFILE:-release}
out=$repo/target/e2e
mkdir -p "$out"
started=$SECONDS

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

npm_install() { # DIR ARGS… — npm with the machine's quirks, a clear error offline
  local dir=$1
  shift
  if ! (cd "$dir" && npm_config_cache=$repo/.tmp-cs/npm-cache npm_config_yes=true npm_config_unsafe_perm=true npm_config_fund=false \
      npm_config_audit=false npm_config_update_notifier=false npm "$@"); then
    fail "npm $* in $dir failed: cannot install from the npm registry (no network?)"
  fi
}

echo "== system packages"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
command -v pkg-config >/dev/null || missing+=(pkg-config)
[[ -f /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm are needed (Debian: nodejs npm; Node 20)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ $node_major == 20 ]] || fail "code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)"
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]}"
    apt-get update -qq || fail "apt-get update failed (no network?)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      fail "apt-get install ${missing[*]} failed"
  else
    fail "missing ${missing[*]}: apt-get install ${missing[*]}"
  fi
fi

if [[ -n ${E2E_COPYDESK_BIN:-} ]]; then
  binary=$E2E_COPYDESK_BIN
  echo "== using $binary"
else
  echo "== building copydesk ($profile)"
  if [[ $profile == debug ]]; then
    cargo build --quiet --bin copydesk
  else
    cargo build --profile "$profile" --quiet --bin copydesk
  fi
  target_dir=${CARGO_TARGET_DIR:-target}
  [[ $target_dir == /* ]] || target_dir=$repo/$target_dir
  binary=$target_dir/$profile/copydesk
fi

cs=$repo/.cs/node_modules/.bin/code-server
# Even --version writes a default config.yaml under XDG_CONFIG_HOME: keep
# it in the repository.
if ! XDG_CONFIG_HOME=$repo/.tmp-cs/config "$cs" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  echo "== installing code-server $CODE_SERVER_VERSION into .cs/"
  t=$SECONDS
  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache
  # (looked up under $TMPDIR first) already holds the tarball: seed it with
  # Debian's rg.
  rgcache=$repo/.tmp-cs/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION
  mkdir -p "$rgcache" "$repo/.cs"
  tar czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  echo '{"name":"cs","private":true}' >"$repo/.cs/package.json"
  TMPDIR=$repo/.tmp-cs npm_install "$repo/.cs" install "code-server@$CODE_SERVER_VERSION"
  echo "code-server installed in $((SECONDS - t)) s"
fi

echo "== packaging the extension (copydesk bundled)"
ext=$repo/editors/vscode
npm_install "$ext" ci
echo "== unit tests of the extension (node --test)"
(cd "$ext" && npm test --silent) || fail "extension unit tests failed"
npm_install "$repo/tests/e2e/vscode" ci
vsix=$out/copydesk-linux-x64.vsix
if ! "$ext/package-platform.sh" linux-x64 "$binary" "$vsix" >"$out/vsce.log" 2>&1; then
  cat "$out/vsce.log"
  fail "vsce package failed"
fi
echo "== what the .vsix carries (esbuild bundle, no node_modules, the binary)"
stripped=()
[[ $profile == dist ]] && stripped=(--stripped)
python3 "$repo/tests/e2e/vsix_contents.py" "$vsix" --binary "${stripped[@]}" || fail "the .vsix carries the wrong files"
echo "== a .vsix without a binary (finds copydesk from the setting or PATH)"
plain=$out/copydesk.vsix
(cd "$ext" && npx vsce package -o "$plain" >"$out/vsce-plain.log" 2>&1) || { cat "$out/vsce-plain.log"; fail "vsce package failed"; }
python3 "$repo/tests/e2e/vsix_contents.py" "$plain" || fail "the plain .vsix carries the wrong files"

# A fresh VS Code profile every run, inside target/: nothing of the user's.
work=$out/vscode-run
rm -rf "$work"
mkdir -p "$work/ws" "$work/home" "$work/user/User" "$work/ext"
cp seeds/blinken-rafah.txt "$work/ws/"
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
  XDG_CACHE_HOME=$work/home/.cache TMPDIR=$work/home
cat >"$work/user/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "editor.wordWrap": "on",
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never",
  "chat.disableAIFeatures": true,
  "copydesk.trace.server": "messages"
}
JSON
cs_args=(--user-data-dir "$work/user" --extensions-dir "$work/ext")

echo "== installing the .vsix into code-server"
"$cs" "${cs_args[@]}" --install-extension "$vsix" || fail "code-server --install-extension failed"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "== starting code-server on 127.0.0.1:$port"
# Its own session and process group: the extension host, the file watcher
# and copydesk all go down with one kill.
setsid "$cs" "${cs_args[@]}" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry \
  --disable-update-check --disable-workspace-trust "$work/ws" >"$work/code-server.log" 2>&1 &
cspid=$!
stop_code_server() {
  kill -TERM -- "-$cspid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 -- "-$cspid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$cspid" 2>/dev/null || true
}
trap stop_code_server EXIT

for _ in $(seq 300); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 "$cspid" 2>/dev/null || { cat "$work/code-server.log"; fail "code-server exited"; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || fail "code-server did not answer within 60 s"

seed=$work/ws/blinken-rafah.txt
payload=$(python3 -c 'import json, sys, urllib.parse
print(urllib.parse.quote(json.dumps([["openFile", "vscode-remote://127.0.0.1:" + sys.argv[1] + sys.argv[2]]])))' "$port" "$seed")
echo "== driving VS Code in Chromium"
t=$SECONDS
if timeout 180 node tests/e2e/vscode/seed.js "http://127.0.0.1:$port/?folder=$work/ws&payload=$payload" \
    "$out" "$work/ws/.vscode/settings.json"; then
  status=0
  # The checks change must have reached the running server, not a new one
  # (the later server.path change restarts it into "not found").
  starts=$(cat "$work"/user/logs/*/exthost*/output_logging_*/*copydesk*.log | grep -c '^copydesk: starting ' || true)
  if [[ $starts != 1 ]]; then
    echo "FAIL: the server was started $starts times (expected once: settings apply without a restart)" >&2
    status=1
  fi
else
  status=1
  echo "--- code-server log (tail)"
  tail -30 "$work/code-server.log"
  for log in "$work"/user/logs/*/exthost*/output_logging_*/*copydesk*.log; do
    [[ -f $log ]] && { echo "--- $log"; tail -30 "$log"; }
  done
fi
stop_code_server
trap - EXIT
echo "browser run $((SECONDS - t)) s, screenshot target/e2e/vscode.png"
if [[ $status != 0 ]]; then
  echo "vscode e2e: FAILED"
  exit 1
fi
echo "vscode e2e: passed ($((SECONDS - started)) s)"
