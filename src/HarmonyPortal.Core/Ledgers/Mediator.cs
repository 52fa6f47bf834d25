namespace HarmonyPortal.Core.Ledgers;

/// <summary>劳动人事争议调解组织调解员 (附件5); belongs to a mediation organisation of the same region and year.</summary>
public class Mediator : PersonRow
{
    public long MediationOrganizationId { get; set; }

    public MediationOrganization MediationOrganization { get; set; } = null!;

    /// <summary>The organisation's name as typed on the form or in a spreadsheet; resolved to the id on save.</summary>
    public string? OrganizationName { get; set; }
}
