using System.Net;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules.Drafts;

/// <summary>Plans written in forms: a draft applies to nothing until it is published; forms refuse at the field and save nothing.</summary>
public abstract class DraftEditorTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static async Task<int> CreateAsync(PortalClient admin, int regionId, int from, int to, string start, params (string, string)[] more)
    {
        var created = await admin.PostAsync("/rules/drafts", await admin.TokenFromAsync($"/rules/drafts/new?regionId={regionId}"),
            [("Input.RegionId", regionId.ToString()), ("Input.FromYear", from.ToString()), ("Input.ToYear", to.ToString()), ("Input.Start", start), .. more]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<RuleSet> DraftAsync(int id)
    {
        await using var db = portal.CreateDbContext();
        return RuleSetReader.Read((await db.RuleSetDrafts.SingleAsync(d => d.Id == id)).Json).RuleSet!;
    }

    [Fact]
    public async Task YueyangCopiesItsPlanIntoTheNextPeriod_DatesMoveWithIt_AndNothingAppliesUntilPublished()
    {
        var yueyang = await portal.RegionIdAsync("430600");
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var old = (await admin.GetPageAsync($"/rules/drafts/new?regionId={yueyang}")).QuerySelector("[data-testid=new-plan]")!;
        Assert.Equal("2024", old.QuerySelector("#Input_FromYear")!.GetAttribute("value"));
        Assert.Contains("复制本地区已有的规划", old.TextContent);

        var id = await CreateAsync(admin, yueyang, 2024, 2026, "CopyPlan");
        var draft = await DraftAsync(id);
        var seed = SeedRuleSets.Load("yueyang-2021.json");

        Assert.Equal(seed.Tasks.Count, draft.Tasks.Count);
        Assert.Equal(seed.Tasks.Sum(t => t.Quotas.Count), draft.Tasks.Sum(t => t.Quotas.Count));
        Assert.All(draft.Tasks.SelectMany(t => t.Deadlines), d => Assert.InRange(d.Date.Year, 2024, 2027));
        Assert.Equal(seed.Tasks.SelectMany(t => t.Deadlines).Select(d => d.Date.AddYears(3)), draft.Tasks.SelectMany(t => t.Deadlines).Select(d => d.Date));
        Assert.Null(draft.DocumentNumber);
        var page = await admin.GetPageAsync($"/rules/drafts/{id}");
        Assert.Contains("复制自2021–2023 年规划 第 1 版", page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent);
        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.RuleSetVersions.AnyAsync(v => v.RegionId == yueyang && v.FromYear == 2024));
        }

        // The same plan asked for again opens the same draft.
        Assert.Equal(id, await CreateAsync(admin, yueyang, 2024, 2026, "CopyPlan"));
    }

    [Fact]
    public async Task ADeadlineOutsideThePeriod_IsRefusedAtTheDateField_NothingSaved_AndAChangedDeadlineIsPublishedAfterConfirmation()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var id = await CreateAsync(admin, shanxi, 2024, 2026, "CopyPlan");
        var before = await DraftAsync(id);
        var token = await admin.TokenFromAsync($"/rules/drafts/{id}/deadlines");

        var outside = await admin.PostAsync($"/rules/drafts/{id}/deadlines", token, ("Input.TaskIndex", "0"), ("Input.Year", "2025"), ("Input.Step", "Submit"), ("Input.Date", "2031-11-15"));
        var notADate = await admin.PostAsync($"/rules/drafts/{id}/deadlines", token, ("Input.TaskIndex", "0"), ("Input.Step", "Submit"), ("Input.Date", "11月15日"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        var page = await PortalClient.ParseAsync(outside);
        Assert.Contains("期限 2031-11-15 不在规划期 2024–2026 年或其次年内", page.QuerySelector("[data-testid=date-error]")!.TextContent);
        Assert.Equal("2031-11-15", page.QuerySelector("#Input_Date")!.GetAttribute("value"));
        Assert.Contains("“11月15日”不是日期", (await PortalClient.ParseAsync(notADate)).QuerySelector("[data-testid=date-error]")!.TextContent);
        Assert.Equal(RuleSetWriter.Write(before), RuleSetWriter.Write(await DraftAsync(id)));

        var added = await admin.PostAsync($"/rules/drafts/{id}/deadlines", token, ("Input.TaskIndex", "0"), ("Input.Year", "2025"), ("Input.Step", "Report"), ("Input.Date", "2025-12-10"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains((await DraftAsync(id)).Tasks[0].Deadlines, d => d is { Year: 2025, Step: DeadlineStep.Report } && d.Date == new DateOnly(2025, 12, 10));

        var unconfirmed = await admin.PostAsync($"/rules/drafts/{id}/publish", await admin.TokenFromAsync($"/rules/drafts/{id}/publish"), ("comment", "第二期"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("请勾选", (await PortalClient.ParseAsync(unconfirmed)).Body!.TextContent);

        var published = await admin.PostAsync($"/rules/drafts/{id}/publish", await admin.TokenFromAsync($"/rules/drafts/{id}/publish"), ("confirmed", "true"), ("comment", "第二期"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("plan=2024", published.Headers.Location!.OriginalString);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.RuleSetDrafts.AnyAsync(d => d.Id == id));
        var version = await db.RuleSetVersions.SingleAsync(v => v.RegionId == shanxi && v.FromYear == 2024);
        Assert.Equal((2026, 1, "第二期"), (version.ToYear, version.PlanVersion, version.Comment));
        Assert.True(await db.RuleSetVersions.AnyAsync(v => v.RegionId == shanxi && v.FromYear == 2021));
    }

    [Fact]
    public async Task TheProvinceGivesACountyWithoutAPlanItsFirstPlan_InForms_AndTheCountyAdminCannotWriteTheCitysPlan()
    {
        var junshan = await portal.RegionIdAsync("430611");
        var yueyang = await portal.RegionIdAsync("430600");
        using var province = await portal.SignedInClientAsync("hn.admin");
        var id = await CreateAsync(province, junshan, 2024, 2026, "Blank", ("Input.Name", "君山区和谐劳动关系三年计划"));
        var token = await province.TokenFromAsync($"/rules/drafts/{id}/tasks");

        var missing = await province.PostAsync($"/rules/drafts/{id}/tasks", token, ("Input.Name", ""), ("Input.Kind", "Honour"), ("Input.Lead", "人社局"), ("Input.HonourCategory", "Coordinator"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("请填写任务名称", (await PortalClient.ParseAsync(missing)).QuerySelector("[data-testid=task-form]")!.TextContent);
        var task = await province.PostAsync($"/rules/drafts/{id}/tasks", token, ("Input.Name", "金牌协调员选树"), ("Input.Kind", "Honour"), ("Input.Lead", "人社局"),
            ("Input.Participants", "总工会"), ("Input.HonourCategory", "Coordinator"), ("Input.SelectingLevel", "County"));
        Assert.Equal(HttpStatusCode.Redirect, task.StatusCode);
        var basics = await province.PostAsync($"/rules/drafts/{id}/basics", await province.TokenFromAsync($"/rules/drafts/{id}"),
            ("Input.Name", "君山区和谐劳动关系三年计划"), ("Input.Source", "君山区实施方案"), ("Input.DocumentNumber", "君人社发〔2024〕1号"), ("Input.ToYear", "2026"),
            ("Input.Issuers", "君山区人力资源和社会保障局"), ("Input.OtherIssuers", "君山区商务局"), ("Input.InheritCriteria", "true"));
        Assert.Equal(HttpStatusCode.Redirect, basics.StatusCode);

        var draft = await DraftAsync(id);
        var honour = Assert.Single(draft.Tasks).Honour!;
        Assert.Equal((GoldCategory.Coordinator, "金牌劳动关系协调员", Core.Regions.RegionLevel.County), (honour.Category!.Value, honour.Title, honour.SelectingLevel));
        Assert.Equal(["君山区人力资源和社会保障局", "君山区商务局"], draft.Issuers);
        Assert.Equal(new Inheritance(true, false, false), draft.Inherits);

        using var countyAdmin = await portal.SignedInClientAsync("yylq.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await countyAdmin.Http.GetAsync($"/rules/drafts/{id}")).StatusCode);
        var refused = await countyAdmin.PostAsync("/rules/drafts", await countyAdmin.TokenFromAsync("/rules/drafts/new"),
            ("Input.RegionId", yueyang.ToString()), ("Input.FromYear", "2030"), ("Input.ToYear", "2032"), ("Input.Start", "Blank"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var published = await province.PostAsync($"/rules/drafts/{id}/publish", await province.TokenFromAsync($"/rules/drafts/{id}/publish"), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var rules = await province.GetPageAsync($"/rules/{junshan}");
        Assert.Contains("君山区和谐劳动关系三年计划", rules.Body!.TextContent);
        Assert.Contains("君人社发〔2024〕1号", rules.Body!.TextContent);
    }

    [Fact]
    public async Task AnEarlierVersionIsRestoredAsTheNewest_WithItsReason_AndNothingIsOverwritten()
    {
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        using var admin = await portal.SignedInClientAsync("jy.admin");
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(1, await db.RuleSetVersions.CountAsync(v => v.RegionId == jiyuan));
        }

        var id = await CreateAsync(admin, jiyuan, 2022, 2023, "CopyPlan");
        var renamed = await admin.PostAsync($"/rules/drafts/{id}/basics", await admin.TokenFromAsync($"/rules/drafts/{id}"),
            ("Input.Name", "济源示范区改名后的规划"), ("Input.Source", "济源"), ("Input.ToYear", "2023"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/rules/drafts/{id}/publish", await admin.TokenFromAsync($"/rules/drafts/{id}/publish"), ("confirmed", "true"))).StatusCode);

        var restorePage = $"/rules/{jiyuan}/versions/1/restore";
        var noReason = await admin.PostAsync(restorePage, await admin.TokenFromAsync(restorePage), ("reason", " "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("恢复原因：必填", (await PortalClient.ParseAsync(noReason)).QuerySelector("[data-testid=restore-errors]")!.TextContent);
        var restored = await admin.PostAsync(restorePage, await admin.TokenFromAsync(restorePage), ("reason", "改名未经三方会签"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);

        await using var check = portal.CreateDbContext();
        var versions = await check.RuleSetVersions.Where(v => v.RegionId == jiyuan).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([1, 2, 3], versions.Select(v => v.PlanVersion));
        Assert.Equal(versions[0].Json, versions[2].Json);
        Assert.Equal("济源示范区改名后的规划", versions[1].Name);
        Assert.Equal("恢复第 1 版：改名未经三方会签", versions[2].Comment);
        var page = (await admin.GetPageAsync($"/rules/{jiyuan}")).Body!.TextContent;
        Assert.DoesNotContain("改名后的规划", page.Split("本规划的版本")[0]);
    }
}

public sealed class SqliteDraftEditorTests(SqlitePortal portal) : DraftEditorTests<SqlitePortal>(portal);

public sealed class PostgresDraftEditorTests(PostgresPortal portal) : DraftEditorTests<PostgresPortal>(portal);
