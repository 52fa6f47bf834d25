#!/usr/bin/env bash
# Adds an EF Core migration named NAME to every database provider's migrations assembly.
# Usage: tools/add-migration.sh NAME      (see docs/adr/0004-migrations-per-provider.md)
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
    echo "usage: $0 NAME" >&2
    exit 2
fi
NAME="$1"

cd "$(dirname "${BASH_SOURCE[0]}")/.."

dotnet tool restore

for p in Sqlite Postgres; do
    echo "==> $p: adding migration $NAME"
    dotnet dotnet-ef migrations add "$NAME" \
        --project "src/HarmonyPortal.Migrations.$p" \
        --startup-project tools/HarmonyPortal.DesignTime \
        --context HarmonyDbContext \
        --output-dir Migrations \
        -- --provider "$p"
done
