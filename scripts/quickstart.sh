#!/usr/bin/env bash
# Quick start: install what is missing, build (Release), and review the bundled
# sample contracts with the embedded default ruleset. Prints the console
# summary and writes one JSON report per contract under out/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release
rm -rf out/reports
build/release/cli/clausecheck review corpus/contracts --xml-map-dir corpus/mappings --output-dir out/reports
echo "JSON reports: $(find out/reports -name '*.json' | wc -l) files under out/reports/"
