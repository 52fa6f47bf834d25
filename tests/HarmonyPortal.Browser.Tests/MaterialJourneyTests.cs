using System.Text;
using HarmonyPortal.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// 山西's 三年行动总结材料: 忻州's clerk submits it before 2023-08-31, the province's reviewer returns it with a reason,
/// the clerk resubmits it five days late, the reviewer accepts it, and the province's roll-up shows it 逾期 5 天.
/// </summary>
public sealed class MaterialJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Title = "忻州市三年行动总结材料";

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await session.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // the data-confirm prompts
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task CitySubmits_ProvinceReturns_ResubmittedLateAndAccepted_RollupShowsItLate()
    {
        session.Clock.Set(2023, 8, 25);
        var clerk = await SignInAsync("xz.clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "材料报送", Exact = true }).ClickAsync();
        await clerk.GotoAsync("/materials?year=2023");
        var task = clerk.Locator("[data-testid=material-task][data-task=three-year-summary]");
        await Expect(task.GetByTestId("due")).ToContainTextAsync("2023-08-31");
        await task.GetByText("新建材料").ClickAsync();
        await task.GetByLabel("标题（必填）").FillAsync(Title);
        await task.GetByLabel("内容摘要").FillAsync("2021—2023 年全市劳动关系“和谐同行”能力提升三年行动总结。");
        await task.GetByLabel("文件").SetInputFilesAsync(new FilePayload
        {
            Name = "三年行动总结.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await BrowserSession.ScreenshotAsync(clerk, "60-material-new");
        await task.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(clerk.GetByTestId("status")).ToHaveTextAsync("草稿");
        await clerk.GetByLabel("确认提交").CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Expect(clerk.GetByTestId("timeliness")).ToHaveTextAsync("按时");
        await BrowserSession.ScreenshotAsync(clerk, "61-material-submitted");
        var materialUrl = new Uri(clerk.Url).PathAndQuery;

        var reviewer = await SignInAsync("sx.reviewer");
        await reviewer.GotoAsync("/materials/review?year=2023");
        var row = reviewer.Locator("[data-testid=review-task][data-task=three-year-summary] [data-testid=region-row]");
        await Expect(row.GetByTestId("status")).ToHaveTextAsync("已提交");
        await BrowserSession.ScreenshotAsync(reviewer, "62-material-review");
        await row.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await reviewer.GetByLabel("退回原因").FillAsync("请补充 2023 年上半年协调员培训数据");
        await reviewer.GetByLabel("确认退回").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "退回", Exact = true }).ClickAsync();
        await Expect(reviewer.GetByTestId("status")).ToHaveTextAsync("已退回");

        // Five days after the date: the returned material may still come back, marked late.
        session.Clock.Set(2023, 9, 5);
        var lateClerk = await SignInAsync("xz.clerk");
        await lateClerk.GotoAsync(materialUrl);
        await Expect(lateClerk.GetByTestId("return-reason")).ToContainTextAsync("请补充 2023 年上半年协调员培训数据");
        await lateClerk.GetByLabel("内容摘要").FillAsync("已补充 2023 年上半年协调员培训数据。");
        await lateClerk.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await lateClerk.GetByLabel("确认提交").CheckAsync();
        await lateClerk.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Expect(lateClerk.GetByTestId("timeliness")).ToHaveTextAsync("逾期 5 天");

        var lateReviewer = await SignInAsync("sx.reviewer");
        await lateReviewer.GotoAsync(materialUrl);
        await lateReviewer.GetByLabel("确认接收").CheckAsync();
        await lateReviewer.GetByRole(AriaRole.Button, new() { Name = "接收", Exact = true }).ClickAsync();
        await Expect(lateReviewer.GetByTestId("status")).ToHaveTextAsync("已接收");
        await Expect(lateReviewer.GetByTestId("history")).ToContainTextAsync("退回");
        await BrowserSession.ScreenshotAsync(lateReviewer, "63-material-accepted");

        await lateReviewer.GotoAsync("/materials/rollup?year=2023");
        var rollup = lateReviewer.Locator("[data-testid=rollup-row][data-task=three-year-summary]");
        await Expect(rollup.GetByTestId("status")).ToHaveTextAsync("已接收");
        await Expect(rollup.GetByTestId("timeliness")).ToContainTextAsync("逾期 5 天");
        await Expect(lateReviewer.GetByTestId("late")).ToHaveTextAsync("1");
        await BrowserSession.ScreenshotAsync(lateReviewer, "64-material-rollup");

        // The province's dashboard card counts the same material: submitted, accepted and late.
        await lateReviewer.GotoAsync("/dashboard?year=2023");
        var totals = lateReviewer.GetByTestId("dashboard-materials").Locator("li[data-kind=material]");
        await Expect(totals).ToContainTextAsync("已接收 1");
        await Expect(totals).ToContainTextAsync("逾期 1");
        await BrowserSession.ScreenshotAsync(lateReviewer, "65-material-dashboard");
    }
}
