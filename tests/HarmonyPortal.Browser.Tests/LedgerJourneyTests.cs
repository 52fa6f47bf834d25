using System.Text.RegularExpressions;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

public sealed class LedgerJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Clerk_AddsACoordinator_FixesAChineseValidationMessage_ImportsAFile_AndExportsTheList()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("yyyx.clerk");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "劳动关系协调员情况表" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新增" }).ClickAsync();
        await page.GetByLabel("姓名").FillAsync("刘洋");
        await page.GetByLabel("性别").SelectOptionAsync("男");
        await page.GetByLabel("民族").SelectOptionAsync("汉族");
        await page.GetByLabel("身份证号码").FillAsync("430603198506150014");
        await page.GetByLabel(new Regex(@"^工作单位\s*\*?$")).FillAsync("云溪区某化工有限公司");
        await page.GetByLabel("学历").SelectOptionAsync("本科");
        await page.GetByLabel("任职协调员时间").FillAsync("2020-04-01");
        await page.GetByLabel("联系方式").FillAsync("13907305678");
        await page.GetByLabel("类别").SelectOptionAsync("劳动关系协调员");
        await page.GetByLabel("是否在任").SelectOptionAsync("是");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("身份证号码：校验位应为");
        await BrowserSession.ScreenshotAsync(page, "10-ledger-validation");

        await page.GetByLabel("身份证号码").FillAsync(TestIdNumbers.WithCheckDigit("430603198506150013"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("ledger-details")).ToContainTextAsync("430603********");
        await BrowserSession.ScreenshotAsync(page, "11-ledger-details");

        var template = await page.RunAndWaitForDownloadAsync(() => page.GotoAsync("/ledgers/coordinators/template?year=2026").ContinueWith(_ => { }));
        var templatePath = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await template.SaveAsAsync(templatePath);
        var filled = FillTemplate(templatePath);

        await page.GotoAsync("/ledgers/coordinators/import?year=2026");
        await page.GetByLabel("Excel 文件").SetInputFilesAsync(filled);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("新增 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已导入 1 条记录");
        await Expect(page.GetByTestId("ledger-list")).ToContainTextAsync("钱进");
        await BrowserSession.ScreenshotAsync(page, "12-ledger-list-after-import");

        var export = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        var exportPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await export.SaveAsAsync(exportPath);
        using var file = SpreadsheetFile.Open(File.OpenRead(exportPath), new SpreadsheetLimits());
        var names = file.Rows().Select(r => r.Cells.Count > 2 ? r.Cells[2].Text : null).ToList();
        Assert.Contains("刘洋", names);
        Assert.Contains("钱进", names);
    }

    /// <summary>Fills the downloaded template the way a clerk would: one row under the header.</summary>
    private static string FillTemplate(string templatePath)
    {
        using var template = SpreadsheetFile.Open(File.OpenRead(templatePath), new SpreadsheetLimits());
        var rows = template.Rows().ToList();
        var headers = rows[2].Cells.Select(c => c.Text ?? "").ToList();
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        using var stream = File.Create(path);
        using var writer = new XlsxWriter(stream);
        writer.StartSheet(new SheetSpec("Sheet1", headers.Select(h => new ColumnSpec(h)).ToList()) { Title = rows[0].Cells[0].Text, Subtitle = rows[1].Cells[0].Text });
        var values = new Dictionary<string, string>
        {
            ["序号"] = "1", ["姓名"] = "钱进", ["性别"] = "男", ["民族"] = "汉族", ["身份证号码"] = TestIdNumbers.WithCheckDigit("430603199003030011"), ["工作单位"] = "云溪区某物流公司",
            ["职务"] = "工会主席", ["学历"] = "高中", ["任职协调员时间"] = "2022年6月", ["联系方式"] = "0730-8123456", ["类别"] = "专职集体协商指导员", ["是否在任"] = "是",
        };
        writer.WriteRow(headers.Select(h => CellValue.Text(values.GetValueOrDefault(h.TrimEnd('*', ' ')))).ToList());
        return path;
    }

}
