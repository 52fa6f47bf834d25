using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

public sealed class YearEndJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task ProvinceReviewer_StartsTheYearEndSummary_WatchesItFinish_AndDownloadsTheWorkbook()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("sx.reviewer");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "年终汇总" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "生成年终汇总" }).ClickAsync();
        // The page polls the job with wwwroot/js/year-end.js and reloads once it is done, showing the download link.
        var download = page.GetByTestId("jobs").GetByRole(AriaRole.Link, new() { Name = "下载" });
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await BrowserSession.ScreenshotAsync(page, "50-year-end-done");

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        var path = await file.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);

        Assert.EndsWith(".xlsx", file.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("山西省", file.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(bytes.Length > 1000);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }
}
