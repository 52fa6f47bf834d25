using System.Text;
using System.Text.RegularExpressions;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>
/// The gold-coordinator nomination from the county ledger to the province's published list, in Chromium:
/// 忻府区 clerk → 忻州市 reviewer (returns once, then approves and forwards) → 山西省 reviewer (selects and publishes).
/// The year is the real one; Shanxi's rules cover 2021–2023 only, so the overview shows a warning and there is no deadline.
/// </summary>
public sealed partial class NominationJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Overview = "/nominations?category=Coordinator";
    private const string Nominee = "郝雅琴";
    private const string ReturnReason = "事迹材料不够具体，请补充近三年调处的劳动争议案件数量";

    [Fact]
    public async Task GoldCoordinator_CountyNominates_CityReturnsThenApprovesAndForwards_ProvinceSelectsAndPublishes()
    {
        var year = DateTime.Now.Year;

        // 1. The county clerk registers the coordinator in the ledger of the current year. The form cannot save a
        //    职业技能等级 (see LedgerForm_SkillLevelChosenFromTheList_IsSaved), so she fills the ledger's Excel template instead.
        var clerk = await SignInAsync("xzxf.clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await clerk.GetByRole(AriaRole.Link, new() { Name = "劳动关系协调员情况表" }).ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex("/ledgers/coordinators"));
        await clerk.GetByRole(AriaRole.Link, new() { Name = "从 Excel 导入" }).ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex($"/ledgers/coordinators/import\\?year={year}"));
        var template = await clerk.RunAndWaitForDownloadAsync(() => clerk.GotoAsync($"/ledgers/coordinators/template?year={year}").ContinueWith(_ => { }));
        var templatePath = Path.Combine(TestPaths.Scratch("browser"), Guid.NewGuid() + ".xlsx");
        await template.SaveAsAsync(templatePath);
        await clerk.GotoAsync($"/ledgers/coordinators/import?year={year}");
        await clerk.GetByLabel("Excel 文件").SetInputFilesAsync(FillTemplate(templatePath));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(clerk.GetByTestId("import-counts")).ToContainTextAsync("新增 1");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已导入 1 条记录");
        await clerk.GetByTestId("ledger-list").GetByRole(AriaRole.Row).Filter(new() { HasText = Nominee }).GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await Expect(clerk.GetByTestId("ledger-details")).ToContainTextAsync(Nominee);
        await Expect(clerk.GetByTestId("ledger-details")).ToContainTextAsync("140100********");
        await Expect(clerk.GetByTestId("ledger-details")).ToContainTextAsync("劳动关系协调员（三级）");
        await BrowserSession.ScreenshotAsync(clerk, "20-nomination-ledger-row");

        // 2. The clerk puts her on the county's sheet, attests every criterion that needs evidence and attaches a PDF.
        await clerk.GotoAsync(Overview);
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("忻府区");
        await Expect(clerk.Locator(".alert-warning").Filter(new() { HasText = "规划期" })).ToContainTextAsync($"{year} 年不在");
        await clerk.GetByLabel("推荐对象").SelectOptionAsync(new SelectOptionValue { Label = Nominee });
        await clerk.GetByLabel("主要事迹").FillAsync("长期扎根基层企业，调处劳动争议百余件，推动企业建立工资集体协商机制，职工满意度高。");
        await BrowserSession.ScreenshotAsync(clerk, "21-nomination-clerk-overview");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "加入推荐表" }).ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex(@"/nominations/\d+$"));
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已加入推荐表");
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Nominee);
        var nomineeUrl = clerk.Url;

        var attestForms = clerk.GetByTestId("attestations").Locator("form");
        var attestable = await attestForms.CountAsync();
        Assert.True(attestable > 0, "the Shanxi coordinator criteria should include conditions that need evidence");
        for (var i = 0; i < attestable; i++)
        {
            var evidence = $"忻府区人社局表彰文件（2024）{i + 1} 号";
            var form = attestForms.Nth(i);
            await form.Locator("input[name=evidence]").FillAsync(evidence);
            await form.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            // The attribute (not the typed value) only carries the text once the page has come back from the server.
            await Expect(attestForms.Nth(i).Locator("input[name=evidence]")).ToHaveAttributeAsync("value", evidence);
            await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存证明事项。");
        }

        // The clerk's evidence alone never makes a condition 符合: the city reviewer confirms it.
        await Expect(clerk.GetByTestId("eligibility").Locator(".card-header .badge")).ToHaveTextAsync("待审核确认");
        await clerk.GetByLabel("选择附件").SetInputFilesAsync(new FilePayload
        {
            Name = "表彰文件.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已上传附件。");
        await Expect(clerk.GetByTestId("evidence")).ToContainTextAsync("表彰文件.pdf");
        await BrowserSession.ScreenshotAsync(clerk, "22-nomination-nominee-attested");

        // 3. The clerk submits the county sheet.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "返回推荐表" }).ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex(@"/nominations/sheets/\d+$"));
        var countySheetUrl = clerk.Url;
        await Expect(clerk.GetByTestId("nominees")).ToContainTextAsync(Nominee);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交推荐表" }).ClickAsync();
        // The confirmation page shows what will be sent; the box must be ticked.
        await Expect(clerk.GetByTestId("submit-preview")).ToContainTextAsync(Nominee);
        await BrowserSession.ScreenshotAsync(clerk, "22a-nomination-submit-confirmation");
        await clerk.GetByLabel("确认提交以上推荐对象").CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交推荐表" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("推荐表已提交，等待上级审核。");
        await Expect(SheetStatus(clerk)).ToHaveTextAsync("已提交");
        await BrowserSession.ScreenshotAsync(clerk, "23-nomination-county-submitted");

        // 4. The city reviewer finds the submitted county sheet and returns it with a reason.
        var city = await SignInAsync("xz.reviewer");
        await city.GotoAsync(Overview);
        var countyRow = city.GetByTestId("child-sheets").GetByRole(AriaRole.Row).Filter(new() { HasText = "忻府区" });
        await Expect(countyRow.GetByTestId("sheet-status")).ToHaveTextAsync("已提交");
        await BrowserSession.ScreenshotAsync(city, "24-nomination-city-overview-submitted");
        await countyRow.GetByRole(AriaRole.Link, new() { Name = "查看", Exact = true }).ClickAsync();
        await Expect(city).ToHaveURLAsync(countySheetUrl);
        await city.GetByLabel("退回原因").FillAsync(ReturnReason);
        await city.GetByRole(AriaRole.Button, new() { Name = "退回", Exact = true }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("推荐表已退回。");
        await Expect(SheetStatus(city)).ToHaveTextAsync("已退回");
        await Expect(city.GetByTestId("return-reason")).ToContainTextAsync(ReturnReason);
        await BrowserSession.ScreenshotAsync(city, "25-nomination-city-returned");

        // 5. The clerk sees the reason on the overview and in the notifications, fixes the narrative and resubmits.
        await clerk.GotoAsync(Overview);
        await Expect(clerk.GetByTestId("own-sheet").GetByTestId("sheet-status")).ToHaveTextAsync("已退回");
        await Expect(clerk.GetByTestId("return-reason")).ToHaveTextAsync("退回原因：" + ReturnReason);
        await BrowserSession.ScreenshotAsync(clerk, "26-nomination-clerk-sees-return");
        await clerk.GetByTestId("notifications-link").ClickAsync();
        await Expect(clerk.GetByTestId("notifications")).ToContainTextAsync("推荐表被退回：事迹材料不够具体");
        await BrowserSession.ScreenshotAsync(clerk, "27-nomination-clerk-notification");
        await clerk.GotoAsync(nomineeUrl);
        const string narrative = "2024 年以来调处劳动争议 126 件，成功 118 件，推动 35 家企业建立工资集体协商机制，职工满意度高。";
        await clerk.GetByLabel("主要事迹").FillAsync(narrative);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "保存主要事迹" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存主要事迹。");
        await Expect(clerk.GetByLabel("主要事迹")).ToHaveValueAsync(narrative);
        await BrowserSession.ScreenshotAsync(clerk, "28-nomination-narrative-fixed");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "返回推荐表" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交推荐表" }).ClickAsync();
        await clerk.GetByLabel("确认提交以上推荐对象").CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交推荐表" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("推荐表已提交，等待上级审核。");
        await Expect(SheetStatus(clerk)).ToHaveTextAsync("已提交");
        await BrowserSession.ScreenshotAsync(clerk, "29-nomination-county-resubmitted");

        // 6. The city reviewer approves the nominee and the county sheet, then forwards the city sheet.
        await city.GotoAsync(countySheetUrl);
        await Expect(SheetStatus(city)).ToHaveTextAsync("已提交");
        await city.GetByTestId("nominees").GetByRole(AriaRole.Link, new() { Name = Nominee, Exact = true }).ClickAsync();
        await Expect(city).ToHaveURLAsync(nomineeUrl);
        await Expect(city.GetByTestId("city-decision")).ToHaveTextAsync("待审核");
        // The clerk's evidence is confirmed by the city reviewer, condition by condition, before 通过.
        var confirms = city.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确认：") });
        var conditions = await confirms.CountAsync();
        Assert.True(conditions > 0);
        for (var i = 0; i < conditions; i++)
        {
            await confirms.Nth(i).ClickAsync();
            await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认该证明事项。");
        }

        await Expect(city.GetByTestId("eligibility").Locator(".card-header .badge")).ToHaveTextAsync("符合");

        await city.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("已审核通过该推荐对象。");
        await Expect(city.GetByTestId("city-decision")).ToHaveTextAsync("通过");
        await BrowserSession.ScreenshotAsync(city, "30-nomination-city-nominee-approved");
        await city.GetByRole(AriaRole.Link, new() { Name = "返回推荐表" }).ClickAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "审核通过推荐表" }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("推荐表已审核通过");
        await Expect(SheetStatus(city)).ToHaveTextAsync("已通过");
        await BrowserSession.ScreenshotAsync(city, "31-nomination-county-sheet-approved");

        await city.GotoAsync(Overview);
        await Expect(city.GetByTestId("own-sheet")).ToContainTextAsync("推荐对象 1 名");
        await city.GetByTestId("own-sheet").GetByRole(AriaRole.Link, new() { Name = "打开推荐表" }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("忻州市");
        await Expect(city.GetByTestId("nominees")).ToContainTextAsync(Nominee);
        var citySheetUrl = city.Url;
        await city.GetByRole(AriaRole.Button, new() { Name = "上报省级" }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("市级推荐表已上报省级。");
        await Expect(SheetStatus(city)).ToHaveTextAsync("已上报");
        await BrowserSession.ScreenshotAsync(city, "32-nomination-city-forwarded");

        // 7. The province reviewer selects the nominee and publishes the list.
        var province = await SignInAsync("sx.reviewer");
        await province.GotoAsync(Overview);
        var cityRow = province.GetByTestId("child-sheets").GetByRole(AriaRole.Row).Filter(new() { HasText = "忻州市" });
        await Expect(cityRow.GetByTestId("sheet-status")).ToHaveTextAsync("已上报");
        await BrowserSession.ScreenshotAsync(province, "33-nomination-province-overview");
        await cityRow.GetByRole(AriaRole.Link, new() { Name = "查看", Exact = true }).ClickAsync();
        await Expect(province).ToHaveURLAsync(citySheetUrl);
        await province.GetByTestId("nominees").GetByRole(AriaRole.Link, new() { Name = Nominee, Exact = true }).ClickAsync();
        await Expect(province).ToHaveURLAsync(nomineeUrl);
        await Expect(province.GetByTestId("province-decision")).ToHaveTextAsync("待择优");
        await province.GetByRole(AriaRole.Button, new() { Name = "入选", Exact = true }).ClickAsync();
        await Expect(province.GetByRole(AriaRole.Status)).ToContainTextAsync("已选为入选对象。");
        await Expect(province.GetByTestId("province-decision")).ToHaveTextAsync("入选");
        await BrowserSession.ScreenshotAsync(province, "34-nomination-province-selected");

        await province.GotoAsync(Overview);
        await PublishAsync(province, "35a-nomination-publish-confirmation");
        await Expect(province.GetByTestId("child-sheets").GetByRole(AriaRole.Row).Filter(new() { HasText = "忻州市" }).GetByTestId("sheet-status"))
            .ToHaveTextAsync("已发布");
        await BrowserSession.ScreenshotAsync(province, "35-nomination-published");

        // The record of the whole journey: the county sheet holds its own steps and the publication, the city sheet its own,
        // and the nominee page shows both.
        await clerk.GotoAsync(countySheetUrl);
        await Expect(SheetStatus(clerk)).ToHaveTextAsync("已发布");
        var countyTimeline = clerk.GetByTestId("timeline");
        await Expect(countyTimeline.Locator("li strong")).ToContainTextAsync(["提交", "退回", "提交", "审核通过", "发布"]);
        await Expect(countyTimeline).ToContainTextAsync(ReturnReason);
        await BrowserSession.ScreenshotAsync(clerk, "36-nomination-county-timeline");

        await province.GotoAsync(citySheetUrl);
        await Expect(SheetStatus(province)).ToHaveTextAsync("已发布");
        await Expect(province.GetByTestId("timeline").Locator("li strong")).ToContainTextAsync(["上报", "发布"]);
        await BrowserSession.ScreenshotAsync(province, "37-nomination-city-timeline");

        await clerk.GotoAsync(nomineeUrl);
        var steps = await clerk.GetByTestId("timeline").Locator("li strong").AllInnerTextsAsync();
        foreach (var step in new[] { "提交", "退回", "审核通过", "上报", "发布" })
        {
            Assert.Contains(step, steps);
        }

        Assert.True(Ordered(steps, "提交", "退回", "提交", "审核通过", "上报", "发布"), "timeline order: " + string.Join("、", steps));
        await Expect(clerk.GetByTestId("province-decision")).ToHaveTextAsync("入选");
        await BrowserSession.ScreenshotAsync(clerk, "38-nomination-nominee-timeline");

        // The province withdraws the list with a reason (the city sheet goes back to 已上报), then publishes it again.
        await province.GotoAsync(Overview);
        await province.GetByText("撤回已发布的名单", new() { Exact = true }).ClickAsync();
        await province.GetByLabel("撤回原因（必填，将通知名单上的各地区和上级）").FillAsync("入选对象证书编号有误，核对后重新发布");
        await province.GetByLabel("确认撤回已发布的名单").CheckAsync();
        await BrowserSession.ScreenshotAsync(province, "39-nomination-withdraw-form");
        await province.GetByRole(AriaRole.Button, new() { Name = "撤回发布" }).ClickAsync();
        await Expect(province.GetByRole(AriaRole.Status)).ToContainTextAsync("已撤回发布");
        await Expect(province.GetByTestId("child-sheets").GetByRole(AriaRole.Row).Filter(new() { HasText = "忻州市" }).GetByTestId("sheet-status"))
            .ToHaveTextAsync("已上报");
        await Expect(province.GetByTestId("published-print")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(province, "40-nomination-withdrawn");
        await clerk.GotoAsync("/notifications");
        await Expect(clerk.Locator("main")).ToContainTextAsync("名单已撤回发布：入选对象证书编号有误");
        await BrowserSession.ScreenshotAsync(clerk, "41-nomination-withdrawn-notification");

        await province.GotoAsync(Overview);
        await PublishAsync(province, "42-nomination-republish-confirmation");
        await Expect(province.GetByTestId("child-sheets").GetByRole(AriaRole.Row).Filter(new() { HasText = "忻州市" }).GetByTestId("sheet-status"))
            .ToHaveTextAsync("已发布");
        await BrowserSession.ScreenshotAsync(province, "43-nomination-republished");
    }

    /// <summary>From the overview: the publish button opens the confirmation page (who will be listed); tick and publish.</summary>
    private static async Task PublishAsync(IPage province, string screenshot)
    {
        await province.GetByRole(AriaRole.Button, new() { NameRegex = PublishButton() }).ClickAsync();
        await Expect(province.GetByTestId("publish-preview")).ToContainTextAsync(Nominee);
        await BrowserSession.ScreenshotAsync(province, screenshot);
        await province.GetByLabel("确认发布以上名单").CheckAsync();
        await province.GetByRole(AriaRole.Button, new() { Name = "发布名单", Exact = true }).ClickAsync();
        await Expect(province.GetByRole(AriaRole.Status)).ToHaveTextAsync("名单已发布，已通知名单上的各地区。");
    }

    /// <summary>
    /// Bug: the form offers 职业技能等级 options such as “劳动关系协调员（三级）”, but the server normalises full-width
    /// brackets to ASCII before looking the value up, so every option is refused as “不是可选值”.
    /// </summary>
    [Fact]
    public async Task LedgerForm_SkillLevelChosenFromTheList_IsSaved()
    {
        var clerk = await SignInAsync("xzdx.clerk");
        await clerk.GotoAsync("/ledgers/coordinators");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "新增", Exact = true }).ClickAsync();
        await clerk.GetByLabel("姓名").FillAsync("武晓燕");
        await clerk.GetByLabel("性别").SelectOptionAsync("女");
        await clerk.GetByLabel("民族").SelectOptionAsync("汉族");
        await clerk.GetByLabel("身份证号码").FillAsync(TestIdNumbers.WithCheckDigit("140100198203041240"));
        await clerk.GetByLabel(new Regex(@"^工作单位\s*\*?$")).FillAsync("定襄县某法兰锻造有限公司");
        await clerk.GetByLabel("学历").SelectOptionAsync("本科");
        await clerk.GetByLabel("任职协调员时间").FillAsync("2019-05-01");
        await clerk.GetByLabel("联系方式").FillAsync("13935054321");
        await clerk.GetByLabel("类别").SelectOptionAsync("劳动关系协调员");
        await clerk.GetByLabel("职业技能等级").SelectOptionAsync("劳动关系协调员（三级）");
        await clerk.GetByLabel("证书编号").FillAsync("SX2020-0816");
        await clerk.GetByLabel("发证日期").FillAsync("2020-06-30");
        await clerk.GetByLabel("是否在任").SelectOptionAsync("是");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await BrowserSession.ScreenshotAsync(clerk, "19-ledger-form-skill-level");
        await Expect(clerk.GetByTestId("ledger-details")).ToContainTextAsync("劳动关系协调员（三级）");
    }

    /// <summary>Fills the downloaded coordinator template the way a clerk would: one qualifying row under the header.</summary>
    private static string FillTemplate(string templatePath)
    {
        using var template = SpreadsheetFile.Open(File.OpenRead(templatePath), new SpreadsheetLimits());
        var rows = template.Rows().ToList();
        var headers = rows[2].Cells.Select(c => c.Text ?? "").ToList();
        var path = Path.Combine(TestPaths.Scratch("browser"), Guid.NewGuid() + ".xlsx");
        using var stream = File.Create(path);
        using var writer = new XlsxWriter(stream);
        writer.StartSheet(new SheetSpec("Sheet1", headers.Select(h => new ColumnSpec(h)).ToList()) { Title = rows[0].Cells[0].Text, Subtitle = rows[1].Cells[0].Text });
        var values = new Dictionary<string, string>
        {
            ["序号"] = "1", ["姓名"] = Nominee, ["性别"] = "女", ["民族"] = "汉族", ["身份证号码"] = TestIdNumbers.WithCheckDigit("140100198001011220"),
            ["工作单位"] = "忻州市某煤机制造有限公司", ["职务"] = "人力资源部经理", ["学历"] = "本科", ["任职协调员时间"] = "2019-05-01",
            ["联系方式"] = "13935012345", ["类别"] = "劳动关系协调员", ["职业技能等级"] = "三级", ["证书编号"] = "SX2020-0815", ["发证日期"] = "2020-06-30",
            ["是否在任"] = "是",
        };
        writer.WriteRow(headers.Select(h => CellValue.Text(values.GetValueOrDefault(h.TrimEnd('*', ' ')))).ToList());
        return path;
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

    /// <summary>The status badge in the page's heading (sheet pages).</summary>
    private static ILocator SheetStatus(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 }).GetByTestId("sheet-status");

    /// <summary>Whether the expected steps occur in this order (other steps may lie between them).</summary>
    private static bool Ordered(IReadOnlyList<string> steps, params string[] expected)
    {
        var at = 0;
        foreach (var step in steps)
        {
            if (at < expected.Length && step.Trim() == expected[at])
            {
                at++;
            }
        }

        return at == expected.Length;
    }

    [GeneratedRegex("^发布.*名单$")]
    private static partial Regex PublishButton();
}
