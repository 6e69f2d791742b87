#!/usr/bin/env bash
# Command-line throughput of `copydesk check --format jsonl`, end to end
# (walk, read, check, report), over
#   - a folder of generated stories (default 4,000 files, about 5 MB), and
#   - one generated draft of about 1 MB,
# with 1 and 2 worker threads. Prints a Markdown table: wall time, CPU time
# (user + system, all threads), throughput in MB/s (10^6 bytes per second of
# wall time), and MB per CPU second, which a busy machine disturbs less. The text comes from `cargo run --example gen_stories`, the
# generator of `cargo bench --bench engine`, and is the same on every run.
#
#   benches/throughput.sh
#   RUNS=20 STORIES=4000 FILE_BYTES=1048576 benches/throughput.sh
#
# Uses hyperfine when it is installed (apt-get install hyperfine), else
# bash's `time`. On a shared machine, compare CPU time as well as wall time.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${RUNS:-10}
STORIES=${STORIES:-4000}
FILE_BYTES=${FILE_BYTES:-1048576}
THREADS=${THREADS:-"1 2"}

work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-throughput.XXXXXX")
: >"$work/warnings"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin copydesk --example gen_stories
bin=target/release/copydesk
gen=target/release/examples/gen_stories
folder_bytes=$("$gen" folder "$work/folder" "$STORIES")
file_bytes=$("$gen" file "$work/one.txt" "$FILE_BYTES")

# time_runs COMMAND... -> "mean stddev user system" in seconds
time_runs() {
    if command -v hyperfine >/dev/null; then
        hyperfine --shell=none --warmup 2 --runs "$RUNS" --style none \
            --export-csv "$work/run.csv" "$*" >/dev/null 2>>"$work/warnings"
        # command,mean,stddev,median,user,system,min,max
        awk -F, 'NR == 2 { print $2, $3, $5, $6 }' "$work/run.csv"
    else
        : >"$work/times"
        "$@" >/dev/null 2>&1 # warm the cache
        for _ in $(seq "$RUNS"); do
            { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1; } 2>>"$work/times"
        done
        awk '{ r += $1; rr += $1 * $1; u += $2; s += $3; n++ }
             END { m = r / n; v = rr / n - m * m; if (v < 0) v = 0;
                   print m, sqrt(v), u / n, s / n }' "$work/times"
    fi
}

echo "| Input | Size | Threads | Wall time | CPU time (user + sys) | Throughput | Per CPU second |"
echo "|---|---|---|---|---|---|---|"
for input in folder file; do
    if [ "$input" = folder ]; then
        path=$work/folder bytes=$folder_bytes
        what="folder of $STORIES stories"
    else
        path=$work/one.txt bytes=$file_bytes
        what="one draft"
    fi
    for threads in $THREADS; do
        read -r mean stddev user system < <(time_runs "$bin" check --format jsonl \
            --fail-on never --quiet --threads "$threads" "$path")
        awk -v what="$what" -v bytes="$bytes" -v t="$threads" -v m="$mean" \
            -v sd="$stddev" -v u="$user" -v s="$system" 'BEGIN {
                printf "| %s | %.2f MB | %d | %.0f ms ± %.0f | %.0f ms + %.0f ms | %.1f MB/s | %.1f MB |\n",
                    what, bytes / 1e6, t, m * 1000, sd * 1000, u * 1000, s * 1000,
                    bytes / m / 1e6, bytes / (u + s) / 1e6
            }'
    done
done
echo
if [ -s "$work/warnings" ]; then
    echo "hyperfine saw statistical outliers: the machine was busy; trust CPU time over wall time."
fi
echo "$(nproc) cores, $(uname -sm); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?');" \
    "$RUNS runs each, $(command -v hyperfine >/dev/null && hyperfine --version || echo "bash time")"
