#!/usr/bin/env bash
# Installs what is missing, configures and builds clausecheck.
#   scripts/build.sh [release|ci|asan]     (default: release)
# release: optimised build in build/release; ci: warnings as errors, tests and
# benchmarks, in build/ci; asan: the tests built with clang 14, AddressSanitizer
# and UndefinedBehaviorSanitizer, in build/asan (docs/robustness.md).
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-release}"

bash scripts/setup.sh

# ccache, where installed, makes rebuilds in fresh build directories cheap
# (it is optional: setup.sh does not install it).
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi

case "$kind" in
  release)
    cmake -S . -B build/release -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=Release \
      -DCLAUSECHECK_BUILD_TESTS=OFF -DCLAUSECHECK_BUILD_BENCH=OFF >/dev/null
    cmake --build build/release
    ;;
  ci)
    cmake -S . -B build/ci -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCLAUSECHECK_WERROR=ON >/dev/null
    cmake --build build/ci
    ;;
  asan)
    cmake -S . -B build/asan -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++-14 -DCLAUSECHECK_SANITIZE=ON \
      -DCLAUSECHECK_BUILD_BENCH=OFF >/dev/null
    cmake --build build/asan
    ;;
  *)
    echo "usage: scripts/build.sh [release|ci|asan]" >&2
    exit 2
    ;;
esac
