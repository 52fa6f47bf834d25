using System.Text.Json.Nodes;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// 济源's training indicator in the browser: 济源's clerk reports 58 人 (未达到), 河南's reviewer returns it with a reason,
/// the clerk corrects it after the due date (逾期 5 天), the reviewer accepts it, and the roll-up shows it late.
/// </summary>
public sealed class IndicatorJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await session.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        return page;
    }

    /// <summary>The seeded plan, stored again with a due date for the indicator in 2023 (as its admin would in the rules editor).</summary>
    private async Task DueDateAsync()
    {
        await using var db = session.CreateDbContext();
        var jiyuan = await db.Regions.Where(r => r.Code == "410000-JY").Select(r => r.Id).SingleAsync();
        var plan = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan).OrderByDescending(v => v.Version).FirstAsync();
        var json = JsonNode.Parse(plan.Json)!;
        json["tasks"]!.AsArray().Single(t => (string?)t!["id"] == "coordinator-training")!["deadlines"] =
            JsonNode.Parse("""[ { "year": 2023, "date": "2023-12-31", "what": "年培训人数报省", "step": "report" } ]""");
        db.RuleSetVersions.Add(new RuleSetVersion
        {
            RegionId = jiyuan, Version = plan.Version + 1, FromYear = plan.FromYear, ToYear = plan.ToYear, PlanVersion = plan.PlanVersion + 1,
            Json = json.ToJsonString(), Name = plan.Name, CreatedAtUtc = DateTime.UtcNow, CreatedBy = "jy.admin",
        });
        await db.SaveChangesAsync();
    }

    private static async Task ReportAsync(IPage clerk, string value, string file)
    {
        await clerk.GotoAsync("/indicators?year=2023");
        var card = clerk.GetByTestId("indicator").Filter(new() { HasText = "年培训劳动关系协调员人数" });
        await card.GetByLabel("数值（人）").FillAsync(value);
        await card.GetByLabel("证明材料（选填）").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = Pdf });
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("报送$") }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已报送");
    }

    [Fact]
    public async Task Jiyuan_Reports58_IsReturned_CorrectsLate_IsAccepted_AndTheRollupShowsItLate()
    {
        session.Clock.Set(2023, 12, 20);
        await DueDateAsync();
        var clerk = await SignInAsync("jy.clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "指标报送" }).ClickAsync();
        await ReportAsync(clerk, "58", "培训签到表.pdf");
        var card = clerk.GetByTestId("indicator").Filter(new() { HasText = "年培训劳动关系协调员人数" });
        await Expect(card.GetByTestId("verdict")).ToHaveTextAsync("未达到");
        await Expect(card.GetByTestId("status")).ToHaveTextAsync("已提交");
        await BrowserSession.ScreenshotAsync(clerk, "90-indicator-reported");

        var reviewer = await SignInAsync("ha.reviewer");
        await reviewer.GotoAsync("/indicators?year=2023");
        await reviewer.GetByTestId("review-link").ClickAsync();
        var row = reviewer.GetByTestId("review-row").Filter(new() { HasText = "济源示范区" });
        await Expect(row.GetByTestId("figure")).ToHaveTextAsync("58 人");
        await row.GetByText("退回", new() { Exact = true }).First.ClickAsync();
        await row.GetByLabel("退回原因（必填）").FillAsync("培训签到表缺少第 2 期，人数请核实");
        await row.GetByLabel("确认退回").CheckAsync();
        await BrowserSession.ScreenshotAsync(reviewer, "91-indicator-return");
        await row.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("已退回");

        session.Clock.Set(2024, 1, 5);
        clerk = await SignInAsync("jy.clerk");
        await clerk.GotoAsync("/indicators?year=2023");
        await Expect(clerk.GetByTestId("review-reason")).ToContainTextAsync("培训签到表缺少第 2 期");
        await ReportAsync(clerk, "62", "培训签到表（补）.pdf");
        card = clerk.GetByTestId("indicator").Filter(new() { HasText = "年培训劳动关系协调员人数" });
        await Expect(card.GetByTestId("timeliness")).ToHaveTextAsync("逾期 5 天");
        await BrowserSession.ScreenshotAsync(clerk, "92-indicator-corrected-late");

        reviewer = await SignInAsync("ha.reviewer");
        await reviewer.GotoAsync("/indicators/review?year=2023");
        row = reviewer.GetByTestId("review-row").Filter(new() { HasText = "济源示范区" });
        await row.GetByLabel("已核对数值和证明材料").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "接收" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("已接收");

        await reviewer.GotoAsync("/indicators/rollup?year=2023");
        var line = reviewer.GetByTestId("rollup-row").Filter(new() { HasText = "济源示范区" });
        await Expect(line.GetByTestId("status")).ToHaveTextAsync("已接收");
        await Expect(line.GetByTestId("timeliness")).ToHaveTextAsync("逾期 5 天");
        await Expect(line.GetByTestId("verdict")).ToHaveTextAsync("达到");
        await BrowserSession.ScreenshotAsync(reviewer, "93-indicator-rollup");
    }
}
