using HarmonyPortal.Core.Ledgers;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>Issue 17: on a phone 390 px wide the ledger list shows cards with their actions on screen; wide tables scroll in their box.</summary>
public sealed class LedgerPhoneJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [Fact]
    public async Task OnAPhone_TheLedgerListShowsCardsWithTheirActionsOnScreen_AndTheDesktopStillShowsTheTable()
    {
        var region = await session.RegionIdAsync("430602");
        await using (var db = session.CreateDbContext())
        {
            db.NewEnterpriseServices.AddRange(Enumerable.Range(1, 6).Select(i => new NewEnterpriseService
            {
                RegionId = region, Year = 2026, Name = $"岳阳楼区名称很长的新办企业用工服务示范有限责任公司{i}", Address = "岳阳楼区巴陵中路", ContactName = "张三",
                ContactPhone = "13800000000", EmployeeCount = 100 + i, ServiceUnit = "岳阳楼区人力资源和社会保障局劳动关系科", ServedOn = new DateOnly(2026, 3, i), Version = 1,
            }));
            await db.SaveChangesAsync();
        }

        var page = await session.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await SignInAsync(page, "yylq.clerk");

        await page.GotoAsync("/ledgers/new-enterprise-services?year=2026&sort=EmployeeCount");
        await Expect(page.GetByTestId("ledger-count")).ToContainTextAsync("共 6 条");
        await Expect(page.Locator("[data-testid=ledger-list] thead")).ToBeHiddenAsync();
        var rows = page.GetByTestId("ledger-row");
        Assert.Equal(6, await rows.CountAsync());
        for (var i = 0; i < 6; i++)
        {
            var card = await rows.Nth(i).BoundingBoxAsync();
            var action = rows.Nth(i).GetByRole(AriaRole.Link, new() { Name = "查看" });
            await action.ScrollIntoViewIfNeededAsync();
            var box = (await action.BoundingBoxAsync())!;
            var top = await page.EvaluateAsync<double>("() => window.scrollY");
            Assert.True(card!.X >= 0 && card.X + card.Width <= PhoneWidth, $"card {i} spans {card.X}–{card.X + card.Width} px");
            Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth, $"action {i} spans {box.X}–{box.X + box.Width} px");
            Assert.True(box.Y >= 0 && box.Y + box.Height <= PhoneHeight, $"action {i} is at {box.Y} px of a {PhoneHeight} px screen (scrolled {top})");
            Assert.True(box.Height >= 30, $"action {i} is {box.Height} px high: too small to tap");
        }

        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "the list page is wider than the phone");
        // Each field of a card is labelled (the label is CSS generated content, so it is read from the computed style).
        var label = await rows.First.Locator("td", new() { HasText = "101" }).EvaluateAsync<string>("td => getComputedStyle(td, '::before').content");
        Assert.Equal("\"职工人数\"", label);
        await BrowserSession.ScreenshotAsync(page, "i17-ledger-list-phone-cards");

        await rows.First.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await Expect(page.GetByTestId("ledger-details")).ToContainTextAsync("101");

        // The city sees the wide tables (its counties' reports, their sheets): they scroll inside their box, the page does not widen.
        var city = await session.NewPageAsync();
        await city.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await SignInAsync(city, "yy.reviewer");
        foreach (var (url, name) in new[] { ("/reporting", "reporting"), ("/nominations", "nominations"), ("/ledgers/coordinators", "coordinators") })
        {
            await city.GotoAsync(url);
            await Expect(city.Locator("main table").First).ToBeVisibleAsync();
            Assert.True(await city.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, $"{url} is wider than the phone");
            await BrowserSession.ScreenshotAsync(city, $"i17-{name}-phone");
        }

        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync("/ledgers/new-enterprise-services?year=2026&sort=EmployeeCount");
        await Expect(page.Locator("[data-testid=ledger-list] thead")).ToBeVisibleAsync();
        Assert.Equal("table-row", await rows.First.EvaluateAsync<string>("tr => getComputedStyle(tr).display"));
        await page.GetByRole(AriaRole.Link, new() { Name = "职工人数 ↑" }).ClickAsync();
        await Expect(rows.First).ToContainTextAsync("106");
        await BrowserSession.ScreenshotAsync(page, "i17-ledger-list-desktop-table");
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToBeAttachedAsync();
    }
}
