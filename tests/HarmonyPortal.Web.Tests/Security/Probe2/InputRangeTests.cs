using System.Net;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Every number, year, date and enumeration a request carries has a range: outside it, or unreadable, the portal
/// answers 400 with a Chinese sentence naming the field (a query string) or refuses the form in Chinese, never a
/// silent default and never 500; an import's year is one the ledger form itself accepts.
/// </summary>
public abstract class InputRangeTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Theory]
    [MemberData(nameof(InputCases.OutOfRangeQueries), MemberType = typeof(InputCases))]
    public async Task AQueryValueOutOfRangeOrUnreadable_IsAnswered400_InChinese_NamingTheField(string user, string url, string message)
    {
        portal.Clock.Set(2026, 6, 1);
        using var client = await portal.SignedInClientAsync(user);

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await PortalClient.ParseAsync(response)).Body!.TextContent;
        Assert.Contains("请求无效", text);
        Assert.Contains(message, text);
    }

    [Fact]
    public async Task ABatchTheYearDoesNotHave_ShowsTheYearsOwnBatch_AndSaysSo()
    {
        portal.Clock.Set(2026, 6, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");

        var page = await clerk.GetPageAsync("/nominations?category=Coordinator&year=2026&batch=2");

        Assert.Contains("2026 年度没有第 2 批，显示本年度。", page.Body!.TextContent);
    }

    [Fact]
    public async Task AnImportIntoAYearTheFormWouldRefuse_IsRefusedInChinese_AndNothingIsSaved()
    {
        portal.Clock.Set(2026, 6, 1);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        var workbook = LedgerWorkbooks.Workbook(LedgerWorkbooks.CoordinatorHeaders,
            LedgerWorkbooks.Person("1", "范围测试", CellValue.Text(TestIdNumbers.WithCheckDigit("430602198001011220")), "女", CellValue.Text("2019-05-01")));

        foreach (var year in new[] { 1999, 2027, 0 })
        {
            var response = await LedgerWorkbooks.UploadAsync(clerk, "coordinators", workbook, year: year);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains($"年度：{year} 不在 2000 至 2026 之间", (await PortalClient.ParseAsync(response)).Body!.TextContent);
        }

        await using var db = portal.CreateDbContext();
        Assert.False(await db.Coordinators.AnyAsync(r => r.Name == "范围测试"));
    }

    [Fact]
    public async Task CarryForwardIntoAYearOutOfRange_IsRefusedInChinese_AndCopiesNothing()
    {
        portal.Clock.Set(2026, 6, 1);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");

        var response = await clerk.PostAsync("/ledgers/coordinators/carry-forward", await clerk.TokenFromAsync("/ledgers/coordinators"), ("year", "3000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await clerk.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("不能结转：年度：3000 不在 2000 至 2026 之间", page.Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Coordinators.AnyAsync(r => r.Year > 2026));
    }

    [Fact]
    public async Task ALedgerFormWithAnUnreadableYear_Is400_NotSavedUnderADefaultYear()
    {
        portal.Clock.Set(2026, 6, 1);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");

        var response = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers/coordinators/create"),
            [.. LedgerForms.Coordinator("年度乱码"), ("year", "二〇二六")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("年度：“二〇二六”不是有效的取值", (await PortalClient.ParseAsync(response)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Coordinators.AnyAsync(r => r.Name == "年度乱码"));
    }

    [Fact]
    public async Task NominationPostsWithAYearOrBatchOutOfRange_Are400_AndAnExtensionBeyondAYear_IsRefused()
    {
        portal.Clock.Set(2026, 6, 1);
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var xinfu = (await portal.RegionIdAsync("140902")).ToString();
        var token = await city.TokenFromAsync("/nominations");

        var publish = await province.PostAsync("/nominations/publish", await province.TokenFromAsync("/nominations"), ("category", "Coordinator"), ("year", "99999"), ("batch", "0"), ("confirmed", "true"));
        var bulk = await city.PostAsync("/nominations/bulk-approve", token, ("category", "Coordinator"), ("year", "2026"), ("batch", "-3"), ("items", "1:1"));
        var badBatch = await city.PostAsync("/nominations/extend", token,
            ("regionId", xinfu), ("category", "Coordinator"), ("year", "2026"), ("batch", "99"), ("newDate", "2026-07-01"), ("reason", "批次越界"));
        var badCategory = await city.PostAsync("/nominations/extend", token,
            ("regionId", xinfu), ("category", "7"), ("year", "2026"), ("batch", "0"), ("newDate", "2026-07-01"), ("reason", "类别越界"));
        var farAway = await city.PostAsync("/nominations/extend", token,
            ("regionId", xinfu), ("category", "Coordinator"), ("year", "2026"), ("batch", "0"), ("newDate", "9999-12-31"), ("reason", "延到天荒地老"));

        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("年度：99999 不在 2000 至 2026 之间", (await PortalClient.ParseAsync(publish)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, bulk.StatusCode);
        Assert.Contains("批次：-3 不在 0 至 20 之间", (await PortalClient.ParseAsync(bulk)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, badBatch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Contains("类别：“7”不是有效的取值", (await PortalClient.ParseAsync(badCategory)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, farAway.StatusCode);
        Assert.Contains("新的截止日期：9999-12-31 晚于 2027-06-02，最多延期一年", (await city.GetPageAsync(farAway.Headers.Location!.OriginalString)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(0, await db.DeadlineExtensions.CountAsync());
    }

    [Fact]
    public async Task ARegionFormWithAnUndefinedLevelOrAnUnreadableOrder_Is400_AndNoRegionIsAdded()
    {
        using var admin = await portal.SignedInClientAsync("hn.admin");
        var yueyang = (await portal.RegionIdAsync("430600")).ToString();
        var token = await admin.TokenFromAsync($"/admin/regions/create?parentId={yueyang}");

        var level = await admin.PostAsync("/admin/regions/create", token,
            ("Input.ParentId", yueyang), ("Input.Name", "层级越界区"), ("Input.Code", "430698"), ("Input.Level", "99"), ("Input.SortOrder", "1"));
        var order = await admin.PostAsync("/admin/regions/create", token,
            ("Input.ParentId", yueyang), ("Input.Name", "排序乱码区"), ("Input.Code", "430697"), ("Input.Level", "County"), ("Input.SortOrder", "1e9"));

        Assert.Equal(HttpStatusCode.BadRequest, level.StatusCode);
        Assert.Contains("层级：“99”不是有效的取值", (await PortalClient.ParseAsync(level)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, order.StatusCode);
        Assert.Contains("排序：“1e9”不是有效的取值", (await PortalClient.ParseAsync(order)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Regions.AnyAsync(r => r.Code == "430698" || r.Code == "430697"));
    }
}

public sealed class SqliteInputRangeTests(SqlitePortal portal) : InputRangeTests<SqlitePortal>(portal);

public sealed class PostgresInputRangeTests(PostgresPortal portal) : InputRangeTests<PostgresPortal>(portal);
