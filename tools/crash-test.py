#!/usr/bin/env python3
"""Crash consistency at scale (issue 5): a 200,000-event stream run with --state and
--checkpoint, SIGKILLed at 50 random moments (each restart replays the stream from the
start), must end in the same state as an uninterrupted run, with the same set of decisions
once duplicates are removed. A torn or truncated state file must be refused, never loaded.

usage: tools/crash-test.py [--events N] [--kills K] [--checkpoint N] [--seed S]
Builds the release binary first. Prints the figures it measured; exit 1 on any mismatch.
"""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOYALTY = os.path.join(ROOT, ".build", "release", "loyalty")
RULES = os.path.join(ROOT, "rules", "bench.rules")


def key(decision):
    return (decision.get("event"), decision.get("rule"), decision.get("kind"), decision.get("member"),
            decision.get("account"), decision.get("lot"))


def decisions(path):
    """Whole decision lines of a file; a torn last line (killed mid-write) is dropped."""
    lines = set()
    keys = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.endswith("\n"):
                continue
            try:
                decision = json.loads(line)
            except json.JSONDecodeError:
                continue
            lines.add(line)
            keys.add(key(decision))
    return lines, keys


def state_show(state):
    return subprocess.run([LOYALTY, "state", "show", "--state", state], capture_output=True, check=True).stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--checkpoint", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    subprocess.run(["swift", "build", "-c", "release", "--product", "loyalty"], cwd=ROOT, check=True, capture_output=True)
    work = tempfile.mkdtemp(prefix="loyalty-crash-")
    stream = os.path.join(work, "events.jsonl")
    with open(stream, "wb") as out:
        subprocess.run([sys.executable, os.path.join(ROOT, "..", "shared", "tools", "gen-stream"), "--events", str(args.events),
                        "--members", str(max(1000, args.events // 10)), "--days", "500", "--dup-rate", "0.01",
                        "--bad-rate", "0.01", "--seed", str(args.seed)], stdout=out, check=True)

    # The uninterrupted run.
    reference_state = os.path.join(work, "reference.state")
    reference_decisions = os.path.join(work, "reference.jsonl")
    started = time.time()
    with open(stream, "rb") as source, open(reference_decisions, "wb") as sink:
        subprocess.run([LOYALTY, "run", "--rules", RULES, "--state", reference_state], stdin=source, stdout=sink,
                       stderr=subprocess.DEVNULL, check=True)
    duration = time.time() - started

    # Killed again and again; decisions are appended, as a consumer keeping them would.
    state = os.path.join(work, "crash.state")
    crash_decisions = os.path.join(work, "crash.jsonl")
    kills = 0
    with open(crash_decisions, "ab") as sink:
        while kills < args.kills:
            with open(stream, "rb") as source:
                process = subprocess.Popen([LOYALTY, "run", "--rules", RULES, "--state", state, "--checkpoint", str(args.checkpoint)],
                                           stdin=source, stdout=sink, stderr=subprocess.DEVNULL)
                time.sleep(rnd.uniform(0.02, duration * 1.2))
                if process.poll() is None:
                    process.send_signal(signal.SIGKILL)
                    kills += 1
                process.wait()
        with open(stream, "rb") as source:
            subprocess.run([LOYALTY, "run", "--rules", RULES, "--state", state, "--checkpoint", str(args.checkpoint)],
                           stdin=source, stdout=sink, stderr=subprocess.DEVNULL, check=True)

    failures = 0
    same_state = state_show(state) == state_show(reference_state)
    expected_lines, expected_keys = decisions(reference_decisions)
    actual_lines, actual_keys = decisions(crash_decisions)
    print(f"{args.events} events, uninterrupted run {duration:.1f} s; {kills} SIGKILLs survived, checkpoint every {args.checkpoint} lines")
    print(f"final state identical: {same_state}")
    print(f"decisions: {len(expected_keys)} distinct in the uninterrupted run, {len(actual_keys)} after the crashes "
          f"(equal keys: {expected_keys == actual_keys}, equal lines: {expected_lines == actual_lines})")
    failures += (not same_state) + (expected_keys != actual_keys) + (expected_lines != actual_lines)

    verify = subprocess.run([LOYALTY, "state", "verify", "--state", state, "--decisions", reference_decisions, "--events", stream],
                            capture_output=True, text=True)
    print(f"state verify: {verify.stdout.strip().splitlines()[-1]}")
    failures += verify.returncode != 0

    # Damaged state files are refused with a clear message.
    with open(state, "rb") as f:
        good = f.read()
    for name, damaged in [("truncated", good[: len(good) // 2]), ("torn tail", good[:-3]), ("flipped byte", good[:100] + bytes([good[100] ^ 0xFF]) + good[101:]), ("empty", b"")]:
        path = os.path.join(work, f"damaged-{name.replace(' ', '-')}.state")
        with open(path, "wb") as f:
            f.write(damaged)
        result = subprocess.run([LOYALTY, "state", "show", "--state", path], capture_output=True, text=True)
        refused = result.returncode != 0 and "error" in result.stderr
        print(f"{name} state file refused: {refused} ({result.stderr.strip().splitlines()[0] if result.stderr.strip() else 'no message'})")
        failures += not refused
    print("PASS" if failures == 0 else f"FAIL ({failures} checks)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
