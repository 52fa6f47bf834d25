using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Admin.Regions;

/// <summary>A unit of the national list offered under a parent; <paramref name="InPortal"/> when a region already has its code.</summary>
public sealed record RegionChoice(NationalRegion Entry, bool InPortal);

/// <summary>Maintains the region tree under a province or city admin's region (a city admin does not edit its own city).</summary>
public sealed class RegionAdminService(HarmonyDbContext db, AuditLog audit, UserScope scope)
{
    public Task<RegionNode> TreeAsync(CancellationToken ct) => db.LoadSubtreeAsync(scope, ct);

    public async Task<Region> FindAsync(int id, CancellationToken ct) =>
        await db.Regions.InScope(scope).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new OutOfScopeException();

    public async Task<ServiceResult> CreateAsync(RegionInput input, CancellationToken ct)
    {
        var result = new ServiceResult(); // the fields' own rules: RegionInputValidator, run by ValidationFilter
        var parent = await FindAsync(input.ParentId, ct);
        TakeListChoice(input, result);
        if (!result.Succeeded)
        {
            return result;
        }

        if (parent.ClosedOn is not null)
        {
            result.Add(nameof(input.ParentId), $"上级地区：{parent.Name}已撤销，不能再添加下级。");
        }
        else if (parent.Level == RegionLevel.Town || input.Level <= parent.Level)
        {
            result.Add(nameof(input.Level), $"层级：{parent.Name}（{parent.Level.ToChinese()}）之下只能添加更低层级的地区。");
        }
        else if (!input.IsLocalCode && NationalList.RefusalUnder(input.Code!.Trim(), parent.Code, parent.Name) is { } refusal)
        {
            result.Add(nameof(input.Code), refusal);
        }

        await CheckUniqueAsync(input, parent.Id, null, result, ct);
        if (!result.Succeeded)
        {
            return result;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var region = await RegionWriter.AddAsync(db, new Region
        {
            Name = input.Name!.Trim(),
            Code = input.Code!.Trim(),
            IsLocalCode = input.IsLocalCode,
            Level = input.Level,
            SortOrder = input.SortOrder,
        }, parent, ct);
        audit.Add(AuditActions.RegionCreated, AuditOutcome.Success, "region", region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{region.Code} {region.Name}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The region an admin may edit: in scope (else 404), and not a city admin's own city (else 403).</summary>
    public async Task<Region> EditableAsync(int id, CancellationToken ct)
    {
        var region = await FindAsync(id, ct);
        if (region.Id == scope.RegionId && !scope.IsProvinceAdmin)
        {
            throw new WriteForbiddenException("A city administrator does not edit its own city.");
        }

        return region;
    }

    public async Task<ServiceResult> UpdateAsync(int id, RegionInput input, CancellationToken ct)
    {
        var region = await EditableAsync(id, ct);
        input.Level = region.Level;
        var result = new ServiceResult();
        if (string.IsNullOrWhiteSpace(input.Code) || string.IsNullOrWhiteSpace(input.Name))
        {
            return result.Add(nameof(input.Code), "区划代码和名称：必须填写。");
        }

        var code = input.Code.Trim();
        if (!input.IsLocalCode && code != region.Code)
        {
            var parent = region.ParentId is { } parentId ? await db.Regions.AsNoTracking().SingleAsync(r => r.Id == parentId, ct) : null;
            if (NationalList.RefusalUnder(code, parent?.Code, parent?.Name) is { } refusal)
            {
                result.Add(nameof(input.Code), refusal);
            }
        }

        await CheckUniqueAsync(input, region.ParentId, region.Id, result, ct);
        if (!result.Succeeded)
        {
            return result;
        }

        var before = $"{region.Code} {region.Name}";
        region.Name = input.Name!.Trim();
        region.Code = input.Code!.Trim();
        region.IsLocalCode = input.IsLocalCode;
        region.SortOrder = input.SortOrder;
        audit.Add(AuditActions.RegionUpdated, AuditOutcome.Success, "region", region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{before} -> {region.Code} {region.Name}");
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static NationalRegionList NationalList => NationalRegionList.Shipped;

    /// <summary>The national units directly under <paramref name="parent"/>'s code, those already in the portal marked.</summary>
    public async Task<IReadOnlyList<RegionChoice>> ChoicesAsync(Region parent, CancellationToken ct)
    {
        var entries = NationalList.ChildrenOf(parent.IsLocalCode ? null : parent.Code).ToList();
        var codes = entries.Select(e => e.Code).ToList();
        var used = await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct);
        return entries.Select(e => new RegionChoice(e, used.Contains(e.Code))).ToList();
    }

    /// <summary>A unit picked from the national list gives the region its code and name (a national code, not a local one).</summary>
    private static void TakeListChoice(RegionInput input, ServiceResult result)
    {
        if (string.IsNullOrWhiteSpace(input.ListCode))
        {
            return;
        }

        if (NationalList.Find(input.ListCode.Trim()) is not { } entry)
        {
            result.Add(nameof(input.ListCode), $"从国家行政区划列表选择：{input.ListCode.Trim()} 不在列表中。");
            return;
        }

        input.Code = entry.Code;
        input.Name = entry.Name;
        input.IsLocalCode = false;
    }

    private async Task CheckUniqueAsync(RegionInput input, int? parentId, int? selfId, ServiceResult result, CancellationToken ct)
    {
        var code = input.Code?.Trim();
        var name = input.Name?.Trim();
        if (code is not null && await db.Regions.AnyAsync(r => r.Code == code && r.Id != selfId, ct))
        {
            result.Add(nameof(input.Code), $"区划代码：{code} 已被其他地区使用。");
        }

        if (name is not null && await db.Regions.AnyAsync(r => r.ParentId == parentId && r.Name == name && r.Id != selfId, ct))
        {
            result.Add(nameof(input.Name), $"名称：同一上级下已有“{name}”。");
        }
    }
}
