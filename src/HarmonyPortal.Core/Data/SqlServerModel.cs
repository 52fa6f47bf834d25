using HarmonyPortal.Core.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// What the model needs on SQL Server only (docs/adr/0013), applied when the context runs on it, so the SQLite and
/// PostgreSQL models and their migrations stay exactly as they were.
/// </summary>
public static class SqlServerModel
{
    /// <summary>
    /// Every text column's collation. SQL Server's usual Chinese default (Chinese_PRC_CI_AS) ignores case and width, so
    /// "ABC" and "abc", or full- and half-width forms, would collide in unique indexes that SQLite and PostgreSQL keep
    /// apart, and search would match differently; and pre-100 collations give rare (supplementary) characters no
    /// weight. This one sorts by pinyin, is case-, accent-, kana- and width-sensitive like the other two providers, and
    /// knows supplementary characters (_SC). Set per column, so it holds whatever the database's default collation is.
    /// </summary>
    public const string Collation = "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC";

    /// <summary>The trigger that keeps a ledger table's <see cref="LedgerRowCount"/> rows (docs/adr/0010).</summary>
    public static string CounterTriggerName(string table) => table + "_LedgerRowCounts";

    /// <summary>
    /// Gives every text column <see cref="Collation"/>, and declares the counter trigger of every ledger table: EF then
    /// saves those tables without a bare OUTPUT clause, which SQL Server refuses on a table with triggers.
    /// </summary>
    internal static void Apply(ModelBuilder builder)
    {
        // Every column stored as text, enumerations kept as their names included.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if ((property.GetValueConverter()?.ProviderClrType ?? property.GetProviderClrType() ?? property.ClrType) == typeof(string))
            {
                property.SetCollation(Collation);
            }
        }

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(LedgerRow).IsAssignableFrom(e.ClrType)).ToList())
        {
            var table = entity.GetTableName()!;
            builder.Entity(entity.ClrType).ToTable(t => t.HasTrigger(CounterTriggerName(table)));
        }
    }
}
