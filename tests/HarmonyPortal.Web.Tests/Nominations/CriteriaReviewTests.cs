using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// Criteria by year and attested conditions confirmed by the reviewer of the level above (issue 15, item 5): 济源's 2022
/// range of uncertified practitioners and students, a reviewer's rejection, and a jurisdiction with no criteria at all.
/// </summary>
public abstract class CriteriaReviewTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string WidenedRange = "各类组织、协调劳动关系三方机构中未持有证书但从事协调劳动关系工作的人员，或劳动关系协调相关专业的学生";

    [Fact]
    public async Task Jiyuan2022_AnUncertifiedPractitionerPassesOnceTheReviewerConfirms_TheSameNomineeIn2023DoesNot()
    {
        await WidenJiyuansRangeFor2022Async();
        portal.Clock.Set(2022, 10, 10);
        using var clerk = await portal.SignedInClientAsync("jyhl.clerk");
        using var city = await portal.SignedInClientAsync("jy.reviewer");
        var form = Uncertified("赵未证", "419001198001010010", "男");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await RowAsync(clerk, form, 2022));

        // The clerk supplies evidence for every attested condition: the verdict waits for the reviewer, it is not 符合.
        await AttestAllAsync(clerk, id);
        var page = await clerk.GetPageAsync($"/nominations/{id}");
        Assert.Equal("待审核确认", Badge(page));
        Assert.Equal("待审核确认", State(page, "ha-c0b"));
        Assert.DoesNotContain("已由审核人员确认", page.QuerySelector("[data-testid=eligibility]")!.TextContent);
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, id)).Id, "submit"));

        // The city's 通过 is refused, naming the unconfirmed condition.
        var refused = await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var reasons = await TextAsync(refused);
        Assert.Contains("赵未证：以下条件待审核确认，不能审核通过", reasons);
        Assert.Contains($"“{WidenedRange}”（其中一项即可）", reasons);

        // The clerk cannot confirm; the city reviewer does, and the verdict turns to 符合 with who and when.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/nominations/{id}/attest/review", await clerk.TokenFromAsync($"/nominations/{id}"),
            ("criterionId", "ha-c0b"), ("confirm", "true"))).StatusCode);
        await ConfirmAllAsync(city, id);
        page = await city.GetPageAsync($"/nominations/{id}");
        Assert.Equal("符合", Badge(page));
        Assert.Contains("已由审核人员确认（济源示范区审核员，2022-10-10）", page.QuerySelector("[data-testid=eligibility]")!.TextContent);
        await DoneAsync(city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true")));
        await DoneAsync(ActAsync(city, (await SheetAsync(portal, id)).Id, "approve"));
        var print = (await city.GetPageAsync($"/print/nominations/{id}")).Body!.TextContent;
        Assert.Contains(WidenedRange, print);
        Assert.Contains("已确认（济源示范区审核员，2022-10-10）", print);
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(Decision.Yes, (await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id)).CityDecision);
            Assert.Equal(8, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.NominationAttestationConfirmed && a.ObjectId == id.ToString()));
        }

        // The same person's data in 2023: the widened range is no longer in force, the certificate is required again.
        portal.Clock.Set(2023, 10, 10);
        using var clerk2023 = await portal.SignedInClientAsync("jyhl.clerk");
        var next = await NominateAsync(clerk2023, GoldCategory.Coordinator, await RowAsync(clerk2023, form, 2023));
        await AttestAllAsync(clerk2023, next);
        page = await clerk2023.GetPageAsync($"/nominations/{next}");
        Assert.Equal("不符合", Badge(page));
        Assert.Null(page.QuerySelector("[data-testid=attestation-state][data-criterion=ha-c0b]"));
        var submit = await ActAsync(clerk2023, (await SheetAsync(portal, next)).Id, "submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Contains("不符合“持有劳动关系协调员职业资格证书或职业技能等级评价证书", await TextAsync(submit));
    }

    [Fact]
    public async Task AReviewersRejection_ShowsNotMetWithTheReason_AndTheClerksNewEvidenceGoesBackToReview()
    {
        await WidenJiyuansRangeFor2022Async();
        portal.Clock.Set(2022, 10, 11);
        using var clerk = await portal.SignedInClientAsync("jyyc.clerk");
        using var city = await portal.SignedInClientAsync("jy.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await RowAsync(clerk, Uncertified("钱学生", "419001200201010021", "女").With("WorkUnit", "河南理工大学").With("Position", "劳动关系专业学生"), 2022));
        await AttestAllAsync(clerk, id);
        var sheet = await SheetAsync(portal, id);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));

        var noReason = await city.PostAsync($"/nominations/{id}/attest/review", await city.TokenFromAsync($"/nominations/{id}"), ("criterionId", "ha-c0b"), ("confirm", "false"));
        Assert.Contains("不予确认的理由：必填", await TextAsync(noReason));
        await DoneAsync(city.PostAsync($"/nominations/{id}/attest/review", await city.TokenFromAsync($"/nominations/{id}"),
            ("criterionId", "ha-c0b"), ("confirm", "false"), ("reason", "学籍证明未加盖学校公章")));

        var page = await clerk.GetPageAsync($"/nominations/{id}");
        Assert.Equal("不符合", Badge(page));
        Assert.Contains("审核人员未予确认（济源示范区审核员，2022-10-11）：学籍证明未加盖学校公章", page.QuerySelector("[data-testid=eligibility]")!.TextContent);
        Assert.Equal("未予确认", State(page, "ha-c0b"));
        Assert.Contains("学籍证明未加盖学校公章", page.QuerySelector("[data-testid=attestation-state][data-criterion=ha-c0b]")!.TextContent);
        var refused = await city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync($"/nominations/{id}"), ("approve", "true"));
        var why = await TextAsync(refused);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("钱学生：不符合选树条件，不能审核通过", why);
        Assert.Contains("学籍证明未加盖学校公章", why);
        await using (var db = portal.CreateDbContext())
        {
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.NominationAttestationRejected && a.ObjectId == id.ToString());
            Assert.Contains("学籍证明未加盖学校公章", entry.Details);
        }

        // Returned, the clerk supplies new evidence: it waits for the reviewer again.
        await DoneAsync(ActAsync(city, sheet.Id, "return", ("reason", "请补充加盖公章的学籍证明")));
        await DoneAsync(clerk.PostAsync($"/nominations/{id}/attest", await clerk.TokenFromAsync($"/nominations/{id}"), ("criterionId", "ha-c0b"), ("evidence", "河南理工大学学籍证明（已盖章）")));
        Assert.Equal("待审核确认", State(await clerk.GetPageAsync($"/nominations/{id}"), "ha-c0b"));
    }

    [Fact]
    public async Task AJurisdictionWithoutCriteria_WarnsOnTheSheet_TheNomineePage_AndThePrintedForm()
    {
        portal.Clock.Set(2022, 7, 2);
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");
        var form = LedgerForms.Coordinator("孙无条", TestIdNumbers.WithCheckDigit("130200198005050011"), "男", phone: "13900000011");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await RowAsync(clerk, form, 2022));
        const string Warning = "本级及上级规划均未规定该类别的选树条件，推荐未经条件检查";

        var sheet = await SheetAsync(portal, id);
        Assert.Contains(Warning, (await clerk.GetPageAsync($"/nominations/sheets/{sheet.Id}")).QuerySelector("[data-testid=no-criteria]")!.TextContent);
        Assert.Contains(Warning, (await clerk.GetPageAsync($"/nominations/{id}")).QuerySelector("[data-testid=no-criteria]")!.TextContent);
        var print = await clerk.GetPageAsync($"/print/nominations/{id}");
        Assert.Contains(Warning, print.QuerySelector("[data-testid=no-criteria]")!.TextContent);
        Assert.DoesNotContain("该类别没有需凭材料确认的条件", print.Body!.TextContent);
    }

    [Fact]
    public async Task ShanxisNominee_HasNoWarning_AndItsPrintedFormSaysWhichConditionsAwaitTheReviewer()
    {
        portal.Clock.Set(2022, 7, 3);
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "原平待确认"));
        await AttestAllAsync(clerk, id);

        Assert.Null((await clerk.GetPageAsync($"/nominations/{id}")).QuerySelector("[data-testid=no-criteria]"));
        var print = await clerk.GetPageAsync($"/print/nominations/{id}");
        Assert.Null(print.QuerySelector("[data-testid=no-criteria]"));
        Assert.Equal("省级择优", print.QuerySelector("[data-testid=selection-label]")!.TextContent.Trim()); // 山西: the province confers
        var states = print.QuerySelectorAll("table.grid tbody tr").Select(r => r.Children[^1].TextContent.Trim()).ToList();
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Equal("待审核确认", s));
    }

    [Fact]
    public async Task ACitysOwnNominee_IsConfirmedByTheProvince_AndItsSelectionWaitsForTheConfirmation()
    {
        portal.Clock.Set(2023, 7, 1);
        using var cityClerk = await portal.SignedInClientAsync("xz.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        var id = await NominateAsync(cityClerk, GoldCategory.SocialOrganization, await LedgerRowAsync(cityClerk, GoldCategory.SocialOrganization, 2023, "忻州市劳动关系服务中心"));
        await AttestAllAsync(cityClerk, id);
        await DoneAsync(ActAsync(city, (await SheetAsync(portal, id)).Id, "forward"));

        // The city does not confirm its own nominee's conditions; the province, which selects, does.
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsync($"/nominations/{id}/attest/review", await city.TokenFromAsync($"/nominations/{id}"),
            ("criterionId", "sx-s1"), ("confirm", "true"))).StatusCode);
        var refused = await province.PostAsync($"/nominations/{id}/select", await province.TokenFromAsync($"/nominations/{id}"), ("select", "true"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("忻州市劳动关系服务中心：以下条件待审核确认，不能审核通过", await TextAsync(refused));
        await ConfirmAllAsync(province, id);
        await DoneAsync(province.PostAsync($"/nominations/{id}/select", await province.TokenFromAsync($"/nominations/{id}"), ("select", "true")));
        Assert.Contains("已由审核人员确认（山西省审核员，2023-07-01）", (await city.GetPageAsync($"/nominations/{id}")).QuerySelector("[data-testid=eligibility]")!.TextContent);
    }

    /// <summary>济源's admin saves a version whose coordinator range (ha-c0) is the certificate OR, in 2022 only, the widened range.</summary>
    private async Task WidenJiyuansRangeFor2022Async()
    {
        var jiyuan = await portal.RegionIdAsync("410000-JY");
        await using var db = portal.CreateDbContext();
        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan).OrderByDescending(v => v.Version).FirstAsync();
        var root = JsonNode.Parse(latest.Json)!;
        var all = root["criteria"]!["coordinator"]!["all"]!.AsArray();
        if (all[0]!["any"] is not null && all[0]!.ToJsonString().Contains("ha-c0b", StringComparison.Ordinal))
        {
            return;
        }

        all[0] = JsonNode.Parse($$"""
            {
              "text": "推荐范围（具备下列情形之一）",
              "any": [
                { "id": "ha-c0", "text": "持有劳动关系协调员职业资格证书或职业技能等级评价证书，且具备一定理论基础和实践经验", "clause": "附件1 一", "kind": "automatic",
                  "test": { "fact": "HoldsCertificate", "op": "isTrue" } },
                { "id": "ha-c0b", "text": "{{WidenedRange}}", "clause": "附件1 一（2022年）", "kind": "attested", "fromYear": 2022, "toYear": 2022 }
              ]
            }
            """);
        using var admin = await portal.SignedInClientAsync("jy.admin");
        var saved = await admin.PostAsync($"/rules/{jiyuan}", await admin.TokenFromAsync($"/rules/{jiyuan}"), ("json", root.ToJsonString()), ("comment", "2022 年推荐范围扩大"));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await TextAsync(saved));
    }

    private static (string, string)[] Uncertified(string name, string id, string gender) =>
        LedgerForms.Coordinator(name, TestIdNumbers.WithCheckDigit(id), gender, phone: "139" + id[^8..], skillLevel: null, certificate: null, certificateDate: null)
            .With("WorkUnit", "济源市某钢铁有限公司");

    private static async Task<long> RowAsync(PortalClient clerk, (string, string)[] form, int year)
    {
        var response = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers"), [.. form, ("year", year.ToString())]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"ledger row not saved: {(await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=form-errors]")?.TextContent}");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static string Badge(IDocument page) => page.QuerySelector("[data-testid=eligibility] .card-header .badge")!.TextContent.Trim();

    /// <summary>The state badge of an attested condition on the nominee page.</summary>
    private static string State(IDocument page, string criterion) =>
        page.QuerySelector($"[data-testid=attestation-state][data-criterion={criterion}] .badge")!.TextContent.Trim();
}

public sealed class SqliteCriteriaReviewTests(SqlitePortal portal) : CriteriaReviewTests<SqlitePortal>(portal);

public sealed class PostgresCriteriaReviewTests(PostgresPortal portal) : CriteriaReviewTests<PostgresPortal>(portal);
