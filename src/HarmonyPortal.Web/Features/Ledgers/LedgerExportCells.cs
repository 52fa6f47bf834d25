using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Spreadsheets;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// A ledger row's official columns as exported cells, the one place that decides who sees an ID number: the
/// owning region's own users see it in full, every region above sees the masked copy. Shared by the ledger
/// export and the year-end summary so the two can never disagree.
/// </summary>
public static class LedgerExportCells
{
    /// <summary>
    /// Appends the row's fields in the official order to <paramref name="cells"/>. References (a mediator's
    /// organisation) must already be loaded.
    /// </summary>
    public static void Add(List<CellValue> cells, ILedgerDefinition definition, LedgerRow row, int viewerRegionId, PersonalDataProtector protector)
    {
        var own = row.RegionId == viewerRegionId;
        if (own && row is PersonRow person)
        {
            protector.Unseal(person);
        }

        foreach (var field in definition.Fields)
        {
            cells.Add(field.Kind == FieldKind.IdNumber && !own
                ? CellValue.Text(((PersonRow)row).IdNumberMasked)
                : LedgerSheetLayout.Cell(field, field.Get(row)));
        }
    }
}
