using System.Globalization;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Admin.Regions;

/// <summary>
/// Rename (with history), close and reopen, move: changes to regions strictly below the administrator's own region,
/// each confirmed, audited and written to the region change log. Merge and split are in <see cref="RegionMergeService"/>.
/// </summary>
public sealed class RegionChangeService(HarmonyDbContext db, AuditLog audit, UserScope scope, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>A region the administrator may change: in its subtree (else 404) and below its own region (else 403).</summary>
    public async Task<Region> ChangeableAsync(int id, CancellationToken ct)
    {
        var region = await db.Regions.InScope(scope).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new OutOfScopeException();
        if (region.Id == scope.RegionId || !scope.CanManageRegionsUnder(region.Path))
        {
            throw new WriteForbiddenException("Administrators change the regions below their own, not their own region.");
        }

        return region;
    }

    public async Task<RegionHistoryPage> HistoryAsync(int id, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new OutOfScopeException();
        var names = await db.RegionNames.AsNoTracking().Where(n => n.RegionId == id).OrderByDescending(n => n.ToYear).ToListAsync(ct);
        var changes = await db.RegionChanges.AsNoTracking().Where(c => c.RegionId == id).OrderByDescending(c => c.Id).ToListAsync(ct);
        var others = changes.Select(c => c.OtherRegionId).Append(region.MergedIntoId).OfType<int>().Distinct().ToList();
        var otherNames = await db.Regions.AsNoTracking().Where(r => others.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return new RegionHistoryPage(region, region.MergedIntoId is { } m ? otherNames.GetValueOrDefault(m) : null, names, changes, otherNames,
            region.Id != scope.RegionId);
    }

    public async Task<RegionChangePage> FormAsync(int id, RegionChangeAction action, RegionChangeInput? input, CancellationToken ct)
    {
        var region = await ChangeableAsync(id, ct);
        input ??= new RegionChangeInput
        {
            Name = action == RegionChangeAction.Rename ? region.Name : null,
            FromYear = action == RegionChangeAction.Rename ? Today.Year : null,
            EffectiveOn = action is RegionChangeAction.Close or RegionChangeAction.Merge or RegionChangeAction.Split ? Today : null,
        };
        var tree = await db.LoadSubtreeAsync(scope, Today, ct);
        IReadOnlyList<RegionOption> choices = action switch
        {
            RegionChangeAction.Move => RegionOption.Flatten(tree, n => n.Level == region.Level - 1 && n.Id != region.ParentId && !IsUnder(n.Id, region)),
            RegionChangeAction.Merge => RegionOption.Flatten(tree, n => n.Level == region.Level && n.Id != region.Id && n.Id != scope.RegionId),
            _ => [],
        };
        IReadOnlyList<(int, string)> towns = action == RegionChangeAction.Split
            ? (await db.Regions.AsNoTracking().Where(r => r.ParentId == region.Id && r.ClosedOn == null).OrderBy(r => r.SortOrder).ThenBy(r => r.Code).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList()
            : [];
        IReadOnlyList<(string, string)> users = action == RegionChangeAction.Split
            ? (await db.Users.AsNoTracking().Where(u => u.RegionId == region.Id).OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, $"{u.DisplayName}（{u.UserName}）")).ToList()
            : [];
        return new RegionChangePage(region, action, input, choices, towns, users);

        bool IsUnder(int candidate, Region moved) => tree.SelfAndDescendants().Any(n => n.Id == moved.Id && n.SelfAndDescendants().Any(d => d.Id == candidate));
    }

    public async Task<ServiceResult> RenameAsync(int id, RegionChangeInput input, CancellationToken ct)
    {
        var region = await ChangeableAsync(id, ct);
        var result = Common(input);
        var name = input.Name?.Trim();
        var history = await db.RegionNames.Where(n => n.RegionId == id).OrderByDescending(n => n.ToYear).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(name) || name.Length > 50)
        {
            result.Add(nameof(input.Name), "新名称：必须填写，不超过 50 个字符。");
        }
        else if (name == region.Name)
        {
            result.Add(nameof(input.Name), "新名称：与现名称相同。");
        }
        else if (await db.Regions.AnyAsync(r => r.ParentId == region.ParentId && r.Name == name && r.Id != id, ct))
        {
            result.Add(nameof(input.Name), $"新名称：同一上级下已有“{name}”。");
        }

        if (input.FromYear is not { } from || from < 2000 || from > Today.Year + 1)
        {
            result.Add(nameof(input.FromYear), $"启用年度：须在 2000 到 {Today.Year + 1} 之间。");
        }
        else if (history is not null && from <= history.ToYear + 1)
        {
            result.Add(nameof(input.FromYear), $"启用年度：须晚于上次更名的启用年度 {history.ToYear + 1}。");
        }

        if (!result.Succeeded)
        {
            return result;
        }

        var old = region.Name;
        db.RegionNames.Add(new RegionName { RegionId = id, Name = old, FromYear = history is null ? null : history.ToYear + 1, ToYear = input.FromYear!.Value - 1 });
        region.Name = name!;
        Log(region, RegionChangeKind.Rename, null, new DateOnly(input.FromYear!.Value, 1, 1), input.Reason!, $"原名称：{old}（至 {input.FromYear - 1} 年度）；新名称：{name}（自 {input.FromYear} 年度）", AuditActions.RegionRenamed);
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<ServiceResult> CloseAsync(int id, RegionChangeInput input, CancellationToken ct)
    {
        var region = await ChangeableAsync(id, ct);
        var result = Common(input);
        if (region.ClosedOn is not null)
        {
            result.Add("", $"“{region.Name}”已于 {region.ClosedOn:yyyy-MM-dd} 撤销。");
        }

        if (input.EffectiveOn is not { } on || on.Year < 2000 || on > Today.AddYears(1))
        {
            result.Add(nameof(input.EffectiveOn), "生效日期：必须填写，且不晚于一年之后。");
        }

        if (!result.Succeeded)
        {
            return result;
        }

        region.ClosedOn = input.EffectiveOn;
        Log(region, RegionChangeKind.Close, null, input.EffectiveOn!.Value, input.Reason!, $"自 {input.EffectiveOn.Value.Year} 年度起不再应报送；已有数据保留。", AuditActions.RegionClosed);
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Undoes a closure (not a merge: its rows have moved): the region is expected to report again.</summary>
    public async Task<ServiceResult> ReopenAsync(int id, StepReason reason, CancellationToken ct)
    {
        var region = await ChangeableAsync(id, ct);
        if (region.ClosedOn is null || region.MergedIntoId is not null)
        {
            return ServiceResult.Fail("", region.ClosedOn is null ? "该地区未撤销。" : "已并入其他地区的地区不能直接恢复：其数据已转入目标地区。");
        }

        if (reason.Refusal is not null)
        {
            return ServiceResult.Fail("Reason", reason.Refusal);
        }

        var closed = region.ClosedOn.Value;
        region.ClosedOn = null;
        Log(region, RegionChangeKind.Reopen, null, Today, reason.Why, $"撤销（{closed:yyyy-MM-dd}）已取消。", AuditActions.RegionReopened);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> MoveAsync(int id, RegionChangeInput input, CancellationToken ct)
    {
        var region = await ChangeableAsync(id, ct);
        var result = Common(input);
        var parent = input.OtherId is { } parentId ? await db.Regions.InScope(scope).SingleOrDefaultAsync(r => r.Id == parentId, ct) ?? throw new OutOfScopeException() : null;
        if (parent is null)
        {
            result.Add(nameof(input.OtherId), "新的上级：请选择。");
        }
        else if (await RegionSubtree.RefuseMoveAsync(db, region, parent, ct) is { } refusal)
        {
            result.Add(nameof(input.OtherId), "新的上级：" + refusal);
        }

        if (!result.Succeeded)
        {
            return result;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var oldParent = await db.Regions.AsNoTracking().Where(r => r.Id == region.ParentId).Select(r => r.Name).SingleAsync(ct);
        var moved = await RegionSubtree.MoveAsync(db, region, parent!, ct);
        Log(region, RegionChangeKind.Move, parent!.Id, Today, input.Reason!, $"上级由“{oldParent}”调整为“{parent.Name}”，连同下级共 {moved} 个地区；其用户、台账和推荐随之调整。", AuditActions.RegionMoved);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The confirmation box every change requires (its reason: <see cref="RegionChangeInputValidator"/>).</summary>
    internal static ServiceResult Common(RegionChangeInput input)
    {
        var result = new ServiceResult();
        input.Reason = input.Reason?.Trim();

        if (!input.Confirm)
        {
            result.Add(nameof(input.Confirm), "确认：请勾选“我已核对”后再提交。");
        }

        return result;
    }

    /// <summary>Writes the change log row and the audit entry, in the caller's unit of work.</summary>
    internal RegionChange Log(Region region, RegionChangeKind kind, int? other, DateOnly effectiveOn, string reason, string details, string action)
    {
        var change = new RegionChange
        {
            RegionId = region.Id,
            Kind = kind,
            OtherRegionId = other,
            EffectiveOn = effectiveOn,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = scope.UserId,
            UserName = scope.UserName,
            Reason = reason,
            Details = details,
        };
        db.RegionChanges.Add(change);
        audit.Add(action, AuditOutcome.Success, "region", region.Id.ToString(CultureInfo.InvariantCulture), $"{region.Code} {region.Name}：{details} 原因：{reason}");
        return change;
    }
}
