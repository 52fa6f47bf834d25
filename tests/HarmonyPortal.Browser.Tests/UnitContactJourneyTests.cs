using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>Issue 18: 赣州's admin records the notice's contact of its 人社局; 忻州's reviewer sees an overdue county's contacts.</summary>
public sealed class UnitContactJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    [Fact]
    public async Task GanzhouAdmin_CorrectsAPhoneWithoutAreaCode_AndTheContactShowsInTheList()
    {
        var page = await session.NewPageAsync();
        await SignInAsync(page, "gz.admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "成员单位" }).ClickAsync();
        await page.Locator("tr[data-unit='人社局']").GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();

        // As the notice prints it: no area code.
        await page.GetByLabel("联系人", new() { Exact = true }).FillAsync("李蓉");
        await page.GetByLabel("联系电话").FillAsync("8996036");
        await page.GetByLabel("电子邮箱").FillAsync("gzrsj8196036@163.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("form[action$='/edit']")).ToContainTextAsync("联系电话：“8996036”缺少区号");
        await Expect(page.GetByLabel("联系人", new() { Exact = true })).ToHaveValueAsync("李蓉");
        await BrowserSession.ScreenshotAsync(page, "90-unit-contact-refused");

        await page.GetByLabel("联系电话").FillAsync("０７９７－８９９６０３６");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("tr[data-unit='人社局'] [data-testid=unit-contact]")).ToContainTextAsync("0797-8996036");
        await BrowserSession.ScreenshotAsync(page, "91-unit-contacts");
    }

    [Fact]
    public async Task XinzhouReviewer_SeesAnOverdueCountysContacts_OnTheReportingPage()
    {
        await using (var db = session.CreateDbContext())
        {
            var xinfu = await session.RegionIdAsync("140902");
            await db.MemberUnits.Where(u => u.RegionId == xinfu && u.HostsOffice).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ContactName, "王忻").SetProperty(u => u.ContactPhone, "0350-3032211").SetProperty(u => u.ContactEmail, "xfrsj@example.cn"));
        }

        session.Clock.Set(2023, 1, 10);
        var page = await session.NewPageAsync();
        await SignInAsync(page, "xz.reviewer");
        await page.GotoAsync("/reporting?year=2022");
        await Expect(page.GetByTestId("contacts-140902")).ToContainTextAsync("人社局：王忻 0350-3032211 xfrsj@example.cn");
        await Expect(page.GetByTestId("contacts-140921")).ToContainTextAsync("成员单位未登记联系人");
        await BrowserSession.ScreenshotAsync(page, "92-reporting-overdue-contacts");
    }
}
