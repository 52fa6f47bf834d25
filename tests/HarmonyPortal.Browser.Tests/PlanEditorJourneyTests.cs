using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// Plans written in the browser as office staff would, nobody typing JSON: 岳阳's next three-year plan copied from the
/// last one and changed in the quota grid and the deadlines; 湖南's new city set up with its districts, units, users
/// and its first plan. Each journey counts the form steps a person takes (actions that change a page: clicks, fills,
/// choices), reported in the test output and the issue's closing note.
/// </summary>
public sealed partial class PlanEditorJourneyTests(BrowserSession session, ITestOutputHelper output) : IClassFixture<BrowserSession>
{
    private int steps;

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        steps += 3;
        return page;
    }

    private async Task Click(ILocator locator)
    {
        await locator.ClickAsync();
        steps++;
    }

    private async Task Fill(ILocator locator, string value)
    {
        await locator.FillAsync(value);
        steps++;
    }

    private async Task Choose(ILocator locator, string label)
    {
        await locator.SelectOptionAsync(new SelectOptionValue { Label = label });
        steps++;
    }

    private static string Squeezed(string text) => WhiteSpace().Replace(text, " ");

    [Fact]
    public async Task YueyangCopiesItsPlanInto2024To2026_ChangesThreeCountiesAndADeadline_SeesTheDifferenceAndImpact_AndPublishes()
    {
        var started = DateTime.UtcNow;
        var page = await SignInAsync("yy.admin");
        await Click(page.GetByRole(AriaRole.Link, new() { Name = "选树规则" }));
        await Click(page.GetByRole(AriaRole.Link, new() { Name = "岳阳市劳动关系“和谐同行”能力提升三年行动计划" }));
        await Click(page.GetByRole(AriaRole.Link, new() { Name = "新建规划（如下一规划期）" }));
        await Expect(page.Locator("#Input_FromYear")).ToHaveValueAsync("2024");
        await Expect(page.Locator("#Input_ToYear")).ToHaveValueAsync("2026");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }));
        await Expect(page.GetByTestId("draft-title")).ToContainTextAsync("草稿");

        // The grid shaped like 附件1: three counties' 重点企业指导计划 raised from 3 (1/年) to 6 (2/年).
        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "配额表" }));
        foreach (var county in new[] { "岳阳楼区", "君山区", "云溪区" })
        {
            var cell = page.GetByLabel($"{county} · 重点企业指导计划");
            await Expect(cell).ToHaveValueAsync("3 (1/年)");
            await Fill(cell, "6 (2/年)");
        }

        await BrowserSession.ScreenshotAsync(page, "80-plan-grid");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "保存到草稿", Exact = true }));
        await Expect(page.GetByLabel("君山区 · 重点企业指导计划")).ToHaveValueAsync("6 (2/年)");

        // One deadline: the 2026 report of the gold coordinators moves from 12-31 to 12-20.
        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "报送期限" }));
        var row = page.Locator("tr[data-task='gold-coordinator']").Filter(new() { HasText = "2026 年" });
        await Expect(row.Locator("input[name=date]")).ToHaveValueAsync("2026-12-31");
        await Fill(row.Locator("input[name=date]"), "2026-12-20");
        await Click(row.GetByRole(AriaRole.Button, new() { Name = "修改" }));
        await Expect(page.Locator("tr[data-task='gold-coordinator']").Filter(new() { HasText = "2026 年" }).Locator("input[name=date]")).ToHaveValueAsync("2026-12-20");

        // Before publishing: the checker, the difference against the last published plan, the impact.
        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "检查并发布" }));
        var review = Squeezed(await page.Locator("main").InnerTextAsync());
        Assert.Contains("该规划尚未发布过版本", review);
        await BrowserSession.ScreenshotAsync(page, "81-plan-publish-review");
        await Fill(page.GetByLabel("修改说明（记入版本历史）"), "2024–2026 年三年行动计划");
        await Click(page.GetByLabel("我已核对以上差异和影响，确认发布", new() { Exact = false }));
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }));
        await Expect(page.Locator(".alert-success").First).ToContainTextAsync("已发布2024–2026 年规划 第 1 版");
        output.WriteLine($"journey 1 (岳阳, next plan): {steps} form steps, {(DateTime.UtcNow - started).TotalSeconds:0} s in Chromium");

        // The 2026 dashboard shows the new quotas, 2023 the old ones.
        await page.GotoAsync("/dashboard?year=2026");
        var y2026 = Squeezed(await page.GetByTestId("dashboard-progress").InnerTextAsync());
        await page.GotoAsync("/dashboard?year=2023");
        var y2023 = Squeezed(await page.GetByTestId("dashboard-progress").InnerTextAsync());
        Assert.Matches("君山区 重点企业指导计划 每年 ≥ 2", y2026);
        Assert.Matches("君山区 重点企业指导计划 每年 ≥ 1", y2023);
        Assert.DoesNotMatch("君山区 重点企业指导计划 每年 ≥ 2", y2023);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
