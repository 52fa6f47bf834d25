using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Ledgers;

public abstract class LedgerTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static async Task<HttpResponseMessage> CreateAsync(PortalClient client, string kind, (string, string)[] form, int year = 2026)
    {
        var token = await client.TokenFromAsync("/ledgers");
        return await client.PostAsync($"/ledgers/{kind}/create", token, [.. form, ("year", year.ToString())]);
    }

    private static long IdFrom(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => (await PortalClient.ParseAsync(response)).Body!.TextContent;

    [Fact]
    public async Task Clerk_AddsACoordinator_TheListShowsTheIdMasked_AndTheDatabaseHoldsItEncrypted()
    {
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");

        var id = IdFrom(await CreateAsync(clerk, "coordinators", LedgerForms.Coordinator()));

        var list = await clerk.GetPageAsync("/ledgers/coordinators?year=2026");
        var table = list.QuerySelector("[data-testid=ledger-list]")!.TextContent;
        Assert.Contains("李红", table);
        Assert.Contains("110105********002X", table);
        Assert.DoesNotContain(LedgerForms.ExampleId, list.DocumentElement.OuterHtml);
        await using var db = portal.CreateDbContext();
        var row = await db.Coordinators.SingleAsync(r => r.Id == id);
        Assert.DoesNotContain("19491231", row.IdNumberCipher);
        Assert.Matches("^[0-9a-f]{64}$", row.IdNumberHash);
        Assert.Equal("110105********002X", row.IdNumberMasked);
        Assert.Equal(await portal.RegionIdAsync("430602"), row.RegionId);
        Assert.Equal(SkillLevel.Level3, row.SkillLevel);
    }

    [Fact]
    public async Task BadValues_AreRefusedInChinese_NamingEachFieldAndWhy_AndNothingIsSaved()
    {
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");
        await using var before = portal.CreateDbContext();
        var count = await before.Coordinators.CountAsync();

        var response = await CreateAsync(clerk, "coordinators", LedgerForms.Coordinator(id: "110105194912310023", phone: "1381234567", servingSince: "2099-01-01")
            .With("Ethnicity", "火星族").With("Education", "幼儿园"));

        var text = await TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("身份证号码：校验位应为 X，实际为 3", text);
        Assert.Contains("联系方式：", text);
        Assert.Contains("任职协调员时间：不能晚于今天", text);
        Assert.Contains("民族：“火星族”不是 GB/T 3304 中的民族名称或代码", text);
        Assert.Contains("学历：“幼儿园”不是可选值", text);
        await using var after = portal.CreateDbContext();
        Assert.Equal(count, await after.Coordinators.CountAsync());
    }

    [Fact]
    public async Task GenderThatContradictsTheIdNumber_AndCertificateWithoutLevel_AreRefused()
    {
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");

        var text = await TextAsync(await CreateAsync(clerk, "coordinators",
            LedgerForms.Coordinator(name: "周某", id: "11010519491231002X", gender: "男", skillLevel: null)));

        Assert.Contains("性别：与身份证号码不符", text);
        Assert.Contains("职业技能等级：填写了证书编号时必须填写", text);
    }

    [Fact]
    public async Task SamePersonTwiceInAYear_IsRefusedNamingWhereTheRowIs_WithoutTheirData()
    {
        const string id = "430602199001011234";
        var valid = TestIdNumbers.WithCheckDigit(id);
        using var first = await portal.SignedInClientAsync("yyyx.clerk");
        IdFrom(await CreateAsync(first, "coordinators", LedgerForms.Coordinator(name: "陈刚", id: valid, gender: "男")));
        using var second = await portal.SignedInClientAsync("xzxf.clerk");

        var text = await TextAsync(await CreateAsync(second, "coordinators", LedgerForms.Coordinator(name: "陈刚", id: valid, gender: "男")));

        Assert.Contains("身份证号码：2026 年度本台账中该人员已在其他地区登记（不在您的管辖范围内）", text);
        Assert.DoesNotContain("云溪区", text);
        Assert.DoesNotContain("陈刚</td>", text);
        using var sameCounty = await portal.SignedInClientAsync("yyyx.clerk");
        Assert.Contains("（云溪区）", await TextAsync(await CreateAsync(sameCounty, "coordinators", LedgerForms.Coordinator(name: "陈刚", id: valid, gender: "男"))));
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(sameCounty, "coordinators", LedgerForms.Coordinator(name: "陈刚", id: valid, gender: "男"), 2025)).StatusCode);
    }

    [Fact]
    public async Task RowsOfOtherRegions_AnswerNotFound_AndRowsBelowAreReadOnlyAbove()
    {
        using var owner = await portal.SignedInClientAsync("yyhr.clerk");
        var id = IdFrom(await CreateAsync(owner, "coordinators", LedgerForms.Coordinator(name: "吴敏", id: TestIdNumbers.WithCheckDigit("430623198805061240"))));
        using var sibling = await portal.SignedInClientAsync("yyxy.clerk");
        using var other = await portal.SignedInClientAsync("gz.reviewer");
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var token = await sibling.TokenFromAsync("/ledgers");

        foreach (var client in new[] { sibling, other })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/ledgers/coordinators/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/ledgers/coordinators/{id}/history")).StatusCode);
        }

        // The edit form is a clerk's (issue 14): another clerk finds no such row, a reviewer is refused the form itself, whatever the id.
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.Http.GetAsync($"/ledgers/coordinators/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync($"/ledgers/coordinators/{id}/edit")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await sibling.PostAsync($"/ledgers/coordinators/{id}/edit", token, [.. LedgerForms.Coordinator(name: "篡改"), ("version", "1")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.PostAsync($"/ledgers/coordinators/{id}/delete", token, ("version", "1"), ("confirmed", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.Http.GetAsync($"/ledgers/coordinators/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.Http.GetAsync($"/ledgers/coordinators/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsync($"/ledgers/coordinators/create", await city.TokenFromAsync("/ledgers"), [.. LedgerForms.Coordinator(), ("year", "2026")])).StatusCode);
        await using var db = portal.CreateDbContext();
        Assert.Equal("吴敏", (await db.Coordinators.SingleAsync(r => r.Id == id)).Name);
    }

    [Fact]
    public async Task FullIdNumber_IsShownOnlyToTheOwningRegion_AndEachViewIsAudited()
    {
        var number = TestIdNumbers.WithCheckDigit("430621197503154411");
        using var owner = await portal.SignedInClientAsync("yyyyx.clerk");
        var id = IdFrom(await CreateAsync(owner, "coordinators", LedgerForms.Coordinator(name: "郑伟", id: number, gender: "男")));
        using var city = await portal.SignedInClientAsync("yy.reviewer");

        var masked = await owner.GetPageAsync($"/ledgers/coordinators/{id}");
        var revealed = await owner.GetPageAsync($"/ledgers/coordinators/{id}?reveal=true");
        var cityView = await city.GetPageAsync($"/ledgers/coordinators/{id}?reveal=true");

        Assert.DoesNotContain(number, masked.Body!.TextContent);
        Assert.Contains(number, revealed.Body!.TextContent);
        Assert.DoesNotContain(number, cityView.Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.LedgerIdNumberViewed && e.ObjectId == id.ToString()));
    }

    [Fact]
    public async Task TwoClerksEditingTheSameRow_TheSecondGetsAConflictWithBothVersions_AndNothingIsOverwritten()
    {
        using var first = await portal.SignedInClientAsync("yypj.clerk");
        var id = IdFrom(await CreateAsync(first, "mediation-organizations", LedgerForms.MediationOrganization("平江县某公司调解委员会", 10, 8)));
        using var second = await portal.SignedInClientAsync("yypj.clerk");
        var formA = await first.GetPageAsync($"/ledgers/mediation-organizations/{id}/edit");
        var formB = await second.GetPageAsync($"/ledgers/mediation-organizations/{id}/edit");
        string Version(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        string Token(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var saved = await first.PostAsync($"/ledgers/mediation-organizations/{id}/edit", Token(formA),
            [.. LedgerForms.MediationOrganization("平江县某公司调解委员会", 12, 9), ("version", Version(formA))]);
        var conflict = await second.PostAsync($"/ledgers/mediation-organizations/{id}/edit", Token(formB),
            [.. LedgerForms.MediationOrganization("平江县某公司调解委员会", 20, 1), ("version", Version(formB))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var table = (await PortalClient.ParseAsync(conflict)).QuerySelector("[data-testid=conflict]")!.TextContent;
        Assert.Contains("20", table);
        Assert.Contains("12", table);
        await using var db = portal.CreateDbContext();
        var row = await db.MediationOrganizations.SingleAsync(r => r.Id == id);
        Assert.Equal((12, 9, 2), (row.CasesReceived, row.CasesSettled, row.Version));
    }

    [Fact]
    public async Task EveryChange_IsAudited_AndTheHistoryShowsBeforeAndAfter_WithTheIdMasked()
    {
        var number = TestIdNumbers.WithCheckDigit("430624199202028860");
        using var clerk = await portal.SignedInClientAsync("yyxy.clerk");
        var id = IdFrom(await CreateAsync(clerk, "coordinators", LedgerForms.Coordinator(name: "林芳", id: number)));
        var edit = await clerk.GetPageAsync($"/ledgers/coordinators/{id}/edit");
        var token = edit.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await clerk.PostAsync($"/ledgers/coordinators/{id}/edit", token, [.. LedgerForms.Coordinator(name: "林芳", id: number).With("Position", "工会主席"), ("version", "1")]);

        var history = (await clerk.GetPageAsync($"/ledgers/coordinators/{id}/history")).QuerySelector("[data-testid=ledger-history]")!.TextContent;

        Assert.Contains("新增", history);
        Assert.Contains("职务：人力资源部经理 → 工会主席", history);
        await using var db = portal.CreateDbContext();
        var entries = await db.AuditEntries.Where(e => e.ObjectType == "ledger:coordinators" && e.ObjectId == id.ToString()).ToListAsync();
        var details = entries.Where(e => e.Action != AuditActions.LedgerIdNumberViewed).Select(e => e.Details!).ToList();
        Assert.Equal(2, details.Count);
        Assert.Single(entries, e => e.Action == AuditActions.LedgerIdNumberViewed && e.Details == "edit-form"); // the edit form shows the full number
        Assert.All(details, d => Assert.DoesNotContain(number, d));
        Assert.Contains(details, d => d.Contains("430624********", StringComparison.Ordinal));

        var current = await db.Coordinators.AsNoTracking().SingleAsync(r => r.Id == id);
        var deleted = await clerk.PostAsync($"/ledgers/coordinators/{id}/delete", token, ("version", current.Version.ToString()), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await db.Coordinators.AnyAsync(r => r.Id == id));
        var removal = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.LedgerDeleted && e.ObjectId == id.ToString());
        Assert.Contains("林芳", removal.Details);
        Assert.DoesNotContain(number, removal.Details);
    }

    [Fact]
    public async Task CrossFieldRules_SettledNotAboveReceived_AndTheLayoffBlockExactlyWithAPlan()
    {
        using var clerk = await portal.SignedInClientAsync("yyml.clerk");

        var settled = await TextAsync(await CreateAsync(clerk, "mediation-organizations", LedgerForms.MediationOrganization("汨罗市调解中心", 5, 6)));
        var missingBlock = await TextAsync(await CreateAsync(clerk, "key-enterprises", LedgerForms.KeyEnterprise("汨罗某厂", "是")));
        var strayBlock = await TextAsync(await CreateAsync(clerk, "key-enterprises", LedgerForms.KeyEnterprise("汨罗某厂", "否").With("LaidOff", "3")));
        var tooMany = await TextAsync(await CreateAsync(clerk, "key-enterprises", LedgerForms.KeyEnterprise("汨罗某厂", "是", laidOff: "301")));
        var ok = await CreateAsync(clerk, "key-enterprises", LedgerForms.KeyEnterprise("汨罗某厂", "是", laidOff: "12"));

        Assert.Contains("本年度调解成功数：6 件，不能多于本年度受理案件数 5 件", settled);
        Assert.Contains("已裁员人数：有裁员计划时必须填写", missingBlock);
        Assert.Contains("是否有裁员计划：填“否”时", strayBlock);
        Assert.Contains("已裁员人数：301 人，不能多于上年底职工数量 300 人", tooMany);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Fact]
    public async Task Mediators_BelongToAnOrganisationOfTheSameRegionAndYear()
    {
        using var clerk = await portal.SignedInClientAsync("yylx.clerk");
        IdFrom(await CreateAsync(clerk, "mediation-organizations", LedgerForms.MediationOrganization("临湘市劳动争议调解中心", 30, 25)));
        var orgId = IdFrom(await CreateAsync(clerk, "mediation-organizations", LedgerForms.MediationOrganization("临湘市第二调解中心", 3, 3)));
        (string, string)[] mediator = [.. LedgerForms.Coordinator(name: "黄静", id: TestIdNumbers.WithCheckDigit("430682198011110021")).Take(9), ("values[OrganizationName]", "临湘市第二调解中心")];

        var unknown = await TextAsync(await CreateAsync(clerk, "mediators", mediator.With("OrganizationName", "不存在的组织")));
        var created = IdFrom(await CreateAsync(clerk, "mediators", mediator));
        var deleteOrg = await clerk.PostAsync($"/ledgers/mediation-organizations/{orgId}/delete", await clerk.TokenFromAsync("/ledgers"), ("version", "1"), ("confirmed", "true"));
        var refusal = (await clerk.GetPageAsync(deleteOrg.Headers.Location!.OriginalString)).Body!.TextContent;

        Assert.Contains("所属调解组织：本地区 2026 年度调解组织台账中没有“不存在的组织”", unknown);
        Assert.Contains("临湘市第二调解中心", (await clerk.GetPageAsync("/ledgers/mediators")).QuerySelector("[data-testid=ledger-list]")!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(orgId, (await db.Mediators.SingleAsync(m => m.Id == created)).MediationOrganizationId);
        Assert.True(await db.MediationOrganizations.AnyAsync(o => o.Id == orgId), "an organisation with mediators must not be deleted");
        Assert.Contains("还有 1 名调解员", refusal);
    }

    [Fact]
    public async Task SearchByIdNumber_FindsTheOwnRegionsRowThroughItsKeyedHash_TheCityAboveOnlyByName()
    {
        var number = TestIdNumbers.WithCheckDigit("430611198507077715");
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");
        IdFrom(await CreateAsync(clerk, "coordinators", LedgerForms.Coordinator(name: "何军", id: number, gender: "男")));
        using var city = await portal.SignedInClientAsync("yy.reviewer");

        var found = (await clerk.GetPageAsync($"/ledgers/coordinators?q={number}")).QuerySelector("[data-testid=ledger-list]")!.TextContent;
        var cityByNumber = (await city.GetPageAsync($"/ledgers/coordinators?q={number}")).QuerySelector("[data-testid=ledger-list]")!.TextContent;
        var byName = (await city.GetPageAsync($"/ledgers/coordinators?q=何")).QuerySelector("[data-testid=ledger-list]")!.TextContent;

        Assert.Contains("何军", found);
        Assert.DoesNotContain("何军", cityByNumber);
        Assert.Contains("何军", byName);
    }

    [Fact]
    public async Task CarryForward_CopiesLastYearsRowsForReview_AndSkipsThoseAlreadyThere()
    {
        using var clerk = await portal.SignedInClientAsync("yyqy.clerk");
        IdFrom(await CreateAsync(clerk, "harmonious-enterprises", Enterprise("屈原某农业公司"), 2025));
        IdFrom(await CreateAsync(clerk, "harmonious-enterprises", Enterprise("屈原某食品公司"), 2025));
        IdFrom(await CreateAsync(clerk, "harmonious-enterprises", Enterprise("屈原某食品公司"), 2026));
        var token = await clerk.TokenFromAsync("/ledgers");

        var response = await clerk.PostAsync("/ledgers/harmonious-enterprises/carry-forward", token, ("year", "2026"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = portal.CreateDbContext();
        var region = await portal.RegionIdAsync("430600-QY");
        var rows = await db.HarmoniousEnterprises.Where(r => r.RegionId == region && r.Year == 2026).OrderBy(r => r.Name).ToListAsync();
        Assert.Equal(["屈原某农业公司", "屈原某食品公司"], rows.Select(r => r.Name));
        Assert.Equal(LedgerRowStatus.NeedsReview, rows.Single(r => r.Name == "屈原某农业公司").Status);
        Assert.Equal(LedgerRowStatus.Active, rows.Single(r => r.Name == "屈原某食品公司").Status);
    }

    [Fact]
    public async Task ListPages_FollowTheKey_WithoutRepeatsOrGaps()
    {
        var region = await portal.RegionIdAsync("430600-NH");
        await using (var db = portal.CreateDbContext())
        {
            for (var i = 0; i < 120; i++)
            {
                db.NewEnterpriseServices.Add(new NewEnterpriseService
                {
                    RegionId = region, Year = 2026, Name = $"南湖新区企业{i:000}", Address = "南湖大道", ContactName = "张三",
                    ContactPhone = "13800000000", EmployeeCount = i, ServiceUnit = "南湖新区人社局", ServedOn = new DateOnly(2026, 3, 1), Version = 1,
                });
            }

            await db.SaveChangesAsync();
        }

        using var clerk = await portal.SignedInClientAsync("yynh.clerk");
        var seen = new List<string>();
        var url = "/ledgers/new-enterprise-services?year=2026&sort=name";
        for (var page = 0; page < 5 && url is not null; page++)
        {
            var doc = await clerk.GetPageAsync(url);
            seen.AddRange(doc.QuerySelectorAll("[data-testid=ledger-list] tbody tr").Select(tr => tr.Children[1].TextContent));
            url = doc.QuerySelectorAll("nav a").FirstOrDefault(a => a.TextContent == "下一页")?.GetAttribute("href");
        }

        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"南湖新区企业{i:000}"), seen);
    }

    [Fact]
    public async Task ExtraFields_CannotMoveARowToAnotherRegionOrYear()
    {
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        var foreign = await portal.RegionIdAsync("360702");

        var id = IdFrom(await CreateAsync(clerk, "harmonious-enterprises",
            [.. Enterprise("岳阳楼某公司"), ("RegionId", foreign.ToString()), ("values[RegionId]", foreign.ToString()), ("values[Year]", "2001"),
                ("values[Status]", "NeedsReview"), ("Status", "NeedsReview"), ("values[Version]", "99")]));

        await using var db = portal.CreateDbContext();
        var row = await db.HarmoniousEnterprises.SingleAsync(r => r.Id == id);
        Assert.Equal(await portal.RegionIdAsync("430602"), row.RegionId);
        Assert.Equal((2026, LedgerRowStatus.Active, 1), (row.Year, row.Status, row.Version));
    }

    private static (string, string)[] Enterprise(string name) =>
    [
        ("values[Name]", name), ("values[Address]", "某路1号"), ("values[ContactName]", "张三"), ("values[ContactPhone]", "13800000000"),
        ("values[EmployeeCount]", "120"), ("values[ServiceUnit]", "县人社局"), ("values[ReachedStandard]", "是"),
    ];

}

public sealed class SqliteLedgerTests(SqlitePortal portal) : LedgerTests<SqlitePortal>(portal);

public sealed class PostgresLedgerTests(PostgresPortal portal) : LedgerTests<PostgresPortal>(portal);
