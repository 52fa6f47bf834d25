using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Notifications.Email;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Admin.Units;

/// <summary>
/// The member units of the regions an admin administers (its own region and those below, as for users): add, rename,
/// reorder, keep its contact (联系人, 联系电话, 电子邮箱), choose the host, retire and restore. A unit is never deleted: users
/// and rows keep naming it.
/// </summary>
public sealed class UnitAdminService(HarmonyDbContext db, AuditLog audit, UserScope scope)
{
    public async Task<UnitListViewModel> ListAsync(int? regionId, CancellationToken ct)
    {
        var region = await FindRegionAsync(regionId ?? scope.RegionId, ct);
        var units = await MemberUnits.EnsureAsync(db, region.Id, ct);
        var ids = units.Select(u => u.Id).ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.UnitId != null && ids.Contains(u.UnitId.Value))
            .GroupBy(u => u.UnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var regions = RegionOption.Flatten(await db.LoadSubtreeAsync(scope, ct));
        return new UnitListViewModel(region.Id, region.Name, regions,
            units.Select(u => new UnitRow(u, users.GetValueOrDefault(u.Id))).ToList());
    }

    public async Task<MemberUnit> FindAsync(int id, CancellationToken ct) =>
        await db.MemberUnits.InScope(scope).Include(u => u.Region).SingleOrDefaultAsync(u => u.Id == id, ct)
        ?? throw new OutOfScopeException();

    public async Task<ServiceResult> CreateAsync(int regionId, UnitInput input, CancellationToken ct)
    {
        var region = await FindRegionAsync(regionId, ct);
        var units = await MemberUnits.EnsureAsync(db, region.Id, ct);
        var result = new ServiceResult();
        CheckUnique(units, input.ShortName, null, result);
        if (!result.Succeeded)
        {
            return result;
        }

        var unit = new MemberUnit
        {
            RegionId = region.Id,
            ShortName = input.ShortName!.Trim(),
            Name = input.Name!.Trim(),
            SortOrder = input.SortOrderValue() ?? (units.Count == 0 ? 10 : units.Max(u => u.SortOrder) + 10),
            IsActive = true,
        };
        (unit.ContactName, unit.ContactPhone, unit.ContactEmail) = input.Contact();
        db.MemberUnits.Add(unit);
        return await SaveAsync(AuditActions.MemberUnitCreated, unit, $"{region.Name} {unit.ShortName} {unit.Name} {ContactForAudit(unit)}", ct);
    }

    public async Task<ServiceResult> UpdateAsync(int id, UnitInput input, CancellationToken ct)
    {
        var unit = await FindAsync(id, ct);
        var units = await db.MemberUnits.AsNoTracking().Where(u => u.RegionId == unit.RegionId).ToListAsync(ct);
        var result = new ServiceResult();
        CheckUnique(units, input.ShortName, unit.Id, result);
        if (!result.Succeeded)
        {
            return result;
        }

        var before = $"{unit.ShortName} {unit.Name} {unit.SortOrder} {ContactForAudit(unit)}";
        unit.ShortName = input.ShortName!.Trim();
        unit.Name = input.Name!.Trim();
        unit.SortOrder = input.SortOrderValue() ?? unit.SortOrder;
        (unit.ContactName, unit.ContactPhone, unit.ContactEmail) = input.Contact();
        return await SaveAsync(AuditActions.MemberUnitUpdated, unit, $"{before} -> {unit.ShortName} {unit.Name} {unit.SortOrder} {ContactForAudit(unit)}", ct);
    }

    /// <summary>Makes the unit the one host of its region's office.</summary>
    public async Task<ServiceResult> MakeHostAsync(int id, CancellationToken ct)
    {
        var unit = await FindAsync(id, ct);
        if (!unit.IsActive)
        {
            return ServiceResult.Fail("", $"“{unit.ShortName}”已撤销，不能设为牵头单位；请先恢复。");
        }

        var previous = await db.MemberUnits.Where(u => u.RegionId == unit.RegionId && u.HostsOffice && u.Id != unit.Id).ToListAsync(ct);
        previous.ForEach(u => u.HostsOffice = false);
        unit.HostsOffice = true;
        return await SaveAsync(AuditActions.MemberUnitHostChanged, unit, $"{string.Join(",", previous.Select(u => u.ShortName))} -> {unit.ShortName}", ct);
    }

    /// <summary>What retiring the unit leaves behind: its users and the rows and nominations attributed to it.</summary>
    public async Task<RetireViewModel> RetireFormAsync(int id, CancellationToken ct)
    {
        var unit = await FindAsync(id, ct);
        var users = await db.Users.CountAsync(u => u.UnitId == unit.Id, ct);
        var rows = 0;
        foreach (var definition in LedgerCatalog.All)
        {
            rows += await definition.Rows(db).CountAsync(r => r.UnitId == unit.Id, ct);
        }

        var nominations = await db.Nominations.AttributedTo(unit.Id).CountAsync(ct);
        return new RetireViewModel(unit, users, rows, nominations, RetireRefusal(unit));
    }

    public async Task<ServiceResult> RetireAsync(int id, CancellationToken ct)
    {
        var unit = await FindAsync(id, ct);
        if (RetireRefusal(unit) is { } refusal)
        {
            return ServiceResult.Fail("", refusal);
        }

        unit.IsActive = false;
        return await SaveAsync(AuditActions.MemberUnitRetired, unit, $"{unit.Region.Name} {unit.ShortName}", ct);
    }

    public async Task<ServiceResult> RestoreAsync(int id, CancellationToken ct)
    {
        var unit = await FindAsync(id, ct);
        unit.IsActive = true;
        return await SaveAsync(AuditActions.MemberUnitRestored, unit, $"{unit.Region.Name} {unit.ShortName}", ct);
    }

    /// <summary>The contact as the audit keeps it: the name, the phone and the address masked (personal data is never logged in full).</summary>
    private static string ContactForAudit(MemberUnit unit) =>
        $"联系人 {unit.ContactName ?? "—"} {(unit.ContactPhone is { } phone ? PhoneNumber.Mask(phone) : "—")} {(unit.ContactEmail is { } email ? EmailAddress.Mask(email) : "—")}";

    private static string? RetireRefusal(MemberUnit unit) =>
        !unit.IsActive ? $"“{unit.ShortName}”已经撤销。"
        : unit.HostsOffice ? $"“{unit.ShortName}”是牵头单位，不能撤销；请先将其他单位设为牵头单位。"
        : null;

    private static void CheckUnique(IEnumerable<MemberUnit> units, string? shortName, int? selfId, ServiceResult result)
    {
        var name = shortName?.Trim();
        if (!string.IsNullOrEmpty(name) && units.Any(u => u.ShortName == name && u.Id != selfId))
        {
            result.Add(nameof(UnitInput.ShortName), $"简称：本地区已有“{name}”（含已撤销的单位），请换一个简称。");
        }
    }

    /// <summary>A region the admin administers; any other answers 404, as a missing one does.</summary>
    private async Task<Region> FindRegionAsync(int regionId, CancellationToken ct) =>
        await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct)
        ?? throw new OutOfScopeException();

    private async Task<ServiceResult> SaveAsync(string action, MemberUnit unit, string details, CancellationToken ct)
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            audit.Add(action, AuditOutcome.Success, "unit", unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), details, regionId: unit.RegionId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ServiceResult();
        }
        catch (DbUpdateException)
        {
            // Another admin took the short name between the check and the save.
            db.ChangeTracker.Clear();
            return ServiceResult.Fail(nameof(UnitInput.ShortName), $"简称：本地区已有“{unit.ShortName}”，请换一个简称。");
        }
    }
}

public sealed record UnitRow(MemberUnit Unit, int UserCount);

public sealed record UnitListViewModel(int RegionId, string RegionName, IReadOnlyList<RegionOption> Regions, IReadOnlyList<UnitRow> Units)
{
    public UnitInput Input { get; init; } = new();
}

public sealed record UnitFormViewModel(int UnitId, string RegionName, UnitInput Input);

public sealed record RetireViewModel(MemberUnit Unit, int Users, int Rows, int Nominations, string? Refusal);
