using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

public sealed class QuotaGridJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task CityAdmin_TypesInTheQuotaGrid_AndTheTotalsFollow_ThenSaves()
    {
        var yueyang = await session.RegionIdAsync("430600");
        int draftId;
        await using (var db = session.CreateDbContext())
        {
            var draft = await db.RuleSetDrafts.FirstOrDefaultAsync(d => d.RegionId == yueyang && d.FromYear == 2021)
                ?? db.RuleSetDrafts.Add(new RuleSetDraft { RegionId = yueyang, FromYear = 2021, ToYear = 2023, Origin = "浏览器测试" }).Entity;
            draft.Json = RuleSetWriter.Write(SeedRuleSets.Load("yueyang-2021.json"));
            draft.UpdatedAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
            draftId = draft.Id;
        }

        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("yy.admin");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync($"/rules/drafts/{draftId}/grid");

        var column = await page.Locator("thead th").EvaluateAllAsync<int>("(ths) => ths.findIndex(th => th.dataset.task === 'collective-bargaining') - 1");
        var sum = page.Locator($"[data-sum-col='{column}']");
        await Expect(sum.Locator(".quota-sum")).ToHaveTextAsync("15");
        var junshan = page.GetByLabel("君山区 · 集体协商提升计划");

        await junshan.FillAsync("");
        await Expect(sum.Locator(".quota-sum")).ToHaveTextAsync("14");
        await Expect(sum.Locator(".quota-warnings")).ToContainTextAsync("各行相加共 14，与合计行不一致");

        await junshan.FillAsync("３（１/年");
        await Expect(sum.Locator(".quota-sum")).ToContainTextAsync("有格写法不对");

        await junshan.FillAsync("２（１／年）");
        await Expect(sum.Locator(".quota-sum")).ToHaveTextAsync("16 (1/年)");
        await Expect(sum.Locator(".quota-warnings")).ToHaveTextAsync("");
        await BrowserSession.ScreenshotAsync(page, "70-quota-grid");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存到草稿", Exact = true }).ClickAsync();
        await Expect(page.Locator(".alert-success, [role=alert]").First).ToContainTextAsync("改动 1 格");
        await Expect(page.GetByLabel("君山区 · 集体协商提升计划")).ToHaveValueAsync("2 (1/年)");
        await Expect(sum.Locator(".quota-sum")).ToHaveTextAsync("16 (1/年)");
    }
}
