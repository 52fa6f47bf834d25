namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// 重点用工企业 (附件8, with the fields Tangshan and Ganzhou add). The layoff block is filled exactly
/// when <see cref="HasLayoffPlan"/> is true.
/// </summary>
public class KeyEnterprise : LedgerRow
{
    /// <summary>所在地区 as written on the form (town, park or district).</summary>
    public string Locality { get; set; } = "";

    public string Address { get; set; } = "";

    public string Industry { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public int EmployeesLastYearEnd { get; set; }

    public int EmployeesNow { get; set; }

    /// <summary>已享的稳岗政策.</summary>
    public string? JobRetentionPolicies { get; set; }

    public bool HasLayoffPlan { get; set; }

    public int? PlannedLayoffs { get; set; }

    public int? LaidOff { get; set; }

    public string? LayoffPositions { get; set; }

    /// <summary>是否结清劳动报酬.</summary>
    public bool? WagesSettled { get; set; }

    /// <summary>经济补偿标准.</summary>
    public string? CompensationStandard { get; set; }

    /// <summary>支付能力评估.</summary>
    public string? PaymentCapacityAssessment { get; set; }

    /// <summary>跟踪指导情况.</summary>
    public string? FollowUpNotes { get; set; }
}
