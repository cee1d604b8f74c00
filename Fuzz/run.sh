#!/usr/bin/env bash
# Builds one libFuzzer target and runs it for SECONDS seconds (see docs/Fuzzing.md).
#
#   Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#
# TARGET is FuzzExpression, FuzzPack, FuzzJSON or FuzzEngine. New inputs go to
# Fuzz/artifacts/TARGET/corpus (the committed seeds in Fuzz/Corpus/TARGET are only read);
# crashes, timeouts, leaks and OOMs go to Fuzz/artifacts/TARGET/, the log to
# Fuzz/artifacts/TARGET/fuzz.log. FUZZ_NO_BUILD=1 skips the build (run-all.sh builds once).
# Exits 0 when nothing was found, 1 when the fuzzer stopped on a finding, 2 on misuse.
set -uo pipefail
cd "$(dirname "$0")"

target=${1:-}
seconds=${2:-}
if [[ -z $target || -z $seconds ]] || ! [[ $seconds =~ ^[0-9]+$ ]]; then
    echo "usage: $0 FuzzExpression|FuzzPack|FuzzJSON|FuzzEngine SECONDS [libFuzzer flags...]" >&2
    exit 2
fi
shift 2
case $target in
    FuzzExpression) max_len=1024;  dict=Dictionaries/expression.dict ;;
    FuzzPack)       max_len=12288; dict=Dictionaries/pack.dict ;;
    FuzzJSON)       max_len=4096;  dict=Dictionaries/json.dict ;;
    FuzzEngine)     max_len=4096;  dict=Dictionaries/json.dict ;;
    *) echo "unknown target '$target'" >&2; exit 2 ;;
esac

scratch=.build-fuzz
if [[ ${FUZZ_NO_BUILD:-0} != 1 ]]; then
    echo "== building $target" >&2
    if ! swift build -c release --scratch-path "$scratch" --disable-dead-strip --product "$target" \
            --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address >"$scratch.log" 2>&1; then
        grep -E "error:" "$scratch.log" | head -20 >&2
        echo "build failed; full log in Fuzz/$scratch.log" >&2
        exit 2
    fi
fi
binary=$scratch/release/$target
[[ -x $binary ]] || binary=$(ls "$scratch"/*/release/"$target" 2>/dev/null | head -1)
if [[ ! -x $binary ]]; then echo "no binary for $target in Fuzz/$scratch: build it first" >&2; exit 2; fi

artifacts=artifacts/$target
mkdir -p "$artifacts/corpus"
log=$artifacts/fuzz.log
echo "== fuzzing $target for ${seconds}s (max_len $max_len)" >&2
# Swift's runtime and lazily built globals (the function table) hold memory through tagged
# pointers LeakSanitizer cannot follow, so the at-exit check only reports those; libFuzzer's
# own per-input leak check (on by default) still catches memory that leaks per input.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:leak_check_at_exit=0:allocator_may_return_null=1} \
"$binary" "$artifacts/corpus" "Corpus/$target" \
    -dict="$dict" -max_len="$max_len" -timeout=5 -rss_limit_mb=2048 -max_total_time="$seconds" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 -reload=0 "$@" >"$log" 2>&1
status=$?

grep -q "Loaded 1 modules" "$log" || echo "warning: the log does not say 'Loaded 1 modules': is the binary instrumented?" >&2
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
found=$(grep -oE '(crash|timeout|leak|oom|slow-unit)-[0-9a-f]+' "$log" | grep -v slow-unit | sort -u | tr '\n' ' ')
if [[ $status -eq 0 ]]; then
    verdict="no crash"
else
    verdict="FOUND (exit $status): ${found:-see $log}"
fi
printf '%-15s executions %-10s exec/s %-7s %-22s %s\n' "$target" "${executions:-?}" "${speed:-?}" "${coverage:-}" "$verdict"
[[ $status -eq 0 ]]
