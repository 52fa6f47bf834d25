using System.Text;
using System.Text.RegularExpressions;
using HarmonyPortal.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// The main journeys with JavaScript switched off, as a locked-down office browser may have it (ADR 0024): sign-in with the
/// menu on a window narrower than the menu's breakpoint, the ledger form and list filter, a nomination returned and
/// approved through the server-rendered confirmations, and a material uploaded and submitted.
/// </summary>
public sealed class NoScriptJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Nominee = "韩素梅";
    private const string Overview = "/nominations?category=Coordinator";

    private async Task<IPage> SignInAsync(string userName)
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.BaseUrl,
            Locale = "zh-CN",
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 1024, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task WithoutJavaScript_ClerkAndReviewer_SaveALedgerRow_ReturnAndApproveANomination_AndUploadAMaterial()
    {
        // Sign-in; the menu stays reachable at 1024 px although its toggler needs scripts.
        var clerk = await SignInAsync("xzxf.clerk");
        await Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(clerk, "90-noscript-signed-in");

        // The ledger form saves, and the list's filter works as a plain GET form.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await clerk.GetByRole(AriaRole.Link, new() { Name = "劳动关系协调员情况表" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Link, new() { Name = "新增", Exact = true }).ClickAsync();
        await clerk.GetByLabel("姓名").FillAsync(Nominee);
        await clerk.GetByLabel("性别").SelectOptionAsync("女");
        await clerk.GetByLabel("民族").SelectOptionAsync("汉族");
        await clerk.GetByLabel("身份证号码").FillAsync(TestIdNumbers.WithCheckDigit("140100198105061220"));
        await clerk.GetByLabel(new Regex(@"^工作单位\s*\*?$")).FillAsync("忻州市某铸造有限公司");
        await clerk.GetByLabel("学历").SelectOptionAsync("本科");
        await clerk.GetByLabel("任职协调员时间").FillAsync("2019-05-01");
        await clerk.GetByLabel("联系方式").FillAsync("13935056789");
        await clerk.GetByLabel("类别").SelectOptionAsync("劳动关系协调员");
        await clerk.GetByLabel("职业技能等级").SelectOptionAsync("劳动关系协调员（三级）");
        await clerk.GetByLabel("证书编号").FillAsync("SX2020-0901");
        await clerk.GetByLabel("发证日期").FillAsync("2020-06-30");
        await clerk.GetByLabel("是否在任").SelectOptionAsync("是");
        await BrowserSession.ScreenshotAsync(clerk, "91-noscript-ledger-form");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(clerk.GetByTestId("ledger-details")).ToContainTextAsync(Nominee);
        await clerk.GotoAsync("/ledgers/coordinators");
        await clerk.GetByLabel("查找内容").FillAsync(Nominee);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex("q=" + Uri.EscapeDataString(Nominee)));
        await Expect(clerk.GetByTestId("ledger-list")).ToContainTextAsync(Nominee);
        await BrowserSession.ScreenshotAsync(clerk, "92-noscript-ledger-list-filtered");

        // The nominee goes on the county's sheet with her evidence, and the sheet is submitted after its confirmation page.
        await clerk.GotoAsync(Overview);
        await clerk.GetByLabel("推荐对象").SelectOptionAsync(new SelectOptionValue { Label = Nominee });
        await clerk.GetByLabel("主要事迹").FillAsync("调处劳动争议八十余件，推动企业建立工资集体协商机制。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "加入推荐表" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已加入推荐表");
        var nomineeUrl = clerk.Url;
        var attestForms = clerk.GetByTestId("attestations").Locator("form");
        var attestable = await attestForms.CountAsync();
        for (var i = 0; i < attestable; i++)
        {
            await attestForms.Nth(i).Locator("input[name=evidence]").FillAsync($"忻府区人社局文件（2024）{i + 1} 号");
            await attestForms.Nth(i).GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存证明事项。");
        }

        await clerk.GetByRole(AriaRole.Link, new() { Name = "返回推荐表" }).ClickAsync();
        var sheetUrl = clerk.Url;
        await SubmitSheetAsync(clerk);

        // The city reviewer returns it with a reason, the clerk resubmits, the reviewer approves nominee and sheet.
        var city = await SignInAsync("xz.reviewer");
        await city.GotoAsync(sheetUrl);
        await city.GetByLabel("退回原因").FillAsync("请补充调处案件清单");
        await city.GetByRole(AriaRole.Button, new() { Name = "退回", Exact = true }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("推荐表已退回。");
        await BrowserSession.ScreenshotAsync(city, "93-noscript-nomination-returned");
        await clerk.GotoAsync(sheetUrl);
        await SubmitSheetAsync(clerk);
        await city.GotoAsync(nomineeUrl);
        var confirms = city.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确认：") });
        var conditions = await confirms.CountAsync();
        for (var i = 0; i < conditions; i++)
        {
            await confirms.Nth(i).ClickAsync();
            await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认该证明事项。");
        }

        await Expect(city.GetByTestId("eligibility").Locator(".card-header .badge")).ToHaveTextAsync("符合");
        await city.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(city.GetByTestId("city-decision")).ToHaveTextAsync("通过");
        await city.GetByRole(AriaRole.Link, new() { Name = "返回推荐表" }).ClickAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "审核通过推荐表" }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("推荐表已审核通过");
        await BrowserSession.ScreenshotAsync(city, "94-noscript-nomination-approved");

        // A city clerk uploads a material (the form sits in a <details>, which needs no script) and submits it after ticking the box.
        session.Clock.Set(2023, 8, 25);
        var cityClerk = await SignInAsync("xz.clerk");
        await cityClerk.GotoAsync("/materials?year=2023");
        var task = cityClerk.Locator("[data-testid=material-task][data-task=three-year-summary]");
        await task.GetByText("新建材料").ClickAsync();
        await task.GetByLabel("标题（必填）").FillAsync("忻州市三年行动总结");
        await task.GetByLabel("文件").SetInputFilesAsync(new FilePayload
        {
            Name = "三年行动总结.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await task.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(cityClerk.GetByTestId("status")).ToHaveTextAsync("草稿");
        await cityClerk.GetByLabel("确认提交").CheckAsync();
        await cityClerk.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Expect(cityClerk.GetByTestId("timeliness")).ToHaveTextAsync("按时");
        await BrowserSession.ScreenshotAsync(cityClerk, "95-noscript-material-submitted");
    }

    private static async Task SubmitSheetAsync(IPage clerk)
    {
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交推荐表" }).ClickAsync();
        await Expect(clerk.GetByTestId("submit-preview")).ToContainTextAsync(Nominee);
        await clerk.GetByLabel("确认提交以上推荐对象").CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交推荐表" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("推荐表已提交，等待上级审核。");
    }
}
