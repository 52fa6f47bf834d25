#!/usr/bin/env bash
# The heavy reliability runs of issue 8 (load, kill -9 during an import, PostgreSQL restart under load,
# two instances behind nginx), against the portal published in Release and run as separate processes
# (Production environment, own data folders under $HARMONY_REL_WORK, ports 57000-57099):
#   1. installs postgresql and nginx through apt when missing;
#   2. starts a throwaway PostgreSQL cluster on 127.0.0.1:$HARMONY_REL_PG_PORT (default 55014),
#      unless HARMONY_REL_PG names a running server (then HARMONY_REL_PG_DATA is its data folder, for the restart);
#   3. publishes the portal and builds tools/HarmonyPortal.Reliability;
#   4. runs the scenarios and prints the figures; they are also written to $HARMONY_REL_WORK/results
#      (reliability.json, reliability.md: the table docs/reliability.md quotes).
# Arguments go to the driver, e.g. --scenarios load,import-kill --providers Sqlite --clerks 64 --seconds 60.
# Takes 15-30 minutes on two cores. Needs root or sudo for apt the first time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)
WORK=${HARMONY_REL_WORK:-/tmp/harmony-rel}
PG_PORT=${HARMONY_REL_PG_PORT:-55014}

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

hp_install_missing postgresql nginx
mkdir -p "$WORK"
OWN_PG=""
if [[ -z "${HARMONY_REL_PG:-}" ]]; then
    OWN_PG="$WORK/pg"
    rm -rf "$OWN_PG"
    hp_pg_start "$OWN_PG" "$PG_PORT" -c max_connections=300
    HARMONY_REL_PG=$HP_PG_CONNECTION
    HARMONY_REL_PG_DATA="$OWN_PG/data"
fi
PG_BIN=$(dirname "$(ls -1 /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

stop_postgres() {
    if [[ -n "$OWN_PG" ]]; then
        hp_pg_stop
        rm -rf "$OWN_PG"
    fi
}
trap stop_postgres EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "publishing the portal (Release) to $WORK/published"
rm -rf "$WORK/published"
dotnet publish src/HarmonyPortal.Web -c Release -o "$WORK/published" -nologo -v quiet
log "building the driver"
dotnet build tools/HarmonyPortal.Reliability -c Release -nologo -v quiet -o "$WORK/driver"

restart=""  # without the data folder of the server, pg-restart reports that it cannot run
if [[ -n "${HARMONY_REL_PG_DATA:-}" ]]; then
    if [[ $EUID -eq 0 ]]; then
        restart="runuser -u postgres -- $PG_BIN/pg_ctl -D $HARMONY_REL_PG_DATA -l $(dirname "$HARMONY_REL_PG_DATA")/server.log -m fast -w -t 60 restart"
    else
        restart="$PG_BIN/pg_ctl -D $HARMONY_REL_PG_DATA -l $(dirname "$HARMONY_REL_PG_DATA")/server.log -m fast -w -t 60 restart"
    fi
fi

log "running the scenarios"
set +e
dotnet "$WORK/driver/HarmonyPortal.Reliability.dll" \
    --published "$WORK/published" --work "$WORK/work" --out "$WORK/results" \
    --pg "$HARMONY_REL_PG" --pg-restart "$restart" \
    --machine "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')" \
    "$@"
status=$?
set -e
log "figures: $WORK/results/reliability.md"
cat "$WORK/results/reliability.md"
exit $status
