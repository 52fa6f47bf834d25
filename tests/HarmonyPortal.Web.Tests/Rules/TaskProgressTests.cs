using System.Net;
using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules;

public sealed class TaskProgressTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task CountyHomePage_ShowsThisYearsQuotaFromAttachment1_AndWhatTheLedgerAchieved()
    {
        using var clerk = portal.CreatePortalClient();
        await clerk.LoginOrFailAsync("yyjs.clerk");
        var before = (await clerk.GetPageAsync("/")).QuerySelector("[data-testid=progress]")!.TextContent;

        var created = await clerk.PostAsync("/ledgers/new-enterprise-services/create", await clerk.TokenFromAsync("/ledgers"),
            ("values[Name]", "君山某新企业"), ("values[Address]", "君山区某路"), ("values[ContactName]", "张三"), ("values[ContactPhone]", "13800000000"),
            ("values[EmployeeCount]", "12"), ("values[ServiceUnit]", "君山区人社局"), ("values[ServedOn]", "2026-03-01"), ("year", "2026"));
        var after = (await clerk.GetPageAsync("/")).QuerySelector("[data-testid=progress]")!.TextContent;

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("新企业用工服务计划", before);
        Assert.Contains("0 / 20 户，还差 20 户", before);
        Assert.Contains("1 / 20 户，还差 19 户", after);
        Assert.Contains("和谐企业培育计划", after);
        Assert.Contains("本年度不在任何规划期内", after);
    }

    [Fact]
    public async Task ProvinceHomePage_ForecastsGoldQuotas_FromNominatedAndApprovedNominees()
    {
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        using var province = await portal.SignedInClientAsync("sx.reviewer");
        var year = portal.Clock.GetLocalNow().Year;
        var id = await Nominations.NominationFlow.NominateAsync(clerk, Core.Rules.GoldCategory.Coordinator,
            await Nominations.NominationFlow.LedgerRowAsync(clerk, Core.Rules.GoldCategory.Coordinator, year, "进度协调员"));
        await Nominations.NominationFlow.AttestAllAsync(clerk, id);
        var sheet = await Nominations.NominationFlow.SheetAsync(portal, id);
        await Nominations.NominationFlow.DoneAsync(Nominations.NominationFlow.ActAsync(clerk, sheet.Id, "submit"));
        static string Line(string progress) => progress.Split('\n').Select(l => l.Trim()).SkipWhile(l => l != "忻州市 · 打造金牌劳动关系协调员").First(l => l.StartsWith("已推荐", StringComparison.Ordinal));

        var before = (await province.GetPageAsync("/")).QuerySelector("[data-testid=progress]")!.TextContent;
        await Nominations.NominationFlow.ConfirmAllAsync(city, id);
        await Nominations.NominationFlow.DoneAsync(city.PostAsync($"/nominations/{id}/decide", await city.TokenFromAsync("/nominations"), ("approve", "true")));
        await Nominations.NominationFlow.DoneAsync(Nominations.NominationFlow.ActAsync(city, sheet.Id, "approve"));
        var after = (await province.GetPageAsync("/")).QuerySelector("[data-testid=progress]")!.TextContent;

        Assert.Equal("已推荐 1 名，审核通过 0 / 10 名，还差 10 名", Line(before));
        Assert.Equal("已推荐 1 名，审核通过 1 / 10 名，还差 9 名", Line(after));
    }

    [Fact]
    public async Task CityHomePage_ShowsEachCountysProgress()
    {
        using var reviewer = portal.CreatePortalClient();
        await reviewer.LoginOrFailAsync("yy.reviewer");

        var progress = (await reviewer.GetPageAsync("/")).QuerySelector("[data-testid=progress]")!.TextContent;

        Assert.Contains("岳阳楼区 · 新企业用工服务计划", progress);
        Assert.Contains("屈原区 · 新企业用工服务计划", progress);
        Assert.Contains("/ 15 户", progress);
    }
}
