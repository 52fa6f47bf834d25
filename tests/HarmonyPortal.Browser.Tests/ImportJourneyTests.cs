using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// Issue 17's import journeys: a coordinator list on the official 附件3 form (no 类别, no 是否在任) imports after the
/// clerk picks the missing values on the preview; the ledger's own export, uploaded again as 新增并更新, changes nothing;
/// 附件8 as printed is asked for its layoff columns for the layoff rows only.
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

        // 附件8 as printed, two enterprises planning layoffs: the preview asks for 经济补偿标准 and 支付能力评估 for those two rows only.
        await page.GotoAsync("/ledgers/key-enterprises/import?year=2026");
        await page.GetByLabel("Excel 文件").SetInputFilesAsync(OfficialForm8());
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync("“是否有裁员计划”为“是”的 2 行（第 6、7 行）需要此值");
        await Expect(page.GetByTestId("import-absent-CompensationStandard")).ToContainTextAsync("仅用于“是否有裁员计划”为“是”的 2 行（第 6、7 行）");
        await BrowserSession.ScreenshotAsync(page, "65-import-form8-asks-layoff-rows");
        await page.GetByLabel("经济补偿标准").FillAsync("N+1");
        await page.GetByLabel("支付能力评估").FillAsync("账面资金可覆盖补偿");
        await page.GetByRole(AriaRole.Button, new() { Name = "按所选值重新预览" }).ClickAsync();
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("新增 3");
        await Expect(page.GetByTestId("import-absent-CompensationStandard")).ToContainTextAsync("当前：这 2 行按“N+1”导入");
        await BrowserSession.ScreenshotAsync(page, "66-import-form8-answered");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("3 新增，0 更新，0 无变化");
        await BrowserSession.ScreenshotAsync(page, "67-import-form8-imported");
    }

    /// <summary>附件8 as printed (two header rows, the merged 以下内容为拟裁员或已裁员企业填写): one enterprise without layoffs, two with.</summary>
    private static string OfficialForm8()
    {
        string[] first = ["序号", "单位名称", "所在地区", "单位地址", "所属行业", "联系人", "联系电话", "上年底职工数量", "目前职工数量", "已享的稳岗政策", "是否有裁员计划",
            "以下内容为拟裁员或已裁员企业填写", "", "", ""];
        string[] second = ["", "", "", "", "", "", "", "", "", "", "", "本年度计划裁员人数", "已裁员人数", "裁员岗位", "是否结清劳动报酬"];
        var path = Path.Combine(TestPaths.Scratch("browser"), Guid.NewGuid() + ".xlsx");
        using (var stream = File.Create(path))
        using (var writer = new XlsxWriter(stream))
        {
            writer.StartSheet(new SheetSpec("Sheet1", first.Select(h => new ColumnSpec(h)).ToList()) { Title = "重点用工企业情况表", Subtitle = "填报单位（盖章）：云溪区人社局" });
            writer.WriteRow(second.Select(CellValue.Text).ToList());
            writer.WriteRow(["1", "云溪区某纺织有限公司", "云溪区", "某路5号", "纺织业", "周九", "13800000005", "800", "760", "稳岗返还", "否", "", "", "", ""]);
            writer.WriteRow(["2", "云溪区某电子有限公司", "云溪区", "某路6号", "制造业", "吴十", "13800000006", "１５００", "1450", "", "是", "６０", "20", "流水线操作工", "是"]);
            writer.WriteRow(["3", "云溪区某鞋业有限公司", "云溪区", "某路7号", "制造业", "郑十一", "13800000007", "400", "380", "社保补贴", "是", "30", "0", "仓储", "否"]);
        }

        return path;
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
