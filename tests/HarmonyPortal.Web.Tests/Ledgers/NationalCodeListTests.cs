using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using CellValue = HarmonyPortal.Core.Spreadsheets.CellValue;
using static HarmonyPortal.Web.Tests.Ledgers.LedgerWorkbooks;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// 民族 (GB/T 3304), 学历 (GB/T 4658) and 所属行业 (GB/T 4754-2017) are stored as codes and shown as names: the form, the
/// import by name or code, the templates' drop-down lists, and 所属行业 text kept from before the list (ADR 0023).
/// </summary>
public abstract class NationalCodeListTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static async Task<long> CreateAsync(PortalClient client, string kind, (string, string)[] form)
    {
        var created = await client.PostAsync($"/ledgers/{kind}/create", await client.TokenFromAsync("/ledgers"), [.. form, ("year", "2026")]);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(created)).Body!.TextContent);
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static string Details(AngleSharp.Html.Dom.IHtmlDocument page) =>
        string.Join("\n", page.QuerySelectorAll("[data-testid=ledger-details] tr").Select(r => string.Join(" ", r.TextContent.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries))));

    [Fact]
    public async Task CoordinatorForm_StoresCodes_AndShowsNames_OnTheDetailsPageAndTheEditForm()
    {
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");

        var id = await CreateAsync(clerk, "coordinators", LedgerForms.Coordinator(name: "田秀英", id: TestIdNumbers.WithCheckDigit("433101198806060020"))
            .With("Ethnicity", "土家族").With("Education", "硕士研究生"));

        await using (var db = portal.CreateDbContext())
        {
            var row = await db.Coordinators.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal(("15", 14), (row.Ethnicity, (int)row.Education));
        }

        var details = Details(await clerk.GetPageAsync($"/ledgers/coordinators/{id}"));
        Assert.Contains("民族 土家族", details);
        Assert.Contains("学历 硕士研究生", details);
        var form = await clerk.GetPageAsync($"/ledgers/coordinators/{id}/edit");
        Assert.Equal("土家族", form.QuerySelector("select[name='values[Ethnicity]'] option[selected]")!.TextContent);
        Assert.Equal("硕士研究生", form.QuerySelector("select[name='values[Education]'] option[selected]")!.TextContent);
        var ethnicities = form.QuerySelectorAll("select[name='values[Ethnicity]'] option").Select(o => o.TextContent).ToList();
        Assert.Equal(59, ethnicities.Count); // 请选择, the 56, 其他, 外国血统中国籍人士
        Assert.Equal(["汉族", "蒙古族"], ethnicities.Skip(1).Take(2));
        Assert.Equal(["基诺族", "其他", "外国血统中国籍人士"], ethnicities.TakeLast(3));
    }

    [Fact]
    public async Task KeyEnterpriseForm_OffersTheSectionsAndDivisions_StoresTheDivisionCode_AndShowsItsName()
    {
        using var clerk = await portal.SignedInClientAsync("yyjs.clerk");
        var blank = await clerk.GetPageAsync("/ledgers/key-enterprises/create?year=2026");
        var picker = blank.QuerySelector("select[name='values[Industry]']")!;
        Assert.Equal(20, picker.QuerySelectorAll("optgroup").Length);
        Assert.Equal("C 制造业", picker.QuerySelectorAll("optgroup")[2].GetAttribute("label"));
        Assert.Equal(97, picker.QuerySelectorAll("optgroup option").Count(o => o.GetAttribute("value")!.Length == 2));
        Assert.Equal("36 汽车制造业", picker.QuerySelector("option[value='36']")!.TextContent);

        var id = await CreateAsync(clerk, "key-enterprises", LedgerForms.KeyEnterprise("君山某汽车零部件厂", "否").With("Industry", "36"));

        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal("36", (await db.KeyEnterprises.AsNoTracking().SingleAsync(r => r.Id == id)).Industry);
        }

        Assert.Contains("所属行业 汽车制造业", Details(await clerk.GetPageAsync($"/ledgers/key-enterprises/{id}")));
        var list = (await clerk.GetPageAsync("/ledgers/key-enterprises?year=2026")).QuerySelector("[data-testid=ledger-list]")!;
        Assert.Contains("汽车制造业", list.TextContent);
        Assert.Null(list.QuerySelector("[data-testid=off-list]"));
        var edit = await clerk.GetPageAsync($"/ledgers/key-enterprises/{id}/edit");
        Assert.Equal("36", edit.QuerySelector("select[name='values[Industry]'] option[selected]")!.GetAttribute("value"));

        var refused = await clerk.PostAsync("/ledgers/key-enterprises/create", await clerk.TokenFromAsync("/ledgers"),
            [.. LedgerForms.KeyEnterprise("君山某机械厂", "否").With("Industry", "机械加工"), ("year", "2026")]);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("所属行业：“机械加工”不在《国民经济行业分类》（GB/T 4754-2017）中", page.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal("君山某机械厂", page.QuerySelector("input[name='values[Name]']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task OldFreeTextIndustry_IsShownAsItIs_MarkedAsNotFromTheList_AndKeptOnTheEditForm()
    {
        var region = await portal.RegionIdAsync("430603");
        long id;
        await using (var db = portal.CreateDbContext())
        {
            var row = (KeyEnterprise)TestLedgerRows.Create(HarmonyPortal.Core.Ledgers.Definitions.LedgerCatalog.Find("key-enterprises")!, region, 2026);
            (row.Name, row.Locality, row.Address, row.Industry, row.ContactName, row.ContactPhone) = ("云溪某老厂", "云溪区", "云溪区某路1号", "机械加工及维修", "钱进", "13907300001");
            db.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        using var clerk = await portal.SignedInClientAsync("yyyx.clerk");
        var list = (await clerk.GetPageAsync("/ledgers/key-enterprises?year=2026")).QuerySelector("[data-testid=ledger-list]")!;
        var cell = list.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("云溪某老厂"));
        Assert.Contains("机械加工及维修", cell.TextContent);
        Assert.NotNull(cell.QuerySelector("[data-testid=off-list]"));
        var details = Details(await clerk.GetPageAsync($"/ledgers/key-enterprises/{id}"));
        Assert.Contains("所属行业 机械加工及维修 原填写值，不在《国民经济行业分类》中", details);
        var kept = (await clerk.GetPageAsync($"/ledgers/key-enterprises/{id}/edit")).QuerySelector("select[name='values[Industry]'] option[selected]")!;
        Assert.Equal("机械加工及维修", kept.GetAttribute("value"));
        Assert.Contains("不在行业分类中", kept.TextContent);
        await using var after = portal.CreateDbContext();
        Assert.Equal("机械加工及维修", (await after.KeyEnterprises.AsNoTracking().SingleAsync(r => r.Id == id)).Industry);
    }

    [Fact]
    public async Task Import_AcceptsNamesAndCodes_ForEthnicityEducationAndIndustry()
    {
        using var clerk = await portal.SignedInClientAsync("tsln.clerk");
        CellValue[] Person(string name, string id, string ethnicity, string education) =>
            ["1", name, "男", ethnicity, TestIdNumbers.WithCheckDigit(id), "某县某公司", "主任", education, "2021-03-01", "13812345678", "协调员", "", "", "", "是"];

        var people = await UploadAsync(clerk, "coordinators", Workbook(CoordinatorHeaders,
            Person("代码甲", "130202198001010011", "03", "20"),
            Person("名称乙", "130202198001010038", "回", "大学本科"),
            Person("两者丙", "130202198001010054", "98 外国血统中国籍人士", "14 硕士研究生")));

        Assert.True(people.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(people)).Body!.TextContent);
        await using (var db = portal.CreateDbContext())
        {
            var rows = await db.Coordinators.AsNoTracking().Where(r => r.Name == "代码甲" || r.Name == "名称乙" || r.Name == "两者丙")
                .ToDictionaryAsync(r => r.Name, r => (r.Ethnicity, r.Education));
            Assert.Equal(("03", Education.Bachelor), rows["代码甲"]);
            Assert.Equal(("03", Education.Bachelor), rows["名称乙"]);
            Assert.Equal(("98", Education.Master), rows["两者丙"]);
        }

        string[] headers = ["序号", "单位名称", "所在地区", "单位地址", "所属行业", "联系人", "联系电话", "上年底职工数量", "目前职工数量", "是否有裁员计划"];
        CellValue[] Enterprise(string name, string industry) => ["1", name, "路南区", "路南区某路1号", industry, "周平", "13903150001", "300", "280", "否"];
        var enterprises = await UploadAsync(clerk, "key-enterprises", Workbook(headers,
            Enterprise("路南甲厂", "13"), Enterprise("路南乙厂", "汽车制造业"), Enterprise("路南丙厂", "39 计算机、通信和其他电子设备制造业"), Enterprise("路南丁厂", "制造业")));

        Assert.True(enterprises.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(enterprises)).Body!.TextContent);
        await using (var db = portal.CreateDbContext())
        {
            var industries = await db.KeyEnterprises.AsNoTracking().Where(r => r.Name.StartsWith("路南")).ToDictionaryAsync(r => r.Name, r => r.Industry);
            Assert.Equal(new Dictionary<string, string> { ["路南甲厂"] = "13", ["路南乙厂"] = "36", ["路南丙厂"] = "39", ["路南丁厂"] = "C" }, industries);
        }

        var refused = await UploadAsync(clerk, "key-enterprises", Workbook(headers, Enterprise("路南戊厂", "造船")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=import-errors]")!.TextContent;
        Assert.Contains("第 5 行", errors);
        Assert.Contains("所属行业：“造船”不在《国民经济行业分类》（GB/T 4754-2017）中", errors);
    }

    [Fact]
    public async Task Templates_CarryTheCodeListsAsDropDownLists_AndExportsWriteWhatTheyOffer()
    {
        using var clerk = await portal.SignedInClientAsync("tsgx.clerk");

        var coordinators = await DropDownsAsync(clerk, "/ledgers/coordinators/template?year=2026");
        Assert.Equal(58, coordinators["民族 *"].Count);
        Assert.Equal("01", "0" + (coordinators["民族 *"].IndexOf("汉族") + 1));
        Assert.Equal("外国血统中国籍人士", coordinators["民族 *"][^1]);
        Assert.Equal(["小学及以下", "初中", "高中", "中专", "大专", "本科", "硕士研究生", "博士研究生"], coordinators["学历 *"]);

        var enterprises = await DropDownsAsync(clerk, "/ledgers/key-enterprises/template?year=2026");
        var industries = enterprises["所属行业 *"];
        Assert.Equal(117, industries.Count); // 20 门类 and 97 大类
        Assert.Equal(["A 农、林、牧、渔业", "01 农业"], industries.Take(2));
        Assert.Contains("36 汽车制造业", industries);
        Assert.Equal("97 国际组织", industries[^1]);
    }

    /// <summary>Each column's drop-down list of a template, by header, read back from the workbook (inline or on the hidden sheet).</summary>
    private static async Task<Dictionary<string, List<string>>> DropDownsAsync(PortalClient client, string url)
    {
        var bytes = await (await client.Http.GetAsync(url)).Content.ReadAsByteArrayAsync();
        using var file = SpreadsheetFile.Open(new MemoryStream(bytes), new SpreadsheetLimits());
        var headers = file.Rows().ToList()[2].Cells.Select(c => c.Text ?? "").ToList();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = doc.WorkbookPart!;
        WorksheetPart Part(string name) => (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!);
        var lists = workbook.Workbook.Sheets!.Elements<Sheet>().Any(s => s.Name == "lists") ? Part("lists").Worksheet.Descendants<Row>().ToList() : [];
        var result = new Dictionary<string, List<string>>();
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First().Name!.Value!;
        foreach (var validation in Part(first).Worksheet.Descendants<DataValidation>())
        {
            var reference = validation.SequenceOfReferences!.InnerText ?? "";
            var column = reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + c - 'A' + 1);
            var formula = validation.Formula1!.Text;
            result[headers[column - 1]] = formula.StartsWith('"')
                ? [.. formula.Trim('"').Split(',')]
                : Listed(lists, formula);
        }

        return result;
    }

    /// <summary>The values of "lists!$B$1:$B$117": the cells of that column of the hidden sheet.</summary>
    private static List<string> Listed(List<Row> lists, string formula)
    {
        var letters = new string(formula.Split('!')[1].Split(':')[0].Trim('$').TakeWhile(char.IsAsciiLetter).ToArray());
        return [.. lists.SelectMany(r => r.Elements<Cell>())
            .Where(c => new string(c.CellReference!.Value!.TakeWhile(char.IsAsciiLetter).ToArray()) == letters)
            .Select(c => c.InlineString is { } inline ? inline.InnerText : c.CellValue?.Text ?? "")];
    }
}

public sealed class SqliteNationalCodeListTests(SqlitePortal portal) : NationalCodeListTests<SqlitePortal>(portal);

public sealed class PostgresNationalCodeListTests(PostgresPortal portal) : NationalCodeListTests<PostgresPortal>(portal);
