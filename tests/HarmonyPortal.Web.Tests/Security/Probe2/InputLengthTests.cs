using System.Net;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Every free-text field, reasons and comments included, is checked for length on the server with a Chinese
/// message naming the field and the limit, before the database would refuse it (PostgreSQL varchar(n) throws,
/// which was a 500) or keep it whole (SQLite); and numbers are checked against their column's range.
/// </summary>
public abstract class InputLengthTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static readonly string Long501 = new('长', 501);

    [Fact]
    public async Task AnOptionalReasonGivenWithApproval_LongerThanItsColumn_IsRefused_AndTheDecisionIsNotSaved()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var rowId = await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "长理由候选");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, rowId);
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, id)).Id, "submit"));

        var decided = await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"), ("reason", Long501));
        var notAFlag = await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "perhaps"), ("reason", "理由"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, decided.StatusCode);
        Assert.Contains("审核意见：不能超过 500 字", await TextAsync(decided));
        Assert.Equal(HttpStatusCode.BadRequest, notAFlag.StatusCode);
        Assert.Contains("审核结论：“perhaps”不是有效的取值", await TextAsync(notAFlag));
        await using var db = portal.CreateDbContext();
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id);
        Assert.Equal((Decision.Pending, (string?)null), (nomination.CityDecision, nomination.CityReason));
    }

    [Fact]
    public async Task ARuleSetCommentOrNameLongerThanItsColumn_IsRefusedWithTheLimit_AndNoVersionIsAdded()
    {
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        await using var before = portal.CreateDbContext();
        var current = await before.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan).OrderByDescending(v => v.Version).FirstAsync();
        using var admin = await portal.SignedInClientAsync("jy.admin");
        var longName = System.Text.Json.Nodes.JsonNode.Parse(current.Json)!;
        longName["name"] = new string('名', 201);

        var comment = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", current.Json), ("comment", Long501));
        var name = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", longName.ToJsonString()), ("comment", "名称过长"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, comment.StatusCode);
        Assert.Contains("修改说明：不能超过 500 个字，实际 501 个", (await PortalClient.ParseAsync(comment)).QuerySelector("[data-testid=rule-errors]")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, name.StatusCode);
        Assert.Contains("$.name：不能超过 200 个字，实际 201 个", (await PortalClient.ParseAsync(name)).QuerySelector("[data-testid=rule-errors]")!.TextContent);
        await using var after = portal.CreateDbContext();
        Assert.Equal(current.Version, await after.RuleSetVersions.Where(v => v.RegionId == jiyuan).MaxAsync(v => v.Version));
    }

    [Theory]
    [InlineData("1000000000000", "追回工资金额（元）：“1000000000000”超出范围（最多 999,999,999,999.99 元）")]
    [InlineData("12.345", "追回工资金额（元）：“12.345”最多两位小数（元、角、分）")]
    public async Task AnAmountTheColumnCannotHold_IsRefusedOnTheForm_AndNothingIsSaved(string amount, string message)
    {
        portal.Clock.Set(2026, 6, 1);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        var name = "欠薪案件" + amount;

        var response = await clerk.PostAsync("/ledgers/plan-lists/create", await clerk.TokenFromAsync("/ledgers/plan-lists/create"),
            ("year", "2026"), ("values[Kind]", "“工资支付亮剑”案件"), ("values[Name]", name), ("values[ContactName]", "孙丽"),
            ("values[ContactPhone]", "13907301234"), ("values[WorkersConcerned]", "12"), ("values[Date]", "2026-05-01"), ("values[AmountRecovered]", amount));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=form-errors]")!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Set<PlanListEntry>().AnyAsync(r => r.Name == name));
    }

    [Fact]
    public async Task TheLargestAmount_IsSavedAndReadBackWhole()
    {
        portal.Clock.Set(2026, 6, 1);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");

        var response = await clerk.PostAsync("/ledgers/plan-lists/create", await clerk.TokenFromAsync("/ledgers/plan-lists/create"),
            ("year", "2026"), ("values[Kind]", "“工资支付亮剑”案件"), ("values[Name]", "最大金额案件"), ("values[ContactName]", "孙丽"),
            ("values[ContactPhone]", "13907301234"), ("values[WorkersConcerned]", "12"), ("values[Date]", "2026-05-01"), ("values[AmountRecovered]", "999,999,999,999.99"));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=form-errors]")?.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(999_999_999_999.99m, (await db.Set<PlanListEntry>().SingleAsync(r => r.Name == "最大金额案件")).AmountRecovered);
    }

    [Theory]
    [InlineData("Name", 20, "姓名")]
    [InlineData("WorkUnit", 100, "工作单位")]
    [InlineData("CertificateNumber", 40, "证书编号")]
    public async Task ALedgerTextOneCharacterOverItsColumn_IsRefusedNamingTheFieldAndTheLimit(string key, int limit, string header)
    {
        portal.Clock.Set(2026, 6, 1);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        var before = await CountAsync();

        var response = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers/coordinators/create"),
            [.. LedgerForms.Coordinator("超长字段").With(key, new string('字', limit + 1)), ("year", "2026")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{header}：不能超过 {limit} 个字，实际 {limit + 1} 个", (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var db = portal.CreateDbContext();
        return await db.Coordinators.CountAsync();
    }
}

public sealed class SqliteInputLengthTests(SqlitePortal portal) : InputLengthTests<SqlitePortal>(portal);

public sealed class PostgresInputLengthTests(PostgresPortal portal) : InputLengthTests<PostgresPortal>(portal);
