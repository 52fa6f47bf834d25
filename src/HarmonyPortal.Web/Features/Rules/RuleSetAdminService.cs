using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// Rule sets of the user's subtree: read by everyone in scope; a new version is added by an admin of the
/// jurisdiction or above, from a rule file that must read without errors. Versions are never changed.
/// </summary>
public sealed class RuleSetAdminService(HarmonyDbContext db, UserScope scope, AuditLog audit, TimeProvider clock)
{
    /// <summary>The column <c>RuleSetVersions.Comment</c> holds 500 characters.</summary>
    public const int CommentMaxLength = 500;

    public sealed record Row(int RegionId, string RegionName, int FromYear, int ToYear, int PlanVersion, string Name, DateTime CreatedAtUtc, string CreatedBy);

    /// <summary>One plan of a jurisdiction: its current version, its history, and the jurisdiction's other plans (latest versions).</summary>
    public sealed record Details(int RegionId, string RegionName, string RegionCode, RuleSet RuleSet, RuleSetVersion Current, IReadOnlyList<RuleSetVersion> History, IReadOnlyList<RuleSetVersion> Plans, bool CanEdit);

    public async Task<List<Row>> ListAsync(CancellationToken ct)
    {
        var versions = await db.RuleSetVersions.AsNoTracking()
            .InSubtreeOrAbove(scope.RegionPath)
            .Select(v => new { v.RegionId, RegionName = v.Region.Name, v.Version, v.FromYear, v.ToYear, v.PlanVersion, v.Name, v.CreatedAtUtc, v.CreatedBy, Path = v.Region.Path })
            .ToListAsync(ct);
        return versions.GroupBy(v => (v.RegionId, v.FromYear))
            .Select(g => g.MaxBy(v => v.Version)!)
            .OrderBy(v => v.Path, StringComparer.Ordinal).ThenByDescending(v => v.FromYear)
            .Select(v => new Row(v.RegionId, v.RegionName, v.FromYear, v.ToYear, v.PlanVersion, v.Name, v.CreatedAtUtc, v.CreatedBy))
            .ToList();
    }

    /// <summary>
    /// A jurisdiction's plan (by its first year; by default the plan governing this year, else the latest) is readable
    /// in its subtree and above it (the rules a county works under).
    /// </summary>
    public async Task<Details> DetailsAsync(int regionId, int? plan, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, ct);
        var all = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == regionId).OrderByDescending(v => v.Version).ToListAsync(ct);
        if (region is null || all.Count == 0 || !scope.CanReadRulesOf(region.Path))
        {
            throw new OutOfScopeException();
        }

        var plans = all.GroupBy(v => v.FromYear).Select(g => g.First()).OrderByDescending(v => v.FromYear).ToList();
        var thisYear = clock.GetLocalNow().Year;
        var current = plan is { } from ? plans.FirstOrDefault(v => v.FromYear == from) ?? throw new OutOfScopeException()
            : plans.FirstOrDefault(v => v.Governs(thisYear)) ?? plans[0];
        var history = all.Where(v => v.FromYear == current.FromYear).ToList();
        return new Details(region.Id, region.Name, region.Code, RuleSetCatalog.Parse(current), current, history, plans, scope.CanAdministerRulesOf(region.Path));
    }

    public async Task<RuleSetVersion> VersionAsync(int regionId, int version, CancellationToken ct)
    {
        var stored = await db.RuleSetVersions.AsNoTracking().SingleOrDefaultAsync(v => v.RegionId == regionId && v.Version == version, ct)
            ?? throw new OutOfScopeException();
        await DetailsAsync(regionId, stored.FromYear, ct);
        return stored;
    }

    /// <summary>
    /// Adds the next version from a rule file; every error (the reader's and the checker's) comes back with its JSON path
    /// and nothing is saved. When the version is saved, the list holds the checker's warnings (<see cref="RuleUploadCheck"/>).
    /// </summary>
    /// <remarks>
    /// The file's plan period says which plan it is: the same first year makes a new version of that plan; another
    /// period makes a new plan beside the others (2024–2026 beside 2021–2023), refused if it overlaps one.
    /// </remarks>
    public async Task<(RuleSetVersion? Saved, IReadOnlyList<RuleFileError> Errors)> AddVersionAsync(int regionId, string json, string? comment, CancellationToken ct)
    {
        // The jurisdiction's first plan has no version yet: read the region and its plans directly.
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null || !scope.CanReadRulesOf(region.Path))
        {
            throw new OutOfScopeException();
        }

        if (!scope.CanAdministerRulesOf(region.Path))
        {
            throw new WriteForbiddenException();
        }

        var all = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == regionId).ToListAsync(ct);
        var plans = all.GroupBy(v => v.FromYear).Select(g => g.MaxBy(v => v.Version)!).OrderByDescending(v => v.FromYear).ToList();

        var (ruleSet, errors) = RuleSetReader.Read(json);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > CommentMaxLength)
        {
            errors = [.. errors, new RuleFileError("修改说明", $"不能超过 {CommentMaxLength} 个字，实际 {comment.Length} 个")];
        }

        if (ruleSet is null || errors.Count > 0)
        {
            return (null, errors);
        }

        if (ruleSet.Jurisdiction != region.Code)
        {
            return (null, [new RuleFileError("$.jurisdiction", $"“{ruleSet.Jurisdiction}”与本规则集所属地区 {region.Name}（{region.Code}）不一致")]);
        }

        var samePlan = plans.FirstOrDefault(p => p.FromYear == ruleSet.FromYear);
        if (samePlan is null && plans.FirstOrDefault(p => p.FromYear != ruleSet.FromYear && p.FromYear <= ruleSet.ToYear && p.ToYear >= ruleSet.FromYear) is { } overlapping)
        {
            return (null, [new RuleFileError("$.fromYear", $"规划期 {ruleSet.PeriodText}与已有的{overlapping.PlanText}（{overlapping.Name}）重叠；修订该规划请保持开始年度 {overlapping.FromYear} 不变，新规划的期间不能与之重叠")]);
        }

        // The checker the command line uses (rules check): its errors refuse the version like the reader's; its warnings come back with the saved version.
        var (refused, notes) = await RuleUploadCheck.RunAsync(db, ruleSet, samePlan is null ? null : RuleSetCatalog.Parse(samePlan), ct);
        if (refused.Count > 0)
        {
            return (null, refused);
        }

        var saved = new RuleSetVersion
        {
            RegionId = regionId, Version = all.Count == 0 ? 1 : all.Max(v => v.Version) + 1, FromYear = ruleSet.FromYear, ToYear = ruleSet.ToYear,
            PlanVersion = (samePlan?.PlanVersion ?? 0) + 1, Json = json, Name = ruleSet.Name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = scope.UserName, Comment = comment,
        };
        db.RuleSetVersions.Add(saved);
        audit.Add(AuditActions.RuleSetVersionAdded, AuditOutcome.Success, "ruleset", regionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"plan {saved.FromYear}-{saved.ToYear} version {saved.PlanVersion} (#{saved.Version}): {comment}", regionId: regionId);
        await db.SaveChangesAsync(ct);
        return (saved, notes);
    }

    /// <summary>Republishes an earlier version as the newest of its plan (a new version; nothing is overwritten), with the reason.</summary>
    public async Task<(RuleSetVersion? Saved, IReadOnlyList<RuleFileError> Errors)> RestoreAsync(int regionId, int version, Shared.StepReason reason, CancellationToken ct)
    {
        var old = await VersionAsync(regionId, version, ct);
        if (reason.Refusal is not null)
        {
            return (null, [new RuleFileError("恢复原因", reason.Refusal)]);
        }

        var reasonText = reason.Why;
        var comment = $"恢复第 {old.PlanVersion} 版：{reasonText}";
        return await AddVersionAsync(regionId, old.Json, comment.Length > CommentMaxLength ? comment[..CommentMaxLength] : comment, ct);
    }
}
