namespace HarmonyPortal.Core.Ledgers;

/// <summary>The columns of the enterprise list form (附件7).</summary>
public abstract class EnterpriseRow : LedgerRow
{
    public string Address { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public int EmployeeCount { get; set; }

    /// <summary>培育指导服务单位.</summary>
    public string ServiceUnit { get; set; } = "";
}
