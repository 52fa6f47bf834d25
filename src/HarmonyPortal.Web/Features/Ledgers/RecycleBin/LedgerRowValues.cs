using System.Text.Json;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Web.Features.Ledgers.RecycleBin;

/// <summary>
/// A row's stored column values as JSON and back, through the model's own metadata: what the recycle bin keeps and
/// restores. Values are the database's (an ID number stays encrypted, as in the ledger's table).
/// </summary>
public static class LedgerRowValues
{
    public static string Capture(HarmonyDbContext db, LedgerRow row)
    {
        var values = db.Entry(row).Properties
            .Where(p => p.Metadata.PropertyInfo is not null)
            .ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
        return JsonSerializer.Serialize(values);
    }

    /// <summary>A new, untracked row of the ledger holding the captured values (its id included).</summary>
    public static LedgerRow Rebuild(HarmonyDbContext db, ILedgerDefinition definition, string json)
    {
        var row = definition.NewRow();
        var entity = db.Model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType().Name} is not mapped.");
        using var document = JsonDocument.Parse(json);
        foreach (var property in entity.GetProperties())
        {
            if (property.PropertyInfo is { } info && document.RootElement.TryGetProperty(property.Name, out var value))
            {
                info.SetValue(row, value.Deserialize(property.ClrType));
            }
        }

        return row;
    }
}
