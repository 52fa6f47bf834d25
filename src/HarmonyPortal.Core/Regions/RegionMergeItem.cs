namespace HarmonyPortal.Core.Regions;

/// <summary>What kind of thing a merge moved (<see cref="RegionMergeItem"/>).</summary>
public enum RegionMergeItemKind
{
    /// <summary>The merged-away region itself: present for every merge that records what it moved.</summary>
    Source = 1,
    LedgerRow = 2,
    DeletedLedgerRow = 3,
    Nomination = 4,
    Sheet = 5,
    User = 6,
    Town = 7,
}

/// <summary>
/// One thing a merge moved from its source to its target, with the member unit it had: what an undo moves back,
/// exactly (table RegionMergeItems, issue 17). Kept per merge change (<see cref="RegionChange"/> of kind MergedInto).
/// </summary>
public class RegionMergeItem
{
    public long Id { get; set; }

    /// <summary>The source's MergedInto change.</summary>
    public long ChangeId { get; set; }

    public RegionMergeItemKind Kind { get; set; }

    /// <summary>The ledger's key for ledger rows and recycle-bin entries; empty otherwise.</summary>
    public string Ledger { get; set; } = "";

    /// <summary>The id of the row, nomination, sheet, town, region (as text) or user.</summary>
    public string ItemId { get; set; } = "";

    /// <summary>The member unit the row, nomination or user had before the merge.</summary>
    public int? UnitId { get; set; }
}
