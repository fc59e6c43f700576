#!/usr/bin/env bash
# Rewrites corpus/expected/ (*.json, *.html, *.sarif, batch/) from the current build after a deliberate
# change. Review the diff (git diff corpus/expected) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh ci
CLAUSECHECK_UPDATE_GOLDENS=1 build/ci/tests/golden/golden_test
git status --short corpus/expected
