#!/usr/bin/env python3
"""Compares decisions per member: a single-process run against the merged outputs of a
partitioned run (SPEC §8). For every member, the sequence of its decisions must be equal.
The one field allowed to differ is `event` of an `expire` decision: a lot lapses before the
first event that reaches its time, and which event that is depends on what the process sees
(a partition does not see other partitions' events); the lot, amount and balance must match.

usage: compare-by-member.py SINGLE.jsonl PART0.jsonl [PART1.jsonl ...]
"""
import json
import sys
from collections import defaultdict


def by_member(paths):
    members = defaultdict(list)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                decision = json.loads(line)
                if decision.get("kind") == "expire":
                    decision.pop("event", None)
                members[decision["member"]].append(decision)
    return members


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    single = by_member([sys.argv[1]])
    merged = by_member(sys.argv[2:])
    problems = 0
    for member in sorted(set(single) | set(merged)):
        a, b = single.get(member, []), merged.get(member, [])
        if a != b:
            problems += 1
            if problems <= 5:
                print(f"member {member}: {len(a)} decisions in the single run, {len(b)} partitioned")
                for i, (x, y) in enumerate(zip(a, b)):
                    if x != y:
                        print(f"  first difference at decision {i + 1}:\n    single:      {json.dumps(x, ensure_ascii=False)}\n    partitioned: {json.dumps(y, ensure_ascii=False)}")
                        break
    total = sum(len(v) for v in single.values())
    print(f"{len(single)} members, {total} decisions in the single run; {problems} members differ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
