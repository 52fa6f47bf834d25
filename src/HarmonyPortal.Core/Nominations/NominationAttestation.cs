namespace HarmonyPortal.Core.Nominations;

/// <summary>A criterion that the rules cannot decide from the ledger (reputation, achievements), attested with evidence.</summary>
public class NominationAttestation
{
    public long Id { get; set; }

    public long NominationId { get; set; }

    /// <summary>The criterion's id in the rule set.</summary>
    public string CriterionId { get; set; } = "";

    /// <summary>What proves it: the document, the award, the certificate number.</summary>
    public string Evidence { get; set; } = "";

    public string AttestedBy { get; set; } = "";

    public DateTime AttestedAtUtc { get; set; }
}
