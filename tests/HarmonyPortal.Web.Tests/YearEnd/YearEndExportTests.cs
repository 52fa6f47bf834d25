using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using CellValue = HarmonyPortal.Core.Spreadsheets.CellValue;

namespace HarmonyPortal.Web.Tests.YearEnd;

public abstract class YearEndExportTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static readonly string[] CoordinatorHeaders =
        ["序号", "姓名", "性别", "民族", "身份证号码", "工作单位", "职务", "学历", "任职协调员时间", "联系方式", "类别", "职业技能等级", "证书编号", "发证日期", "是否在任"];

    private static readonly string FormulaLike = "=1+1";
    private static readonly string AtFormula = "@SUM(A1)";
    private static readonly string XinfuId = TestIdNumbers.WithCheckDigit("140902198503030041");
    private static readonly string DingxiangId = TestIdNumbers.WithCheckDigit("140921197707070011");

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool seeded;

    private int Year => portal.Clock.GetLocalNow().Year;

    [Fact]
    public async Task ProvinceWorkbook_HasSummaryLedgerAndGoldSheets_WithEveryRowOfTheSubtree_AndNoFormulaCells()
    {
        await SeedAsync();
        using var province = await portal.SignedInClientAsync("sx.reviewer");

        var bytes = await ExportAsync(province);
        var (sheets, formulas) = YearEndWorkbookReader.Read(bytes);

        string[] expected = ["汇总", .. LedgerCatalog.All.Select(d => d.Title), .. Enum.GetValues<GoldCategory>().Select(HarmonyPortal.Core.Nominations.GoldRules.CategoryName), "材料与指标"];
        Assert.Equal(expected, sheets.Select(s => s.Name).ToArray());
        Assert.Equal(0, formulas);
        Assert.All(YearEndWorkbookReader.PageSetups(bytes), setup => Assert.Equal("landscape paper=9 wide=1 frozen=3 titles=True", setup));
        Assert.Contains("山西省", sheets[0].Rows[0][0]);
        Assert.Contains("山西省协调劳动关系三方办公室", sheets[0].Rows[1][0]);
        await using var db = portal.CreateDbContext();
        var shanxiPath = (await db.Regions.SingleAsync(r => r.Code == "140000")).Path;
        foreach (var definition in LedgerCatalog.All)
        {
            var sheet = sheets.Single(s => s.Name == definition.Title);
            Assert.Equal(["序号", "市", "县（市、区）", .. definition.Fields.Select(f => f.Header), "状态"], sheet.Header.ToArray());
            var inDb = await definition.Rows(db).CountAsync(r => r.Year == Year && r.Region.Path.StartsWith(shanxiPath));
            Assert.Equal(inDb, sheet.Data.Count);
        }

        var coordinators = sheets.Single(s => s.Name == "劳动关系协调员情况表");
        var names = coordinators.Data.Select(r => r[coordinators.Column("姓名")]).ToList();
        Assert.Contains(FormulaLike, names);
        Assert.Contains(AtFormula, names);
        Assert.Contains(coordinators.Data, r => r[1] == "忻州市" && r[2] == "定襄县");
        var services = sheets.Single(s => s.Name == LedgerCatalog.Find("new-enterprise-services")!.Title);
        var employees = services.Data.Sum(r => int.Parse(r[services.Column("职工人数")], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(await db.NewEnterpriseServices.Where(r => r.Year == Year).SumAsync(r => r.EmployeeCount), employees);
        Assert.Contains(services.Data, r => r[1] == "" && r[services.Column("单位名称")] == "省本级服务企业");

        var summary = sheets[0].Data;
        var gold = summary.Single(r => r[1] == "忻州市" && r[2] == "打造金牌劳动关系协调员");
        var approved = await db.Nominations.CountAsync(n => n.Year == Year && n.CityDecision == Decision.Yes);
        Assert.Equal(["10", approved.ToString(System.Globalization.CultureInfo.InvariantCulture), (10 - approved).ToString(System.Globalization.CultureInfo.InvariantCulture), "未完成"], gold.Skip(4).Take(4).ToArray());
        Assert.Contains("规划期已结束", gold[8]);

        var selected = sheets.Single(s => s.Name == "金牌劳动关系协调员");
        Assert.Equal(["1", "忻州市", "忻府区", "入选协调员", "", "事迹=1+1", ""], selected.Data.Single().ToArray());
    }

    [Fact]
    public async Task CityWorkbook_HoldsOnlyItsSubtree_AndMasksIdNumbersOfTheCounties_WhileACountyClerkCannotStartOne()
    {
        await SeedAsync();
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var county = await portal.SignedInClientAsync("xzxf.clerk");

        var (citySheets, _) = YearEndWorkbookReader.Read(await ExportAsync(city));

        var cityCoordinators = citySheets.Single(s => s.Name == "劳动关系协调员情况表");
        Assert.Equal(["序号", "县（市、区）", "姓名"], cityCoordinators.Header.Take(3).ToArray());
        var cityText = string.Join("\n", citySheets.SelectMany(s => s.Rows).Select(r => string.Join("|", r)));
        Assert.DoesNotContain("省本级服务企业", cityText);
        Assert.DoesNotContain(XinfuId, cityText);
        Assert.DoesNotContain(DingxiangId, cityText);
        Assert.Contains(XinfuId[..6] + "********" + XinfuId[^4..], cityText);
        Assert.Equal(3, cityCoordinators.Data.Count);

        // 年终汇总 is not on a clerk's menu, so posting its form is refused too (issue 14).
        var refused = await county.PostAsync("/year-end/exports", await county.TokenFromAsync("/"), ("year", Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.Http.GetAsync("/year-end")).StatusCode);
    }

    [Fact]
    public async Task Job_RunsInTheBackground_ReachesDone_OnlyItsOwnerSeesAndDownloadsIt_AndStartAndDownloadAreAudited()
    {
        await SeedAsync();
        using var owner = await portal.SignedInClientAsync("sx.admin");
        using var other = await portal.SignedInClientAsync("xz.admin");

        var id = await StartAsync(owner);
        var status = await WaitAsync(owner, id);
        var page = await owner.GetPageAsync("/year-end");

        Assert.Equal("Done", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("rowsTotal").GetInt64() >= 5);
        Assert.Equal(status.GetProperty("rowsTotal").GetInt64(), status.GetProperty("rowsWritten").GetInt64());
        Assert.NotNull(page.QuerySelector($"a[href='/year-end/exports/{id}/download']"));
        Assert.Contains("pct-100", page.QuerySelector($"tr[data-export-job='{id}'] [data-role=bar]")!.ClassName);
        Assert.NotNull(page.QuerySelector("a.nav-link[href='/year-end']"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/year-end/exports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/year-end/exports/{id}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/year-end/exports/{id}/download")).StatusCode);
        Assert.False(File.Exists(Path.Combine(portal.DataDirectory, "exports", id.ToString("N") + ".xlsx.part")));
        Assert.True(File.Exists(Path.Combine(portal.DataDirectory, "exports", id.ToString("N") + ".xlsx")));
        await using var db = portal.CreateDbContext();
        var audited = await db.AuditEntries.Where(e => e.ObjectId == id.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Equal(new[] { AuditActions.YearEndExportStarted, AuditActions.YearEndExportDownloaded }.Order(), audited.Order());
    }

    [Fact]
    public async Task ClerkNav_HasNoYearEndLink_AndEveryYearEndRouteRefusesTheClerk()
    {
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");

        var page = await clerk.GetPageAsync("/");

        Assert.Null(page.QuerySelector("a.nav-link[href='/year-end']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Http.GetAsync($"/year-end/exports/{Guid.NewGuid()}/download")).StatusCode);
    }

    private Task<byte[]> ExportAsync(PortalClient user) => YearEndExports.ExportAsync(user, Year);

    private Task<Guid> StartAsync(PortalClient user) => YearEndExports.StartAsync(user, Year);

    private static Task<JsonElement> WaitAsync(PortalClient user, Guid id) => YearEndExports.WaitAsync(user, id);

    /// <summary>Coordinators imported in two counties, new-enterprise services entered by form there and at the province, one published gold nominee.</summary>
    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (seeded)
            {
                return;
            }

            using var xinfu = await portal.SignedInClientAsync("xzxf.clerk");
            using var dingxiang = await portal.SignedInClientAsync("xzdx.clerk");
            await ImportAsync(xinfu, Person(FormulaLike, XinfuId, "女"), Person("年终甲", TestIdNumbers.WithCheckDigit("140902199001011216"), "男"));
            await ImportAsync(dingxiang, Person(AtFormula, DingxiangId, "男"));
            await ServiceAsync(xinfu, "忻府某新企业", 12);
            await ServiceAsync(dingxiang, "定襄某新企业", 30);

            await using var db = portal.CreateDbContext();
            var shanxi = await db.Regions.SingleAsync(r => r.Code == "140000");
            var xinzhou = await db.Regions.SingleAsync(r => r.Code == "140900");
            var xinfuRegion = await db.Regions.SingleAsync(r => r.Code == "140902");
            var now = DateTime.UtcNow;
            db.NewEnterpriseServices.Add(new NewEnterpriseService
            {
                RegionId = shanxi.Id, Year = Year, Name = "省本级服务企业", Address = "太原某路", ContactName = "李四", ContactPhone = "13900000000",
                EmployeeCount = 5, ServiceUnit = "省人社厅", ServedOn = new DateOnly(Year, 3, 1), CreatedAtUtc = now, UpdatedAtUtc = now,
            });
            var sheet = new NominationSheet { RegionId = xinzhou.Id, Category = GoldCategory.Coordinator, Year = Year, Status = SheetStatus.Published, CreatedAtUtc = now, UpdatedAtUtc = now };
            db.NominationSheets.Add(sheet);
            await db.SaveChangesAsync();
            var coordinator = await db.Coordinators.SingleAsync(c => c.Name == "年终甲");
            db.Nominations.AddRange(
                Nominee(xinfuRegion.Id, sheet.Id, coordinator.Id, "入选协调员", Decision.Yes, now),
                Nominee(xinfuRegion.Id, sheet.Id, coordinator.Id + 100_000, "未入选协调员", Decision.No, now));
            await db.SaveChangesAsync();
            seeded = true;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private Nomination Nominee(int regionId, long sheetId, long rowId, string name, Decision province, DateTime now) => new()
    {
        RegionId = regionId, Category = GoldCategory.Coordinator, Year = Year, LedgerRowId = rowId, Name = name, Narrative = "事迹=1+1",
        SheetId = sheetId, CitySheetId = sheetId, CityDecision = Decision.Yes, ProvinceDecision = province, CreatedBy = "test", CreatedAtUtc = now, UpdatedAtUtc = now,
    };

    private static CellValue[] Person(string name, string id, string gender) =>
        ["1", name, gender, "汉", id, "某县某公司", "主任", "大专", "2021-03-01", "13812345678", "协调员", "", "", "", "是"];

    private async Task ImportAsync(PortalClient clerk, params CellValue[][] rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream, leaveOpen: true))
        {
            writer.StartSheet(new SheetSpec("Sheet1", CoordinatorHeaders.Select(h => new ColumnSpec(h)).ToList()) { Title = "劳动关系协调员情况表", Subtitle = "填报单位：某县人社局" });
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        var token = await clerk.TokenFromAsync("/ledgers/coordinators/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year" },
        };
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(file, "file", "台账.xlsx");
        var response = await Ledgers.LedgerWorkbooks.ConfirmAsync(clerk, "coordinators", await clerk.Http.PostAsync("/ledgers/coordinators/import", form));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).Body!.TextContent);
    }

    private async Task ServiceAsync(PortalClient clerk, string name, int employees)
    {
        var created = await clerk.PostAsync("/ledgers/new-enterprise-services/create", await clerk.TokenFromAsync("/ledgers"),
            ("values[Name]", name), ("values[Address]", "某路"), ("values[ContactName]", "张三"), ("values[ContactPhone]", "13800000000"),
            ("values[EmployeeCount]", employees.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("values[ServiceUnit]", "县人社局"),
            ("values[ServedOn]", $"{Year}-03-01"), ("year", Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }
}

public sealed class SqliteYearEndExportTests(SqlitePortal portal) : YearEndExportTests<SqlitePortal>(portal);

public sealed class PostgresYearEndExportTests(PostgresPortal portal) : YearEndExportTests<PostgresPortal>(portal);
