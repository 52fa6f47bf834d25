using System.Net;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Admin;

public abstract class RegionAdminTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task ProvinceAdmin_AddsATownUnderACounty_WithTheRightPath()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginOrFailAsync("hn.admin");
        var county = await portal.RegionIdAsync("430603");
        var token = await admin.TokenFromAsync($"/admin/regions/create?parentId={county}");

        var response = await admin.PostAsync("/admin/regions/create", token,
            ("Input.ParentId", county.ToString()), ("Input.Name", "云溪街道"), ("Input.Code", "430603-001"),
            ("Input.IsLocalCode", "true"), ("Input.Level", "Town"), ("Input.SortOrder", "1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("云溪街道", (await admin.GetPageAsync("/admin/regions")).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        var town = await db.Regions.Include(r => r.Parent).SingleAsync(r => r.Code == "430603-001");
        Assert.Equal(town.Parent!.Path + town.Id + "/", town.Path);
        Assert.Equal(RegionLevel.Town, town.Level);
    }

    [Fact]
    public async Task ProvinceAdmin_AddsACounty_WhichGetsItsTripartiteOffice()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginOrFailAsync("jx.admin");
        var city = await portal.RegionIdAsync("360700");
        var token = await admin.TokenFromAsync($"/admin/regions/create?parentId={city}");

        await admin.PostAsync("/admin/regions/create", token,
            ("Input.ParentId", city.ToString()), ("Input.Name", "信丰县"), ("Input.Code", "360722"), ("Input.Level", "County"), ("Input.SortOrder", "9"));

        await using var db = portal.CreateDbContext();
        var units = await db.MemberUnits.Where(p => p.Region.Code == "360722").OrderBy(u => u.SortOrder).Select(p => new { p.Kind, p.ShortName, p.HostsOffice }).ToListAsync();
        Assert.Equal(PartyNames.All.Cast<Party?>(), units.Select(u => u.Kind));
        Assert.Equal(["人社局", "总工会", "企联/企协", "工商联"], units.Select(u => u.ShortName));
        Assert.Equal("人社局", units.Single(u => u.HostsOffice).ShortName);
    }

    [Theory]
    [InlineData("43060", false, "GB/T 2260 代码须为 6 位数字")]
    [InlineData("430602", false, "已被其他地区使用")]
    [InlineData("jk 1", true, "本地代码只能由大写字母、数字和 - 组成")]
    public async Task InvalidCodes_AreRefusedInChinese_AndNothingIsSaved(string code, bool local, string message)
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginOrFailAsync("hn.admin");
        var county = await portal.RegionIdAsync("430624");
        var token = await admin.TokenFromAsync($"/admin/regions/create?parentId={county}");
        await using var before = portal.CreateDbContext();
        var count = await before.Regions.CountAsync();

        var response = await admin.PostAsync("/admin/regions/create", token,
            ("Input.ParentId", county.ToString()), ("Input.Name", "新设镇" + code), ("Input.Code", code),
            ("Input.IsLocalCode", local ? "true" : "false"), ("Input.Level", "Town"), ("Input.SortOrder", "1"));

        Assert.Contains(message, (await PortalClient.ParseAsync(response)).Body!.TextContent);
        await using var after = portal.CreateDbContext();
        Assert.Equal(count, await after.Regions.CountAsync());
    }

    [Theory]
    [InlineData("yylq.admin")]
    [InlineData("hn.reviewer")]
    [InlineData("yy.clerk")]
    public async Task OnlyProvinceAndCityAdmins_ManageRegions(string userName)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginOrFailAsync(userName);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin/regions")).StatusCode);
    }
}

public sealed class SqliteRegionAdminTests(SqlitePortal portal) : RegionAdminTests<SqlitePortal>(portal);

public sealed class PostgresRegionAdminTests(PostgresPortal portal) : RegionAdminTests<PostgresPortal>(portal);
