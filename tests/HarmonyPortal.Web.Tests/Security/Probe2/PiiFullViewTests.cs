using System.IO.Compression;
using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Ledgers.LedgerWorkbooks;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Second outside probe, classes "every page or file that shows a full ID number audits it" and "phone numbers are masked
/// the same way on every page that masks them".
/// </summary>
public abstract class PiiFullViewTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static async Task<long> CreateAsync(PortalClient client, (string, string)[] form)
    {
        var token = await client.TokenFromAsync("/ledgers");
        var created = await client.PostAsync("/ledgers/coordinators/create", token, [.. form, ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [Fact]
    public async Task TheEditForm_AndTheImportErrorWorkbook_ShowFullNumbers_AndEachIsAudited()
    {
        var number = TestIdNumbers.WithCheckDigit("430624197711118882");
        using var clerk = await portal.SignedInClientAsync("yyxy.clerk");
        var id = await CreateAsync(clerk, LedgerForms.Coordinator(name: "谭静", id: number));
        var bad = Person("1", "谭静", number[..17] + (number[17] == '1' ? '2' : '1'), "女", "2020-01-01");

        var form = await clerk.GetPageAsync($"/ledgers/coordinators/{id}/edit");
        var refused = await PortalClient.ParseAsync(await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders, bad)));
        var link = refused.QuerySelector("a[href^='/ledgers/coordinators/import/']")!.GetAttribute("href")!;
        var workbook = await clerk.Http.GetAsync(link);

        Assert.Contains(number, form.DocumentElement.OuterHtml);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        await using var db = portal.CreateDbContext();
        var audited = await db.AuditEntries.Where(e => e.UserName == "yyxy.clerk").ToListAsync();
        Assert.Contains(audited, e => e.Action == AuditActions.LedgerIdNumberViewed && e.ObjectId == id.ToString() && e.Details == "edit-form");
        Assert.Contains(audited, e => e.Action == AuditActions.LedgerImportErrorsDownloaded && e.ObjectType == "ledger:coordinators");
    }

    [Fact]
    public async Task APhoneOfAnotherRegion_IsMaskedAlikeOnDetailsHistoryAndExport_AndShownInFullToItsOwner()
    {
        using var owner = await portal.SignedInClientAsync("yyqy.clerk");
        var id = await CreateAsync(owner, LedgerForms.Coordinator(name: "石磊", id: TestIdNumbers.WithCheckDigit("430600198912121110"), gender: "男", phone: "13974001234"));
        using var city = await portal.SignedInClientAsync("yy.reviewer");

        var pages = new Dictionary<string, string>
        {
            ["details"] = (await city.GetPageAsync($"/ledgers/coordinators/{id}")).Body!.TextContent,
            ["history"] = (await city.GetPageAsync($"/ledgers/coordinators/{id}/history")).Body!.TextContent,
            ["export"] = await SheetTextAsync(await city.Http.GetAsync("/ledgers/coordinators/export?year=2026&q=石磊")),
        };
        var ownDetails = (await owner.GetPageAsync($"/ledgers/coordinators/{id}")).Body!.TextContent;
        var ownExport = await SheetTextAsync(await owner.Http.GetAsync("/ledgers/coordinators/export?year=2026&q=石磊"));

        Assert.All(pages, p => Assert.True(p.Value.Contains("139****1234") && !p.Value.Contains("13974001234"), p.Key));
        Assert.Contains("13974001234", ownDetails);
        Assert.Contains("13974001234", ownExport);
    }

    private static async Task<string> SheetTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var text = new System.Text.StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }
}

public sealed class SqlitePiiFullViewTests(SqlitePortal portal) : PiiFullViewTests<SqlitePortal>(portal);

public sealed class PostgresPiiFullViewTests(PostgresPortal portal) : PiiFullViewTests<PostgresPortal>(portal);
