#!/usr/bin/env bash
# The whole test suite: type-check, unit and integration tests, both builds, the Firefox
# add-ons linter, then end-to-end tests in real Chromium and Firefox with the built extension.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/corpus ]; then
  echo "test: ../shared/corpus is missing: the tests read the shared corpus beside this repository" >&2
  exit 1
fi

step() { printf '\n== %s\n' "$*"; }

step "type-check";            npm run typecheck
step "unit and integration";  npm run test:unit
step "build";                 npm run build
step "web-ext lint (Firefox)"; npm run lint:firefox
step "end-to-end (Chromium, Firefox)"; npm run test:e2e
