#!/usr/bin/env bash
# compare-findings.sh: guard for refactors that must keep copydesk's findings
# byte-identical. Record mode runs a copydesk binary over every draft we have
# (../shared/corpus, tests/fixtures, seeds, examples texts), in JSON and human
# formats and under each house-style preset, writing one file per run (stdout,
# then stderr if any, then the exit status) under OUTDIR, mirroring the
# inputs' relative paths. Diff mode compares two recordings.
#
#   scripts/compare-findings.sh BINARY OUTDIR         record (OUTDIR must be new or empty)
#   scripts/compare-findings.sh --diff DIR_A DIR_B    compare; exits 1 on any difference
#
# Layout of OUTDIR (PATH is the input relative to the repo root, `../` dropped):
#   json/PATH.out            check --format json --no-config       (every input)
#   human/PATH.out           check --format human --no-config      (repo inputs)
#   preset-NAME/PATH.out     json with a config `extends = ["NAME"]` (repo inputs)
#   config-FILE/PATH.out     json with --config seeds/FILE.toml     (repo inputs)
#   walk-*/shared/corpus.out the whole corpus as one folder run, json, per config
# JOBS (default: nproc) sets how many checks run at once.
set -euo pipefail

usage() { sed -n '9,10s/^#   /usage: /p' "$0" >&2; exit 2; }

if [[ ${1-} == --diff ]]; then
  (( $# == 3 )) || usage
  a=$2 b=$3
  [[ -d $a && -d $b ]] || { echo "error: $a and $b must both be folders" >&2; exit 2; }
  na=$(find "$a" -type f | wc -l) nb=$(find "$b" -type f | wc -l)
  rc=0; listing=$(diff -rq "$a" "$b") || rc=$?
  (( rc <= 1 )) || exit "$rc"
  nd=$(grep -c . <<<"$listing" || true)
  echo "compared $na runs in $a with $nb in $b: $nd differ"
  if (( nd > 0 )); then
    head -n 10 <<<"$listing"
    (( nd > 10 )) && echo "... and $(( nd - 10 )) more"
    echo "--- first lines of diff -r:"
    diff -r "$a" "$b" | head -n 40 || true
    exit 1
  fi
  exit 0
fi

(( $# == 2 )) || usage
bin=$(realpath "$1")
[[ -x $bin ]] || { echo "error: $1 is not an executable" >&2; exit 2; }
mkdir -p "$2"
out=$(realpath "$2")
[[ -z $(ls -A "$out") ]] || { echo "error: $2 is not empty" >&2; exit 2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export LC_ALL=C RUST_BACKTRACE=0 NO_COLOR=1
unset COPYDESK_LOG
start=$SECONDS

# The presets the binary knows, from `init --help` ([possible values: ap, ...]).
presets=$("$bin" init --help | sed -n 's/.*\[possible values: \(.*\)\]/\1/p' | tr -d ',')
[[ -n $presets ]] || { echo "error: no presets in \`$1 init --help\`" >&2; exit 2; }
cfgdir=$(mktemp -d)
trap 'rm -rf "$cfgdir"' EXIT
for p in $presets; do printf 'extends = ["%s"]\n' "$p" >"$cfgdir/$p.toml"; done

# Draft-like files as the CLI's folder walk picks them (case-insensitive).
drafts() { find "$@" -type f \( -iname '*.txt' -o -iname '*.md' -o -iname '*.markdown' \) | sort; }
mapfile -t repo < <({ find tests/fixtures seeds -type f; [[ ! -d examples ]] || drafts examples; } | sort)
corpus=../shared/corpus
if [[ -d $corpus ]]; then
  mapfile -t shared < <(drafts "$corpus")
else
  echo "note: $corpus not found: skipping the corpus" >&2
  shared=()
fi
mapfile -t seedcfgs < <(find seeds -maxdepth 1 -name '*.toml' -printf '%f\n' | sed 's/\.toml$//' | sort)

# one MODE PATH: run one check, record it in $out/MODE/PATH.out.
one() {
  local mode=$1 path=$2 kind=${1#walk-} rc=0 o
  local args=(check -q --color never --format json)
  case $kind in
    json) args+=(--no-config) ;;
    human) args=(check -q --color never --format human --no-config) ;;
    preset-*) args+=(--config "$cfgdir/${kind#preset-}.toml") ;;
    config-*) args+=(--config "seeds/${kind#config-}.toml") ;;
  esac
  o=$out/$mode/${path#../}.out
  mkdir -p "${o%/*}"
  "$bin" "${args[@]}" -- "$path" >"$o" 2>"$o.err" </dev/null || rc=$?
  if [[ -s $o.err ]]; then { echo "--- stderr"; cat "$o.err"; } >>"$o"; fi
  rm "$o.err"
  echo "--- exit $rc" >>"$o"
  # The temporary preset configs' folder is the only path that varies by run.
  if [[ $kind == preset-* ]]; then sed -i "s|$cfgdir|PRESETS|g" "$o"; fi
}
export -f one
export bin out cfgdir

job_list() {  # MODE PATH pairs, NUL-separated; the long folder runs first
  if (( ${#shared[@]} )); then
    printf 'walk-json\0%s\0' "$corpus"
    for p in $presets; do printf 'walk-preset-%s\0%s\0' "$p" "$corpus"; done
  fi
  for f in "${repo[@]}"; do
    printf '%s\0%s\0' json "$f" human "$f"
    for p in $presets; do printf 'preset-%s\0%s\0' "$p" "$f"; done
    for c in "${seedcfgs[@]}"; do printf 'config-%s\0%s\0' "$c" "$f"; done
  done
  for f in "${shared[@]}"; do printf 'json\0%s\0' "$f"; done
}
job_list | xargs -0 -n2 -P "${JOBS:-$(nproc)}" bash -c 'set -eu; one "$@"' _

runs=$(find "$out" -type f | wc -l)
echo "recorded $runs runs of $(( ${#repo[@]} + ${#shared[@]} )) inputs" \
  "(${#repo[@]} repo, ${#shared[@]} corpus; presets: $presets) in $out in $(( SECONDS - start ))s"
echo "runs per exit status:" "$(find "$out" -type f -exec tail -qn1 {} + | sort | uniq -c |
  awk '{printf "%s%s: %s", (NR > 1 ? ", " : ""), $NF, $1}')"
