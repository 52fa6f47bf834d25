using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>The steps of the nomination workflow as users take them in the browser, over HTTP.</summary>
public static class NominationFlow
{
    private static int serial;

    public static string LedgerKind(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "coordinators",
        GoldCategory.SocialOrganization => "social-organizations",
        _ => "mediation-organizations",
    };

    /// <summary>A ledger row of the category that meets every automatic criterion of Shanxi's rules.</summary>
    public static (string, string)[] QualifyingRow(GoldCategory category, string name)
    {
        var n = Interlocked.Increment(ref serial);
        return category switch
        {
            GoldCategory.Coordinator => LedgerForms.Coordinator(name, TestIdNumbers.WithCheckDigit($"14010019800101{n % 100:D2}20"), phone: $"139{n:D8}"),
            GoldCategory.MediationOrganization => LedgerForms.MediationOrganization(name, 100, 70),
            _ =>
            [
                ("values[TownName]", "秀容街道"), ("values[Name]", name), ("values[Nature]", "社会团体"), ("values[Address]", "忻府区和平街1号"),
                ("values[EstablishedOn]", "2015-03-01"), ("values[LeaderName]", "王强"), ("values[CoordinatorCount]", "6"), ("values[ContactName]", "赵敏"),
                ("values[ContactPhone]", "0350-3033333"), ("values[CreditCode]", "91350100M000100Y43"), ("values[CertifiedCoordinatorCount]", "4"),
            ],
        };
    }

    public static async Task<long> LedgerRowAsync(PortalClient clerk, GoldCategory category, int year, string name)
    {
        var response = await clerk.PostAsync($"/ledgers/{LedgerKind(category)}/create", await clerk.TokenFromAsync("/ledgers"), [.. QualifyingRow(category, name), ("year", year.ToString())]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"ledger row not saved: {(await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=form-errors]")?.TextContent}");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static async Task<long> NominateAsync(PortalClient clerk, GoldCategory category, long rowId, int batch = 0)
    {
        var response = await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync("/nominations"),
            ("category", category.ToString()), ("ledgerRowId", rowId.ToString()), ("batch", batch.ToString()),
            ("narrative", "长期扎根基层，调处劳动争议百余件，推动企业建立协商机制，职工满意度高。"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>Fills every attestation form on the nominee's page, as the clerk would.</summary>
    public static async Task AttestAllAsync(PortalClient clerk, long nominationId)
    {
        var page = await clerk.GetPageAsync($"/nominations/{nominationId}");
        var ids = page.QuerySelectorAll("form[action$='/attest'] input[name=criterionId]").Select(i => ((IHtmlInputElement)i).Value).ToList();
        foreach (var id in ids)
        {
            var saved = await clerk.PostAsync($"/nominations/{nominationId}/attest", await clerk.TokenFromAsync($"/nominations/{nominationId}"), ("criterionId", id), ("evidence", "县人社局表彰文件（2022）12 号"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
    }

    /// <summary>Confirms every attested condition on the nominee's page, as the reviewer of the level above would (after the sheet is submitted).</summary>
    public static async Task ConfirmAllAsync(PortalClient reviewer, long nominationId)
    {
        var page = await reviewer.GetPageAsync($"/nominations/{nominationId}");
        var ids = page.QuerySelectorAll("form[action$='/attest/review']").Where(f => f.QuerySelector("input[name=confirm]")?.GetAttribute("value") == "true")
            .Select(f => f.QuerySelector("input[name=criterionId]")!.GetAttribute("value")!).ToList();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            var confirmed = await reviewer.PostAsync($"/nominations/{nominationId}/attest/review", await reviewer.TokenFromAsync($"/nominations/{nominationId}"), ("criterionId", id), ("confirm", "true"));
            Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, $"not confirmed: {(await PortalClient.ParseAsync(confirmed)).QuerySelector("main")?.TextContent}");
        }
    }

    public static async Task<NominationSheet> SheetAsync(PortalFactory portal, long nominationId, bool city = false)
    {
        await using var db = portal.CreateDbContext();
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == nominationId);
        return await db.NominationSheets.AsNoTracking().SingleAsync(s => s.Id == (city ? nomination.CitySheetId : nomination.SheetId));
    }

    /// <summary>Posts a transition with the sheet's current version, taken from the sheet page like a browser would.</summary>
    public static async Task<HttpResponseMessage> ActAsync(PortalClient user, long sheetId, string action, params (string, string)[] fields)
    {
        var response = await user.Http.GetAsync($"/nominations/sheets/{sheetId}");
        var page = await PortalClient.ParseAsync(response);
        var version = page.QuerySelector("[data-version]")?.GetAttribute("data-version") ?? "0";
        // A submission is confirmed on its confirmation page (issue 17): the box is ticked here as the clerk would.
        (string, string)[] confirmed = action == "submit" && fields.All(f => f.Item1 != "confirmed") ? [("confirmed", "true")] : [];
        return await user.PostAsync($"/nominations/sheets/{sheetId}/{action}", await user.TokenFromAsync("/nominations"), [("version", version), .. fields, .. confirmed]);
    }

    /// <summary>Asserts the step was taken (a redirect), and otherwise fails with the reasons the page gave.</summary>
    public static async Task DoneAsync(Task<HttpResponseMessage> step)
    {
        var response = await step;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{response.StatusCode}: {(await PortalClient.ParseAsync(response)).QuerySelector("main")?.TextContent}");
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) => (await PortalClient.ParseAsync(response)).Body!.TextContent;
}
