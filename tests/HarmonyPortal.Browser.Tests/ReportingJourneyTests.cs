using System.Text.RegularExpressions;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// Year start and review in Chromium (issue 17): 岳阳楼区's clerk confirms last year's carried rows in bulk, reports the
/// ledgers after ticking the confirmation and sees the year locked; 岳阳市's reviewer returns the report and the year opens
/// again. 忻州市's reviewer declines a nominee from the sheet's table with a reason of two lines.
/// </summary>
public sealed class ReportingJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Ledger = "/ledgers/harmonious-enterprises";

    [Fact]
    public async Task CountyConfirmsCarriedRows_ReportsWithConfirmation_SeesTheLock_CityReturns()
    {
        var year = session.Clock.GetLocalNow().Year;
        await using (var db = session.CreateDbContext())
        {
            var region = await session.RegionIdAsync("430602");
            foreach (var name in new[] { "岳阳楼结转甲公司", "岳阳楼结转乙公司" })
            {
                db.HarmoniousEnterprises.Add(new HarmoniousEnterprise
                {
                    RegionId = region, Year = year - 1, Name = name, Address = "洞庭路1号", ContactName = "张三", ContactPhone = "13800000000",
                    EmployeeCount = 150, ServiceUnit = "区人社局", ReachedStandard = true, Version = 1,
                });
            }

            await db.SaveChangesAsync();
        }

        var clerk = await SignInAsync("yylq.clerk");
        var asked = new List<string>();
        clerk.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.AcceptAsync();
        };

        // Last year's rows come in as 待复核 and are confirmed together.
        await clerk.GotoAsync($"{Ledger}?year={year}");
        await clerk.GetByRole(AriaRole.Button, new() { Name = $"从 {year - 1} 年度结转" }).ClickAsync();
        await Expect(clerk.GetByTestId("confirm-carried")).ToContainTextAsync("有 2 条待复核记录");
        await BrowserSession.ScreenshotAsync(clerk, "80-review-carried-rows");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "全部确认（2 条）" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认 2 条待复核记录");
        Assert.Contains($"确认本地区 {year} 年度全部 2 条待复核记录？", asked);
        await Expect(clerk.GetByTestId("confirm-carried")).ToHaveCountAsync(0);

        // 报送: what will be sent, a required tick, a question; then the year is locked.
        await clerk.GotoAsync($"/reporting?year={year}");
        await Expect(clerk.GetByTestId("summary-harmonious-enterprises")).ToContainTextAsync("和谐企业培育企业名单 2 0");
        await clerk.GetByLabel(new Regex("^我已核对以上台账记录")).CheckAsync();
        await BrowserSession.ScreenshotAsync(clerk, "81-review-report-confirmation");
        await clerk.GetByRole(AriaRole.Button, new() { Name = $"确认报送 {year} 年度台账" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync($"{year} 年度台账已锁定");
        Assert.Contains(asked, m => m.Contains("报送后本年度台账将锁定"));
        await Expect(clerk.GetByTestId("locked")).ToBeVisibleAsync();
        await clerk.GotoAsync($"{Ledger}?year={year}");
        await Expect(clerk.GetByTestId("year-lock")).ToContainTextAsync("请联系岳阳市的审核员");
        await BrowserSession.ScreenshotAsync(clerk, "82-review-ledger-locked");

        // The city returns the report with a reason; the county's year opens again.
        var city = await SignInAsync("yy.reviewer");
        await city.GotoAsync($"/reporting?year={year}");
        var row = city.GetByTestId("child-430602");
        await row.GetByLabel("退回原因").FillAsync("企业数与区人社局名册不符，请核对");
        await row.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("该地区台账已解锁");
        await BrowserSession.ScreenshotAsync(city, "83-review-city-returned");
        await clerk.GotoAsync($"{Ledger}?year={year}");
        await Expect(clerk.GetByTestId("year-lock")).ToHaveCountAsync(0);
        await Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "新增" })).ToBeVisibleAsync();
        await clerk.GotoAsync($"/reporting?year={year}");
        await Expect(clerk.GetByTestId("returned")).ToContainTextAsync("企业数与区人社局名册不符");
    }

    [Fact]
    public async Task CityReviewer_DeclinesANomineeFromTheSheetTable_WithAReasonOfTwoLines()
    {
        var clerk = await SignInAsync("xzxf.clerk");
        await clerk.GotoAsync("/ledgers/coordinators/create");
        await clerk.GetByLabel("姓名").FillAsync("表内审核候选");
        await clerk.GetByLabel("性别").SelectOptionAsync("女");
        await clerk.GetByLabel("民族").SelectOptionAsync("汉族");
        await clerk.GetByLabel("身份证号码").FillAsync(TestIdNumbers.WithCheckDigit("140902198001010020"));
        await clerk.GetByLabel(new Regex(@"^工作单位\s*\*?$")).FillAsync("忻府区某机械有限公司");
        await clerk.GetByLabel("学历").SelectOptionAsync("本科");
        await clerk.GetByLabel("任职协调员时间").FillAsync("2018-04-01");
        await clerk.GetByLabel("联系方式").FillAsync("13903501234");
        await clerk.GetByLabel("类别").SelectOptionAsync("劳动关系协调员");
        await clerk.GetByLabel("是否在任").SelectOptionAsync("是");
        await clerk.GetByLabel("职业技能等级").SelectOptionAsync("劳动关系协调员（三级）");
        await clerk.GetByLabel("证书编号").FillAsync("SX2020-0817");
        await clerk.GetByLabel("发证日期").FillAsync("2020-06-30");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(clerk.GetByTestId("ledger-details")).ToContainTextAsync("劳动关系协调员（三级）");

        await clerk.GotoAsync("/nominations?category=Coordinator");
        await clerk.GetByLabel("推荐对象").SelectOptionAsync(new SelectOptionValue { Label = "表内审核候选" });
        await clerk.GetByLabel("主要事迹").FillAsync("长期扎根基层企业，调处劳动争议百余件，推动企业建立工资集体协商机制，职工满意度高。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "加入推荐表" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已加入推荐表");
        var attestForms = clerk.GetByTestId("attestations").Locator("form");
        for (var i = 0; i < await attestForms.CountAsync(); i++)
        {
            var evidence = $"忻府区人社局表彰文件（2024）{i + 1} 号";
            await attestForms.Nth(i).Locator("input[name=evidence]").FillAsync(evidence);
            await attestForms.Nth(i).GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Expect(attestForms.Nth(i).Locator("input[name=evidence]")).ToHaveAttributeAsync("value", evidence);
        }

        await clerk.GetByRole(AriaRole.Link, new() { Name = "返回推荐表" }).ClickAsync();
        var sheetUrl = clerk.Url;
        clerk.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交推荐表" }).ClickAsync();
        await clerk.GetByLabel("确认提交以上推荐对象").CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交推荐表" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("推荐表已提交");

        var city = await SignInAsync("xz.reviewer");
        await city.GotoAsync(sheetUrl);
        var nominee = city.GetByTestId("nominees").GetByRole(AriaRole.Row).Filter(new() { HasText = "表内审核候选" });
        await nominee.GetByLabel("表内审核候选不通过的理由").FillAsync("任职年限不足三年\n请补充近三年调处案件台账");
        await BrowserSession.ScreenshotAsync(city, "84-review-sheet-table-decision");
        await nominee.GetByRole(AriaRole.Button, new() { Name = "不通过", Exact = true }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录不通过及理由。");
        await Expect(city).ToHaveURLAsync(new Regex(@"/nominations/sheets/\d+#nominee-\d+$"));
        var decision = nominee.GetByTestId("city-decision");
        await Expect(decision).ToHaveTextAsync("不通过：任职年限不足三年\n请补充近三年调处案件台账");
        var box = await decision.BoundingBoxAsync();
        Assert.True(box!.Height > 30, "the reason's two lines are shown as two lines");
        await BrowserSession.ScreenshotAsync(city, "85-review-sheet-table-declined");
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        return page;
    }
}
