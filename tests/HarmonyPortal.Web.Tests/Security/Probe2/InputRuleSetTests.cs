using System.Net;
using System.Text.Json.Nodes;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// A rule file uploaded by an admin: every malformed value is answered 422 with its JSON path and a Chinese reason,
/// never HTTP 500, and no version is added; values the evaluator reads later (a number of years) are checked now,
/// so a stored version can never break the nominee pages.
/// </summary>
public abstract class InputRuleSetTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Theory]
    [MemberData(nameof(InputCases.MalformedRuleFiles), MemberType = typeof(InputCases))]
    public async Task AMalformedRuleFile_Is422_WithThePathAndAChineseReason_AndNothingIsSaved(string location, string rawValue, string path, string reason)
    {
        var (jiyuan, current) = await CurrentAsync();
        var document = JsonNode.Parse(current.Json)!;
        var parts = location.Split('/');
        var parent = parts[..^1].Aggregate(document, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        var value = JsonNode.Parse(rawValue.Replace("1e400", "0.5", StringComparison.Ordinal).Replace("-1e999", "0", StringComparison.Ordinal));
        if (int.TryParse(parts[^1], out var index))
        {
            parent[index] = value;
        }
        else
        {
            parent[parts[^1]] = value;
        }
        // JsonNode cannot hold numbers beyond double: put them back as text.
        var json = document.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json = rawValue.Contains("1e400", StringComparison.Ordinal) ? json.Replace("\"share\":0.5", "\"share\":1e400", StringComparison.Ordinal)
            : rawValue.Contains("-1e999", StringComparison.Ordinal) ? json.Replace("\"min\":0", "\"min\":-1e999", StringComparison.Ordinal) : json;
        using var admin = await portal.SignedInClientAsync("jy.admin");

        var response = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", json), ("comment", "畸形规则"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"{path}：", (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=rule-errors]")!.TextContent);
        Assert.Contains(reason, (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=rule-errors]")!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(current.Version, await db.RuleSetVersions.Where(v => v.RegionId == jiyuan).MaxAsync(v => v.Version));
    }

    [Fact]
    public async Task ADeeplyNestedRuleFile_Is422_WithTheLine_AndNothingIsSaved()
    {
        var (jiyuan, current) = await CurrentAsync();
        var nested = string.Concat(Enumerable.Repeat("{ \"all\": [", 100)) + string.Concat(Enumerable.Repeat("] }", 100));
        var json = current.Json.Replace("\"criteria\": {", "\"criteria\": { \"mediationOrganization\": " + nested + ",", StringComparison.Ordinal);
        Assert.NotEqual(current.Json, json);
        using var admin = await portal.SignedInClientAsync("jy.admin");

        var response = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", json));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不是有效的规则文件：嵌套超过 32 层", (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=rule-errors]")!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(current.Version, await db.RuleSetVersions.Where(v => v.RegionId == jiyuan).MaxAsync(v => v.Version));
    }

    private async Task<(int Jiyuan, Core.Rules.RuleSetVersion Current)> CurrentAsync()
    {
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        await using var db = portal.CreateDbContext();
        return (jiyuan, await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan).OrderByDescending(v => v.Version).FirstAsync());
    }
}

public sealed class SqliteInputRuleSetTests(SqlitePortal portal) : InputRuleSetTests<SqlitePortal>(portal);

public sealed class PostgresInputRuleSetTests(PostgresPortal portal) : InputRuleSetTests<PostgresPortal>(portal);
