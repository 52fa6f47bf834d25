using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules.Editing;

public sealed class QuotaGridTests
{
    private static readonly RuleSet Yueyang = SeedRuleSets.Load("yueyang-2021.json");

    internal static QuotaGridScope YueyangScope()
    {
        var city = RegionSeed.FiveJurisdictions.SelectMany(p => p.SelfAndDescendants()).Single(r => r.Code == "430600");
        return new QuotaGridScope("430600", RegionLevel.City,
            city.Children.Where(c => c.Level == RegionLevel.County).Select(c => new QuotaGridRegion(c.Code, c.Name, c.Level)).ToList(),
            SeedUnit.Yueyang.Select(u => u.ShortName).ToList());
    }

    private static QuotaGrid Grid(RuleSet? ruleSet = null) => QuotaGrid.Build(ruleSet ?? Yueyang, YueyangScope());

    private static string Text(QuotaGrid grid, string row, string taskId) => Cell(grid, row, taskId).Text;

    private static QuotaGridCell Cell(QuotaGrid grid, string row, string taskId) =>
        grid.Cell(grid.Rows.ToList().FindIndex(r => r.Name == row), grid.Columns.ToList().FindIndex(c => c.TaskId == taskId));

    [Fact]
    public void TheYueyangGrid_ReadsLikeItsAttachment1()
    {
        var grid = Grid();

        Assert.Equal(["岳阳楼区", "云溪区", "君山区"], grid.Rows.Take(3).Select(r => r.Name));
        Assert.Contains(grid.Rows, r => r.Name == "经开区");
        Assert.Equal(["市人社局", "市总工会", "市工业和信息化局", "市工商联", "市企联/企协", "各县市区（每个）", "合计"], grid.Rows.Skip(12).Select(r => r.Name));
        Assert.Equal("60 (20/年)", Text(grid, "君山区", "new-enterprise-service"));
        Assert.Equal("75 (25/年)", Text(grid, "岳阳楼区", "new-enterprise-service"));
        Assert.Equal("1", Text(grid, "屈原区", "key-enterprises"));
        Assert.Equal("3", Text(grid, "市总工会", "collective-bargaining"));
        Assert.Equal("", Text(grid, "市工商联", "collective-bargaining"));
        Assert.Equal("4", Text(grid, "市人社局", "wage-guidance"));
        Assert.Equal("1/年", Text(grid, "各县市区（每个）", "wage-guidance-skill"));
        Assert.Equal("15", Text(grid, "合计", "collective-bargaining"));
        Assert.Equal("40左右", Text(grid, "合计", "key-enterprises"));
        Assert.Equal("10左右 (1-3/年)", Text(grid, "合计", "gold-social-organization"));
        Assert.Equal("80%", Text(grid, "合计", "harmonious-enterprises-standard"));
        Assert.Equal("户", grid.Columns.Single(c => c.TaskId == "new-enterprise-service").Unit);
        Assert.Equal(0, grid.OtherQuotas);
    }

    [Fact]
    public void EveryYueyangCell_ReadsBackAsWhatItSays_AndNoneIsReadOnly()
    {
        var grid = Grid();
        var cells = 0;
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            for (var c = 0; c < grid.Columns.Count; c++)
            {
                var cell = grid.Cell(r, c);
                Assert.False(cell.ReadOnly, $"{grid.Rows[r].Name} {grid.Columns[c].Name}: {cell.ReadOnlyReason}");
                Assert.Equal(cell.Value, QuotaGridCellText.Parse(cell.Text).Value);
                Assert.Equal(cell.Text, QuotaGridCellText.Format(QuotaGridCellText.Parse(cell.Text).Value!));
                cells += cell.Text.Length > 0 ? 1 : 0;
            }
        }

        Assert.True(cells > 130, $"{cells} filled cells");
    }

    [Fact]
    public void ApplyingTheGridAsShown_LeavesEveryQuotaAsItWas()
    {
        var grid = Grid();

        var result = grid.Apply((row, column) => Text(grid, row.Name, column.TaskId));

        Assert.True(result.Succeeded);
        Assert.Equal(0, result.ChangedCells);
        Assert.Equal(Yueyang.Tasks.Count, result.RuleSet!.Tasks.Count);
        foreach (var (before, after) in Yueyang.Tasks.Zip(result.RuleSet.Tasks))
        {
            Assert.Equal(before.Quotas, after.Quotas);
        }
    }

    [Fact]
    public void FullWidthTextThatSaysTheSame_ChangesNothing()
    {
        var grid = Grid();

        var result = grid.Apply((row, column) => row.Name == "君山区" && column.TaskId == "new-enterprise-service" ? "６０（２０／年）" : null);

        Assert.Equal(0, result.ChangedCells);
        Assert.Equal(Yueyang.Tasks.Single(t => t.Id == "new-enterprise-service").Quotas, result.RuleSet!.Tasks.Single(t => t.Id == "new-enterprise-service").Quotas);
    }

    [Fact]
    public void AChangedCell_ReplacesThatRegionsQuotasInPlace_AndKeepsTheOthers()
    {
        var grid = Grid();
        var before = Yueyang.Tasks.Single(t => t.Id == "new-enterprise-service").Quotas;

        var result = grid.Apply((row, column) => row.Name == "君山区" && column.TaskId == "new-enterprise-service" ? "90 (30/年)" : null);

        var after = result.RuleSet!.Tasks.Single(t => t.Id == "new-enterprise-service").Quotas;
        Assert.Equal(1, result.ChangedCells);
        Assert.Equal(before.Count, after.Count);
        var index = before.ToList().FindIndex(q => q.Region == "430611");
        Assert.Equal(new Quota(null, "430611", QuotaPeriod.Period, 90, null, "户", null, null), after[index]);
        Assert.Equal(new Quota(null, "430611", QuotaPeriod.Year, 30, null, "户", null, null), after[index + 1]);
        Assert.Equal(before.Where(q => q.Region != "430611"), after.Where(q => q.Region != "430611"));
        Assert.Equal("90 (30/年)", Text(QuotaGrid.Build(result.RuleSet, YueyangScope()), "君山区", "new-enterprise-service"));
        Assert.Equal(Yueyang.Criteria, result.RuleSet.Criteria);
        Assert.Equal(Yueyang.CoverageTargets, result.RuleSet.CoverageTargets);
    }

    [Fact]
    public void AnAppliedGrid_IsWrittenAndReadBack_WithTheSameQuotas()
    {
        var result = Grid().Apply((row, column) => (row.Name, column.TaskId) switch
        {
            ("君山区", "new-enterprise-service") => "90左右 (≤30/年)",
            ("市工商联", "harmonious-enterprises-standard") => "85%",
            ("各县市区（每个）", "wage-guidance-skill") => "1-2/年",
            _ => null,
        });

        var (read, errors) = RuleSetReader.Read(RuleSetWriter.Write(result.RuleSet!));

        Assert.Empty(errors);
        Assert.Equal(result.RuleSet!.Tasks.Select(t => t.Quotas.Select(q => q with { Years = [] }).ToList()), read!.Tasks.Select(t => t.Quotas.Select(q => q with { Years = [] }).ToList()));
        var grid = QuotaGrid.Build(read, YueyangScope());
        Assert.Equal("90左右 (≤30/年)", Text(grid, "君山区", "new-enterprise-service"));
        Assert.Equal("85%", Text(grid, "市工商联", "harmonious-enterprises-standard"));
        Assert.Equal("1-2/年", Text(grid, "各县市区（每个）", "wage-guidance-skill"));
    }

    [Fact]
    public void ClearingACell_RemovesItsQuotas_AndFillingAnEmptyCell_AddsThemForTheUnit()
    {
        var grid = Grid();

        var result = grid.Apply((row, column) => (row.Name, column.TaskId) switch
        {
            ("屈原区", "wage-payment") => "",
            ("市工商联", "collective-bargaining") => "≤2/年",
            ("合计", "new-enterprise-service") => "780",
            _ => null,
        });

        var payment = result.RuleSet!.Tasks.Single(t => t.Id == "wage-payment").Quotas;
        Assert.DoesNotContain(payment, q => q.Region == "430600-QY");
        Assert.Equal(11, payment.Count);
        var bargaining = result.RuleSet.Tasks.Single(t => t.Id == "collective-bargaining").Quotas;
        Assert.Equal(new Quota(null, "430600", QuotaPeriod.Year, null, 2, "户", null, null) { MemberUnit = "工商联" }, bargaining[^1]);
        var service = result.RuleSet.Tasks.Single(t => t.Id == "new-enterprise-service").Quotas;
        Assert.Equal(new Quota(null, "430600", QuotaPeriod.Period, 780, null, "户", null, null), service[^1]);
        Assert.Equal(3, result.ChangedCells);
    }

    [Fact]
    public void BadCells_AreReportedWithRowAndColumn_AndNothingIsApplied()
    {
        var grid = Grid();

        var result = grid.Apply((row, column) => (row.Name, column.TaskId) switch
        {
            ("君山区", "new-enterprise-service") => "3（1/年",
            ("经开区", "key-enterprises") => "5-3/年",
            ("岳阳楼区", "key-enterprises") => "9",
            _ => null,
        });

        Assert.False(result.Succeeded);
        Assert.Null(result.RuleSet);
        var messages = result.Errors.Select(e => grid.PageLocation(e.Row, e.Column) + "：" + e.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("第 3 行「君山区」·「新企业用工服务计划」列：“3（1/年”缺少右括号", messages);
        Assert.Contains("第 10 行「经开区」·「重点企业指导计划」列：最少 5 大于最多 3", messages);
    }

    [Fact]
    public void QuotasTheTextCannotSay_AreReadOnly_AndKeptWhateverIsTyped()
    {
        var task = Yueyang.Tasks.Single(t => t.Id == "gold-coordinator");
        var tiered = new Quota(null, "430611", QuotaPeriod.Year, 1, null, "名", null, null) { Tier = "gold" };
        var named = new Quota(null, "430603", QuotaPeriod.Years, 2, null, "名", null, null) { Years = [2022, 2023] };
        var edited = Yueyang with { Tasks = Yueyang.Tasks.Select(t => t.Id == task.Id ? t with { Quotas = [.. t.Quotas, tiered, named] } : t).ToList() };
        var grid = Grid(edited);

        Assert.True(Cell(grid, "君山区", "gold-coordinator").ReadOnly);
        Assert.Equal("含按等级（gold）分列的数量", Cell(grid, "君山区", "gold-coordinator").ReadOnlyReason);
        Assert.Equal("含指定年度（2022、2023 年）的数量", Cell(grid, "云溪区", "gold-coordinator").ReadOnlyReason);

        var result = grid.Apply((row, column) => column.TaskId == "gold-coordinator" && row.Name is "君山区" or "云溪区" ? "9" : null);

        Assert.Equal(0, result.ChangedCells);
        Assert.Equal(edited.Tasks.Single(t => t.Id == task.Id).Quotas, result.RuleSet!.Tasks.Single(t => t.Id == task.Id).Quotas);
    }

    [Fact]
    public void Totals_SumTheRegionAndUnitRows_AndWarnWhereTheTotalRowDiffers()
    {
        var grid = Grid();
        var totals = grid.Totals();
        QuotaColumnTotal Of(string taskId) => totals[grid.Columns.ToList().FindIndex(c => c.TaskId == taskId)];

        Assert.Equal("780 (260/年)", Of("new-enterprise-service").Text);
        Assert.Empty(Of("new-enterprise-service").Warnings);
        Assert.Equal("15", Of("collective-bargaining").Text);
        Assert.Empty(Of("collective-bargaining").Warnings);
        Assert.Equal("32 (10/年)", Of("gold-coordinator").Text);
        Assert.Empty(Of("gold-coordinator").Warnings);
        Assert.Equal("40 (11/年)", Of("key-enterprises").Text);
        Assert.Empty(Of("key-enterprises").Warnings);
        Assert.Equal("40 (11/年)", Of("harmonious-enterprises").Text);
        Assert.Empty(Of("harmonious-enterprises").Warnings);
        Assert.Equal(["各行相加共 32 家，与合计行的 30左右 家不一致"], Of("gold-mediation-organization").Warnings);
    }

    [Fact]
    public void Totals_FollowWhatIsTyped()
    {
        var grid = Grid();
        var column = grid.Columns.ToList().FindIndex(c => c.TaskId == "collective-bargaining");
        var junshan = grid.Rows.ToList().FindIndex(r => r.Name == "君山区");

        var totals = grid.Totals((r, c) => r == junshan && c == column ? QuotaGridCellText.Parse("").Value : grid.Cell(r, c).Value);
        var more = grid.Totals((r, c) => r == junshan && c == column ? QuotaGridCellText.Parse("2/年").Value : grid.Cell(r, c).Value);

        Assert.Equal("14", totals[column].Text);
        Assert.Equal(["各行相加共 14 户，与合计行的 15 户不一致"], totals[column].Warnings);
        Assert.Equal("20 (2/年)", more[column].Text);
        Assert.Empty(more[column].Warnings);
    }
}
