#!/usr/bin/env bash
# The stream benchmark of issue 3: 1,000,000 generated events (100,000 members over 500
# days, so points also expire) through `loyalty run --rules rules/bench.rules`, stdin to
# stdout. Prints events/s, MB/s and peak memory.
#
#   tools/bench.sh [EVENTS] [MEMBERS] [DAYS]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
members=${2:-100000}
days=${3:-500}
stream=${BENCH_STREAM:-/tmp/loyalty-bench-$events-$members-$days.jsonl}

swift build -c release --product loyalty >/dev/null
if [ ! -s "$stream" ]; then
  echo "generating $stream ..." >&2
  python3 ../shared/tools/gen-stream --events "$events" --members "$members" --days "$days" > "$stream"
fi
bytes=$(stat -c %s "$stream")
lines=$(wc -l < "$stream")

measure() {
  # GNU time reports the peak resident set size; the summary line gives the engine's own timing.
  /usr/bin/time -f '%e %M' -o /tmp/loyalty-bench.time \
    .build/release/loyalty run --rules rules/bench.rules < "$stream" > /tmp/loyalty-bench.decisions 2> /tmp/loyalty-bench.stderr
  read -r seconds peak_kb < /tmp/loyalty-bench.time
  python3 - "$seconds" "$peak_kb" "$lines" "$bytes" <<'PY'
import sys
seconds, peak_kb, lines, size = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"{lines} events, {size/1e6:.1f} MB in {seconds:.2f} s: {lines/seconds:,.0f} events/s, {size/1e6/seconds:.1f} MB/s, peak memory {peak_kb/1024:.0f} MiB")
PY
}
echo "machine: $(nproc) cores, $(uname -m)"
for run in 1 2 3; do measure; done
echo "decisions: $(wc -l < /tmp/loyalty-bench.decisions) lines; summary: $(tail -1 /tmp/loyalty-bench.stderr)"
