using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.YearEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Audit;

/// <summary>
/// 审计日志 (ADR 0020) with 三员分立 off: 管理员 reads it. Sign-ins on chosen days in 忻州 and 唐山 and one ledger
/// entry carrying an ID number and a phone give the viewer something to filter.
/// </summary>
public abstract class AuditViewerTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string IdNumber = "140902198001010010";
    private const string Phone = "13907970011";

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly HashSet<object> Done = [];

    /// <summary>Each fixture once: xzxf.clerk signs in on 1 March 2026, xzdx.clerk and ts.clerk on 5 March, a ledger entry of 忻府区 on 3 March.</summary>
    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (!Done.Add(portal))
            {
                return;
            }

            portal.Clock.Set(2026, 3, 1);
            (await portal.SignedInClientAsync("xzxf.clerk")).Dispose();
            portal.Clock.Set(2026, 3, 5);
            (await portal.SignedInClientAsync("xzdx.clerk")).Dispose();
            (await portal.SignedInClientAsync("ts.clerk")).Dispose();
            await using var db = portal.CreateDbContext();
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = new DateTime(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc), UserName = "xzxf.clerk", RegionId = await portal.RegionIdAsync("140902"),
                IpAddress = "10.1.2.3", Action = AuditActions.LedgerUpdated, ObjectType = "ledger:coordinators", ObjectId = "4242", Outcome = AuditOutcome.Success,
                Details = $"王某 {IdNumber} 电话 {Phone}",
            });
            await db.SaveChangesAsync();
            portal.Clock.Set(2026, 3, 10);
        }
        finally
        {
            Seeded.Release();
        }
    }

    private async Task<(PortalClient Client, List<string[]> Rows, IHtmlDocument Page)> ReadAsync(string query)
    {
        await SeedAsync();
        var client = await portal.SignedInClientAsync("xz.admin");
        var page = await client.GetPageAsync("/audit?" + query);
        var rows = page.QuerySelectorAll("[data-testid=audit-rows] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        return (client, rows, page);
    }

    [Fact]
    public async Task TimeRange_KeepsTheDaysAsked_BothEndsIncluded_AndOnlyTheReadersSubtree()
    {
        var (client, rows, _) = await ReadAsync("from=2026-03-01&to=2026-03-05");
        using var _c = client;
        var users = rows.Select(r => r[1]).ToList();
        Assert.Contains("xzxf.clerk", users);
        Assert.Contains("xzdx.clerk", users);
        Assert.DoesNotContain("ts.clerk", users); // 唐山 is outside 忻州
        Assert.DoesNotContain("xz.admin", users); // signed in on 10 March
        Assert.All(rows, r => Assert.InRange(string.CompareOrdinal(r[0], "2026-03-01"), 0, int.MaxValue));
        Assert.All(rows, r => Assert.True(string.CompareOrdinal(r[0], "2026-03-06") < 0, r[0]));
    }

    [Fact]
    public async Task UserRegionActionOutcomeAndObject_EachNarrowTheRows()
    {
        var (client, byUser, _) = await ReadAsync("user=xzdx");
        using var _c = client;
        Assert.NotEmpty(byUser);
        Assert.All(byUser, r => Assert.Equal("xzdx.clerk", r[1]));

        var county = await portal.RegionIdAsync("140902");
        var byRegion = (await ReadAsync($"regionId={county}")).Rows;
        Assert.NotEmpty(byRegion);
        Assert.All(byRegion, r => Assert.Equal("忻府区", r[2]));

        var byAction = (await ReadAsync("action=login.&outcome=Success&to=2026-03-05")).Rows;
        Assert.NotEmpty(byAction);
        Assert.All(byAction, r => Assert.Equal((AuditActions.LoginSucceeded, "成功"), (r[4], r[5])));

        var byObject = (await ReadAsync("target=ledger:coordinators:4242")).Rows;
        Assert.Equal("ledger:coordinators:4242", Assert.Single(byObject)[6]);
    }

    [Fact]
    public async Task PersonalData_IsMasked_OnThePage()
    {
        var (client, rows, page) = await ReadAsync("target=4242");
        using var _c = client;
        var details = Assert.Single(rows)[7];
        Assert.DoesNotContain(IdNumber, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("王某", details, StringComparison.Ordinal);
        Assert.Contains(IdNumber[..4], details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegionOutsideTheSubtree_IsNotFound_AndAWrongRange_IsExplainedInChinese()
    {
        await SeedAsync();
        using var client = await portal.SignedInClientAsync("xz.admin");
        var tangshan = await portal.RegionIdAsync("130200");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/audit?regionId={tangshan}")).StatusCode);
        var wrong = await client.Http.GetAsync("/audit?from=2026-03-05&to=2026-03-01");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var page = await PortalClient.ParseAsync(wrong);
        Assert.Contains("结束日期：不能早于开始日期。", page.QuerySelector("[data-testid=audit-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-03-05", ((IHtmlInputElement)page.QuerySelector("#from")!).Value); // what was typed stays
    }

    [Fact]
    public async Task Export_HoldsTheFilteredRowsMasked_AndReadingAndExportingAreAudited()
    {
        var (client, rows, _) = await ReadAsync("from=2026-03-01&to=2026-03-05");
        using var _c = client;
        var response = await client.Http.GetAsync("/audit/export?from=2026-03-01&to=2026-03-05");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sheet = Assert.Single(YearEndWorkbookReader.Read(bytes).Sheets);
        Assert.Equal("审计日志", sheet.Name);
        Assert.Equal(rows.Count, sheet.Data.Count);
        Assert.Equal(rows.Select(r => (r[0], r[1], r[4])), sheet.Data.Select(d => (d[sheet.Column("时间")], d[sheet.Column("用户")], d[sheet.Column("操作")])));
        var text = string.Join("|", sheet.Rows.SelectMany(r => r));
        Assert.DoesNotContain(IdNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
        Assert.Contains("from=2026-03-01 to=2026-03-05", text, StringComparison.Ordinal);

        await using var db = portal.CreateDbContext();
        var own = await db.AuditEntries.AsNoTracking().Where(a => a.UserName == "xz.admin" && a.ObjectType == "audit-log").ToListAsync();
        Assert.Contains(own, a => a.Action == AuditActions.AuditViewed && a.Details!.Contains("from=2026-03-01 to=2026-03-05", StringComparison.Ordinal));
        Assert.Contains(own, a => a.Action == AuditActions.AuditExported && a.Details!.Contains($"rows={rows.Count}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutSeparation_TheAdminHasTheMenuEntry_OthersAreRefused_AndTheThreeRolesCannotBeGiven()
    {
        await SeedAsync();
        using var admin = await portal.SignedInClientAsync("xz.admin");
        Assert.NotNull((await admin.GetPageAsync("/")).QuerySelector("nav a[href='/audit']"));
        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");
        Assert.Null((await reviewer.GetPageAsync("/")).QuerySelector("nav a[href='/audit']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Http.GetAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Http.GetAsync("/audit/export")).StatusCode);

        var form = await admin.GetPageAsync("/admin/users/create");
        var roles = form.QuerySelectorAll("#Input_Role option").Select(o => o.TextContent).ToList();
        Assert.Contains("管理员", roles);
        Assert.DoesNotContain("审计管理员", roles);
        var county = await portal.RegionIdAsync("140902");
        var refused = await admin.PostAsync("/admin/users/create", await admin.TokenFromAsync("/admin/users/create"), ("Input.UserName", "xzxf.auditor"),
            ("Input.Password", "Audit#Role2026"), ("Input.DisplayName", "审计员"), ("Input.RegionId", county.ToString()), ("Input.Role", "AuditAdmin"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form again, with the reason
        Assert.Contains("未启用三员分立", (await PortalClient.ParseAsync(refused)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "xzxf.auditor"));
    }
}

public sealed class SqliteAuditViewerPortal() : PortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAuditViewerPortal() : PortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteAuditViewerTests(SqliteAuditViewerPortal portal) : AuditViewerTests<SqliteAuditViewerPortal>(portal);

public sealed class PostgresAuditViewerTests(PostgresAuditViewerPortal portal) : AuditViewerTests<PostgresAuditViewerPortal>(portal);
