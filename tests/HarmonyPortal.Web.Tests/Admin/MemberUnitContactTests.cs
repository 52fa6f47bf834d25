using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Offices.UnitContacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Admin;

/// <summary>
/// Member-unit contacts (issue 18): 赣州's notice names a contact per party; the region's admin records them on the unit,
/// the level above sees them next to an overdue region, and nobody below or beside sees them.
/// </summary>
public abstract class MemberUnitContactTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static string Squeeze(string? text) => Regex.Replace(text ?? "", @"\s+", " ").Trim();

    private static (string, string)[] Form(string shortName, string name, string contact, string phone, string email) =>
        [("Input.ShortName", shortName), ("Input.Name", name), ("Input.SortOrder", ""), ("Input.ContactName", contact), ("Input.ContactPhone", phone), ("Input.ContactEmail", email)];

    [Fact]
    public async Task GanzhouAdmin_RecordsTheNoticesContact_WithFullWidthDigitsNormalised_AndTheAuditKeepsThemMasked()
    {
        using var admin = await portal.SignedInClientAsync("gz.admin");
        var unitId = await portal.HostUnitIdAsync("360700");
        var token = await admin.TokenFromAsync($"/admin/units/{unitId}/edit");

        var saved = await admin.PostAsync($"/admin/units/{unitId}/edit", token,
            Form("人社局", "赣州市人力资源和社会保障局", " 李蓉 ", "０７９７－８９９６０３６", "gzrsj8196036＠163.com"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = portal.CreateDbContext())
        {
            var unit = await db.MemberUnits.AsNoTracking().SingleAsync(u => u.Id == unitId);
            Assert.Equal(("李蓉", "0797-8996036", "gzrsj8196036@163.com"), (unit.ContactName, unit.ContactPhone, unit.ContactEmail));
            var entry = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.MemberUnitUpdated && a.ObjectId == unitId.ToString()).OrderBy(a => a.Id).LastAsync();
            Assert.Equal("gz.admin", entry.UserName);
            Assert.Contains("联系人 李蓉 0797-******36 g***@163.com", entry.Details);
            Assert.DoesNotContain("8996036", entry.Details);
            Assert.DoesNotContain("gzrsj8196036", entry.Details);
        }

        var list = await admin.GetPageAsync("/admin/units");
        var row = list.QuerySelector("[data-testid=unit-list] tr[data-unit='人社局'] [data-testid=unit-contact]")!;
        Assert.Equal("李蓉 0797-8996036 gzrsj8196036@163.com", Squeeze(row.TextContent));
        var edit = await admin.GetPageAsync($"/admin/units/{unitId}/edit");
        Assert.Equal("0797-8996036", (edit.QuerySelector("#Input_ContactPhone") as IHtmlInputElement)!.Value);

        // The unit's own region sees its office's contacts on the home page.
        using var reviewer = await portal.SignedInClientAsync("gz.reviewer");
        var home = await reviewer.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("[data-testid=member-unit-contact]"), c => Squeeze(c.TextContent) == "联系人：李蓉 0797-8996036 gzrsj8196036@163.com");
    }

    [Fact]
    public async Task ABadPhoneOrEmail_IsRefusedByField_KeepsWhatWasTyped_AndSavesNothing()
    {
        using var admin = await portal.SignedInClientAsync("gz.admin");
        var unitId = await portal.UnitIdAsync("360700", "总工会");
        var token = await admin.TokenFromAsync($"/admin/units/{unitId}/edit");

        // As printed in the notice: the landline without its area code, and an address without its domain.
        var refused = await admin.PostAsync($"/admin/units/{unitId}/edit", token, Form("市总工会", "赣州市总工会", "钟冰", "8225771", "gzghfgb"));

        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("联系电话：“8225771”缺少区号，固定电话请写成“0730-8222222”的形式", text);
        Assert.Contains("电子邮箱：“gzghfgb”不是有效的邮箱地址", text);
        Assert.Equal("8225771", (page.QuerySelector("#Input_ContactPhone") as IHtmlInputElement)!.Value);
        Assert.Equal("gzghfgb", (page.QuerySelector("#Input_ContactEmail") as IHtmlInputElement)!.Value);
        Assert.Equal("钟冰", (page.QuerySelector("#Input_ContactName") as IHtmlInputElement)!.Value);
        Assert.Equal("市总工会", (page.QuerySelector("#Input_ShortName") as IHtmlInputElement)!.Value);

        var mobile = await admin.PostAsync($"/admin/units/{unitId}/edit", token, Form("总工会", "赣州市总工会", "钟冰", "1290797123", "gzghfgb@163.com"));
        Assert.Contains("联系电话：“1290797123”不是有效的手机号或带区号的固定电话", (await PortalClient.ParseAsync(mobile)).Body!.TextContent);

        await using var db = portal.CreateDbContext();
        var unit = await db.MemberUnits.AsNoTracking().SingleAsync(u => u.Id == unitId);
        Assert.Equal(("总工会", null, null, null), (unit.ShortName, unit.ContactName, unit.ContactPhone, unit.ContactEmail));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.MemberUnitUpdated && a.ObjectId == unitId.ToString()));
    }

    [Fact]
    public async Task AnOverdueCounty_ShowsItsContactsToTheCityOnTheReportingPage_AndNoRegionBelowOrBesideSeesThem()
    {
        var xinfu = await portal.RegionIdAsync("140902");
        var xinzhou = await portal.RegionIdAsync("140900");
        await using (var db = portal.CreateDbContext())
        {
            await db.MemberUnits.Where(u => u.RegionId == xinfu && u.HostsOffice).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ContactName, "王忻").SetProperty(u => u.ContactPhone, "13903501234").SetProperty(u => u.ContactEmail, "xfrsj@example.cn"));
            await db.MemberUnits.Where(u => u.RegionId == xinzhou && u.HostsOffice).ExecuteUpdateAsync(s => s.SetProperty(u => u.ContactName, "赵州"));
        }

        // 2022's ledgers were due at the province's dates of 2022 (the coordinators by 12-20): in January 2023 every county is overdue.
        portal.Clock.Set(2023, 1, 10);
        using var reviewer = await portal.SignedInClientAsync("xz.reviewer");
        var page = await reviewer.GetPageAsync("/reporting?year=2022");

        var xinfuRow = page.QuerySelector("[data-testid=child-140902]")!;
        Assert.Contains("已超过期限", xinfuRow.TextContent);
        Assert.Equal("人社局：王忻 13903501234 xfrsj@example.cn", Squeeze(xinfuRow.QuerySelector("[data-testid=contacts-140902]")!.TextContent));
        Assert.Equal("tel:13903501234", xinfuRow.QuerySelector("[data-testid=contacts-140902] a[href^='tel:']")!.GetAttribute("href"));
        Assert.Equal("成员单位未登记联系人", Squeeze(page.QuerySelector("[data-testid=contacts-140921]")!.TextContent));

        // A county's clerk cannot open the city's page (404), nor the page of the county beside it.
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Http.GetAsync($"/reporting?year=2022&regionId={xinzhou}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Http.GetAsync($"/reporting?year=2022&regionId={xinfu}")).StatusCode);
        var own = await clerk.GetPageAsync("/");
        Assert.DoesNotContain("王忻", own.Body!.TextContent);
        Assert.DoesNotContain("赵州", own.Body!.TextContent);

        // The service itself answers nothing outside the asking user's subtree, whatever ids it is given.
        Assert.Empty(await ContactsAsync("140921", xinfu, xinzhou));
        Assert.Equal(["王忻", "赵州"], await ContactsAsync("140900", xinfu, xinzhou));
        Assert.Equal(["王忻"], await ContactsAsync("140902", xinfu, xinzhou));
    }

    [Fact]
    public async Task AnOverdueMaterialOrFigure_ShowsTheRegionsContactsToTheLevelAbove_OnTheReviewTables()
    {
        var xinzhou = await portal.RegionIdAsync("140900");
        var yueyang = await portal.RegionIdAsync("430600");
        await using (var db = portal.CreateDbContext())
        {
            await db.MemberUnits.Where(u => u.RegionId == xinzhou && u.HostsOffice).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ContactName, "赵州").SetProperty(u => u.ContactPhone, "0350-3031234").SetProperty(u => u.ContactEmail, (string?)null));
            await db.MemberUnits.Where(u => u.RegionId == yueyang && u.HostsOffice).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ContactName, "李岳").SetProperty(u => u.ContactPhone, "13907301234").SetProperty(u => u.ContactEmail, (string?)null));
        }

        // 山西's 三年行动总结材料 was due from each city by 2023-08-31; 岳阳's 薪酬数据反馈 figure by 2023-06-30.
        portal.Clock.Set(2023, 9, 10);
        using var shanxi = await portal.SignedInClientAsync("sx.reviewer");
        var materials = await shanxi.GetPageAsync("/materials/review?year=2023");
        var row = materials.QuerySelector("[data-testid=review-task][data-task=three-year-summary] [data-testid=region-row][data-region='140900']")!;
        Assert.Equal("逾期未提交", Squeeze(row.QuerySelector("[data-testid=overdue]")!.TextContent));
        Assert.Equal("人社局：赵州 0350-3031234", Squeeze(row.QuerySelector("[data-testid=unit-contacts]")!.TextContent));

        using var hunan = await portal.SignedInClientAsync("hn.reviewer");
        var figures = await hunan.GetPageAsync("/indicators/review?year=2023");
        var figure = figures.QuerySelector($"[data-testid=review-row][data-region='{yueyang}']")!;
        Assert.Equal("逾期未报送", Squeeze(figure.QuerySelector("[data-testid=overdue]")!.TextContent));
        Assert.Contains("人社局：李岳 13907301234", Squeeze(figure.QuerySelector("[data-testid=unit-contacts]")!.TextContent));

        // A city whose gold-coordinator sheet is not reported by 2022-12-20 shows its contacts on the province's overview too.
        portal.Clock.Set(2022, 12, 25);
        var sheets = await shanxi.GetPageAsync("/nominations?category=Coordinator&year=2022");
        var city = sheets.QuerySelector($"[data-testid=child-sheets] [data-testid='child-{xinzhou}']")!;
        Assert.Contains("table-warning", city.ClassName);
        Assert.Equal("人社局：赵州 0350-3031234", Squeeze(city.QuerySelector("[data-testid=unit-contacts]")!.TextContent));

        // Before the dates nothing is overdue, and no contacts are shown.
        portal.Clock.Set(2023, 6, 1);
        Assert.Empty((await shanxi.GetPageAsync("/materials/review?year=2023")).QuerySelectorAll("[data-testid=overdue]"));
        Assert.Empty((await hunan.GetPageAsync("/indicators/review?year=2023")).QuerySelectorAll("[data-testid=unit-contacts]"));
    }

    /// <summary>The contact names <see cref="UnitContactService"/> gives a reviewer of <paramref name="viewerCode"/> for the regions.</summary>
    private async Task<List<string?>> ContactsAsync(string viewerCode, params int[] regionIds)
    {
        await using var db = portal.CreateDbContext();
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == viewerCode);
        var scope = new UserScope("test", "test", region.Id, region.Path, region.Level, region.Name, null, "", UserRole.Reviewer);
        await using var services = portal.Services.CreateAsyncScope();
        var book = await new UnitContactService(services.ServiceProvider.GetRequiredService<Core.Data.HarmonyDbContext>(), scope).ForRegionsAsync(regionIds, CancellationToken.None);
        return regionIds.SelectMany(book.Of).Select(c => c.Name).ToList();
    }
}

public sealed class SqliteMemberUnitContactTests(SqlitePortal portal) : MemberUnitContactTests<SqlitePortal>(portal);

public sealed class PostgresMemberUnitContactTests(PostgresPortal portal) : MemberUnitContactTests<PostgresPortal>(portal);
