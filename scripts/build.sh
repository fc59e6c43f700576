#!/usr/bin/env bash
# Installs what is missing, configures and builds clausecheck.
#   scripts/build.sh [release|ci]     (default: release)
# release: optimised build in build/release; ci: warnings as errors, tests and
# benchmarks, in build/ci.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-release}"

bash scripts/setup.sh

case "$kind" in
  release)
    cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCLAUSECHECK_BUILD_TESTS=OFF -DCLAUSECHECK_BUILD_BENCH=OFF >/dev/null
    cmake --build build/release
    ;;
  ci)
    cmake -S . -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCLAUSECHECK_WERROR=ON >/dev/null
    cmake --build build/ci
    ;;
  *)
    echo "usage: scripts/build.sh [release|ci]" >&2
    exit 2
    ;;
esac
