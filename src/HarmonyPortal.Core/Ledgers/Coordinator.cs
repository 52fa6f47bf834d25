namespace HarmonyPortal.Core.Ledgers;

/// <summary>劳动关系协调员 (附件3), with what the gold-coordinator criteria need.</summary>
public class Coordinator : PersonRow
{
    public CoordinatorKind Kind { get; set; } = CoordinatorKind.Coordinator;

    public SkillLevel? SkillLevel { get; set; }

    public string? CertificateNumber { get; set; }

    public DateOnly? CertificateDate { get; set; }

    public bool CurrentlyServing { get; set; } = true;
}
