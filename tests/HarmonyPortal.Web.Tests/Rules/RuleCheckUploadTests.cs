using System.Net;
using System.Text.Json.Nodes;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules;

/// <summary>The rules page runs the same checker as <c>rules check</c>: its errors refuse the version, its warnings show after saving.</summary>
public abstract class RuleCheckUploadTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static int TaskIndex(JsonNode plan, string id, string category) =>
        plan["tasks"]!.AsArray().Select((t, i) => (t, i)).First(x => (string?)x.t!["id"] == id || (string?)x.t!["honour"]?["category"] == category).i;

    private async Task<(JsonNode Plan, int RegionId)> JiyuanAsync()
    {
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        await using var db = portal.CreateDbContext();
        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan).OrderByDescending(v => v.Version).FirstAsync();
        return (JsonNode.Parse(latest.Json)!, jiyuan);
    }

    private async Task<int> VersionsAsync(int regionId)
    {
        await using var db = portal.CreateDbContext();
        return await db.RuleSetVersions.CountAsync(v => v.RegionId == regionId);
    }

    [Fact]
    public async Task AContradictoryQuota_IsRefusedWithItsPathOnThePage_AndNothingIsSaved()
    {
        var (plan, jiyuan) = await JiyuanAsync();
        var task = TaskIndex(plan, "gold-coordinator", "coordinator");
        plan["tasks"]![task]!["quotas"] = JsonNode.Parse("""
            [ { "region": "410000-JY", "per": "year", "min": 3, "max": 5, "unit": "名" }, { "region": "410000-JY", "per": "year", "min": 6, "unit": "名" } ]
            """);
        var before = await VersionsAsync(jiyuan);
        using var admin = await portal.SignedInClientAsync("jy.admin");

        var response = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", plan.ToJsonString()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=rule-errors]")!.TextContent;
        Assert.Contains($"$.tasks[{task}].quotas[1].min：每年下限 6 高于同一范围、同一期间的配额 $.tasks[{task}].quotas[0] 的上限 5，两者无法同时满足", errors);
        Assert.Equal(before, await VersionsAsync(jiyuan));
    }

    [Fact]
    public async Task APeriodOverlappingTheStoredPlan_IsRefused()
    {
        var (plan, jiyuan) = await JiyuanAsync();
        plan["fromYear"] = 2021;
        var before = await VersionsAsync(jiyuan);
        using var admin = await portal.SignedInClientAsync("jy.admin");

        var response = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", plan.ToJsonString()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=rule-errors]")!.TextContent;
        Assert.Contains("$.fromYear：规划期 2021–2023 年与已有的", errors);
        Assert.Contains("重叠", errors);
        Assert.Equal(before, await VersionsAsync(jiyuan));
    }

    [Fact]
    public async Task AWarning_DoesNotRefuse_AndIsShownAfterSaving()
    {
        var (plan, jiyuan) = await JiyuanAsync();
        var task = TaskIndex(plan, "gold-social-organization", "socialOrganization");
        plan["criteria"]!.AsObject().Remove("socialOrganization");
        var before = await VersionsAsync(jiyuan);
        using var admin = await portal.SignedInClientAsync("jy.admin");

        var saved = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", plan.ToJsonString()), ("comment", "社会组织沿用省标准"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = (await admin.GetPageAsync($"/rules/{jiyuan}")).QuerySelector("[role=status]")!.TextContent;
        Assert.Contains($"规则检查提示：$.tasks[{task}].honour：{Core.Rules.Checking.RuleChecker.NoCriteriaMessage}", page);
        Assert.Equal(before + 1, await VersionsAsync(jiyuan));
    }

    [Fact]
    public async Task AnErrorTheReplacedVersionAlreadyHad_IsShownAfterSaving_ButANewErrorIsRefused()
    {
        var tangshan = await portal.RegionIdAsync("130200");
        var stored = await File.ReadAllTextAsync(CheckerFiles.Sample("min-above-max"));
        await using (var db = portal.CreateDbContext())
        {
            db.RuleSetVersions.Add(new RuleSetVersion { RegionId = tangshan, Version = 1, FromYear = 2021, ToYear = 2023, PlanVersion = 1, Json = stored, Name = "检查样例", CreatedAtUtc = DateTime.UtcNow, CreatedBy = "（导入）" });
            await db.SaveChangesAsync();
        }

        using var admin = await portal.SignedInClientAsync("ts.admin");
        var renamed = JsonNode.Parse(stored)!;
        renamed["name"] = "检查样例（改名）";
        var saved = await admin.PostAsync($"/rules/{tangshan}", await admin.TokenFromAsync($"/rules/{tangshan}"), ("json", renamed.ToJsonString()));
        var flash = (await admin.GetPageAsync($"/rules/{tangshan}")).QuerySelector("[role=status]")!.TextContent;
        renamed["tasks"]![0]!["deadlines"]![0]!["year"] = 2025;
        var refused = await admin.PostAsync($"/rules/{tangshan}", await admin.TokenFromAsync($"/rules/{tangshan}"), ("json", renamed.ToJsonString()));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("$.tasks[0].quotas[1].min：每年下限 6 高于同一范围、同一期间的配额 $.tasks[0].quotas[0] 的上限 2，两者无法同时满足（此前版本已有，本次仍予保存，请尽快改正）", flash);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=rule-errors]")!.TextContent;
        Assert.Contains("$.tasks[0].deadlines[0].year：2025 年不在规划期 2021–2023 年内", errors);
        Assert.DoesNotContain("quotas[1].min", errors);
        Assert.Equal(2, await VersionsAsync(tangshan));
    }
}

public sealed class SqliteRuleCheckUploadTests(SqlitePortal portal) : RuleCheckUploadTests<SqlitePortal>(portal);

public sealed class PostgresRuleCheckUploadTests(PostgresPortal portal) : RuleCheckUploadTests<PostgresPortal>(portal);
