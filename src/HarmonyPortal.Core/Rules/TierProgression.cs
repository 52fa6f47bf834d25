namespace HarmonyPortal.Core.Rules;

/// <summary>
/// 逐年层级递进: a nominee for a tier that requires the tier below must have held that tier in an earlier year. The
/// requirement is an automatic criterion added to the category's criteria for that nominee, so it is evaluated, shown,
/// recorded and blocks like any other.
/// </summary>
public static class TierProgression
{
    /// <summary>The id of the added criterion (not in any rule file; attestations never name it).</summary>
    public const string CriterionId = "tier-progression";

    /// <summary>The requirement for a nominee of <paramref name="tier"/>, or null when the tier requires nothing.</summary>
    /// <remarks>For an office-defined honour (<paramref name="honourTaskId"/> given) the test names its tier by <see cref="OfficeHonourFacts"/>.</remarks>
    public static Criterion? Requirement(Honour honour, GoldCategory category, string? tier, string honourTaskId = "")
    {
        var at = tier is null ? -1 : honour.Tiers.ToList().FindIndex(t => t.Id == tier);
        if (at <= 0 || !honour.Tiers[at].RequiresTierBelow)
        {
            return null;
        }

        var below = honour.Tiers[at - 1];
        return new Criterion(CriterionId, $"需此前年度已获“{below.Name}”称号", "逐年层级递进",
            new CriterionTest(OfficeHonour.Is(honourTaskId) ? OfficeHonourFacts.Key(honourTaskId, below.Id) : HonourFacts.Key(category, below.Id), TestOperator.Held, null));
    }

    /// <summary>The criteria with the requirement added ("all of" both), either alone when the other is null.</summary>
    public static CriterionNode? With(CriterionNode? criteria, Criterion? requirement) => (criteria, requirement) switch
    {
        (_, null) => criteria,
        (null, { } r) => r,
        (CriterionGroup { Kind: GroupKind.All } g, { } r) => g with { Members = [.. g.Members, r] },
        ({ } c, { } r) => new CriterionGroup(GroupKind.All, null, [c, r]),
    };

    /// <summary>The tier's name in the honour, or the id when it has no such tier.</summary>
    public static string TierName(Honour? honour, string tier) => honour?.Tiers.FirstOrDefault(t => t.Id == tier)?.Name ?? tier;
}
