using System.Diagnostics;
using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Print;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Print;

/// <summary>
/// Printed 推荐表, sheet summary tables and published lists, as HTML and as PDFs read back with poppler.
/// Each test works on its own county or year, so tests of the class share no sheet; all share one browser.
/// </summary>
public abstract class PrintTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task RecommendationFormPdf_ForTheCity_HoldsNameRegionAndVerdict_WithTheIdNumberMasked()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var id = await SubmittedNomineeAsync(clerk, "忻府打印候选");
        var full = await IdNumberOfAsync(id);
        var masked = IdNumber.Mask(full);

        var response = await city.Http.GetAsync($"/print/nominations/{id}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("忻府打印候选", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var pdf = new PdfText(await response.Content.ReadAsByteArrayAsync());
        var text = pdf.Text();
        Assert.Contains("忻府打印候选", text);
        Assert.Contains("忻府区", text);
        Assert.Contains("推荐表", text);
        Assert.Contains(masked, text);
        Assert.DoesNotContain(full, text);
        Assert.Contains("第 1 版规则", text);
        Assert.Contains("推荐单位意见（盖章）", text);
        Assert.Contains("第1页/共", PdfText.Compact(text));
        Assert.Matches(@"^59\d.* x 84\d.*\(A4\)", pdf.PageSize); // portrait

        // The county's own clerk may see the full number (as on the ledger's details page); the city may not.
        var own = (await clerk.GetPageAsync($"/print/nominations/{id}")).Body!.TextContent;
        Assert.Contains(full, own);
        var cityView = (await city.GetPageAsync($"/print/nominations/{id}")).Body!.TextContent;
        Assert.Contains(masked, cityView);
        Assert.DoesNotContain(full, cityView);

        await using var db = portal.CreateDbContext();
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.ObjectType == "nomination" && a.ObjectId == id.ToString() && a.Action.StartsWith("print.")).ToListAsync();
        Assert.Contains(audited, a => a.Action == AuditActions.PrintPdf && a.UserName == "xz.reviewer" && a.Details!.Contains("已脱敏"));
        Assert.Contains(audited, a => a.Action == AuditActions.PrintViewed && a.UserName == "xzxf.clerk" && a.Details!.Contains("完整显示 1 个"));
        Assert.Contains(audited, a => a.Action == AuditActions.PrintViewed && a.UserName == "xz.reviewer");
        Assert.All(audited, a => Assert.DoesNotContain(full, a.Details));
    }

    [Fact]
    public async Task SheetTablePdf_IsLandscape_WithDecisionsSignatureAndSealLines()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var id = await SubmittedNomineeAsync(clerk, "定襄打印候选");
        var sheet = await SheetAsync(portal, id);

        var html = await city.GetPageAsync($"/print/sheets/{sheet.Id}");
        Assert.Contains("定襄打印候选", html.QuerySelector("[data-testid=print-table]")!.TextContent);
        Assert.Equal("省级择优", html.QuerySelector("[data-testid=selection-head]")!.TextContent.Trim()); // 山西: the province confers
        Assert.Equal($"/print/sheets/{sheet.Id}.pdf", html.QuerySelector("[data-testid=pdf-link]")!.GetAttribute("href"));
        Assert.Null(html.QuerySelector("style, script, [style]"));

        var response = await city.Http.GetAsync($"/print/sheets/{sheet.Id}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = new PdfText(await response.Content.ReadAsByteArrayAsync());
        var text = pdf.Text();
        Assert.Matches(@"^84\d.* x 59\d.*\(A4\)", pdf.PageSize); // landscape
        foreach (var expected in new[] { "定襄县", "推荐汇总表", "定襄打印候选", "待审核", "待择优", "填表人", "审核人", "单位负责人", "盖章" })
        {
            Assert.Contains(expected, text);
        }

        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PrintPdf && a.ObjectType == "sheet" && a.ObjectId == sheet.Id.ToString()));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PrintViewed && a.ObjectType == "sheet" && a.ObjectId == sheet.Id.ToString()));
    }

    [Fact]
    public async Task PublishedList_OfSixtyNominees_SpansPages_WithTheHeaderRowOnEveryPage_InRegionOrder()
    {
        portal.Clock.Set(2023, 7, 1); // the list of 2023 is read in 2023 (no future years, issue 14)
        var (names, countyPrefixes) = await PublishedListAsync(2023, 60);
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        using var stranger = await portal.SignedInClientAsync("ts.reviewer");
        const string url = "/print/published.pdf?category=Coordinator&year=2023&batch=0";

        Assert.Equal(HttpStatusCode.OK, (await province.Http.GetAsync(url)).StatusCode); // warms the browser if no other test has
        var timer = Stopwatch.StartNew();
        var response = await province.Http.GetAsync(url);
        timer.Stop();
        output.WriteLine($"Published list of {names.Count} nominees: {timer.ElapsedMilliseconds} ms with the browser warm");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var pdf = new PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.Pages > 1, $"expected several pages, got {pdf.Pages}");
        for (var page = 1; page <= pdf.Pages; page++)
        {
            var text = pdf.PageText(page);
            Assert.Contains("序号", text);
            Assert.Contains("所属地区", text);
            Assert.Contains("身份证号码", text);
            Assert.Contains($"第{page}页/共{pdf.Pages}页", PdfText.Compact(text));
        }

        var all = pdf.Text();
        Assert.All(names, n => Assert.Contains(n, all));
        Assert.DoesNotContain("14010019800101", all); // the province is not the rows' region: numbers masked
        var positions = countyPrefixes.Select(r => all.IndexOf(names.First(n => n.StartsWith(r, StringComparison.Ordinal)), StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.True(all.LastIndexOf(countyPrefixes[0] + "入选", StringComparison.Ordinal) < all.IndexOf(countyPrefixes[1] + "入选", StringComparison.Ordinal));

        // Another province's reviewer gets its own (empty) list, never these names.
        var foreign = (await stranger.GetPageAsync("/print/published?category=Coordinator&year=2023&batch=0")).Body!.TextContent;
        Assert.DoesNotContain(names[0], foreign);
        Assert.Contains("没有记录", foreign);
    }

    [Fact]
    public async Task PublishedList_NamesTheCityWithTheCounty_UnderASpacedTitle()
    {
        portal.Clock.Set(2021, 7, 1);
        var (names, _) = await PublishedListAsync(2021, 3);
        await using var db = portal.CreateDbContext();
        var county = await db.Nominations.Where(n => n.Name == names[0] && n.Year == 2021).Select(n => n.Region).SingleAsync();
        var city = await db.Regions.SingleAsync(r => r.Id == county.ParentId);
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        using var cityReviewer = await portal.SignedInClientAsync("xz.reviewer");

        foreach (var (user, scope) in new[] { (province, "山西省"), (cityReviewer, city.Name) })
        {
            var page = await user.GetPageAsync("/print/published?category=Coordinator&year=2021&batch=0");

            Assert.Equal($"{scope} 2021 年度{HarmonyPortal.Core.Nominations.GoldRules.CategoryName(GoldCategory.Coordinator)}名单", page.QuerySelector("h1")!.TextContent.Trim());
            var row = page.QuerySelectorAll("[data-testid=print-table] tbody tr").Single(tr => tr.Children[1].TextContent == names[0]);
            Assert.Equal($"{city.Name} {county.Name}", row.Children[2].TextContent);
            var headers = page.QuerySelectorAll("[data-testid=print-table] th").Select(th => th.TextContent).ToList();
            Assert.True(headers.Count(h => h.Contains("乡镇", StringComparison.Ordinal)) <= 1, string.Join("|", headers));
        }
    }

    [Fact]
    public async Task UsersOutsideTheSubtree_Get404_ForEveryPrintRoute_AndNothingIsAudited()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzyp.clerk");
        using var sibling = await portal.SignedInClientAsync("xzxf.clerk");
        using var stranger = await portal.SignedInClientAsync("ts.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "原平打印候选"));
        var sheet = await SheetAsync(portal, id);

        foreach (var user in new[] { sibling, stranger })
        {
            foreach (var url in new[] { $"/print/nominations/{id}", $"/print/nominations/{id}.pdf", $"/print/sheets/{sheet.Id}", $"/print/sheets/{sheet.Id}.pdf" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync(url)).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync($"/print/nominations/{id}")).StatusCode);
        await using var db = portal.CreateDbContext();
        var printers = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action.StartsWith("print.") && ((a.ObjectType == "nomination" && a.ObjectId == id.ToString()) || (a.ObjectType == "sheet" && a.ObjectId == sheet.Id.ToString())))
            .Select(a => a.UserName).Distinct().ToListAsync();
        Assert.Equal(["xzyp.clerk"], printers);
    }

    [Fact]
    public async Task TwoConcurrentPdfRequests_BothSucceed_OnOneBrowserLaunch()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xz.clerk");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "忻州市直打印候选"));
        var sheet = await SheetAsync(portal, id);

        var responses = await Task.WhenAll(clerk.Http.GetAsync($"/print/nominations/{id}.pdf"), clerk.Http.GetAsync($"/print/sheets/{sheet.Id}.pdf"));
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var pdf = new PdfText(await response.Content.ReadAsByteArrayAsync());
            Assert.Contains("忻州市直打印候选", pdf.Text());
        }

        Assert.Equal(1, portal.Services.GetRequiredService<PdfRenderer>().LaunchCount);
    }

    private async Task<long> SubmittedNomineeAsync(PortalClient clerk, string name)
    {
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, name));
        await AttestAllAsync(clerk, id);
        await DoneAsync(ActAsync(clerk, (await SheetAsync(portal, id)).Id, "submit"));
        return id;
    }

    private async Task<string> IdNumberOfAsync(long nominationId)
    {
        await using var db = portal.CreateDbContext();
        var rowId = await db.Nominations.Where(n => n.Id == nominationId).Select(n => n.LedgerRowId).SingleAsync();
        var row = await db.Coordinators.AsNoTracking().SingleAsync(r => r.Id == rowId);
        return portal.Services.GetRequiredService<PersonalDataProtector>().Decrypt(row.IdNumberCipher);
    }

    /// <summary>Inserts a published list of Xinzhou's three counties straight into the database (the workflow is tested elsewhere).</summary>
    private async Task<(List<string> Names, List<string> CountyPrefixes)> PublishedListAsync(int year, int count)
    {
        var protector = portal.Services.GetRequiredService<PersonalDataProtector>();
        await using var db = portal.CreateDbContext();
        var now = DateTime.UtcNow;
        var counties = await db.Users.Where(u => u.UserName == "xzxf.clerk" || u.UserName == "xzdx.clerk" || u.UserName == "xzyp.clerk")
            .Select(u => u.Region).ToListAsync();
        counties = counties.OrderBy(r => r.SortOrder).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        var cityId = counties[0].ParentId!.Value;
        NominationSheet NewSheet(int regionId) => new()
        {
            RegionId = regionId, Category = GoldCategory.Coordinator, Year = year, Status = SheetStatus.Published, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        var citySheet = NewSheet(cityId);
        var countySheets = counties.ToDictionary(c => c.Id, c => NewSheet(c.Id));
        db.NominationSheets.AddRange([citySheet, .. countySheets.Values]);
        var names = new List<string>();
        var rows = new List<(Coordinator Row, Region County)>();
        for (var i = 0; i < count; i++)
        {
            // Listed out of region order, so the print's ordering is what puts them in order.
            var county = counties[(count - i) % counties.Count];
            var name = $"{county.Name[..2]}入选{i:D2}号";
            names.Add(name);
            var row = new Coordinator
            {
                RegionId = county.Id, Year = year, Name = name, Gender = Gender.Male, Ethnicity = "汉族", WorkUnit = $"{county.Name}第{i}工业园区劳动关系协调办公室",
                Education = Education.Bachelor, ServingSince = new DateOnly(2010, 1, 1), Phone = $"139{i:D8}", CreatedAtUtc = now, UpdatedAtUtc = now,
                IdNumber = TestIdNumbers.WithCheckDigit($"14010019800101{i:D3}0"),
            };
            protector.Seal(row);
            db.Coordinators.Add(row);
            rows.Add((row, county));
        }

        await db.SaveChangesAsync();
        db.Nominations.AddRange(rows.Select(r => new Nomination
        {
            RegionId = r.County.Id, Category = GoldCategory.Coordinator, Year = year, Name = r.Row.Name, Narrative = "扎根基层，调处劳动争议。",
            LedgerRowId = r.Row.Id, SheetId = countySheets[r.County.Id].Id, CitySheetId = citySheet.Id, CityDecision = Decision.Yes, ProvinceDecision = Decision.Yes,
            CreatedBy = "test", CreatedAtUtc = now, UpdatedAtUtc = now,
        }));
        await db.SaveChangesAsync();
        return (names, counties.Select(c => c.Name[..2]).ToList());
    }
}

public sealed class SqlitePrintTests(SqlitePortal portal, ITestOutputHelper output) : PrintTests<SqlitePortal>(portal, output);

public sealed class PostgresPrintTests(PostgresPortal portal, ITestOutputHelper output) : PrintTests<PostgresPortal>(portal, output);
