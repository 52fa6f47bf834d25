using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// Issue 17's import journeys: a coordinator list on the official 附件3 form (no 类别, no 是否在任) imports after the
/// clerk picks the missing values on the preview; the ledger's own export, uploaded again as 新增并更新, changes nothing.
/// </summary>
public sealed class ImportJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Clerk_ImportsTheOfficialForm_AfterPickingTheMissingColumns_AndTheExportRoundTripsUnchanged()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("yyyx.clerk");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GotoAsync("/ledgers/coordinators/import?year=2026");
        await page.GetByLabel("Excel 文件").SetInputFilesAsync(OfficialForm3());
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("新增 3");
        await Expect(page.GetByTestId("import-absent")).ToContainTextAsync("类别");
        await Expect(page.GetByTestId("import-absent")).ToContainTextAsync("是否在任");
        await BrowserSession.ScreenshotAsync(page, "60-import-official-form-preview");

        await page.GetByLabel("类别").SelectOptionAsync("专职集体协商指导员");
        await page.GetByRole(AriaRole.Button, new() { Name = "按所选值重新预览" }).ClickAsync();
        await Expect(page.GetByTestId("import-absent")).ToContainTextAsync("全部行按“专职集体协商指导员”导入");
        await BrowserSession.ScreenshotAsync(page, "61-import-official-form-chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("3 新增，0 更新，0 无变化");
        await Expect(page.GetByTestId("ledger-list")).ToContainTextAsync("专职集体协商指导员");
        await BrowserSession.ScreenshotAsync(page, "62-import-official-form-imported");

        var export = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        var exportPath = Path.Combine(TestPaths.Scratch("browser"), Guid.NewGuid() + ".xlsx");
        await export.SaveAsAsync(exportPath);

        await page.GotoAsync("/ledgers/coordinators/import?year=2026");
        await page.GetByLabel("Excel 文件").SetInputFilesAsync(exportPath);
        await page.GetByLabel("新增并更新", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("无变化 3");
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("更新 0");
        await BrowserSession.ScreenshotAsync(page, "63-import-export-round-trip-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("0 新增，0 更新，3 无变化");
        await BrowserSession.ScreenshotAsync(page, "64-import-export-round-trip-done");
    }

    /// <summary>附件3 as printed and filled by an office: merged title, 填报单位 line, the ten columns, a blank row, full-width digits, 2021.3 / 2021年5月 / a serial, a lowercase x.</summary>
    private static string OfficialForm3()
    {
        string[] headers = ["序号", "姓名", "性别", "民族", "身份证号码", "工作单位", "职务", "学历", "任职协调员时间", "联系方式"];
        var woman = Enumerable.Range(50, 400).Select(s => TestIdNumbers.WithCheckDigit($"43060319850303{s * 2:D3}0")).First(id => id.EndsWith('X'));
        var path = Path.Combine(TestPaths.Scratch("browser"), Guid.NewGuid() + ".xlsx");
        using (var stream = File.Create(path))
        using (var writer = new XlsxWriter(stream))
        {
            writer.StartSheet(new SheetSpec("Sheet1", headers.Select(h => new ColumnSpec(h)).ToList()) { Title = "劳动关系协调员情况表", Subtitle = "填报单位（盖章）：云溪区人社局" });
            writer.WriteRow([]);
            writer.WriteRow(["1", "　周敏　", "女", "汉族", woman[..17] + "x", "云溪区某化工有限公司", "工会主席", "大专", "2021.3", "１３９０７３０１２３４"]);
            writer.WriteRow(["２", "孙伟", "男", "汉", TestIdNumbers.WithCheckDigit("430603197707070010"), "云溪区某物流公司", "", "本科", "2021年5月", "0730-8123456"]);
            writer.WriteRow(["3", "陈刚", "男", "汉族", TestIdNumbers.WithCheckDigit("430603199001011210"), "云溪区某机械厂", "主任", "高中", CellValue.Number(44260), "13900001111"]);
        }

        return path;
    }
}
