using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// Every table of the model read back in full and hashed, so a test can show that a run of refused
/// requests changed nothing at all; a difference names the table that changed.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(HarmonyDbContext db, params string[] exceptTables)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetViewName() is null)
            .Select(t => t.GetTableName()!)
            .Where(t => !exceptTables.Contains(t, StringComparer.OrdinalIgnoreCase))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                result[table] = await HashAsync(connection, table);
            }

            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The table an entity type is stored in.</summary>
    public static string TableOf<T>(HarmonyDbContext db) => db.Model.FindEntityType(typeof(T))!.GetTableName()!;

    /// <summary>The fingerprint of one table.</summary>
    public static async Task<string> TableAsync(HarmonyDbContext db, string table)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            return await HashAsync(db.Database.GetDbConnection(), table);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The names of the tables whose content differs between two fingerprints.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k)} -> {after.GetValueOrDefault(k)}").ToList();

    private static async Task<string> HashAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join('\u001f', values));
        }

        rows.Sort(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)));
        return $"{rows.Count} rows {Convert.ToHexString(hash)[..12]}";
    }
}
