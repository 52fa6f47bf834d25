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
    /// <returns>True when the row's ID number went out in full (the owner's own person row), for the audit.</returns>
    public static bool Add(List<CellValue> cells, ILedgerDefinition definition, LedgerRow row, int viewerRegionId, PersonalDataProtector protector)
    {
        var own = row.RegionId == viewerRegionId;
        if (own && row is PersonRow person)
        {
            protector.Unseal(person);
        }

        foreach (var field in definition.Fields)
        {
            cells.Add(own || field.Kind is not (FieldKind.IdNumber or FieldKind.Phone)
                ? LedgerSheetLayout.Cell(field, field.Get(row))
                : CellValue.Text(field.Kind == FieldKind.IdNumber
                    ? ((PersonRow)row).IdNumberMasked
                    : LedgerSnapshot.ForViewer(field, FieldValues.Format(field, field.Get(row)), own)));
        }

        return own && row is PersonRow;
    }
}
