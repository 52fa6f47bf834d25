using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>所属行业 on the key-enterprise form: two linked drop-downs (门类 → 大类) with JavaScript, one grouped drop-down without.</summary>
public sealed class IndustryPickerJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    private static async Task FillTheRestAsync(IPage page, string name)
    {
        await page.Locator("#f_Name").FillAsync(name);
        await page.Locator("#f_Locality").FillAsync("岳阳楼区");
        await page.Locator("#f_Address").FillAsync("岳阳楼区工业园8号");
        await page.Locator("#f_ContactName").FillAsync("孙丽");
        await page.Locator("#f_ContactPhone").FillAsync("13907301234");
        await page.Locator("#f_EmployeesLastYearEnd").FillAsync("300");
        await page.Locator("#f_EmployeesNow").FillAsync("280");
        await page.Locator("#f_HasLayoffPlan").SelectOptionAsync("否");
    }

    [Fact]
    public async Task Clerk_PicksASectionThenADivision_AndTheDetailsShowItsName()
    {
        var page = await session.NewPageAsync();
        await SignInAsync(page, "yylq.clerk");
        await page.GotoAsync("/ledgers/key-enterprises/create?year=2026");

        var sections = page.GetByTestId("industry-section");
        var divisions = page.GetByTestId("industry-picker");
        await Expect(sections.Locator("option")).ToHaveCountAsync(21); // 请选择门类 and A–T
        await Expect(divisions.Locator("optgroup")).ToHaveCountAsync(0); // nothing to pick before a 门类

        await sections.SelectOptionAsync(new SelectOptionValue { Label = "C 制造业" });
        await Expect(divisions.Locator("option")).ToHaveCountAsync(1 + 1 + 31); // 请选择, 仅门类, the 31 大类 of 制造业
        await Expect(divisions.Locator("option[value='36']")).ToHaveTextAsync("36 汽车制造业");
        await Expect(divisions.Locator("option[value='01']")).ToHaveCountAsync(0);
        await divisions.SelectOptionAsync("36");
        await FillTheRestAsync(page, "岳阳某汽车零部件厂");
        await BrowserSession.ScreenshotAsync(page, "60-industry-linked-dropdowns");

        await sections.SelectOptionAsync(new SelectOptionValue { Label = "A 农、林、牧、渔业" });
        await Expect(divisions).ToHaveValueAsync("");
        await Expect(divisions.Locator("option[value='01']")).ToHaveTextAsync("01 农业");
        await sections.SelectOptionAsync(new SelectOptionValue { Label = "C 制造业" });
        await divisions.SelectOptionAsync("36");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(page.GetByTestId("ledger-details")).ToContainTextAsync("汽车制造业");
        await BrowserSession.ScreenshotAsync(page, "61-industry-details");

        await page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await Expect(sections).ToHaveValueAsync("2"); // C, the third 门类
        await Expect(divisions).ToHaveValueAsync("36");
    }

    [Fact]
    public async Task WithoutJavaScript_OneGroupedDropDown_StillSaves()
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.BaseUrl, Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "yyjs.clerk");
        await page.GotoAsync("/ledgers/key-enterprises/create?year=2026");

        await Expect(page.GetByTestId("industry-section")).ToHaveCountAsync(0);
        var picker = page.GetByTestId("industry-picker");
        await Expect(picker.Locator("optgroup")).ToHaveCountAsync(20);
        await picker.SelectOptionAsync("65");
        await FillTheRestAsync(page, "君山某软件公司");
        await BrowserSession.ScreenshotAsync(page, "62-industry-grouped-dropdown-no-js");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(page.GetByTestId("ledger-details")).ToContainTextAsync("软件和信息技术服务业");
    }
}
