namespace HarmonyPortal.Core.Ledgers;

/// <summary>劳动人事争议调解组织 (附件4), with the year's cases for the success-rate criterion.</summary>
public class MediationOrganization : OrganizationRow
{
    public MediationOrganizationNature Nature { get; set; }

    public int MediatorCount { get; set; }

    public int CasesReceived { get; set; }

    public int CasesSettled { get; set; }

    /// <summary>调解成功率 as a fraction, or null when no case was received.</summary>
    public decimal? SuccessRate => CasesReceived == 0 ? null : (decimal)CasesSettled / CasesReceived;
}
