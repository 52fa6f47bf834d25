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

    private async Task<IPage> SignInAsync(string userName, string password = "Harmony@2026")
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
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
        output.WriteLine(review);
        Assert.Contains("与2021–2023 年规划 第 1 版（复制时日期已顺延至本规划期）相比的改动", review);
        Assert.Contains("君山区 · 重点企业指导计划", review);
        Assert.Contains("12-31 → 12-20", review);
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

    /// <summary>Chooses the option whose text holds <paramref name="text"/> (region lists indent names by level).</summary>
    private async Task ChooseContaining(ILocator select, string text)
    {
        var value = await select.EvaluateAsync<string>("(s, t) => Array.from(s.options).find(o => o.text.indexOf(t) >= 0).value", text);
        await select.SelectOptionAsync(value);
        steps++;
    }

    [Fact]
    public async Task HunanSetsUpANewCityWithDistrictsUnitsAndUsers_AndGivesItsFirstPlan_AllInForms()
    {
        var started = DateTime.UtcNow;
        var year = DateTime.Now.Year;
        var hunan = await session.RegionIdAsync("430000");
        var page = await SignInAsync("hn.admin");

        // The city and its two districts.
        await page.GotoAsync($"/admin/regions/create?parentId={hunan}");
        steps++;
        await Fill(page.GetByLabel("名称"), "株洲市");
        await Fill(page.GetByLabel("区划代码"), "430200");
        await Choose(page.GetByLabel("层级"), "市级");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }));
        var zhuzhou = await session.RegionIdAsync("430200");
        foreach (var (name, code) in new[] { ("荷塘区", "430202"), ("芦淞区", "430203") })
        {
            await page.GotoAsync($"/admin/regions/create?parentId={zhuzhou}");
            steps++;
            await Fill(page.GetByLabel("名称"), name);
            await Fill(page.GetByLabel("区划代码"), code);
            await Choose(page.GetByLabel("层级"), "县级");
            await Click(page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }));
        }

        // A member unit of the city's office, and a clerk of 荷塘区.
        await page.GotoAsync($"/admin/units?regionId={zhuzhou}");
        steps++;
        await Expect(page.GetByTestId("unit-list")).ToContainTextAsync("人社局");
        await Fill(page.GetByLabel("简称"), "商务局");
        await Fill(page.GetByLabel("全称"), "株洲市商务局");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }));
        await Expect(page.Locator("tr[data-unit='商务局']")).ToContainTextAsync("在用");
        await page.GotoAsync("/admin/users/create");
        steps++;
        await Fill(page.GetByLabel("用户名"), "zzht.clerk");
        await Fill(page.GetByLabel("初始密码"), "Zhuzhou#Clerk26");
        await Fill(page.GetByLabel("姓名"), "荷塘区填报员");
        await ChooseContaining(page.GetByLabel("所属地区"), "荷塘区");
        await Choose(page.GetByLabel("角色"), "填报员");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "创建", Exact = true }));

        // The city's first plan: from the rules list, where it has none yet.
        await Click(page.GetByRole(AriaRole.Link, new() { Name = "选树规则" }));
        await Click(page.Locator($"tr[data-region='{zhuzhou}']").GetByRole(AriaRole.Link, new() { Name = "新建规划" }));
        await Fill(page.GetByLabel("开始年度"), year.ToString());
        await Fill(page.GetByLabel("结束年度"), (year + 2).ToString());
        await Click(page.GetByLabel("空白规划"));
        await Fill(page.GetByLabel("规划名称（可不填，稍后修改）"), "株洲市金牌劳动关系协调员选树计划");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }));

        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "任务" }));
        await Fill(page.GetByLabel("任务名称", new() { Exact = true }), "金牌劳动关系协调员选树");
        await Choose(page.GetByLabel("类型（决定系统如何计量）"), "选树（授予称号）");
        await Choose(page.GetByLabel("牵头单位"), "人社局");
        await Choose(page.GetByLabel("金牌类别", new() { Exact = true }), "金牌劳动关系协调员");
        await Choose(page.GetByLabel("由哪一级择优选树、发布"), "市级");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "添加任务" }));
        await Expect(page.GetByTestId("task-list")).ToContainTextAsync("金牌劳动关系协调员选树");

        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "配额表" }));
        await Fill(page.GetByLabel("合计 · 金牌劳动关系协调员选树"), "5/年");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "保存到草稿", Exact = true }));
        await Expect(page.GetByLabel("合计 · 金牌劳动关系协调员选树")).ToHaveValueAsync("5/年");

        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "报送期限" }));
        await ChooseContaining(page.GetByLabel("年度（空为每年）"), year.ToString());
        await Choose(page.GetByTestId("add-deadline").GetByLabel("环节"), "县级报市");
        await Fill(page.GetByTestId("add-deadline").GetByLabel("截止日期", new() { Exact = true }), $"{year}-11-15");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "添加期限" }));
        await Expect(page.GetByTestId("deadlines")).ToContainTextAsync($"{year} 年");

        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "选树条件" }));
        foreach (var (fact, op, value, text) in new[] { ("学历", "不低于 / 不少于（≥）", "大专", "具有大专及以上学历"), ("持有劳动关系协调员职业技能等级证书", "是", "", "持有劳动关系协调员职业技能等级证书") })
        {
            await Click(page.Locator("summary").Filter(new() { HasText = "添加条件" }).Last);
            var form = page.GetByTestId("add-form").Last;
            await Fill(form.GetByLabel("条件原文（通知中的表述）"), text);
            await Fill(form.GetByLabel("条款出处"), "株洲市选树办法第三条");
            await Choose(form.GetByLabel("台账字段（系统判断时填写）"), fact);
            await Choose(form.GetByLabel("比较"), op);
            if (value.Length > 0)
            {
                await Fill(form.GetByLabel("要求"), value);
            }

            await Click(form.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }));
            await Expect(page.Locator("main")).ToContainTextAsync(text);
        }

        await BrowserSession.ScreenshotAsync(page, "82-plan-criteria");
        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "检查并发布" }));
        await Click(page.GetByLabel("我已核对以上差异和影响，确认发布", new() { Exact = false }));
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }));
        await Expect(page.Locator(".alert-success").First).ToContainTextAsync("已发布");
        output.WriteLine($"journey 2 (湖南, a new city and its first plan): {steps} form steps, {(DateTime.UtcNow - started).TotalSeconds:0} s in Chromium");

        var rules = Squeezed(await page.Locator("main").InnerTextAsync());
        Assert.Contains("株洲市金牌劳动关系协调员选树计划", rules);
        Assert.Contains("具有大专及以上学历", rules);
        Assert.Contains($"{year}-11-15", rules);
        await BrowserSession.ScreenshotAsync(page, "83-plan-published");

        // A clerk of 荷塘区 (first sign-in: a new password) enters two coordinators and nominates both: the checks say why one fails.
        var clerk = await SignInAsync("zzht.clerk", "Zhuzhou#Clerk26");
        await clerk.GetByLabel("当前密码").FillAsync("Zhuzhou#Clerk26");
        await clerk.GetByLabel("新密码", new() { Exact = true }).FillAsync("Zhuzhou#Clerk27");
        await clerk.GetByLabel("确认新密码").FillAsync("Zhuzhou#Clerk27");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        foreach (var (name, id, education, certified) in new[] { ("易丽华", "430202198503041224", "大专", true), ("龙建国", "430202197911121217", "中专", false) })
        {
            await clerk.GotoAsync("/ledgers/coordinators");
            await clerk.GetByRole(AriaRole.Link, new() { Name = "新增", Exact = true }).ClickAsync();
            await clerk.GetByLabel("姓名").FillAsync(name);
            await clerk.GetByLabel("性别").SelectOptionAsync(id[16] % 2 == 0 ? "女" : "男");
            await clerk.GetByLabel("民族").SelectOptionAsync("汉族");
            await clerk.GetByLabel("身份证号码").FillAsync(TestSupport.TestIdNumbers.WithCheckDigit(id));
            await clerk.GetByLabel(new Regex(@"^工作单位\s*\*?$")).FillAsync("株洲市荷塘区某机车配件有限公司");
            await clerk.GetByLabel("学历").SelectOptionAsync(education);
            await clerk.GetByLabel("任职协调员时间").FillAsync("2019-05-01");
            await clerk.GetByLabel("联系方式").FillAsync(certified ? "13907331001" : "13907331002");
            await clerk.GetByLabel("类别").SelectOptionAsync("劳动关系协调员");
            if (certified)
            {
                await clerk.GetByLabel("职业技能等级").SelectOptionAsync("劳动关系协调员（三级）");
                await clerk.GetByLabel("证书编号").FillAsync("HN2021-0202");
                await clerk.GetByLabel("发证日期").FillAsync("2021-06-30");
            }

            await clerk.GetByLabel("是否在任").SelectOptionAsync("是");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Expect(clerk.GetByTestId("ledger-details")).ToContainTextAsync(name);

            await clerk.GotoAsync("/nominations?category=Coordinator");
            await clerk.GetByLabel("推荐对象").SelectOptionAsync(new SelectOptionValue { Label = name });
            await clerk.GetByLabel("主要事迹").FillAsync("扎根园区企业多年，调处劳动争议数十件，推动企业建立协商机制。");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "加入推荐表" }).ClickAsync();
            await Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
            var checks = Squeezed(await clerk.GetByTestId("eligibility").InnerTextAsync());
            output.WriteLine($"{name}: {checks}");
            if (certified)
            {
                Assert.DoesNotContain("不符合", checks);
                Assert.Contains("符合", checks);
            }
            else
            {
                Assert.Contains("不符合", checks);
                Assert.Contains("中专", checks);
                Assert.Contains("大专", checks);
            }
        }

        await BrowserSession.ScreenshotAsync(clerk, "84-new-city-nominee-checks");
    }

    [Fact]
    public async Task TheQuotaGridGoesThroughExcel_ABadCellIsRefusedWithItsRowAndColumn_AndBadFormInputIsRefusedInPlace()
    {
        var yueyang = await session.RegionIdAsync("430600");
        var page = await SignInAsync("yy.admin");
        await page.GotoAsync($"/rules/drafts/new?regionId={yueyang}&fromYear=2021&toYear=2023");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }));
        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "配额表" }));

        // Downloaded, edited in a spreadsheet (君山区's 新企业用工服务计划 made invalid), uploaded: refused with row and column.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载任务安排表（Excel）" }).ClickAsync());
        var original = Path.Combine(TestSupport.TestPaths.Scratch("browser"), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(original);
        await page.GetByLabel("上传修改后的任务安排表").SetInputFilesAsync(Edited(original, "君山区", "新企业用工服务计划", "3（1/年"));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并保存到草稿" }).ClickAsync();
                await Expect(page.GetByTestId("grid-errors")).ToContainTextAsync(new Regex(@"第 \d+ 行 [A-Z]+ 列「君山区」·「新企业用工服务计划」：“3（1/年”缺少右括号"));
        await BrowserSession.ScreenshotAsync(page, "85-grid-excel-refused");
        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "配额表" }));
        await Expect(page.GetByLabel("君山区 · 新企业用工服务计划")).ToHaveValueAsync("60 (20/年)");

        await page.GetByLabel("上传修改后的任务安排表").SetInputFilesAsync(Edited(original, "君山区", "新企业用工服务计划", "90 (30/年)"));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并保存到草稿" }).ClickAsync();
        await Expect(page.GetByLabel("君山区 · 新企业用工服务计划")).ToHaveValueAsync("90 (30/年)");

        // A quota above its own maximum, typed in the grid: the cell keeps the text and says why.
        await Fill(page.GetByLabel("云溪区 · 新企业用工服务计划"), "5-3/年");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "保存到草稿", Exact = true }));
        await Expect(page.GetByLabel("云溪区 · 新企业用工服务计划")).ToHaveValueAsync("5-3/年");
        await Expect(page.Locator("td").Filter(new() { Has = page.GetByLabel("云溪区 · 新企业用工服务计划") }).GetByTestId("cell-error")).ToContainTextAsync("大于");

        // A deadline outside the plan period: refused at the date field, the typed date kept.
        await Click(page.GetByTestId("draft-nav").GetByRole(AriaRole.Link, new() { Name = "报送期限" }));
        await Choose(page.GetByTestId("add-deadline").GetByLabel("环节"), "县级报市");
        await Fill(page.GetByTestId("add-deadline").GetByLabel("截止日期", new() { Exact = true }), "2031-11-15");
        await Click(page.GetByRole(AriaRole.Button, new() { Name = "添加期限" }));
        await Expect(page.GetByTestId("date-error")).ToContainTextAsync("期限 2031-11-15 不在规划期 2021–2023 年或其次年内");
        await Expect(page.GetByTestId("add-deadline").GetByLabel("截止日期", new() { Exact = true })).ToHaveValueAsync("2031-11-15");
        await BrowserSession.ScreenshotAsync(page, "86-deadline-refused");
    }

    /// <summary>The downloaded table with one cell retyped, as an office would in a spreadsheet program (rewritten with the portal's own writer).</summary>
    private static string Edited(string path, string rowName, string header, string text)
    {
        using var source = Core.Spreadsheets.SpreadsheetFile.Open(File.OpenRead(path), new Core.Spreadsheets.SpreadsheetLimits());
        var rows = source.Rows().Select(r => (r.RowNumber, Cells: r.Cells.Select(c => c.Text ?? "").ToList())).ToList();
        var head = rows.First(r => r.Cells.Count > 0 && r.Cells[0] == "县区名称");
        var column = head.Cells.IndexOf(header);
        var edited = Path.Combine(TestSupport.TestPaths.Scratch("browser"), Guid.NewGuid() + ".xlsx");
        using var stream = File.Create(edited);
        using var writer = new Core.Spreadsheets.XlsxWriter(stream);
        var above = rows.Where(r => r.RowNumber < head.RowNumber && r.Cells.Count > 0).Select(r => r.Cells[0]).ToList();
        writer.StartSheet(new Core.Spreadsheets.SheetSpec("任务安排表", head.Cells.Select(h => new Core.Spreadsheets.ColumnSpec(h)).ToList())
        {
            Title = above.ElementAtOrDefault(0), Subtitle = above.ElementAtOrDefault(1),
        });
        foreach (var row in rows.Where(r => r.RowNumber > head.RowNumber))
        {
            writer.WriteRow(row.Cells.Select((c, i) => Core.Spreadsheets.CellValue.Text(row.Cells[0] == rowName && i == column ? text : c)).ToList());
        }

        return edited;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
