#!/usr/bin/env bash
# Runs every test of HarmonyPortal on a fresh Debian machine:
#   1. installs what the tests need when it is missing (postgresql, chromium, fonts-noto-cjk, poppler-utils, and the
#      independent .xlsx readers: python3-openpyxl, nodejs/npm and exceljs into tools/xlsx-readers; acorn into
#      tools/browser-compat for the old-kernel check);
#   2. starts a throwaway PostgreSQL cluster in a temporary folder on a free loopback port;
#   3. runs `dotnet test` for the whole solution (SQLite and PostgreSQL, browser tests in Chromium);
#   4. stops the cluster and removes it, whatever happened.
# Screenshots and test results are kept under ./artifacts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

hp_install_missing postgresql chromium fonts-noto-cjk poppler-utils python3-openpyxl nodejs npm
tools/xlsx-readers/setup.sh
tools/browser-compat/setup.sh

PG_DIR=$(mktemp -d /tmp/harmony-pg.XXXXXX)
trap 'hp_pg_stop; rm -rf "$PG_DIR"' EXIT
hp_pg_start "$PG_DIR" "$(hp_free_port)" $HP_PG_NO_DURABILITY -c max_connections=200
export HARMONY_TEST_PG="$HP_PG_CONNECTION"

export HARMONY_ARTIFACTS="$ROOT/artifacts"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Each in-process portal (one per test class) watches its configuration and content files. With inotify, every watcher is
# an inotify instance, and Debian allows 128 per user: a run with a few dozen portals alive at once hit that limit
# ("The configured user limit (128) on the number of inotify instances has been reached") and their hosts failed with 500s.
# Polling watchers use no inotify instance; PortalFactory sets the same for runs started without this script.
export DOTNET_USE_POLLING_FILE_WATCHER=true
rm -rf "$HARMONY_ARTIFACTS/test-results"
mkdir -p "$HARMONY_ARTIFACTS"

log "building"
dotnet build HarmonyPortal.slnx -c Debug -nologo -v quiet

log "running tests"
# All four test assemblies start at once (-m:5 counts TestSupport too). With the default, one MSBuild node per core,
# the Web tests (about three quarters of the suite) waited until two smaller assemblies had finished.
set +e
dotnet test HarmonyPortal.slnx --no-build -c Debug -nologo -m:5 \
    --logger "console;verbosity=minimal" --logger "trx" \
    --results-directory "$HARMONY_ARTIFACTS/test-results" "$@" 2>&1 | tee "$HARMONY_ARTIFACTS/test-output.log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test assemblies, in the form CI reads.
passed=$(grep -oE 'Passed: +[0-9]+' "$HARMONY_ARTIFACTS/test-output.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$HARMONY_ARTIFACTS/test-output.log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$HARMONY_ARTIFACTS/test-output.log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ $status -ne 0 || $passed -eq 0 ]]; then
    exit 1
fi
