using System.Net;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules.Drafts;

/// <summary>
/// 报送单位层级 (submittedBy) of a material or indicator task, set in the 任务 form without JSON: it round-trips through the
/// draft, a level above the jurisdiction is refused at the field with nothing saved, and the rules page says who submits
/// and who reviews ("由各市报送，省级审核").
/// </summary>
public abstract class SubmittedByEditorTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private async Task<RuleSet> DraftAsync(int id)
    {
        await using var db = portal.CreateDbContext();
        return RuleSetReader.Read((await db.RuleSetDrafts.AsNoTracking().SingleAsync(d => d.Id == id)).Json).RuleSet!;
    }

    private static async Task<HttpResponseMessage> SaveAsync(PortalClient admin, int id, int index, RuleTask task, string submittedBy) =>
        await admin.PostAsync($"/rules/drafts/{id}/tasks?index={index}", await admin.TokenFromAsync($"/rules/drafts/{id}/tasks?edit={index}"),
        [
            ("Input.Name", task.Name), ("Input.Kind", task.Kind.ToString()), ("Input.Lead", task.Lead), ("Input.Clause", task.Clause ?? ""),
            ("Input.Material", task.Material?.ToString() ?? ""), ("Input.SubmittedBy", submittedBy),
            .. task.Participants.Select(p => ("Input.Participants", p)),
        ]);

    [Fact]
    public async Task GanzhouSetsWhoSubmitsItsSummary_InTheTaskForm_ALevelAboveTheCityIsRefusedAtTheField_AndTheRulesPageSaysIt()
    {
        var ganzhou = await portal.RegionIdAsync("360700");
        using var admin = await portal.SignedInClientAsync("gz.admin");
        var created = await admin.PostAsync("/rules/drafts", await admin.TokenFromAsync($"/rules/drafts/new?regionId={ganzhou}"),
            ("Input.RegionId", ganzhou.ToString()), ("Input.FromYear", "2024"), ("Input.ToYear", "2026"), ("Input.Start", "CopyPlan"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var before = await DraftAsync(id);
        var index = before.Tasks.Select((t, i) => (t, i)).Single(x => x.t.Id == "new-enterprise-service-summary").i;
        var task = before.Tasks[index];

        // The form shows the seed's choice (赣州's summary is the city's own) among 默认 / 省级 / 市级 / 县级, for materials and indicators.
        var form = await admin.GetPageAsync($"/rules/drafts/{id}/tasks?edit={index}");
        var select = form.QuerySelector("#Input_SubmittedBy")!;
        Assert.Equal(["默认", "省级", "市级", "县级"], select.QuerySelectorAll("option").Select(o => o.TextContent.Trim()));
        Assert.Equal("City", select.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Equal("Indicator Material", select.Closest("fieldset")!.GetAttribute("data-kind"));
        Assert.Equal("报送单位层级", form.QuerySelector("label[for=Input_SubmittedBy]")!.TextContent.Trim());

        // Changed to the counties, the draft holds exactly that change, and the form shows it back.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, id, index, task, "County")).StatusCode);
        var counties = await DraftAsync(id);
        Assert.Equal(RuleSetWriter.Write(before with { Tasks = [.. before.Tasks.Select(t => t.Id == task.Id ? t with { SubmittedBy = RegionLevel.County } : t)] }), RuleSetWriter.Write(counties));
        Assert.Equal("County", (await admin.GetPageAsync($"/rules/drafts/{id}/tasks?edit={index}")).QuerySelector("#Input_SubmittedBy option[selected]")!.GetAttribute("value"));

        // The province is above 赣州市: refused at the field, what was chosen kept, nothing saved.
        var above = await SaveAsync(admin, id, index, task, "Province");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, above.StatusCode);
        var refused = await PortalClient.ParseAsync(above);
        Assert.Equal("报送单位层级为省级，高于本规划所属的赣州市（360700）（市级）：规划只能要求本级或下级地区报送",
            refused.QuerySelector("[data-testid=submitted-by-error]")!.TextContent.Trim());
        Assert.Equal("Province", refused.QuerySelector("#Input_SubmittedBy option[selected]")!.GetAttribute("value"));
        Assert.Equal(RuleSetWriter.Write(counties), RuleSetWriter.Write(await DraftAsync(id)));

        // 默认 clears it; set back to the counties and published, the 2024 rules page says who submits and who reviews.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, id, index, task, "")).StatusCode);
        Assert.Null((await DraftAsync(id)).Tasks[index].SubmittedBy);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, id, index, task, "County")).StatusCode);
        var published = await admin.PostAsync($"/rules/drafts/{id}/publish", await admin.TokenFromAsync($"/rules/drafts/{id}/publish"), ("confirmed", "true"), ("comment", "各县报送总结"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        string Submission(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector($"[data-task='{task.Id}'] [data-testid=submission]")!.TextContent.Trim();
        Assert.Equal("报送：由各县（市、区）报送，市级审核", Submission(await admin.GetPageAsync($"/rules/{ganzhou}?plan=2024")));
        Assert.Equal("报送：由市级（本级）报送，省级审核", Submission(await admin.GetPageAsync($"/rules/{ganzhou}?plan=2021")));
    }

    [Fact]
    public async Task TheRulesPage_SaysShanxisSummaryIsSubmittedByEachCity_AndReviewedByTheProvince()
    {
        var shanxi = await portal.RegionIdAsync("140000");
        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");
        var page = await reviewer.GetPageAsync($"/rules/{shanxi}?plan=2021");

        Assert.Equal("报送：由各市报送，省级审核", page.QuerySelector("[data-task='three-year-summary'] [data-testid=submission]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-task='gold-coordinator'] [data-testid=submission]"));
    }
}

public sealed class SqliteSubmittedByEditorTests(SqlitePortal portal) : SubmittedByEditorTests<SqlitePortal>(portal);

public sealed class PostgresSubmittedByEditorTests(PostgresPortal portal) : SubmittedByEditorTests<PostgresPortal>(portal);
