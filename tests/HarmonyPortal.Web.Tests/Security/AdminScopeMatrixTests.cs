using System.Net;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Security;

/// <summary>
/// Every seeded user against every admin route aimed at another region (its parent, a sibling,
/// and a region of another province): each answer must be 403 or 404, and nothing may change.
/// </summary>
public abstract class AdminScopeMatrixTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private sealed record Target(int RegionId, string RegionName, string UserId);

    [Fact]
    public async Task EverySeededUser_IsRefusedEveryAdminRouteOfAnotherRegion_AndNothingChanges()
    {
        await using var db = portal.CreateDbContext();
        var regions = await db.Regions.AsNoTracking().ToListAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var before = await SnapshotAsync();
        var attempts = 0;
        var refusals = new List<string>();

        foreach (var user in users)
        {
            var own = regions.Single(r => r.Id == user.RegionId);
            using var client = portal.CreatePortalClient();
            await client.LoginOrFailAsync(user.UserName!);
            var token = await client.TokenFromAsync("/");

            foreach (var target in ForeignTargets(own, regions, users))
            {
                foreach (var (method, url, fields) in AdminRoutes(target, user.UserName!))
                {
                    var response = method == "GET" ? await client.Http.GetAsync(url) : await client.PostAsync(url, token, fields);
                    attempts++;
                    if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    {
                        refusals.Add($"{user.UserName} {method} {url} ({target.RegionName}) answered {(int)response.StatusCode}");
                    }
                }
            }
        }

        output.WriteLine($"{portal.Provider}: {users.Count} users, {attempts} out-of-scope admin requests, {attempts - refusals.Count} refused with 403/404.");
        Assert.True(attempts > users.Count * 20, $"only {attempts} attempts");
        Assert.Empty(refusals);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task TheSameRoutes_WorkInsideTheAdminsOwnSubtree()
    {
        await using var db = portal.CreateDbContext();
        var clerk = await db.Users.SingleAsync(u => u.UserName == "yylq.clerk");
        using var cityAdmin = portal.CreatePortalClient();
        await cityAdmin.LoginOrFailAsync("yy.admin");
        using var provinceAdmin = portal.CreatePortalClient();
        await provinceAdmin.LoginOrFailAsync("hn.admin");

        Assert.Equal(HttpStatusCode.OK, (await cityAdmin.Http.GetAsync($"/admin/users/{clerk.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cityAdmin.Http.GetAsync($"/admin/users?regionId={clerk.RegionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provinceAdmin.Http.GetAsync($"/admin/regions/{clerk.RegionId}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provinceAdmin.Http.GetAsync($"/admin/regions/create?parentId={clerk.RegionId}")).StatusCode);
    }

    private static IEnumerable<Target> ForeignTargets(Region own, List<Region> regions, List<Core.Users.AppUser> users)
    {
        Target? With(Region? region) =>
            region is null ? null : users.FirstOrDefault(u => u.RegionId == region.Id) is { } u ? new Target(region.Id, region.Name, u.Id) : null;

        var ownProvince = own.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        var candidates = new[]
        {
            With(regions.SingleOrDefault(r => r.Id == own.ParentId)),
            With(regions.FirstOrDefault(r => r.ParentId == own.ParentId && r.Id != own.Id && users.Any(u => u.RegionId == r.Id))),
            With(regions.First(r => r.Level == RegionLevel.County && !r.Path.StartsWith("/" + ownProvince + "/", StringComparison.Ordinal))),
            With(regions.First(r => r.Level == RegionLevel.Province && !r.Path.StartsWith("/" + ownProvince + "/", StringComparison.Ordinal))),
        };
        return candidates.OfType<Target>().Where(t => !regions.Single(r => r.Id == t.RegionId).IsInSubtreeOf(own.Path)).DistinctBy(t => t.RegionId);
    }

    private static IEnumerable<(string Method, string Url, (string, string)[] Fields)> AdminRoutes(Target t, string actor)
    {
        (string, string)[] profile = [("Input.DisplayName", "越权"), ("Input.RegionId", t.RegionId.ToString()), ("Input.Role", "Admin")];
        (string, string)[] region = [("Input.ParentId", t.RegionId.ToString()), ("Input.Name", "越权地区"), ("Input.Code", "X-" + t.RegionId), ("Input.IsLocalCode", "true"), ("Input.Level", "Town")];
        yield return ("GET", $"/admin/users?regionId={t.RegionId}", []);
        yield return ("GET", $"/admin/users/{t.UserId}/edit", []);
        yield return ("POST", $"/admin/users/{t.UserId}/edit", profile);
        yield return ("POST", $"/admin/users/{t.UserId}/disable", []);
        yield return ("POST", $"/admin/users/{t.UserId}/enable", []);
        yield return ("POST", $"/admin/users/{t.UserId}/reset-password", []);
        yield return ("POST", "/admin/users/create", [.. profile, ("Input.UserName", "x" + actor.Replace(".", "", StringComparison.Ordinal)), ("Input.Password", "Intrude#2026")]);
        yield return ("GET", $"/admin/regions/create?parentId={t.RegionId}", []);
        yield return ("POST", "/admin/regions/create", region);
        yield return ("GET", $"/admin/regions/{t.RegionId}/edit", []);
        yield return ("POST", $"/admin/regions/{t.RegionId}/edit", region);
        yield return ("GET", $"/admin/units?regionId={t.RegionId}", []);
        yield return ("POST", "/admin/units/create", [("regionId", t.RegionId.ToString()), ("Input.ShortName", "越权局"), ("Input.Name", "越权局全称")]);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = portal.CreateDbContext();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => $"{u.Id}|{u.UserName}|{u.Role}|{u.UnitId}|{u.RegionId}|{u.IsDisabled}|{u.PasswordHash}|{u.SecurityStamp}|{u.DisplayName}")
            .ToListAsync();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}|{r.Code}|{r.Name}|{r.ParentId}|{r.Path}").ToListAsync();
        var units = await db.MemberUnits.AsNoTracking().OrderBy(u => u.Id).Select(u => $"{u.Id}|{u.RegionId}|{u.ShortName}|{u.Name}|{u.SortOrder}|{u.HostsOffice}|{u.IsActive}").ToListAsync();
        return string.Join("\n", users.Concat(regions).Concat(units));
    }
}

public sealed class SqliteAdminScopeMatrixTests(SqlitePortal portal, ITestOutputHelper output)
    : AdminScopeMatrixTests<SqlitePortal>(portal, output);

public sealed class PostgresAdminScopeMatrixTests(PostgresPortal portal, ITestOutputHelper output)
    : AdminScopeMatrixTests<PostgresPortal>(portal, output);
