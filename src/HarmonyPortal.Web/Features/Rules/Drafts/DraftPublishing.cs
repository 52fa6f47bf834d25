using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>What an administrator sees before publishing a draft: the checker's findings in the editor's words, the difference and the impact.</summary>
public sealed record PublishPage(RuleDraftState State, RuleSetVersion? Current, IReadOnlyList<PublishFinding> Refused, IReadOnlyList<PublishFinding> Notes, PublishReview Review)
{
    public string? Comment { get; init; }
}

/// <summary>A finding placed in the editor's words ("任务“新企用工服务” · 第 1 项配额") with the section that edits it.</summary>
public sealed record PublishFinding(string Place, string Message);

/// <summary>Builds the publish page: the same checker the upload and <c>rules check</c> run, against the version the draft replaces.</summary>
public sealed class DraftPublishing(HarmonyDbContext db, RuleDraftService drafts, PlanImpactService impact)
{
    public async Task<PublishPage> ReviewAsync(int draftId, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(draftId, ct);
        var current = await drafts.CurrentAsync(state.Draft, ct);
        var (refused, notes) = await RuleUploadCheck.RunAsync(db, state.RuleSet, current is null ? null : RuleSetCatalog.Parse(current), ct);
        PublishFinding Place(RuleFileError e) => new(FindingPlace.Describe(state.RuleSet, e.Path), e.Message);
        return new PublishPage(state, current, refused.Select(Place).ToList(), notes.Select(Place).ToList(), await impact.ReviewAsync(state, ct));
    }
}
