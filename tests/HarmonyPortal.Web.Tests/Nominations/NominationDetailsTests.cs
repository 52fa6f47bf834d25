using System.Net;
using System.Net.Http.Headers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using System.IO.Compression;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>Evidence, frozen ledger data, recorded verdicts and reopening, each on its own county or year of Shanxi.</summary>
public sealed class NominationDetailsTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private static async Task<HttpResponseMessage> UploadAsync(PortalClient clerk, long id, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await clerk.TokenFromAsync("/nominations")), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(file, "file", fileName);
        return await clerk.Http.PostAsync($"/nominations/{id}/evidence", form);
    }

    [Fact]
    public async Task Evidence_IsCheckedByContentAndSize_AndOnlyReadableInsideTheSubtree()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        using var sibling = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.MediationOrganization, await LedgerRowAsync(clerk, GoldCategory.MediationOrganization, 2022, "定襄调解委员会"));

        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var docx = Docx();
        var tooBig = new byte[(int)EvidenceFile.MaxBytes + 1];
        "%PDF-"u8.CopyTo(tooBig);

        var html = await UploadAsync(clerk, id, "<html><body>伪装成 PDF 的网页</body></html>"u8.ToArray(), "表彰文件.pdf");
        var big = await UploadAsync(clerk, id, tooBig, "扫描件.pdf");
        var savedPdf = await UploadAsync(clerk, id, pdf, "表彰文件.exe");
        var savedDocx = await UploadAsync(clerk, id, docx, "事迹材料.docx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, html.StatusCode);
        Assert.Contains("附件“表彰文件.pdf”：文件内容不是 PDF、JPG、PNG、DOCX、DOC、WPS、XLS、XLSX 之一", await TextAsync(html));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Contains("超过上限 5 MB", await TextAsync(big));
        Assert.Equal(HttpStatusCode.Redirect, savedPdf.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, savedDocx.StatusCode);
        await using var db = portal.CreateDbContext();
        var stored = await db.NominationEvidence.AsNoTracking().Where(e => e.NominationId == id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["表彰文件.pdf", "事迹材料.docx"], stored.Select(e => e.FileName));
        Assert.Equal(pdf, stored[0].Content);

        var download = await city.Http.GetAsync($"/nominations/{id}/evidence/{stored[0].Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.Http.GetAsync($"/nominations/{id}/evidence/{stored[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(sibling, id, pdf, "x.pdf")).StatusCode);
    }

    [Fact]
    public async Task ALedgerEditAfterApproval_ShowsTheReviewerWhatChanged()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var rowId = await LedgerRowAsync(clerk, GoldCategory.MediationOrganization, 2022, "原平调解委员会");
        var id = await NominateAsync(clerk, GoldCategory.MediationOrganization, rowId);
        await AttestAllAsync(clerk, id);
        var sheet = await SheetAsync(portal, id);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));
        await ConfirmAllAsync(city, id);
        await DoneAsync(city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync("/nominations"), ("approve", "true")));
        await DoneAsync(ActAsync(city, sheet.Id, "approve"));
        Assert.Null((await city.GetPageAsync($"/nominations/{id}")).QuerySelector("[data-testid=changed-since-approval]"));

        await using (var db = portal.CreateDbContext())
        {
            var version = (await db.MediationOrganizations.AsNoTracking().SingleAsync(r => r.Id == rowId)).Version;
            await DoneAsync(clerk.PostAsync($"/ledgers/mediation-organizations/{rowId}/edit", await clerk.TokenFromAsync("/ledgers"),
                [.. LedgerForms.MediationOrganization("原平调解委员会", 100, 60), ("version", version.ToString())]));
        }

        var changed = (await city.GetPageAsync($"/nominations/{id}")).QuerySelector("[data-testid=changed-since-approval]")!.TextContent;
        Assert.Contains("调解成功", changed);
        Assert.Contains("70", changed);
        Assert.Contains("60", changed);
        Assert.Contains("审核通过后台账有变动", (await city.GetPageAsync($"/nominations/sheets/{sheet.Id}")).QuerySelector("[data-testid=nominees]")!.TextContent);
        var delete = await clerk.PostAsync($"/ledgers/mediation-organizations/{rowId}/delete", await clerk.TokenFromAsync("/ledgers"), ("version", (await VersionAsync(rowId)).ToString()), ("confirmed", "true"));
        Assert.Contains("已在金牌选树推荐中，不能删除", (await clerk.GetPageAsync(delete.Headers.Location!.OriginalString)).Body!.TextContent);
    }

    [Fact]
    public async Task ARuleEditThisYear_LeavesLastYearsRecordedVerdictsAsTheyWere()
    {
        portal.Clock.Set(2021, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2021, "本科协调员"));
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, id)).Id, "submit"));
        await using var db = portal.CreateDbContext();
        var recorded = await db.NominationEvaluations.AsNoTracking().SingleAsync(e => e.NominationId == id);

        // A year later the province raises the education requirement to 研究生 in version 2.
        portal.Clock.Set(2022, 3, 1);
        using var adminNow = await portal.SignedInClientAsync("sx.admin");
        var shanxi = await portal.RegionIdAsync("140000");
        var v1 = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == shanxi).OrderByDescending(v => v.Version).FirstAsync();
        var edited = v1.Json.Replace("\"value\": \"高中\"", "\"value\": \"研究生\"", StringComparison.Ordinal);
        Assert.NotEqual(v1.Json, edited);
        await DoneAsync(adminNow.PostAsync($"/rules/{shanxi}", await adminNow.TokenFromAsync($"/rules/{shanxi}"), ("json", edited), ("comment", "学历要求提高")));

        using var clerkNow = await portal.SignedInClientAsync("xzyp.clerk");
        var page = await clerkNow.GetPageAsync($"/nominations/{id}");
        await using var after = portal.CreateDbContext();
        var stillRecorded = await after.NominationEvaluations.AsNoTracking().SingleAsync(e => e.NominationId == id);
        Assert.Equal((recorded.RuleSetVersion, recorded.Outcome, recorded.VerdictJson), (stillRecorded.RuleSetVersion, stillRecorded.Outcome, stillRecorded.VerdictJson));
        // At submission the attested conditions await the city reviewer (issue 15): the recorded verdict is 待审核确认, not 符合.
        Assert.Equal(Outcome.NeedsAttestation, stillRecorded.Outcome);
        Assert.Contains("学历 本科 ≥ 要求 高中", page.QuerySelector("[data-testid=evaluations]")!.TextContent);
        Assert.Contains("第 1 版", page.QuerySelector("[data-testid=evaluations]")!.TextContent);
        // The live card uses the new version and says so.
        Assert.Contains("学历 本科 < 要求 研究生", page.QuerySelector("[data-testid=eligibility]")!.TextContent);
        // And the stored version still reproduces the stored verdict.
        var stored = await after.RuleSetVersions.AsNoTracking().SingleAsync(v => v.Id == stillRecorded.RuleSetVersionId);
        Assert.Contains("\"value\": \"高中\"", stored.Json);
    }

    [Fact]
    public async Task TheProvinceReopensACountySheet_TheForwardedCitySheetReturnsWithIt_AndTheClerkCanCorrect()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.SocialOrganization, await LedgerRowAsync(clerk, GoldCategory.SocialOrganization, 2022, "定襄协调服务中心"));
        await AttestAllAsync(clerk, id);
        var sheet = await SheetAsync(portal, id);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));
        await ConfirmAllAsync(city, id);
        await DoneAsync(city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync("/nominations"), ("approve", "true")));
        await DoneAsync(ActAsync(city, sheet.Id, "approve"));
        var citySheet = await SheetAsync(portal, id, city: true);
        await DoneAsync(ActAsync(city, citySheet.Id, "forward"));

        var byCity = await ActAsync(city, sheet.Id, "reopen", ("reason", "材料有误"));
        Assert.Contains("市级推荐表已上报省级，须由省级审核员重新打开", await TextAsync(byCity));
        Assert.Contains("重新打开的原因：必填", await TextAsync(await ActAsync(province, sheet.Id, "reopen")));
        await DoneAsync(ActAsync(province, sheet.Id, "reopen", ("reason", "信用代码与登记机关不符，请核实后重报")));

        Assert.Equal(SheetStatus.Returned, (await SheetAsync(portal, id)).Status);
        await using var db = portal.CreateDbContext();
        Assert.Equal(SheetStatus.Returned, (await db.NominationSheets.AsNoTracking().SingleAsync(s => s.Id == citySheet.Id)).Status);
        Assert.Null((await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id)).CitySheetId);
        var overview = await clerk.GetPageAsync("/nominations?category=SocialOrganization&year=2022");
        Assert.Contains("信用代码与登记机关不符", overview.QuerySelector("[data-testid=return-reason]")!.TextContent);
        await DoneAsync(clerk.PostAsync($"/nominations/{id}/narrative", await clerk.TokenFromAsync("/nominations"), ("narrative", "已核实统一社会信用代码，补充了三年来承接三方委托事项的清单。")));
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));
    }

    [Fact]
    public async Task SevenDaysBeforeTheReportDate_TheCityThatHasNotReportedIsReminded_Once()
    {
        portal.Clock.Set(2021, 10, 13); // Shanxi: mediation organisations of 2021 reported to the province by 2021-10-20
        using var submitter = await portal.SignedInClientAsync("xzxf.clerk");
        using var late = await portal.SignedInClientAsync("xzdx.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var id = await NominateAsync(submitter, GoldCategory.MediationOrganization, await LedgerRowAsync(submitter, GoldCategory.MediationOrganization, 2021, "忻府调解委员会"));
        await AttestAllAsync(submitter, id);
        await DoneAsync(ActAsync(submitter, (await SheetAsync(portal, id)).Id, "submit"));

        var first = await RemindAsync(new DateOnly(2021, 10, 13));
        var again = await RemindAsync(new DateOnly(2021, 10, 13));
        var sixDays = await RemindAsync(new DateOnly(2021, 10, 14));

        Assert.Equal(0, again);
        Assert.Equal(0, sixDays);
        const string Title = "2021 年度金牌劳动人事争议调解组织推荐表还有 7 天截止（2021-10-20）";
        // The province's date is the city's report; the counties' submission to the city has no date, so no county is reminded.
        Assert.DoesNotContain(Title, (await late.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.Contains(Title + "，忻州市尚未上报", (await city.GetPageAsync("/notifications")).Body!.TextContent);
        Assert.DoesNotContain("尚未提交", (await submitter.GetPageAsync("/notifications")).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        // Sheet reminders and the mediation ledgers' own reminders (due the same day) were each created once.
        var keys = await db.Notifications.AsNoTracking().Where(n => n.DedupKey != null && n.DedupKey.EndsWith(":20211020:7")).Select(n => n.DedupKey).ToListAsync();
        Assert.Contains(keys, k => k!.StartsWith("deadline:", StringComparison.Ordinal) && k.Contains(":MediationOrganization:2021:", StringComparison.Ordinal));
        Assert.True(first >= keys.Count && keys.Count >= 1);
        var sheetKeys = keys.Where(k => k!.StartsWith("deadline:", StringComparison.Ordinal)).ToList();
        Assert.Equal(sheetKeys.Count, sheetKeys.Distinct().Count());
    }

    [Fact]
    public async Task TheCityApprovesSeveralCountiesAtOnce_TheirNomineesJoinTheCitySheet()
    {
        portal.Clock.Set(2023, 7, 1);
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var sheets = new List<long>();
        foreach (var county in new[] { "xzxf", "xzdx" })
        {
            using var clerk = await portal.SignedInClientAsync(county + ".clerk");
            var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2023, county + "批量候选"));
            await AttestAllAsync(clerk, id);
            var sheet = await SheetAsync(portal, id);
            await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));
            await ConfirmAllAsync(city, id);
            sheets.Add(sheet.Id);
        }

        var overview = await city.GetPageAsync("/nominations?category=Coordinator&year=2023");
        var items = overview.QuerySelectorAll("[data-testid=child-sheets] input[name=items]").Select(i => ((AngleSharp.Html.Dom.IHtmlInputElement)i).Value).ToList();
        Assert.Equal(2, items.Count);
        var response = await city.PostAsync("/nominations/bulk-approve", await city.TokenFromAsync("/nominations"),
            [("category", "Coordinator"), ("year", "2023"), ("batch", "0"), .. items.Select(i => ("items", i))]);
        var flash = (await city.GetPageAsync(response.Headers.Location!.OriginalString)).QuerySelector(".alert-success")!.TextContent;

        Assert.Contains("已审核通过 2 个推荐表：忻府区、定襄县", flash);
        await using var db = portal.CreateDbContext();
        Assert.All(await db.NominationSheets.AsNoTracking().Where(s => sheets.Contains(s.Id)).ToListAsync(), s => Assert.Equal(SheetStatus.Approved, s.Status));
        var citySheets = await db.Nominations.AsNoTracking().Where(n => sheets.Contains(n.SheetId)).Select(n => n.CitySheetId).Distinct().ToListAsync();
        Assert.Single(citySheets);
        Assert.NotNull(citySheets[0]);
    }

    [Fact]
    public async Task ACitysOwnNominee_GoesStraightIntoTheCitySheet_AndForwardingApprovesIt()
    {
        portal.Clock.Set(2023, 7, 1);
        using var cityClerk = await portal.SignedInClientAsync("xz.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var id = await NominateAsync(cityClerk, GoldCategory.SocialOrganization, await LedgerRowAsync(cityClerk, GoldCategory.SocialOrganization, 2023, "忻州市协调劳动关系服务中心"));
        await AttestAllAsync(cityClerk, id);
        var sheet = await SheetAsync(portal, id);
        Assert.Equal(sheet.Id, (await SheetAsync(portal, id, city: true)).Id);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ActAsync(cityClerk, sheet.Id, "submit")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ActAsync(cityClerk, sheet.Id, "forward")).StatusCode);
        await DoneAsync(ActAsync(city, sheet.Id, "forward"));

        await using var db = portal.CreateDbContext();
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id);
        Assert.Equal(Decision.Yes, nomination.CityDecision);
        Assert.NotNull(nomination.FrozenJson);
        Assert.Equal(SheetStatus.Forwarded, (await SheetAsync(portal, id)).Status);
        var edit = await cityClerk.PostAsync($"/nominations/{id}/narrative", await cityClerk.TokenFromAsync("/nominations"), ("narrative", "上报之后试图修改主要事迹，应当被拒绝并说明原因。"));
        Assert.Contains("推荐表当前状态为“已上报”，不能再修改", await TextAsync(edit));
    }

    private async Task<int> RemindAsync(DateOnly today)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HarmonyPortal.Web.Features.Nominations.DeadlineReminders>().RunAsync(today, CancellationToken.None);
    }

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            // Well-formed parts: the evidence check reads every XML part of a DOCX (and refuses one it cannot parse).
            foreach (var (name, xml) in new[]
            {
                ("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"""),
                ("word/document.xml", """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"""),
            })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }
        }

        return buffer.ToArray();
    }

    private async Task<int> VersionAsync(long rowId)
    {
        await using var db = portal.CreateDbContext();
        return (await db.MediationOrganizations.AsNoTracking().SingleAsync(r => r.Id == rowId)).Version;
    }
}
