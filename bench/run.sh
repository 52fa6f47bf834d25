#!/usr/bin/env bash
# Runs every benchmark of issue 7 and writes bench/results.json and docs/benchmarks.md:
#   1. installs what is missing (wrk, postgresql, chromium, fonts-noto-cjk) through apt;
#   2. starts a throwaway PostgreSQL cluster on a free loopback port (as test.sh does);
#   3. builds the benchmarks and publishes the portal (Release);
#   4. runs the xlsx, import and login benchmarks, then for SQLite and PostgreSQL generates the national data set
#      and runs the ledger list (wrk), dashboard and published-list PDF benchmarks against the published portal;
#   5. renders the figures; stops the cluster and removes the work folder, whatever happened.
# A command that fails (or does not exist yet) is reported and the others still run; the exit status is then 1.
#
#   bench/run.sh            full scale (1,000,000 ledger rows, wrk 30 s, the dashboard after 30 s of views, the inbox
#                           beside plaintext); writes bench/results.json, docs/benchmarks.md
#   bench/run.sh --quick    the same pipeline at small scale (20,000 rows, a 300-row PDF, 5 s wrk runs, 2 s of
#                           logins, 50,000 ciphers, no rows-only insert floor; under 5 minutes); writes under
#                           artifacts/bench-quick/
#   --keep                  keep the work folder (databases, portal logs) for inspection
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

QUICK=0
KEEP=0
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=1 ;;
        --keep) KEEP=1 ;;
        *) echo "usage: $0 [--quick] [--keep]" >&2; exit 2 ;;
    esac
done

if ((QUICK)); then
    ROWS=20000 HOT_ROWS=11000 PUBLISHED=300 RUNS=3 DURATION=5 XLSX_ROWS=100000 IMPORT_ROWS=10000 MODE=quick
    PAGE_RUNS=10 LOGIN_SECONDS=2 CIPHER_NUMBERS=50000 IMPORT_EXTRA=(--no-insert-rows) WARM_SECONDS=3 LIST_EXTRA=(--rounds 1)
    RESULTS="$ROOT/artifacts/bench-quick/results.json" REPORT="$ROOT/artifacts/bench-quick/benchmarks.md"
else
    ROWS=1000000 HOT_ROWS=550000 PUBLISHED=3000 RUNS=5 DURATION=30 XLSX_ROWS=1000000 IMPORT_ROWS=100000 MODE=full
    PAGE_RUNS=40 LOGIN_SECONDS=10 CIPHER_NUMBERS=200000 IMPORT_EXTRA=() WARM_SECONDS=30 LIST_EXTRA=(--inbox-floor)
    RESULTS="$ROOT/bench/results.json" REPORT="$ROOT/docs/benchmarks.md"
fi

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

# The benchmarks own ports 56000–56099: the portal takes one, PostgreSQL another.
WORK=$(mktemp -d /tmp/harmony-bench.XXXXXX)
if [[ $EUID -eq 0 ]]; then chown postgres: "$WORK"; fi

cleanup() {
    hp_pg_stop
    if ((KEEP)); then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

STARTED="$(date -u '+%Y-%m-%d %H:%M') UTC"
hp_install_missing wrk postgresql chromium fonts-noto-cjk
PG_PORT=$(hp_free_port 56050 56099)
hp_pg_start "$WORK/pg" "$PG_PORT" $HP_PG_NO_DURABILITY -c max_connections=200
PG_VERSION=$HP_PG_VERSION
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building (Release)"
dotnet build bench/HarmonyPortal.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet publish src/HarmonyPortal.Web -c Release -nologo -v quiet -clp:ErrorsOnly -o "$WORK/portal"

mkdir -p "$(dirname "$RESULTS")"
export HARMONY_BENCH_RESULTS="$WORK/results.json"
BENCH=(dotnet "$ROOT/bench/HarmonyPortal.Bench/bin/Release/net10.0/HarmonyPortal.Bench.dll")
FAILED=()
run() {
    log "$(date -u +%T) bench $*"
    if ! "${BENCH[@]}" "$@" 2>&1 | tee -a "$WORK/bench.log"; then
        echo "!!! FAILED: $*" | tee -a "$WORK/bench.log"
        FAILED+=("$*")
    fi
}

run xlsx --rows "$XLSX_ROWS" --references --spreadcheetah
run import --rows "$IMPORT_ROWS" "${IMPORT_EXTRA[@]}"
run xlsx-read --rows "$IMPORT_ROWS"
run logins --seconds "$LOGIN_SECONDS"
run ciphers --numbers "$CIPHER_NUMBERS"

PORT=$(hp_free_port 56000 56049)
for provider in sqlite postgres; do
    data="$WORK/$provider"
    mkdir -p "$data"
    if [[ $provider == sqlite ]]; then
        target=(--db "$data/harmony.db")
    else
        target=(--connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=harmony_bench;Timeout=30;Command Timeout=600")
    fi
    run generate "${target[@]}" --keys "$data/keys" --rows "$ROWS" --hot-rows "$HOT_ROWS" --published "$PUBLISHED"
    common=("${target[@]}" --portal "$WORK/portal" --data "$data" --port "$PORT")
    run ledger-list-http "${common[@]}" --duration "$DURATION" "${LIST_EXTRA[@]}"
    run dashboard "${common[@]}" --warm-seconds "$WARM_SECONDS"
    run pdf "${common[@]}" --runs "$RUNS"
done

# Issue 21: every page of the browser journeys on the Development demo data (a fresh SQLite database the portal fills).
mkdir -p "$WORK/demo"
run page-times --db "$WORK/demo/harmony.db" --portal "$WORK/portal" --data "$WORK/demo" --port "$PORT" --runs "$PAGE_RUNS"

cp "$HARMONY_BENCH_RESULTS" "$RESULTS" 2>/dev/null || echo "[]" >"$RESULTS"
failed_list=$(IFS=';'; echo "${FAILED[*]:-}")
"${BENCH[@]}" report --results "$RESULTS" --out "$REPORT" --notes bench/benchmarks-notes.md --mode "$MODE" \
    --failed "$failed_list" --postgres "$PG_VERSION" --date "$STARTED"
log "results: $RESULTS; report: $REPORT"
if ((${#FAILED[@]})); then
    log "${#FAILED[@]} command(s) failed: $failed_list"
    exit 1
fi
