using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>Issue 17: the province admin merges 君山区 into 华容县 through the admin pages, then undoes the merge; the province's totals for the year do not change.</summary>
public sealed class RegionMergeJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task ProvinceAdmin_MergesTwoCounties_AfterConfirming_ThenUndoesIt_AndTheProvinceTotalsStayTheSame()
    {
        session.Clock.Set(2026, 6, 1);
        await using (var db = session.CreateDbContext())
        {
            foreach (var (code, name) in new[] { ("430611", "君山某公司"), ("430623", "华容某公司") })
            {
                var region = await db.Regions.SingleAsync(r => r.Code == code);
                db.HarmoniousEnterprises.Add(new HarmoniousEnterprise
                {
                    RegionId = region.Id, Year = 2026, Name = name, Address = "某路1号", ContactName = "张三", ContactPhone = "13800000000",
                    EmployeeCount = 100, ServiceUnit = "区人社局", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, Version = 1,
                });
            }

            await db.SaveChangesAsync();
        }

        var reviewer = await SignInAsync("hn.reviewer");
        await reviewer.GotoAsync("/reporting?year=2026");
        var before = await reviewer.GetByTestId("own-rows").InnerTextAsync();
        Assert.Contains("和谐企业培育企业名单 2", before);
        await BrowserSession.ScreenshotAsync(reviewer, "70-region-merge-province-before");

        var admin = await SignInAsync("hn.admin");
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await admin.GotoAsync("/admin/regions");
        await admin.Locator("li[data-region-code='430611'] > a", new() { HasText = "变更" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "并入其他地区" }).ClickAsync();
        await admin.GetByLabel("并入地区（接收数据和用户的地区）").SelectOptionAsync(new SelectOptionValue { Label = "　　华容县" });
        await admin.GetByLabel("原因（如民政部门批复文号）").FillAsync("湘政函〔2026〕1号（测试）");
        await admin.GetByRole(AriaRole.Button, new() { Name = "下一步：核对将转入的数据" }).ClickAsync();
        await Expect(admin.GetByTestId("merge-plan")).ToContainTextAsync("台账记录 1 条");
        await BrowserSession.ScreenshotAsync(admin, "71-region-merge-confirm");
        await admin.GetByLabel("我已核对，确认并入其他地区“君山区”").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "确认并入其他地区" }).ClickAsync();
        await Expect(admin.GetByTestId("region-changes")).ToContainTextAsync("并入“华容县”");
        await Expect(admin.GetByTestId("region-closed")).ToContainTextAsync("并入“华容县”");
        await BrowserSession.ScreenshotAsync(admin, "72-region-merge-history");

        await reviewer.GotoAsync("/reporting?year=2026");
        Assert.Equal(before, await reviewer.GetByTestId("own-rows").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(reviewer, "73-region-merge-province-after");

        // The merge is undone through its confirmation page: the row and the clerk go back, 君山区 reopens.
        await admin.GotoAsync("/admin/regions");
        await admin.Locator("li[data-region-code='430611'] > a", new() { HasText = "变更" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "撤回合并" }).ClickAsync();
        await Expect(admin.GetByTestId("unmerge-plan")).ToContainTextAsync("台账记录 1 条");
        await admin.GetByLabel("撤回原因（如民政部门撤销批复的文号）").FillAsync("湘政函〔2026〕2号 撤销合并（测试）");
        await admin.GetByLabel("我已核对，确认撤回“君山区”并入“华容县”").CheckAsync();
        await BrowserSession.ScreenshotAsync(admin, "74-region-merge-undo-confirm");
        await admin.GetByRole(AriaRole.Button, new() { Name = "确认撤回合并" }).ClickAsync();
        await Expect(admin.GetByTestId("region-changes")).ToContainTextAsync("撤回并入");
        await Expect(admin.GetByTestId("region-changes")).ToContainTextAsync("湘政函〔2026〕2号 撤销合并（测试）");
        await Expect(admin.GetByTestId("region-closed")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(admin, "75-region-merge-undone-history");

        await reviewer.GotoAsync("/reporting?year=2026");
        Assert.Equal(before, await reviewer.GetByTestId("own-rows").InnerTextAsync());
        await using var after = session.CreateDbContext();
        var junshan = await after.Regions.SingleAsync(r => r.Code == "430611");
        Assert.Equal(junshan.Id, await after.HarmoniousEnterprises.Where(e => e.Name == "君山某公司").Select(e => e.RegionId).SingleAsync());
        Assert.Equal(junshan.Id, await after.Users.Where(u => u.UserName == "yyjs.clerk").Select(u => u.RegionId).SingleAsync());
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        return page;
    }
}
