using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Ledgers.OfficialFormWorkbooks;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// The import as a week's work has it (issue 17): the official forms 附件3–8 as printed, the columns the portal added
/// chosen on the preview; the dry run that saves nothing; "新增并更新" with the export round trip, a corrected file and
/// a version conflict; creation lines in 修改记录.
/// </summary>
public abstract class LedgerImportPreviewTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Clerk = "tslb.clerk";
    private const string Region = "130203";

    [Fact]
    public async Task OfficialForms3To8_ImportAsPrinted_WithTheAddedColumnsChosenOnThePreview()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);
        const int year = 2025;

        // 附件3: 类别 and 是否在任 are missing; the preview says so and offers them for the whole file.
        var preview = await PreviewAsync(clerk, "coordinators", People(Form3, "劳动关系协调员情况表", Region, 3, "甲"), year);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await PortalClient.ParseAsync(preview);
        Assert.Contains("新增 3", page.QuerySelector("[data-testid=import-counts]")!.TextContent);
        var absent = page.QuerySelector("[data-testid=import-absent]")!.TextContent;
        Assert.Contains("类别", absent);
        Assert.Contains("是否在任", absent);
        Assert.Contains("全部行按“劳动关系协调员”导入", absent); // the stated default
        var chosen = await ChooseAsync(clerk, "coordinators", page, ("Kind", "专职集体协商指导员"), ("CurrentlyServing", "否"));
        Assert.Contains("全部行按“专职集体协商指导员”导入", (await PortalClient.ParseAsync(chosen)).QuerySelector("[data-testid=import-absent]")!.TextContent);
        await ConfirmedAsync(clerk, "coordinators", chosen, "3 新增");
        await using (var db = portal.CreateDbContext())
        {
            var rows = await db.Coordinators.AsNoTracking().Where(c => c.Year == year && c.Region.Code == Region).ToListAsync();
            Assert.Equal(3, rows.Count);
            Assert.All(rows, r => Assert.Equal(CoordinatorKind.CollectiveBargainingInstructor, r.Kind));
            Assert.All(rows, r => Assert.False(r.CurrentlyServing));
            Assert.Contains(rows, r => r.Name == "王芳甲" && r.IdNumberMasked.EndsWith('X') && r.Phone == "13812345678");
            Assert.Contains(rows, r => r.ServingSince == new DateOnly(2021, 3, 1));
            Assert.Contains(rows, r => r.ServingSince == new DateOnly(2021, 5, 1));
            Assert.Contains(rows, r => r.ServingSince == new DateOnly(2021, 3, 5)); // serial 44260
        }

        // 附件4: the year's case counts are missing and default to 0, as the preview says.
        var organisations = await PreviewAsync(clerk, "mediation-organizations", MediationOrganizations(), year);
        Assert.Contains("全部行按“0”导入", (await PortalClient.ParseAsync(organisations)).QuerySelector("[data-testid=import-absent]")!.TextContent);
        await ConfirmedAsync(clerk, "mediation-organizations", organisations, "2 新增");

        // 附件5: 所属调解组织 has no default: the preview asks for it once, not on every row, and offers the county's organisations.
        var mediators = await PreviewAsync(clerk, "mediators", People(Form5, "劳动人事争议调解组织调解员情况表", Region, 4, "乙"), year);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mediators.StatusCode);
        var asked = await PortalClient.ParseAsync(mediators);
        var errors = asked.QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains("整个文件") && e.Contains("所属调解组织") && e.Contains("请在下方"));
        Assert.DoesNotContain(errors, e => e.Contains("第 "));
        Assert.Contains("城陵矶街道调解中心", asked.QuerySelector("select[name='chosen[OrganizationName]']")!.TextContent);
        await ConfirmedAsync(clerk, "mediators", await ChooseAsync(clerk, "mediators", asked, ("OrganizationName", "城陵矶街道调解中心")), "3 新增");

        // 附件7, the three enterprise lists: 是否达标 defaults to 否; 指引类别 and 服务日期 are chosen.
        await ConfirmedAsync(clerk, "harmonious-enterprises", await PreviewAsync(clerk, "harmonious-enterprises", Enterprises("和谐企业培育企业名单"), year), "2 新增");
        var wage = await PortalClient.ParseAsync(await PreviewAsync(clerk, "wage-guidance", Enterprises("企业薪酬指引企业名单"), year));
        var kind = wage.QuerySelectorAll("select[name='chosen[Kind]'] option").Select(o => o.GetAttribute("value")).Last(v => !string.IsNullOrEmpty(v))!;
        await ConfirmedAsync(clerk, "wage-guidance", await ChooseAsync(clerk, "wage-guidance", wage, ("Kind", kind)), "2 新增");
        var served = await PortalClient.ParseAsync(await PreviewAsync(clerk, "new-enterprise-services", Enterprises("新企业用工服务企业名单"), year));
        await ConfirmedAsync(clerk, "new-enterprise-services", await ChooseAsync(clerk, "new-enterprise-services", served, ("ServedOn", "2025年6月")), "2 新增");

        // 附件8 with its two-row header.
        await ConfirmedAsync(clerk, "key-enterprises", await PreviewAsync(clerk, "key-enterprises", KeyEnterprises(), year), "2 新增");

        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(2, await db.MediationOrganizations.CountAsync(o => o.Year == year && o.CasesReceived == 0));
            Assert.Equal(3, await db.Mediators.CountAsync(m => m.Year == year && m.MediationOrganization.Name == "城陵矶街道调解中心"));
            Assert.Equal(2, await db.HarmoniousEnterprises.CountAsync(e => e.Year == year && !e.ReachedStandard));
            Assert.Equal(1, await db.HarmoniousEnterprises.CountAsync(e => e.Year == year && e.EmployeeCount == 120)); // full-width digits
            Assert.Equal(2, await db.NewEnterpriseServices.CountAsync(e => e.Year == year && e.ServedOn == new DateOnly(2025, 6, 1)));
            Assert.Equal(2, await db.KeyEnterprises.CountAsync(e => e.Year == year && !e.HasLayoffPlan));
            Assert.Equal(1, await db.KeyEnterprises.CountAsync(e => e.Year == year && e.EmployeesLastYearEnd == 1500));
        }
    }

    [Fact]
    public async Task DryRun_SavesNothing_AndImportedRowsHaveTheirCreationLine()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);
        const int year = 2021;
        var file = People(Form3, "劳动关系协调员情况表", Region, 5, "丙");
        var audits = await CountAuditsAsync(AuditActions.LedgerImported);

        var preview = await PreviewAsync(clerk, "coordinators", file, year);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(0, await CoordinatorsAsync(year));
        Assert.Equal(audits, await CountAuditsAsync(AuditActions.LedgerImported));
        await ConfirmedAsync(clerk, "coordinators", preview, "3 新增");
        Assert.Equal(3, await CoordinatorsAsync(year));
        Assert.Equal(audits + 1, await CountAuditsAsync(AuditActions.LedgerImported));

        var id = await IdOfAsync("李明丙", year);
        var history = (await clerk.GetPageAsync($"/ledgers/coordinators/{id}/history")).QuerySelector("[data-testid=ledger-history]")!.TextContent;
        Assert.Contains("新增", history);
        Assert.Contains("某县某集团", history);
        Assert.Matches(@"身份证号码：（空） → 1302\d*\*{4,}", history); // the ID number only masked
        Assert.DoesNotContain(TestIdNumbers.WithCheckDigit($"{Region}19770507" + "0010"), history);
    }

    [Fact]
    public async Task Export_ReimportedUnchanged_IsAllUnchanged_AndACorrectedFileUpdatesTwoAndAddsOne()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);
        const int year = 2024;
        var token = await clerk.TokenFromAsync("/ledgers/coordinators/create");
        var people = new[] { ("周一", "130203198101010011", "男"), ("吴二", "130203198202020022", "女"), ("郑三", "130203198303030031", "男") };
        foreach (var (name, id, gender) in people)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/ledgers/coordinators/create", token,
                [.. LedgerForms.Coordinator(name, TestIdNumbers.WithCheckDigit(id), gender), ("year", year.ToString())])).StatusCode);
        }

        var export = await (await clerk.Http.GetAsync($"/ledgers/coordinators/export?year={year}")).Content.ReadAsByteArrayAsync();
        var roundTrip = await PreviewAsync(clerk, "coordinators", export, year, "AddOrUpdate");
        Assert.Equal(HttpStatusCode.OK, roundTrip.StatusCode);
        var counts = (await PortalClient.ParseAsync(roundTrip)).QuerySelector("[data-testid=import-counts]")!.TextContent;
        Assert.Contains("新增 0", counts);
        Assert.Contains("更新 0", counts);
        Assert.Contains("无变化 3", counts);
        await ConfirmedAsync(clerk, "coordinators", roundTrip, "0 新增，0 更新，3 无变化");

        // A corrected list: two people's work units changed, one new person.
        var corrected = LedgerWorkbooks.Workbook(LedgerWorkbooks.CoordinatorHeaders,
            Row("1", "周一", TestIdNumbers.WithCheckDigit("130203198101010011"), "男", "新单位甲"),
            Row("2", "吴二", TestIdNumbers.WithCheckDigit("130203198202020022"), "女", "新单位乙"),
            Row("3", "郑三", TestIdNumbers.WithCheckDigit("130203198303030031"), "男", "岳阳市某机械有限公司"),
            Row("4", "王四", TestIdNumbers.WithCheckDigit("130203198404040051"), "男", "新单位丙"));
        var update = await PreviewAsync(clerk, "coordinators", corrected, year, "AddOrUpdate");
        Assert.True(update.StatusCode == HttpStatusCode.OK, (await PortalClient.ParseAsync(update)).QuerySelector("main")?.TextContent);
        var updateCounts = (await PortalClient.ParseAsync(update)).QuerySelector("[data-testid=import-counts]")!.TextContent;
        Assert.Contains("新增 1", updateCounts);
        Assert.Contains("更新 2", updateCounts);
        Assert.Contains("无变化 1", updateCounts);
        await ConfirmedAsync(clerk, "coordinators", update, "1 新增，2 更新，1 无变化");
        Assert.Equal(4, await CoordinatorsAsync(year));

        var history = (await clerk.GetPageAsync($"/ledgers/coordinators/{await IdOfAsync("吴二", year)}/history")).QuerySelector("[data-testid=ledger-history]")!.TextContent;
        Assert.Contains("修改", history);
        Assert.Contains("岳阳市某机械有限公司 → 新单位乙", history);

        // The same corrected file in the default mode is refused for the people already registered.
        var addOnly = await PreviewAsync(clerk, "coordinators", corrected, year);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, addOnly.StatusCode);
        Assert.Contains("同一年度不能重复登记", (await PortalClient.ParseAsync(addOnly)).QuerySelector("[data-testid=import-errors]")!.TextContent);
    }

    [Fact]
    public async Task ARowChangedBetweenPreviewAndConfirmation_IsRefused_NamingTheRow()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);
        const int year = 2022;
        var token = await clerk.TokenFromAsync("/ledgers/coordinators/create");
        var id = TestIdNumbers.WithCheckDigit("130203198606060071");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/ledgers/coordinators/create", token,
            [.. LedgerForms.Coordinator("冯五", id, "男"), ("year", year.ToString())])).StatusCode);
        var file = LedgerWorkbooks.Workbook(LedgerWorkbooks.CoordinatorHeaders, Row("1", "冯五", id, "男", "导入后的单位"));
        var preview = await PreviewAsync(clerk, "coordinators", file, year, "AddOrUpdate");
        Assert.Contains("更新 1", (await PortalClient.ParseAsync(preview)).QuerySelector("[data-testid=import-counts]")!.TextContent);

        // Meanwhile a colleague saves the row in the browser.
        var rowId = await IdOfAsync("冯五", year);
        var edited = await clerk.PostAsync($"/ledgers/coordinators/{rowId}/edit", await clerk.TokenFromAsync($"/ledgers/coordinators/{rowId}/edit"),
            [.. LedgerForms.Coordinator("冯五", id, "男").Select(f => f.Item1 == "values[Position]" ? (f.Item1, "副经理") : f), ("version", "1")]);
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(edited)).QuerySelector("main")?.TextContent);

        var refused = await LedgerWorkbooks.ConfirmAsync(clerk, "coordinators", preview);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=import-errors]")!.TextContent;
        Assert.Contains("第 5 行", errors);
        Assert.Contains("冯五", errors);
        Assert.Contains("预览之后已被他人修改", errors);
        await using var db = portal.CreateDbContext();
        var row = await db.Coordinators.AsNoTracking().SingleAsync(c => c.Id == rowId);
        Assert.Equal(("副经理", 2), (row.Position, row.Version)); // nothing of the import saved
    }

    [Fact]
    public async Task CarriedForwardRows_HaveTheirCreationLine()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);
        var token = await clerk.TokenFromAsync("/ledgers/coordinators/create");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/ledgers/coordinators/create", token,
            [.. LedgerForms.Coordinator("褚六", TestIdNumbers.WithCheckDigit("130203197808080091"), "男"), ("year", "2019")])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/ledgers/coordinators/carry-forward", token, ("year", "2020"))).StatusCode);

        var history = (await clerk.GetPageAsync($"/ledgers/coordinators/{await IdOfAsync("褚六", 2020)}/history")).QuerySelector("[data-testid=ledger-history]")!.TextContent;
        Assert.Contains("新增", history);
        Assert.Contains("姓名：（空） → 褚六", history);
        Assert.Matches(@"身份证号码：（空） → 1302\d*\*{4,}", history);
    }

    /// <summary>A row of <see cref="LedgerWorkbooks.CoordinatorHeaders"/> as the form's example person, with a work unit.</summary>
    private static Core.Spreadsheets.CellValue[] Row(string serial, string name, string id, string gender, string workUnit) =>
        [serial, name, gender, "汉族", id, workUnit, "人力资源部经理", "本科", "2019-05-01", "13812345678", "劳动关系协调员", "三级", "HN2020-0001", "2020-06-30", "是"];

    private static async Task<HttpResponseMessage> PreviewAsync(PortalClient clerk, string kind, byte[] file, int year, string mode = "AddOnly") =>
        await LedgerWorkbooks.PreviewAsync(clerk, kind, file, mode, year);

    /// <summary>The preview's 按所选值重新预览 with these values.</summary>
    private static async Task<HttpResponseMessage> ChooseAsync(PortalClient clerk, string kind, AngleSharp.Html.Dom.IHtmlDocument page, params (string Key, string Value)[] values)
    {
        var fields = new List<(string, string)> { ("action", "preview"), ("token", page.QuerySelector("input[name=token]")!.GetAttribute("value")!) };
        fields.AddRange(values.Select(v => ($"chosen[{v.Key}]", v.Value)));
        var response = await clerk.PostAsync($"/ledgers/{kind}/import/confirm", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, [.. fields]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task ConfirmedAsync(PortalClient clerk, string kind, HttpResponseMessage preview, string expected)
    {
        var body = await preview.Content.ReadAsStringAsync();
        var confirmed = await LedgerWorkbooks.ConfirmAsync(clerk, kind, new HttpResponseMessage(preview.StatusCode) { Content = new StringContent(body) });
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, $"{kind}: {(int)confirmed.StatusCode} {(await PortalClient.ParseAsync(confirmed)).QuerySelector("main")?.TextContent}");
        Assert.Contains(expected, (await clerk.GetPageAsync(confirmed.Headers.Location!.OriginalString)).Body!.TextContent);
    }

    private async Task<int> CoordinatorsAsync(int year)
    {
        await using var db = portal.CreateDbContext();
        return await db.Coordinators.CountAsync(c => c.Year == year && c.Region.Code == Region);
    }

    private async Task<long> IdOfAsync(string name, int year)
    {
        await using var db = portal.CreateDbContext();
        return await db.Coordinators.Where(c => c.Year == year && c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<int> CountAuditsAsync(string action)
    {
        await using var db = portal.CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.Action == action);
    }
}

public sealed class SqliteLedgerImportPreviewTests(SqlitePortal portal) : LedgerImportPreviewTests<SqlitePortal>(portal);

public sealed class PostgresLedgerImportPreviewTests(PostgresPortal portal) : LedgerImportPreviewTests<PostgresPortal>(portal);
