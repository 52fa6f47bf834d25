using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// The city reviewer works from the sheet's table (issue 17): a multi-line return reason, what the county changed since
/// the return shown field by field after resubmission, and 通过 / 不通过 per nominee without opening each nominee.
/// </summary>
public abstract class SheetTableReviewTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string ReturnReason = "请补充以下内容：\n1. 甲的工作单位与花名册不符\n2. 乙的证书编号";
    private const string DeclineReason = "证书编号无法核实\n请补充证书原件扫描件";

    /// <summary>Posts the form found <paramref name="form"/> of a page with its own token.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(PortalClient user, IElement form, params (string Key, string Value)[] typed)
    {
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => ((IHtmlInputElement)i).Name!)
            .Where(n => n != "__RequestVerificationToken")
            .Select(n => (Key: n, Value: ((IHtmlInputElement)form.QuerySelector($"input[name='{n}']")!).Value)).Concat(typed).ToArray();
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        return await user.PostAsync(form.GetAttribute("action")!, token, fields);
    }

    private static IElement DecideForm(IHtmlDocument page, long nominationId, bool approve) =>
        page.QuerySelectorAll($"[data-testid=decide-{nominationId}] form")
            .Single(f => f.QuerySelector("input[name=approve]")!.GetAttribute("value") == (approve ? "true" : "false"));

    [Fact]
    public async Task ReturnWithLines_CountyCorrectsAndResubmits_ReviewerSeesTheChanges_AndDecidesEachNomineeFromTheTable()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var jiaForm = QualifyingRow(GoldCategory.Coordinator, "表内审核甲");
        var created = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers"), [.. jiaForm, ("year", "2022")]);
        var jiaRow = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var jia = await NominateAsync(clerk, GoldCategory.Coordinator, jiaRow);
        var yi = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "表内审核乙"));
        await AttestAllAsync(clerk, jia);
        await AttestAllAsync(clerk, yi);
        var sheet = (await SheetAsync(portal, jia)).Id;
        await DoneAsync(ActAsync(clerk, sheet, "submit"));

        // The return reason is a multi-line field; its lines are kept and shown as lines.
        var cityPage = await city.GetPageAsync($"/nominations/sheets/{sheet}");
        var returnForm = cityPage.QuerySelector($"form[action='/nominations/sheets/{sheet}/return']")!;
        Assert.NotNull(returnForm.QuerySelector("textarea[name=reason]"));
        await DoneAsync(PostFormAsync(city, returnForm, ("reason", ReturnReason)));
        var returned = (await clerk.GetPageAsync($"/nominations/sheets/{sheet}")).QuerySelector("[data-testid=return-reason]")!;
        Assert.Equal("退回原因：" + ReturnReason, returned.TextContent.Trim());
        Assert.Contains("text-pre", returned.ClassName);

        portal.Clock.Advance(TimeSpan.FromMinutes(1));

        // The county corrects 甲's work unit and resubmits: the reviewer sees that change, field by field, and nothing for 乙.
        var edited = await clerk.PostAsync($"/ledgers/coordinators/{jiaRow}/edit", await clerk.TokenFromAsync($"/ledgers/coordinators/{jiaRow}/edit"),
            [.. jiaForm.With("WorkUnit", "忻府区更正后的公司"), ("version", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Null((await city.GetPageAsync($"/nominations/sheets/{sheet}")).QuerySelector("[data-testid=changes-since-return]"));
        await DoneAsync(ActAsync(clerk, sheet, "submit"));
        cityPage = await city.GetPageAsync($"/nominations/sheets/{sheet}");
        var changes = cityPage.QuerySelector($"[data-testid=changes-{jia}]")!.TextContent;
        Assert.Contains("工作单位", changes);
        Assert.Contains("岳阳市某机械有限公司", changes);
        Assert.Contains("忻府区更正后的公司", changes);
        Assert.Null(cityPage.QuerySelector($"[data-testid=changes-{yi}]"));
        Assert.Contains(ReturnReason, cityPage.QuerySelector("[data-testid=changes-since-return]")!.TextContent);

        // 不通过 from the table needs its reason; refused, the sheet is shown again with the reason asked for.
        var noReason = await PostFormAsync(city, DecideForm(cityPage, yi, approve: false), ("reason", " "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var refusedPage = await PortalClient.ParseAsync(noReason);
        Assert.Contains("不通过的理由：必填", refusedPage.QuerySelector("[data-testid=reasons]")!.TextContent);
        Assert.NotNull(refusedPage.QuerySelector($"[data-testid=decide-{yi}]"));

        var declined = await PostFormAsync(city, DecideForm(cityPage, yi, approve: false), ("reason", DeclineReason));
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal($"/nominations/sheets/{sheet}#nominee-{yi}", declined.Headers.Location!.OriginalString);
        await ConfirmAllAsync(city, jia);
        cityPage = await city.GetPageAsync($"/nominations/sheets/{sheet}");
        await DoneAsync(PostFormAsync(city, DecideForm(cityPage, jia, approve: true)));

        cityPage = await city.GetPageAsync($"/nominations/sheets/{sheet}");
        Assert.Equal("通过", cityPage.QuerySelector($"[data-testid=nominee-{jia}] [data-testid=city-decision]")!.TextContent.Trim());
        Assert.Equal("不通过：" + DeclineReason, cityPage.QuerySelector($"[data-testid=nominee-{yi}] [data-testid=city-decision]")!.TextContent.Trim());
        await using var db = portal.CreateDbContext();
        var decisions = await db.Nominations.Where(n => n.SheetId == sheet).OrderBy(n => n.Id).Select(n => new { n.CityDecision, n.CityReason }).ToListAsync();
        Assert.Equal([(Decision.Yes, (string?)null), (Decision.No, DeclineReason)], decisions.Select(d => (d.CityDecision, d.CityReason)));
        Assert.Null((await clerk.GetPageAsync($"/nominations/sheets/{sheet}")).QuerySelector($"[data-testid=decide-{jia}]"));
        await DoneAsync(ActAsync(city, sheet, "approve"));
    }
}

public sealed class SqliteSheetTableReviewTests(SqlitePortal portal) : SheetTableReviewTests<SqlitePortal>(portal);

public sealed class PostgresSheetTableReviewTests(PostgresPortal portal) : SheetTableReviewTests<PostgresPortal>(portal);
