using System.Net;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules;

public sealed class EligibilityCardTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private async Task<string> CardAfterCreatingAsync(string clerkName, string kind, (string, string)[] form)
    {
        using var clerk = portal.CreatePortalClient();
        await clerk.LoginOrFailAsync(clerkName);
        var created = await clerk.PostAsync($"/ledgers/{kind}/create", await clerk.TokenFromAsync("/ledgers"), [.. form, ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await clerk.GetPageAsync(created.Headers.Location!.OriginalString);
        return page.QuerySelector("[data-testid=eligibility]")?.TextContent ?? "";
    }

    [Fact]
    public async Task ShanxiCoordinator_WithJuniorHighEducation_IsShownWhyNot()
    {
        var card = await CardAfterCreatingAsync("xzxf.clerk", "coordinators",
            LedgerForms.Coordinator(name: "郭亮", id: TestIdNumbers.WithCheckDigit("140902198001010010"), gender: "男").With("Education", "初中"));

        Assert.Contains("金牌劳动关系协调员 选树条件（山西省", card);
        Assert.Contains("不符合", card);
        Assert.Contains("学历 初中 < 要求 高中", card);
        Assert.Contains("待审核确认", card);
    }

    [Fact]
    public async Task ShanxiMediationOrganisation_AtExactly65Percent_MeetsTheRate()
    {
        var card = await CardAfterCreatingAsync("xzdx.clerk", "mediation-organizations", LedgerForms.MediationOrganization("定襄县调解中心", 20, 13));

        Assert.Contains("调解成功率 65% ≥ 要求 65%", card);
    }

    [Fact]
    public async Task RowsWhoseJurisdictionSetsNoCriteriaForTheCategory_ShowNoCard()
    {
        var card = await CardAfterCreatingAsync("yyjs.clerk", "coordinators",
            LedgerForms.Coordinator(name: "邓华", id: TestIdNumbers.WithCheckDigit("430611198203030021")));

        Assert.Equal("", card);
    }
}
