using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Spreadsheets;
using CellValue = HarmonyPortal.Core.Spreadsheets.CellValue;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Ledgers.LedgerWorkbooks;

namespace HarmonyPortal.Web.Tests.Ledgers;

public abstract class LedgerSpreadsheetTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private async Task<int> CoordinatorsAsync(string regionCode)
    {
        var region = await portal.RegionIdAsync(regionCode);
        await using var db = portal.CreateDbContext();
        return await db.Coordinators.CountAsync(r => r.RegionId == region);
    }

    [Fact]
    public async Task Template_HasTheOfficialTitleHeaderOrder_AndDropDowns()
    {
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");

        var response = await clerk.Http.GetAsync("/ledgers/coordinators/template?year=2026");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var file = SpreadsheetFile.Open(await response.Content.ReadAsStreamAsync(), new SpreadsheetLimits());
        var rows = file.Rows().ToList();
        Assert.Equal("劳动关系协调员情况表", rows[0].Cells[0].Text);
        Assert.Contains("唐山高新区", rows[1].Cells[0].Text);
        // Required columns carry the " *" the template's note speaks of.
        Assert.Contains("带 * 的列必须填写", rows[1].Cells[0].Text);
        string[] headers = ["序号", "姓名 *", "性别 *", "民族 *", "身份证号码 *", "工作单位 *", "职务", "学历 *", "任职协调员时间 *", "联系方式 *", "类别 *", "职业技能等级", "证书编号", "发证日期",
            "是否在任 *", "所属乡镇街道（园区）", "工作单位统一社会信用代码"];
        Assert.Equal(headers, rows[2].Cells.Select(c => c.Text ?? "").ToArray());
        using var doc = SpreadsheetDocument.Open(await (await clerk.Http.GetAsync("/ledgers/coordinators/template")).Content.ReadAsStreamAsync(), false);
        var validations = doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DataValidation>()).ToList();
        Assert.True(validations.Count >= 5, $"{validations.Count} drop-downs");
    }

    [Fact]
    public async Task Import_AcceptsWhatRealFilesContain_AndSavesEveryRow()
    {
        using var clerk = await portal.SignedInClientAsync("tsln.clerk");
        var bytes = Workbook(CoordinatorHeaders,
            Person("1", "王 芳", Wide(TestIdNumbers.WithCheckDigit("130202198503030041")), "女", "2021.3"),
            Person("2", "李　明", TestIdNumbers.WithCheckDigit("130202197707070011"), "男", "2021年3月"),
            [.. Enumerable.Repeat(CellValue.Empty, CoordinatorHeaders.Length)],
            Person("3", "赵强", TestIdNumbers.WithCheckDigit("130203199001011216"), "男", CellValue.Number(44260), phone: "0315-2345678"));

        var response = await UploadAsync(clerk, "coordinators", bytes);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).Body!.TextContent);
        Assert.Equal(3, await CoordinatorsAsync("130202"));
        await using var db = portal.CreateDbContext();
        var zhao = await db.Coordinators.SingleAsync(r => r.Name == "赵强");
        Assert.Equal(new DateOnly(2021, 3, 5), zhao.ServingSince);
        Assert.Equal(new DateOnly(2021, 3, 1), (await db.Coordinators.SingleAsync(r => r.Name == "王芳")).ServingSince);
        Assert.True(await db.Coordinators.AnyAsync(r => r.Name == "李明"), "padding between the characters of a name is dropped");
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LedgerImported));
    }

    [Fact]
    public async Task Import_WithOneBadRow_SavesNothing_AndExplainsEachProblemByRowAndColumn_InTheAnnotatedFileToo()
    {
        using var clerk = await portal.SignedInClientAsync("tslb.clerk");
        var bytes = Workbook(CoordinatorHeaders,
            Person("1", "合格", TestIdNumbers.WithCheckDigit("130203198808080022"), "女", "2020-01-01"),
            Person("2", "校验位错", "110105194912310023", "女", "2020-01-01"),
            Person("3", "数字格式", CellValue.Number(110105194912310000), "女", "2020-01-01"),
            Person("4", "日期错", "440524188001010014", "男", "2021-13-01"),
            Person("5", "合格", TestIdNumbers.WithCheckDigit("130203198808080022"), "女", "2020-01-01"));

        var response = await UploadAsync(clerk, "coordinators", bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var errors = page.QuerySelector("[data-testid=import-errors]")!.TextContent;
        Assert.Contains("第 5 行", errors);
        Assert.Contains("校验位应为 X，实际为 3", errors);
        Assert.Contains("丢失了末尾的数字", errors);
        Assert.Contains("任职协调员时间", errors);
        Assert.Contains("与第 5 行重复", errors);
        Assert.Equal(0, await CoordinatorsAsync("130203"));

        var annotated = await clerk.Http.GetAsync(page.QuerySelector("[data-testid=import-errors] a")!.GetAttribute("href")!);
        using var file = SpreadsheetFile.Open(await annotated.Content.ReadAsStreamAsync(), new SpreadsheetLimits());
        var text = string.Join("\n", file.Rows().Select(r => string.Join("|", r.Cells.Select(c => c.Text))));
        Assert.Contains("错误说明", text);
        Assert.Contains("校验位应为 X，实际为 3", text);
        using var stranger = await portal.SignedInClientAsync("tsgx.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(page.QuerySelector("[data-testid=import-errors] a")!.GetAttribute("href")!)).StatusCode);
    }

    [Fact]
    public async Task Import_OfThousandsOfRows_SavedInBatches_IsStillAllOrNothing()
    {
        // More rows than one saving batch (1,000): rows are saved as they pass, then rolled back when a later row fails.
        using var clerk = await portal.SignedInClientAsync("gzzg.clerk");
        await using var before = portal.CreateDbContext();
        var region = await before.Users.Where(u => u.UserName == "gzzg.clerk").Select(u => u.RegionId).SingleAsync();
        var people = Enumerable.Range(1, 4_500)
            .Select(i => Person(i.ToString(), "协调员" + i, TestIdNumbers.WithCheckDigit($"3607021980{(i / 999) + 1:D2}01{(i % 999) + 1:D3}0"), (i % 999) % 2 == 0 ? "男" : "女", "2020-01-01"))
            .ToArray();
        var lateBadRow = people.Select(p => p.ToArray()).ToArray();
        var good = TestIdNumbers.WithCheckDigit($"3607021980{(4_401 / 999) + 1:D2}01{(4_401 % 999) + 1:D3}0");
        lateBadRow[4_400][4] = good[..17] + (good[17] == '0' ? '1' : '0'); // a wrong check character, 4,400 rows in

        var refused = await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders, lateBadRow));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("第 4405 行", (await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=import-errors]")!.TextContent);
        Assert.Equal(0, await CountAsync(region, 2026));

        // One person already in the ledger this year, met in the fifth batch: named by row, nothing saved.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders, people[4_200]))).StatusCode);
        var duplicate = await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders, people));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        var errors = (await PortalClient.ParseAsync(duplicate)).QuerySelector("[data-testid=import-errors]")!.TextContent;
        Assert.Contains("第 4205 行", errors);
        Assert.Contains("已有该人员的记录", errors);
        Assert.Equal(1, await CountAsync(region, 2026));

        var accepted = await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders, [.. people.Where((_, i) => i != 4_200)]));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("已导入 4499 条记录", (await clerk.GetPageAsync(accepted.Headers.Location!.OriginalString)).Body!.TextContent);
        Assert.Equal(4_500, await CountAsync(region, 2026));
    }

    [Fact]
    public async Task MediatorsImport_OfMoreThanOneBatch_FindsEveryMediatorsOrganisation()
    {
        // Mediators' checks read the database (their organisation by name), so their batches are saved one after the other.
        using var clerk = await portal.SignedInClientAsync("yyml.clerk");
        var token = await clerk.TokenFromAsync("/ledgers");
        var org = await clerk.PostAsync("/ledgers/mediation-organizations/create", token, [.. LedgerForms.MediationOrganization("汨罗市某行业调解委员会", 40, 30), ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, org.StatusCode);
        string[] headers = ["序号", "姓名", "性别", "民族", "身份证号码", "工作单位", "职务", "学历", "任职调解员时间", "联系电话", "所属调解组织"];
        var rows = Enumerable.Range(1, 2_500).Select(i => new CellValue[]
        {
            i.ToString(), "调解员" + i, (i % 999) % 2 == 0 ? "男" : "女", "汉族", TestIdNumbers.WithCheckDigit($"4306811975{(i / 999) + 1:D2}01{(i % 999) + 1:D3}0"),
            "汨罗市某公司", "", "高中", "2020-01-01", "13907300000", "汨罗市某行业调解委员会",
        }).ToArray();

        var response = await UploadAsync(clerk, "mediators", Workbook(headers, rows));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).Body!.TextContent[..Math.Min(2000, (await PortalClient.ParseAsync(response)).Body!.TextContent.Length)]);
        Assert.Contains("已导入 2500 条记录", (await clerk.GetPageAsync(response.Headers.Location!.OriginalString)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        var organisation = await db.MediationOrganizations.Where(o => o.Name == "汨罗市某行业调解委员会").Select(o => o.Id).SingleAsync();
        Assert.Equal(2_500, await db.Mediators.CountAsync(m => m.MediationOrganizationId == organisation));
    }

    private async Task<int> CountAsync(int regionId, int year)
    {
        await using var db = portal.CreateDbContext();
        return await db.Coordinators.CountAsync(r => r.RegionId == regionId && r.Year == year);
    }

    [Fact]
    public async Task Import_ReadsTheTwoRowMergedHeaderOfAttachment8()
    {
        using var clerk = await portal.SignedInClientAsync("yyhr.clerk");
        string[] top = ["序号", "单位名称", "所在地区", "单位地址", "所属行业", "联系人", "联系电话", "上年底职工数量", "目前职工数量", "已享的稳岗政策", "是否有裁员计划",
            "以下内容为拟裁员或已裁员企业填写", "", "", "", "经济补偿标准", "支付能力评估", "跟踪指导情况"];
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream, leaveOpen: true))
        {
            writer.StartSheet(new SheetSpec("Sheet1", top.Select(h => new ColumnSpec(h)).ToList()) { Title = "重点用工企业情况表" });
            writer.WriteRow(["", "", "", "", "", "", "", "", "", "", "", "本年度计划裁员人数", "已裁员人数", "裁员岗位", "是否结清劳动报酬", "", "", ""]);
            writer.WriteRow(["1", "华容某纺织公司", "章华镇", "华容县工业园", "纺织业", "李四", "13907300001", "500", "460", "失业保险稳岗返还", "是", "50", "40", "挡车工", "是", "N+1", "具备", "每月走访"]);
            writer.WriteRow(["2", "华容某电子厂", "治河渡镇", "治河渡镇工业路", "39", "王五", "0730-4222222", "120", "118", "", "否", "", "", "", "", "", "", "无"]);
        }

        var response = await UploadAsync(clerk, "key-enterprises", stream.ToArray());

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        var textile = await db.KeyEnterprises.SingleAsync(r => r.Name == "华容某纺织公司");
        Assert.Equal((50, 40, "挡车工", true), (textile.PlannedLayoffs, textile.LaidOff, textile.LayoffPositions, textile.WagesSettled));
        Assert.False((await db.KeyEnterprises.SingleAsync(r => r.Name == "华容某电子厂")).HasLayoffPlan);
    }

    [Fact]
    public async Task Import_RefusesFilesThatAreNotSpreadsheets_AndOversizedUploads()
    {
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");

        var text = await UploadAsync(clerk, "coordinators", "姓名,身份证号码\n张三,1"u8.ToArray(), "伪装.xlsx");
        var big = await UploadAsync(clerk, "coordinators", new byte[(10 * 1024 * 1024) + 1]);

        Assert.Contains("不是 Excel 工作簿", (await PortalClient.ParseAsync(text)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(0, await CoordinatorsAsync("130200-GX"));
    }

    [Fact]
    public async Task Import_RefusesMoreThan100000DataRows_BeforeCheckingThem()
    {
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");
        var rows = Enumerable.Range(1, 100_001).Select(i => new CellValue[] { i.ToString(), "某企业" + i, "某路", "张三", "13800000000", "10", "县人社局", "是" }).ToArray();
        var bytes = Workbook(["序号", "单位名称", "单位地址", "联系人", "联系电话", "职工人数", "培育指导服务单位", "是否达标"], rows);

        var response = await UploadAsync(clerk, "harmonious-enterprises", bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("100001 行数据，超过上限 100000 行", (await PortalClient.ParseAsync(response)).Body!.TextContent);
    }

    [Fact]
    public async Task Export_WritesTheOfficialColumns_FormulaLookingTextStaysText_AndIdsAreMaskedAboveTheOwningRegion()
    {
        using var clerk = await portal.SignedInClientAsync("gzrj.clerk");
        var bytes = Workbook(CoordinatorHeaders, Person("1", "=1+1", "11010519491231002X", "女", "2020-01-01"), Person("2", "@SUM(A1)", TestIdNumbers.WithCheckDigit("360781199412120031"), "男", "2020-01-01"));
        var imported = await UploadAsync(clerk, "coordinators", bytes);
        Assert.True(imported.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(imported)).Body!.TextContent);
        using var city = await portal.SignedInClientAsync("gz.reviewer");

        var own = await ReadAllAsync(await clerk.Http.GetAsync("/ledgers/coordinators/export?year=2026"));
        var above = await ReadAllAsync(await city.Http.GetAsync("/ledgers/coordinators/export?year=2026"));

        Assert.Contains("11010519491231002X", own.Text);
        Assert.DoesNotContain("11010519491231002X", above.Text);
        Assert.Contains("110105********002X", above.Text);
        Assert.Contains("=1+1", above.Text);
        Assert.Contains("@SUM(A1)", above.Text);
        Assert.Equal(0, above.Formulas);
        Assert.Contains("序号|地区|姓名|性别|民族|身份证号码|工作单位", above.Text);
        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.CountAsync(e => e.Action == AuditActions.LedgerExported) >= 2);
    }

    [Fact]
    public async Task Export_OfMoreRowsThanOnePage_HasEveryRowOnce()
    {
        using var clerk = await portal.SignedInClientAsync("gzgx.clerk");
        var people = Enumerable.Range(0, 2_345)
            .Select(i => Person((i + 1).ToString(), "分页" + i, TestIdNumbers.WithCheckDigit($"360704{new DateOnly(1970, 1, 1).AddDays(i):yyyyMMdd}0010"), "男", "2020-01-01"))
            .ToArray();
        var imported = await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders, people));
        Assert.True(imported.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(imported)).Body!.TextContent);

        var export = await ReadAllAsync(await clerk.Http.GetAsync("/ledgers/coordinators/export?year=2026"));

        var names = export.Text.Split('\n').Select(l => l.Split('|')).Where(c => c.Length > 2 && c[2].StartsWith("分页", StringComparison.Ordinal)).Select(c => c[2]).ToList();
        Assert.Equal(2_345, names.Count);
        Assert.Equal(2_345, names.Distinct().Count());
    }

    [Fact]
    public async Task MediatorsExport_NamesEachMediatorsOrganisation()
    {
        using var clerk = await portal.SignedInClientAsync("gznk.clerk");
        var token = await clerk.TokenFromAsync("/ledgers");
        var org = await clerk.PostAsync("/ledgers/mediation-organizations/create", token, [.. LedgerForms.MediationOrganization("南康区家具行业调解委员会", 40, 30), ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, org.StatusCode);
        foreach (var (name, id) in new[] { ("赵调解", "360703198001010011"), ("钱调解", "360703198101010011"), ("孙调解", "360703198201010011") })
        {
            var mediator = await clerk.PostAsync("/ledgers/mediators/create", token,
                ("values[Name]", name), ("values[Gender]", "男"), ("values[Ethnicity]", "汉族"), ("values[IdNumber]", TestIdNumbers.WithCheckDigit(id)),
                ("values[WorkUnit]", "南康区某家具公司"), ("values[Education]", "高中"), ("values[ServingSince]", "2020-01-01"), ("values[Phone]", "13907970000"), ("values[OrganizationName]", "南康区家具行业调解委员会"), ("year", "2026"));
            Assert.True(mediator.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(mediator)).QuerySelector("[data-testid=form-errors]")?.TextContent);
        }

        var export = await ReadAllAsync(await clerk.Http.GetAsync("/ledgers/mediators/export?year=2026"));

        var lines = export.Text.Split('\n').Where(l => l.Contains("调解|", StringComparison.Ordinal) && l.Contains("南康区家具行业调解委员会", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 3, export.Text);
    }

    private static async Task<(string Text, int Formulas)> ReadAllAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var formulas = doc.WorkbookPart!.WorksheetParts.Sum(p => p.Worksheet.Descendants<CellFormula>().Count());
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), new SpreadsheetLimits());
        return (string.Join("\n", file.Rows().Select(r => string.Join("|", r.Cells.Select(c => c.Text)))), formulas);
    }

    /// <summary>The same number typed with full-width digits, as some input methods do.</summary>
    private static string Wide(string number) => string.Concat(number.Select(c => (char)(c + 0xFEE0)));

}

public sealed class SqliteLedgerSpreadsheetTests(SqlitePortal portal) : LedgerSpreadsheetTests<SqlitePortal>(portal);

public sealed class PostgresLedgerSpreadsheetTests(PostgresPortal portal) : LedgerSpreadsheetTests<PostgresPortal>(portal);
