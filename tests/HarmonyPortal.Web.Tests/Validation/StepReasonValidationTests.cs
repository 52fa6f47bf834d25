using System.Net;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Validation;

/// <summary>
/// The reason of every official step (退回, 不通过, 撤回, 撤销接收, 重新打开…) is checked by one rule run by the one
/// validation filter (ADR 0015): the same Chinese message for the same fault on nominations and materials, shown after
/// the sheet's or material's own refusals, and nothing changes.
/// </summary>
public abstract class StepReasonValidationTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static readonly string TooLong = new('因', 501);

    [Fact]
    public async Task ACitysReturnOrDecisionWithAMissingOrTooLongReason_IsRefusedNamingTheField_AndTheSheetStaysAsItWas()
    {
        portal.Clock.Set(2023, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var rowId = await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2023, "理由校验候选");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, rowId);
        var sheet = await SheetAsync(portal, id);
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));

        var longReturn = await ActAsync(city, sheet.Id, "return", ("reason", TooLong));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, longReturn.StatusCode);
        Assert.Contains("退回原因：不能超过 500 字，现有 501 字", await TextAsync(longReturn));

        var token = await city.TokenFromAsync($"/nominations/{id}");
        var rejectWithoutReason = await city.PostAsync($"/nominations/{id}/decide", token, ("approve", "false"), ("reason", " "));
        Assert.Contains("不通过的理由：必填", await TextAsync(rejectWithoutReason));
        var longOpinion = await city.PostAsync($"/nominations/{id}/decide", token, ("approve", "true"), ("reason", TooLong));
        Assert.Contains("审核意见：不能超过 500 字，现有 501 字", await TextAsync(longOpinion));

        await using var db = portal.CreateDbContext();
        Assert.Equal(SheetStatus.Submitted, (await SheetAsync(portal, id)).Status);
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id);
        Assert.Equal(Decision.Pending, nomination.CityDecision);
        Assert.Null(nomination.CityReason);
    }

    [Fact]
    public async Task AnOutsidersReturnWithoutReason_IsStillRefusedAsOutsideItsSubtree_NotAnsweredWithTheReasonsCheck()
    {
        portal.Clock.Set(2023, 7, 2);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        var rowId = await LedgerRowAsync(clerk, GoldCategory.MediationOrganization, 2023, "越权理由校验调解组织");
        var id = await NominateAsync(clerk, GoldCategory.MediationOrganization, rowId);
        var sheet = await SheetAsync(portal, id);
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));

        using var otherCity = await portal.SignedInClientAsync("ts.reviewer");
        var refused = await otherCity.PostAsync($"/nominations/sheets/{sheet.Id}/return", await otherCity.TokenFromAsync("/nominations"), ("version", "1"), ("reason", ""));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("退回原因", await TextAsync(refused));
        Assert.Equal(SheetStatus.Submitted, (await SheetAsync(portal, id)).Status);
    }
}

public sealed class SqliteStepReasonValidationTests(SqlitePortal portal) : StepReasonValidationTests<SqlitePortal>(portal);

public sealed class PostgresStepReasonValidationTests(PostgresPortal portal) : StepReasonValidationTests<PostgresPortal>(portal);
