using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Xunit;

namespace HarmonyPortal.Web.Tests.Dashboard;

/// <summary>
/// Jiyuan's coverage targets on the dashboard: 虎岭高新区 registers 3 towns, 1 park and 4 large or medium enterprises;
/// its coordinators cover one enterprise by credit code and one by name; one is not serving, one is of last year.
/// </summary>
public abstract class CoverageDashboardTests<TPortal>(TPortal portal) : IClassFixture<TPortal>, IAsyncLifetime
    where TPortal : PortalFactory
{
    private static readonly string Steel = CreditCode("91410000MA0000001");
    private int year;

    private static string CreditCode(string first17) => first17 + HarmonyPortal.Core.Ledgers.Fields.CreditCode.CheckCharacter(first17);

    private static string IdNumber(int n) => TestIdNumbers.WithCheckDigit($"41900119850101{n:D2}10");

    /// <summary>The enterprise and town columns of a row (济源's plan adds a member-unit column after them, tested in JurisdictionRuleTests).</summary>
    private static List<string> Cells(IHtmlDocument page, string table, string region) => AllCells(page, table, region).Take(2).ToList();

    private static List<string> AllCells(IHtmlDocument page, string table, string region) =>
        page.QuerySelectorAll($"[data-testid={table}] tbody tr").Single(tr => tr.Children[0].TextContent.Trim().StartsWith(region, StringComparison.Ordinal))
            .Children.Skip(1).Select(c => c.TextContent.Trim()).ToList();

    private static async Task CreateAsync(PortalClient clerk, string kind, int year, params (string, string)[] form)
    {
        var response = await clerk.PostAsync($"/ledgers/{kind}/create", await clerk.TokenFromAsync("/ledgers"), [.. form, ("year", year.ToString())]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{kind} not saved: {(await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=form-errors]")?.TextContent}");
    }

    private static (string, string)[] Town(string name, string kind) => [("values[Name]", name), ("values[Kind]", kind)];

    private static (string, string)[] Enterprise(string name, string code, string size, string town) =>
        [("values[Name]", name), ("values[CreditCode]", code), ("values[Size]", size), ("values[TownName]", town), ("values[EmployeeCount]", "800")];

    private static (string, string)[] Coordinator(string name, int id, string workUnit, string? code, string town, string serving = "是") =>
        LedgerForms.Coordinator(name, IdNumber(id), gender: "男").With("WorkUnit", workUnit).With("WorkUnitCreditCode", code ?? "")
            .With("TownName", town).With("CurrentlyServing", serving);

    public async Task InitializeAsync()
    {
        year = portal.Clock.GetLocalNow().Year;
        await using (var db = portal.CreateDbContext())
        {
            if (db.TownsAndParks.Any())
            {
                return; // the registers are shared by the class's tests
            }
        }

        using var clerk = await portal.SignedInClientAsync("jyhl.clerk");
        foreach (var (name, kind) in new[] { ("承留镇", "乡镇"), ("王屋镇", "乡镇"), ("玉泉街道", "街道"), ("虎岭产业园", "园区") })
        {
            await CreateAsync(clerk, "towns", year, Town(name, kind));
        }

        await CreateAsync(clerk, "large-enterprises", year, Enterprise("济源钢铁（集团）有限公司", Steel, "大型", "虎岭产业园"));
        await CreateAsync(clerk, "large-enterprises", year, Enterprise("豫光化工有限公司", CreditCode("91410000MA0000002"), "大型", "承留镇"));
        await CreateAsync(clerk, "large-enterprises", year, Enterprise("中原机械有限公司", CreditCode("91410000MA0000003"), "中型", "王屋镇"));
        await CreateAsync(clerk, "large-enterprises", year, Enterprise("沁园食品有限公司", CreditCode("91410000MA0000004"), "中型", "玉泉街道"));

        await CreateAsync(clerk, "coordinators", year, Coordinator("张钢", 1, "济钢集团", Steel, "虎岭产业园"));
        await CreateAsync(clerk, "coordinators", year, Coordinator("王化", 3, "豫光化工 有限公司", null, "承留镇"));
        await CreateAsync(clerk, "coordinators", year, Coordinator("李机", 5, "中原机械有限公司", null, "王屋镇", serving: "否"));
        await CreateAsync(clerk, "coordinators", year - 1, Coordinator("赵食", 7, "沁园食品有限公司", null, "玉泉街道"));

        using var neighbour = await portal.SignedInClientAsync("jyyc.clerk");
        await CreateAsync(neighbour, "towns", year, Town("五龙口镇", "乡镇"));
        await CreateAsync(neighbour, "coordinators", year, Coordinator("钱镇", 9, "五龙口镇人民政府", null, "五龙口镇"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheCountyClerk_SeesCoveredOverTotal_AndTheUncoveredUnitsByName()
    {
        using var clerk = await portal.SignedInClientAsync("jyhl.clerk");

        var page = await clerk.GetPageAsync($"/dashboard?year={year}");

        Assert.Equal(["2 / 4（50%）", "2 / 4（50%）"], Cells(page, "coverage-table", "虎岭高新区"));
        // Then the county's own member units without a serving coordinator attributed to them (济源 "人社、工会、工商联分别配备").
        Assert.Equal(
            ["大中型企业|中原机械有限公司", "大中型企业|沁园食品有限公司", "乡镇（街道）、园区|王屋镇", "乡镇（街道）、园区|玉泉街道", "成员单位|总工会", "成员单位|企联/企协", "成员单位|工商联"],
            page.QuerySelectorAll("[data-testid=coverage-uncovered] tbody tr").Select(tr => $"{tr.Children[0].TextContent}|{tr.Children[1].TextContent}"));
        var targets = page.QuerySelector("[data-testid=coverage-targets]")!.TextContent;
        Assert.Contains("每个大中型企业至少 1 名，期限 2023-12-31", targets);
        Assert.Contains("依据：济源示范区劳动关系协调员队伍建设和金牌选树", targets);
        Assert.NotNull(page.QuerySelector("[data-testid=dashboard-coverage] canvas.dashboard-chart[data-chart]"));
    }

    [Fact]
    public async Task TheCity_SeesEachCountyRolledUp_AndTheProvinceTheCitysTotal()
    {
        using var city = await portal.SignedInClientAsync("jy.reviewer");
        using var province = await portal.SignedInClientAsync("ha.reviewer");

        var cityPage = await city.GetPageAsync($"/dashboard?year={year}");
        var provincePage = await province.GetPageAsync($"/dashboard?year={year}");

        Assert.Equal(["2 / 4（50%）", "2 / 4（50%）"], Cells(cityPage, "coverage-table", "虎岭高新区"));
        Assert.Equal(["—", "1 / 1（100%）"], Cells(cityPage, "coverage-table", "玉川产业集聚区"));
        // The city registers no enterprises or towns of its own: only its member units can be uncovered.
        Assert.All(cityPage.QuerySelectorAll("[data-testid=coverage-uncovered] tbody tr"), tr => Assert.Equal("成员单位", tr.Children[0].TextContent));
        Assert.Null(cityPage.QuerySelector("[data-testid=coverage-empty]"));
        Assert.Equal(["2 / 4（50%）", "3 / 5（60%）"], Cells(provincePage, "coverage-table", "济源示范区"));
    }

    [Fact]
    public async Task TheCitysYearEndSummary_HasACoverageRowPerCountyAndTarget()
    {
        using var city = await portal.SignedInClientAsync("jy.reviewer");

        var (sheets, _) = YearEnd.YearEndWorkbookReader.Read(await YearEnd.YearEndExports.ExportAsync(city, year));

        var coverage = sheets[0].Data.Where(r => r[2].Contains("配备劳动关系协调员", StringComparison.Ordinal) && !r[2].StartsWith("人社、工会、工商联", StringComparison.Ordinal))
            .Select(r => string.Join("|", r.Skip(1).Take(7))).ToList();
        Assert.Contains(sheets[0].Data, r => r[1] == "虎岭高新区" && r[2].StartsWith("人社、工会、工商联分别配备劳动关系协调员", StringComparison.Ordinal));
        Assert.Equal(
        [
            "虎岭高新区|大中型企业配备劳动关系协调员（每个至少 1 名）|个|4|2|2|未完成",
            "虎岭高新区|街道（乡镇）、园区配备劳动关系协调员（每个至少 1 名）|个|4|2|2|未完成",
            "玉川产业集聚区|街道（乡镇）、园区配备劳动关系协调员（每个至少 1 名）|个|1|1|0|已完成",
        ], coverage);
    }

    [Fact]
    public async Task ARegionOutsideTheSubtree_AnswersNotFound()
    {
        var county = await portal.RegionIdAsync("410000-JY-HL");
        using var neighbour = await portal.SignedInClientAsync("jyyc.clerk");
        using var stranger = await portal.SignedInClientAsync("ts.reviewer");

        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.Http.GetAsync($"/dashboard?regionId={county}&year={year}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/dashboard?regionId={county}&year={year}")).StatusCode);
    }

    [Fact]
    public async Task ABadWorkUnitCreditCode_IsRefusedNamingTheField_AndNothingIsSaved()
    {
        using var clerk = await portal.SignedInClientAsync("jyhl.clerk");
        var wrongCheck = Steel[..17] + (Steel[17] == '0' ? '1' : '0');
        var form = Coordinator("孙错", 11, "济钢集团", wrongCheck, "虎岭产业园");

        var response = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers"), [.. form, ("year", year.ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("工作单位统一社会信用代码：", (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=form-errors] li")!.TextContent.Trim());
        await using var db = portal.CreateDbContext();
        Assert.False(db.Coordinators.Any(c => c.Name == "孙错"));
    }
}

public sealed class SqliteCoverageDashboardTests(SqlitePortal portal) : CoverageDashboardTests<SqlitePortal>(portal);

public sealed class PostgresCoverageDashboardTests(PostgresPortal portal) : CoverageDashboardTests<PostgresPortal>(portal);
