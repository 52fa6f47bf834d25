namespace HarmonyPortal.Core.Ledgers;

/// <summary>协调劳动关系社会组织 (附件6), with registration and record for the gold criteria.</summary>
public class SocialOrganization : OrganizationRow
{
    /// <summary>组织性质 as registered (社会团体, 民办非企业单位, …).</summary>
    public string Nature { get; set; } = "";

    /// <summary>统一社会信用代码; null when unknown (附件6 prints none): the organisation is then known by its name within the region.</summary>
    public string? CreditCode { get; set; }

    /// <summary>协调员人数.</summary>
    public int CoordinatorCount { get; set; }

    /// <summary>Coordinators on staff holding a skill certificate.</summary>
    public int CertifiedCoordinatorCount { get; set; }

    public DateOnly? LastViolationOn { get; set; }

    public string? ViolationNote { get; set; }

    public DateOnly? LastCreditPunishmentOn { get; set; }
}
