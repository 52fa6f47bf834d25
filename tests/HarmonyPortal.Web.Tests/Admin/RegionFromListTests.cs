using System.Net;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Admin;

/// <summary>Creating a region from the national GB/T 2260 list under its parent's code (ADR 0024).</summary>
public abstract class RegionFromListTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task ProvinceAdmin_PicksACityFromTheList_AndItsCodeAndNameAreFilledIn()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginOrFailAsync("he.admin");
        var hebei = await portal.RegionIdAsync("130000");
        var form = await admin.GetPageAsync($"/admin/regions/create?parentId={hebei}");
        var options = form.QuerySelectorAll("select[name='Input.ListCode'] option").ToList();
        Assert.Equal(12, options.Count); // the 11 prefecture-level cities of Hebei, and "not from the list"
        Assert.Contains(options, o => o.TextContent.Trim() == "130100 石家庄市" && !o.HasAttribute("disabled"));
        Assert.Contains(options, o => o.TextContent.Trim() == "130200 唐山市（已添加）" && o.HasAttribute("disabled"));

        var response = await admin.PostAsync("/admin/regions/create", await admin.TokenFromAsync($"/admin/regions/create?parentId={hebei}"),
            ("Input.ParentId", hebei.ToString()), ("Input.ListCode", "130100"), ("Input.Name", ""), ("Input.Code", ""),
            ("Input.Level", "City"), ("Input.SortOrder", "3"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("石家庄市", (await admin.GetPageAsync("/admin/regions")).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        var city = await db.Regions.Include(r => r.Parent).SingleAsync(r => r.Code == "130100");
        Assert.Equal(("石家庄市", false, "河北省"), (city.Name, city.IsLocalCode, city.Parent!.Name));
    }

    [Theory]
    [InlineData("Input.Code", "130302", "区划代码：130302（海港区）在国家行政区划列表中不是唐山市（130200）的下级。")]
    [InlineData("Input.ListCode", "130302", "区划代码：130302（海港区）在国家行政区划列表中不是唐山市（130200）的下级。")]
    [InlineData("Input.Code", "130299", "区划代码：130299 不在国家行政区划列表（GB/T 2260，2022-03-22）中")]
    [InlineData("Input.ListCode", "130202", "区划代码：130202 已被其他地区使用。")]
    public async Task ACodeNotUnderTheParentInTheList_OrAlreadyUsed_IsRefusedInChinese_AndNothingIsSaved(string field, string code, string message)
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginOrFailAsync("he.admin");
        var tangshan = await portal.RegionIdAsync("130200");
        var token = await admin.TokenFromAsync($"/admin/regions/create?parentId={tangshan}");
        await using var before = portal.CreateDbContext();
        var count = await before.Regions.CountAsync();

        var response = await admin.PostAsync("/admin/regions/create", token,
            ("Input.ParentId", tangshan.ToString()), (field, code), ("Input.Name", field == "Input.Code" ? "新设区" : ""),
            ("Input.Level", "County"), ("Input.SortOrder", "1"));

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".validation-summary")!.TextContent);
        await using var after = portal.CreateDbContext();
        Assert.Equal(count, await after.Regions.CountAsync());
    }

    [Fact]
    public async Task AFunctionalZone_StillGetsALocalCode_UnderACityOfTheList()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginOrFailAsync("he.admin");
        var tangshan = await portal.RegionIdAsync("130200");

        var response = await admin.PostAsync("/admin/regions/create", await admin.TokenFromAsync($"/admin/regions/create?parentId={tangshan}"),
            ("Input.ParentId", tangshan.ToString()), ("Input.ListCode", ""), ("Input.Name", "唐山海港经济开发区"), ("Input.Code", "130200-HG"),
            ("Input.IsLocalCode", "true"), ("Input.Level", "County"), ("Input.SortOrder", "8"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = portal.CreateDbContext();
        Assert.True(await db.Regions.AnyAsync(r => r.Code == "130200-HG" && r.IsLocalCode && r.ParentId == tangshan));
    }

    [Fact]
    public async Task UnderAZoneWithALocalCode_TheFormOffersNoNationalUnit()
    {
        using var admin = portal.CreatePortalClient();
        await admin.LoginOrFailAsync("ha.admin");

        var form = await admin.GetPageAsync($"/admin/regions/create?parentId={await portal.RegionIdAsync("410000-JY")}");

        Assert.Null(form.QuerySelector("select[name='Input.ListCode']"));
        Assert.Contains("济源示范区 在国家行政区划列表（GB/T 2260，2022-03-22 版）中没有下级", form.QuerySelector("[data-testid=no-national-choices]")!.TextContent);
    }
}

public sealed class SqliteRegionFromListTests(SqlitePortal portal) : RegionFromListTests<SqlitePortal>(portal);

public sealed class PostgresRegionFromListTests(PostgresPortal portal) : RegionFromListTests<PostgresPortal>(portal);
