using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Admin;

/// <summary>
/// 撤回合并 (issue 17): a merge of two counties undone through its confirmation page moves back exactly what it moved,
/// reopens the source and keeps what the target added since; refused, with nothing changed, when it cannot be exact.
/// Each test merges counties of its own.
/// </summary>
public abstract class RegionChangeUndoTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Reason = "湘民批〔2024〕9号 撤销合并（测试）";

    private static string Text(IHtmlDocument page, string testId) =>
        Regex.Replace(page.QuerySelector($"[data-testid='{testId}']")?.TextContent ?? "", @"\s+", " ");

    private static async Task<HttpResponseMessage> MergeAsync(PortalClient admin, int source, int target) =>
        await RegionChangeTests<TPortal>.ChangeAsync(admin, source, "merge", true, ("OtherId", target.ToString()), ("EffectiveOn", "2025-01-01"));

    private static async Task<HttpResponseMessage> UndoAsync(PortalClient admin, int source, string reason = Reason, bool confirm = true)
    {
        var token = await admin.TokenFromAsync("/");
        return await admin.PostAsync($"/admin/regions/{source}/unmerge", token, [("Reason", reason), .. confirm ? new[] { ("Confirm", "true") } : []]);
    }

    private async Task EnterpriseAsync(string clerkName, string name)
    {
        using var clerk = await portal.SignedInClientAsync(clerkName);
        var response = await clerk.PostAsync("/ledgers/harmonious-enterprises/create", await clerk.TokenFromAsync("/ledgers"),
            ("values[Name]", name), ("values[Address]", "某路1号"), ("values[ContactName]", "张三"), ("values[ContactPhone]", "13800000000"),
            ("values[EmployeeCount]", "120"), ("values[ServiceUnit]", "区人社局"), ("values[ReachedStandard]", "是"), ("year", "2024"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Every ledger row of the region (ledger, id, member unit), sheets and users (id, member unit).</summary>
    private async Task<(List<(string, long, int?)> Rows, List<long> Sheets, List<(string, int?)> Users)> HoldingsAsync(int regionId)
    {
        await using var db = portal.CreateDbContext();
        var rows = new List<(string, long, int?)>();
        foreach (var ledger in LedgerCatalog.All)
        {
            rows.AddRange((await ledger.Rows(db).AsNoTracking().Where(r => r.RegionId == regionId).Select(r => new { r.Id, r.UnitId }).ToListAsync())
                .Select(r => (ledger.Key, r.Id, r.UnitId)));
        }

        var sheets = await db.NominationSheets.Where(s => s.RegionId == regionId).Select(s => s.Id).ToListAsync();
        var users = (await db.Users.Where(u => u.RegionId == regionId).Select(u => new { u.Id, u.UnitId }).ToListAsync()).Select(u => (u.Id, u.UnitId)).ToList();
        return ([.. rows.Order()], [.. sheets.Order()], [.. users.Order()]);
    }

    [Fact]
    public async Task Undo_MovesBackEveryRowSheetAndUser_KeepsProvinceTotals_AndWhatTheTargetAddedSinceStays()
    {
        portal.Clock.Set(2024, 6, 1);
        await EnterpriseAsync("yyjs.clerk", "君山撤回测试公司");
        await EnterpriseAsync("yyjs.clerk", "君山撤回测试二公司");
        await EnterpriseAsync("yyhr.clerk", "华容撤回测试公司");
        var source = await portal.RegionIdAsync("430611");
        var target = await portal.RegionIdAsync("430623");
        await using (var db = portal.CreateDbContext())
        {
            db.NominationSheets.Add(new NominationSheet { RegionId = source, Category = GoldCategory.Coordinator, Year = 2024, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var before = await HoldingsAsync(source);
        var targetBefore = await HoldingsAsync(target);
        Assert.Equal(2, before.Rows.Count(r => r.Item1 == "harmonious-enterprises"));
        Assert.NotEmpty(before.Users);
        using var province = await portal.SignedInClientAsync("hn.reviewer");
        var totals = Text(await province.GetPageAsync("/reporting?year=2024"), "own-rows");
        Assert.Contains("和谐企业培育企业名单", totals);
        using var admin = await portal.SignedInClientAsync("hn.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(admin, source, target)).StatusCode);
        Assert.Empty((await HoldingsAsync(source)).Rows);
        Assert.Equal(totals, Text(await province.GetPageAsync("/reporting?year=2024"), "own-rows"));

        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await EnterpriseAsync("yyhr.clerk", "合并后新增公司");
        totals = Text(await province.GetPageAsync("/reporting?year=2024"), "own-rows");
        var confirm = await admin.GetPageAsync($"/admin/regions/{source}/unmerge");
        Assert.Contains("台账记录 2 条", Text(confirm, "unmerge-plan"));
        Assert.Contains("推荐表 1 份", Text(confirm, "unmerge-plan"));
        Assert.NotNull(confirm.QuerySelector("input[type=checkbox]#Confirm"));

        var done = await UndoAsync(admin, source);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var returned = await HoldingsAsync(source);
        Assert.Equal(before.Rows, returned.Rows);
        Assert.Equal(before.Sheets, returned.Sheets);
        Assert.Equal(before.Users, returned.Users);
        var targetAfter = await HoldingsAsync(target);
        Assert.Equal(targetBefore.Users, targetAfter.Users);
        Assert.Equal(targetBefore.Rows.Count + 1, targetAfter.Rows.Count);
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(target, await db.HarmoniousEnterprises.Where(e => e.Name == "合并后新增公司").Select(e => e.RegionId).SingleAsync());
            var reopened = await db.Regions.SingleAsync(r => r.Id == source);
            Assert.Null(reopened.ClosedOn);
            Assert.Null(reopened.MergedIntoId);
            Assert.Equal(source, await db.Regions.Where(r => r.Code == "430611-001").Select(r => r.ParentId).SingleAsync());
            int Counted(int region) => db.LedgerRowCounts.Where(c => c.RegionId == region && c.Year == 2024 && c.Ledger == "harmonious-enterprises").Sum(c => c.Count);
            Assert.Equal((2, 2), (Counted(source), Counted(target)));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.RegionMergeUndone && a.UserName == "hn.admin" && a.ObjectId == source.ToString()));
        }

        Assert.Equal(totals, Text(await province.GetPageAsync("/reporting?year=2024"), "own-rows"));
        var history = Text(await admin.GetPageAsync($"/admin/regions/{source}/history"), "region-changes");
        Assert.Contains("并入其他地区", history);
        Assert.Contains("撤回并入", history);
        Assert.Contains(Reason, history);
        Assert.Contains("撤回接收并入", Text(await admin.GetPageAsync($"/admin/regions/{target}/history"), "region-changes"));

        // A second undo: nothing to undo, nothing changes.
        var again = await UndoAsync(admin, source);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("没有可撤回的合并", (await PortalClient.ParseAsync(again)).Body!.TextContent);
        await using var after = portal.CreateDbContext();
        Assert.Equal(1, await after.RegionChanges.CountAsync(c => c.RegionId == source && c.Kind == RegionChangeKind.MergeUndone));

        // The county reports again: it is expected in the years after the merge's effective date.
        portal.Clock.Set(2025, 2, 1);
        using (var city = await portal.SignedInClientAsync("yy.reviewer"))
        {
            Assert.NotNull((await city.GetPageAsync("/reporting?year=2025")).QuerySelector("[data-testid='child-430611']"));
        }
    }

    [Fact]
    public async Task Undo_WithoutAReasonOrTick_IsRefusedNamingTheField_AndNothingMoves()
    {
        portal.Clock.Set(2024, 6, 1);
        await EnterpriseAsync("yylq.clerk", "岳阳楼撤回测试公司");
        var source = await portal.RegionIdAsync("430602");
        var target = await portal.RegionIdAsync("430621");
        using var admin = await portal.SignedInClientAsync("yy.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(admin, source, target)).StatusCode);

        var refused = await UndoAsync(admin, source, reason: "  ");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("撤回原因：必填", page.Body!.TextContent);
        var unticked = await PortalClient.ParseAsync(await UndoAsync(admin, source, confirm: false));
        Assert.Contains("请勾选“我已核对”", unticked.Body!.TextContent);
        Assert.Equal(Reason, unticked.QuerySelector("#Reason")!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(target, (await db.Regions.SingleAsync(r => r.Id == source)).MergedIntoId);
        Assert.Equal(target, await db.HarmoniousEnterprises.Where(e => e.Name == "岳阳楼撤回测试公司").Select(e => e.RegionId).SingleAsync());
        Assert.False(await db.RegionChanges.AnyAsync(c => c.RegionId == source && c.Kind == RegionChangeKind.MergeUndone));
    }

    [Fact]
    public async Task Undo_AfterALaterMergeIntoTheTarget_OrOfAMergeKeptNoRecord_IsRefused()
    {
        portal.Clock.Set(2024, 6, 1);
        await EnterpriseAsync("yypj.clerk", "平江撤回测试公司");
        var source = await portal.RegionIdAsync("430626");
        var target = await portal.RegionIdAsync("430681");
        var later = await portal.RegionIdAsync("430682");
        using var admin = await portal.SignedInClientAsync("hn.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(admin, source, target)).StatusCode);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(admin, later, target)).StatusCode);

        var refused = await UndoAsync(admin, source);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("又有“接收并入”变更", (await PortalClient.ParseAsync(refused)).Body!.TextContent);
        Assert.Contains("不能撤回", Text(await admin.GetPageAsync($"/admin/regions/{source}/unmerge"), "unmerge-refusals"));
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(target, await db.HarmoniousEnterprises.Where(e => e.Name == "平江撤回测试公司").Select(e => e.RegionId).SingleAsync());
            Assert.Equal(target, (await db.Regions.SingleAsync(r => r.Id == source)).MergedIntoId);

            // The later merge, undone first, is then refused too when its record is gone (a merge made before the record was kept).
            var change = await db.RegionChanges.Where(c => c.RegionId == later && c.Kind == RegionChangeKind.MergedInto).Select(c => c.Id).SingleAsync();
            await db.RegionMergeItems.Where(i => i.ChangeId == change).ExecuteDeleteAsync();
        }

        var unrecorded = await UndoAsync(admin, later);
        Assert.Contains("记录合并明细之前", (await PortalClient.ParseAsync(unrecorded)).Body!.TextContent);
        await using var after = portal.CreateDbContext();
        Assert.Equal(target, (await after.Regions.SingleAsync(r => r.Id == later)).MergedIntoId);
    }

    [Fact]
    public async Task Undo_OfAYearTheTargetReportedSinceTheMerge_IsRefusedUntilTheReportIsReturned()
    {
        portal.Clock.Set(2024, 6, 1);
        await EnterpriseAsync("yyyx.clerk", "云溪撤回测试公司");
        var source = await portal.RegionIdAsync("430603");
        var target = await portal.RegionIdAsync("430624");
        using var admin = await portal.SignedInClientAsync("yy.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(admin, source, target)).StatusCode);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var clerk = await portal.SignedInClientAsync("yyxy.clerk"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync($"/reporting/{target}/report", await clerk.TokenFromAsync("/reporting?year=2024"), ("year", "2024"), ("confirmed", "true"))).StatusCode);
        }

        var refused = await UndoAsync(admin, source);

        Assert.Contains("2024 年度台账已于合并后", (await PortalClient.ParseAsync(refused)).Body!.TextContent);
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(target, await db.HarmoniousEnterprises.Where(e => e.Name == "云溪撤回测试公司").Select(e => e.RegionId).SingleAsync());
        }

        using (var city = await portal.SignedInClientAsync("yy.reviewer"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await city.PostAsync($"/reporting/{target}/return", await city.TokenFromAsync("/reporting?year=2024"), ("year", "2024"), ("reason", "合并有误，待撤回"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await UndoAsync(admin, source)).StatusCode);
        await using var after = portal.CreateDbContext();
        Assert.Equal(source, await after.HarmoniousEnterprises.Where(e => e.Name == "云溪撤回测试公司").Select(e => e.RegionId).SingleAsync());
    }

    [Fact]
    public async Task Undo_IsForbiddenToUsersWithoutTheRegionDuty()
    {
        var source = await portal.RegionIdAsync("430611");
        using var reviewer = await portal.SignedInClientAsync("yy.reviewer");
        using var countyAdmin = await portal.SignedInClientAsync("yylq.admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Http.GetAsync($"/admin/regions/{source}/unmerge")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UndoAsync(reviewer, source)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UndoAsync(countyAdmin, source)).StatusCode);
    }
}

public sealed class SqliteRegionChangeUndoTests(SqlitePortal portal) : RegionChangeUndoTests<SqlitePortal>(portal);

public sealed class PostgresRegionChangeUndoTests(PostgresPortal portal) : RegionChangeUndoTests<PostgresPortal>(portal);
