using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

public sealed class DashboardJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task ProvinceReviewer_SeesChartsDrawnUnderTheContentSecurityPolicy_AndDrillsDownToACity()
    {
        var page = await session.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                blocked.Add(message.Text + " @ " + message.Location);
            }
        };
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("sx.reviewer");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "统计看板" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("山西省");
        // dashboard.js marks each canvas once Chart.js has drawn it: the vendored files ran under the CSP.
        await Expect(page.Locator("canvas.dashboard-chart[data-drawn=true]")).ToHaveCountAsync(await page.Locator("canvas.dashboard-chart").CountAsync());
        Assert.True(await page.Locator("canvas.dashboard-chart[data-drawn=true]").CountAsync() >= 2);
        await BrowserSession.ScreenshotAsync(page, "40-dashboard-province");

        await page.GetByTestId("dashboard-ledgers").GetByRole(AriaRole.Link, new() { Name = "忻州市" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("忻州市");
        await Expect(page.GetByTestId("dashboard-ledgers")).ToContainTextAsync("忻府区");
        await BrowserSession.ScreenshotAsync(page, "41-dashboard-city");
        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
    }
}
