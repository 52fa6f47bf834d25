#!/usr/bin/env bash
# Runs the portal on its embedded default: SQLite under src/HarmonyPortal.Web/data, demo data,
# demo logins printed to the console. Open the URL it prints (default http://127.0.0.1:5000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
URLS="${HARMONY_URLS:-http://127.0.0.1:5000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# Offices work on China time: deadlines end at midnight Beijing time and times show as such.
export TZ="${TZ:-Asia/Shanghai}"
exec dotnet run --project src/HarmonyPortal.Web -c Debug --no-launch-profile -- --urls "$URLS"
