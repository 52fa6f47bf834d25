using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Indicators;

/// <summary>
/// 济源's training indicator (年培训劳动关系协调员人数 ≥ 60 人) goes up for review like a material: 济源 reports it,
/// 河南's reviewer (the level above) returns it with a reason, 济源 corrects it after the due date and it is accepted;
/// the roll-up shows it late. The plan is 济源's seeded 2022–2023 plan, saved again by its admin with a due date per
/// year for the indicator (报省 by 12-31), on a clock moved to the dates of the story.
/// </summary>
public abstract class IndicatorReviewTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private const string Training = "coordinator-training";

    private static readonly SemaphoreSlim PlanLock = new(1, 1);

    /// <summary>济源's admin gives the training indicator a due date in each year of the plan (once per database).</summary>
    private async Task<int> PlanAsync()
    {
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        await PlanLock.WaitAsync();
        try
        {
            await using var db = portal.CreateDbContext();
            var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan && v.FromYear == 2022).OrderByDescending(v => v.Version).FirstAsync();
            var plan = JsonNode.Parse(latest.Json)!;
            var task = plan["tasks"]!.AsArray().Single(t => (string?)t!["id"] == Training)!;
            if (task["deadlines"] is not null)
            {
                return jiyuan;
            }

            task["deadlines"] = JsonNode.Parse("""
                [ { "year": 2022, "date": "2022-12-31", "what": "年培训人数报省", "step": "report" },
                  { "year": 2023, "date": "2023-12-31", "what": "年培训人数报省", "step": "report" } ]
                """);
            using var admin = await portal.SignedInClientAsync("jy.admin");
            var saved = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", plan.ToJsonString()), ("comment", "培训指标增加报送期限"));
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(saved)).QuerySelector("[data-testid=rule-errors]")?.TextContent);
            return jiyuan;
        }
        finally
        {
            PlanLock.Release();
        }
    }

    private static async Task<HttpResponseMessage> ReportAsync(PortalClient client, int regionId, int year, string value, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.TokenFromAsync("/notifications")), "__RequestVerificationToken" },
            { new StringContent(year.ToString()), "year" },
            { new StringContent(regionId.ToString()), "jurisdictionRegionId" },
            { new StringContent(Training), "taskId" },
            { new StringContent(value), "value" },
            { new StringContent(""), "note" },
        };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            form.Add(file, "files", name);
        }

        return await client.Http.PostAsync($"/indicators/{regionId}/report", form);
    }

    private static async Task<HttpResponseMessage> ReviewAsync(PortalClient client, int regionId, string step, long reportId, string? reason = null, bool confirmed = true)
    {
        (string, string)[] fields = [("reportId", reportId.ToString()), ("reason", reason ?? ""), .. confirmed ? new[] { ("confirmed", "true") } : []];
        return await client.PostAsync($"/indicators/{regionId}/{step}", await client.TokenFromAsync("/notifications"), fields);
    }

    private static AngleSharp.Dom.IElement Card(IHtmlDocument page) =>
        page.QuerySelector($"[data-testid=indicator][data-task={Training}]") ?? throw new Xunit.Sdk.XunitException($"no indicator on the page: {page.QuerySelector("main")?.TextContent}");

    private static AngleSharp.Dom.IElement Row(IHtmlDocument page, string list, int regionId) =>
        page.QuerySelector($"[data-testid={list}][data-region='{regionId}']{(list == "rollup-row" ? $"[data-task={Training}]" : "")}")
        ?? throw new Xunit.Sdk.XunitException($"no {list} of {regionId}: {page.QuerySelector("main")?.TextContent}");

    private static string Text(AngleSharp.Dom.IElement element, string testId) => element.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private async Task<long> LatestIdAsync(int regionId, int year)
    {
        await using var db = portal.CreateDbContext();
        return await db.IndicatorReports.Where(r => r.RegionId == regionId && r.TaskId == Training && r.Year == year).MaxAsync(r => r.Id);
    }

    [Fact]
    public async Task Jiyuan_Reports58_TheProvinceReturnsIt_ItIsCorrectedLate_AndAccepted_TheRollupShowsItLate()
    {
        portal.Clock.Set(2023, 12, 20);
        var jiyuan = await PlanAsync();
        using var clerk = await portal.SignedInClientAsync("jy.clerk");

        var before = Card(await clerk.GetPageAsync("/indicators?year=2023"));
        Assert.Equal("未提交", Text(before, "status"));
        Assert.Equal("2023-12-31（依据：年培训人数报省）", Text(before, "due"));

        // Refused input saves nothing: not a number.
        var notANumber = await ReportAsync(clerk, jiyuan, 2023, "五十八", ("签到表.pdf", Pdf));
        Assert.Contains("“五十八”不是数字", Text(Card(await PortalClient.ParseAsync(notANumber)), "reasons"));
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(0, await db.IndicatorReports.CountAsync(r => r.RegionId == jiyuan && r.Year == 2023 && r.TaskId == Training));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(clerk, jiyuan, 2023, "58", ("培训签到表.pdf", Pdf))).StatusCode);
        var reported = Card(await clerk.GetPageAsync("/indicators?year=2023"));
        Assert.Equal("未达到", Text(reported, "verdict"));
        Assert.Equal("已提交", Text(reported, "status"));
        Assert.Equal("按时", Text(reported, "timeliness"));
        Assert.Contains("重新报送将替换正在审核的报送", Text(reported, "replacement-notice"));

        // 河南's reviewer is told, sees the figure against the target, and returns it with a reason.
        using var province = await portal.SignedInClientAsync("ha.reviewer");
        Assert.Contains("济源示范区报送了 2023 年度指标", (await province.GetPageAsync("/notifications")).QuerySelector("main")!.TextContent);
        var review = await province.GetPageAsync("/indicators/review?year=2023");
        var row = Row(review, "review-row", jiyuan);
        Assert.Equal("58 人", Text(row, "figure"));
        Assert.Equal("未达到", Text(row, "verdict"));
        Assert.Equal("已提交", Text(row, "status"));
        Assert.Equal("按时", Text(row, "timeliness"));
        Assert.Equal("培训签到表.pdf", Text(row, "evidence"));
        Assert.NotNull(row.QuerySelector("[data-testid=return-form][data-confirm] input[name=confirmed][required]"));
        var first = await LatestIdAsync(jiyuan, 2023);

        var noReason = await ReviewAsync(province, jiyuan, "return", first, "  ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("退回原因：必填", Text(Row(await PortalClient.ParseAsync(noReason), "review-row", jiyuan), "reasons"));
        var unconfirmed = await ReviewAsync(province, jiyuan, "return", first, "签到表缺第 2 期", confirmed: false);
        var kept = Row(await PortalClient.ParseAsync(unconfirmed), "review-row", jiyuan);
        Assert.Contains("请勾选确认", Text(kept, "reasons"));
        Assert.Equal("签到表缺第 2 期", kept.QuerySelector("[data-testid=return-form] textarea")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(province, jiyuan, "return", first, "培训签到表缺少第 2 期，人数请核实")).StatusCode);

        // After the due date the returned figure may still be corrected: it is marked late.
        portal.Clock.Set(2024, 1, 5);
        using var clerkLater = await portal.SignedInClientAsync("jy.clerk");
        var returned = Card(await clerkLater.GetPageAsync("/indicators?year=2023"));
        Assert.Equal("已退回", Text(returned, "status"));
        Assert.Contains("培训签到表缺少第 2 期", Text(returned, "review-reason"));
        Assert.Contains("被上级退回：培训签到表缺少第 2 期", (await clerkLater.GetPageAsync("/notifications")).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(clerkLater, jiyuan, 2023, "62", ("培训签到表（补）.pdf", Pdf))).StatusCode);
        var corrected = Card(await clerkLater.GetPageAsync("/indicators?year=2023"));
        Assert.Equal("达到", Text(corrected, "verdict"));
        Assert.Equal("已提交", Text(corrected, "status"));
        Assert.Equal("逾期 5 天", Text(corrected, "timeliness"));

        // The returned report is no longer the one under review; the correction is accepted.
        using var provinceLater = await portal.SignedInClientAsync("ha.reviewer");
        var stale = await ReviewAsync(provinceLater, jiyuan, "accept", first);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("已重新报送", (await PortalClient.ParseAsync(stale)).QuerySelector("[data-testid=reasons]")!.TextContent);
        var second = await LatestIdAsync(jiyuan, 2023);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(provinceLater, jiyuan, "accept", second)).StatusCode);
        Assert.Equal("已接收", Text(Row(await provinceLater.GetPageAsync("/indicators/review?year=2023"), "review-row", jiyuan), "status"));
        Assert.Contains("已被上级接收", (await clerkLater.GetPageAsync("/notifications")).QuerySelector("main")!.TextContent);

        // Undone with a reason, then accepted again.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ReviewAsync(provinceLater, jiyuan, "undo-accept", second, "")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(provinceLater, jiyuan, "undo-accept", second, "误点接收，需核对第 3 期名单")).StatusCode);
        var undone = Card(await clerkLater.GetPageAsync("/indicators?year=2023"));
        Assert.Equal("已提交", Text(undone, "status"));
        Assert.Contains("误点接收", Text(undone, "review-reason"));
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(provinceLater, jiyuan, "accept", second)).StatusCode);

        // The roll-up of 河南 shows the accepted figure as late, against the target.
        var rollup = await provinceLater.GetPageAsync("/indicators/rollup?year=2023");
        var line = Row(rollup, "rollup-row", jiyuan);
        Assert.Equal("62 人", Text(line, "figure"));
        Assert.Equal("达到", Text(line, "verdict"));
        Assert.Equal("已接收", Text(line, "status"));
        Assert.Equal("逾期 5 天", Text(line, "timeliness"));
        Assert.Contains("逾期 1", rollup.QuerySelector("[data-testid=counts]")!.TextContent);

        await using var check = portal.CreateDbContext();
        var reports = await check.IndicatorReports.AsNoTracking().Where(r => r.RegionId == jiyuan && r.Year == 2023 && r.TaskId == Training).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([ReviewStatus.Returned, ReviewStatus.Accepted], reports.Select(r => r.Status));
        Assert.Equal([0, 5], reports.Select(r => r.DaysLate));
        Assert.All(reports, r => Assert.Equal(new DateOnly(2023, 12, 31), r.DueDate));
        Assert.Equal("ha.reviewer（河南省）", reports[1].ReviewedBy);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == AuditActions.IndicatorReturned && a.UserName == "ha.reviewer" && a.Details!.Contains("培训签到表缺少第 2 期")));
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == AuditActions.IndicatorAccepted && a.UserName == "ha.reviewer"));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == AuditActions.IndicatorAcceptanceUndone && a.Details!.Contains("误点接收")));
    }

    [Fact]
    public async Task AfterTheDueDate_AReportIsRefused_UntilTheLevelAboveGrantsAnExtension()
    {
        portal.Clock.Set(2023, 1, 10);
        var jiyuan = await PlanAsync();
        using var clerk = await portal.SignedInClientAsync("jy.clerk");
        await using var db = portal.CreateDbContext();
        var count = await db.IndicatorReports.CountAsync();

        var page = Card(await clerk.GetPageAsync("/indicators?year=2022"));
        Assert.Contains("已过截止日期 2022-12-31", Text(page, "late-refusal"));
        Assert.Null(page.QuerySelector("[data-testid=report-form]"));
        var late = await ReportAsync(clerk, jiyuan, 2022, "65", ("培训签到表.pdf", Pdf));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("报送期限：已过截止日期 2022-12-31，不能再报送", (await PortalClient.ParseAsync(late)).QuerySelector("[data-testid=reasons]")!.TextContent);
        Assert.Equal(count, await db.IndicatorReports.CountAsync());

        using var province = await portal.SignedInClientAsync("ha.reviewer");
        var token = await province.TokenFromAsync("/notifications");
        (string, string)[] extension = [("year", "2022"), ("jurisdictionRegionId", jiyuan.ToString()), ("taskId", Training), ("newDate", "2023-01-20")];
        var noReason = await province.PostAsync($"/indicators/{jiyuan}/extend", token, [.. extension, ("reason", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("延期原因：必填", (await PortalClient.ParseAsync(noReason)).QuerySelector("[data-testid=reasons]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await province.PostAsync($"/indicators/{jiyuan}/extend", token, [.. extension, ("reason", "第 3 期培训结业考核推迟")])).StatusCode);

        var extended = Card(await clerk.GetPageAsync("/indicators?year=2022"));
        Assert.Equal("2023-01-20（已延期，原期限 2022-12-31）", Text(extended, "due"));
        Assert.Contains("报送期限已延至 2023-01-20", (await clerk.GetPageAsync("/notifications")).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(clerk, jiyuan, 2022, "65", ("培训签到表.pdf", Pdf))).StatusCode);
        var onTime = Card(await clerk.GetPageAsync("/indicators?year=2022"));
        Assert.Equal("已提交", Text(onTime, "status"));
        Assert.Equal("按时", Text(onTime, "timeliness"));
        var report = await db.IndicatorReports.AsNoTracking().Where(r => r.RegionId == jiyuan && r.Year == 2022 && r.TaskId == Training).OrderByDescending(r => r.Id).FirstAsync();
        Assert.Equal(new DateOnly(2023, 1, 20), report.DueDate);
        Assert.Equal(0, report.DaysLate);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.TaskDeadlineExtended && a.UserName == "ha.reviewer" && a.Details!.Contains("第 3 期培训结业考核推迟")));
    }

    [Fact]
    public async Task OnlyTheReviewersOfTheLevelAbove_Review_OthersAreRefused_AndNothingChanges()
    {
        // 2024 lies past the plan's period: the plan keeps its yearly target there, without dated deadlines.
        portal.Clock.Set(2024, 6, 1);
        var jiyuan = await PlanAsync();
        using var clerk = await portal.SignedInClientAsync("jy.clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(clerk, jiyuan, 2024, "70", ("培训签到表.pdf", Pdf))).StatusCode);
        var id = await LatestIdAsync(jiyuan, 2024);

        using var ownReviewer = await portal.SignedInClientAsync("jy.reviewer");
        using var tangshan = await portal.SignedInClientAsync("ts.reviewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviewAsync(ownReviewer, jiyuan, "accept", id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviewAsync(clerk, jiyuan, "accept", id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviewAsync(ownReviewer, jiyuan, "return", id, "越级退回")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewAsync(tangshan, jiyuan, "accept", id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewAsync(tangshan, jiyuan, "return", id, "越权退回")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Http.GetAsync("/indicators/review?year=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tangshan.Http.GetAsync($"/indicators/review?regionId={jiyuan}&year=2024")).StatusCode);
        var extend = await ownReviewer.PostAsync($"/indicators/{jiyuan}/extend", await ownReviewer.TokenFromAsync("/notifications"),
            ("year", "2024"), ("jurisdictionRegionId", jiyuan.ToString()), ("taskId", Training), ("newDate", "2024-07-31"), ("reason", "越级延期"));
        Assert.Equal(HttpStatusCode.Forbidden, extend.StatusCode);

        // 济源's own reviewer reads the roll-up of its region, not the review of 河南's regions; the province acts.
        var rollup = await ownReviewer.GetPageAsync("/indicators/rollup?year=2024");
        Assert.Equal("已提交", Text(Row(rollup, "rollup-row", jiyuan), "status"));
        var own = await ownReviewer.GetPageAsync("/indicators/review?year=2024");
        Assert.NotNull(own.QuerySelector("[data-testid=no-indicators]"));
        Assert.Empty((await tangshan.GetPageAsync("/indicators/rollup?year=2024")).QuerySelectorAll($"[data-testid=rollup-row][data-region='{jiyuan}']"));

        await using var db = portal.CreateDbContext();
        var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(ReviewStatus.Submitted, report.Status);
        Assert.Null(report.ReviewedBy);
        Assert.Equal(0, await db.TaskDeadlineExtensions.CountAsync(e => e.RegionId == jiyuan && e.Year == 2024));
    }
}

public sealed class SqliteIndicatorReviewTests(SqlitePortal portal) : IndicatorReviewTests<SqlitePortal>(portal);

public sealed class PostgresIndicatorReviewTests(PostgresPortal portal) : IndicatorReviewTests<PostgresPortal>(portal);
