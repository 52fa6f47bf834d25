using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Admin;

/// <summary>成员单位: each office's own list of member units, the users who belong to them and the rows they answer for.</summary>
public abstract class MemberUnitTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private async Task<string> CreateUserAsync(PortalClient admin, string userName, string regionCode, string? unitId, string role = "Clerk")
    {
        var response = await admin.PostAsync("/admin/users/create", await admin.TokenFromAsync("/admin/users/create"),
            ("Input.UserName", userName), ("Input.DisplayName", "测试" + userName), ("Input.RegionId", (await portal.RegionIdAsync(regionCode)).ToString()),
            ("Input.UnitId", unitId ?? ""), ("Input.Role", role), ("Input.Password", "Units#2026a"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).QuerySelector("main")?.TextContent);

        // As if the user had already replaced the admin's initial password (PasswordChangeTests cover that step).
        await using var db = portal.CreateDbContext();
        await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, false));
        return userName;
    }

    [Fact]
    public async Task TangshanAdmin_AddsACommerceBureau_AndAUserOfItSeesItInTheHeader()
    {
        // 唐山高新区's office (notice 002) is seeded with its own three units; its city's admin administers it.
        using var admin = await portal.SignedInClientAsync("ts.admin");
        var zone = await portal.RegionIdAsync("130200-GX");
        var page = await admin.GetPageAsync($"/admin/units?regionId={zone}");
        var listed = page.QuerySelectorAll("[data-testid=unit-list] tbody tr").Select(r => r.GetAttribute("data-unit")).ToList();
        Assert.Equal(["人社局", "工会联合会", "商务局"], listed);

        // A unit the notices name that the seed lacks: 应急管理局; a second one with the same short name is refused by field.
        var token = await admin.TokenFromAsync($"/admin/units?regionId={zone}");
        var added = await admin.PostAsync("/admin/units/create", token, ("regionId", zone.ToString()), ("Input.ShortName", " 应急管理局 "), ("Input.Name", "唐山高新区应急管理局"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var again = await admin.PostAsync("/admin/units/create", token, ("regionId", zone.ToString()), ("Input.ShortName", "应急管理局"), ("Input.Name", "重复"));
        Assert.Contains("简称：本地区已有“应急管理局”", (await PortalClient.ParseAsync(again)).Body!.TextContent);
        var tooLong = await admin.PostAsync("/admin/units/create", token, ("regionId", zone.ToString()), ("Input.ShortName", new string('局', 51)), ("Input.Name", ""), ("Input.SortOrder", "第一"));
        var errors = (await PortalClient.ParseAsync(tooLong)).Body!.TextContent;
        Assert.Contains("简称：不能超过 50 个字符", errors);
        Assert.Contains("全称：必须填写", errors);
        Assert.Contains("排序：须为 0 到 9999 之间的整数", errors);

        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(1, await db.MemberUnits.CountAsync(u => u.RegionId == zone && u.ShortName == "应急管理局"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.MemberUnitCreated && a.UserName == "ts.admin" && a.RegionId == zone));
        }

        var unitId = await portal.UnitIdAsync("130200-GX", "应急管理局");
        var form = await admin.GetPageAsync("/admin/users/create");
        Assert.Contains(form.QuerySelectorAll("#Input_UnitId option"), o => o.GetAttribute("value") == unitId.ToString() && o.TextContent == "应急管理局");
        await CreateUserAsync(admin, "tsgx.emergency", "130200-GX", unitId.ToString());

        using var user = await portal.SignedInClientAsync("tsgx.emergency", "Units#2026a");
        var home = await user.GetPageAsync("/");
        var header = home.QuerySelector("[data-testid=current-user]")!.TextContent;
        Assert.Contains("唐山高新区", header);
        Assert.Contains("应急管理局", header);
        Assert.Contains("所属单位：应急管理局", home.QuerySelector("[data-testid=my-unit]")!.TextContent);
        Assert.Contains(home.QuerySelectorAll("[data-testid=member-unit]"), li => li.TextContent.Contains("唐山高新区应急管理局"));
    }

    [Fact]
    public async Task AnotherRegionsAdmin_CannotSeeOrChangeTheseUnits_AndAUnitOfAnotherRegionIsRefusedForAUser()
    {
        using var admin = await portal.SignedInClientAsync("gz.admin"); // 赣州市, not 唐山
        var zone = await portal.RegionIdAsync("130200-GX");
        var unitId = await portal.UnitIdAsync("130200-GX", "商务局");
        var token = await admin.TokenFromAsync("/admin/units");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/units?regionId={zone}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/units/{unitId}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/admin/units/create", token, ("regionId", zone.ToString()), ("Input.ShortName", "越权局"), ("Input.Name", "越权局"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/units/{unitId}/edit", token, ("Input.ShortName", "改名"), ("Input.Name", "改名"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/units/{unitId}/retire", token, ("confirm", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/units/{unitId}/host", token)).StatusCode);

        // A clerk of the zone is no admin at all.
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Http.GetAsync($"/admin/units?regionId={zone}")).StatusCode);

        // 赣州's admin creating a 章贡区 user cannot put it into 唐山高新区's unit.
        var refused = await admin.PostAsync("/admin/users/create", await admin.TokenFromAsync("/admin/users/create"),
            ("Input.UserName", "gzzg.intruder"), ("Input.DisplayName", "越权"), ("Input.RegionId", (await portal.RegionIdAsync("360702")).ToString()),
            ("Input.UnitId", unitId.ToString()), ("Input.Role", "Clerk"), ("Input.Password", "Units#2026a"));
        Assert.Contains("所属单位：请选择所选地区的在用成员单位", (await PortalClient.ParseAsync(refused)).Body!.TextContent);

        await using var db = portal.CreateDbContext();
        var unit = await db.MemberUnits.SingleAsync(u => u.Id == unitId);
        Assert.Equal(("商务局", true, false), (unit.ShortName, unit.IsActive, unit.HostsOffice));
        Assert.False(await db.MemberUnits.AnyAsync(u => u.ShortName == "越权局"));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "gzzg.intruder"));
    }

    [Fact]
    public async Task RetiringAUnit_AsksForConfirmation_LeavesTheUserForm_ButOldRowsStillShowIt()
    {
        using var admin = await portal.SignedInClientAsync("jy.admin");
        var county = await portal.RegionIdAsync("410000-JY-HL");
        var token = await admin.TokenFromAsync($"/admin/units?regionId={county}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/units/create", token, ("regionId", county.ToString()), ("Input.ShortName", "科技局"), ("Input.Name", "虎岭高新区科技局"))).StatusCode);
        var unitId = await portal.UnitIdAsync("410000-JY-HL", "科技局");
        await CreateUserAsync(admin, "jyhl.tech", "410000-JY-HL", unitId.ToString());

        // The clerk of 科技局 saves a row: it is attributed to 科技局.
        using (var clerk = await portal.SignedInClientAsync("jyhl.tech", "Units#2026a"))
        {
            var created = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers/coordinators/create?year=2026"),
                [.. LedgerForms.Coordinator("科技局协调员", TestIdNumbers.WithCheckDigit("410881198501010030"), "男"), ("year", "2026")]);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        // Retire: a confirmation page naming what stays, and a bare POST retires nothing.
        var confirm = await admin.GetPageAsync($"/admin/units/{unitId}/retire");
        var text = confirm.QuerySelector("[data-testid=retire-confirm]")!.TextContent;
        Assert.Contains("现有 1 个用户、1 条台账记录", text);
        var bare = await admin.PostAsync($"/admin/units/{unitId}/retire", token);
        Assert.Contains("请勾选“我已了解”", (await PortalClient.ParseAsync(bare)).Body!.TextContent);
        Assert.True((await UnitAsync(unitId)).IsActive);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/units/{unitId}/retire", token, ("confirm", "true"))).StatusCode);
        Assert.False((await UnitAsync(unitId)).IsActive);

        // The host cannot be retired.
        var host = await portal.HostUnitIdAsync("410000-JY-HL");
        await admin.PostAsync($"/admin/units/{host}/retire", token, ("confirm", "true"));
        Assert.True((await UnitAsync(host)).IsActive);

        var form = await admin.GetPageAsync("/admin/users/create");
        Assert.DoesNotContain(form.QuerySelectorAll("#Input_UnitId option"), o => o.GetAttribute("value") == unitId.ToString());
        var refused = await admin.PostAsync("/admin/users/create", await admin.TokenFromAsync("/admin/users/create"),
            ("Input.UserName", "jyhl.tech2"), ("Input.DisplayName", "测试"), ("Input.RegionId", county.ToString()),
            ("Input.UnitId", unitId.ToString()), ("Input.Role", "Clerk"), ("Input.Password", "Units#2026a"));
        Assert.Contains("所属单位：请选择所选地区的在用成员单位", (await PortalClient.ParseAsync(refused)).Body!.TextContent);

        using var clerkAgain = await portal.SignedInClientAsync("jyhl.tech", "Units#2026a");
        var list = await clerkAgain.GetPageAsync("/ledgers/coordinators?year=2026");
        var row = list.QuerySelectorAll("[data-testid=ledger-list] tbody tr").Single(r => r.TextContent.Contains("科技局协调员"));
        Assert.Equal("科技局", row.QuerySelector("[data-testid=row-unit]")!.TextContent);
        var newForm = await clerkAgain.GetPageAsync("/ledgers/coordinators/create?year=2026");
        Assert.DoesNotContain(newForm.QuerySelectorAll("#f_unit option"), o => o.TextContent == "科技局");
        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.MemberUnitRetired && a.ObjectId == unitId.ToString()));
    }

    private async Task<MemberUnit> UnitAsync(int id)
    {
        await using var db = portal.CreateDbContext();
        return await db.MemberUnits.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    [Fact]
    public async Task YueyangUnionClerksRow_IsAttributedToTheUnion_AndMayBeGivenToAnotherUnitOfTheCity()
    {
        using var clerk = await portal.SignedInClientAsync("yy.union");
        Assert.Contains("总工会", (await clerk.GetPageAsync("/")).QuerySelector("[data-testid=current-user]")!.TextContent);
        var form = await clerk.GetPageAsync("/ledgers/coordinators/create?year=2026");
        Assert.Equal("总工会", form.QuerySelector("#f_unit option[selected]")!.TextContent);
        Assert.Equal(["人社局", "总工会", "工业和信息化局", "工商联", "企联/企协"], form.QuerySelectorAll("#f_unit option").Select(o => o.TextContent));

        var token = await clerk.TokenFromAsync("/ledgers/coordinators/create?year=2026");
        var own = await clerk.PostAsync("/ledgers/coordinators/create", token,
            [.. LedgerForms.Coordinator("工会协调员", TestIdNumbers.WithCheckDigit("430600198002020040"), "女"), ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var other = await clerk.PostAsync("/ledgers/coordinators/create", token,
            [.. LedgerForms.Coordinator("工信协调员", TestIdNumbers.WithCheckDigit("430600198003030050"), "男"), ("values[__unit]", "工业和信息化局"), ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        var foreign = await clerk.PostAsync("/ledgers/coordinators/create", token,
            [.. LedgerForms.Coordinator("越权协调员", TestIdNumbers.WithCheckDigit("430600198004040060"), "女"), ("values[__unit]", "商务局"), ("year", "2026")]);
        Assert.Contains("责任单位：本地区没有名为“商务局”的在用成员单位", (await PortalClient.ParseAsync(foreign)).Body!.TextContent);

        await using var db = portal.CreateDbContext();
        var union = await portal.UnitIdAsync("430600", "总工会");
        var miit = await portal.UnitIdAsync("430600", "工业和信息化局");
        Assert.Equal(union, await db.Coordinators.Where(c => c.Name == "工会协调员").Select(c => c.UnitId).SingleAsync());
        Assert.Equal(miit, await db.Coordinators.Where(c => c.Name == "工信协调员").Select(c => c.UnitId).SingleAsync());
        Assert.False(await db.Coordinators.AnyAsync(c => c.Name == "越权协调员"));
        var details = await clerk.GetPageAsync($"/ledgers/coordinators/{own.Headers.Location!.OriginalString.Split('/')[^1]}");
        Assert.Equal("总工会", details.QuerySelector("[data-testid=row-unit]")!.TextContent);
    }

    [Fact]
    public async Task Import_TakesTheUnitColumn_DefaultsToTheClerksUnit_AndRefusesAnUnknownUnitByRowAndField()
    {
        using var clerk = await portal.SignedInClientAsync("yy.acfic"); // 岳阳市工商联
        string[] headers = [.. LedgerWorkbooks.CoordinatorHeaders, "责任单位"];
        CellValue[] Row(string serial, string name, string id, string unit) =>
            [.. LedgerWorkbooks.Person(serial, name, TestIdNumbers.WithCheckDigit(id), "男", "2019-05-01"), unit];

        var bad = await LedgerWorkbooks.UploadAsync(clerk, "coordinators", LedgerWorkbooks.Workbook(headers,
            Row("1", "导入甲", "430600197001010070", "总工会"),
            Row("2", "导入乙", "430600197001010090", "交通局")));
        var problems = (await PortalClient.ParseAsync(bad)).QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(r => r.TextContent).ToList();
        // Title, subtitle, header, a blank row, then the rows: the second data row is row 6.
        var problem = Assert.Single(problems);
        Assert.Contains("第 6 行", problem);
        Assert.Contains("责任单位", problem);
        Assert.Contains("责任单位：本地区没有名为“交通局”的在用成员单位", problem);
        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.Coordinators.AnyAsync(c => c.Name.StartsWith("导入")));
        }

        var good = await LedgerWorkbooks.UploadAsync(clerk, "coordinators", LedgerWorkbooks.Workbook(headers,
            Row("1", "导入甲", "430600197001010070", "市总工会"),
            Row("2", "导入乙", "430600197001010090", "")));
        Assert.True(good.StatusCode is HttpStatusCode.Redirect, (await PortalClient.ParseAsync(good)).QuerySelector("main")?.TextContent);
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(await portal.UnitIdAsync("430600", "总工会"), await db.Coordinators.Where(c => c.Name == "导入甲").Select(c => c.UnitId).SingleAsync());
            Assert.Equal(await portal.UnitIdAsync("430600", "工商联"), await db.Coordinators.Where(c => c.Name == "导入乙").Select(c => c.UnitId).SingleAsync());
        }
    }

    [Fact]
    public async Task TheQuotaMeasurement_CountsOnlyRowsAttributedToTheUnit()
    {
        using var clerk = await portal.SignedInClientAsync("yyyx.clerk"); // 云溪区's 人社局 clerk
        var region = await portal.RegionIdAsync("430603");
        var unionUnit = await portal.UnitIdAsync("430603", "总工会");
        var token = await clerk.TokenFromAsync("/ledgers/coordinators/create?year=2026");
        var ids = new[] { "430603198101010090", "430603198101020010", "430603198101030010" };
        string?[] units = ["总工会", "总工会", null];
        for (var i = 0; i < ids.Length; i++)
        {
            (string, string)[] unit = units[i] is { } u ? [("values[__unit]", u)] : [];
            var saved = await clerk.PostAsync("/ledgers/coordinators/create", token,
                [.. LedgerForms.Coordinator("云溪" + i, TestIdNumbers.WithCheckDigit(ids[i]), "男"), .. unit, ("year", "2026")]);
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(saved)).QuerySelector("[data-testid=form-errors]")?.TextContent);
        }

        await using var db = portal.CreateDbContext();
        Assert.Equal(2, await MemberUnits.CountRowsAsync(db, "coordinators", region, "总工会", 2026));
        Assert.Equal(2, await MemberUnits.CountRowsAsync(db, "coordinators", region, "县总工会", 2026)); // as a notice spells it
        Assert.Equal(1, await MemberUnits.CountRowsAsync(db, "coordinators", region, "人社局", 2026));
        Assert.Equal(0, await MemberUnits.CountRowsAsync(db, "coordinators", region, "总工会", 2025));
        Assert.Equal(0, await MemberUnits.CountRowsAsync(db, "coordinators", region, "商务局", 2026));
        Assert.Equal(2, await db.Coordinators.AttributedTo(unionUnit).CountAsync(c => c.Year == 2026));
    }
}

public sealed class SqliteMemberUnitTests(SqlitePortal portal) : MemberUnitTests<SqlitePortal>(portal);

public sealed class PostgresMemberUnitTests(PostgresPortal portal) : MemberUnitTests<PostgresPortal>(portal);
