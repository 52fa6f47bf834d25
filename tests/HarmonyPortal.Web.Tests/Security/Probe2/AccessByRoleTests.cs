using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using HarmonyPortal.Web.Tests.Security.Matrix;
using Xunit;
using Xunit.Abstractions;
using static HarmonyPortal.Web.Tests.Security.Matrix.MatrixRequest;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Issue 14, "every server action checks the same permission the menu implies": for each role, every action whose
/// button or menu entry that role never sees (_Layout.cshtml and the pages' own conditions), aimed at records inside
/// the user's own scope, is refused with 403 or 404 and changes nothing. The matrix beside it covers records outside
/// the scope; this covers the role.
/// </summary>
public static class AccessByRoleCases
{
    private const string Ledger = "/ledgers/coordinators";
    private static readonly (string, string)[] Gold = [("category", "Coordinator"), ("year", "2022"), ("batch", "0")];

    /// <summary>Routes that act on the user's own region only (no record to name), as the page would post them.</summary>
    private static readonly Dictionary<string, Func<RegionRecords, MatrixRequest>> OwnScope = new()
    {
        ["GET YearEnd.Index"] = _ => Get("/year-end"),
        ["POST YearEnd.Start"] = _ => Post("/year-end/exports", ("year", "2022")),
        ["GET Ledgers.Create"] = _ => Get($"{Ledger}/create?year=2022"),
        ["POST Ledgers.Create"] = _ => Post($"{Ledger}/create", [.. LedgerForms.Coordinator("越权新增"), ("year", "2022")]),
        ["POST Ledgers.CarryForward"] = _ => Post($"{Ledger}/carry-forward", ("year", "2023")),
        ["GET Ledgers.Import"] = _ => Get($"{Ledger}/import?year=2022"),
        ["POST Ledgers.Import"] = _ => Upload($"{Ledger}/import", LedgerWorkbooks.Workbook(LedgerWorkbooks.CoordinatorHeaders,
            LedgerWorkbooks.Person("1", "越权导入", TestIdNumbers.WithCheckDigit("140902198101010030"), "男", "2019-05-01")), "台账.xlsx", ("year", "2022")),
        ["POST Ledgers.ImportConfirm"] = _ => Post($"{Ledger}/import/confirm", ("token", "0190a1b2c3d47e5f8a9b0c1d2e3f4a5b"), ("action", "confirm")),
        ["POST Nominations.Publish"] = _ => Post("/nominations/publish", [.. Gold, ("confirmed", "true")]),
        ["GET Publication.ConfirmPublish"] = _ => Get("/nominations/publish?category=Coordinator&year=2022&batch=0"),
        ["POST Publication.Withdraw"] = _ => Post("/nominations/withdraw", [.. Gold, ("reason", "越权撤回"), ("confirmed", "true")]),
        ["GET Users.Index"] = _ => Get("/admin/users"),
        ["GET Users.Create"] = _ => Get("/admin/users/create"),
        ["GET Regions.Index"] = _ => Get("/admin/regions"),
    };

    /// <summary>(user, route, region of the world whose record the route names; "-" for own-scope routes).</summary>
    private static readonly (string User, string Target, string[] Routes)[] Denied =
    [
        // Clerks: no 年终汇总, no review, no selection, no rules, no administration.
        ("xzxf.clerk", "-", ["GET YearEnd.Index", "POST YearEnd.Start", "POST Nominations.Publish", "GET Publication.ConfirmPublish", "POST Publication.Withdraw", "GET Users.Index", "GET Users.Create", "GET Regions.Index"]),
        ("xzxf.clerk", "xzxf", ["GET YearEnd.Status", "GET YearEnd.Download", "POST Nominations.Decide", "POST Nominations.Approve", "POST Nominations.Return",
            "POST Nominations.Reopen", "POST Nominations.Select", "POST Nominations.BulkApprove", "POST Nominations.Extend", "POST Rules.AddVersion",
            "POST Users.Create", "POST Regions.Create"]),
        ("xz.clerk", "-", ["POST YearEnd.Start"]),
        ("xz.clerk", "xz", ["GET YearEnd.Download", "POST Nominations.Forward"]),
        ("xz.clerk", "xzxf", ["POST Reporting.ReturnReport", "POST Nominations.Decide", "POST Nominations.Extend"]),
        // Reviewers: no ledger or nominee editing, no submitting, no administration; a city reviewer does not select or publish what its province confers (山西).
        ("xz.reviewer", "-", ["GET Ledgers.Create", "POST Ledgers.Create", "POST Ledgers.CarryForward", "GET Ledgers.Import", "POST Ledgers.Import",
            "POST Ledgers.ImportConfirm", "POST Nominations.Publish", "GET Publication.ConfirmPublish", "POST Publication.Withdraw", "GET Users.Index", "GET Regions.Index"]),
        ("xz.reviewer", "xzxf", ["GET Ledgers.Edit", "POST Ledgers.Edit", "GET RecycleBin.ConfirmDelete", "POST RecycleBin.Delete", "POST RecycleBin.Restore", "POST Nominations.Create", "POST Nominations.Narrative",
            "POST Nominations.Attest", "POST Nominations.Evidence", "POST Nominations.RemoveEvidence", "POST Nominations.Delete", "POST Nominations.Submit",
            "POST Nominations.Select", "POST Users.Edit", "POST Rules.AddVersion"]),
        ("sx.reviewer", "xzxf", ["POST Nominations.Decide", "POST Nominations.Approve", "POST Nominations.BulkApprove", "POST Ledgers.Edit", "POST Users.ResetPassword"]),
        // Admins: no ledger or nomination work, no reporting; a city admin has 地区管理 of the regions below its city, not of its city (issue 17).
        ("xz.admin", "-", ["POST Ledgers.Create", "POST Ledgers.Import", "POST Ledgers.ImportConfirm"]),
        ("xz.admin", "xz", ["POST Reporting.Report", "POST Regions.Edit", "GET RegionChanges.Rename", "POST RegionChanges.Rename", "POST RegionChanges.Close",
            "POST RegionChanges.Move", "POST RegionChanges.Merge", "POST RegionChanges.Split"]),
        ("xz.admin", "xzxf", ["POST Ledgers.Edit", "POST Nominations.Create", "POST Nominations.Decide", "POST Nominations.Approve", "POST Nominations.Submit",
            "POST Reporting.ReturnReport"]),
        ("xz.reviewer", "xzxf", ["GET RegionChanges.History", "POST RegionChanges.Close", "POST RegionChanges.Merge"]),
        ("xzxf.clerk", "xzxf", ["GET RegionChanges.Rename", "POST RegionChanges.Rename", "POST RegionChanges.Split"]),
        ("sx.admin", "-", ["POST Nominations.Publish", "POST Publication.Withdraw"]),
        ("sx.admin", "xzxf", ["POST Nominations.Select", "POST Ledgers.Edit"]),
        ("sx.admin", "xz", ["POST Reporting.ReturnReport"]),
        // 材料报送 (issue 18): the region's clerk makes and submits; only the reviewers of the parent review and extend.
        ("xzxf.clerk", "xzxf", ["GET Materials.Review", "POST Materials.Accept", "POST Materials.Return", "POST Materials.UndoAcceptance", "POST Materials.Extend"]),
        ("xz.clerk", "xzxf", ["POST Materials.Accept", "POST Materials.Withdraw", "POST Materials.Create"]),
        ("xz.reviewer", "xzxf", ["POST Materials.Create", "POST Materials.Edit", "POST Materials.Submit", "POST Materials.Withdraw", "POST Materials.Delete"]),
        ("xz.reviewer", "xz", ["POST Materials.Accept", "POST Materials.Return", "POST Materials.Extend"]),
        ("sx.reviewer", "xzxf", ["POST Materials.Accept", "POST Materials.Return", "POST Materials.Extend", "POST Materials.Submit"]),
        ("sx.admin", "xzxf", ["POST Materials.Accept", "POST Materials.Submit"]),
        ("xz.admin", "xz", ["POST Materials.Create", "POST Materials.Submit", "POST Materials.Accept"]),
        // Member-unit contacts (issue 18) are kept by admins only: neither the unit's clerk nor the reviewer above edits them.
        ("xz.clerk", "xz", ["GET Units.Edit", "POST Units.Edit"]),
        ("xz.reviewer", "xzxf", ["POST Units.Edit"]),
        // 指标审核 (issue 18): only the reviewers of the level directly above review a region's figures; reviewers do not report them.
        ("xzxf.clerk", "xzxf", ["GET IndicatorReview.Review", "POST IndicatorReview.Accept", "POST IndicatorReview.Return", "POST IndicatorReview.UndoAccept", "POST IndicatorReview.Extend"]),
        ("sx.reviewer", "xzxf", ["POST IndicatorReview.Accept", "POST IndicatorReview.Return", "POST IndicatorReview.UndoAccept", "POST IndicatorReview.Extend"]),
        ("xz.admin", "xzxf", ["GET IndicatorReview.Review", "POST IndicatorReview.Accept", "POST IndicatorReview.Extend"]),
        ("xz.reviewer", "xzxf", ["POST Indicators.Report"]),
        // 典型案例 (issue 18): only the reviewers of the level above the submitting region publish or withdraw its case.
        ("xzxf.clerk", "xzxf", ["POST MaterialPublication.Publish", "POST MaterialPublication.Unpublish"]),
        ("xz.clerk", "xzxf", ["POST MaterialPublication.Publish"]),
        ("xz.admin", "xzxf", ["POST MaterialPublication.Publish"]),
        ("sx.reviewer", "xzxf", ["POST MaterialPublication.Publish", "POST MaterialPublication.Unpublish"]),
        ("xz.reviewer", "xz", ["POST MaterialPublication.Publish"]),
    ];

    public static TheoryData<string, string, string> All()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (user, target, routes) in Denied)
        {
            foreach (var route in routes)
            {
                data.Add(user, route, target);
            }
        }

        return data;
    }

    public static MatrixRequest Request(string route, RegionRecords? target) =>
        target is null ? OwnScope[route](null!)
        : MatrixRoutes.Foreign[route](target) ?? throw new InvalidOperationException($"{route} names no record of {target.Key}");
}

public abstract class AccessByRoleTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : MatrixPortal
{
    [Theory]
    [MemberData(nameof(AccessByRoleCases.All), MemberType = typeof(AccessByRoleCases))]
    public async Task AnActionTheRoleHasNoMenuEntryFor_IsRefusedInsideItsOwnScope_AndChangesNothing(string user, string route, string target)
    {
        var world = portal.World;
        var request = AccessByRoleCases.Request(route, target == "-" ? null : world[target]);
        var client = await world.ClientAsync(user);
        var token = await client.TokenFromAsync("/");
        await using var db = portal.CreateDbContext();
        string[] volatileTables = [DatabaseFingerprint.TableOf<AuditEntry>(db), DatabaseFingerprint.TableOf<AuthSession>(db)];
        var before = await DatabaseFingerprint.TakeAsync(db, volatileTables);

        var response = await request.SendAsync(client, token);

        var changed = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(db, volatileTables));
        output.WriteLine($"{portal.Provider}: {user} {request} → {(int)response.StatusCode}; tables changed: {string.Join(", ", changed)}");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user} {request} answered {(int)response.StatusCode}");
        Assert.Empty(changed);
    }
}

public sealed class SqliteAccessByRolePortal() : MatrixPortal(Core.Data.DatabaseProvider.Sqlite, 1);

public sealed class PostgresAccessByRolePortal() : MatrixPortal(Core.Data.DatabaseProvider.Postgres, 1);

public sealed class SqliteAccessByRoleTests(SqliteAccessByRolePortal portal, ITestOutputHelper output)
    : AccessByRoleTests<SqliteAccessByRolePortal>(portal, output);

public sealed class PostgresAccessByRoleTests(PostgresAccessByRolePortal portal, ITestOutputHelper output)
    : AccessByRoleTests<PostgresAccessByRolePortal>(portal, output);
