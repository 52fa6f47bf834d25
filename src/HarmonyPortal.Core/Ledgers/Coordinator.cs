namespace HarmonyPortal.Core.Ledgers;

/// <summary>劳动关系协调员 (附件3), with what the gold-coordinator criteria need.</summary>
public class Coordinator : PersonRow
{
    public CoordinatorKind Kind { get; set; } = CoordinatorKind.Coordinator;

    public SkillLevel? SkillLevel { get; set; }

    public string? CertificateNumber { get; set; }

    public DateOnly? CertificateDate { get; set; }

    public bool CurrentlyServing { get; set; } = true;

    /// <summary>所属乡镇街道（园区）: the town, street or park the coordinator serves, for the coverage targets.</summary>
    public string? TownName { get; set; }

    /// <summary>工作单位统一社会信用代码: matches the coordinator to an enterprise of the 大中型企业名录 before the name does.</summary>
    public string? WorkUnitCreditCode { get; set; }
}
