using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Offices.UnitContacts;

/// <summary>One member unit's contact for the office's business, as the level above sees it next to an overdue item.</summary>
public sealed record UnitContact(int RegionId, string ShortName, bool HostsOffice, string? Name, string? Phone, string? Email)
{
    public static UnitContact Of(MemberUnit unit) =>
        new(unit.RegionId, unit.ShortName, unit.HostsOffice, unit.ContactName, unit.ContactPhone, unit.ContactEmail);
}

/// <summary>The contacts of a set of regions, per region: the host unit first, then the units in their order.</summary>
public sealed class UnitContactBook(IReadOnlyDictionary<int, IReadOnlyList<UnitContact>> byRegion)
{
    public static UnitContactBook Empty { get; } = new(new Dictionary<int, IReadOnlyList<UnitContact>>());

    /// <summary>The region's units that have a contact; empty when none is recorded (or the region was not asked for).</summary>
    public IReadOnlyList<UnitContact> Of(int regionId) => byRegion.TryGetValue(regionId, out var contacts) ? contacts : [];
}

/// <summary>
/// Member-unit contacts (联系人, 联系电话, 电子邮箱) of the regions a page lists, read through the user's scope: a region
/// outside the user's subtree gives nothing, whatever ids the caller passes. Contacts are the offices' published work
/// contacts (赣州's notice prints them), shown in full to the users of the unit's own region and of the regions above,
/// who chase overdue items; regions below and beside never see them. Only active units with at least one contact field.
/// </summary>
public sealed class UnitContactService(HarmonyDbContext db, UserScope scope)
{
    public async Task<UnitContactBook> ForRegionsAsync(IReadOnlyCollection<int> regionIds, CancellationToken ct)
    {
        if (regionIds.Count == 0)
        {
            return UnitContactBook.Empty;
        }

        var ids = regionIds.Distinct().ToList();
        var units = await db.MemberUnits.AsNoTracking().InScope(scope)
            .Where(u => ids.Contains(u.RegionId) && u.IsActive && (u.ContactName != null || u.ContactPhone != null || u.ContactEmail != null))
            .ToListAsync(ct);
        return new UnitContactBook(units
            .GroupBy(u => u.RegionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<UnitContact>)g.OrderByDescending(u => u.HostsOffice).ThenBy(u => u.SortOrder).ThenBy(u => u.Id).Select(UnitContact.Of).ToList()));
    }
}
