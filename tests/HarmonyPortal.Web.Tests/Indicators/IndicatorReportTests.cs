using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Indicators;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Indicators;

/// <summary>
/// 指标报送 on 济源: its 2022–2023 plan, saved again by its admin with two indicator tasks (年培训人数 ≥ 60 人 and
/// 薪酬数据反馈比例 ≥ 90%), reported by 济源's clerk with evidence, read by 河南's reviewer.
/// </summary>
public abstract class IndicatorReportTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private const string Training = "jy-training";
    private const string Feedback = "jy-wage-feedback";

    private static readonly SemaphoreSlim PlanLock = new(1, 1);

    /// <summary>济源's admin saves the plan with the two indicator tasks (once per database).</summary>
    private async Task<int> PlanAsync()
    {
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        await PlanLock.WaitAsync();
        try
        {
            await using var db = portal.CreateDbContext();
            var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan && v.FromYear == 2022).OrderByDescending(v => v.Version).FirstAsync();
            if (latest.Json.Contains(Training, StringComparison.Ordinal))
            {
                return jiyuan;
            }

            var plan = JsonNode.Parse(latest.Json)!;
            plan["tasks"]!.AsArray().Add(JsonNode.Parse($$"""
                { "id": "{{Training}}", "name": "开展劳动关系协调员培训", "lead": "人社局", "kind": "indicator", "clause": "二、量化建设目标",
                  "indicator": { "label": "年培训人数", "unit": "人" },
                  "quotas": [ { "region": "410000-JY", "per": "year", "min": 60, "unit": "人", "note": "年培训人数不低于60人" } ] }
                """));
            plan["tasks"]!.AsArray().Add(JsonNode.Parse($$"""
                { "id": "{{Feedback}}", "name": "薪酬调查数据反馈", "lead": "人社局", "kind": "indicator",
                  "indicator": { "label": "薪酬数据反馈比例", "unit": "%" },
                  "quotas": [ { "region": "410000-JY", "per": "year", "share": 0.9, "unit": "%", "note": "向不少于90%被调查企业提供薪酬数据反馈服务" } ] }
                """));
            using var admin = await portal.SignedInClientAsync("jy.admin");
            var saved = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", plan.ToJsonString()), ("comment", "增加报送指标"));
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(saved)).QuerySelector("[data-testid=rule-errors]")?.TextContent);
            return jiyuan;
        }
        finally
        {
            PlanLock.Release();
        }
    }

    private static async Task<HttpResponseMessage> ReportAsync(PortalClient client, int regionId, int year, int jurisdiction, string taskId, string value,
        string? note = null, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.TokenFromAsync("/notifications")), "__RequestVerificationToken" },
            { new StringContent(year.ToString()), "year" },
            { new StringContent(jurisdiction.ToString()), "jurisdictionRegionId" },
            { new StringContent(taskId), "taskId" },
            { new StringContent(value), "value" },
            { new StringContent(note ?? ""), "note" },
        };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            form.Add(file, "files", name);
        }

        return await client.Http.PostAsync($"/indicators/{regionId}/report", form);
    }

    private static AngleSharp.Dom.IElement Card(AngleSharp.Html.Dom.IHtmlDocument page, string taskId) =>
        page.QuerySelector($"[data-testid=indicator][data-task={taskId}]") ?? throw new Xunit.Sdk.XunitException($"no indicator {taskId} on the page: {page.QuerySelector("main")?.TextContent}");

    [Fact]
    public async Task JiyuanClerk_ReportsTrainingBelowThenAbove_TheLatestCounts_AndTheEarlierStaysVisible()
    {
        var jiyuan = await PlanAsync();
        using var clerk = await portal.SignedInClientAsync("jy.clerk");

        var before = Card(await clerk.GetPageAsync("/indicators?year=2022"), Training);
        Assert.Contains("≥ 60 人", before.TextContent);
        Assert.Contains("尚未报送", before.QuerySelector("[data-testid=latest]")!.TextContent);

        var low = await ReportAsync(clerk, jiyuan, 2022, jiyuan, Training, "58", "2022 年举办培训班 2 期", ("培训签到表.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, low.StatusCode);
        var afterLow = Card(await clerk.GetPageAsync("/indicators?year=2022"), Training);
        Assert.Equal("未达到", afterLow.QuerySelector("[data-testid=verdict]")!.TextContent.Trim());
        Assert.Contains("年培训人数 58 人，低于要求 60 人", afterLow.QuerySelector("[data-testid=explanation]")!.TextContent);
        Assert.Equal("培训签到表.pdf", afterLow.QuerySelector("[data-testid=evidence]")!.TextContent);

        var high = await ReportAsync(clerk, jiyuan, 2022, jiyuan, Training, "65", "补报第 3 期培训", ("补充签到表.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, high.StatusCode);
        var afterHigh = Card(await clerk.GetPageAsync("/indicators?year=2022"), Training);
        Assert.Equal("达到", afterHigh.QuerySelector("[data-testid=verdict]")!.TextContent.Trim());
        Assert.Contains("年培训人数 65 人，达到要求 ≥ 60 人", afterHigh.QuerySelector("[data-testid=explanation]")!.TextContent);
        Assert.Contains("65 人", afterHigh.QuerySelector("[data-testid=latest]")!.TextContent);
        var history = afterHigh.QuerySelectorAll("[data-testid=history] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains("65 人", history[0]);
        Assert.Contains("（计入）", history[0]);
        Assert.Contains("58 人", history[1]);
        Assert.Contains("（已更正）", history[1]);

        await using var db = portal.CreateDbContext();
        Assert.Equal(65m, await IndicatorReports.LatestAsync(db, jiyuan, jiyuan, Training, 2022));
        Assert.Null(await IndicatorReports.LatestAsync(db, jiyuan, jiyuan, Training, 2021));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.IndicatorReported && a.UserName == "jy.clerk" && a.Details!.Contains("年培训人数") && a.Details.Contains("2022")));
    }

    [Fact]
    public async Task OnlyJiyuansClerkReports_TheProvinceReviewerReadsAndDownloads_OthersAreRefused()
    {
        var jiyuan = await PlanAsync();
        using var clerk = await portal.SignedInClientAsync("jy.clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(clerk, jiyuan, 2023, jiyuan, Training, "72", null, ("2023培训.pdf", Pdf))).StatusCode);
        await using var db = portal.CreateDbContext();
        var count = await db.IndicatorReports.CountAsync();

        using var tangshan = await portal.SignedInClientAsync("ts.clerk");
        using var county = await portal.SignedInClientAsync("jyhl.clerk");
        using var province = await portal.SignedInClientAsync("ha.reviewer");
        using var cityReviewer = await portal.SignedInClientAsync("jy.reviewer");
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(tangshan, jiyuan, 2023, jiyuan, Training, "999", null, ("伪造.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(county, jiyuan, 2023, jiyuan, Training, "999", null, ("伪造.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReportAsync(province, jiyuan, 2023, jiyuan, Training, "999", null, ("伪造.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReportAsync(cityReviewer, jiyuan, 2023, jiyuan, Training, "999", null, ("伪造.pdf", Pdf))).StatusCode);
        // 唐山's clerk reporting in its own region for 济源's task: the task does not hold 唐山.
        var own = await ReportAsync(tangshan, await portal.RegionIdAsync("130200"), 2023, jiyuan, Training, "999", null, ("伪造.pdf", Pdf));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("没有该报送指标", (await PortalClient.ParseAsync(own)).QuerySelector("[data-testid=reasons]")!.TextContent);
        Assert.Equal(count, await db.IndicatorReports.CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await tangshan.Http.GetAsync($"/indicators?regionId={jiyuan}&year=2023")).StatusCode);
        // The county below 济源 is not held by the city's quota.
        Assert.NotNull((await county.GetPageAsync("/indicators?year=2023")).QuerySelector("[data-testid=no-indicators]"));

        var ownPage = await province.GetPageAsync("/indicators?year=2023");
        Assert.Contains("济源示范区", ownPage.QuerySelector("[data-testid=below]")!.TextContent);
        var page = await province.GetPageAsync($"/indicators?regionId={jiyuan}&year=2023");
        Assert.Empty(page.QuerySelectorAll("[data-testid=report-form]"));
        Assert.Contains("只读", page.QuerySelector("[data-testid=mode]")!.TextContent);
        var card = Card(page, Training);
        Assert.Contains("年培训人数 72 人，达到要求 ≥ 60 人", card.QuerySelector("[data-testid=explanation]")!.TextContent);
        var link = card.QuerySelector("[data-testid=evidence]")!.GetAttribute("href")!;
        var download = await province.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await tangshan.Http.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.Http.GetAsync(link)).StatusCode);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.IndicatorEvidenceDownloaded && a.UserName == "ha.reviewer"));
        Assert.NotNull((await clerk.GetPageAsync("/indicators?year=2023")).QuerySelector("[data-testid=report-form]"));

        // Evidence is optional: a corrected figure without a file is reported, and the reviewer sees that none came with it.
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(clerk, jiyuan, 2023, jiyuan, Training, "73", "证明材料随纸质文件报送")).StatusCode);
        Assert.Equal(0, await db.IndicatorEvidence.CountAsync(e => e.ReportId == db.IndicatorReports.Where(r => r.RegionId == jiyuan).Max(r => r.Id)));
        var reviewTable = await province.GetPageAsync("/indicators/review?year=2023");
        Assert.Contains("未附证明材料", reviewTable.QuerySelector($"[data-testid=review-task][data-task={Training}] [data-testid=review-row][data-region='{jiyuan}']")!.TextContent);
    }

    [Fact]
    public async Task BadInput_IsRefusedInChinese_NamingTheField_AndNothingIsSaved()
    {
        var jiyuan = await PlanAsync();
        using var clerk = await portal.SignedInClientAsync("jy.clerk");
        await using var db = portal.CreateDbContext();
        var count = await db.IndicatorReports.CountAsync();

        async Task<string> RefusedAsync(string taskId, string value, string? note, params (string, byte[])[] files)
        {
            var response = await ReportAsync(clerk, jiyuan, 2022, jiyuan, taskId, value, note, files);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = await PortalClient.ParseAsync(response);
            var form = Card(page, taskId);
            return form.QuerySelector("[data-testid=reasons]")!.TextContent;
        }

        Assert.Contains("数值（年培训人数）：“六十”不是数字", await RefusedAsync(Training, "六十", null, ("a.pdf", Pdf)));
        Assert.Contains("数值（年培训人数）：不能为负数", await RefusedAsync(Training, "-5", null, ("a.pdf", Pdf)));
        Assert.Contains("数值（年培训人数）：请填写", await RefusedAsync(Training, " ", null, ("a.pdf", Pdf)));
        Assert.Contains("数值（薪酬数据反馈比例）：以 % 计，不能超过 100", await RefusedAsync(Feedback, "120", null, ("a.pdf", Pdf)));
        Assert.Contains("证明材料“签到表.pdf”：文件内容不是 PDF、JPG、PNG、DOCX、DOC、WPS、XLS、XLSX 之一", await RefusedAsync(Training, "61", null, ("签到表.pdf", "不是 PDF 的文本"u8.ToArray())));
        Assert.Contains("说明：不能超过 500 字，现有 501 字", await RefusedAsync(Training, "61", new string('培', 501), ("a.pdf", Pdf)));
        var both = await RefusedAsync(Training, "abc", null, ("签到表.pdf", "不是 PDF 的文本"u8.ToArray()));
        Assert.Contains("数值（年培训人数）", both);
        Assert.Contains("证明材料“签到表.pdf”", both);

        Assert.Equal(count, await db.IndicatorReports.CountAsync());
        Assert.Equal(0, await db.IndicatorEvidence.CountAsync(e => e.FileName == "签到表.pdf"));
    }

    [Fact]
    public async Task PercentageIndicator_ShareOfNinetyPercent_IsMetByNinetyFive_AndNotByEightyFive()
    {
        var jiyuan = await PlanAsync();
        using var clerk = await portal.SignedInClientAsync("jy.clerk");

        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(clerk, jiyuan, 2022, jiyuan, Feedback, "95", "调查企业 40 家，反馈 38 家", ("反馈台账.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(clerk, jiyuan, 2023, jiyuan, Feedback, "85", null, ("反馈台账.pdf", Pdf))).StatusCode);

        var met = Card(await clerk.GetPageAsync("/indicators?year=2022"), Feedback);
        Assert.Contains("比例 ≥ 90%", met.TextContent);
        Assert.Equal("达到", met.QuerySelector("[data-testid=verdict]")!.TextContent.Trim());
        Assert.Contains("薪酬数据反馈比例 95%，达到要求 90%", met.QuerySelector("[data-testid=explanation]")!.TextContent);
        var short2023 = Card(await clerk.GetPageAsync("/indicators?year=2023"), Feedback);
        Assert.Equal("未达到", short2023.QuerySelector("[data-testid=verdict]")!.TextContent.Trim());
        Assert.Contains("薪酬数据反馈比例 85%，低于要求 90%", short2023.QuerySelector("[data-testid=explanation]")!.TextContent);
    }
}

public sealed class SqliteIndicatorReportTests(SqlitePortal portal) : IndicatorReportTests<SqlitePortal>(portal);

public sealed class PostgresIndicatorReportTests(PostgresPortal portal) : IndicatorReportTests<PostgresPortal>(portal);
