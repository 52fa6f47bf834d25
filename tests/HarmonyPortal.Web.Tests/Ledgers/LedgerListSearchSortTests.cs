using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>Issue 17: the ledger list searched by 工作单位, phone and town, sorted by its columns with paging, counted; the town picker.</summary>
public abstract class LedgerListSearchSortTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static async Task<long> CreateCoordinatorAsync(PortalClient client, (string, string)[] form)
    {
        var token = await client.TokenFromAsync("/ledgers");
        var created = await client.PostAsync("/ledgers/coordinators/create", token, [.. form, ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=ledger-row]").Select(tr => tr.Children[1].TextContent.Trim()).ToList();

    private static string Count(IHtmlDocument page) => page.QuerySelector("[data-testid=ledger-count]")!.TextContent;

    [Fact]
    public async Task SearchByWorkUnit_AndByTown_FindsTheRow_OnlyAmongTheUsersRegions()
    {
        using var louqu = await portal.SignedInClientAsync("yylq.clerk");
        using var yunxi = await portal.SignedInClientAsync("yyyx.clerk");
        await CreateCoordinatorAsync(louqu, LedgerForms.Coordinator(name: "周检索", id: TestIdNumbers.WithCheckDigit("43060219800101001"), gender: "男")
            .With("WorkUnit", "岳阳检索精工有限公司").With("TownName", "检索街道"));
        await CreateCoordinatorAsync(yunxi, LedgerForms.Coordinator(name: "吴检索", id: TestIdNumbers.WithCheckDigit("43060319800101001"), gender: "男")
            .With("WorkUnit", "岳阳检索精工有限公司").With("TownName", "检索街道"));
        using var city = await portal.SignedInClientAsync("yy.reviewer");

        var byUnit = await louqu.GetPageAsync("/ledgers/coordinators?by=unit&q=检索精工");
        var byTown = await louqu.GetPageAsync("/ledgers/coordinators?by=town&q=检索街道");
        var byName = await louqu.GetPageAsync("/ledgers/coordinators?q=检索精工");
        var cityByUnit = await city.GetPageAsync("/ledgers/coordinators?by=unit&q=检索精工&sort=Name");

        Assert.Equal(["周检索"], Names(byUnit));
        Assert.Contains("共 1 条", Count(byUnit));
        Assert.Equal(["周检索"], Names(byTown));
        Assert.Empty(Names(byName)); // the name search does not look at the work unit
        Assert.Equal(["吴检索", "周检索"], Names(cityByUnit).Order().ToList());
        Assert.Contains("共 2 条", Count(cityByUnit));
        Assert.Equal(HttpStatusCode.BadRequest, (await louqu.Http.GetAsync("/ledgers/new-enterprise-services?by=unit&q=某")).StatusCode);
    }

    [Fact]
    public async Task SearchByPhone_FindsOnlyRowsWhoseNumberTheUserSeesInFull_SoAMaskedNumberCannotBeConfirmed()
    {
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        await CreateCoordinatorAsync(clerk, LedgerForms.Coordinator(name: "郑电话", id: TestIdNumbers.WithCheckDigit("43060219810202002"), phone: "13977001122"));
        using var city = await portal.SignedInClientAsync("yy.reviewer");

        var own = await clerk.GetPageAsync("/ledgers/coordinators?by=phone&q=139 7700 1122");
        var ownPart = await clerk.GetPageAsync("/ledgers/coordinators?by=phone&q=7700112");
        // The city sees this number as 139****1122: neither the whole number nor the hidden middle may find the row.
        var cityWhole = await city.GetPageAsync("/ledgers/coordinators?by=phone&q=13977001122");
        var cityMiddle = await city.GetPageAsync("/ledgers/coordinators?by=phone&q=7700");
        var cityExport = await city.Http.GetAsync("/ledgers/coordinators/export?year=2026&by=phone&q=7700");

        Assert.Equal(["郑电话"], Names(own));
        Assert.Equal(["郑电话"], Names(ownPart));
        Assert.Empty(Names(cityWhole));
        Assert.Empty(Names(cityMiddle));
        Assert.Contains("共 0 条", Count(cityMiddle));
        Assert.Contains("按联系电话只查找本地区（岳阳市）登记的记录", cityMiddle.QuerySelector("[data-testid=search-note]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, cityExport.StatusCode);
        using var workbook = Core.Spreadsheets.SpreadsheetFile.Open(new MemoryStream(await cityExport.Content.ReadAsByteArrayAsync()), new Core.Spreadsheets.SpreadsheetLimits());
        Assert.DoesNotContain(workbook.Rows(), row => row.Cells.Any(c => c.Text?.Contains("郑电话", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task SortByAColumn_OrdersEachPage_AndPagingContinuesInOrder_WithTheCountShown()
    {
        var region = await portal.RegionIdAsync("430600-QY");
        var ids = new List<(long Id, int Employees, string Unit, DateOnly ServedOn)>();
        await using (var db = portal.CreateDbContext())
        {
            var rows = Enumerable.Range(0, 130).Select(i => new NewEnterpriseService
            {
                RegionId = region, Year = 2026, Name = $"屈原排序企业{(i * 37) % 130:000}", Address = "屈原大道", ContactName = "张三",
                ContactPhone = "13800000000", EmployeeCount = i % 7, ServiceUnit = $"服务单位{i % 5}", ServedOn = new DateOnly(2026, 1 + (i % 12), 1), Version = 1,
            }).ToList();
            db.NewEnterpriseServices.AddRange(rows);
            await db.SaveChangesAsync();
            ids.AddRange(rows.Select(r => (r.Id, r.EmployeeCount, r.ServiceUnit, r.ServedOn)));
        }

        using var clerk = await portal.SignedInClientAsync("yyqy.clerk");

        async Task<(List<long> Seen, string FirstCount)> WalkAsync(string url)
        {
            var seen = new List<long>();
            string? count = null;
            for (var page = 0; page < 6 && url is not null; page++)
            {
                var doc = await clerk.GetPageAsync(url);
                count ??= Count(doc);
                Assert.True(doc.QuerySelectorAll("[data-testid=ledger-row]").Length <= 50);
                seen.AddRange(doc.QuerySelectorAll("[data-testid=ledger-row] td.ledger-actions a")
                    .Select(a => long.Parse(a.GetAttribute("href")!.Split('/')[^1])));
                url = doc.QuerySelectorAll("nav a").FirstOrDefault(a => a.TextContent == "下一页")?.GetAttribute("href")!;
            }

            return (seen, count!);
        }

        var (byEmployees, count) = await WalkAsync("/ledgers/new-enterprise-services?year=2026&sort=EmployeeCount");
        var (byUnitDescending, _) = await WalkAsync("/ledgers/new-enterprise-services?year=2026&sort=-ServiceUnit");
        var (byDateDescending, _) = await WalkAsync("/ledgers/new-enterprise-services?year=2026&sort=-ServedOn");
        var (byRegion, _) = await WalkAsync("/ledgers/new-enterprise-services?year=2026&sort=region");

        Assert.Equal(ids.OrderBy(r => r.Employees).ThenBy(r => r.Id).Select(r => r.Id), byEmployees);
        Assert.Equal(ids.OrderByDescending(r => r.Unit, StringComparer.Ordinal).ThenByDescending(r => r.Id).Select(r => r.Id), byUnitDescending);
        Assert.Equal(ids.OrderByDescending(r => r.ServedOn).ThenByDescending(r => r.Id).Select(r => r.Id), byDateDescending);
        Assert.Equal(ids.OrderBy(r => r.Id).Select(r => r.Id), byRegion); // one region: ties in the key
        Assert.Contains("共 130 条", count);
        var header = (await clerk.GetPageAsync("/ledgers/new-enterprise-services?year=2026&sort=EmployeeCount"))
            .QuerySelectorAll("thead th a.sort-link").Single(a => a.TextContent.StartsWith("职工人数", StringComparison.Ordinal));
        Assert.Contains("sort=-EmployeeCount", header.GetAttribute("href")); // clicking the sorted column reverses it
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.Http.GetAsync("/ledgers/new-enterprise-services?sort=ContactPhone")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.Http.GetAsync("/ledgers/new-enterprise-services?sort=EmployeeCount&afterId=5&after=abc")).StatusCode);
    }

    [Fact]
    public async Task TownPicker_ListsTheCountysRegisteredTowns_AndStaysFreeTextWhereNoneAreRegistered()
    {
        var louqu = await portal.RegionIdAsync("430602");
        await using (var db = portal.CreateDbContext())
        {
            LedgerRow Town(int regionId, string name, TownKind kind) =>
                new TownOrPark { RegionId = regionId, Year = 2026, Name = name, Kind = kind, Version = 1 };
            db.AddRange(Town(louqu, "洞庭街道", TownKind.Street), Town(louqu, "郭镇乡", TownKind.Town), Town(louqu, "城陵矶园区", TownKind.Park));
            await db.SaveChangesAsync();
        }

        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        using var elsewhere = await portal.SignedInClientAsync("yynh.clerk");

        var form = await clerk.GetPageAsync("/ledgers/coordinators/create?year=2026");
        var enterprises = await clerk.GetPageAsync("/ledgers/large-enterprises/create?year=2026");
        var noRegister = await elsewhere.GetPageAsync("/ledgers/coordinators/create?year=2026");

        var options = form.QuerySelectorAll("[data-testid=town-picker] option").Select(o => o.TextContent).ToList();
        Assert.Equal(["请选择", "郭镇乡", "洞庭街道", "城陵矶园区"], options);
        Assert.NotNull(enterprises.QuerySelector("[data-testid=town-picker]"));
        Assert.Null(noRegister.QuerySelector("[data-testid=town-picker]"));
        Assert.Equal("text", noRegister.QuerySelector("input[name='values[TownName]']")?.GetAttribute("type"));
        Assert.DoesNotContain("洞庭街道", noRegister.QuerySelector("form")!.TextContent);

        var id = await CreateCoordinatorAsync(clerk, LedgerForms.Coordinator(name: "冯乡镇", id: TestIdNumbers.WithCheckDigit("43060219820303004")).With("TownName", "城陵矶园区"));
        var edit = await clerk.GetPageAsync($"/ledgers/coordinators/{id}/edit");
        Assert.Equal("城陵矶园区", edit.QuerySelector("[data-testid=town-picker] option[selected]")?.TextContent);
    }
}

public sealed class SqliteLedgerListSearchSortTests(SqlitePortal portal) : LedgerListSearchSortTests<SqlitePortal>(portal);

public sealed class PostgresLedgerListSearchSortTests(PostgresPortal portal) : LedgerListSearchSortTests<PostgresPortal>(portal);
