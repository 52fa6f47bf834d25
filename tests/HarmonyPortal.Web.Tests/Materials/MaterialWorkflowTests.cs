using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HarmonyPortal.Web.Tests.Materials.MaterialFlow;

namespace HarmonyPortal.Web.Tests.Materials;

/// <summary>
/// 材料报送 on 山西's plan: 忻州's clerk submits the 三年行动总结材料 and the 专题情况报告 (2023), the province's reviewer
/// returns them, they come back late and are accepted, and the province's roll-up shows them late. Each test uses its
/// own year or task so the order of the tests does not matter.
/// </summary>
public abstract class MaterialWorkflowTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Summary = "three-year-summary";
    private const string TopicReport = "wage-guidance-topic-report";
    private const string PrivateExperience = "wage-guidance-private-experience";
    private const string StateOwnedExperience = "wage-guidance-state-owned-experience";

    private Task<PortalClient> At(DateOnly day, string user)
    {
        portal.Clock.Set(day.Year, day.Month, day.Day);
        return portal.SignedInClientAsync(user);
    }

    private static AngleSharp.Dom.IElement Row(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        page.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"no {selector} on the page: {page.QuerySelector("main")?.TextContent}");

    [Fact]
    public async Task ShanxiSummaryAndTopicReport_SubmittedReturnedResubmittedLateAndAccepted_TheProvincesRollupShowsThemLate()
    {
        var sx = await portal.RegionIdAsync("140000");
        var xz = await portal.RegionIdAsync("140900");
        foreach (var (task, due, kind) in new[] { (Summary, new DateOnly(2023, 8, 31), "总结材料"), (TopicReport, new DateOnly(2023, 9, 20), "专题情况报告") })
        {
            using var clerk = await At(due.AddDays(-6), "xz.clerk");
            var card = Row(await clerk.GetPageAsync("/materials?year=2023"), $"[data-testid=material-task][data-task={task}]");
            Assert.Contains(kind, card.TextContent);
            Assert.Contains($"{due:yyyy-MM-dd}（依据：", card.QuerySelector("[data-testid=due]")!.TextContent);
            Assert.Equal("未提交", card.QuerySelector("[data-testid=status]")!.TextContent);

            var id = IdOf(await CreateAsync(clerk, xz, 2023, sx, task, $"忻州市{kind}", "三年来全市劳动关系协调员队伍建设情况", ("忻州市总结.pdf", Pdf)));
            await DoneAsync(StepAsync(clerk, id, "submit", ("confirmed", "true")));
            var submitted = await clerk.GetPageAsync($"/materials/{id}");
            Assert.Equal("已提交", submitted.QuerySelector("[data-testid=status]")!.TextContent);
            Assert.Equal("按时", submitted.QuerySelector("[data-testid=timeliness]")!.TextContent);

            using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
            var row = Row(await reviewer.GetPageAsync("/materials/review?year=2023"), $"[data-testid=review-task][data-task={task}] [data-testid=region-row][data-region='140900']");
            Assert.Equal("已提交", row.QuerySelector("[data-testid=status]")!.TextContent);
            Assert.Equal("按时", row.QuerySelector("[data-testid=timeliness]")!.TextContent.Trim());
            await DoneAsync(StepAsync(reviewer, id, "return", ("reason", "请补充2023年上半年协调员培训数据"), ("confirmed", "true")));
            var returned = Row(await clerk.GetPageAsync("/materials?year=2023"), $"[data-testid=material-task][data-task={task}]");
            Assert.Equal("已退回", returned.QuerySelector("[data-testid=status]")!.TextContent);
            Assert.Contains("请补充2023年上半年协调员培训数据", returned.QuerySelector("[data-testid=materials]")!.TextContent);

            // Five days after the due date the corrected material comes back: allowed because it was returned, marked late.
            using var lateClerk = await At(due.AddDays(5), "xz.clerk");
            await DoneAsync(EditAsync(lateClerk, id, await VersionAsync(lateClerk, id), $"忻州市{kind}（修订）", "补充了上半年培训数据", [], ("培训数据.png", Png)));
            await DoneAsync(StepAsync(lateClerk, id, "submit", ("confirmed", "true")));
            using var lateReviewer = await portal.SignedInClientAsync("sx.reviewer");
            Assert.Equal("逾期 5 天", (await lateReviewer.GetPageAsync($"/materials/{id}")).QuerySelector("[data-testid=timeliness]")!.TextContent);
            await DoneAsync(StepAsync(lateReviewer, id, "accept", ("confirmed", "true")));

            var rollup = Row(await lateReviewer.GetPageAsync("/materials/rollup?year=2023"), $"[data-testid=rollup-row][data-region='140900'][data-task={task}]");
            Assert.Equal("已接收", rollup.QuerySelector("[data-testid=status]")!.TextContent);
            Assert.Equal("逾期 5 天", rollup.QuerySelector("[data-testid=timeliness]")!.TextContent.Trim());
            Assert.Contains("忻州市", rollup.TextContent);

            await using var db = portal.CreateDbContext();
            var saved = await db.MaterialSubmissions.AsNoTracking().Include(m => m.Events).Include(m => m.Files).SingleAsync(m => m.Id == id);
            Assert.Equal((ReviewStatus.Accepted, due, 5, 2), (saved.Status, saved.DueDate!.Value, saved.DaysLate, saved.Files.Count));
            Assert.Equal([MaterialAction.Created, MaterialAction.Submitted, MaterialAction.Returned, MaterialAction.Edited, MaterialAction.FileAdded, MaterialAction.Submitted, MaterialAction.Accepted],
                saved.Events.OrderBy(e => e.Id).Select(e => e.Action));
            var audits = await db.AuditEntries.AsNoTracking().Where(a => a.ObjectType == "material" && a.ObjectId == id.ToString()).Select(a => a.Action).ToListAsync();
            Assert.Equal(2, audits.Count(a => a == AuditActions.MaterialSubmitted));
            Assert.Contains(AuditActions.MaterialReturned, audits);
            Assert.Contains(AuditActions.MaterialAccepted, audits);
            // The province's reviewers heard of both submissions, 忻州's clerks of the return and the acceptance.
            var notified = await db.Notifications.AsNoTracking().Where(n => n.Link == $"/materials/{id}")
                .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Title }).ToListAsync();
            Assert.Equal(2, notified.Count(n => n.UserName == "sx.reviewer" && n.Title.Contains("请审核")));
            Assert.Contains(notified, n => n.UserName == "xz.clerk" && n.Title.Contains("被退回：请补充"));
            Assert.Contains(notified, n => n.UserName == "xz.clerk" && n.Title.Contains("已被上级接收"));
        }

        using var province = await portal.SignedInClientAsync("sx.reviewer");
        var counts = (await province.GetPageAsync("/materials/rollup?year=2023")).QuerySelector("[data-testid=counts]")!;
        Assert.Equal("2/3", counts.QuerySelector("[data-testid=submitted]")!.TextContent);
        Assert.Equal("0", counts.QuerySelector("[data-testid=on-time]")!.TextContent);
        Assert.Equal("2", counts.QuerySelector("[data-testid=late]")!.TextContent);
    }

    [Fact]
    public async Task BadFiles_AndMissingTitle_AreRefusedInChineseNamingTheFile_AndNothingIsSaved()
    {
        var sx = await portal.RegionIdAsync("140000");
        var xz = await portal.RegionIdAsync("140900");
        using var clerk = await At(new DateOnly(2023, 9, 1), "xz.clerk");
        await using var db = portal.CreateDbContext();
        var (materials, files) = (await db.MaterialSubmissions.CountAsync(), await db.MaterialFiles.CountAsync());

        Task<HttpResponseMessage> Create(string title, params (string, byte[])[] posted) =>
            CreateAsync(clerk, xz, 2023, sx, PrivateExperience, title, "民营企业薪酬分配示范做法", posted);

        Assert.Contains("附件“经验做法.pdf”：文件内容不是 PDF、JPG、PNG、DOCX、DOC、WPS、XLS、XLSX 之一", await RefusedAsync(Create("经验做法", ("经验做法.pdf", "这是一段纯文本"u8.ToArray()))));
        Assert.Contains("附件“带脚本.pdf”：", await RefusedAsync(Create("经验做法", ("带脚本.pdf", ScriptedPdf))));
        Assert.Contains("打开时可能执行脚本", await RefusedAsync(Create("经验做法", ("带脚本.pdf", ScriptedPdf))));
        var big = new byte[(int)Core.Nominations.EvidenceFile.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        Assert.Contains("附件“扫描件.pdf”：大小 5.0 MB，超过上限 5 MB", await RefusedAsync(Create("经验做法", ("扫描件.pdf", big))));
        var eleven = Enumerable.Range(1, 11).Select(i => ($"第{i}家企业.pdf", Pdf)).ToArray();
        Assert.Contains("附件：每份材料最多 10 个文件，本次选择了 11 个", await RefusedAsync(Create("经验做法", eleven)));
        Assert.Contains("附件：请上传至少 1 个文件", await RefusedAsync(Create("经验做法")));
        var response = await Create("  ", ("经验做法.pdf", Pdf));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var form = Row(page, $"[data-testid=material-task][data-task={PrivateExperience}]");
        Assert.Contains("标题：必填", form.QuerySelector("[data-testid=reasons]")!.TextContent);
        Assert.Equal("民营企业薪酬分配示范做法", form.QuerySelector("textarea[name=summary]")!.TextContent);

        Assert.Equal((materials, files), (await db.MaterialSubmissions.CountAsync(), await db.MaterialFiles.CountAsync()));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.MaterialCreated && a.Details!.Contains("民营企业")));
    }

    [Fact]
    public async Task AfterTheDeadline_SubmissionIsRefused_UntilTheProvinceExtendsIt_ThenItIsOnTime()
    {
        var sx = await portal.RegionIdAsync("140000");
        var xz = await portal.RegionIdAsync("140900");
        using var early = await At(new DateOnly(2021, 12, 20), "xz.clerk");
        var id = IdOf(await CreateAsync(early, xz, 2021, sx, StateOwnedExperience, "国有企业薪酬改革经验（2021）", "", ("经验.pdf", Pdf)));

        using var clerk = await At(new DateOnly(2022, 1, 10), "xz.clerk");
        Assert.Contains("报送期限：截止日期 2021-12-31 已过（今天 2022-01-10），不能提交", await RefusedAsync(StepAsync(clerk, id, "submit", ("confirmed", "true"))));
        await using var db = portal.CreateDbContext();
        Assert.Equal(ReviewStatus.Draft, (await db.MaterialSubmissions.AsNoTracking().SingleAsync(m => m.Id == id)).Status);

        using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
        var token = await reviewer.TokenFromAsync("/materials/review?year=2021");
        (string, string)[] extension = [("regionId", xz.ToString()), ("jurisdictionRegionId", sx.ToString()), ("taskId", StateOwnedExperience), ("year", "2021")];
        var noReason = await RefusedAsync(reviewer.PostAsync("/materials/review/extend", token, [.. extension, ("newDate", "2022-01-20"), ("reason", "")]));
        Assert.Contains("延期原因：必填", noReason);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync("/materials/review/extend", token, [.. extension, ("newDate", "2022-01-20"), ("reason", "企业数据核对需时")])).StatusCode);
        var row = Row(await reviewer.GetPageAsync("/materials/review?year=2021"), $"[data-testid=review-task][data-task={StateOwnedExperience}] [data-testid=region-row][data-region='140900']");
        Assert.Contains("2022-01-20（已延期，原期限 2021-12-31）", row.QuerySelector("[data-testid=due]")!.TextContent);

        await DoneAsync(StepAsync(clerk, id, "submit", ("confirmed", "true")));
        var saved = await db.MaterialSubmissions.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal((ReviewStatus.Submitted, new DateOnly(2022, 1, 20), 0), (saved.Status, saved.DueDate!.Value, saved.DaysLate));
        Assert.Equal("按时", (await clerk.GetPageAsync($"/materials/{id}")).QuerySelector("[data-testid=timeliness]")!.TextContent);
    }

    [Fact]
    public async Task OnlyTheRegionsClerkAndTheParentsReviewersAct_StaleFormsAreRefused_WithdrawDeleteAndUndoNeedReasonsOrConfirmation()
    {
        var sx = await portal.RegionIdAsync("140000");
        var xz = await portal.RegionIdAsync("140900");
        using var clerk = await At(new DateOnly(2022, 12, 1), "xz.clerk");
        var id = IdOf(await CreateAsync(clerk, xz, 2022, sx, StateOwnedExperience, "国有企业薪酬改革经验（2022）", "第一稿", ("经验.pdf", Pdf)));
        await DoneAsync(EditAsync(clerk, id, 0, "国有企业薪酬改革经验（2022）", "第二稿", []));
        Assert.Contains("已被修改", await RefusedAsync(EditAsync(clerk, id, 0, "过期表单的标题", "过期表单", [])));
        await using var db = portal.CreateDbContext();
        Assert.Equal("第二稿", (await db.MaterialSubmissions.AsNoTracking().SingleAsync(m => m.Id == id)).Summary);
        var fileId = await db.MaterialFiles.Where(f => f.SubmissionId == id).Select(f => f.Id).SingleAsync();

        using var tangshan = await portal.SignedInClientAsync("ts.clerk");
        using var county = await portal.SignedInClientAsync("xzxf.clerk");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var provinceAdmin = await portal.SignedInClientAsync("sx.admin");
        foreach (var outsider in new[] { tangshan, county })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/materials/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/materials/files/{fileId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/materials/{id}/submit", await outsider.TokenFromAsync("/notifications"), ("version", "1"), ("confirmed", "true"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await province.PostAsync($"/materials/{id}/submit", await province.TokenFromAsync("/notifications"), ("version", "1"), ("confirmed", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Http.GetAsync("/materials/review?year=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SignedInClientAsync("ts.reviewer")).Http.GetAsync($"/materials/review?regionId={sx}&year=2022")).StatusCode);

        // Submitted, withdrawn (a reason and a confirmation required), submitted again.
        await DoneAsync(StepAsync(clerk, id, "submit", ("confirmed", "true")));
        Assert.Contains("撤回原因：必填", await RefusedAsync(StepAsync(clerk, id, "withdraw", ("reason", " "), ("confirmed", "true"))));
        Assert.Contains("确认：请勾选“确认撤回”", await RefusedAsync(StepAsync(clerk, id, "withdraw", ("reason", "附件版本有误"))));
        await DoneAsync(StepAsync(clerk, id, "withdraw", ("reason", "附件版本有误"), ("confirmed", "true")));
        Assert.Contains("附件版本有误", (await clerk.GetPageAsync($"/materials/{id}")).QuerySelector("[data-testid=history]")!.TextContent);
        await DoneAsync(StepAsync(clerk, id, "submit", ("confirmed", "true")));

        // 忻州's own reviewer and the province's admin are not the level that reviews 忻州: refused, nothing changes.
        var version = await VersionAsync(clerk, id);
        foreach (var notParent in new[] { city, provinceAdmin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await notParent.PostAsync($"/materials/{id}/accept", await notParent.TokenFromAsync("/notifications"), ("version", version.ToString()), ("confirmed", "true"))).StatusCode);
        }

        Assert.Equal(ReviewStatus.Submitted, (await db.MaterialSubmissions.AsNoTracking().SingleAsync(m => m.Id == id)).Status);
        await DoneAsync(StepAsync(province, id, "accept", ("confirmed", "true")));
        Assert.Contains("撤销原因：必填", await RefusedAsync(StepAsync(province, id, "undo-accept", ("reason", ""), ("confirmed", "true"))));
        await DoneAsync(StepAsync(province, id, "undo-accept", ("reason", "误点接收，需重新核对"), ("confirmed", "true")));
        Assert.Equal("已提交", (await province.GetPageAsync($"/materials/{id}")).QuerySelector("[data-testid=status]")!.TextContent);

        // The province downloads the file: no caching, audited.
        var download = await province.Http.GetAsync($"/materials/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.True(download.Headers.CacheControl!.NoStore);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.MaterialFileDownloaded && a.UserName == "sx.reviewer" && a.ObjectId == id.ToString()));

        // A second draft is deleted only when confirmed.
        var draft = IdOf(await CreateAsync(clerk, xz, 2022, sx, StateOwnedExperience, "第二批经验（草稿）", "", ("经验.pdf", Pdf)));
        Assert.Contains("确认：请勾选“确认删除”", await RefusedAsync(StepAsync(clerk, draft, "delete")));
        await DoneAsync(StepAsync(clerk, draft, "delete", ("confirmed", "true")));
        Assert.False(await db.MaterialSubmissions.AnyAsync(m => m.Id == draft));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.MaterialDeleted && a.ObjectId == draft.ToString()));
    }

    [Fact]
    public async Task ADeletedDraft_GoesToTheRecycleBin_OnlyItsClerkRestoresIt_AndItIsPurgedAfterTheRetention()
    {
        var sx = await portal.RegionIdAsync("140000");
        var xz = await portal.RegionIdAsync("140900");
        using var clerk = await At(new DateOnly(2021, 11, 1), "xz.clerk");
        var draft = IdOf(await CreateAsync(clerk, xz, 2021, sx, StateOwnedExperience, "国企改革经验（草稿）", "", ("经验.pdf", Pdf)));
        await DoneAsync(StepAsync(clerk, draft, "delete", ("confirmed", "true")));

        // Gone from the material pages and counts, listed in the recycle bin with the date it can be restored until.
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Http.GetAsync($"/materials/{draft}")).StatusCode);
        var page = await clerk.GetPageAsync("/materials?year=2021");
        var bin = Row(page, $"[data-testid=deleted-material][data-id='{draft}']");
        Assert.Contains("国企改革经验（草稿）", bin.TextContent);
        Assert.Contains("2021-12-01", bin.TextContent);
        Assert.DoesNotContain("国企改革经验（草稿）", page.QuerySelector($"[data-testid=material-task][data-task={StateOwnedExperience}]")!.TextContent);

        // Only the region's clerk restores it: the reviewer above is refused (403), another city does not see it (404).
        var token = await clerk.TokenFromAsync("/notifications");
        using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"/materials/{draft}/restore", await reviewer.TokenFromAsync("/notifications"), [])).StatusCode);
        await DoneAsync(clerk.PostAsync($"/materials/{draft}/restore", token, []));
        var restored = await clerk.GetPageAsync($"/materials/{draft}");
        Assert.Equal("草稿", restored.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Contains("从回收站恢复", restored.QuerySelector("[data-testid=history]")!.TextContent);

        // Deleted again and left: after the 30 days it can no longer be restored, and the purge removes it with its file.
        await DoneAsync(StepAsync(clerk, draft, "delete", ("confirmed", "true")));
        using var late = await At(new DateOnly(2021, 12, 2), "xz.clerk");
        var refused = await late.PostAsync($"/materials/{draft}/restore", await late.TokenFromAsync("/notifications"), []);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("删除已超过回收站保留期 30 天，不能恢复", (await late.GetPageAsync("/materials?year=2021")).QuerySelector("main")!.TextContent);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Features.Ledgers.RecycleBin.RecycleBinPurge>().RunAsync(new DateTime(2021, 12, 2, 12, 0, 0, DateTimeKind.Utc), CancellationToken.None) >= 1);
        }

        await using var db = portal.CreateDbContext();
        Assert.False(await db.MaterialSubmissions.IgnoreQueryFilters().AnyAsync(m => m.Id == draft));
        Assert.False(await db.MaterialFiles.AnyAsync(f => f.SubmissionId == draft));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.MaterialPurged && a.ObjectId == draft.ToString()));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.MaterialRestored && a.ObjectId == draft.ToString()));
    }
}

public sealed class SqliteMaterialWorkflowTests(SqlitePortal portal) : MaterialWorkflowTests<SqlitePortal>(portal);

public sealed class PostgresMaterialWorkflowTests(PostgresPortal portal) : MaterialWorkflowTests<PostgresPortal>(portal);
