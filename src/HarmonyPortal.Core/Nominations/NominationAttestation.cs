using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// A criterion that the rules cannot decide from the ledger (reputation, achievements, a widened range of persons):
/// the clerk supplies the evidence, and a reviewer of the level above confirms or rejects it. Until then the
/// criterion is "待审核确认"; changing the evidence sends it back to review.
/// </summary>
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

    /// <summary>The reviewer's decision on the evidence.</summary>
    public AttestationState State { get; set; }

    /// <summary>The reviewer who confirmed or rejected it (display name).</summary>
    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    /// <summary>Why the reviewer rejected it.</summary>
    public string? ReviewReason { get; set; }

    /// <summary>The attestation as the rule evaluator reads it.</summary>
    public AttestationReview Review() => new(Evidence, State, ReviewedBy, ReviewedAtUtc is { } at ? DateOnly.FromDateTime(at.ToLocalTime()) : null, ReviewReason);

    /// <summary>The nominee's attestations by criterion id, for <see cref="RuleEvaluator"/>.</summary>
    public static IReadOnlyDictionary<string, AttestationReview> Reviews(IEnumerable<NominationAttestation> attestations) =>
        attestations.ToDictionary(a => a.CriterionId, a => a.Review());
}
