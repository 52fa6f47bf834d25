namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// 大中型企业名录: a county's large and medium enterprises, the units Jiyuan's coverage target counts
/// (each to have at least one labour-relations coordinator by the end of 2023).
/// </summary>
public class LargeEnterprise : LedgerRow
{
    public string CreditCode { get; set; } = "";

    public EnterpriseSize Size { get; set; } = EnterpriseSize.Medium;

    /// <summary>所属乡镇街道（园区）.</summary>
    public string? TownName { get; set; }

    public string? Industry { get; set; }

    public int EmployeeCount { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }
}

/// <summary>企业规模 (as classified by the statistics bureau's size standard).</summary>
public enum EnterpriseSize
{
    [Label("大型", "大型企业", "大")] Large = 1,
    [Label("中型", "中型企业", "中")] Medium = 2,
}
