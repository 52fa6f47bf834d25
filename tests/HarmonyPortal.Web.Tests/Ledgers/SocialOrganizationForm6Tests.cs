using System.Net;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HarmonyPortal.Web.Tests.Ledgers.OfficialFormWorkbooks;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// 附件6 prints no 统一社会信用代码: the printed form imports, an organisation without credit code is known by its name in
/// its region and year ("新增并更新" matches by credit code, else by name, and keeps a known code), duplicates are refused
/// naming the row and the field, and the honour history finds an organisation without credit code by its name.
/// </summary>
public abstract class SocialOrganizationForm6Tests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Clerk = "tslb.clerk";
    private const string Kind = "social-organizations";

    [Fact]
    public async Task Form6AsPrinted_Imports_AndAddOrUpdate_MatchesByName_KeepingAKnownCreditCode()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);
        const int year = 2025;
        var code = Code("51430602MJ000001");
        await CreatedAsync(clerk, Organisation("岳阳楼区劳动关系协会", code, "6"), year);

        // The printed form: the known association (now 8 coordinators) and a new federation, no credit codes.
        var printed = SocialOrganizations(("岳阳楼区劳动关系协会", "８"), ("岳阳楼区企业联合会", "3"));
        var preview = await LedgerWorkbooks.PreviewAsync(clerk, Kind, printed, "AddOrUpdate", year);
        Assert.True(preview.StatusCode == HttpStatusCode.OK, (await PortalClient.ParseAsync(preview)).QuerySelector("main")?.TextContent);
        var counts = (await PortalClient.ParseAsync(preview)).QuerySelector("[data-testid=import-counts]")!.TextContent;
        Assert.Contains("新增 1", counts);
        Assert.Contains("更新 1", counts);
        await ConfirmedAsync(clerk, preview, "1 新增，1 更新，0 无变化");

        await using (var db = portal.CreateDbContext())
        {
            var rows = await db.SocialOrganizations.AsNoTracking().Where(o => o.Year == year && o.Region.Code == "130203").OrderBy(o => o.Name).ToListAsync();
            Assert.Equal(["岳阳楼区企业联合会", "岳阳楼区劳动关系协会"], rows.Select(r => r.Name).Order());
            var association = rows.Single(r => r.Name == "岳阳楼区劳动关系协会");
            Assert.Equal((code, 8, new DateOnly(2016, 9, 1)), (association.CreditCode, association.CoordinatorCount, association.EstablishedOn));
            Assert.Null(rows.Single(r => r.Name == "岳阳楼区企业联合会").CreditCode);
        }

        // The same file again: nothing to change.
        var again = await LedgerWorkbooks.PreviewAsync(clerk, Kind, printed, "AddOrUpdate", year);
        var againCounts = (await PortalClient.ParseAsync(again)).QuerySelector("[data-testid=import-counts]")!.TextContent;
        Assert.Contains("新增 0", againCounts);
        Assert.Contains("无变化 2", againCounts);

        // The federation's credit code, learnt later, comes with an exported-style file and updates the row found by name.
        var federationCode = Code("51430602MJ000002");
        var withCode = LedgerWorkbooks.Workbook(
            ["序号", "所属乡镇街道", "组织名称", "组织性质", "地址", "成立时间", "负责人", "协调员人数", "联系人", "联系电话", "统一社会信用代码"],
            ["1", "洞庭街道", "岳阳楼区企业联合会", "社会团体", "岳阳楼区某路1号", "2016-09", "周正", "3", "吴敏", "0730-8123456", federationCode]);
        var coded = await LedgerWorkbooks.PreviewAsync(clerk, Kind, withCode, "AddOrUpdate", year);
        Assert.Contains("更新 1", (await PortalClient.ParseAsync(coded)).QuerySelector("[data-testid=import-counts]")!.TextContent);
        await ConfirmedAsync(clerk, coded, "0 新增，1 更新，0 无变化");
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(federationCode, await db.SocialOrganizations.Where(o => o.Year == year && o.Name == "岳阳楼区企业联合会").Select(o => o.CreditCode).SingleAsync());
        }
    }

    [Fact]
    public async Task Duplicates_AreRefused_NamingTheRowAndTheField()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);
        const int year = 2024;

        // The same name twice in one printed file.
        var twice = await LedgerWorkbooks.PreviewAsync(clerk, Kind, SocialOrganizations(("洞庭协调促进会", "2"), ("洞庭协调促进会", "3")), "AddOnly", year);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains(Errors(await PortalClient.ParseAsync(twice)), e => e.Contains("第 7 行") && e.Contains("组织名称：与第 5 行重复"));

        // Imported once; the same file again in 仅新增 is refused for each organisation, by name.
        var file = SocialOrganizations(("南湖协调服务中心", "2"), ("金鹗劳动关系研究会", "4"));
        await ConfirmedAsync(clerk, await LedgerWorkbooks.PreviewAsync(clerk, Kind, file, "AddOnly", year), "2 新增");
        var repeated = await LedgerWorkbooks.PreviewAsync(clerk, Kind, file, "AddOnly", year);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, repeated.StatusCode);
        var errors = Errors(await PortalClient.ParseAsync(repeated));
        Assert.Contains(errors, e => e.Contains("第 5 行") && e.Contains("组织名称：2024 年度本台账中已有该名称的记录") && e.Contains("同一年度不能重复登记"));
        Assert.Contains(errors, e => e.Contains("第 7 行") && e.Contains("组织名称："));

        // The form: the same name without a credit code, and with a new credit code, is refused on 组织名称 and keeps what was typed.
        var code = Code("51430602MJ000003");
        foreach (var typed in new[] { "", code })
        {
            var refused = await clerk.PostAsync($"/ledgers/{Kind}/create", await clerk.TokenFromAsync("/ledgers"), [.. Organisation("南湖协调服务中心", typed, "5"), ("year", year.ToString())]);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form again, not saved
            var page = await PortalClient.ParseAsync(refused);
            Assert.Contains("组织名称：2024 年度本台账中已有该名称的记录", page.QuerySelector("[data-testid=form-errors]")!.TextContent);
            Assert.Equal(typed, page.QuerySelector("input[name='values[CreditCode]']")!.GetAttribute("value") ?? "");
        }

        // A credit code already registered is refused on 统一社会信用代码, as before.
        await CreatedAsync(clerk, Organisation("君山协调工作站", code, "2"), year);
        var sameCode = await clerk.PostAsync($"/ledgers/{Kind}/create", await clerk.TokenFromAsync("/ledgers"), [.. Organisation("另一个名称的组织", code, "2"), ("year", year.ToString())]);
        Assert.Contains("统一社会信用代码：2024 年度本台账中已有该组织的记录", (await PortalClient.ParseAsync(sameCode)).QuerySelector("[data-testid=form-errors]")!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(3, await db.SocialOrganizations.CountAsync(o => o.Year == year));
    }

    [Fact]
    public async Task HonourHistory_OfAnOrganisationWithoutCreditCode_FollowsItsNameInItsRegion()
    {
        portal.Clock.Set(2026, 6, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var other = await portal.SignedInClientAsync("xzdx.clerk");
        var earlier = await CreatedAsync(clerk, Organisation("秀容协调促进会", "", "6"), 2025);
        var nomination = await Nominations.NominationFlow.NominateAsync(clerk, GoldCategory.SocialOrganization, earlier);
        await using (var db = portal.CreateDbContext())
        {
            var selected = await db.Nominations.Include(n => n.Sheet).SingleAsync(n => n.Id == nomination);
            (selected.ProvinceDecision, selected.Sheet.Status) = (Decision.Yes, SheetStatus.Published);
            await db.SaveChangesAsync();
        }

        var same = await CreatedAsync(clerk, Organisation("秀容协调促进会", "", "6"), 2026);
        var elsewhere = await CreatedAsync(other, Organisation("秀容协调促进会", "", "6"), 2026);

        using var scope = portal.Services.CreateScope();
        await using var context = portal.CreateDbContext();
        var rows = await context.SocialOrganizations.AsNoTracking().Where(o => o.Id == same || o.Id == elsewhere).ToListAsync();
        var history = await scope.ServiceProvider.GetRequiredService<HonourHistoryLookup>().ForAsync(GoldCategory.SocialOrganization, rows, default);
        Assert.Equal([(2025, true)], history.Of(rows.Single(r => r.Id == same)).Select(h => (h.Year, h.Published)));
        Assert.Empty(history.Of(rows.Single(r => r.Id == elsewhere))); // the same name in another county is another organisation
    }

    private static string[] Errors(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(tr => tr.TextContent)];

    private static string Code(string first16) => first16 + "0" + CreditCode.CheckCharacter(first16 + "0");

    private static (string, string)[] Organisation(string name, string creditCode, string coordinators) =>
    [
        ("values[TownName]", "洞庭街道"), ("values[Name]", name), ("values[Nature]", "社会团体"), ("values[Address]", "岳阳楼区某路1号"),
        ("values[EstablishedOn]", "2016-09-01"), ("values[LeaderName]", "周正"), ("values[CoordinatorCount]", coordinators), ("values[ContactName]", "吴敏"),
        ("values[ContactPhone]", "0730-8123456"), ("values[CreditCode]", creditCode), ("values[CertifiedCoordinatorCount]", "0"),
    ];

    private static async Task<long> CreatedAsync(PortalClient clerk, (string, string)[] values, int year)
    {
        var response = await clerk.PostAsync($"/ledgers/{Kind}/create", await clerk.TokenFromAsync("/ledgers"), [.. values, ("year", year.ToString())]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=form-errors]")?.TextContent);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task ConfirmedAsync(PortalClient clerk, HttpResponseMessage preview, string expected)
    {
        var body = await preview.Content.ReadAsStringAsync();
        var confirmed = await LedgerWorkbooks.ConfirmAsync(clerk, Kind, new HttpResponseMessage(preview.StatusCode) { Content = new StringContent(body) });
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, $"{(int)confirmed.StatusCode} {(await PortalClient.ParseAsync(confirmed)).QuerySelector("main")?.TextContent}");
        Assert.Contains(expected, (await clerk.GetPageAsync(confirmed.Headers.Location!.OriginalString)).Body!.TextContent);
    }
}

public sealed class SqliteSocialOrganizationForm6Tests(SqlitePortal portal) : SocialOrganizationForm6Tests<SqlitePortal>(portal);

public sealed class PostgresSocialOrganizationForm6Tests(PostgresPortal portal) : SocialOrganizationForm6Tests<PostgresPortal>(portal);
