using System.Globalization;
using System.Net;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.YearEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Ledgers.LedgerWorkbooks;

namespace HarmonyPortal.Web.Tests.Workbooks;

/// <summary>
/// Every kind of workbook the portal writes, downloaded as a user would and opened with two readers independent of
/// the portal (exceljs and openpyxl, <see cref="IndependentReaders"/>), as province staff's own tools open them:
/// each reader must open the file and see the header and a data cell a user would check.
/// </summary>
public abstract class IndependentReaderTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task TemplatesAndExports_OfEveryLedger_OpenInBothReaders_WithTitleAndHeader()
    {
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");
        var files = new List<byte[]>();
        foreach (var definition in LedgerCatalog.All)
        {
            files.Add(await DownloadAsync(clerk, $"/ledgers/{definition.Key}/template?year=2026"));
            files.Add(await DownloadAsync(clerk, $"/ledgers/{definition.Key}/export?year=2026"));
        }

        var read = await IndependentReaders.ReadAllAsync(files);

        for (var i = 0; i < LedgerCatalog.All.Count; i++)
        {
            var definition = LedgerCatalog.All[i];
            foreach (var view in read[2 * i])
            {
                var sheet = view.Sheet(definition.Title);
                Assert.Equal(definition.Title, sheet.Cell("A1"));
                Assert.Contains("唐山高新区", sheet.Cell("A2"));
                Assert.Equal(LedgerSheetLayout.TemplateColumns(definition)[1].Header, sheet.Cell("B3"));
            }

            foreach (var view in read[(2 * i) + 1])
            {
                var sheet = view.Sheet(definition.Title);
                Assert.Equal(definition.Title, sheet.Cell("A1"));
                Assert.Equal("地区", sheet.Cell("B3"));
                Assert.Equal(LedgerSheetLayout.ExportColumns(definition)[^1].Header, sheet.Cell(Letters(LedgerSheetLayout.ExportColumns(definition).Count) + "3"));
            }
        }
    }

    [Fact]
    public async Task CoordinatorExport_ShowsTheImportedPersonInBothReaders()
    {
        using var clerk = await portal.SignedInClientAsync("gzrj.clerk");
        var imported = await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders,
            Person("1", "读表甲", TestIdNumbers.WithCheckDigit("360781199412120031"), "男", "2020-01-01")));
        Assert.True(imported.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(imported)).Body!.TextContent);

        var views = await IndependentReaders.ReadAsync(await DownloadAsync(clerk, "/ledgers/coordinators/export?year=2026"));

        Assert.Equal(["exceljs", "openpyxl"], views.Select(v => v.Reader).ToArray());
        foreach (var view in views)
        {
            var sheet = view.Sheet("劳动关系协调员情况表");
            Assert.Equal("姓名", sheet.Cell("C3"));
            Assert.Equal("1", sheet.Cell("A4"));
            Assert.Equal("读表甲", sheet.Cell("C4"));
            Assert.Equal("男", sheet.Cell("D4"));
        }
    }

    [Fact]
    public async Task AnnotatedImportErrorFile_OpensInBothReaders_WithTheReasonBesideTheRow()
    {
        using var clerk = await portal.SignedInClientAsync("tslb.clerk");
        var refused = await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders,
            Person("1", "校验位错", "110105194912310023", "女", "2020-01-01")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var link = (await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=import-errors] a")!.GetAttribute("href")!;

        var views = await IndependentReaders.ReadAsync(await DownloadAsync(clerk, link));

        var columns = LedgerSheetLayout.TemplateColumns(LedgerCatalog.Find("coordinators")!).Count + 1;
        foreach (var view in views)
        {
            var sheet = view.Sheet("劳动关系协调员情况表");
            Assert.Equal("劳动关系协调员情况表（导入错误说明）", sheet.Cell("A1"));
            Assert.Equal(LedgerSheetLayout.ErrorHeader, sheet.Cell(Letters(columns) + "3"));
            var row = sheet.Cells.Single(c => c.Value == "校验位错").Key[1..];
            Assert.Matches("^第 [0-9]+ 行$", sheet.Cell("A" + row));
            Assert.Contains("校验位应为 X，实际为 3", sheet.Cell(Letters(columns) + row));
        }
    }

    [Fact]
    public async Task YearEndWorkbook_OpensInBothReaders_WithEverySheetAndTheSummaryFigures()
    {
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        var year = portal.Clock.GetLocalNow().Year;

        var bytes = await YearEndExports.ExportAsync(province, year);
        var views = await IndependentReaders.ReadAsync(bytes);

        var (own, _) = YearEndWorkbookReader.Read(bytes);
        Assert.NotEmpty(own[0].Data);
        foreach (var view in views)
        {
            Assert.Equal(own.Select(s => s.Name), view.Sheets.Where(s => s.State == "visible").Select(s => s.Name));
            var summary = view.Sheet("汇总");
            Assert.Equal($"山西省 {year} 年度协调劳动关系工作年终汇总表", summary.Cell("A1"));
            Assert.Equal("地区", summary.Cell("B3"));
            Assert.Equal(own[0].Data[0][1], summary.Cell("B4"));
            Assert.Equal(own[0].Data[0][2], summary.Cell("C4"));
            var coordinators = view.Sheet(LedgerCatalog.Find("coordinators")!.Title);
            Assert.Equal($"山西省 {year} 年度劳动关系协调员情况表", coordinators.Cell("A1"));
            Assert.Equal("序号|市|县（市、区）", $"{coordinators.Cell("A3")}|{coordinators.Cell("B3")}|{coordinators.Cell("C3")}");
            Assert.Single(coordinators.Cells, c => System.Text.RegularExpressions.Regex.IsMatch(c.Key, "^[A-Z]+3$") && c.Value.Contains("乡镇", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task QuotaGridDownload_OpensInBothReaders_WithTasksAndCounties()
    {
        var yueyang = await portal.RegionIdAsync("430600");
        int draftId;
        await using (var db = portal.CreateDbContext())
        {
            var draft = new RuleSetDraft { RegionId = yueyang, FromYear = 2021, ToYear = 2023, Origin = "测试", CreatedBy = "yy.admin", UpdatedBy = "yy.admin" };
            draft.Json = RuleSetWriter.Write(SeedRuleSets.Load("yueyang-2021.json"));
            draft.UpdatedAtUtc = DateTime.UtcNow;
            db.RuleSetDrafts.Add(draft);
            await db.SaveChangesAsync();
            draftId = draft.Id;
        }

        using var admin = await portal.SignedInClientAsync("yy.admin");

        var bytes = await DownloadAsync(admin, $"/rules/drafts/{draftId}/grid.xlsx");
        var views = await IndependentReaders.ReadAsync(bytes);

        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), new SpreadsheetLimits());
        var rows = file.Rows().ToList();
        var header = rows.First(r => r.Cells.Count > 0 && r.Cells[0].Text == "县区名称").Cells.Select(c => c.Text).ToList();
        var expected = rows.First(r => r.Cells.Count > 0 && r.Cells[0].Text == "君山区").Cells[header.IndexOf("新企业用工服务计划")].Text;
        Assert.Matches("[0-9]", expected);
        foreach (var view in views)
        {
            var sheet = view.Sheet("任务安排表");
            Assert.EndsWith("任务安排表", sheet.Cell("A1"));
            Assert.Equal("县区名称", sheet.Cell("A2"));
            var serviceColumn = sheet.Cells.Single(c => c.Value == "新企业用工服务计划").Key.TrimEnd("0123456789".ToCharArray());
            var junshan = sheet.Cells.Single(c => c.Value == "君山区").Key[1..];
            Assert.Equal(expected, sheet.Cell(serviceColumn + junshan));
        }
    }

    private static async Task<byte[]> DownloadAsync(PortalClient user, string url)
    {
        var response = await user.Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Letters(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : Letters((column - 1) / 26) + (char)('A' + ((column - 1) % 26));
}

public sealed class SqliteIndependentReaderTests(SqlitePortal portal) : IndependentReaderTests<SqlitePortal>(portal);

public sealed class PostgresIndependentReaderTests(PostgresPortal portal) : IndependentReaderTests<PostgresPortal>(portal);
