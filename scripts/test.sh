#!/usr/bin/env bash
# Install what is missing, build with warnings as errors, and run every test:
# unit tests, rule examples (clausecheck rules test), golden reports over
# corpus/, schema validation, CLI tests and the formatting check. Then the
# same tests built with ASan and UBSan (build/asan), and every fuzz target for
# a bounded time (scripts/fuzz.sh; docs/robustness.md).
#   CLAUSECHECK_SKIP_SANITIZERS=1  skips the sanitizer build and the fuzzing
#   FUZZ_SECONDS=N                 seconds per fuzz target (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh ci
ctest --test-dir build/ci --output-on-failure -j "$(nproc)"
if [ "${CLAUSECHECK_SKIP_SANITIZERS:-0}" = 1 ]; then
  exit 0
fi
bash scripts/build.sh asan
# clang_format: source text, already checked above.
ctest --test-dir build/asan --output-on-failure -j "$(nproc)" -E '^clang_format$'
bash scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
