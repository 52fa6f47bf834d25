using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Print;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Materials.Publication.MaterialTestData;

namespace HarmonyPortal.Web.Tests.Materials.Publication;

/// <summary>
/// 典型案例和经验做法 published by the receiving level (山西): the province's reviewer publishes 忻州's accepted 经验做法,
/// the province's counties read it and its files, another province cannot; the publication is withdrawn with a reason.
/// Each test works on its own year or material, so tests of the class share no list.
/// </summary>
public abstract class MaterialPublicationTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string PrivateExperience = "wage-guidance-private-experience";
    private const string PrivateExperienceName = "民营企业薪酬分配示范经验做法";

    private static async Task<IReadOnlyList<string>> FlashAfterAsync(PortalClient user, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await user.GetPageAsync(response.Headers.Location!.OriginalString);
        return page.QuerySelectorAll(".alert").Select(a => a.TextContent.Trim()).ToList();
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient user, string url, params (string, string)[] fields) =>
        await user.PostAsync(url, await user.TokenFromAsync("/notifications"), fields);

    [Fact]
    public async Task ProvinceReviewer_PublishesAnAcceptedExperience_TheProvincesCountiesReadItAndItsFile_ThenWithdrawsItWithAReason()
    {
        portal.Clock.Set(2023, 11, 1);
        var id = await MaterialAsync(portal, "140900", "140000", PrivateExperience, PrivateExperienceName, MaterialKind.Experience, 2023, ReviewStatus.Accepted,
            "忻州市民营企业薪酬分配示范做法", Beijing(2023, 9, 10), new DateOnly(2023, 9, 20), "sx.reviewer", "忻州经验.pdf");
        var province = await portal.RegionIdAsync("140000");
        using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
        using var county = await portal.SignedInClientAsync("xzxf.clerk");
        using var stranger = await portal.SignedInClientAsync("ts.reviewer");

        var before = await reviewer.GetPageAsync("/materials/published?year=2023");
        Assert.Equal("山西省 2023 年度典型案例和经验做法", before.QuerySelector("[data-testid=published-title]")!.TextContent.Trim());
        Assert.Contains("忻州市民营企业薪酬分配示范做法", before.QuerySelector($"[data-candidate='{id}']")!.TextContent);
        Assert.Null(before.QuerySelector($"[data-material='{id}']"));

        // Without the confirmation nothing is published.
        Assert.Contains("请勾选“确认发布”后再发布", await FlashAfterAsync(reviewer, await PostAsync(reviewer, $"/materials/published/{id}/publish")));
        await using (var db = portal.CreateDbContext())
        {
            Assert.Null((await db.MaterialSubmissions.SingleAsync(m => m.Id == id)).PublishedAtUtc);
        }

        var published = await FlashAfterAsync(reviewer, await PostAsync(reviewer, $"/materials/published/{id}/publish", ("confirmed", "true")));
        Assert.Contains(published, f => f.StartsWith("已发布", StringComparison.Ordinal));
        var row = (await reviewer.GetPageAsync("/materials/published?year=2023")).QuerySelector($"[data-material='{id}']")!;
        Assert.Contains("忻州市", row.Children[1].TextContent);
        Assert.Equal("经验做法", row.Children[2].TextContent);
        Assert.Contains("2023-11-01", row.TextContent);
        Assert.Contains("sx.reviewer", row.TextContent);
        var fileLink = row.QuerySelector("a[href^='/materials/published/files/']")!;
        Assert.Equal("忻州经验.pdf", fileLink.TextContent);

        // A county of the province reads the province's list and the file; its own default list is its city's (empty).
        Assert.Contains("忻州市民营企业薪酬分配示范做法", (await county.GetPageAsync($"/materials/published?year=2023&regionId={province}")).QuerySelector("[data-testid=published-list]")!.TextContent);
        Assert.Null((await county.GetPageAsync($"/materials/published?year=2023&regionId={province}")).QuerySelector("[data-testid=unpublish-form]"));
        var ownList = await county.GetPageAsync("/materials/published?year=2023");
        Assert.Equal("忻州市 2023 年度典型案例和经验做法", ownList.QuerySelector("[data-testid=published-title]")!.TextContent.Trim());
        Assert.DoesNotContain("忻州市民营企业薪酬分配示范做法", ownList.QuerySelector("[data-testid=published-list]")!.TextContent);
        var file = await county.Http.GetAsync(fileLink.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());

        // Another province sees neither the list nor the file.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/materials/published?year=2023&regionId={province}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(fileLink.GetAttribute("href"))).StatusCode);

        // Withdrawing needs a reason; with one, the material leaves the list and its file is no longer served.
        Assert.Contains("撤回发布的原因：必填", await FlashAfterAsync(reviewer, await PostAsync(reviewer, $"/materials/published/{id}/unpublish", ("reason", "  "), ("confirmed", "true"))));
        Assert.NotNull(await ScalarAsync(db => db.MaterialSubmissions.Where(m => m.Id == id).Select(m => m.PublishedAtUtc).SingleAsync()));
        var withdrawn = await FlashAfterAsync(reviewer, await PostAsync(reviewer, $"/materials/published/{id}/unpublish", ("reason", "涉及企业未同意公开"), ("confirmed", "true")));
        Assert.Contains(withdrawn, f => f.StartsWith("已撤回发布", StringComparison.Ordinal));
        Assert.Null((await county.GetPageAsync($"/materials/published?year=2023&regionId={province}")).QuerySelector($"[data-material='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await county.Http.GetAsync(fileLink.GetAttribute("href"))).StatusCode);

        await using var check = portal.CreateDbContext();
        var material = await check.MaterialSubmissions.Include(m => m.Events).SingleAsync(m => m.Id == id);
        Assert.Null(material.PublishedAtUtc);
        Assert.Null(material.PublishedBy);
        Assert.Equal([MaterialAction.Published, MaterialAction.Unpublished], material.Events.OrderBy(e => e.Id).Select(e => e.Action).ToArray());
        Assert.Equal("涉及企业未同意公开", material.Events.Single(e => e.Action == MaterialAction.Unpublished).Reason);
        var audited = await check.AuditEntries.AsNoTracking().Where(a => a.ObjectType == "material" && a.ObjectId == id.ToString()).ToListAsync();
        Assert.Contains(audited, a => a.Action == AuditActions.MaterialPublished && a.UserName == "sx.reviewer" && a.Outcome == AuditOutcome.Success);
        Assert.Contains(audited, a => a.Action == AuditActions.MaterialUnpublished && a.Details!.Contains("涉及企业未同意公开"));
        Assert.Contains(audited, a => a.Action == AuditActions.MaterialPublishedFileDownloaded && a.UserName == "xzxf.clerk");
    }

    [Fact]
    public async Task PublishingASummary_OrAMaterialNotYetAccepted_IsRefusedInChinese_AndOnlyTheLevelAboveMayPublish()
    {
        portal.Clock.Set(2022, 12, 20);
        var summary = await MaterialAsync(portal, "140900", "140000", "three-year-summary", "三年行动总结材料报省", MaterialKind.Summary, 2022, ReviewStatus.Accepted,
            "忻州市三年行动总结（2022）", reviewedBy: "sx.reviewer");
        var submitted = await MaterialAsync(portal, "140900", "140000", "wage-guidance-state-owned-experience", "国有企业市场化薪酬分配机制改革经验做法", MaterialKind.Experience, 2022,
            ReviewStatus.Submitted, "忻州市国企薪酬改革经验（待审）");
        var countyCase = await MaterialAsync(portal, "140902", "140900", "county-case", "典型案例报市", MaterialKind.TypicalCase, 2022, ReviewStatus.Accepted,
            "忻府区劳动争议调解典型案例", reviewedBy: "xz.reviewer", files: "案例.pdf");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var clerk = await portal.SignedInClientAsync("xz.clerk");
        using var stranger = await portal.SignedInClientAsync("ts.reviewer");

        Assert.Contains("“忻州市三年行动总结（2022）”是总结材料，只有经验做法和典型案例可以发布",
            await FlashAfterAsync(province, await PostAsync(province, $"/materials/published/{summary}/publish", ("confirmed", "true"))));
        Assert.Contains("“忻州市国企薪酬改革经验（待审）”的状态是已提交，接收后才能发布",
            await FlashAfterAsync(province, await PostAsync(province, $"/materials/published/{submitted}/publish", ("confirmed", "true"))));

        // The county's case is received by the city: the province, a city clerk and another province may not publish it.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(province, $"/materials/published/{countyCase}/publish", ("confirmed", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(clerk, $"/materials/published/{countyCase}/publish", ("confirmed", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"/materials/published/{countyCase}/publish", ("confirmed", "true"))).StatusCode);
        Assert.Equal(0, await ScalarAsync(db => db.MaterialSubmissions.CountAsync(m => m.PublishedAtUtc != null && m.Year == 2022)));
        Assert.Equal(0, await ScalarAsync(db => db.MaterialEvents.CountAsync(e => e.SubmissionId == summary || e.SubmissionId == submitted || e.SubmissionId == countyCase)));

        // The city's reviewer publishes it on the city's list, where the county is named with its city; a stale form is refused.
        Assert.Contains("“忻府区劳动争议调解典型案例”已被他人修改，请刷新页面后重试",
            await FlashAfterAsync(city, await PostAsync(city, $"/materials/published/{countyCase}/publish", ("confirmed", "true"), ("version", "7"))));
        await FlashAfterAsync(city, await PostAsync(city, $"/materials/published/{countyCase}/publish", ("confirmed", "true"), ("version", "0")));
        var row = (await city.GetPageAsync("/materials/published?year=2022")).QuerySelector($"[data-material='{countyCase}']")!;
        Assert.Equal("忻州市 忻府区", row.Children[1].TextContent);
        Assert.Equal("典型案例", row.Children[2].TextContent);
        Assert.Contains("“忻府区劳动争议调解典型案例”已经发布，无需重复发布",
            await FlashAfterAsync(city, await PostAsync(city, $"/materials/published/{countyCase}/publish", ("confirmed", "true"))));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(province, $"/materials/published/{countyCase}/unpublish", ("reason", "越级撤回"), ("confirmed", "true"))).StatusCode);
        Assert.Equal("xz.reviewer", await ScalarAsync(db => db.MaterialSubmissions.Where(m => m.Id == countyCase).Select(m => m.PublishedBy).SingleAsync()));
    }

    [Fact]
    public async Task PublishedListPdf_IsLandscape_UnderASpacedTitle_WithRegionKindTitleAndFiles_AndIsAudited()
    {
        portal.Clock.Set(2021, 12, 28);
        var province = await portal.RegionIdAsync("140000");
        var first = await MaterialAsync(portal, "140900", "140000", "wage-guidance-state-owned-experience", "国有企业市场化薪酬分配机制改革经验做法", MaterialKind.Experience, 2021,
            ReviewStatus.Accepted, "忻州国企薪酬改革第一批经验", reviewedBy: "sx.reviewer", files: ["第一批.pdf", "附表.pdf"]);
        using var reviewer = await portal.SignedInClientAsync("sx.reviewer");
        await FlashAfterAsync(reviewer, await PostAsync(reviewer, $"/materials/published/{first}/publish", ("confirmed", "true")));
        var page = await reviewer.GetPageAsync("/materials/published?year=2021");
        var pdfLink = page.QuerySelector("[data-testid=published-pdf]")!.GetAttribute("href")!;
        Assert.Equal($"/materials/published.pdf?year=2021&regionId={province}", pdfLink);

        var response = await reviewer.Http.GetAsync(pdfLink);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = new PdfText(await response.Content.ReadAsByteArrayAsync());
        var text = pdf.Text();
        Assert.Matches(@"^84\d.* x 59\d.*\(A4\)", pdf.PageSize); // landscape
        Assert.Contains("山西省 2021 年度典型案例和经验做法", text);
        foreach (var expected in new[] { "忻州市", "经验做法", "忻州国企薪酬改革第一批经验", "第一批.pdf", "附表.pdf", "sx.reviewer", "2021-12-28", "序号", "所属地区" })
        {
            Assert.Contains(expected, PdfText.Compact(text)); // narrow columns wrap long cells
        }

        Assert.Contains("第1页/共1页", PdfText.Compact(text));
        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PrintPdf && a.ObjectType == "published-materials" && a.ObjectId == $"{province}:2021" && a.Outcome == AuditOutcome.Success));
    }

    private async Task<T> ScalarAsync<T>(Func<Core.Data.HarmonyDbContext, Task<T>> query)
    {
        await using var db = portal.CreateDbContext();
        return await query(db);
    }
}

public sealed class SqliteMaterialPublicationTests(SqlitePortal portal) : MaterialPublicationTests<SqlitePortal>(portal);

public sealed class PostgresMaterialPublicationTests(PostgresPortal portal) : MaterialPublicationTests<PostgresPortal>(portal);
