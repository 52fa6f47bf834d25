using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Offices;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Regions;

/// <summary>What a merge of one region into another moves, and what stops it (the same person, unit or sheet on both sides).</summary>
public sealed record MergePlan(int Rows, int Nominations, int Sheets, int Users, int Towns, IReadOnlyList<string> Conflicts)
{
    public bool CanMerge => Conflicts.Count == 0;

    public string Summary => $"台账记录 {Rows} 条、推荐 {Nominations} 条、推荐表 {Sheets} 份、用户 {Users} 个、下级乡镇（街道） {Towns} 个";
}

/// <summary>
/// Merges a region into another of the same level: its ledger rows, nominations, sheets and users (their member units
/// mapped to the target's units of the same party or name, else the target's host unit) and its towns move to the
/// target; the source closes. Reports (LedgerReport) stay with the source as reported, so earlier years' figures do not
/// change; the ledger row counters follow the rows by their triggers. Nothing moves when a row, town or sheet would
/// collide with one of the target's (same ID number, credit code or name in the same year). Callers own the transaction.
/// </summary>
public static class RegionMerge
{
    public static async Task<MergePlan> PlanAsync(HarmonyDbContext db, Region source, Region target, CancellationToken ct)
    {
        var conflicts = new List<string>();
        var rows = 0;
        foreach (var ledger in LedgerCatalog.All)
        {
            var pair = await ledger.Rows(db).AsNoTracking().Where(r => r.RegionId == source.Id || r.RegionId == target.Id).ToListAsync(ct);
            rows += pair.Count(r => r.RegionId == source.Id);
            var keyed = pair.SelectMany(r => new[] { ledger.IdentityOf(r), ledger.NameKeyOf(r) }.OfType<string>().Select(key => (Row: r, Key: key)));
            var clashes = keyed.GroupBy(k => (k.Row.Year, k.Key), k => k.Row).Where(g => g.Select(r => r.RegionId).Distinct().Count() > 1)
                .DistinctBy(g => string.Join(",", g.Select(r => r.Id).Order())); // a credit code and a name may name the same pair
            foreach (var clash in clashes)
            {
                var what = ledger.HasIdNumber ? "身份证号相同" : "同一名称或统一社会信用代码";
                conflicts.Add($"{ledger.Title}（{clash.Key.Year} 年度）：“{string.Join("”与“", clash.Select(r => r.Name).Distinct())}”在两地都有登记（{what}）。");
            }
        }

        var sourceSheets = await db.NominationSheets.AsNoTracking().Where(s => s.RegionId == source.Id).ToListAsync(ct);
        var targetSheets = await db.NominationSheets.AsNoTracking().Where(s => s.RegionId == target.Id).ToListAsync(ct);
        foreach (var sheet in sourceSheets.Where(s => targetSheets.Any(t => MergeSheetKinds.Same(t, s))))
        {
            conflicts.Add($"推荐表（{sheet.Year} 年度 {MergeSheetKinds.Text(sheet)} 第 {sheet.Batch + 1} 批）：两地各有一份，须先由县级处理其中一份。");
        }

        var towns = await db.Regions.AsNoTracking().Where(r => r.ParentId == source.Id).Select(r => r.Name).ToListAsync(ct);
        var targetTowns = await db.Regions.AsNoTracking().Where(r => r.ParentId == target.Id).Select(r => r.Name).ToListAsync(ct);
        conflicts.AddRange(towns.Intersect(targetTowns).Select(n => $"下级地区：两地都有“{n}”。"));

        return new MergePlan(
            rows,
            await db.Nominations.CountAsync(n => n.RegionId == source.Id, ct),
            sourceSheets.Count,
            await db.Users.CountAsync(u => u.RegionId == source.Id, ct),
            towns.Count,
            conflicts);
    }

    /// <summary>
    /// Moves everything of <paramref name="source"/> to <paramref name="target"/> and closes the source; saves. Check
    /// <see cref="PlanAsync"/> first. Returns what moved, with each one's member unit before, for the caller to keep
    /// with the merge's change (<see cref="RegionMergeItem"/>): what an undo moves back.
    /// </summary>
    public static async Task<List<RegionMergeItem>> MergeAsync(HarmonyDbContext db, Region source, Region target, DateOnly effectiveOn, CancellationToken ct)
    {
        var unitOf = await UnitMapAsync(db, source.Id, target.Id, ct);
        var moved = new List<RegionMergeItem> { Item(RegionMergeItemKind.Source, source.Id) };
        foreach (var ledger in LedgerCatalog.All)
        {
            foreach (var row in await ledger.Rows(db).Where(r => r.RegionId == source.Id).ToListAsync(ct))
            {
                moved.Add(Item(RegionMergeItemKind.LedgerRow, row.Id, row.UnitId, ledger.Key));
                row.RegionId = target.Id;
                row.UnitId = Mapped(unitOf, row.UnitId);
                row.Version++;
            }
        }

        foreach (var nomination in await db.Nominations.Where(n => n.RegionId == source.Id).ToListAsync(ct))
        {
            moved.Add(Item(RegionMergeItemKind.Nomination, nomination.Id, nomination.UnitId));
            nomination.RegionId = target.Id;
            nomination.UnitId = Mapped(unitOf, nomination.UnitId);
        }

        foreach (var sheet in await db.NominationSheets.Where(s => s.RegionId == source.Id).ToListAsync(ct))
        {
            moved.Add(Item(RegionMergeItemKind.Sheet, sheet.Id));
            sheet.RegionId = target.Id;
        }

        // Rows in the recycle bin follow their region; a restore maps their member unit then.
        foreach (var deleted in await db.DeletedLedgerRows.Where(d => d.RegionId == source.Id).ToListAsync(ct))
        {
            moved.Add(Item(RegionMergeItemKind.DeletedLedgerRow, deleted.RowId, null, deleted.Ledger));
            deleted.RegionId = target.Id;
        }

        var users = await db.Users.Where(u => u.RegionId == source.Id).ToListAsync(ct);
        moved.AddRange(users.Select(u => new RegionMergeItem { Kind = RegionMergeItemKind.User, ItemId = u.Id, UnitId = u.UnitId }));
        await MoveUsersAsync(db, users, target.Id, unitOf, ct);
        await db.SaveChangesAsync(ct);

        foreach (var town in await db.Regions.Where(r => r.ParentId == source.Id).ToListAsync(ct))
        {
            moved.Add(Item(RegionMergeItemKind.Town, town.Id));
            await RegionSubtree.MoveAsync(db, town, target, ct);
        }

        source.ClosedOn = effectiveOn;
        source.MergedIntoId = target.Id;
        await db.SaveChangesAsync(ct);
        return moved;
    }

    private static RegionMergeItem Item(RegionMergeItemKind kind, long id, int? unitId = null, string ledger = "") =>
        new() { Kind = kind, ItemId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), UnitId = unitId, Ledger = ledger };

    /// <summary>Puts users into another region, each with the unit of the same party or name there (else its host unit).</summary>
    public static async Task MoveUsersAsync(HarmonyDbContext db, IEnumerable<Users.AppUser> users, int targetRegionId, Dictionary<int, int>? unitOf, CancellationToken ct)
    {
        var list = users.ToList();
        foreach (var group in list.GroupBy(u => u.RegionId))
        {
            var map = unitOf ?? await UnitMapAsync(db, group.Key, targetRegionId, ct);
            foreach (var user in group)
            {
                user.RegionId = targetRegionId;
                user.UnitId = Mapped(map, user.UnitId);
            }
        }
    }

    /// <summary>Each member unit of <paramref name="fromRegionId"/> → the target's unit of the same party, else the same short name, else the target's host unit.</summary>
    public static async Task<Dictionary<int, int>> UnitMapAsync(HarmonyDbContext db, int fromRegionId, int toRegionId, CancellationToken ct)
    {
        var from = await db.MemberUnits.AsNoTracking().Where(u => u.RegionId == fromRegionId).ToListAsync(ct);
        var to = await MemberUnits.EnsureAsync(db, toRegionId, ct);
        var host = to.FirstOrDefault(u => u.HostsOffice) ?? to.First();
        return from.ToDictionary(
            u => u.Id,
            u => (to.FirstOrDefault(t => u.Kind is not null && t.Kind == u.Kind) ?? to.FirstOrDefault(t => t.ShortName == u.ShortName) ?? host).Id);
    }

    private static int? Mapped(Dictionary<int, int> unitOf, int? unitId) =>
        unitId is { } id && unitOf.TryGetValue(id, out var mapped) ? mapped : unitId;
}
