#!/usr/bin/env python3
"""Compares extracted facts with CUAD's answers (issue 5).

Usage: bench/cuad_facts.py [BINARY] [CUAD_DIR]
  defaults: build/cli/clausecheck, ../shared/data/cuad-dev

For each contract, runs `clausecheck dump --facts` and compares:
- Effective Date-Answer with the dates of role "effective" (strict) and with any
  extracted date (found at all);
- Expiration Date-Answer with the dates of role "end" or "expiry";
- Governing Law-Answer with the governing_law values.
Only rows whose answer is a full date (M/D/YYYY) or a place are counted.
"""
import concurrent.futures
import csv
import json
import os
import re
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else "build/cli/clausecheck"
root = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/cuad-dev"
rows = list(csv.DictReader(open(os.path.join(root, "labels.csv"), encoding="utf-8")))


def iso(answer):
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", answer or "")
    return "%s-%02d-%02d" % (m[3], int(m[1]), int(m[2])) if m else None


def facts(row):
    path = os.path.join(root, "txt", row["Filename"])
    out = subprocess.run([binary, "dump", "--facts", path], capture_output=True, text=True)
    return json.loads(out.stdout) if out.returncode == 0 else None


with concurrent.futures.ThreadPoolExecutor(8) as pool:
    results = list(pool.map(facts, rows))

stats = {k: [0, 0] for k in ("effective_role", "effective_start_signing", "effective_any", "expiration_role",
                             "expiration_any", "law")}
failed = 0
for row, f in zip(rows, results):
    if f is None:
        failed += 1
        continue
    dates = f["dates"]
    eff = iso(row["Effective Date-Answer"])
    if eff:
        stats["effective_role"][1] += 1
        stats["effective_any"][1] += 1
        stats["effective_start_signing"][1] += 1
        # CUAD's answer is the agreement date when no separate effective date is named.
        stats["effective_start_signing"][0] += any(
            d["value"] == eff and d["role"] in ("effective", "start", "signing") for d in dates)
        stats["effective_role"][0] += any(d["value"] == eff and d["role"] == "effective"
                                          for d in dates)
        stats["effective_any"][0] += any(d["value"] == eff for d in dates)
    exp = iso(row["Expiration Date-Answer"])
    if exp:
        stats["expiration_role"][1] += 1
        stats["expiration_any"][1] += 1
        stats["expiration_role"][0] += any(d["value"] == exp and d["role"] in ("end", "expiry")
                                           for d in dates)
        stats["expiration_any"][0] += any(d["value"] == exp for d in dates)
    law = (row["Governing Law-Answer"] or "").strip()
    if law and law not in ("[]",):
        stats["law"][1] += 1
        values = [(g["value"] or "").lower() for g in f["governing_law"]]
        # CUAD writes "People's Republic of China", "England; Wales", "Ontario, Canada".
        want = law.lower().replace("people's republic of china", "prc")
        parts = [p.strip() for p in re.split(r";", want) if p.strip()]
        stats["law"][0] += any(v and all(p in v or v in p for p in parts) for v in values)

print("contracts: %d (%d failed to run)" % (len(rows), failed))
for k, (hit, n) in stats.items():
    print("%-24s %3d / %3d = %5.1f%%" % (k, hit, n, 100.0 * hit / n if n else 0))
