#!/usr/bin/env bash
# Installs acorn (pinned in package-lock.json) into this folder when it is missing; test.sh runs it, and OldKernelTests
# runs it itself on first use. node and npm come from Debian (test.sh installs nodejs, npm).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [[ ! -f node_modules/acorn/package.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
