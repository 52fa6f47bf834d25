using System.Net;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Admin;
using HarmonyPortal.Web.Tests.Ledgers;
using HarmonyPortal.Web.Tests.YearEnd;
using Xunit;

namespace HarmonyPortal.Web.Tests.Dashboard;

/// <summary>
/// A city and one of its counties renamed from 2024 (GB/T 2260): the dashboard and the year-end workbook of 2023 show
/// the names of 2023 (忻州市, 定襄县) in titles, quota lines and region columns; 2024's show the new names.
/// </summary>
public abstract class RenamedRegionPastYearTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string NewCity = "新忻州市";
    private const string NewCounty = "定襄市";

    [Fact]
    public async Task After_ARename_In2024_The2023DashboardAndYearEndWorkbook_ShowTheNamesOf2023()
    {
        portal.Clock.Set(2024, 6, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        var saved = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers"),
            [.. LedgerForms.Coordinator("旧名年度协调员", TestIdNumbers.WithCheckDigit("140921198001010031"), "男"), ("year", "2023")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var admin = await portal.SignedInClientAsync("sx.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await RegionChangeTests<TPortal>.ChangeAsync(admin, await portal.RegionIdAsync("140900"), "rename", true, ("Name", NewCity), ("FromYear", "2024"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RegionChangeTests<TPortal>.ChangeAsync(admin, await portal.RegionIdAsync("140921"), "rename", true, ("Name", NewCounty), ("FromYear", "2024"))).StatusCode);

        // The city's dashboard of 2023: its title, its quota lines and its counties' rows carry the 2023 names.
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var old = await city.GetPageAsync("/dashboard?year=2023");
        Assert.Contains("忻州市 2023 年度统计看板", old.QuerySelector("h1")!.TextContent);
        Assert.Contains(old.QuerySelectorAll("[data-testid=dashboard-ledgers] tbody tr"), tr => tr.Children[0].TextContent.Trim() == "定襄县");
        var progress = old.QuerySelector("[data-testid=dashboard-progress]")!.TextContent;
        Assert.Contains("忻州市 打造金牌劳动关系协调员", System.Text.RegularExpressions.Regex.Replace(progress, @"\s+", " "));
        Assert.DoesNotContain(NewCity, old.QuerySelector("main")!.TextContent); // the page; the user menu names the user's region as it is now
        Assert.DoesNotContain(NewCounty, old.QuerySelector("main")!.TextContent);
        var current = (await city.GetPageAsync("/dashboard?year=2024")).QuerySelector("main")!.TextContent;
        Assert.Contains(NewCity, current);
        Assert.Contains(NewCounty, current);

        // The county's own dashboard of 2023.
        Assert.Contains("定襄县 2023 年度统计看板", (await clerk.GetPageAsync("/dashboard?year=2023")).QuerySelector("h1")!.TextContent);

        // The city's year-end workbook of 2023: sheet titles, the summary's quota lines and the 县 column. Only the issuing
        // office's line (印发单位, dated today) names the office as it is called now.
        var (sheets, _) = YearEndWorkbookReader.Read(await YearEndExports.ExportAsync(city, 2023));
        Assert.All(sheets, s => Assert.StartsWith("忻州市 2023 年度", s.Rows[0][0]));
        var texts = sheets.SelectMany(s => s.Rows.Skip(2)).SelectMany(r => r).ToList();
        Assert.DoesNotContain(texts, t => t.Contains(NewCity) || t.Contains(NewCounty));
        Assert.Contains(sheets[0].Data, r => r[1] == "忻州市" && r[2] == "打造金牌劳动关系协调员");
        var coordinators = sheets.Single(s => s.Name == LedgerCatalog.Find("coordinators")!.Title);
        Assert.Contains(coordinators.Data, r => r[1] == "定襄县" && r.Contains("旧名年度协调员"));
        var (now, _) = YearEndWorkbookReader.Read(await YearEndExports.ExportAsync(city, 2024));
        Assert.All(now, s => Assert.StartsWith(NewCity + " 2024 年度", s.Rows[0][0]));
    }
}

public sealed class SqliteRenamedRegionPastYearTests(SqlitePortal portal) : RenamedRegionPastYearTests<SqlitePortal>(portal);

public sealed class PostgresRenamedRegionPastYearTests(PostgresPortal portal) : RenamedRegionPastYearTests<PostgresPortal>(portal);
