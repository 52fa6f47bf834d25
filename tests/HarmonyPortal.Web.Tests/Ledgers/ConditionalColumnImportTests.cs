using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Ledgers.OfficialFormWorkbooks;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// The columns the portal added that only some rows need (附件8's 经济补偿标准 and 支付能力评估, needed when a layoff is
/// planned): the preview asks for them for those rows only, names the rows, and does not ask when no row needs them; a
/// row that needs a value of its own is named with its field, and nothing is saved.
/// </summary>
public abstract class ConditionalColumnImportTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Clerk = "tslb.clerk";
    private const string Region = "130203";

    [Fact]
    public async Task Form8AsPrinted_WithLayoffs_ImportsAfterTheClerkAnswersForTheLayoffRowsOnly()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);
        const int year = 2023;

        var preview = await LedgerWorkbooks.PreviewAsync(clerk, "key-enterprises", KeyEnterprisesWithLayoffs("甲"), "AddOnly", year);

        // Asked once for the file, naming the two layoff rows: not an error on every row, not a value for the row without layoffs.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.StatusCode);
        var page = await PortalClient.ParseAsync(preview);
        var errors = Errors(page);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("整个文件", e));
        Assert.Contains(errors, e => e.Contains("经济补偿标准") && e.Contains("“是否有裁员计划”为“是”的 2 行（第 8、9 行）需要此值"));
        Assert.Contains(errors, e => e.Contains("支付能力评估") && e.Contains("第 8、9 行"));
        var compensation = page.QuerySelector("[data-testid=import-absent-CompensationStandard]")!.TextContent;
        Assert.Contains("仅用于“是否有裁员计划”为“是”的 2 行（第 8、9 行）", compensation);
        Assert.Contains("必须填写", compensation);
        Assert.NotNull(page.QuerySelector("[data-testid=import-absent-FollowUpNotes]")); // an added column every row may have, left empty

        var chosen = await ChooseAsync(clerk, page, ("CompensationStandard", "N+1"), ("PaymentCapacityAssessment", "账面资金可覆盖补偿"));

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var answered = await PortalClient.ParseAsync(chosen);
        Assert.Contains("新增 3", answered.QuerySelector("[data-testid=import-counts]")!.TextContent);
        Assert.Contains("当前：这 2 行按“N+1”导入", answered.QuerySelector("[data-testid=import-absent-CompensationStandard]")!.TextContent);
        var confirmed = await LedgerWorkbooks.ConfirmAsync(clerk, "key-enterprises", chosen);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        await using var db = portal.CreateDbContext();
        var rows = await db.KeyEnterprises.AsNoTracking().Where(e => e.Year == year && e.Region.Code == Region).ToListAsync();
        Assert.Equal(3, rows.Count);
        var none = Assert.Single(rows, r => !r.HasLayoffPlan);
        Assert.True(string.IsNullOrEmpty(none.CompensationStandard) && string.IsNullOrEmpty(none.PaymentCapacityAssessment));
        Assert.All(rows.Where(r => r.HasLayoffPlan), r => Assert.Equal(("N+1", "账面资金可覆盖补偿"), (r.CompensationStandard, r.PaymentCapacityAssessment)));
        Assert.Contains(rows, r => r.PlannedLayoffs == 60 && r.LaidOff == 20 && r.LayoffPositions == "流水线操作工" && r.WagesSettled == true);
    }

    [Fact]
    public async Task Form8WithoutLayoffs_IsNotAskedForTheLayoffColumns()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);

        var preview = await LedgerWorkbooks.PreviewAsync(clerk, "key-enterprises", KeyEnterprises(), "AddOnly", 2022);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await PortalClient.ParseAsync(preview);
        Assert.Contains("新增 2", page.QuerySelector("[data-testid=import-counts]")!.TextContent);
        var absent = page.QuerySelector("[data-testid=import-absent]")!.TextContent;
        Assert.Contains("跟踪指导情况", absent);
        Assert.DoesNotContain("经济补偿标准", absent);
        Assert.DoesNotContain("支付能力评估", absent);
        Assert.Null(page.QuerySelector("[name='chosen[CompensationStandard]']"));
    }

    [Fact]
    public async Task ARowThatNeedsItsOwnValue_IsNamedWithRowAndField_AndNothingIsSaved()
    {
        using var clerk = await portal.SignedInClientAsync(Clerk);
        const int year = 2021;

        // 附件6 has no 持证协调员人数: one value for the file suits the organisation with 5 coordinators, not the one with 2.
        var preview = await LedgerWorkbooks.PreviewAsync(clerk, "social-organizations", SocialOrganizations(("甲协会", "5"), ("乙协会", "2")), "AddOnly", year);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var refused = await ChooseAsync(clerk, await PortalClient.ParseAsync(preview), ("CertifiedCoordinatorCount", "3"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        var error = Assert.Single(Errors(page));
        Assert.StartsWith("第 7 行持证协调员人数", error);
        Assert.Contains("持证协调员人数：3 人，不能多于协调员人数 2 人", error);
        Assert.Contains("本行需要不同的值：请在文件中增加“持证协调员人数”列逐行填写", error);
        Assert.Null(page.QuerySelector("[data-testid=import-confirm]"));

        var annotated = await clerk.Http.GetAsync(page.QuerySelector("[data-testid=import-errors] a")!.GetAttribute("href"));
        using var file = SpreadsheetFile.Open(await annotated.Content.ReadAsStreamAsync(), new SpreadsheetLimits());
        var row = file.Rows().Single(r => r.Cells.Count > 0 && r.Cells[0].Text == "第 7 行");
        Assert.Contains("本行需要不同的值", row.Cells[^1].Text);

        await using var db = portal.CreateDbContext();
        Assert.Equal(0, await db.SocialOrganizations.CountAsync(o => o.Year == year && o.Region.Code == Region));
    }

    private static List<string> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(tr => string.Concat(tr.Children.Select(td => td.TextContent))).ToList();

    /// <summary>The preview's 按所选值重新预览 with these values.</summary>
    private static async Task<HttpResponseMessage> ChooseAsync(PortalClient clerk, IHtmlDocument page, params (string Key, string Value)[] values)
    {
        var kind = page.QuerySelector("[data-testid=import-preview] form")!.GetAttribute("action")!.Split('/')[2];
        var fields = new List<(string, string)> { ("action", "preview"), ("token", page.QuerySelector("input[name=token]")!.GetAttribute("value")!) };
        fields.AddRange(values.Select(v => ($"chosen[{v.Key}]", v.Value)));
        return await clerk.PostAsync($"/ledgers/{kind}/import/confirm", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, [.. fields]);
    }
}

public sealed class SqliteConditionalColumnImportTests(SqlitePortal portal) : ConditionalColumnImportTests<SqlitePortal>(portal);

public sealed class PostgresConditionalColumnImportTests(PostgresPortal portal) : ConditionalColumnImportTests<PostgresPortal>(portal);
