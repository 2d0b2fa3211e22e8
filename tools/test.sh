#!/usr/bin/env bash
# The one test command (`npm test`): system packages the tests need, typecheck, lint, then every test.
# Ends with the plain line "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/system-deps.sh
export FORCE_COLOR=0 NO_COLOR=1
npx tsc -p tsconfig.json
npx tsc -p web/tsconfig.json
npx eslint --max-warnings 0 .
npx prettier --check . --log-level warn   # formatting is part of the test (.prettierrc)
npx vite build --logLevel warn   # dist-web/: the dashboard the e2e tests load
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || true)}"
npx vitest run
