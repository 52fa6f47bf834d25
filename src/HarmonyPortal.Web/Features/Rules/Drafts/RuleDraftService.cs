using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>A draft as the editor's pages need it: the draft, its rules, the jurisdiction, the regions directly below it and its member units.</summary>
public sealed record RuleDraftState(RuleSetDraft Draft, RuleSet RuleSet, Region Region, IReadOnlyList<Region> Children, IReadOnlyList<MemberUnit> Units);

/// <summary>How a new plan starts (the form's choice).</summary>
public enum DraftStart
{
    Blank,
    CopyPlan,
    FromAbove,
}

/// <summary>
/// Drafts of plans, written in forms by an administrator of the jurisdiction or above. Each form saves only a rule set
/// that reads without errors and adds no new checker error; a draft applies to nothing until it is published as the
/// next version (<see cref="RuleSetAdminService.AddVersionAsync"/>), which then deletes it.
/// </summary>
public sealed class RuleDraftService(HarmonyDbContext db, UserScope scope, AuditLog audit, TimeProvider clock, RuleSetAdminService admin, RuleSetCatalog catalog)
{
    /// <summary>A draft of any jurisdiction in the user's subtree, which the user may edit (administrators only).</summary>
    public async Task<RuleDraftState> LoadAsync(int draftId, CancellationToken ct)
    {
        var draft = await db.RuleSetDrafts.Include(d => d.Region).SingleOrDefaultAsync(d => d.Id == draftId, ct);
        if (draft is null || !scope.CanAdministerRulesOf(draft.Region.Path))
        {
            throw new OutOfScopeException();
        }

        var ruleSet = RuleSetReader.Read(draft.Json).RuleSet ?? throw new InvalidOperationException($"Draft {draftId} does not read.");
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentId == draft.RegionId).OrderBy(r => r.SortOrder).ThenBy(r => r.Code).ToListAsync(ct);
        var units = await MemberUnits.EnsureAsync(db, draft.RegionId, ct);
        return new RuleDraftState(draft, ruleSet, draft.Region, children, units.Where(u => u.IsActive).ToList());
    }

    /// <summary>
    /// Saves the rule set into the draft when it reads without errors and adds no checker error the draft did not have
    /// (an error it had — say, copied from an older plan — is shown before publishing, and does not block other changes).
    /// </summary>
    public async Task<IReadOnlyList<RuleFileError>> SaveAsync(int draftId, RuleSet ruleSet, CancellationToken ct)
    {
        var state = await LoadAsync(draftId, ct);
        var json = RuleSetWriter.Write(ruleSet);
        var (read, errors) = RuleSetReader.Read(json);
        if (read is null)
        {
            return errors;
        }

        if (read.Jurisdiction != state.Region.Code || read.FromYear != state.Draft.FromYear)
        {
            throw new InvalidOperationException("A draft keeps its jurisdiction and first year.");
        }

        var refused = await NewCheckerErrorsAsync(state.RuleSet, read, ct);
        if (refused.Count > 0)
        {
            return refused;
        }

        if (state.Draft.Json == json)
        {
            return [];
        }

        state.Draft.Json = json;
        state.Draft.ToYear = read.ToYear;
        state.Draft.UpdatedBy = scope.UserName;
        state.Draft.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.RuleSetDraftSaved, AuditOutcome.Success, "ruleset", state.Region.Id.ToString(CultureInfo.InvariantCulture),
            $"draft {state.Draft.FromYear}-{read.ToYear} saved", regionId: state.Region.Id);
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>The checker's errors of the new rule set that the draft's rule set did not have (compared by message: positions move as items are added).</summary>
    private async Task<List<RuleFileError>> NewCheckerErrorsAsync(RuleSet before, RuleSet after, CancellationToken ct)
    {
        var (refusedAfter, _) = await RuleUploadCheck.RunAsync(db, after, null, ct);
        if (refusedAfter.Count == 0)
        {
            return [];
        }

        var (refusedBefore, _) = await RuleUploadCheck.RunAsync(db, before, null, ct);
        var known = refusedBefore.Select(e => e.Message).ToHashSet(StringComparer.Ordinal);
        return refusedAfter.Where(e => !known.Contains(e.Message)).ToList();
    }

    /// <summary>The drafts of the user's subtree, newest first.</summary>
    public async Task<List<RuleSetDraft>> ListAsync(CancellationToken ct) =>
        await db.RuleSetDrafts.AsNoTracking().Include(d => d.Region)
            .InScope(scope)
            .OrderByDescending(d => d.UpdatedAtUtc).ToListAsync(ct);

    /// <summary>The jurisdictions (province, city, county-level) the user may write plans for.</summary>
    public async Task<List<Region>> JurisdictionsAsync(CancellationToken ct) => scope.Holds(AdminDuty.System)
        ? await db.Regions.AsNoTracking().InScope(scope).Where(r => r.Level != RegionLevel.Town).OrderBy(r => r.Path).ToListAsync(ct)
        : [];

    /// <summary>What a new plan of the region can start from: its own plans (latest versions) and the plan of the level above in force in <paramref name="year"/>.</summary>
    public async Task<(List<RuleSetVersion> Own, RuleSetVersion? Above)> StartsAsync(Region region, int year, CancellationToken ct)
    {
        var own = (await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == region.Id).ToListAsync(ct))
            .GroupBy(v => v.FromYear).Select(g => g.MaxBy(v => v.Version)!).OrderByDescending(v => v.FromYear).ToList();
        var above = (await catalog.ChainAsync(region, year, ct)).FirstOrDefault(c => c.Version.RegionId != region.Id).Version;
        return (own, above);
    }

    public sealed record NewPlan(int RegionId, int FromYear, int ToYear, string? Name, DraftStart Start, int? SourceVersionId);

    /// <summary>Starts a draft; the errors are keyed by the form's field names. An existing draft of the same plan is returned instead of a second one.</summary>
    public async Task<(int? DraftId, Dictionary<string, string> Errors)> CreateAsync(NewPlan plan, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == plan.RegionId, ct);
        if (region is null || region.Level == RegionLevel.Town || !scope.CanAdministerRulesOf(region.Path))
        {
            throw new WriteForbiddenException("只能为本地区及下级地区制定规划");
        }

        var name = string.IsNullOrWhiteSpace(plan.Name) ? null : plan.Name.Trim(); // period and name length: NewPlanInputValidator
        var (own, above) = await StartsAsync(region, plan.FromYear, ct);
        var overlapping = own.FirstOrDefault(v => v.FromYear != plan.FromYear && v.FromYear <= plan.ToYear && plan.FromYear <= v.ToYear);
        if (overlapping is not null)
        {
            errors["FromYear"] = $"与本地区已有的{overlapping.PlanText}（{overlapping.Name}）重叠；修订该规划请选它的开始年度 {overlapping.FromYear}";
        }

        var existing = await db.RuleSetDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.RegionId == region.Id && d.FromYear == plan.FromYear, ct);
        if (errors.Count == 0 && existing is not null)
        {
            return (existing.Id, errors);
        }

        RuleSet? start = null;
        string origin = "空白规划";
        int? basedOn = null;
        var same = own.FirstOrDefault(v => v.FromYear == plan.FromYear);
        switch (plan.Start)
        {
            case DraftStart.Blank when same is not null:
                errors["Start"] = $"本地区已有{same.PlanText}；请选择“复制已有规划”修订它";
                break;
            case DraftStart.Blank:
                start = PlanStart.Blank(region.Code, name ?? $"{region.Name}{plan.FromYear}–{plan.ToYear} 年协调劳动关系工作规划", plan.FromYear, plan.ToYear);
                break;
            case DraftStart.CopyPlan:
                var source = own.FirstOrDefault(v => v.Id == plan.SourceVersionId) ?? same ?? own.FirstOrDefault(v => v.FromYear < plan.FromYear);
                if (source is null)
                {
                    errors["Start"] = "本地区还没有可复制的规划";
                    break;
                }

                var copied = RuleSetCatalog.Parse(source);
                start = source.FromYear == plan.FromYear
                    ? copied with { ToYear = plan.ToYear, Name = name ?? copied.Name }
                    : PlanStart.Copy(copied, region.Code, name ?? copied.Name, plan.FromYear, plan.ToYear);
                origin = source.FromYear == plan.FromYear ? $"修订{source.PlanText} 第 {source.PlanVersion} 版" : $"复制自{source.PlanText} 第 {source.PlanVersion} 版";
                basedOn = source.Id;
                break;
            case DraftStart.FromAbove:
                if (above is null)
                {
                    errors["Start"] = "上级地区没有可参照的规划";
                    break;
                }

                var upper = await db.Regions.AsNoTracking().Where(r => r.Id == above.RegionId).Select(r => r.Name).SingleAsync(ct);
                start = PlanStart.Copy(RuleSetCatalog.Parse(above), region.Code, name ?? $"{region.Name}{plan.FromYear}–{plan.ToYear} 年协调劳动关系工作规划", plan.FromYear, plan.ToYear);
                origin = $"参照{upper}{above.PlanText} 第 {above.PlanVersion} 版";
                basedOn = above.Id;
                break;
        }

        if (errors.Count > 0 || start is null)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new RuleSetDraft
        {
            RegionId = region.Id, FromYear = plan.FromYear, ToYear = plan.ToYear, Json = RuleSetWriter.Write(start), BasedOnVersionId = basedOn,
            Origin = origin, CreatedBy = scope.UserName, UpdatedBy = scope.UserName, UpdatedAtUtc = now,
        };
        db.RuleSetDrafts.Add(draft);
        audit.Add(AuditActions.RuleSetDraftSaved, AuditOutcome.Success, "ruleset", region.Id.ToString(CultureInfo.InvariantCulture),
            $"draft {plan.FromYear}-{plan.ToYear} started: {origin}", regionId: region.Id);
        await db.SaveChangesAsync(ct);
        return (draft.Id, errors);
    }

    /// <summary>Publishes the draft as the next version of its plan (or a new plan), then deletes it; the errors refuse it and keep the draft.</summary>
    public async Task<(RuleSetVersion? Saved, IReadOnlyList<RuleFileError> Notes)> PublishAsync(int draftId, string? comment, CancellationToken ct)
    {
        var state = await LoadAsync(draftId, ct);
        var (saved, notes) = await admin.AddVersionAsync(state.Region.Id, state.Draft.Json, comment, ct);
        if (saved is not null)
        {
            db.RuleSetDrafts.Remove(state.Draft);
            await db.SaveChangesAsync(ct);
        }

        return (saved, notes);
    }

    public async Task DiscardAsync(int draftId, CancellationToken ct)
    {
        var state = await LoadAsync(draftId, ct);
        db.RuleSetDrafts.Remove(state.Draft);
        audit.Add(AuditActions.RuleSetDraftDiscarded, AuditOutcome.Success, "ruleset", state.Region.Id.ToString(CultureInfo.InvariantCulture),
            $"draft {state.Draft.FromYear}-{state.Draft.ToYear} discarded", regionId: state.Region.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The version the plan's published rules are compared with before publishing: the latest of the same plan, or null for a new plan.</summary>
    public async Task<RuleSetVersion?> CurrentAsync(RuleSetDraft draft, CancellationToken ct) =>
        await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == draft.RegionId && v.FromYear == draft.FromYear)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
}
