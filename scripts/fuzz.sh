#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) in build/fuzz with clang 14, ASan and
# UBSan, assembles their seed corpora, and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 60 s, every target)
#
# Environment: FUZZ_JOBS (targets run at once, default 2), FUZZ_RSS_MB (memory
# limit per target, default 2560), FUZZ_TIMEOUT (seconds one input may take,
# default 30).
#
# Fails (exit 1) when any target crashes, leaks, times out on an input or
# runs out of memory; the input is kept in build/fuzz/artifacts/ and the log
# in build/fuzz/logs/. Inputs found to add coverage accumulate in
# build/fuzz/corpus/TARGET across runs. Prints, per target, the executions
# and the coverage reached (libFuzzer's cov: edges and ft: features).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
seconds="${1:-60}"
shift || true
all_targets=(fuzz_parse fuzz_zip fuzz_docx fuzz_docx_part fuzz_odt fuzz_xml fuzz_html
             fuzz_text fuzz_ruleset fuzz_numbers fuzz_extract fuzz_review fuzz_literals)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
jobs="${FUZZ_JOBS:-2}"
rss_mb="${FUZZ_RSS_MB:-2560}"
timeout_s="${FUZZ_TIMEOUT:-30}"

bash scripts/setup.sh
out=build/fuzz
cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-14 -DCLAUSECHECK_FUZZ=ON \
  -DCLAUSECHECK_BUILD_TESTS=OFF -DCLAUSECHECK_BUILD_BENCH=OFF >/dev/null
cmake --build "$out" --target "${targets[@]}"

# Seed corpora, rebuilt on every run from what the repository holds.
seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$out/corpus" "$out/logs" "$out/artifacts"
dev=../shared/data/docx-dev/files
seed() {  # seed TARGET FILE...: copies the files (at most 2 MB each) into TARGET's seeds
  local t="$1"
  shift
  mkdir -p "$seeds/$t"
  for f in "$@"; do
    if [ -f "$f" ] && [ "$(stat -c %s "$f")" -le $((2 << 20)) ]; then
      cp "$f" "$seeds/$t/$(echo "$f" | tr '/' '_')"
    fi
  done
}
shopt -s nullglob
docx=(corpus/contracts/*.docx corpus/malformed/*.docx tests/cli/fixtures/*/*.docx "$dev"/*.docx)
odt=(fuzz/seeds/odt/*.odt tests/parsers/fixtures/odt/*.odt)
xml=(corpus/contracts/*.xml corpus/malformed/*.xml tests/parsers/fixtures/xml/*.xml)
html=(corpus/contracts/*.html tests/parsers/fixtures/xml/*.html)
txt=(corpus/contracts/*.txt corpus/malformed/*.txt)
yaml=(rulesets/default/*.yaml corpus/mappings/*.yaml tests/parsers/fixtures/xml/*.yaml)
seed fuzz_parse corpus/contracts/* corpus/malformed/* "${odt[@]}" "${html[@]}" "$dev"/*.docx
seed fuzz_zip "${docx[@]}" "${odt[@]}"
seed fuzz_docx "${docx[@]}"
seed fuzz_odt "${odt[@]}"
seed fuzz_xml "${xml[@]}"
seed fuzz_html "${html[@]}" "${xml[@]}"
seed fuzz_text "${txt[@]}" corpus/malformed/*.bin tests/parsers/fixtures/xml/enc-*.xml
seed fuzz_ruleset "${yaml[@]}"
seed fuzz_review "${txt[@]}"
# Part seeds: the selector byte of fuzz_docx_part, then a part of a real package.
mkdir -p "$seeds/fuzz_docx_part" "$seeds/fuzz_extract" "$seeds/fuzz_numbers" "$seeds/fuzz_literals"
CLAUSECHECK_FUZZ_WRITE_SEEDS="$seeds/fuzz_docx_part" "$out/fuzz/fuzz_docx_part" || true
CLAUSECHECK_FUZZ_WRITE_SEEDS="$seeds/fuzz_literals" "$out/fuzz/fuzz_literals" || true
python3 - "$seeds" "${docx[@]}" <<'PY'
import os, sys, zipfile
seeds, files = sys.argv[1], sys.argv[2:]
parts = ["word/document.xml", "word/numbering.xml", "word/styles.xml", "word/comments.xml",
         "word/footnotes.xml", "word/header1.xml", "word/_rels/document.xml.rels"]
for n, path in enumerate(files):
    try:
        z = zipfile.ZipFile(path)
        names = set(z.namelist())
    except Exception:
        continue
    for sel, part in enumerate(parts):
        if part not in names or z.getinfo(part).file_size > (1 << 20):
            continue
        try:
            data = z.read(part)
        except Exception:
            continue
        with open(f"{seeds}/fuzz_docx_part/{n}-{sel}", "wb") as out:
            out.write(bytes([sel]) + data)
PY
for f in "${txt[@]}"; do
  [ "$(stat -c %s "$f")" -le $((256 << 10)) ] || continue
  printf '\0' | cat - "$f" > "$seeds/fuzz_extract/$(basename "$f")"
done
n=0
while IFS= read -r line; do
  printf '%s' "$line" > "$seeds/fuzz_numbers/$n"
  n=$((n + 1))
done <<'SEEDS'
1,250,000.50
-3.5
叁拾捌万陆仟元整
二〇二六
零点五
一亿零五十万
two million five hundred thousand
One Hundred and Twenty
thirty-five
2026-01-31 1 month
2024-02-29 1 year
2026-03-01 -10 business_day
2026-12-31 52 week
1900-01-01 99999999999 day
2199-12-31 1e300 year
SEEDS

# Runs one target; its log says how it ended.
run() {
  local t="$1"
  local dict=()
  case "$t" in
    fuzz_parse | fuzz_docx | fuzz_docx_part | fuzz_odt | fuzz_xml | fuzz_html | fuzz_zip)
      dict=(-dict="$root/fuzz/xml.dict") ;;
    fuzz_ruleset) dict=(-dict="$root/fuzz/yaml.dict") ;;
  esac
  mkdir -p "$out/corpus/$t" "$seeds/$t"
  "$out/fuzz/$t" -max_total_time="$seconds" -rss_limit_mb="$rss_mb" -timeout="$timeout_s" \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-" "${dict[@]}" \
    "$out/corpus/$t" "$seeds/$t" >"$out/logs/$t.log" 2>&1
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
declare -A status
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  ( set +e; run "$t"; echo $? >"$out/logs/$t.rc" ) &
  running=$((running + 1))
done
wait

failed=0
printf '%-16s %12s %8s %8s %7s  %s\n' target executions cov ft rss_mb result
for t in "${targets[@]}"; do
  log="$out/logs/$t.log"
  rc="$(cat "$out/logs/$t.rc" 2>/dev/null || echo 1)"
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rss="$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)"
  last="$(grep -E '^#[0-9]+.*cov: [0-9]+' "$log" | tail -1 || true)"
  cov="$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')"
  ft="$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')"
  result=ok
  if [ "$rc" != 0 ]; then
    result="FAILED (exit $rc): $(grep -m1 -E 'ERROR: |runtime error|==ERROR' "$log" || echo "see $log")"
    failed=1
  fi
  printf '%-16s %12s %8s %8s %7s  %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${rss:-?}" "$result"
done
exit "$failed"
