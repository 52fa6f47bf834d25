using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules.Editing;

public sealed class RuleSetDiffTests
{
    private static readonly Dictionary<string, string> Regions = new()
    {
        ["430600"] = "岳阳市", ["430602"] = "岳阳楼区", ["430611"] = "君山区", ["140000"] = "山西省", ["140900"] = "忻州市",
    };

    private static readonly RuleNames Names = new(code => Regions.GetValueOrDefault(code), (region, unit) => region == "430600" && unit == "总工会" ? "总工会" : null);

    private static RuleSet Yueyang => SeedRuleSets.Load("yueyang-2021.json");

    private static RuleSet WithTask(RuleSet set, string id, Func<RuleTask, RuleTask> change) =>
        set with { Tasks = set.Tasks.Select(t => t.Id == id ? change(t) : t).ToList() };

    private static List<string> Lines(RuleSet a, RuleSet b) => RuleSetDiff.Compare(a, b, Names).SelectMany(s => s.Lines.Select(l => $"{s.Title}｜{l}")).ToList();

    [Theory]
    [InlineData("yueyang-2021.json")]
    [InlineData("shanxi-2021.json")]
    [InlineData("ganzhou-2021.json")]
    [InlineData("jiyuan-2022.json")]
    [InlineData("tangshan-gx-2021.json")]
    public void ASeedComparedWithItself_HasNoDifference(string seed)
    {
        Assert.Empty(RuleSetDiff.Compare(SeedRuleSets.Load(seed), SeedRuleSets.Load(seed), Names));
    }

    [Fact]
    public void Yueyang_OneQuotaOneDeadlineOneCriterion_AreExactlyTheLines()
    {
        var current = Yueyang;
        var proposed = WithTask(current, "new-enterprise-service", t => t with
        {
            Quotas = t.Quotas.Select(q => q is { Region: "430611", Per: QuotaPeriod.Year } ? q with { Min = 25 } : q).ToList(),
        });
        proposed = WithTask(proposed, "gold-coordinator", t => t with
        {
            Deadlines = t.Deadlines.Select(d => d.Year == 2022 ? d with { Date = new DateOnly(2022, 11, 30) } : d).ToList(),
        });
        var mediation = (CriterionGroup)proposed.Criteria[GoldCategory.MediationOrganization];
        proposed = proposed with
        {
            Criteria = new Dictionary<GoldCategory, CriterionNode>
            {
                [GoldCategory.MediationOrganization] = mediation with
                {
                    Members = [.. mediation.Members, new Criterion("yy-m2", "年度调解成功率达到70%以上", "新增", new CriterionTest("SuccessRate", TestOperator.AtLeast, "70"))],
                },
            },
        };

        var coordinatorTask = current.Tasks.Single(t => t.Id == "gold-coordinator").Name;
        Assert.Equal(
        [
            "配额｜君山区 · 新企业用工服务计划：每年 ≥ 20 户 → ≥ 25 户",
            $"截止日期｜2022 年 · {coordinatorTask} · 报上级：12-31 → 11-30",
            "选树条件｜金牌劳动人事争议调解组织 · 新增条件：调解成功率 ≥ 70%",
        ], Lines(current, proposed));
    }

    [Fact]
    public void AddedAndRemovedQuotas_NameTheRegionAndTheMemberUnit_NeverTheCode()
    {
        var current = Yueyang;
        var proposed = WithTask(current, "xiangrong", t => t with
        {
            Quotas = [.. t.Quotas.Where(q => q.MemberUnit is null || q.MemberUnit != "总工会"), new Quota(null, "430602", QuotaPeriod.Period, 5, null, "户", null, null)],
        });

        var lines = Lines(current, proposed);

        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("配额｜新增配额：岳阳楼区 · 湘融湘爱推进计划：规划期内 ", StringComparison.Ordinal) && l.Contains("5 "));
        Assert.Contains(lines, l => l.StartsWith("配额｜删除配额：岳阳市总工会 · 湘融湘爱推进计划：规划期内 ≥ 6 ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("4306", StringComparison.Ordinal));
    }

    [Fact]
    public void Basics_TasksAndNotes_ReadAsBeforeAndAfter()
    {
        var current = SeedRuleSets.Load("shanxi-2021.json");
        var first = current.Tasks[0];
        var proposed = current with
        {
            Name = "山西省新规划",
            DocumentNumber = "晋人社厅发〔2024〕1号",
            FromYear = 2024,
            ToYear = 2026,
            Inherits = current.Inherits with { Criteria = true },
            Notes = [.. current.Notes.Skip(1), "新的说明"],
            Tasks = [first with { Name = "改过的名称", Kind = TaskKind.DisplayOnly, DisplayReason = "暂不计量" }, .. current.Tasks.Skip(2),
                new RuleTask("new-task", "新任务", "人社厅", [], [], []) { Kind = TaskKind.Material, Material = MaterialKind.Summary }],
        };

        var lines = Lines(current, proposed);

        Assert.Contains("规划信息｜规划名称：山西省劳动关系“和谐同行”能力提升三年行动计划 → 山西省新规划", lines);
        Assert.Contains($"规划信息｜文号：{current.DocumentNumber} → 晋人社厅发〔2024〕1号", lines);
        Assert.Contains("规划信息｜规划期：2021–2023 年 → 2024–2026 年", lines);
        Assert.Contains("规划信息｜本级未规定时沿用上级规划的选树条件：否 → 是", lines);
        Assert.Contains($"任务｜任务改名：{first.Name} → 改过的名称", lines);
        Assert.Contains($"任务｜改过的名称 · 计量方式：{RuleTexts.KindName(first.Kind)} → 仅展示，不计量", lines);
        Assert.Contains($"任务｜删除任务：{current.Tasks[1].Name}", lines);
        Assert.Contains("任务｜新增任务：新任务（报送材料）", lines);
        Assert.Contains($"说明｜删除说明：{current.Notes[0]}", lines);
        Assert.Contains("说明｜新增说明：新的说明", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("配额｜删除配额", StringComparison.Ordinal) && l.Contains(current.Tasks[1].Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Criteria_ChangedTestAndRemovedCriterion_NameTheCategoryAndTheCondition()
    {
        var current = SeedRuleSets.Load("shanxi-2021.json");
        var coordinator = (CriterionGroup)current.Criteria[GoldCategory.Coordinator];
        var members = coordinator.Members
            .Where(m => m is not Criterion { Id: "sx-c6" })
            .Select(m => m is Criterion { Id: "sx-c1" } c ? c with { Test = c.Test! with { Value = "大专" } } : m)
            .ToList();
        var proposed = current with
        {
            Criteria = new Dictionary<GoldCategory, CriterionNode>(current.Criteria) { [GoldCategory.Coordinator] = coordinator with { Members = members } },
        };

        Assert.Equal(
        [
            "选树条件｜金牌劳动关系协调员 · 删除条件：现正在担任劳动关系协调员或专职集体协商指导员",
            "选树条件｜金牌劳动关系协调员 · 修改条件：学历 ≥ 高中 → 学历 ≥ 大专",
        ], Lines(current, proposed));
    }

    [Fact]
    public void AnEmptiedCategory_IsSaidOnce_AndARegroupingIsSaid()
    {
        var current = SeedRuleSets.Load("shanxi-2021.json");
        var coordinator = (CriterionGroup)current.Criteria[GoldCategory.Coordinator];
        var proposed = current with
        {
            Criteria = new Dictionary<GoldCategory, CriterionNode>
            {
                [GoldCategory.Coordinator] = coordinator with { Kind = GroupKind.Any },
                [GoldCategory.SocialOrganization] = current.Criteria[GoldCategory.SocialOrganization],
            },
        };

        var lines = Lines(current, proposed);

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("选树条件｜金牌劳动人事争议调解组织 · 删除全部选树条件（原 5 项）", lines[1]);
        Assert.StartsWith("选树条件｜金牌劳动关系协调员 · 条件的组合方式改变：须全部满足（学历 ≥ 高中；", lines[0]);
        Assert.Contains("→ 满足其中一项即可（学历 ≥ 高中；", lines[0]);
    }
}
