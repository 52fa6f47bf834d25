#!/usr/bin/env bash
# Adds an EF Core migration named NAME to every database provider's migrations assembly.
# Usage: tools/add-migration.sh NAME [PROVIDER...]   (see docs/adr/0004-migrations-per-provider.md)
#   PROVIDER is Sqlite, Postgres or SqlServer; without one, all three get the migration (the usual case:
#   a model change needs a migration for every provider, with the same name).
set -euo pipefail

if [[ $# -lt 1 || -z "$1" ]]; then
    echo "usage: $0 NAME [Sqlite|Postgres|SqlServer ...]" >&2
    exit 2
fi
NAME="$1"
shift
PROVIDERS=("$@")
if [[ ${#PROVIDERS[@]} -eq 0 ]]; then
    PROVIDERS=(Sqlite Postgres SqlServer)
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."

dotnet tool restore

for p in "${PROVIDERS[@]}"; do
    case "$p" in
        Sqlite|Postgres|SqlServer) ;;
        *) echo "unknown provider: $p (use Sqlite, Postgres or SqlServer)" >&2; exit 2 ;;
    esac
    echo "==> $p: adding migration $NAME"
    dotnet dotnet-ef migrations add "$NAME" \
        --project "src/HarmonyPortal.Migrations.$p" \
        --startup-project tools/HarmonyPortal.DesignTime \
        --context HarmonyDbContext \
        --output-dir Migrations \
        -- --provider "$p"
done

echo "To drop the new migration before it lands: delete its files and 'git restore' each provider's model snapshot"
echo "(not 'dotnet ef migrations remove': Initial has no target model to restore it from; docs/adr/0035)."
