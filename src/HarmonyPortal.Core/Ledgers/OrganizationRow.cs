namespace HarmonyPortal.Core.Ledgers;

/// <summary>The columns shared by the mediation-organisation (附件4) and social-organisation (附件6) forms.</summary>
public abstract class OrganizationRow : LedgerRow
{
    /// <summary>所属乡镇街道.</summary>
    public string? TownName { get; set; }

    public string Address { get; set; } = "";

    public DateOnly EstablishedOn { get; set; }

    /// <summary>负责人.</summary>
    public string LeaderName { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string ContactPhone { get; set; } = "";
}
