#!/usr/bin/env bash
# Installs exceljs (pinned in package-lock.json) into this folder when it is missing; test.sh runs it, and the tests
# run it themselves on first use. openpyxl and node come from Debian (test.sh installs python3-openpyxl, nodejs, npm).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [[ ! -f node_modules/exceljs/package.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
