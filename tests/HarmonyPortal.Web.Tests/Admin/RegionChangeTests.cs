using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Admin;

/// <summary>
/// Region changes of GB/T 2260 through the admin pages (issue 17): rename with history, close, move, merge, split;
/// each test works on regions of its own so that the class's tests do not see each other's changes.
/// </summary>
public abstract class RegionChangeTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static string Text(IHtmlDocument page, string testId) =>
        Regex.Replace(page.QuerySelector($"[data-testid='{testId}']")?.TextContent ?? "", @"\s+", " ");

    /// <summary>Fills the change form at /admin/regions/{id}/{action} and posts it (confirmation box ticked unless told).</summary>
    internal static async Task<HttpResponseMessage> ChangeAsync(PortalClient client, int id, string action, bool confirm = true, params (string, string)[] fields)
    {
        var token = await client.TokenFromAsync($"/admin/regions/{id}/{action}");
        return await client.PostAsync($"/admin/regions/{id}/{action}", token,
            [.. fields.Select(f => ("Input." + f.Item1, f.Item2)), ("Input.Reason", "民政部门批复（测试）"), .. confirm ? new[] { ("Input.Confirm", "true") } : []]);
    }

    private async Task<HttpResponseMessage> EnterpriseAsync(string clerkName, string name, int year)
    {
        using var clerk = await portal.SignedInClientAsync(clerkName);
        return await clerk.PostAsync("/ledgers/harmonious-enterprises/create", await clerk.TokenFromAsync("/ledgers"),
            ("values[Name]", name), ("values[Address]", "某路1号"), ("values[ContactName]", "张三"), ("values[ContactPhone]", "13800000000"),
            ("values[EmployeeCount]", "120"), ("values[ServiceUnit]", "区人社局"), ("values[ReachedStandard]", "是"), ("year", year.ToString()));
    }

    [Fact]
    public async Task Rename_KeepsTheOldName_ForThePagesOfEarlierYears()
    {
        portal.Clock.Set(2024, 6, 1);
        using var admin = await portal.SignedInClientAsync("hn.admin");
        var id = await portal.RegionIdAsync("430603");

        var refused = await ChangeAsync(admin, id, "rename", confirm: false, ("Name", "云溪新区"), ("FromYear", "2024"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await PortalClient.ParseAsync(refused);
        Assert.Contains("请勾选“我已核对”", form.Body!.TextContent);
        Assert.Equal("云溪新区", ((IHtmlInputElement)form.QuerySelector("#Input_Name")!).Value);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(admin, id, "rename", true, ("Name", "云溪新区"), ("FromYear", "2024"))).StatusCode);

        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var old = Text(await city.GetPageAsync("/reporting?year=2023"), "child-430603");
        var current = Text(await city.GetPageAsync("/reporting?year=2024"), "child-430603");
        Assert.Contains("云溪区", old);
        Assert.DoesNotContain("云溪新区", old);
        Assert.Contains("云溪新区", current);
        var history = await admin.GetPageAsync($"/admin/regions/{id}/history");
        Assert.Contains("云溪区", Text(history, "former-names"));
        Assert.Contains("至 2023 年度", Text(history, "former-names"));
        Assert.Contains("更名", Text(history, "region-changes"));
        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.RegionRenamed && a.ObjectId == id.ToString() && a.UserName == "hn.admin"));
    }

    [Fact]
    public async Task Close_DropsTheRegionFromLaterYearsExpectedAndForms_AndReopenBringsItBack()
    {
        portal.Clock.Set(2024, 6, 1);
        using var admin = await portal.SignedInClientAsync("hn.admin");
        using var city = await portal.SignedInClientAsync("yy.admin");
        var id = await portal.RegionIdAsync("430681");
        bool Offered(IHtmlDocument page) => page.QuerySelectorAll("#Input_RegionId option").Any(o => o.TextContent.Trim() == "汨罗市");
        var expectedBefore = Text(await city.GetPageAsync("/reporting?year=2024"), "totals");
        Assert.True(Offered(await city.GetPageAsync("/admin/users/create")));

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(admin, id, "close", true, ("EffectiveOn", "2024-01-01"))).StatusCode);

        var later = await city.GetPageAsync("/reporting?year=2024");
        var earlier = await city.GetPageAsync("/reporting?year=2023");
        Assert.Null(later.QuerySelector("[data-testid='child-430681']"));
        Assert.NotNull(earlier.QuerySelector("[data-testid='child-430681']"));
        Assert.Equal(Expected(expectedBefore) - 1, Expected(Text(later, "totals")));
        Assert.False(Offered(await city.GetPageAsync("/admin/users/create")));
        Assert.Contains("撤销", Text(await admin.GetPageAsync($"/admin/regions/{id}/history"), "region-closed"));

        var token = await admin.TokenFromAsync($"/admin/regions/{id}/history");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/regions/{id}/reopen", token, ("reason", "撤销有误"))).StatusCode);
        Assert.NotNull((await city.GetPageAsync("/reporting?year=2024")).QuerySelector("[data-testid='child-430681']"));
    }

    [Fact]
    public async Task AChangeWithoutAReason_IsRefusedBesideTheField_KeepsWhatWasTyped_AndTheRegionStaysOpen()
    {
        portal.Clock.Set(2024, 6, 1);
        using var admin = await portal.SignedInClientAsync("hn.admin");
        var id = await portal.RegionIdAsync("430624");
        var token = await admin.TokenFromAsync($"/admin/regions/{id}/close");

        var refused = await admin.PostAsync($"/admin/regions/{id}/close", token, ("Input.EffectiveOn", "2024-01-01"), ("Input.Reason", "  "), ("Input.Confirm", "true"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await PortalClient.ParseAsync(refused);
        Assert.Contains("原因：必须填写（如民政部门批复文号）。", form.Body!.TextContent);
        Assert.Equal("2024-01-01", ((IHtmlInputElement)form.QuerySelector("#Input_EffectiveOn")!).Value);
        var tooLong = await admin.PostAsync($"/admin/regions/{id}/close", token, ("Input.EffectiveOn", "2024-01-01"), ("Input.Reason", new string('批', 501)), ("Input.Confirm", "true"));
        Assert.Contains("原因：不能超过 500 个字符。", (await PortalClient.ParseAsync(tooLong)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Null((await db.Regions.AsNoTracking().SingleAsync(r => r.Id == id)).ClosedOn);
        Assert.False(await db.RegionChanges.AnyAsync(c => c.RegionId == id));
    }

    private static int Expected(string totals) => int.Parse(Regex.Match(totals, @"应报送 (\d+)").Groups[1].Value);

    [Fact]
    public async Task Move_ToAnotherCity_ChangesWhoSeesTheCountyAndItsUsers()
    {
        portal.Clock.Set(2024, 6, 1);
        using var admin = await portal.SignedInClientAsync("hn.admin");
        var province = await portal.RegionIdAsync("430000");
        var token = await admin.TokenFromAsync($"/admin/regions/create?parentId={province}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/regions/create", token,
            ("Input.ParentId", province.ToString()), ("Input.Name", "长沙市"), ("Input.Code", "430100"), ("Input.Level", "City"), ("Input.SortOrder", "9"))).StatusCode);
        var newCity = await portal.RegionIdAsync("430100");
        token = await admin.TokenFromAsync("/admin/users/create");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/users/create", token, ("Input.DisplayName", "新市管理员"), ("Input.RegionId", newCity.ToString()),
            ("Input.Role", "Admin"), ("Input.UserName", "xb.admin"), ("Input.Password", "Xiangbei#2026"))).StatusCode);
        await using (var setup = portal.CreateDbContext())
        {
            // The new admin would first be led to choose a password of its own; this test is about what it sees.
            await setup.Users.Where(u => u.UserName == "xb.admin").ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, false));
        }
        var county = await portal.RegionIdAsync("430682");

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(admin, county, "move", true, ("OtherId", newCity.ToString()))).StatusCode);

        using var oldCity = await portal.SignedInClientAsync("yy.admin");
        using var newAdmin = await portal.SignedInClientAsync("xb.admin", "Xiangbei#2026");
        Assert.Contains("临湘市", Text(await newAdmin.GetPageAsync("/admin/regions"), "region-tree"));
        Assert.DoesNotContain("临湘市", Text(await oldCity.GetPageAsync("/admin/regions"), "region-tree"));
        Assert.Equal(HttpStatusCode.NotFound, (await oldCity.Http.GetAsync($"/admin/regions/{county}/history")).StatusCode);
        Assert.Contains("yylx.clerk", (await newAdmin.GetPageAsync("/admin/users")).Body!.TextContent);
        Assert.DoesNotContain("yylx.clerk", (await oldCity.GetPageAsync("/admin/users")).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        var paths = await db.Regions.Where(r => r.Id == county || r.Id == newCity).ToDictionaryAsync(r => r.Id, r => r.Path);
        Assert.Equal(paths[newCity] + county + "/", paths[county]);
    }

    [Fact]
    public async Task Merge_MovesRowsAndUsers_KeepsReportedFiguresAndProvinceTotals()
    {
        portal.Clock.Set(2024, 6, 1);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterpriseAsync("yyjs.clerk", "君山合并测试公司", 2024)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterpriseAsync("yyhr.clerk", "华容合并测试公司", 2024)).StatusCode);
        using (var clerk = await portal.SignedInClientAsync("yyjs.clerk"))
        {
            var action = $"/reporting/{await portal.RegionIdAsync("430611")}/report";
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync(action, await clerk.TokenFromAsync("/reporting?year=2024"), ("year", "2024"), ("confirmed", "true"))).StatusCode);
        }

        using var province = await portal.SignedInClientAsync("hn.reviewer");
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var provinceBefore = Text(await province.GetPageAsync("/reporting?year=2024"), "own-rows");
        var cityBefore = await city.GetPageAsync("/reporting?year=2024");
        var source = await portal.RegionIdAsync("430611");
        var target = await portal.RegionIdAsync("430623");
        using var admin = await portal.SignedInClientAsync("yy.admin");

        var preview = await PortalClient.ParseAsync(await ChangeAsync(admin, source, "merge", false, ("OtherId", target.ToString()), ("EffectiveOn", "2025-01-01")));
        Assert.Contains("台账记录 1 条", Text(preview, "merge-plan"));
        await using (var db = portal.CreateDbContext())
        {
            Assert.Null((await db.Regions.SingleAsync(r => r.Id == source)).ClosedOn);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(admin, source, "merge", true, ("OtherId", target.ToString()), ("EffectiveOn", "2025-01-01"))).StatusCode);

        Assert.Equal(provinceBefore, Text(await province.GetPageAsync("/reporting?year=2024"), "own-rows"));
        var cityAfter = await city.GetPageAsync("/reporting?year=2024");
        Assert.Equal(Text(cityBefore, "child-430611"), Text(cityAfter, "child-430611"));
        Assert.Contains("和谐企业培育企业名单", provinceBefore);
        portal.Clock.Set(2025, 2, 1);
        using (var nextYear = await portal.SignedInClientAsync("yy.reviewer"))
        {
            var page2025 = await nextYear.GetPageAsync("/reporting?year=2025");
            Assert.Null(page2025.QuerySelector("[data-testid='child-430611']"));
            Assert.NotNull(page2025.QuerySelector("[data-testid='child-430623']"));
        }

        await using var after = portal.CreateDbContext();
        Assert.Equal(2, await after.HarmoniousEnterprises.CountAsync(e => e.RegionId == target && e.Year == 2024));
        Assert.Equal(2, await after.LedgerRowCounts.Where(c => c.RegionId == target && c.Year == 2024 && c.Ledger == "harmonious-enterprises").SumAsync(c => c.Count));
        Assert.Equal(target, await after.Users.Where(u => u.UserName == "yyjs.clerk").Select(u => u.RegionId).SingleAsync());
        Assert.Equal(target, await after.Regions.Where(r => r.Code == "430611-001").Select(r => r.ParentId).SingleAsync());
        Assert.Contains("\"harmonious-enterprises\":1", (await after.LedgerReports.SingleAsync(r => r.RegionId == source && r.Year == 2024)).RowCounts);
        var closed = await after.Regions.SingleAsync(r => r.Id == source);
        Assert.Equal((new DateOnly(2025, 1, 1), (int?)target), (closed.ClosedOn!.Value, closed.MergedIntoId));
        Assert.Equal(2, await after.RegionChanges.CountAsync(c => c.Kind == RegionChangeKind.MergedInto && c.RegionId == source || c.Kind == RegionChangeKind.Absorbed && c.RegionId == target));
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == AuditActions.RegionMerged && a.UserName == "yy.admin"));
    }

    [Fact]
    public async Task Merge_WithTheSameEnterpriseOnBothSides_IsReportedAndNothingMoves()
    {
        portal.Clock.Set(2024, 6, 1);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterpriseAsync("yylq.clerk", "两地同名公司", 2024)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterpriseAsync("yyyyx.clerk", "两地同名公司", 2024)).StatusCode);
        var source = await portal.RegionIdAsync("430602");
        var target = await portal.RegionIdAsync("430621");
        using var admin = await portal.SignedInClientAsync("hn.admin");

        var response = await ChangeAsync(admin, source, "merge", true, ("OtherId", target.ToString()), ("EffectiveOn", "2025-01-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("两地同名公司", Text(page, "merge-conflicts"));
        Assert.Contains("未做任何合并", page.Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.HarmoniousEnterprises.CountAsync(e => e.RegionId == source && e.Name == "两地同名公司"));
        Assert.Null((await db.Regions.SingleAsync(r => r.Id == source)).ClosedOn);
        Assert.Equal(source, await db.Users.Where(u => u.UserName == "yylq.clerk").Select(u => u.RegionId).SingleAsync());
        Assert.False(await db.RegionChanges.AnyAsync(c => c.RegionId == source));
    }

    [Fact]
    public async Task Split_CreatesACountyWithTheChosenTownsAndUsers()
    {
        portal.Clock.Set(2024, 6, 1);
        var source = await portal.RegionIdAsync("430626");
        int town;
        string clerk;
        await using (var db = portal.CreateDbContext())
        {
            town = (await RegionWriter.AddAsync(db, new Region { Name = "城关镇", Code = "430626-001", IsLocalCode = true, Level = RegionLevel.Town },
                await db.Regions.SingleAsync(r => r.Id == source), default)).Id;
            clerk = await db.Users.Where(u => u.UserName == "yypj.clerk").Select(u => u.Id).SingleAsync();
        }

        using var admin = await portal.SignedInClientAsync("yy.admin");
        var expected2023 = Expected(Text(await admin.GetPageAsync("/reporting?year=2023"), "totals"));
        var expected2024 = Expected(Text(await admin.GetPageAsync("/reporting?year=2024"), "totals"));

        var response = await ChangeAsync(admin, source, "split", true, ("Name", "平江新区"), ("Code", "430600-PX"), ("IsLocalCode", "true"),
            ("EffectiveOn", "2024-06-01"), ("TownIds", town.ToString()), ("UserIds", clerk));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("由拆分设立", Text(history, "region-changes"));
        await using var after = portal.CreateDbContext();
        var created = await after.Regions.SingleAsync(r => r.Code == "430600-PX");
        var yueyang = await after.Regions.SingleAsync(r => r.Code == "430600");
        Assert.Equal((yueyang.Id, RegionLevel.County), (created.ParentId!.Value, created.Level));
        Assert.Equal(created.Path + town + "/", await after.Regions.Where(r => r.Id == town).Select(r => r.Path).SingleAsync());
        Assert.Equal(created.Id, await after.Users.Where(u => u.Id == clerk).Select(u => u.RegionId).SingleAsync());
        Assert.Equal(created.Id, await after.Users.Where(u => u.Id == clerk).Select(u => u.Unit!.RegionId).SingleAsync());
        Assert.Null((await after.Regions.SingleAsync(r => r.Id == source)).ClosedOn);

        // The new county reports from the year it was set up: 2024 expects one more, 2023 stays as it was.
        Assert.Equal(new DateOnly(2024, 6, 1), created.OpenedOn);
        var later = await admin.GetPageAsync("/reporting?year=2024");
        Assert.Equal(expected2024 + 1, Expected(Text(later, "totals")));
        Assert.NotNull(later.QuerySelector($"[data-testid='child-430600-PX']"));
        var earlier = await admin.GetPageAsync("/reporting?year=2023");
        Assert.Equal(expected2023, Expected(Text(earlier, "totals")));
        Assert.Null(earlier.QuerySelector($"[data-testid='child-430600-PX']"));
    }

    [Fact]
    public async Task Admins_ChangeOnlyRegionsBelowTheirOwn()
    {
        using var otherCity = await portal.SignedInClientAsync("gz.admin");
        using var city = await portal.SignedInClientAsync("yy.admin");
        using var county = await portal.SignedInClientAsync("yylq.admin");
        var xiangyin = await portal.RegionIdAsync("430624");
        var yueyang = await portal.RegionIdAsync("430600");

        Assert.Equal(HttpStatusCode.NotFound, (await otherCity.Http.GetAsync($"/admin/regions/{xiangyin}/rename")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.Http.GetAsync($"/admin/regions/{xiangyin}/rename")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.Http.GetAsync($"/admin/regions/{yueyang}/close")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.Http.GetAsync($"/admin/regions/{xiangyin}/history")).StatusCode);
        var token = await otherCity.TokenFromAsync("/admin/regions");
        Assert.Equal(HttpStatusCode.NotFound, (await otherCity.PostAsync($"/admin/regions/{xiangyin}/close", token,
            ("Input.EffectiveOn", "2024-01-01"), ("Input.Reason", "越权"), ("Input.Confirm", "true"))).StatusCode);
        // A city admin cannot merge one of its counties into a county of another city either.
        token = await city.TokenFromAsync("/admin/regions");
        Assert.Equal(HttpStatusCode.NotFound, (await city.PostAsync($"/admin/regions/{xiangyin}/merge", token,
            ("Input.OtherId", (await portal.RegionIdAsync("360702")).ToString()), ("Input.EffectiveOn", "2024-01-01"), ("Input.Reason", "越权"), ("Input.Confirm", "true"))).StatusCode);
        await using var db = portal.CreateDbContext();
        Assert.Null((await db.Regions.SingleAsync(r => r.Id == xiangyin)).ClosedOn);
    }
}

public sealed class SqliteRegionChangeTests(SqlitePortal portal) : RegionChangeTests<SqlitePortal>(portal);

public sealed class PostgresRegionChangeTests(PostgresPortal portal) : RegionChangeTests<PostgresPortal>(portal);
