using System.Net;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules;

public abstract class RuleSetAdminTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static string Json(HarmonyPortal.Core.Rules.RuleSetVersion version) => version.Json;

    [Fact]
    public async Task SeedRuleSets_AreStoredAsVersionOne_AndVisibleInTheSubtreeAndBelow()
    {
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");

        var list = (await clerk.GetPageAsync("/rules")).QuerySelector("[data-testid=rulesets]")!.TextContent;

        Assert.Contains("岳阳市劳动关系“和谐同行”能力提升三年行动计划", list);
        Assert.DoesNotContain("山西省", list);
        await using var db = portal.CreateDbContext();
        Assert.Equal(5, await db.RuleSetVersions.CountAsync(v => v.Version == 1));
    }

    [Fact]
    public async Task ProvinceAdmin_SavesANewVersion_AndTheOldOneStaysAsItWas()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        await using var before = portal.CreateDbContext();
        var v1 = await before.RuleSetVersions.AsNoTracking().SingleAsync(v => v.RegionId == shanxi && v.Version == 1);
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var edited = Json(v1).Replace("\"min\": 10", "\"min\": 12", StringComparison.Ordinal);
        Assert.NotEqual(Json(v1), edited);

        var saved = await admin.PostAsync($"/rules/{shanxi}", await admin.TokenFromAsync($"/rules/{shanxi}"), ("json", edited), ("comment", "2024 年度起每市 12 名"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetPageAsync($"/rules/{shanxi}");
        Assert.Contains("第 2 版", page.Body!.TextContent);
        Assert.Contains("每个市：每年 ≥ 12 名", page.QuerySelector("[data-testid=tasks]")!.TextContent);
        var old = await (await admin.Http.GetAsync($"/rules/{shanxi}/versions/1.json")).Content.ReadAsStringAsync();
        Assert.Equal(Json(v1), old);
        await using var after = portal.CreateDbContext();
        Assert.Equal(Json(v1), (await after.RuleSetVersions.SingleAsync(v => v.RegionId == shanxi && v.Version == 1)).Json);
    }

    [Fact]
    public async Task InvalidRuleFile_IsRefusedWithThePathOfEachError_AndNoVersionIsAdded()
    {
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        using var admin = await portal.SignedInClientAsync("jy.admin");
        const string broken = """{ "jurisdiction": "410000-JY", "name": "x", "source": "y", "fromYear": 2022, "toYear": 2023, "tasks": [ { "id": "a", "name": "b", "lead": "人社局", "quotas": [ { "level": "City", "per": "year", "min": 5, "max": 3, "unit": "名" } ] } ], "criteria": { "coordinator": { "any": [] } } }""";

        var response = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", broken));
        var wrongPlace = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", broken.Replace("410000-JY", "140000", StringComparison.Ordinal).Replace("\"max\": 3", "\"max\": 8", StringComparison.Ordinal).Replace("\"any\": []", "\"any\": [ { \"id\": \"z\", \"text\": \"t\", \"clause\": \"c\", \"kind\": \"attested\" } ]", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=rule-errors]")!.TextContent;
        Assert.Contains("$.tasks[0].quotas[0].max", errors);
        Assert.Contains("$.criteria.coordinator.any", errors);
        Assert.Contains("$.jurisdiction", (await PortalClient.ParseAsync(wrongPlace)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.RuleSetVersions.CountAsync(v => v.RegionId == jiyuan));
    }

    [Fact]
    public async Task OnlyAdminsOfTheJurisdictionOrAbove_MayAddVersions()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        using var cityAdmin = await portal.SignedInClientAsync("xz.admin");
        using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
        using var stranger = await portal.SignedInClientAsync("hn.admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await cityAdmin.PostAsync($"/rules/{shanxi}", await cityAdmin.TokenFromAsync("/rules"), ("json", "{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"/rules/{shanxi}", await reviewer.TokenFromAsync("/rules"), ("json", "{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/rules/{shanxi}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/rules/{shanxi}", await stranger.TokenFromAsync("/rules"), ("json", "{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cityAdmin.Http.GetAsync($"/rules/{shanxi}")).StatusCode);
    }
}

public sealed class SqliteRuleSetAdminTests(SqlitePortal portal) : RuleSetAdminTests<SqlitePortal>(portal);

public sealed class PostgresRuleSetAdminTests(PostgresPortal portal) : RuleSetAdminTests<PostgresPortal>(portal);
