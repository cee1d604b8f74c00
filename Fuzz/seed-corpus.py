#!/usr/bin/env python3
"""Regenerates the seed corpora in Fuzz/Corpus/ from the repository's own material.

FuzzExpression: the `expr` of every 2nd case of Tests/RuleLanguageTests/Fixtures/cel-cases.jsonl
  (deduplicated) plus the expressions (`let`/`when`/`award` right-hand sides) of rules/*.rules.
FuzzPack: rules/*.rules, whole.
FuzzJSON: every line of samples/*/*/events.jsonl plus 200 lines of
  `gen-stream --events 200 --bad-rate 0.2` (deduplicated).
FuzzEngine: the same lines, in groups of 1 to 4 consecutive lines per file.
Files are named by the SHA-1 of their content, as libFuzzer names its own.
"""
import glob, hashlib, json, os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(root, "Fuzz", "Corpus")

def write(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

# Expressions.
seen = set()
with open(os.path.join(root, "Tests/RuleLanguageTests/Fixtures/cel-cases.jsonl"), encoding="utf-8") as f:
    for number, line in enumerate(f):
        expr = json.loads(line)["expr"]
        if number % 2 == 0 and expr not in seen and len(expr) < 2000:
            seen.add(expr)
            write("FuzzExpression", expr)
packs = sorted(glob.glob(os.path.join(root, "rules", "*.rules")))
for path in packs:
    text = open(path, encoding="utf-8").read()
    write("FuzzPack", text)
    for m in re.finditer(r"^\s*(?:let \S+ =|param \S+ =|rule .* when|  award|  when)\s*(.+?)\s*(?:#.*)?$", text, re.M):
        expr = m.group(1)
        if expr not in seen:
            seen.add(expr)
            write("FuzzExpression", expr)

# Event lines.
lines = []
for path in sorted(glob.glob(os.path.join(root, "samples", "*", "*", "events.jsonl"))):
    lines += open(path, "rb").read().split(b"\n")
tool = os.path.join(root, "..", "shared", "tools", "gen-stream")
if not os.path.exists(tool):
    tool = "/work/shared/tools/gen-stream"
generated = subprocess.run([sys.executable, tool, "--events", "200", "--bad-rate", "0.2"], capture_output=True, check=True).stdout
lines += generated.split(b"\n")
lines = [l for l in lines if l.strip()]
unique = list(dict.fromkeys(lines))
for line in unique:
    write("FuzzJSON", line)
i = 0
group = 1
while i < len(lines):
    write("FuzzEngine", b"\n".join(lines[i:i + group]))
    i += group
    group = group % 4 + 1
