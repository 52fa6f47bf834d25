using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Admin;

/// <summary>
/// Merging two counties whose sheets are of office-defined honours (ADR 0026): sheets of the same year and batch but of
/// different honours (different honour task ids) are different kinds and both move; two sheets of the same honour are
/// the conflict a merge reports, naming the honour.
/// </summary>
public abstract class RegionMergeOfficeHonourTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static string Text(IHtmlDocument page, string testId) =>
        Regex.Replace(page.QuerySelector($"[data-testid='{testId}']")?.TextContent ?? "", @"\s+", " ");

    private async Task<long> SheetAsync(string regionCode, string honour)
    {
        await using var db = portal.CreateDbContext();
        var sheet = new NominationSheet
        {
            RegionId = await portal.RegionIdAsync(regionCode), Category = OfficeHonour.Category, HonourTaskId = honour, Year = 2024, Batch = 0,
            CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        db.NominationSheets.Add(sheet);
        await db.SaveChangesAsync();
        return sheet.Id;
    }

    [Fact]
    public async Task SheetsOfDifferentOfficeHonours_OfTheSameYearAndBatch_BothMove()
    {
        portal.Clock.Set(2024, 6, 1);
        var (source, target) = (await portal.RegionIdAsync("430611"), await portal.RegionIdAsync("430623"));
        var moving = await SheetAsync("430611", "model-enterprise");
        var staying = await SheetAsync("430623", "wage-bargaining-model");
        using var admin = await portal.SignedInClientAsync("yy.admin");

        var preview = await PortalClient.ParseAsync(await RegionChangeTests<TPortal>.ChangeAsync(admin, source, "merge", false, ("OtherId", target.ToString()), ("EffectiveOn", "2025-01-01")));
        Assert.Contains("推荐表 1 份", Text(preview, "merge-plan"));
        Assert.Equal("", Text(preview, "merge-conflicts"));
        Assert.Equal(HttpStatusCode.Redirect, (await RegionChangeTests<TPortal>.ChangeAsync(admin, source, "merge", true, ("OtherId", target.ToString()), ("EffectiveOn", "2025-01-01"))).StatusCode);

        await using var db = portal.CreateDbContext();
        var sheets = await db.NominationSheets.AsNoTracking().Where(s => s.Id == moving || s.Id == staying).OrderBy(s => s.HonourTaskId).Select(s => new { s.HonourTaskId, s.RegionId }).ToListAsync();
        Assert.Equal([("model-enterprise", target), ("wage-bargaining-model", target)], sheets.Select(s => (s.HonourTaskId, s.RegionId)));
        Assert.Equal(target, (await db.Regions.SingleAsync(r => r.Id == source)).MergedIntoId);
    }

    [Fact]
    public async Task SheetsOfTheSameOfficeHonour_OnBothSides_AreReported_NamingTheHonour_AndNothingMoves()
    {
        portal.Clock.Set(2024, 6, 1);
        var (source, target) = (await portal.RegionIdAsync("430602"), await portal.RegionIdAsync("430621"));
        var sheet = await SheetAsync("430602", "model-enterprise");
        await SheetAsync("430621", "model-enterprise");
        using var admin = await portal.SignedInClientAsync("hn.admin");

        var response = await RegionChangeTests<TPortal>.ChangeAsync(admin, source, "merge", true, ("OtherId", target.ToString()), ("EffectiveOn", "2025-01-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("推荐表（2024 年度 自定义称号“model-enterprise”的推荐 第 1 批）：两地各有一份", Text(page, "merge-conflicts"));
        await using var db = portal.CreateDbContext();
        Assert.Equal(source, await db.NominationSheets.Where(s => s.Id == sheet).Select(s => s.RegionId).SingleAsync());
        Assert.Null((await db.Regions.SingleAsync(r => r.Id == source)).ClosedOn);
    }
}

public sealed class SqliteRegionMergeOfficeHonourTests(SqlitePortal portal) : RegionMergeOfficeHonourTests<SqlitePortal>(portal);

public sealed class PostgresRegionMergeOfficeHonourTests(PostgresPortal portal) : RegionMergeOfficeHonourTests<PostgresPortal>(portal);
