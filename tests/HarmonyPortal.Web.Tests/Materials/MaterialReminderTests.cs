using System.Text.Json.Nodes;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Materials.Reminders;
using HarmonyPortal.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Materials;

/// <summary>
/// Reminders of materials and indicator figures (issue 18), 7, 3 and 1 days before the date in force: 山西's cities owe
/// the 三年行动总结材料 by 2023-08-31 and the 专题情况报告 by 2023-09-20; 济源 its training figure (a date this test adds).
/// The region's clerks get a notification, the lead unit's contact (else every unit's) an email.
/// </summary>
public abstract class MaterialReminderTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : MailPortal
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(15);

    private async Task<int> RemindAsync(int year, int month, int day)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MaterialReminders>().RunAsync(new DateOnly(year, month, day), CancellationToken.None);
    }

    /// <summary>The titles of the notifications <paramref name="userName"/> got about the task, oldest first.</summary>
    private async Task<List<string>> TitlesAsync(string userName, string taskName)
    {
        var user = await portal.UserIdAsync(userName);
        await using var db = portal.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == user && n.Title.Contains(taskName)).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync();
    }

    private async Task SetContactAsync(string regionCode, string unit, string? name, string? email)
    {
        var regionId = await portal.RegionIdAsync(regionCode);
        await using var db = portal.CreateDbContext();
        await db.MemberUnits.Where(u => u.RegionId == regionId && u.ShortName == unit)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ContactName, name).SetProperty(u => u.ContactEmail, email));
    }

    /// <summary>A material of 忻州市 for one of 山西's tasks of 2023, in the given state, as the materials pages would store it.</summary>
    private async Task<long> AddMaterialAsync(string taskId, ReviewStatus status)
    {
        await using var db = portal.CreateDbContext();
        var shanxi = await portal.RegionIdAsync("140000");
        var version = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == shanxi).OrderByDescending(v => v.Version).FirstAsync();
        var material = new MaterialSubmission
        {
            RegionId = await portal.RegionIdAsync("140900"), JurisdictionRegionId = shanxi, TaskId = taskId, Year = 2023, RuleSetVersionId = version.Id,
            TaskName = taskId, Kind = MaterialKind.TopicReport, Title = "忻州市专题情况报告", Summary = "摘要", Status = status,
            CreatedById = await portal.UserIdAsync("xz.clerk"), CreatedBy = "xz.clerk", CreatedAtUtc = DateTime.UtcNow,
            SubmittedAtUtc = status == ReviewStatus.Draft ? null : DateTime.UtcNow, SubmittedBy = status == ReviewStatus.Draft ? null : "xz.clerk",
        };
        db.MaterialSubmissions.Add(material);
        await db.SaveChangesAsync();
        return material.Id;
    }

    /// <summary>Submitted (if it was a draft) and then reviewed: accepted or returned.</summary>
    private async Task SetMaterialStatusAsync(long id, ReviewStatus status)
    {
        await using var db = portal.CreateDbContext();
        await db.MaterialSubmissions.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status)
            .SetProperty(m => m.SubmittedAtUtc, m => m.SubmittedAtUtc ?? DateTime.UtcNow).SetProperty(m => m.SubmittedBy, "xz.clerk"));
    }

    [Fact]
    public async Task ThreeYearSummary_RemindsXinzhousClerks7_3And1DaysBefore_OnceADay_AndEmailsTheLeadUnitsContactOnly()
    {
        const string task = "三年行动总结材料报省";
        await SetContactAsync("140900", "人社局", "张忻", "xzrsj@example.cn");
        await SetContactAsync("140900", "总工会", "李工", "xzgh@example.cn");

        foreach (var (month, day) in new[] { (8, 23), (8, 24), (8, 24), (8, 25), (8, 28), (8, 30), (8, 31) })
        {
            await RemindAsync(2023, month, day);
        }

        Assert.Equal(
        [
            $"2023 年度材料“{task}”还有 7 天截止（2023-08-31），忻州市尚未提交",
            $"2023 年度材料“{task}”还有 3 天截止（2023-08-31），忻州市尚未提交",
            $"2023 年度材料“{task}”还有 1 天截止（2023-08-31），忻州市尚未提交",
        ], await TitlesAsync("xz.clerk", task));
        Assert.Empty(await TitlesAsync("xzxf.clerk", task)); // the counties owe nothing: the cities report to the province
        Assert.Empty(await TitlesAsync("xz.reviewer", task));

        // Emails go one after another: once the last has arrived, the earlier ones (and any duplicate) would have too.
        var last = await portal.WaitForMailAsync(m => m.Subject.Contains(task) && m.Subject.Contains("还有 1 天"), MailWait);
        Assert.Equal(["xzrsj@example.cn"], last.Recipients);
        Assert.Contains("张忻（人社局）：您好！", last.Body);
        Assert.Contains(MailPortal.PublicBaseUrl + "/materials?regionId=", last.Body);
        var sent = portal.Smtp.Received.Where(m => m.Subject.Contains(task)).ToList();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, m => Assert.Equal(["xzrsj@example.cn"], m.Recipients));

        await using var db = portal.CreateDbContext();
        var xinzhou = await portal.RegionIdAsync("140900");
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.TaskReminderEmailed && a.RegionId == xinzhou && a.Details!.Contains(task)).ToListAsync();
        Assert.Equal(3, audited.Count);
        Assert.All(audited, a => Assert.Contains("人社局 x***@example.cn", a.Details));
        Assert.All(audited, a => Assert.DoesNotContain("xzrsj@", a.Details));
    }

    [Fact]
    public async Task TopicReports_AreNotRemindedOnceSubmittedOrAccepted_ButAgainWhenReturned()
    {
        const string topic = "重点群体薪酬分配指导专题情况报告";
        const string experience = "民营企业薪酬分配示范经验做法";
        var draft = await AddMaterialAsync("wage-guidance-topic-report", ReviewStatus.Draft);
        await AddMaterialAsync("wage-guidance-private-experience", ReviewStatus.Submitted);

        // Both are due 2023-09-20. A draft is nothing sent: reminded; a submitted experience is not.
        await RemindAsync(2023, 9, 13);
        Assert.Equal([$"2023 年度材料“{topic}”还有 7 天截止（2023-09-20），忻州市尚未提交"], await TitlesAsync("xz.clerk", topic));
        Assert.Empty(await TitlesAsync("xz.clerk", experience));

        // Accepted: nothing to remind of.
        await SetMaterialStatusAsync(draft, ReviewStatus.Accepted);
        await RemindAsync(2023, 9, 17);
        Assert.Single(await TitlesAsync("xz.clerk", topic));

        // Returned by the province: reminded again, saying so.
        await SetMaterialStatusAsync(draft, ReviewStatus.Returned);
        await RemindAsync(2023, 9, 19);
        var titles = await TitlesAsync("xz.clerk", topic);
        Assert.Equal(2, titles.Count);
        Assert.Equal($"2023 年度材料“{topic}”还有 1 天截止（2023-09-20），忻州市已被退回、尚未重新提交", titles[1]);
        Assert.Empty(await TitlesAsync("xz.clerk", experience));
    }

    [Fact]
    public async Task AnExtension_MovesTheReminders_ToItsOwnDate_EvenIntoTheNextYear()
    {
        const string task = "国有企业市场化薪酬分配机制改革经验做法";
        await using (var db = portal.CreateDbContext())
        {
            db.TaskDeadlineExtensions.Add(new TaskDeadlineExtension
            {
                RegionId = await portal.RegionIdAsync("140900"), JurisdictionRegionId = await portal.RegionIdAsync("140000"),
                TaskId = "wage-guidance-state-owned-experience", Year = 2022, NewDate = new DateOnly(2023, 1, 10), Reason = "年底集中审计",
                GrantedBy = "sx.reviewer", GrantedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        // The plan's date (2022-12-31) no longer counts for 忻州市; the extension's does.
        await RemindAsync(2022, 12, 24);
        await RemindAsync(2022, 12, 30);
        Assert.Empty(await TitlesAsync("xz.clerk", task));

        await RemindAsync(2023, 1, 3);
        Assert.Equal([$"2022 年度材料“{task}”还有 7 天截止（2023-01-10），忻州市尚未提交"], await TitlesAsync("xz.clerk", task));
        var user = await portal.UserIdAsync("xz.clerk");
        await using var check = portal.CreateDbContext();
        var body = await check.Notifications.AsNoTracking().Where(n => n.UserId == user && n.Title.Contains(task)).Select(n => n.Body).SingleAsync();
        Assert.Contains("2023-01-10（已延期，原期限 2022-12-31）", body);
    }

    [Fact]
    public async Task JiyuansTrainingFigure_IsRemindedUntilReported_AndEmailsEveryUnitWhenTheLeadHasNoAddress()
    {
        const string label = "劳动关系协调员培训人数";
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        int versionId;
        await using (var db = portal.CreateDbContext())
        {
            // 济源's plan names no date for its figure; a new version gives it one.
            var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan).OrderByDescending(v => v.Version).FirstAsync();
            var plan = JsonNode.Parse(latest.Json)!.AsObject();
            var training = plan["tasks"]!.AsArray().First(t => (string?)t!["id"] == "coordinator-training")!;
            training["deadlines"] = new JsonArray(new JsonObject { ["year"] = 2023, ["date"] = "2023-12-15", ["what"] = "年培训人数报省", ["step"] = "report" });
            var version = new RuleSetVersion
            {
                RegionId = jiyuan, Version = latest.Version + 1, PlanVersion = latest.PlanVersion + 1, FromYear = latest.FromYear, ToYear = latest.ToYear,
                Name = latest.Name, Json = plan.ToJsonString(), CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test", Comment = "指标报送期限",
            };
            db.RuleSetVersions.Add(version);
            await db.SaveChangesAsync();
            versionId = version.Id;
        }

        await SetContactAsync("410000-JY", "总工会", "周工", "jygh@example.cn");
        await SetContactAsync("410000-JY", "工商联", null, "jygsl@example.cn");

        await RemindAsync(2023, 12, 8);
        Assert.Equal([$"2023 年度指标数据“{label}”还有 7 天截止（2023-12-15），济源示范区尚未提交"], await TitlesAsync("jy.clerk", label));
        var toUnion = await portal.WaitForMailAsync(m => m.Subject.Contains(label) && m.Recipients.Contains("jygh@example.cn"), MailWait);
        Assert.Contains("周工（总工会）：您好！", toUnion.Body);
        Assert.Contains(MailPortal.PublicBaseUrl + $"/indicators?regionId={jiyuan}&year=2023", toUnion.Body);
        var toCommerce = await portal.WaitForMailAsync(m => m.Subject.Contains(label) && m.Recipients.Contains("jygsl@example.cn"), MailWait);
        Assert.Contains("工商联联系人：您好！", toCommerce.Body);

        // Reported (the latest report counts): no reminder; its report returned: reminded again.
        long reportId;
        await using (var db = portal.CreateDbContext())
        {
            var report = new IndicatorReport
            {
                RegionId = jiyuan, JurisdictionRegionId = jiyuan, TaskId = "coordinator-training", Year = 2023, RuleSetVersionId = versionId,
                Label = "年培训劳动关系协调员人数", Unit = "人", Value = 45, ReportedById = await portal.UserIdAsync("jy.clerk"), ReportedBy = "jy.clerk",
                ReportedAtUtc = DateTime.UtcNow,
            };
            db.IndicatorReports.Add(report);
            await db.SaveChangesAsync();
            reportId = report.Id;
        }

        await RemindAsync(2023, 12, 12);
        Assert.Single(await TitlesAsync("jy.clerk", label));
        await using (var db = portal.CreateDbContext())
        {
            await db.IndicatorReports.Where(r => r.Id == reportId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewStatus.Returned));
        }

        await RemindAsync(2023, 12, 14);
        var titles = await TitlesAsync("jy.clerk", label);
        Assert.Equal($"2023 年度指标数据“{label}”还有 1 天截止（2023-12-15），济源示范区已被退回、尚未重新提交", Assert.Single(titles.Skip(1)));
    }
}

public sealed class SqliteMaterialReminderTests(SqliteMailPortal portal) : MaterialReminderTests<SqliteMailPortal>(portal);

public sealed class PostgresMaterialReminderTests(PostgresMailPortal portal) : MaterialReminderTests<PostgresMailPortal>(portal);
