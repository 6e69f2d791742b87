#!/usr/bin/env bash
# Keystroke latency of `copydesk lsp`, measured with the shared LSP latency
# probe (lsp_latency.py: types single characters as incremental didChange
# notifications and times each one to its publishDiagnostics; closed loop).
#
#   benches/lsp_latency.sh [EDITS]          # default 500 edits per document
#
# Documents: the seed story, and generated 100 KB and 1 MB drafts (benches/
# gen_wire_copy.py). Also records idle RSS (server initialised, seed open,
# no edits). JSON results go to $CARGO_TARGET_DIR/lsp-latency/ (target/ by
# default). The probe is looked up at $LSP_LATENCY, else
# ../shared/tools/lsp_latency.py. $COPYDESK_BIN measures another build (an
# earlier binary, for a before/after) instead of building this one.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
edits=${1:-500}
probe=${LSP_LATENCY:-$repo/../shared/tools/lsp_latency.py}
if [[ ! -f $probe ]]; then
  echo "lsp_latency.py not found at $probe (set LSP_LATENCY)" >&2
  exit 2
fi
target=${CARGO_TARGET_DIR:-target}
out=$target/lsp-latency
mkdir -p "$out"

if [[ -z ${COPYDESK_BIN:-} ]]; then
  cargo build --release --quiet --bin copydesk
fi
server=("${COPYDESK_BIN:-$target/release/copydesk}" lsp)
python3 benches/gen_wire_copy.py --bytes 100000 > "$out/wire-100kb.txt"
python3 benches/gen_wire_copy.py --bytes 1000000 > "$out/wire-1mb.txt"

run() { # NAME DOC EDITS
  python3 "$probe" --doc "$2" --edits "$3" --config-wait 0.2 --json "$out/$1.json" -- "${server[@]}" > /dev/null
}
run idle seeds/blinken-rafah.txt 0
run seed seeds/blinken-rafah.txt "$edits"
run wire-100kb "$out/wire-100kb.txt" "$edits"
run wire-1mb "$out/wire-1mb.txt" "$edits"

python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
idle = json.load(open(os.path.join(out, "idle.json")))
print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
print(f"idle RSS (seed open): {idle['server_rss_kib'] / 1024:.1f} MiB")
print(f"{'document':12} {'bytes':>9} {'findings':>8} {'edits':>5} {'open ms':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7} {'RSS MiB':>8}")
for name in ("seed", "wire-100kb", "wire-1mb"):
    r = json.load(open(os.path.join(out, f"{name}.json")))
    print(f"{name:12} {r['doc_bytes']:>9} {r['first_diag_count']:>8} {r['edits']:>5} "
          f"{r['open_to_first_diag_ms']:>8.1f} {r['p50_ms']:>7.2f} {r['p95_ms']:>7.2f} "
          f"{r['p99_ms']:>7.2f} {r['max_ms']:>7.2f} {r['server_hwm_kib'] / 1024:>8.1f}")
PY
