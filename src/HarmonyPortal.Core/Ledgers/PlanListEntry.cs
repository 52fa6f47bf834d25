namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// Yueyang's plan lists (集体协商示范企业/行业, 湘融湘爱 partner units, 工资支付亮剑 cases): a named unit
/// or case with its contact, what was done and when, kept on the same ledger machinery.
/// </summary>
public class PlanListEntry : LedgerRow
{
    public PlanListKind Kind { get; set; }

    public string? Address { get; set; }

    public string ContactName { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public int? EmployeeCount { get; set; }

    /// <summary>When the unit was designated, the partnership signed, or the case closed.</summary>
    public DateOnly Date { get; set; }

    /// <summary>工作情况 / 处理结果.</summary>
    public string? Notes { get; set; }

    /// <summary>Wage-arrears cases: workers concerned and amount recovered (元).</summary>
    public int? WorkersConcerned { get; set; }

    public decimal? AmountRecovered { get; set; }
}

public enum PlanListKind
{
    [Label("集体协商示范企业", "示范企业")] BargainingDemoEnterprise = 1,
    [Label("集体协商示范行业", "示范行业")] BargainingDemoIndustry = 2,
    [Label("“湘融湘爱”结对单位", "湘融湘爱", "结对单位")] XiangRongPartner = 3,
    [Label("“工资支付亮剑”案件", "工资支付亮剑", "欠薪案件")] WageArrearsCase = 4,
}
