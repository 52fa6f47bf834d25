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
        Assert.Contains("规划期已结束", after);
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
