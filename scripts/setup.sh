#!/usr/bin/env bash
# Installs the Debian 12 packages clausecheck needs to build, test and benchmark.
# Idempotent: installs only what is missing and does nothing when all is there.
set -euo pipefail

packages=(
  build-essential g++ cmake ninja-build pkg-config git
  libxml2-dev liblzma-dev libpugixml-dev libre2-dev libpoco-dev zlib1g-dev libicu-dev nettle-dev libdeflate-dev
  nlohmann-json3-dev libyaml-cpp-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-jsonschema clang-format
  chromium
  clang-14 libclang-rt-14-dev  # sanitizer build and libFuzzer (docs/robustness.md)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
