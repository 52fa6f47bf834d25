using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Offices;

/// <summary>
/// The member units of a region: its default list, lookups by short name, and the attribution queries the rules
/// engine measures unit quotas with (docs/rules/member-units.md).
/// </summary>
public static class MemberUnits
{
    /// <summary>The column of a ledger workbook, and the select of the row form, that names the responsible unit.</summary>
    public const string ColumnHeader = "责任单位";

    /// <summary>The key the unit's short name travels under among a row's values (form and import alike).</summary>
    public const string FieldKey = "__unit";

    /// <summary>The default four units of a region (三方四家), the 人社 unit hosting the office.</summary>
    public static List<MemberUnit> DefaultsFor(Region region) =>
        PartyNames.All.Select((party, i) => new MemberUnit
        {
            RegionId = region.Id,
            Kind = party,
            ShortName = party.ShortNameAt(region.Level),
            Name = party.FullNameIn(region.Name, region.Level),
            SortOrder = (i + 1) * 10,
            HostsOffice = party == Party.HumanResources,
            IsActive = true,
        }).ToList();

    /// <summary>Units in the order forms and lists show them.</summary>
    public static IOrderedQueryable<MemberUnit> Ordered(this IQueryable<MemberUnit> units) =>
        units.OrderBy(u => u.SortOrder).ThenBy(u => u.Id);

    /// <summary>
    /// The region's units, after giving the default four to a region that has none yet (regions made before units
    /// existed, towns): every region has its list. Saves when it adds; returns the units untracked.
    /// </summary>
    public static async Task<List<MemberUnit>> EnsureAsync(HarmonyDbContext db, int regionId, CancellationToken ct)
    {
        if (!await db.MemberUnits.AnyAsync(u => u.RegionId == regionId, ct))
        {
            var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == regionId, ct);
            var defaults = DefaultsFor(region);
            db.MemberUnits.AddRange(defaults);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request gave the region its defaults first: those are read below.
            }

            foreach (var unit in defaults)
            {
                db.Entry(unit).State = EntityState.Detached;
            }
        }

        return await db.MemberUnits.AsNoTracking().Where(u => u.RegionId == regionId).Ordered().ToListAsync(ct);
    }

    /// <summary>The region's host unit (its first active unit if none is marked), after <see cref="EnsureAsync"/>.</summary>
    public static async Task<MemberUnit> HostAsync(HarmonyDbContext db, int regionId, CancellationToken ct)
    {
        var units = await EnsureAsync(db, regionId, ct);
        return units.FirstOrDefault(u => u.HostsOffice) ?? units.FirstOrDefault(u => u.IsActive) ?? units[0];
    }

    /// <summary>
    /// The unit of <paramref name="units"/> with this short name: exactly, or as the notices spell it with the level in
    /// front (市总工会, 省人社厅, 县工商联 name 总工会, 人社厅, 工商联). Null when none.
    /// </summary>
    public static MemberUnit? Named(IEnumerable<MemberUnit> units, string? shortName)
    {
        var name = shortName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var list = units as IReadOnlyCollection<MemberUnit> ?? units.ToList();
        return list.FirstOrDefault(u => u.ShortName == name) ?? list.FirstOrDefault(u => Names(name, u.ShortName));
    }

    /// <summary>
    /// Whether <paramref name="written"/> names the unit with this short name: exactly, or with the level in front as the
    /// notices spell it (市总工会, 省人社厅 name 总工会, 人社厅). The one comparison the rules checker, the quota grid and
    /// <see cref="Named"/> share.
    /// </summary>
    public static bool Names(string? written, string shortName)
    {
        var name = written?.Trim();
        return !string.IsNullOrEmpty(name) && (name == shortName || WithoutLevel(name) == shortName);
    }

    /// <summary>The name without the level the notices put in front (市总工会 → 总工会, 省人社厅 → 人社厅); other names unchanged.</summary>
    public static string WithoutLevel(string name) => name.Length > 1 && "省市县区".Contains(name[0]) ? name[1..] : name;

    /// <summary>Ledger rows the unit is responsible for.</summary>
    public static IQueryable<TRow> AttributedTo<TRow>(this IQueryable<TRow> rows, int unitId)
        where TRow : LedgerRow =>
        rows.Where(r => r.UnitId == unitId);

    /// <summary>Nominations the unit is responsible for.</summary>
    public static IQueryable<Nominations.Nomination> AttributedTo(this IQueryable<Nominations.Nomination> nominations, int unitId) =>
        nominations.Where(n => n.UnitId == unitId);

    /// <summary>
    /// What a unit quota is measured with: the rows of ledger <paramref name="ledgerKey"/> of region <paramref name="regionId"/>
    /// and <paramref name="year"/> attributed to the region's unit named <paramref name="unitShortName"/> (see <see cref="Named"/>;
    /// retired units count too). 0 when the region has no such unit. Throws for an unknown ledger key.
    /// </summary>
    public static async Task<int> CountRowsAsync(HarmonyDbContext db, string ledgerKey, int regionId, string unitShortName, int year, CancellationToken ct = default)
    {
        var definition = LedgerCatalog.Find(ledgerKey) ?? throw new ArgumentException("Unknown ledger " + ledgerKey, nameof(ledgerKey));
        var units = await db.MemberUnits.AsNoTracking().Where(u => u.RegionId == regionId).ToListAsync(ct);
        if (Named(units, unitShortName) is not { } unit)
        {
            return 0;
        }

        return await definition.Rows(db).Where(r => r.RegionId == regionId && r.Year == year).AttributedTo(unit.Id).CountAsync(ct);
    }
}
