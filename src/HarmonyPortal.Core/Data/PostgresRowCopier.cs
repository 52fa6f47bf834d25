using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// PostgreSQL's side of <see cref="BulkInsert"/>: the rows sent by binary <c>COPY … FROM STDIN</c> (ADR 0034) instead of
/// multi-row INSERTs of 8,000 parameters, which PostgreSQL parsed and planned per statement and Npgsql encoded per
/// parameter. COPY runs inside the connection's open transaction (all or nothing as before); the statement-level
/// triggers that keep <c>LedgerRowCounts</c> fire for COPY as for INSERT (ADR 0010); identity keys are assigned in the
/// rows' order, as the import's read-back of its new ids expects. Each value is written as the provider value EF would
/// bind, under the column's store type without facets ("character varying", "numeric", "timestamp with time zone").
/// </summary>
internal static class PostgresRowCopier
{
    /// <param name="into">The table and its columns as <see cref="BulkInsert.Into"/> names them for an INSERT.</param>
    public static async Task CopyAsync<TEntity>(NpgsqlConnection connection, string into, RelationalTypeMapping[] mappings,
        IReadOnlyList<TEntity> rows, IClrPropertyGetter[] getters, Func<RelationalTypeMapping, object?, object> providerValue,
        CancellationToken ct)
        where TEntity : class
    {
        var types = mappings.Select(m => m.StoreTypeNameBase).ToArray();
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {into} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            for (var c = 0; c < mappings.Length; c++)
            {
                var value = providerValue(mappings[c], getters[c].GetClrValueUsingContainingEntity(row));
                if (value is DBNull)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(value, types[c], ct);
                }
            }
        }

        await copy.CompleteAsync(ct);
    }
}
