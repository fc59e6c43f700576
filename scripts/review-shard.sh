#!/bin/sh
# Reviews shard I of N of a corpus into OUT/shard-I.jsonl (docs/batch.md).
#
#   scripts/review-shard.sh I N CORPUS OUT [clausecheck review options...]
#
# The report file gets its final name only when the shard ran to its end
# (clausecheck exit 0, 1 or 2: error records are part of the output); then the
# script exits 0. Otherwise (interrupted: 130, or a crash) the partial
# OUT/shard-I.jsonl.part is left, the exit code is clausecheck's, and the
# shard is to be run again. CLAUSECHECK names the binary (default: clausecheck).
set -u
if [ $# -lt 4 ]; then
  echo "usage: $0 I N CORPUS OUT [clausecheck review options...]" >&2
  exit 2
fi
i=$1 n=$2 corpus=$3 out=$4
shift 4
mkdir -p "$out"
code=0
"${CLAUSECHECK:-clausecheck}" review "$corpus" --shard "$i/$n" --format jsonl --summary-line "$@" \
  >"$out/shard-$i.jsonl.part" || code=$?
case $code in
  0 | 1 | 2) mv "$out/shard-$i.jsonl.part" "$out/shard-$i.jsonl" ;;
  *) exit "$code" ;;
esac
