using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Materials.Publication;

/// <summary>
/// 典型案例 and 经验做法 the receiving level publishes: the reviewers of a submitting region's parent (who accepted the
/// material, <see cref="MaterialReview.ReviewRefusal"/>) publish an accepted one and may withdraw it with a reason. A
/// publishing region's list is read by everyone whose subtree holds it or who works below it (its chain and its
/// subtree): a county reads what its city and its province published, a province what each of its cities published.
/// </summary>
public sealed class PublicationService(HarmonyDbContext db, UserScope scope, AuditLog audit, TimeProvider clock)
{
    public const string ObjectType = "material";

    /// <summary>The kinds a level publishes; summaries and topic reports stay between the offices.</summary>
    public static bool Publishable(MaterialKind kind) => kind is MaterialKind.Experience or MaterialKind.TypicalCase;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The publishing region named (default: the user's own, or its city for a county), 404 when outside the user's chain and subtree.</summary>
    public async Task<Region> PublisherAsync(int? regionId, CancellationToken ct)
    {
        var id = regionId ?? (scope.RegionLevel >= RegionLevel.County ? Region.IdsLeafToRoot(scope.RegionPath).Skip(1).FirstOrDefault(scope.RegionId) : scope.RegionId);
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return region is not null && scope.CanReadRulesOf(region.Path) ? region : throw new OutOfScopeException();
    }

    /// <summary>The regions whose lists the user may read and that publish (provinces and cities): its chain, then the cities below it.</summary>
    public async Task<IReadOnlyList<Region>> PublishersAsync(CancellationToken ct)
    {
        var chain = Region.IdsOnPath(scope.RegionPath);
        var above = await db.Regions.AsNoTracking().Where(r => chain.Contains(r.Id) && r.Level < RegionLevel.County).ToListAsync(ct);
        var below = await db.Regions.AsNoTracking().InScope(scope).Where(r => r.Level < RegionLevel.County && !chain.Contains(r.Id)).ToListAsync(ct);
        return [.. above.OrderBy(r => r.Level), .. below.OrderBy(r => r.Level).ThenBy(r => r.SortOrder).ThenBy(r => r.Code)];
    }

    /// <summary>What the publisher has published for the year: accepted 经验做法 and 典型案例 of the regions directly below it, in region order.</summary>
    public async Task<PublishedMaterials> ListAsync(Region publisher, int year, CancellationToken ct)
    {
        var published = await Candidates(publisher, year).Where(m => m.PublishedAtUtc != null)
            .Include(m => m.Region).Include(m => m.Files.OrderBy(f => f.Id)).AsSplitQuery()
            .OrderBy(m => m.Region.SortOrder).ThenBy(m => m.Region.Code).ThenBy(m => m.PublishedAtUtc).ThenBy(m => m.Id).ToListAsync(ct);
        var lines = published.Select((m, i) => new PublishedMaterialLine(i + 1, m.Id, Label(publisher, m.Region), RuleTexts.MaterialName(m.Kind), m.TaskName, m.Title, m.Summary,
            Local(m.PublishedAtUtc!.Value), m.PublishedBy ?? "", m.Files.Select(f => new PublishedFile(f.Id, f.FileName)).ToList())).ToList();
        return new PublishedMaterials(publisher.Id, publisher.Name, year, lines)
        {
            PrintedBy = scope.UserName,
            PrintedOn = Today,
        };
    }

    /// <summary>Only the publishing region's own reviewers publish and withdraw (they received the materials).</summary>
    public bool CanPublish(Region publisher) => scope.Role == Core.Users.UserRole.Reviewer && scope.RegionId == publisher.Id;

    /// <summary>Accepted, unpublished 经验做法 and 典型案例 the user may publish (a reviewer of the publishing region); empty for everyone else.</summary>
    public async Task<IReadOnlyList<PublicationCandidate>> CandidatesAsync(Region publisher, int year, CancellationToken ct)
    {
        if (!CanPublish(publisher))
        {
            return [];
        }

        var waiting = await Candidates(publisher, year).Where(m => m.PublishedAtUtc == null).Include(m => m.Region)
            .OrderBy(m => m.Region.SortOrder).ThenBy(m => m.Region.Code).ThenBy(m => m.Id).ToListAsync(ct);
        return waiting.Select(m => new PublicationCandidate(m.Id, m.Version, Label(publisher, m.Region), RuleTexts.MaterialName(m.Kind), m.TaskName, m.Title,
            m.SubmittedAtUtc is { } at ? Local(at) : "", ReviewStatusTexts.Timeliness(m.SubmittedAtUtc, m.DaysLate))).ToList();
    }

    /// <summary>Publishes an accepted 经验做法 or 典型案例 on the receiving level's list; the reasons it may not, in Chinese.</summary>
    public async Task<(Region Publisher, int Year, string? Error)> PublishAsync(long id, int? version, bool confirmed, CancellationToken ct)
    {
        var (material, publisher) = await ReviewableAsync(id, ct);
        var error = !confirmed ? "请勾选“确认发布”后再发布"
            : !Publishable(material.Kind) ? $"“{material.Title}”是{RuleTexts.MaterialName(material.Kind)}，只有经验做法和典型案例可以发布"
            : material.Status != ReviewStatus.Accepted ? $"“{material.Title}”的状态是{ReviewStatusTexts.Name(material.Status)}，接收后才能发布"
            : material.PublishedAtUtc is not null ? $"“{material.Title}”已经发布，无需重复发布"
            : Stale(material, version);
        if (error is not null)
        {
            return (publisher, material.Year, error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        material.PublishedAtUtc = now;
        material.PublishedBy = scope.UserName;
        Record(material, MaterialAction.Published, null, now);
        audit.Add(AuditActions.MaterialPublished, AuditOutcome.Success, ObjectType, material.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{material.Region.Name} {material.Year} 年度{RuleTexts.MaterialName(material.Kind)}“{material.Title}”");
        await db.SaveChangesAsync(ct);
        return (publisher, material.Year, null);
    }

    /// <summary>
    /// Withdraws a publication, with the reason recorded in the material's history and the audit log; the reason
    /// is checked by <see cref="Shared.UnpublishReasonInputValidator"/>, its refusal shown after the material's own.
    /// </summary>
    public async Task<(Region Publisher, int Year, string? Error)> UnpublishAsync(long id, int? version, Shared.StepReason reason, bool confirmed, CancellationToken ct)
    {
        var (material, publisher) = await ReviewableAsync(id, ct);
        var error = material.PublishedAtUtc is null ? $"“{material.Title}”未发布，无需撤回"
            : reason.Refusal ?? (!confirmed ? "请勾选“确认撤回发布”后再撤回"
            : Stale(material, version));
        if (error is not null)
        {
            return (publisher, material.Year, error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        material.PublishedAtUtc = null;
        material.PublishedBy = null;
        Record(material, MaterialAction.Unpublished, reason.Why, now);
        audit.Add(AuditActions.MaterialUnpublished, AuditOutcome.Success, ObjectType, material.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{material.Region.Name} {material.Year} 年度“{material.Title}”；原因：{reason.Why}");
        await db.SaveChangesAsync(ct);
        return (publisher, material.Year, null);
    }

    /// <summary>A file of a published material, for whoever may read the publishing region's list; 404 otherwise (also once withdrawn).</summary>
    public async Task<MaterialFile> FileAsync(long fileId, CancellationToken ct)
    {
        var found = await db.MaterialFiles.AsNoTracking()
            .Join(db.MaterialSubmissions, f => f.SubmissionId, m => m.Id, (f, m) => new { File = f, Material = m, m.Region.ParentId })
            .Where(x => x.File.Id == fileId && x.Material.PublishedAtUtc != null && x.Material.Status == ReviewStatus.Accepted)
            .SingleOrDefaultAsync(ct);
        if (found is null || !Publishable(found.Material.Kind) || found.ParentId is not { } publisherId)
        {
            throw new OutOfScopeException();
        }

        var publisherPath = await db.Regions.Where(r => r.Id == publisherId).Select(r => r.Path).SingleAsync(ct);
        return scope.CanReadRulesOf(publisherPath) ? found.File : throw new OutOfScopeException();
    }

    /// <summary>The material in the user's subtree (else 404) that the user reviews as the level above (else 403).</summary>
    private async Task<(MaterialSubmission Material, Region Publisher)> ReviewableAsync(long id, CancellationToken ct)
    {
        var material = await db.MaterialSubmissions.InScope(scope).Include(m => m.Region).SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new OutOfScopeException();
        if (MaterialReview.ReviewRefusal(material.Region, scope) is { } refusal)
        {
            throw new WriteForbiddenException(refusal);
        }

        return (material, await db.Regions.AsNoTracking().SingleAsync(r => r.Id == material.Region.ParentId, ct));
    }

    private IQueryable<MaterialSubmission> Candidates(Region publisher, int year) =>
        db.MaterialSubmissions.AsNoTracking()
            .Where(m => m.Region.ParentId == publisher.Id && m.Year == year && m.Status == ReviewStatus.Accepted
                && (m.Kind == MaterialKind.Experience || m.Kind == MaterialKind.TypicalCase));

    private static string? Stale(MaterialSubmission material, int? version) =>
        version is { } v && v != material.Version ? $"“{material.Title}”已被他人修改，请刷新页面后重试" : null;

    private void Record(MaterialSubmission material, MaterialAction action, string? reason, DateTime now)
    {
        material.Version++;
        material.Events.Add(new MaterialEvent { SubmissionId = material.Id, Action = action, ById = scope.UserId, By = scope.UserName, AtUtc = now, Reason = reason });
    }

    /// <summary>A submitter as the list names it: a city alone on a province's list, "忻州市 忻府区" on a city's.</summary>
    private static string Label(Region publisher, Region submitter) =>
        publisher.Level == RegionLevel.Province ? submitter.Name : $"{publisher.Name} {submitter.Name}";

    private string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
