using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// Refuses a database whose migration history names migrations this build does not have: one created before the
/// migrations were squashed into Initial (before 0.1.0, docs/adr/0029), or by a newer portal. EF would otherwise try
/// to create every table again on top of the existing ones and fail half-way with "table already exists".
/// </summary>
public static class MigrationHistoryGuard
{
    public static async Task EnsureKnownHistoryAsync(DatabaseFacade database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var known = database.GetMigrations().ToList();
        var unknown = (await database.GetAppliedMigrationsAsync(ct)).Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var first = known.Count == 0 ? null : known[0];
        var older = first is not null && unknown.Exists(id => string.CompareOrdinal(id, first) < 0);
        throw new InvalidOperationException(older
            ? $"The database was migrated with migrations this portal no longer has ({unknown.Count}, first "
              + $"'{unknown[0]}'): before 0.1.0 the migration history was squashed into one migration, '{first}' "
              + "(docs/adr/0029). No release had the old history, so such a database cannot be upgraded: keep a copy "
              + "if you need its data, then recreate it (SQLite: delete the database file; PostgreSQL or SQL Server: "
              + "drop and create the database) and start the portal again."
            : $"The database was migrated by a newer version of the portal (unknown migrations: "
              + $"{string.Join(", ", unknown)}); run that version, or restore a backup taken before it.");
    }
}
