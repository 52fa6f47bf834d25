using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Regions;

/// <summary>
/// Which sheets of two merging regions are of one kind (a region has one sheet per honour, year and batch): the same
/// gold category — or the same office-defined honour, by its task id (ADR 0026) — in the same year and batch.
/// </summary>
public static class MergeSheetKinds
{
    public static bool Same(NominationSheet a, NominationSheet b) =>
        a.Category == b.Category && a.HonourTaskId == b.HonourTaskId && a.Year == b.Year && a.Batch == b.Batch;

    /// <summary>The sheet's honour in a conflict message: the category's ledger's nominations, or the office-defined honour's task id.</summary>
    public static string Text(NominationSheet sheet) => OfficeHonour.Is(sheet.HonourTaskId)
        ? $"自定义称号“{sheet.HonourTaskId}”的推荐"
        : LedgerCatalog.Find(TaskKinds.LedgerOf(sheet.Category))?.Title is { } title ? title + "的推荐" : sheet.Category.ToString();
}
