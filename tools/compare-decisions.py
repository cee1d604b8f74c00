#!/usr/bin/env python3
"""Compare two decision streams (JSON lines) projected onto the fields of PROGRAMS.md section 8.

Usage: compare-decisions.py [--context N] [--max-diffs N] EXPECTED ACTUAL

Each decision keeps only these keys (extra keys such as account, expires, lot, reason and the
order of keys are ignored):
    points: event, member, kind, rule, delta, balance
    tier:   event, member, kind, rule, from, to
    expire: event, member, kind, delta, balance
    other kinds: every key except account, expires, lot, reason
Numbers are compared by their JSON text (5 and 5.0 differ).

The streams are compared as exact ordered sequences.  On a mismatch it prints the first
differing decision (with its line number in each file) and a few lines of context, the
decisions present in only one stream (as multisets), and counts by kind for both; exit 1.
Exit 0 when equal, 2 on usage or unreadable input.
"""
import argparse
import collections
import json
import sys

PROJECTION = {
    "points": ("event", "member", "kind", "rule", "delta", "balance"),
    "tier": ("event", "member", "kind", "rule", "from", "to"),
    "expire": ("event", "member", "kind", "delta", "balance"),
}
IGNORED = {"account", "expires", "lot", "reason", "explain"}


class Num(str):
    """A JSON number kept as its text."""


def canon(v):
    if isinstance(v, Num):
        return str(v)
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canon(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(canon(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def project(obj):
    if not isinstance(obj, dict):
        return canon(obj)
    keys = PROJECTION.get(obj.get("kind"))
    if keys is None:
        keys = [k for k in obj if k not in IGNORED]
    parts = []
    for k in keys:
        parts.append(json.dumps(k) + ":" + (canon(obj[k]) if k in obj else "<missing>"))
    return "{" + ",".join(parts) + "}"


def load(path):
    """[(line number, projected text, kind)] for every non-blank line of the file."""
    out = []
    try:
        f = open(path, "rb")
    except OSError as e:
        sys.exit(f"compare-decisions: {e}")
    with f:
        for n, raw in enumerate(f, 1):
            text = raw.decode("utf-8", "replace").strip()
            if not text:
                continue
            try:
                obj = json.loads(text, parse_float=Num, parse_int=Num)
            except ValueError:
                out.append((n, "<not JSON> " + text, "<not JSON>"))
                continue
            kind = obj.get("kind") if isinstance(obj, dict) else None
            out.append((n, project(obj), str(kind)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("expected")
    ap.add_argument("actual")
    ap.add_argument("--context", type=int, default=3, help="lines of context (default 3)")
    ap.add_argument("--max-diffs", type=int, default=10,
                    help="decisions to list that occur in only one stream (default 10)")
    a = ap.parse_args()
    exp, act = load(a.expected), load(a.actual)
    first = None
    for i in range(min(len(exp), len(act))):
        if exp[i][1] != act[i][1]:
            first = i
            break
    if first is None and len(exp) == len(act):
        print(f"equal: {len(exp)} decisions")
        return 0
    if first is None:
        first = min(len(exp), len(act))
    print(f"MISMATCH at decision #{first + 1}")
    for label, stream, path in (("expected", exp, a.expected), ("actual", act, a.actual)):
        print(f"--- {label}: {path}")
        lo, hi = max(0, first - a.context), min(len(stream), first + a.context + 1)
        for j in range(lo, hi):
            mark = ">" if j == first else " "
            print(f"{mark} {stream[j][0]:>8}: {stream[j][1]}")
        if first >= len(stream):
            print(f">   (end of stream after {len(stream)} decisions)")
    ce = collections.Counter(x[1] for x in exp)
    ca = collections.Counter(x[1] for x in act)
    only_e, only_a = ce - ca, ca - ce
    print(f"--- as multisets: {sum(only_e.values())} decision(s) only in expected, "
          f"{sum(only_a.values())} only in actual")
    for label, only, stream in (("only in expected", only_e, exp), ("only in actual", only_a, act)):
        left, shown = collections.Counter(only), 0
        for n, d, _ in stream:          # in stream order, with line numbers
            if left[d] > 0:
                left[d] -= 1
                if shown == a.max_diffs:
                    print(f"  {label}: ... {sum(only.values()) - shown} more")
                    break
                print(f"  {label}: line {n}: {d}")
                shown += 1
    ke = collections.Counter(x[2] for x in exp)
    ka = collections.Counter(x[2] for x in act)
    print("--- counts by kind (expected / actual)")
    for k in sorted(set(ke) | set(ka)):
        print(f"  {k}: {ke[k]} / {ka[k]}")
    print(f"  total: {len(exp)} / {len(act)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
