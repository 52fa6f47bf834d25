using System.Globalization;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Input;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>
/// The read side of materials: a region's 材料报送 page, the reviewer's table of the regions below, the roll-up of a
/// subtree and one material's page. Everything reads through the user's scope (404 outside it).
/// </summary>
public sealed class MaterialQueries(HarmonyDbContext db, UserScope scope, ExpectedSubmissions expected, Offices.UnitContacts.UnitContactService contacts,
    Ledgers.RecycleBin.RecycleBinOptions recycle, TimeProvider clock)
{
    public async Task<MaterialIndexPage> IndexAsync(int? regionId, int? year, CancellationToken ct)
    {
        var region = await RegionAsync(regionId ?? scope.RegionId, ct);
        var y = PortalYears.Checked(year, Today);
        var owed = await expected.ForRegionAsync(region, y, TaskKind.Material, ct);
        var rows = await RowsAsync(owed, y, ct);
        var deleted = await db.MaterialSubmissions.AsNoTracking().IgnoreQueryFilters().InScope(scope)
            .Where(m => m.RegionId == region.Id && m.Year == y && m.Status == ReviewStatus.Deleted)
            .Select(m => new { m.Id, m.Title, m.TaskName, DeletedAt = m.Events.Where(e => e.Action == MaterialAction.Deleted).Max(e => (DateTime?)e.AtUtc) })
            .ToListAsync(ct);
        return new MaterialIndexPage(y, Years(y), region, MaterialReview.SubmitRefusal(region, scope) is null, scope.Role is UserRole.Reviewer or UserRole.Admin, rows)
        {
            Deleted = deleted.OrderByDescending(d => d.DeletedAt)
                .Select(d => new DeletedMaterial(d.Id, d.Title, d.TaskName, d.DeletedAt is { } at ? Local(at) : "", d.DeletedAt?.AddDays(recycle.Days) is { } until ? Local(until) : ""))
                .ToList(),
        };
    }

    /// <summary>The reviewer's table: reviewers and admins only (403 for clerks); the region defaults to the user's.</summary>
    public async Task<MaterialReviewPage> ReviewAsync(int? regionId, int? year, CancellationToken ct)
    {
        var region = await RegionAsync(regionId ?? scope.RegionId, ct);
        if (scope.Role is not (UserRole.Reviewer or UserRole.Admin))
        {
            throw new WriteForbiddenException();
        }

        var y = PortalYears.Checked(year, Today);
        var owed = (await expected.ForSubtreeAsync(region, y, TaskKind.Material, ct)).Where(e => e.Region.ParentId == region.Id).ToList();
        var rows = await RowsAsync(owed, y, ct);
        var tasks = rows.GroupBy(r => (r.Owed.JurisdictionRegionId, r.Owed.Task.Id))
            .Select(g => new MaterialReviewTask(g.Key.JurisdictionRegionId, g.First().Owed.JurisdictionName, g.First().Owed.Version.PlanText, g.Key.Id, g.First().Owed.Task.Name, g.First().KindName, g.ToList()))
            .ToList();
        var parent = region.Id != scope.RegionId && region.ParentId is { } parentId
            ? await db.Regions.AsNoTracking().InScope(scope).Where(r => r.Id == parentId).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(ct)
            : null;
        var overdue = rows.Where(r => MaterialStatus.IsOverdue(r.Owed.Due, r.Status, Today)).Select(r => r.Owed.Region.Id).Distinct().ToList();
        return new MaterialReviewPage(y, Years(y), region, scope.Role == UserRole.Reviewer && scope.RegionId == region.Id, tasks, parent is null ? null : (parent.Id, parent.Name))
        {
            Today = Today,
            Contacts = await contacts.ForRegionsAsync(overdue, ct),
        };
    }

    /// <summary>Every material owed in the user's subtree in the year, by city then county, with the counts.</summary>
    public async Task<MaterialRollupPage> RollupAsync(int? year, CancellationToken ct)
    {
        var root = await RegionAsync(scope.RegionId, ct);
        var y = PortalYears.Checked(year, Today);
        var rows = await RowsAsync(await expected.ForSubtreeAsync(root, y, TaskKind.Material, ct), y, ct);
        var parentIds = rows.Select(r => r.Owed.Region.ParentId).OfType<int>().Distinct().ToList();
        var parents = await db.Regions.AsNoTracking().Where(r => parentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var lines = rows.Select(r => r.Owed.Region switch
            {
                { Level: RegionLevel.County, ParentId: { } p } county => new MaterialRollupLine(parents.GetValueOrDefault(p, ""), county.Name, r),
                { Level: RegionLevel.City } city => new MaterialRollupLine(city.Name, "", r),
                var other => new MaterialRollupLine(other.Name, "", r),
            })
            .OrderBy(l => l.City, StringComparer.Ordinal).ThenBy(l => l.County.Length > 0).ThenBy(l => l.County, StringComparer.Ordinal)
            .ToList();
        var sent = rows.Where(r => r.Status.Status is not null).ToList();
        return new MaterialRollupPage(y, Years(y), root.Name, rows.Count, sent.Count, sent.Count(r => !r.Status.IsLate), sent.Count(r => r.Status.IsLate), lines);
    }

    public async Task<MaterialDetailsPage> DetailsAsync(long id, CancellationToken ct)
    {
        var material = await db.MaterialSubmissions.AsNoTracking().InScope(scope).Include(m => m.Region).Include(m => m.Events)
            .SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new OutOfScopeException();
        var files = await db.MaterialFiles.AsNoTracking().Where(f => f.SubmissionId == id).OrderBy(f => f.Id).Select(f => new { f.Id, f.FileName, f.Size }).ToListAsync(ct);
        var owed = (await expected.ForRegionAsync(material.Region, material.Year, TaskKind.Material, ct))
            .FirstOrDefault(e => e.JurisdictionRegionId == material.JurisdictionRegionId && e.Task.Id == material.TaskId);
        var submitter = MaterialReview.SubmitRefusal(material.Region, scope) is null;
        var reviewer = MaterialReview.ReviewRefusal(material.Region, scope) is null;
        var history = material.Events.OrderBy(e => e.Id).Select(e => (MaterialTexts.Action(e.Action), e.By, Local(e.AtUtc), e.Reason)).ToList();
        return new MaterialDetailsPage(material, material.Region.Name, owed?.DueText, files.Select(f => (f.Id, f.FileName, f.Size)).ToList(), history,
            submitter && MaterialWorkflow.EditRefusal(material) is null,
            submitter && MaterialWorkflow.DeleteRefusal(material) is null,
            submitter && MaterialWorkflow.IsEditable(material.Status),
            submitter && MaterialWorkflow.WithdrawRefusal(material) is null,
            reviewer && MaterialWorkflow.DecideRefusal(material) is null,
            reviewer && MaterialWorkflow.UndoAcceptanceRefusal(material) is null);
    }

    /// <summary>A file of a material in the user's subtree, or 404 as for a missing one.</summary>
    public async Task<(MaterialFile File, MaterialSubmission Material)> FileAsync(long fileId, CancellationToken ct)
    {
        var file = await db.MaterialFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct) ?? throw new OutOfScopeException();
        var material = await db.MaterialSubmissions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(m => m.Id == file.SubmissionId, ct) ?? throw new OutOfScopeException();
        return (file, material);
    }

    /// <summary>The region's status on each owed task from its materials (drafts shown, not counted).</summary>
    private async Task<List<MaterialTaskRow>> RowsAsync(IReadOnlyList<ExpectedSubmission> owed, int year, CancellationToken ct)
    {
        var regionIds = owed.Select(o => o.Region.Id).Distinct().ToList();
        var materials = await db.MaterialSubmissions.AsNoTracking().InScope(scope).Where(m => regionIds.Contains(m.RegionId) && m.Year == year)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.RegionId, m.JurisdictionRegionId, m.TaskId, m.Title, m.Status, m.SubmittedAtUtc, m.DaysLate, m.ReturnReason, Files = m.Files.Count })
            .ToListAsync(ct);
        var byTask = materials.ToLookup(m => (m.RegionId, m.JurisdictionRegionId, m.TaskId));
        return owed.Select(o =>
        {
            var lines = byTask[(o.Region.Id, o.JurisdictionRegionId, o.Task.Id)]
                .Select(m => new MaterialLine(m.Id, m.RegionId, m.TaskId, m.Title, m.Status, m.SubmittedAtUtc, m.DaysLate,
                    m.SubmittedAtUtc is { } at ? Local(at) : null, m.Files, m.Status == ReviewStatus.Returned ? m.ReturnReason : null))
                .ToList();
            var status = MaterialStatus.OfMaterials(lines.Select(l => (l.Status, l.SubmittedAtUtc, l.DaysLate)));
            return new MaterialTaskRow(o, status, lines, status.LastSubmittedAtUtc is { } last ? Local(last) : null);
        }).ToList();
    }

    private async Task<Region> RegionAsync(int regionId, CancellationToken ct) =>
        await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct) ?? throw new OutOfScopeException();

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private IReadOnlyList<int> Years(int year)
    {
        var years = PortalYears.Choices(Today);
        return years.Contains(year) ? years : [.. years.Append(year).OrderDescending()];
    }

    private string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
