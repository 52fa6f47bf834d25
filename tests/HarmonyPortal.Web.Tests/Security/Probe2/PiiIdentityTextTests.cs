using System.Net;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Ledgers.LedgerWorkbooks;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Second outside probe, class "identity text is normalized": zero-width and bidirectional characters are removed before
/// the duplicate checks, on the form and on import, so a look-alike of a registered name or number is refused as the same.
/// </summary>
public abstract class PiiIdentityTextTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static async Task<HttpResponseMessage> CreateAsync(PortalClient client, string kind, (string, string)[] form)
    {
        var token = await client.TokenFromAsync("/ledgers");
        return await client.PostAsync($"/ledgers/{kind}/create", token, [.. form, ("year", "2026")]);
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => (await PortalClient.ParseAsync(response)).Body!.TextContent;

    [Fact]
    public async Task APersonWhoseNumberCarriesZeroWidthOrBidiCharacters_IsRefusedAsTheSamePerson_OnTheFormAndOnImport()
    {
        var number = TestIdNumbers.WithCheckDigit("430611198609096625");
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(clerk, "coordinators", LedgerForms.Coordinator(name: "易兰", id: number))).StatusCode);

        var spaced = await TextAsync(await CreateAsync(clerk, "coordinators",
            LedgerForms.Coordinator(name: "易\u200D兰", id: "\u202A" + number[..6] + "\u200C\u2060" + number[6..] + "\u202C")));
        var imported = await UploadAsync(clerk, "coordinators",
            Workbook(CoordinatorHeaders, Person("1", "易兰\u2066", "\u200E" + number[..9] + "\u00AD" + number[9..], "女", "2020-01-01")));

        Assert.Contains("身份证号码：2026 年度本台账中已有该人员的记录（君山区），同一年度不能重复登记", spaced);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, imported.StatusCode);
        Assert.Contains("已有该人员的记录（君山区）", (await PortalClient.ParseAsync(imported)).QuerySelector("[data-testid=import-errors]")!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.Coordinators.CountAsync(r => r.Name == "易兰"));
    }

    [Fact]
    public async Task AnOrganisationNameWithInvisibleCharacters_IsRefusedAsTheSameName_AndNamesAreStoredWithoutThem()
    {
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(clerk, "harmonious-enterprises", Enterprise("洞庭湖机械有限公司"))).StatusCode);

        var lookAlike = await TextAsync(await CreateAsync(clerk, "harmonious-enterprises", Enterprise("洞庭\u200B湖机械\u202E有限\uFE0F公司\u2069")));
        var other = await CreateAsync(clerk, "harmonious-enterprises", Enterprise("\u200F巴陵\u034F商贸有限公司"));

        Assert.Contains("同一年度不能重复登记", lookAlike);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        await using var db = portal.CreateDbContext();
        var names = await db.HarmoniousEnterprises.Select(r => r.Name).ToListAsync();
        Assert.Single(names, n => n.Contains("洞庭"));
        Assert.Contains("巴陵商贸有限公司", names);
    }

    private static (string, string)[] Enterprise(string name) =>
    [
        ("values[Name]", name), ("values[Address]", "某路1号"), ("values[ContactName]", "张三"), ("values[ContactPhone]", "13800000000"),
        ("values[EmployeeCount]", "120"), ("values[ServiceUnit]", "县人社局"), ("values[ReachedStandard]", "是"),
    ];
}

public sealed class SqlitePiiIdentityTextTests(SqlitePortal portal) : PiiIdentityTextTests<SqlitePortal>(portal);

public sealed class PostgresPiiIdentityTextTests(PostgresPortal portal) : PiiIdentityTextTests<PostgresPortal>(portal);
