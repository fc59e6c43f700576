#!/bin/sh
# Ctrl-C in the middle of a batch: exit 130, every JSONL line and every
# --output-dir report (JSON and HTML) complete, no temporary file left behind.
#   sigint_test.sh CLAUSECHECK SOURCE_DIR
set -eu
bin=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# 3000 inputs: a few contracts, each listed many times (workers then also
# race to write the same report file, which the atomic rename must survive).
for f in en-services-msa en-consulting zh-caigou-hetong; do
  cp "$src/corpus/contracts/$f.txt" "$dir/$f.txt"
done
yes "$dir/en-services-msa.txt
$dir/en-consulting.txt
$dir/zh-caigou-hetong.txt" | head -n 3000 >"$dir/list"
"$bin" review -j 2 --format jsonl --output-dir "$dir/out" --files-from "$dir/list" \
  >"$dir/out.jsonl" 2>"$dir/err" &
pid=$!
# Interrupt once the batch is under way (start-up can be slow on a busy machine).
tries=0
while [ ! -s "$dir/out.jsonl" ] && [ $tries -lt 600 ]; do
  sleep 0.1
  tries=$((tries + 1))
done
kill -INT $pid
code=0
wait $pid || code=$?
[ "$code" -eq 130 ] || { echo "exit $code, expected 130"; cat "$dir/err"; exit 1; }
lines=$(wc -l <"$dir/out.jsonl")
[ "$lines" -gt 0 ] && [ "$lines" -lt 3000 ] || { echo "$lines lines"; exit 1; }
python3 - "$dir" <<'PY'
import json, os, sys
d = sys.argv[1]
with open(os.path.join(d, "out.jsonl")) as f:
    for line in f:
        assert line.endswith("\n"), "a half-written line"
        json.loads(line)
for root, _, files in os.walk(os.path.join(d, "out")):
    for name in files:
        # reports, HTML pages and SARIF logs (--output-dir), each complete; no
        # temporary (hidden) file
        assert not name.startswith("."), name
        with open(os.path.join(root, name), encoding="utf-8") as f:
            if name.endswith(".html"):
                assert f.read().endswith("</html>\n"), "a half-written page " + name
            else:
                assert name.endswith((".json", ".sarif")), name
                json.load(f)
PY
grep -q "; interrupted$" "$dir/err" || { cat "$dir/err"; exit 1; }
echo "ok: $lines reports before the interrupt"
