using HarmonyPortal.Core.Rules.Editing;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>
/// What publishing a proposed plan would change for people: the regions whose progress on a quota reads differently,
/// and the submitted nominees whose verdict under the proposed criteria differs from the one recorded with them.
/// </summary>
public sealed record PlanImpact(IReadOnlyList<string> Progress, IReadOnlyList<string> Verdicts);

/// <summary>What the publish page shows before publishing: the difference from the version in force, and its impact.</summary>
public sealed record PublishReview(IReadOnlyList<RuleDiffSection> Diff, PlanImpact Impact)
{
    /// <summary>Said in place of the difference when the plan has no published version yet.</summary>
    public const string FirstVersion = "该规划尚未发布过版本：发布后首次生效";

    /// <summary>True when there is no published version to compare with.</summary>
    public bool IsFirstVersion { get; init; }
}
