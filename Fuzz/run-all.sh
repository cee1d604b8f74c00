#!/usr/bin/env bash
# Builds the four fuzz targets and runs each for SECONDS seconds, one after another (the
# machine has two cores shared with others). Prints one summary line per target.
#
#   Fuzz/run-all.sh SECONDS
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: $0 SECONDS}
targets=(FuzzExpression FuzzPack FuzzJSON FuzzEngine)

echo "== building all targets" >&2
if ! swift build -c release --scratch-path .build-fuzz --disable-dead-strip \
        --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address >.build-fuzz.log 2>&1; then
    grep -E "error:" .build-fuzz.log | head -20 >&2
    echo "build failed; full log in Fuzz/.build-fuzz.log" >&2
    exit 2
fi
failed=0
summary=()
for target in "${targets[@]}"; do
    line=$(FUZZ_NO_BUILD=1 ./run.sh "$target" "$seconds") || failed=1
    summary+=("$line")
done
echo
printf '%s\n' "${summary[@]}"
exit $failed
