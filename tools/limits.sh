#!/usr/bin/env bash
# Limits under load (issue 5): hostile inputs end in clear errors and the stream goes on.
#
#   tools/limits.sh [MEGABYTES]     (default 1024: a 1 GB stream with 10% bad lines)
#
# Checks: bounded memory on a large stream with 10% bad lines; a 10 MB line; a 100,000-deep
# array; a 100,000-term expression in a pack and in `eval`; a pathological regex on a long
# text; a regex too large to compile. Prints what happened and the peak memory of each run.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-1024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product loyalty >/dev/null
loyalty=.build/release/loyalty
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

peak() {  # peak RSS in MiB of a command: peak IN OUT ERR COMMAND...
  local in=$1 out=$2 err=$3; shift 3
  /usr/bin/time -f '%M' -o "$work/time" "$@" < "$in" > "$out" 2> "$err" || true
  echo $(( $(tail -1 "$work/time") / 1024 ))
}

echo "== a ${megabytes} MB stream with 10% bad lines"
events=$(( megabytes * 1000000 / 385 ))  # gen-stream lines average ~385 bytes at this scale
python3 ../shared/tools/gen-stream --events "$events" --members 100000 --days 500 --bad-rate 0.1 > "$work/big.jsonl"
size=$(stat -c %s "$work/big.jsonl")
mib=$(peak "$work/big.jsonl" /dev/null "$work/big.err" "$loyalty" run --rules rules/bench.rules)
summary() { tail -1 "$1" | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(s["rejected"], "rejected of", s["events"], "read,", s["applied"], "applied,", s["members"], "members")'; }
echo "     $((size / 1000000)) MB: $(summary "$work/big.err"); peak memory ${mib} MiB"
# Memory holds the state (members, live lots, the ids seen, the purchases a refund may name),
# which grows with the events applied, never with the input read: the same stream without
# its bad lines must need as much memory, give or take allocator noise.
python3 - "$work/big.err" "$work/big.jsonl" "$work/good.jsonl" <<'PY'
import json, sys
bad = {json.loads(l)["line"] for l in open(sys.argv[1], encoding="utf-8") if l.startswith('{"line"')}
with open(sys.argv[2], "rb") as src, open(sys.argv[3], "wb") as dst:
    for number, line in enumerate(src, 1):
        if number not in bad: dst.write(line)
PY
rm "$work/big.jsonl"
good_mib=$(peak "$work/good.jsonl" /dev/null "$work/good.err" "$loyalty" run --rules rules/bench.rules)
echo "     without its bad lines: $(summary "$work/good.err"); peak memory ${good_mib} MiB"
check "the bad lines cost no memory (within 5% + 16 MiB)" "[ $mib -le $(( good_mib * 105 / 100 + 16 )) ]"
check "no good line was lost to its bad neighbours" "[ \"$(summary "$work/big.err" | cut -d' ' -f6)\" = \"$(summary "$work/good.err" | cut -d' ' -f6)\" ]"
rm "$work/good.jsonl"

echo "== a 10 MB line between two good ones"
{ echo '{"id":"a","type":"join","member":"m","at":"2026-01-01T10:00:00+08:00"}'
  python3 -c 'print("{\"id\":\"big\",\"type\":\"purchase\",\"member\":\"m\",\"at\":\"2026-01-01T10:00:00+08:00\",\"note\":\"" + "x" * 10_000_000 + "\"}")'
  echo '{"id":"b","type":"interaction","member":"m","at":"2026-01-01T11:00:00+08:00","action":"checkin"}'; } > "$work/long.jsonl"
mib=$(peak "$work/long.jsonl" "$work/long.out" "$work/long.err" "$loyalty" run --rules rules/bench.rules --rejects "$work/long.rejects")
check "line-too-long reported" "grep -q '\"line\":2,\"code\":\"line-too-long\"' $work/long.err"
check "the next line is still applied" "grep -q '\"event\":\"b\"' $work/long.out"
echo "     peak memory ${mib} MiB"

echo "== a 100,000-deep array"
{ python3 -c 'print("[" * 100000 + "]" * 100000)'
  echo '{"id":"c","type":"interaction","member":"m","at":"2026-01-01T11:00:00+08:00","action":"checkin"}'; } > "$work/deep.jsonl"
"$loyalty" run --rules rules/bench.rules < "$work/deep.jsonl" > "$work/deep.out" 2> "$work/deep.err"
check "too-deep reported" "grep -q '\"code\":\"too-deep\"' $work/deep.err"
check "the next line is still applied" "grep -q '\"event\":\"c\"' $work/deep.out"

echo "== a 100,000-term expression"
python3 -c 'print("pack huge\nrule r on purchase when " + " + ".join(["1"] * 100000) + " > 0\n  award 1 points")' > "$work/huge.rules"
set +e
"$loyalty" check --rules "$work/huge.rules" > /dev/null 2> "$work/huge.err"; status=$?
"$loyalty" eval "$(python3 -c 'print(" + ".join(["1"] * 100000))')" > /dev/null 2> "$work/huge-eval.err"; eval_status=$?
set -e
check "check refuses it with a clear message (exit 1)" "[ $status -eq 1 ] && grep -q 'too long' $work/huge.err"
check "eval refuses it with a clear message" "[ $eval_status -ne 0 ] && grep -q 'too long' $work/huge-eval.err"

echo "== a pathological regex on a long text, and one too large to compile"
cat > "$work/regex.rules" <<'RULES'
pack regex
rule r on interaction when has(event.note) && event.note.matches("(a+)+b")
  award 1 points
RULES
{ python3 -c 'print("{\"id\":\"r1\",\"type\":\"interaction\",\"member\":\"m\",\"at\":\"2026-01-01T10:00:00+08:00\",\"action\":\"share\",\"note\":\"" + "a" * 500000 + "\"}")'
  echo '{"id":"r2","type":"interaction","member":"m","at":"2026-01-01T10:00:01+08:00","action":"share","note":"aab"}'; } > "$work/regex.jsonl"
start=$(date +%s.%N)
"$loyalty" run --rules "$work/regex.rules" < "$work/regex.jsonl" > "$work/regex.out" 2>/dev/null
elapsed=$(python3 -c "print(round($(date +%s.%N) - $start, 2))")
check "(a+)+b on 500,000 a's takes ${elapsed} s (linear time) and the next event matches" "grep -q '\"event\":\"r2\"' $work/regex.out && python3 -c 'import sys; sys.exit(0 if $elapsed < 5 else 1)'"
printf 'pack regex2\nrule r on interaction when event.action.matches("(((a{1000}){1000}){1000})")\n  award 1 points\n' > "$work/regex2.rules"
set +e; "$loyalty" check --rules "$work/regex2.rules" > /dev/null 2> "$work/regex2.err"; set -e
check "an oversized regex is refused at check time" "grep -qi 'too large\|regular expression' $work/regex2.err"

exit $fail
