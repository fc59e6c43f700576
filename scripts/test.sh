#!/usr/bin/env bash
# Install what is missing, build with warnings as errors, and run every test:
# unit tests, rule examples (clausecheck rules test), golden reports over
# corpus/, schema validation, CLI tests and the formatting check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh ci
ctest --test-dir build/ci --output-on-failure -j "$(nproc)"
