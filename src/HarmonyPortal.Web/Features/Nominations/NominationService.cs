using System.Security.Cryptography;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// The clerk's side of a nomination: recommend a ledger row of the own region into the region's sheet of
/// the year (and batch), write the narrative, attest criteria, attach evidence, withdraw while the sheet
/// is still with the clerk.
/// </summary>
public sealed class NominationService(HarmonyDbContext db, UserScope scope, GoldRuleLookup rules, AuditLog audit, TimeProvider clock, EvidenceOptions evidenceLimits)
{
    public const string ObjectType = "nomination";

    /// <summary>Nominates a ledger row (batch and narrative already checked by <see cref="NomineeInputValidator"/>); for a tiered honour, for one of its tiers (<paramref name="tier"/>, a tier's id), which the clerk must choose.</summary>
    /// <remarks>
    /// For an office-defined honour (<paramref name="honour"/>, the task's id) the ledger is the honour's in the plan governing
    /// <paramref name="year"/> for the user's region, and the row must be of that year.
    /// </remarks>
    public async Task<(long Id, ServiceResult Result)> CreateAsync(GoldCategory category, long ledgerRowId, int batch, string? narrative, CancellationToken ct, string? tier = null, string? honour = null, int? year = null)
    {
        honour ??= "";
        category = OfficeHonour.CategoryOf(category, honour);
        var definition = OfficeHonour.Is(honour) ? null : GoldRules.Ledger(category);
        if (definition is null)
        {
            var own = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == scope.RegionId, ct);
            var ownRules = await rules.ForAsync(own, category, year ?? 0, ct, honour);
            if (ownRules.Task is null || year is null)
            {
                return (0, ServiceResult.Fail("", $"{year} 年度适用的规划中没有该称号（{honour}），不能推荐"));
            }

            definition = ownRules.LedgerDefinition;
        }

        var row = await definition!.Rows(db).InScope(scope).Include(r => r.Region).SingleOrDefaultAsync(r => r.Id == ledgerRowId, ct)
            ?? throw new OutOfScopeException();
        if (!scope.CanWriteRecordsOf(row.RegionId))
        {
            throw new WriteForbiddenException();
        }

        if (OfficeHonour.Is(honour) && row.Year != year)
        {
            return (0, ServiceResult.Fail("", $"{row.Name} 是 {row.Year} 年度的台账记录，不能推荐参加 {year} 年度的评选"));
        }

        var goldRules = await rules.ForAsync(row.Region, category, row.Year, ct, honour);
        if (OfficeHonour.Is(honour) && goldRules.Task is null)
        {
            return (0, ServiceResult.Fail("", $"{row.Year} 年度适用的规划中没有该称号（{honour}），不能推荐"));
        }

        if (!goldRules.Batches(row.Year).Contains(batch))
        {
            return (0, ServiceResult.Fail("Batch", $"批次：{row.Year} 年度{goldRules.Title}的批次为 {string.Join("、", goldRules.Batches(row.Year))}，没有第 {batch} 批"));
        }

        var tiers = goldRules.Tiers;
        tier = string.IsNullOrWhiteSpace(tier) ? null : tier.Trim();
        if (tiers.Count > 0 && tiers.All(t => t.Id != tier))
        {
            return (0, ServiceResult.Fail("Tier", $"推荐层级：请选择{string.Join("、", tiers.Select(t => t.Name))}之一"));
        }

        var sheet = await SheetForAsync(row.RegionId, category, row.Year, batch, ct, honour);
        if (SheetWorkflow.EditRefusal(sheet) is { } refusal)
        {
            return (0, ServiceResult.Fail("", refusal));
        }

        if (await db.Nominations.AnyAsync(n => n.Category == category && n.HonourTaskId == honour && n.Year == row.Year && n.LedgerRowId == row.Id, ct))
        {
            return (0, ServiceResult.Fail("", $"{row.Name} 已在 {row.Year} 年度的{goldRules.Title}推荐中，不能重复推荐"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var nomination = new Nomination
        {
            RegionId = row.RegionId,
            Category = category,
            HonourTaskId = honour,
            Year = row.Year,
            Batch = batch,
            Tier = tiers.Count > 0 ? tier : null,
            LedgerRowId = row.Id,
            Name = row.Name,
            Narrative = narrative!.Trim(),
            Sheet = sheet,
            CitySheet = SheetWorkflow.IsCitySheet(row.Region) ? sheet : null,
            CreatedBy = scope.UserName,
            UnitId = scope.UnitId ?? row.UnitId, // the nominating clerk's member unit
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.NominationCreated, AuditOutcome.Success, ObjectType, nomination.Id.ToString(), $"{(OfficeHonour.Is(honour) ? honour : category)} {row.Year} 台账 {row.Id}", ct: ct);
        return (nomination.Id, ServiceResult.Ok);
    }

    public async Task<ServiceResult> UpdateNarrativeAsync(long id, string? narrative, CancellationToken ct)
    {
        var nomination = await EditableAsync(id, ct);
        if (nomination.Refusal is { } refusal)
        {
            return ServiceResult.Fail("", refusal);
        }

        nomination.Item.Narrative = narrative!.Trim();
        nomination.Item.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.NominationUpdated, AuditOutcome.Success, ObjectType, id.ToString(), "主要事迹");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Records (or, with empty evidence, withdraws) the clerk's evidence for one attested criterion of the category's rules
    /// in force in the nomination's year; a reviewer of the level above confirms it (<see cref="SheetWorkflowService.ReviewAttestationAsync"/>).
    /// </summary>
    public async Task<ServiceResult> AttestAsync(long id, string criterionId, string? evidence, CancellationToken ct)
    {
        var (nomination, refusal) = await EditableAsync(id, ct);
        if (refusal is not null)
        {
            return ServiceResult.Fail("", refusal);
        }

        var goldRules = await rules.ForAsync(nomination, ct);
        var criterion = goldRules.Criteria(nomination.Category) is { } root ? Leaves(root).FirstOrDefault(c => c.Id == criterionId && !c.IsAutomatic) : null;
        if (criterion is null)
        {
            return ServiceResult.Fail("Evidence", "证明事项：该条件不存在或由系统自动判断，无需证明");
        }

        var existing = nomination.Attestations.FirstOrDefault(a => a.CriterionId == criterionId);
        var text = evidence?.Trim() ?? "";
        if (text.Length > 500)
        {
            return ServiceResult.Fail("Evidence", $"证明材料说明：不能超过 500 字，现有 {text.Length} 字");
        }

        if (text.Length == 0)
        {
            if (existing is not null)
            {
                db.NominationAttestations.Remove(existing);
            }
        }
        else if (existing is null)
        {
            nomination.Attestations.Add(new NominationAttestation { CriterionId = criterionId, Evidence = text, AttestedBy = scope.UserName, AttestedAtUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (existing.Evidence != text)
        {
            // New evidence is new: it goes back to the reviewer, whatever was decided on the old.
            existing.Evidence = text;
            existing.AttestedBy = scope.UserName;
            existing.AttestedAtUtc = clock.GetUtcNow().UtcDateTime;
            existing.State = AttestationState.Pending;
            existing.ReviewedBy = null;
            existing.ReviewedAtUtc = null;
            existing.ReviewReason = null;
        }

        audit.Add(AuditActions.NominationUpdated, AuditOutcome.Success, ObjectType, id.ToString(), $"证明事项 {criterionId}" + (text.Length == 0 ? " 撤回" : ""));
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Attaches a file, checked by content (<see cref="EvidenceFile"/>), within the nominee's limits of count and total
    /// size (<see cref="EvidenceOptions"/>). Parallel uploads to one nominee are counted one after another: each takes
    /// the nominee's row first, inside the transaction that saves the file.
    /// </summary>
    public async Task<ServiceResult> AddEvidenceAsync(long id, string fileName, Stream content, long length, CancellationToken ct)
    {
        var (_, refusal) = await EditableAsync(id, ct);
        if (refusal is not null)
        {
            return ServiceResult.Fail("", refusal);
        }

        if (length > EvidenceFile.MaxBytes)
        {
            return ServiceResult.Fail("File", $"附件“{fileName}”：大小 {length / 1048576.0:0.0} MB，超过上限 5 MB");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (EvidenceFile.Detect(bytes) is not { } contentType)
        {
            return ServiceResult.Fail("File", $"附件“{fileName}”：文件内容不是 {EvidenceFile.Accepted} 之一（按文件内容判断，与扩展名无关）");
        }

        if (EvidenceFile.ActiveContent(bytes, contentType) is { } active)
        {
            return ServiceResult.Fail("File", $"附件“{fileName}”：{active}{EvidenceFile.Advice(active)}");
        }

        var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
        name = (name.Length == 0 ? "附件" : name[..Math.Min(name.Length, 150)]) + EvidenceFile.Extension(contentType, fileName);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.UpdatedAtUtc, now), ct); // the nominee's row lock
        var count = await db.NominationEvidence.CountAsync(e => e.NominationId == id, ct);
        var total = await db.NominationEvidence.Where(e => e.NominationId == id).SumAsync(e => (long?)e.Size, ct) ?? 0;
        if (EvidenceLimitError(fileName, count, total, bytes.Length) is { } limitError)
        {
            return ServiceResult.Fail("File", limitError);
        }

        db.NominationEvidence.Add(new NominationEvidence
        {
            NominationId = id,
            FileName = name,
            ContentType = contentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedBy = scope.UserName,
            UploadedAtUtc = now,
        });
        audit.Add(AuditActions.NominationEvidenceAdded, AuditOutcome.Success, ObjectType, id.ToString(), $"{name} {bytes.Length} 字节");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Ok;
    }

    private string? EvidenceLimitError(string fileName, int count, long total, long size)
    {
        if (count >= evidenceLimits.MaxFilesPerNominee)
        {
            return $"附件“{fileName}”：每位推荐对象最多 {evidenceLimits.MaxFilesPerNominee} 个附件，已有 {count} 个。请先删除不需要的附件，或将材料合并为一个文件";
        }

        return total + size > evidenceLimits.MaxTotalBytesPerNominee
            ? $"附件“{fileName}”：每位推荐对象的附件合计不能超过 {evidenceLimits.MaxTotalMegabytesPerNominee} MB，已有 {total / 1048576.0:0.0} MB，本文件 {size / 1048576.0:0.0} MB。请先删除不需要的附件，或压缩扫描件后再上传"
            : null;
    }

    public async Task<ServiceResult> RemoveEvidenceAsync(long id, long evidenceId, CancellationToken ct)
    {
        var (_, refusal) = await EditableAsync(id, ct);
        if (refusal is not null)
        {
            return ServiceResult.Fail("", refusal);
        }

        // The file's name only: its bytes are never read to delete it.
        var evidence = await db.NominationEvidence.Where(e => e.Id == evidenceId && e.NominationId == id)
            .Select(e => new NominationEvidence { Id = e.Id, NominationId = e.NominationId, FileName = e.FileName })
            .SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();
        db.NominationEvidence.Remove(evidence);
        audit.Add(AuditActions.NominationUpdated, AuditOutcome.Success, ObjectType, id.ToString(), $"删除附件 {evidence.FileName}");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> DeleteAsync(long id, CancellationToken ct)
    {
        var (nomination, refusal) = await EditableAsync(id, ct);
        if (refusal is not null)
        {
            return ServiceResult.Fail("", refusal);
        }

        db.Nominations.Remove(nomination);
        audit.Add(AuditActions.NominationDeleted, AuditOutcome.Success, ObjectType, id.ToString(), nomination.Name);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// The region's sheet of the category, year and batch, created (and saved at once) as a draft when it
    /// does not exist yet. Call it before changing anything else: when another request creates the same
    /// sheet at the same moment, the unique index refuses ours and we read theirs.
    /// </summary>
    public async Task<NominationSheet> SheetForAsync(int regionId, GoldCategory category, int year, int batch, CancellationToken ct, string honour = "")
    {
        IQueryable<NominationSheet> Find() => db.NominationSheets.Where(s => s.RegionId == regionId && s.Category == category && s.HonourTaskId == honour && s.Year == year && s.Batch == batch);
        if (await Find().SingleOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sheet = new NominationSheet { RegionId = regionId, Category = category, HonourTaskId = honour, Year = year, Batch = batch, CreatedAtUtc = now, UpdatedAtUtc = now };
        db.NominationSheets.Add(sheet);
        try
        {
            await db.SaveChangesAsync(ct);
            return sheet;
        }
        catch (DbUpdateException)
        {
            db.Entry(sheet).State = EntityState.Detached;
            return await Find().SingleAsync(ct);
        }
    }

    public static IEnumerable<Criterion> Leaves(CriterionNode node) => node switch
    {
        CriterionGroup group => group.Members.SelectMany(Leaves),
        Criterion criterion => [criterion],
        _ => [],
    };

    /// <summary>
    /// The nomination to change, with its sheet, region and attestations; never with its evidence, whose files are
    /// up to <see cref="EvidenceOptions.MaxTotalMegabytesPerNominee"/> MB (a deleted nomination's files go by the
    /// database's cascade).
    /// </summary>
    private async Task<(Nomination Item, string? Refusal)> EditableAsync(long id, CancellationToken ct)
    {
        var nomination = await db.Nominations.Include(n => n.Sheet).Include(n => n.Region).Include(n => n.Attestations)
            .InScope(scope)
            .SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw new OutOfScopeException();
        if (!scope.CanWriteRecordsOf(nomination.RegionId))
        {
            throw new WriteForbiddenException();
        }

        return (nomination, SheetWorkflow.EditRefusal(nomination.Sheet));
    }
}
