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

    public sealed record Row(int RegionId, string RegionName, int Version, string Name, DateTime CreatedAtUtc, string CreatedBy);

    public sealed record Details(int RegionId, string RegionName, string RegionCode, RuleSet RuleSet, RuleSetVersion Current, IReadOnlyList<RuleSetVersion> History, bool CanEdit);

    public async Task<List<Row>> ListAsync(CancellationToken ct)
    {
        var versions = await db.RuleSetVersions.AsNoTracking()
            .Where(v => v.Region.Path.StartsWith(scope.RegionPath) || scope.RegionPath.StartsWith(v.Region.Path))
            .Select(v => new { v.RegionId, RegionName = v.Region.Name, v.Version, v.Name, v.CreatedAtUtc, v.CreatedBy, Path = v.Region.Path })
            .ToListAsync(ct);
        return versions.GroupBy(v => v.RegionId)
            .Select(g => g.MaxBy(v => v.Version)!)
            .OrderBy(v => v.Path, StringComparer.Ordinal)
            .Select(v => new Row(v.RegionId, v.RegionName, v.Version, v.Name, v.CreatedAtUtc, v.CreatedBy))
            .ToList();
    }

    /// <summary>A jurisdiction's rules are readable in its subtree and above it (the rules a county works under).</summary>
    public async Task<Details> DetailsAsync(int regionId, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, ct);
        var history = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == regionId).OrderByDescending(v => v.Version).ToListAsync(ct);
        if (region is null || history.Count == 0 || !(scope.CanRead(region.Path) || scope.RegionPath.StartsWith(region.Path, StringComparison.Ordinal)))
        {
            throw new OutOfScopeException();
        }

        return new Details(region.Id, region.Name, region.Code, RuleSetCatalog.Parse(history[0]), history[0], history, scope.CanAdministerUsersOf(region.Path));
    }

    public async Task<RuleSetVersion> VersionAsync(int regionId, int version, CancellationToken ct)
    {
        var details = await DetailsAsync(regionId, ct);
        return details.History.SingleOrDefault(v => v.Version == version) ?? throw new OutOfScopeException();
    }

    /// <summary>
    /// Adds the next version from a rule file; every error (the reader's and the checker's) comes back with its JSON path
    /// and nothing is saved. When the version is saved, the list holds the checker's warnings (<see cref="RuleUploadCheck"/>).
    /// </summary>
    public async Task<(int? Version, IReadOnlyList<RuleFileError> Errors)> AddVersionAsync(int regionId, string json, string? comment, CancellationToken ct)
    {
        var details = await DetailsAsync(regionId, ct);
        if (!details.CanEdit)
        {
            throw new WriteForbiddenException();
        }

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

        if (ruleSet.Jurisdiction != details.RegionCode)
        {
            return (null, [new RuleFileError("$.jurisdiction", $"“{ruleSet.Jurisdiction}”与本规则集所属地区 {details.RegionName}（{details.RegionCode}）不一致")]);
        }

        // The checker the command line uses (rules check): its errors refuse the version like the reader's; its warnings come back with the saved version.
        var (refused, notes) = await RuleUploadCheck.RunAsync(db, ruleSet, details.RuleSet, ct);
        if (refused.Count > 0)
        {
            return (null, refused);
        }

        var next = details.Current.Version + 1;
        db.RuleSetVersions.Add(new RuleSetVersion
        {
            RegionId = regionId, Version = next, Json = json, Name = ruleSet.Name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = scope.UserName, Comment = comment,
        });
        audit.Add(AuditActions.RuleSetVersionAdded, AuditOutcome.Success, "ruleset", regionId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"version {next}: {comment}", regionId: regionId);
        await db.SaveChangesAsync(ct);
        return (next, notes);
    }
}
