using System.Net;
using FluentValidation;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Validation;

/// <summary>
/// Every validator is registered once and run by one filter before every action (ADR 0015): a nomination, a report,
/// a year-end export, an extension (materials, indicators, nominations), a member unit and an admin form with a value out of its range are refused with the Chinese reason on the page
/// the user lands on, and nothing is saved.
/// </summary>
public abstract class ValidationFilterTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public void EveryValidatorOfTheWebAndCoreAssemblies_IsResolvedFromTheContainer()
    {
        var declared = new[] { typeof(ValidationSetup).Assembly, typeof(Core.Input.PortalYears).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && !t.IsNested)
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)).Select(i => (Type: t, Service: i)))
            .ToList();
        using var scope = portal.Services.CreateScope();

        Assert.Contains(declared, d => d.Type == typeof(Features.Nominations.NomineeInputValidator));
        Assert.Contains(declared, d => d.Type == typeof(Features.Reporting.ReportInputValidator));
        Assert.Contains(declared, d => d.Type == typeof(Features.YearEnd.YearEndStartInputValidator));
        Assert.All(declared, d => Assert.Single(scope.ServiceProvider.GetServices(d.Service), v => v!.GetType() == d.Type));
    }

    [Fact]
    public async Task ANomineeWithABadBatchOrNarrative_IsRefusedInChinese_AndNothingIsSaved()
    {
        portal.Clock.Set(2024, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        var rowId = await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2024, "校验候选");

        var shortNarrative = await CreateAsync(clerk, rowId, batch: "0", narrative: "事迹太短");
        Assert.Equal(HttpStatusCode.Redirect, shortNarrative.StatusCode);
        Assert.Contains("主要事迹：至少 20 字，现有 4 字", (await clerk.GetPageAsync(shortNarrative.Headers.Location!.OriginalString)).Body!.TextContent);

        var badBatch = await CreateAsync(clerk, rowId, batch: "21", narrative: "长期扎根基层，调处劳动争议百余件，推动企业建立协商机制，职工满意度高。");
        Assert.Equal(HttpStatusCode.Redirect, badBatch.StatusCode);
        Assert.Contains("批次：21 不在 0 至 20 之间", (await clerk.GetPageAsync(badBatch.Headers.Location!.OriginalString)).Body!.TextContent);
        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.Nominations.AnyAsync(n => n.LedgerRowId == rowId));
        }

        var id = await NominateAsync(clerk, GoldCategory.Coordinator, rowId);
        var emptied = await clerk.PostAsync($"/nominations/{id}/narrative", await clerk.TokenFromAsync($"/nominations/{id}"), ("narrative", "   "));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptied.StatusCode);
        Assert.Contains("主要事迹：必填，请简要写明推荐对象的主要事迹", (await PortalClient.ParseAsync(emptied)).Body!.TextContent);
        await using var after = portal.CreateDbContext();
        Assert.StartsWith("长期扎根基层", (await after.Nominations.SingleAsync(n => n.Id == id)).Narrative);
    }

    [Fact]
    public async Task AReportOfAYearOutOfRange_OrAReturnWithoutReason_IsRefusedOnThePage_AndNothingChanges()
    {
        portal.Clock.Set(2026, 6, 1, 14);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        var yylq = await portal.RegionIdAsync("430602");

        var report = await clerk.PostAsync($"/reporting/{yylq}/report", await clerk.TokenFromAsync("/reporting"), ("year", "2027"), ("confirmed", "true"));

        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        Assert.Contains("不能报送 2027 年度的台账：年度：2027 不在 2000 至 2026 之间。", (await clerk.GetPageAsync(report.Headers.Location!.OriginalString)).Body!.TextContent);

        var reported = await clerk.PostAsync($"/reporting/{yylq}/report", await clerk.TokenFromAsync("/reporting"), ("year", "2026"), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var returned = await city.PostAsync($"/reporting/{yylq}/return", await city.TokenFromAsync("/reporting"), ("year", "2026"), ("reason", "  "));

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Contains("退回原因：不能为空，请写明需要补正的内容。", (await city.GetPageAsync(returned.Headers.Location!.OriginalString)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.LedgerReports.AnyAsync(r => r.Year == 2027));
        Assert.Null((await db.LedgerReports.SingleAsync(r => r.RegionId == yylq && r.Year == 2026)).ReturnedAtUtc);
    }

    [Fact]
    public async Task AYearEndExportOutsideItsYears_IsRefusedOnThePage_AndNoJobIsQueued()
    {
        portal.Clock.Set(2026, 6, 1, 14);
        using var province = await portal.SignedInClientAsync("sx.reviewer");

        foreach (var year in new[] { 2021, 2027, 0 })
        {
            var started = await province.PostAsync("/year-end/exports", await province.TokenFromAsync("/year-end"), ("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            var page = await province.GetPageAsync(started.Headers.Location!.OriginalString);
            Assert.Contains("年度应在 2022 至 2026 之间。", page.Body!.TextContent);
        }

        await using var db = portal.CreateDbContext();
        Assert.False(await db.ExportJobs.AnyAsync());
    }

    [Fact]
    public async Task ARegionFormWithoutName_ShowsTheFieldsReasonInTheForm_KeepsWhatWasTyped_AndAddsNothing()
    {
        using var admin = await portal.SignedInClientAsync("hn.admin");
        var yueyang = (await portal.RegionIdAsync("430600")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await admin.PostAsync("/admin/regions/create", await admin.TokenFromAsync($"/admin/regions/create?parentId={yueyang}"),
            ("Input.ParentId", yueyang), ("Input.Name", " "), ("Input.Code", "43069"), ("Input.Level", "County"), ("Input.SortOrder", "10000"));

        var page = await PortalClient.ParseAsync(response);
        var errors = page.QuerySelector(".validation-summary")!.TextContent;
        Assert.Contains("名称：必须填写。", errors);
        Assert.Contains("区划代码：GB/T 2260 代码须为 6 位数字", errors);
        Assert.Contains("排序：须在 0 到 9999 之间。", errors);
        Assert.Equal("43069", page.QuerySelector("input[name='Input.Code']")!.GetAttribute("value"));
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Regions.AnyAsync(r => r.Code == "43069"));
    }

    [Fact]
    public async Task ANewPlanWhosePeriodEndsBeforeItStarts_OrLiesOutsideTheRuleYears_IsRefusedInTheForm_AndNoDraftIsAdded()
    {
        using var admin = await portal.SignedInClientAsync("hn.admin");
        var hunan = (await portal.RegionIdAsync("430000")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var token = await admin.TokenFromAsync($"/rules/drafts/new?regionId={hunan}");

        var backwards = await admin.PostAsync("/rules/drafts", token, ("Input.RegionId", hunan), ("Input.FromYear", "2026"), ("Input.ToYear", "2024"), ("Input.Start", "CopyPlan"));
        var tooEarly = await admin.PostAsync("/rules/drafts", token, ("Input.RegionId", hunan), ("Input.FromYear", "1999"), ("Input.ToYear", "2101"), ("Input.Start", "CopyPlan"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        Assert.Contains("结束年度 2024 早于开始年度 2026", (await PortalClient.ParseAsync(backwards)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        var text = (await PortalClient.ParseAsync(tooEarly)).Body!.TextContent;
        Assert.Contains("开始年度应在 2000 至 2100 年之间", text);
        Assert.Contains("结束年度应不晚于 2100 年", text);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.RuleSetDrafts.AnyAsync());
    }

    [Fact]
    public async Task AnExtensionWithAPastDateOrNoReason_IsRefusedInChinese_TheSameWayForMaterialsAndNominations_AndNothingIsGranted()
    {
        portal.Clock.Set(2026, 6, 1);
        var xinzhou = (await portal.RegionIdAsync("140900")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var shanxi = (await portal.RegionIdAsync("140000")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var province = await portal.SignedInClientAsync("sx.reviewer");

        var material = await province.PostAsync("/materials/review/extend", await province.TokenFromAsync("/materials/review?year=2026"),
            ("regionId", xinzhou), ("jurisdictionRegionId", shanxi), ("taskId", "wage-guidance-state-owned-experience"), ("year", "2026"),
            ("newDate", "2026-05-31"), ("reason", new string('延', 501)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, material.StatusCode);
        var reasons = (await PortalClient.ParseAsync(material)).QuerySelector("[data-testid=reasons]")!.TextContent;
        Assert.Contains("新的截止日期：2026-05-31 早于今天 2026-06-01", reasons);
        Assert.Contains("延期原因：不能超过 500 字，现有 501 字", reasons);

        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var nomination = await city.PostAsync("/nominations/extend", await city.TokenFromAsync("/nominations"),
            ("regionId", (await portal.RegionIdAsync("140902")).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("category", "Coordinator"), ("year", "2026"), ("batch", "0"), ("newDate", ""), ("reason", " "));

        Assert.Equal(HttpStatusCode.Redirect, nomination.StatusCode);
        var flash = (await city.GetPageAsync(nomination.Headers.Location!.OriginalString)).QuerySelector(".alert-danger")?.TextContent;
        Assert.Contains("新的截止日期：必填，格式如 2026-12-31", flash);
        Assert.Contains("延期原因：必填", flash);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.TaskDeadlineExtensions.AnyAsync());
        Assert.False(await db.DeadlineExtensions.AnyAsync());
    }

    [Fact]
    public async Task AMemberUnitWithoutShortNameOrWithABadSortOrder_IsRefusedInTheForm_KeepsWhatWasTyped_AndAddsNothing()
    {
        using var admin = await portal.SignedInClientAsync("gz.admin");
        var ganzhou = (await portal.RegionIdAsync("360700")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await admin.PostAsync("/admin/units/create", await admin.TokenFromAsync($"/admin/units?regionId={ganzhou}"),
            ("regionId", ganzhou), ("Input.ShortName", " "), ("Input.Name", "赣州市校验单位"), ("Input.SortOrder", "abc"),
            ("Input.ContactName", ""), ("Input.ContactPhone", ""), ("Input.ContactEmail", "校验@"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var text = page.Body!.TextContent;
        Assert.Contains("简称：必须填写。", text);
        Assert.Contains("排序：须为 0 到 9999 之间的整数。", text);
        Assert.Contains("电子邮箱：“校验@”不是有效的邮箱地址", text);
        Assert.Equal("赣州市校验单位", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        await using var db = portal.CreateDbContext();
        Assert.False(await db.MemberUnits.AnyAsync(u => u.Name == "赣州市校验单位"));
    }

    [Fact]
    public async Task ACarryForwardFromAYearBeforeThePortalsFirst_IsRefusedInChinese_AndCopiesNothing()
    {
        portal.Clock.Set(2026, 6, 1);
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");

        var response = await clerk.PostAsync("/ledgers/coordinators/carry-forward", await clerk.TokenFromAsync("/ledgers/coordinators"), ("year", "2000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("不能结转：年度：1999 不在 2000 至 2026 之间", (await clerk.GetPageAsync(response.Headers.Location!.OriginalString)).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Coordinators.AnyAsync(r => r.Year == 2000));
    }

    private static async Task<HttpResponseMessage> CreateAsync(PortalClient clerk, long rowId, string batch, string narrative) =>
        await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync("/nominations"),
            ("category", nameof(GoldCategory.Coordinator)), ("ledgerRowId", rowId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("batch", batch), ("narrative", narrative));
}

public sealed class SqliteValidationFilterTests(SqlitePortal portal) : ValidationFilterTests<SqlitePortal>(portal);

public sealed class PostgresValidationFilterTests(PostgresPortal portal) : ValidationFilterTests<PostgresPortal>(portal);
