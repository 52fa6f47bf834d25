using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules.Drafts;

/// <summary>岳阳's 附件1 as the quota grid of a draft: shown, edited in the browser, and round-tripped through Excel.</summary>
public abstract class GridPageTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const string Service = "new-enterprise-service";
    private const string JunshanService = "q|r:430611|" + Service;

    /// <summary>A draft of 岳阳's 2021–2023 plan holding exactly the seed's rules.</summary>
    private async Task<int> SeedDraftAsync()
    {
        var yueyang = await portal.RegionIdAsync("430600");
        await using var db = portal.CreateDbContext();
        var draft = await db.RuleSetDrafts.FirstOrDefaultAsync(d => d.RegionId == yueyang && d.FromYear == 2021);
        if (draft is null)
        {
            draft = new RuleSetDraft { RegionId = yueyang, FromYear = 2021, ToYear = 2023, Origin = "测试", CreatedBy = "yy.admin", UpdatedBy = "yy.admin" };
            db.RuleSetDrafts.Add(draft);
        }

        draft.Json = RuleSetWriter.Write(SeedRuleSets.Load("yueyang-2021.json"));
        draft.UpdatedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
        return draft.Id;
    }

    private async Task<RuleSet> DraftRulesAsync(int draftId)
    {
        await using var db = portal.CreateDbContext();
        return RuleSetReader.Read((await db.RuleSetDrafts.AsNoTracking().SingleAsync(d => d.Id == draftId)).Json).RuleSet!;
    }

    private static List<Quota> QuotasOf(RuleSet rules, string region) =>
        rules.Tasks.Single(t => t.Id == Service).Quotas.Where(q => q.Region == region && q.MemberUnit is null).ToList();

    /// <summary>Every cell of the grid form as the page holds it, with <paramref name="changes"/> typed over.</summary>
    private static (string, string)[] Form(IHtmlDocument page, params (string Name, string Value)[] changes) =>
        page.QuerySelectorAll("form[data-testid=grid-form] input[name^='q|']").OfType<IHtmlInputElement>()
            .Select(i => (i.Name!, changes.FirstOrDefault(c => c.Name == i.Name).Value ?? i.Value)).ToArray();

    [Fact]
    public async Task TheGrid_ShowsJunshanAndItsQuotas_AndTheColumnTotals()
    {
        var id = await SeedDraftAsync();
        using var admin = await portal.SignedInClientAsync("yy.admin");

        var page = await admin.GetPageAsync($"/rules/drafts/{id}/grid");

        var junshan = page.QuerySelector("tr[data-row='r:430611']")!;
        Assert.Equal("君山区", junshan.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("60 (20/年)", ((IHtmlInputElement)page.QuerySelector($"input[name='{JunshanService}']")!).Value);
        Assert.Equal("3", ((IHtmlInputElement)page.QuerySelector("input[name='q|u:总工会|collective-bargaining']")!).Value);
        Assert.Equal("市总工会", page.QuerySelector("tr[data-row='u:总工会'] th")!.TextContent.Trim());
        Assert.Equal("15", ((IHtmlInputElement)page.QuerySelector("input[name='q|total|collective-bargaining']")!).Value);
        var service = page.QuerySelectorAll("thead th").ToList().FindIndex(th => th.GetAttribute("data-task") == Service) - 1;
        Assert.Equal("780 (260/年)", page.QuerySelector($"[data-sum-col='{service}'] .quota-sum")!.TextContent.Trim());
        Assert.Equal("grid", page.QuerySelector("[data-testid=draft-nav] .active")!.GetAttribute("data-section"));
    }

    [Fact]
    public async Task PostingAChangedCell_ChangesTheDraft_AndOnlyThatRegion()
    {
        var id = await SeedDraftAsync();
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var page = await admin.GetPageAsync($"/rules/drafts/{id}/grid");
        var token = ((IHtmlInputElement)page.QuerySelector("form[data-testid=grid-form] input[name=__RequestVerificationToken]")!).Value;

        var saved = await admin.PostAsync($"/rules/drafts/{id}/grid", token, Form(page, (JunshanService, "９０（３０／年）")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rules = await DraftRulesAsync(id);
        Assert.Equal([(QuotaPeriod.Period, (int?)90), (QuotaPeriod.Year, 30)], QuotasOf(rules, "430611").Select(q => (q.Per, q.Min)));
        Assert.Equal([(QuotaPeriod.Period, (int?)75), (QuotaPeriod.Year, 25)], QuotasOf(rules, "430602").Select(q => (q.Per, q.Min)));
        var after = await admin.GetPageAsync($"/rules/drafts/{id}/grid");
        Assert.Equal("90 (30/年)", ((IHtmlInputElement)after.QuerySelector($"input[name='{JunshanService}']")!).Value);
        Assert.Contains("改动 1 格", after.Body!.TextContent);
    }

    [Fact]
    public async Task ABadCell_KeepsWhatWasTyped_MarksTheCell_AndSavesNothing()
    {
        var id = await SeedDraftAsync();
        var before = (await DraftRulesAsync(id)).Tasks.Select(t => t.Quotas.Count).ToList();
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var page = await admin.GetPageAsync($"/rules/drafts/{id}/grid");
        var token = ((IHtmlInputElement)page.QuerySelector("form[data-testid=grid-form] input[name=__RequestVerificationToken]")!).Value;

        var refused = await admin.PostAsync($"/rules/drafts/{id}/grid", token,
            Form(page, (JunshanService, "3（1/年"), ("q|r:430602|" + Service, "99"), ("q|r:430600-JK|key-enterprises", "5-3/年")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var shown = await PortalClient.ParseAsync(refused);
        var bad = (IHtmlInputElement)shown.QuerySelector($"input[name='{JunshanService}']")!;
        Assert.Equal("3（1/年", bad.Value);
        Assert.Contains("is-invalid", bad.ClassName);
        Assert.Equal("“3（1/年”缺少右括号", bad.ParentElement!.QuerySelector("[data-testid=cell-error]")!.TextContent.Trim());
        Assert.Equal("99", ((IHtmlInputElement)shown.QuerySelector($"input[name='q|r:430602|{Service}']")!).Value);
        var errors = shown.QuerySelector("[data-testid=grid-errors]")!.TextContent;
        Assert.Contains("第 3 行「君山区」·「新企业用工服务计划」列：“3（1/年”缺少右括号", errors);
        Assert.Contains("「经开区」·「重点企业指导计划」列：最少 5 大于最多 3", errors);
        var rules = await DraftRulesAsync(id);
        Assert.Equal([(QuotaPeriod.Period, (int?)75), (QuotaPeriod.Year, 25)], QuotasOf(rules, "430602").Select(q => (q.Per, q.Min)));
        Assert.Equal(before, rules.Tasks.Select(t => t.Quotas.Count));
    }

    [Fact]
    public async Task TheExcelDownload_UploadedWithABadCell_IsRefusedWithRowAndColumn_AndFixed_IsSaved()
    {
        var id = await SeedDraftAsync();
        using var admin = await portal.SignedInClientAsync("yy.admin");
        var download = await admin.Http.GetAsync($"/rules/drafts/{id}/grid.xlsx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var (row, column) = Locate(bytes, "君山区", "新企业用工服务计划");
        Assert.Equal(5, row);

        var refused = await UploadAsync(admin, id, SetCell(bytes, row, column, "3（1/年"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=grid-errors]")!.TextContent;
        Assert.Contains($"第 5 行 {Letters(column)} 列「君山区」·「新企业用工服务计划」：“3（1/年”缺少右括号", errors);
        Assert.Equal([(QuotaPeriod.Period, (int?)60), (QuotaPeriod.Year, 20)], QuotasOf(await DraftRulesAsync(id), "430611").Select(q => (q.Per, q.Min)));

        var unknown = await UploadAsync(admin, id, SetCell(bytes, 5, 1, "某某区"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("第 5 行的名称“某某区”不是本地区的下级地区、成员单位或合计行", (await PortalClient.ParseAsync(unknown)).QuerySelector("[data-testid=grid-errors]")!.TextContent);

        var accepted = await UploadAsync(admin, id, SetCell(bytes, row, column, "90 (30/年)"));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal([(QuotaPeriod.Period, (int?)90), (QuotaPeriod.Year, 30)], QuotasOf(await DraftRulesAsync(id), "430611").Select(q => (q.Per, q.Min)));
    }

    /// <summary>A 1-based column's letters: 1 → A, 27 → AA.</summary>
    private static string Letters(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : Letters((column - 1) / 26) + (char)('A' + ((column - 1) % 26));

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, int id, byte[] bytes)
    {
        var token = await client.TokenFromAsync($"/rules/drafts/{id}/grid");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(file, "file", "任务安排表.xlsx");
        return await client.Http.PostAsync($"/rules/drafts/{id}/grid.xlsx", form);
    }

    /// <summary>The sheet row and column (1-based) of the cell at a row name and a header.</summary>
    private static (int Row, int Column) Locate(byte[] bytes, string rowName, string header)
    {
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), new SpreadsheetLimits());
        var rows = file.Rows().ToList();
        var head = rows.First(r => r.Cells.Count > 0 && r.Cells[0].Text == "县区名称");
        return (rows.First(r => r.Cells.Count > 0 && r.Cells[0].Text == rowName).RowNumber, head.Cells.ToList().FindIndex(c => c.Text == header) + 1);
    }

    /// <summary>The workbook with one cell's text replaced, as an office would type it in Excel (data cells are written in column order, without references).</summary>
    private static byte[] SetCell(byte[] bytes, int row, int column, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var cell = sheet.Descendants<Row>().Single(r => r.RowIndex?.Value == (uint)row).Elements<Cell>().ElementAt(column - 1);
            cell.RemoveAllChildren();
            cell.DataType = CellValues.InlineString;
            cell.AppendChild(new InlineString(new Text(text)));
            sheet.Save();
        }

        return stream.ToArray();
    }
}

public sealed class SqliteGridPageTests(SqlitePortal portal) : GridPageTests<SqlitePortal>(portal);

public sealed class PostgresGridPageTests(PostgresPortal portal) : GridPageTests<PostgresPortal>(portal);
