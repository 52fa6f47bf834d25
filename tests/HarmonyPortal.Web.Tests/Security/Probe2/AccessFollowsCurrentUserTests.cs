using System.Globalization;
using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.YearEnd;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Issue 14, "access follows the user's current region and role": a workbook made earlier (year-end, import errors)
/// stops downloading the moment an admin moves its maker to another region or gives them another role, even while
/// the maker's sign-in still carries the old region and role; it downloads again once they are moved back.
/// </summary>
public abstract class AccessFollowsCurrentUserTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task AYearEndWorkbook_StopsDownloading_WhenItsMakerIsMovedOrDemoted()
    {
        var year = portal.Clock.GetLocalNow().Year;
        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");
        using var admin = await portal.SignedInClientAsync("sx.admin");
        var job = await YearEndExports.StartAsync(reviewer, year);
        Assert.Equal("Done", (await YearEndExports.WaitAsync(reviewer, job)).GetProperty("status").GetString());
        var download = $"/year-end/exports/{job}/download";
        Assert.Equal(HttpStatusCode.OK, (await reviewer.Http.GetAsync(download)).StatusCode);

        await EditAsync(admin, "xz.reviewer", "140000", UserRole.Reviewer); // moved up to the province
        var moved = await reviewer.Http.GetAsync(download);
        await EditAsync(admin, "xz.reviewer", "140900", UserRole.Reviewer); // back
        var back = await reviewer.Http.GetAsync(download);
        await EditAsync(admin, "xz.reviewer", "140900", UserRole.Clerk); // demoted
        var demoted = await reviewer.Http.GetAsync(download);
        await EditAsync(admin, "xz.reviewer", "140900", UserRole.Reviewer);

        output.WriteLine($"{portal.Provider}: year-end download moved {(int)moved.StatusCode}, back {(int)back.StatusCode}, demoted {(int)demoted.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, demoted.StatusCode);
    }

    [Fact]
    public async Task AnImportsErrorWorkbook_StopsDownloading_WhenItsClerkIsMovedOrPromoted()
    {
        var year = portal.Clock.GetLocalNow().Year;
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        using var admin = await portal.SignedInClientAsync("xz.admin");
        var link = await StorageFiles.ImportErrorsAsync(clerk, year);
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync(link)).StatusCode);

        await EditAsync(admin, "xzdx.clerk", "140902", UserRole.Clerk); // moved to 忻府区
        var moved = await clerk.Http.GetAsync(link);
        await EditAsync(admin, "xzdx.clerk", "140921", UserRole.Clerk); // back to 定襄县
        var back = await clerk.Http.GetAsync(link);
        await EditAsync(admin, "xzdx.clerk", "140921", UserRole.Reviewer); // no longer a clerk
        var promoted = await clerk.Http.GetAsync(link);
        await EditAsync(admin, "xzdx.clerk", "140921", UserRole.Clerk);

        output.WriteLine($"{portal.Provider}: import-error download moved {(int)moved.StatusCode}, back {(int)back.StatusCode}, role changed {(int)promoted.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, promoted.StatusCode);
    }

    /// <summary>Changes a user's region and role through the admin's edit form.</summary>
    private async Task EditAsync(PortalClient admin, string userName, string regionCode, UserRole role)
    {
        await using var db = portal.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var regionId = await portal.RegionIdAsync(regionCode);
        var edited = await admin.PostAsync($"/admin/users/{user.Id}/edit", await admin.TokenFromAsync("/admin/users"),
            ("Input.DisplayName", user.DisplayName), ("Input.RegionId", regionId.ToString(CultureInfo.InvariantCulture)),
            ("Input.Role", role.ToString()));
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, $"edit {userName}: {(await PortalClient.ParseAsync(edited)).QuerySelector("main")?.TextContent}");
        await using var check = portal.CreateDbContext();
        var stored = await check.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Equal((regionId, role), (stored.RegionId, stored.Role));
    }
}

public sealed class SqliteAccessFollowsCurrentUserPortal() : PortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAccessFollowsCurrentUserPortal() : PortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteAccessFollowsCurrentUserTests(SqliteAccessFollowsCurrentUserPortal portal, ITestOutputHelper output)
    : AccessFollowsCurrentUserTests<SqliteAccessFollowsCurrentUserPortal>(portal, output);

public sealed class PostgresAccessFollowsCurrentUserTests(PostgresAccessFollowsCurrentUserPortal portal, ITestOutputHelper output)
    : AccessFollowsCurrentUserTests<PostgresAccessFollowsCurrentUserPortal>(portal, output);
