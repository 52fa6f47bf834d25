using System.Globalization;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Regions;

/// <summary>What an undo of a merge would move back, and why it cannot (then nothing moves).</summary>
public sealed record MergeUndoPlan(RegionChange? Merge, Region? Target, int Rows, int DeletedRows, int Nominations, int Sheets, int Users, int Towns, IReadOnlyList<string> Refusals)
{
    public bool CanUndo => Merge is not null && Target is not null && Refusals.Count == 0;

    public string Summary => $"台账记录 {Rows} 条（另有回收站中 {DeletedRows} 条）、推荐 {Nominations} 条、推荐表 {Sheets} 份、用户 {Users} 个、下级乡镇（街道） {Towns} 个";

    internal static MergeUndoPlan Refused(string why) => new(null, null, 0, 0, 0, 0, 0, 0, [why]);
}

/// <summary>
/// Undoes a merge exactly: what the merge recorded (<see cref="RegionMergeItem"/>) goes back to the source with the
/// member unit it had, the source reopens; rows, sheets and nominations the target created after the merge stay.
/// Refused when it cannot be exact: the merge kept no record (before this feature), a later change (other than a
/// rename) touched either region or a moved town, a year was reported after the merge on either side, a moved user
/// was since put into another region, a moved sheet gained nominations or a target's nomination names a moved row.
/// Callers own the transaction.
/// </summary>
public static class RegionMergeUndo
{
    public static async Task<MergeUndoPlan> PlanAsync(HarmonyDbContext db, Region source, CancellationToken ct)
    {
        if (source.MergedIntoId is not { } targetId)
        {
            return MergeUndoPlan.Refused($"“{source.Name}”目前没有并入其他地区，没有可撤回的合并。");
        }

        var target = await db.Regions.SingleAsync(r => r.Id == targetId, ct);
        var merge = await db.RegionChanges.AsNoTracking().Where(c => c.RegionId == source.Id && c.Kind == RegionChangeKind.MergedInto && c.OtherRegionId == targetId)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        var items = merge is null ? [] : await db.RegionMergeItems.AsNoTracking().Where(i => i.ChangeId == merge.Id).ToListAsync(ct);
        if (merge is null || !items.Any(i => i.Kind == RegionMergeItemKind.Source))
        {
            return MergeUndoPlan.Refused($"“{source.Name}”并入“{target.Name}”是在本系统记录合并明细之前完成的，未记录当时转入了哪些数据和用户，不能自动撤回。");
        }

        var refusals = new List<string>();
        var towns = Ids(items, RegionMergeItemKind.Town).ConvertAll(id => (int)id);
        await LaterChangesAsync(db, merge, source, target, towns, refusals, ct);

        var rows = 0;
        var deleted = 0;
        var years = new HashSet<int>();
        var movedRows = new HashSet<(string Ledger, long Id)>();
        foreach (var ledger in LedgerCatalog.All)
        {
            var ids = RowIds(items, ledger.Key);
            movedRows.UnionWith(ids.Select(id => (ledger.Key, id)));
            var live = await ledger.Rows(db).AsNoTracking().Where(r => ids.Contains(r.Id) && r.RegionId == target.Id).Select(r => r.Year).ToListAsync(ct);
            var binned = await db.DeletedLedgerRows.AsNoTracking().Where(d => d.Ledger == ledger.Key && ids.Contains(d.RowId) && d.RegionId == target.Id).Select(d => d.Year).ToListAsync(ct);
            rows += live.Count;
            deleted += binned.Count;
            years.UnionWith(live);
            years.UnionWith(binned);
        }

        await ReportedAfterAsync(db, merge, source, target, [.. years], refusals, ct);

        var userIds = UserIds(items);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToListAsync(ct);
        refusals.AddRange(users.Where(u => u.RegionId != target.Id)
            .Select(u => $"用户“{u.DisplayName}（{u.UserName}）”合并后已调至其他地区，请先将其调回“{target.Name}”再撤回合并。"));

        var sheetIds = Ids(items, RegionMergeItemKind.Sheet);
        var nominationIds = Ids(items, RegionMergeItemKind.Nomination).ToHashSet();
        var added = await db.Nominations.AsNoTracking().Where(n => sheetIds.Contains(n.SheetId)).Select(n => new { n.Id, n.Name, n.Year }).ToListAsync(ct);
        refusals.AddRange(added.Where(n => !nominationIds.Contains(n.Id))
            .Select(n => $"转入的推荐表（{n.Year} 年度）合并后新增了推荐“{n.Name}”，撤回合并会把它一并带走；请先删除该推荐或将其改在“{target.Name}”自己的推荐表中。"));
        var targetNominations = await db.Nominations.AsNoTracking().Where(n => n.RegionId == target.Id).Select(n => new { n.Id, n.Name, n.Year, n.Category, n.LedgerRowId }).ToListAsync(ct);
        refusals.AddRange(targetNominations.Where(n => !nominationIds.Contains(n.Id) && movedRows.Contains((Rules.TaskKinds.LedgerOf(n.Category), n.LedgerRowId)))
            .Select(n => $"合并后“{target.Name}”推荐了转入的“{n.Name}”（{n.Year} 年度），撤回合并会使推荐与台账分属两地；请先删除该推荐。"));

        var nominations = await db.Nominations.CountAsync(n => nominationIds.Contains(n.Id) && n.RegionId == target.Id, ct);
        var sheets = await db.NominationSheets.CountAsync(s => sheetIds.Contains(s.Id) && s.RegionId == target.Id, ct);
        return new MergeUndoPlan(merge, target, rows, deleted, nominations, sheets, users.Count(u => u.RegionId == target.Id),
            await db.Regions.CountAsync(r => towns.Contains(r.Id) && r.ParentId == target.Id, ct), refusals);
    }

    /// <summary>Moves back what <paramref name="plan"/> names and reopens the source; saves. Only for a plan that <see cref="MergeUndoPlan.CanUndo"/>.</summary>
    public static async Task UndoAsync(HarmonyDbContext db, Region source, MergeUndoPlan plan, CancellationToken ct)
    {
        var target = plan.Target!;
        var items = await db.RegionMergeItems.AsNoTracking().Where(i => i.ChangeId == plan.Merge!.Id).ToListAsync(ct);
        var unitOf = items.Where(i => i.UnitId is not null).ToDictionary(i => (i.Kind, i.Ledger, i.ItemId), i => i.UnitId);
        var back = await RegionMerge.UnitMapAsync(db, target.Id, source.Id, ct);
        foreach (var ledger in LedgerCatalog.All)
        {
            var ids = RowIds(items, ledger.Key);
            foreach (var row in await ledger.Rows(db).Where(r => ids.Contains(r.Id) && r.RegionId == target.Id).ToListAsync(ct))
            {
                row.RegionId = source.Id;
                // A row restored from the recycle bin after the merge has no unit of before: the source's like one.
                row.UnitId = unitOf.TryGetValue((RegionMergeItemKind.LedgerRow, ledger.Key, Text(row.Id)), out var unit) ? unit
                    : row.UnitId is { } now && back.TryGetValue(now, out var mapped) ? mapped : row.UnitId;
                row.Version++;
            }

            foreach (var entry in await db.DeletedLedgerRows.Where(d => d.Ledger == ledger.Key && ids.Contains(d.RowId) && d.RegionId == target.Id).ToListAsync(ct))
            {
                entry.RegionId = source.Id;
            }
        }

        var nominationIds = Ids(items, RegionMergeItemKind.Nomination);
        foreach (var nomination in await db.Nominations.Where(n => nominationIds.Contains(n.Id) && n.RegionId == target.Id).ToListAsync(ct))
        {
            nomination.RegionId = source.Id;
            nomination.UnitId = unitOf.GetValueOrDefault((RegionMergeItemKind.Nomination, "", Text(nomination.Id)));
        }

        var sheetIds = Ids(items, RegionMergeItemKind.Sheet);
        foreach (var sheet in await db.NominationSheets.Where(s => sheetIds.Contains(s.Id) && s.RegionId == target.Id).ToListAsync(ct))
        {
            sheet.RegionId = source.Id;
        }

        var userIds = UserIds(items);
        foreach (var user in await db.Users.Where(u => userIds.Contains(u.Id) && u.RegionId == target.Id).ToListAsync(ct))
        {
            user.RegionId = source.Id;
            user.UnitId = unitOf.GetValueOrDefault((RegionMergeItemKind.User, "", user.Id));
        }

        await db.SaveChangesAsync(ct);
        var townIds = Ids(items, RegionMergeItemKind.Town).ConvertAll(id => (int)id);
        foreach (var town in await db.Regions.Where(r => townIds.Contains(r.Id) && r.ParentId == target.Id).ToListAsync(ct))
        {
            await RegionSubtree.MoveAsync(db, town, source, ct);
        }

        source.ClosedOn = null;
        source.MergedIntoId = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A later change of either region or a moved town (a rename changes no data and does not count).</summary>
    private static async Task LaterChangesAsync(HarmonyDbContext db, RegionChange merge, Region source, Region target, List<int> towns, List<string> refusals, CancellationToken ct)
    {
        List<int> touched = [source.Id, target.Id, .. towns];
        var later = await db.RegionChanges.AsNoTracking()
            .Where(c => c.Id > merge.Id && c.Kind != RegionChangeKind.Rename && (touched.Contains(c.RegionId) || (c.OtherRegionId != null && touched.Contains(c.OtherRegionId.Value))))
            .OrderBy(c => c.Id).ToListAsync(ct);
        // The target's own line of this merge is written right after the source's.
        var absorbed = later.FirstOrDefault(c => c.RegionId == target.Id && c.Kind == RegionChangeKind.Absorbed && c.OtherRegionId == source.Id);
        var names = await db.Regions.AsNoTracking().Where(r => touched.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        refusals.AddRange(later.Where(c => c != absorbed).DistinctBy(c => (c.RegionId, c.Kind))
            .Select(c => $"合并之后“{names.GetValueOrDefault(c.RegionId, "相关地区")}”又有“{RegionChange.KindText(c.Kind)}”变更（{c.EffectiveOn:yyyy-MM-dd}），撤回合并已无法按原样恢复；请先撤回后来的变更。"));
    }

    /// <summary>A year of the moved rows reported (and not returned) after the merge, by either region or a region above: its figures would change.</summary>
    private static async Task ReportedAfterAsync(HarmonyDbContext db, RegionChange merge, Region source, Region target, List<int> years, List<string> refusals, CancellationToken ct)
    {
        var chain = Region.IdsLeafToRoot(source.Path).Union(Region.IdsLeafToRoot(target.Path)).ToList();
        var reports = await db.LedgerReports.AsNoTracking()
            .Where(r => years.Contains(r.Year) && r.ReturnedAtUtc == null && r.ReportedAtUtc > merge.AtUtc && chain.Contains(r.RegionId))
            .OrderBy(r => r.Year).Select(r => new { r.Year, r.Region.Name, r.ReportedAtUtc }).ToListAsync(ct);
        refusals.AddRange(reports.Select(r =>
            $"“{r.Name}” {r.Year} 年度台账已于合并后（{r.ReportedAtUtc:yyyy-MM-dd} UTC）报送并锁定，撤回合并会改变已报送的数字；请先由上级在“台账报送”中退回该次报送。"));
    }

    private static List<long> RowIds(List<RegionMergeItem> items, string ledger) =>
        items.Where(i => i.Ledger == ledger && i.Kind is RegionMergeItemKind.LedgerRow or RegionMergeItemKind.DeletedLedgerRow).Select(i => long.Parse(i.ItemId, CultureInfo.InvariantCulture)).ToList();

    private static List<long> Ids(List<RegionMergeItem> items, RegionMergeItemKind kind) =>
        items.Where(i => i.Kind == kind).Select(i => long.Parse(i.ItemId, CultureInfo.InvariantCulture)).ToList();

    private static List<string> UserIds(List<RegionMergeItem> items) =>
        items.Where(i => i.Kind == RegionMergeItemKind.User).Select(i => i.ItemId).ToList();

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
