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

log() { printf '==> %s\n' "$*"; }

as_root() {
    if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

install_missing() {
    local missing=()
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
    command -v chromium >/dev/null || missing+=(chromium)
    compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null || missing+=(fonts-noto-cjk)
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    /usr/bin/python3 -c 'import openpyxl' 2>/dev/null || missing+=(python3-openpyxl)
    command -v npm >/dev/null || missing+=(nodejs npm)
    if ((${#missing[@]})); then
        log "installing ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    tools/xlsx-readers/setup.sh
    tools/browser-compat/setup.sh
}

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port found" >&2
    return 1
}

PG_DIR=""
PG_BIN=""
pg_run() {
    # PostgreSQL refuses to run as root; use its own system user then.
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
    if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
        pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
    fi
}

start_postgres() {
    PG_BIN=$(dirname "$(ls -1 /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
    PG_DIR=$(mktemp -d /tmp/harmony-pg.XXXXXX)
    [[ $EUID -eq 0 ]] && chown postgres: "$PG_DIR"
    local port
    port=$(free_port)
    log "starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_DIR)"
    pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
        -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
    export HARMONY_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Timeout=30"
}

install_missing
trap stop_postgres EXIT
start_postgres

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
set +e
dotnet test HarmonyPortal.slnx --no-build -c Debug -nologo \
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
