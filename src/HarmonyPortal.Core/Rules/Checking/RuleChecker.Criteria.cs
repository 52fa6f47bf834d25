using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Core.Rules.Checking;

/// <summary>
/// Criteria: automatic tests read facts the category's ledger has; effective years lie in the plan period; ids are
/// unique in the file (an attestation stores the id); a category the plan confers without criteria says what applies.
/// </summary>
public static partial class RuleChecker
{
    /// <summary>Shown where a plan confers a gold category and states no criteria for it.</summary>
    public const string NoCriteriaMessage = "本规划未规定选树条件，将沿用上级规划；上级也没有时推荐表将注明未规定";

    /// <summary>The same, where the plan also declines the level above's criteria (inherits.criteria false).</summary>
    public const string NoCriteriaNoInheritanceMessage = "本规划未规定选树条件，且不沿用上级规划（inherits.criteria 为 false）：推荐表将注明未规定";

    private static string CategoryKey(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "coordinator",
        GoldCategory.SocialOrganization => "socialOrganization",
        _ => "mediationOrganization",
    };

    private sealed partial class Run
    {
        private readonly Dictionary<string, string> criterionIds = new(StringComparer.Ordinal);

        public void Criteria()
        {
            foreach (var (category, node) in set.Criteria.OrderBy(c => c.Key))
            {
                var ledgerKey = set.HonourTask(category)?.Honour?.Ledger ?? TaskKinds.LedgerOf(category);
                var ledger = LedgerCatalog.Find(ledgerKey);
                Node(node, $"$.criteria.{CategoryKey(category)}", ledger);
            }

            for (var i = 0; i < set.Tasks.Count; i++)
            {
                if (set.Tasks[i].Honour?.Category is { } category && !set.Criteria.ContainsKey(category))
                {
                    Warning($"$.tasks[{i}].honour", set.Inherits.Criteria ? NoCriteriaMessage : NoCriteriaNoInheritanceMessage);
                }
            }
        }

        private void Node(CriterionNode node, string path, ILedgerDefinition? ledger)
        {
            if (node.FromYear is { } from && !set.Governs(from))
            {
                Warning($"{path}.fromYear", $"条件自 {from} 年起生效，该年不在规划期 {set.PeriodText}内");
            }

            if (node.ToYear is { } to && !set.Governs(to))
            {
                Warning($"{path}.toYear", $"条件生效至 {to} 年，该年不在规划期 {set.PeriodText}内");
            }

            switch (node)
            {
                case CriterionGroup group:
                    var name = group.Kind == GroupKind.All ? "all" : "any";
                    for (var k = 0; k < group.Members.Count; k++)
                    {
                        Node(group.Members[k], $"{path}.{name}[{k}]", ledger);
                    }

                    break;
                case Criterion criterion:
                    if (!criterionIds.TryAdd(criterion.Id, path))
                    {
                        Error($"{path}.id", $"条件编号“{criterion.Id}”与 {criterionIds[criterion.Id]} 重复：审核确认按编号记录，编号在整个文件中须唯一");
                    }

                    if (criterion.Test is { } honourTest && HonourFacts.IsHonour(honourTest.Fact))
                    {
                        Honour(honourTest, $"{path}.test.fact", ledger);
                    }
                    else if (criterion.Test is { Operator: TestOperator.IsFalse } flagTest && ledger is not null && LedgerFacts.Of(ledger.NewRow(), flagTest.Fact) is { Flag: null } notFlag)
                    {
                        Error($"{path}.test.op", $"“{notFlag.Label}”不是按“是/否”填写的字段，不能按“否”判断");
                    }
                    else if (criterion.Test is { } test && ledger is not null && LedgerFacts.Of(ledger.NewRow(), test.Fact) is null)
                    {
                        Error($"{path}.test.fact", $"台账“{ledger.Title}”没有指标“{test.Fact}”，该条件无法判断");
                    }

                    break;
            }
        }
    
        /// <summary>An honour test names a category of the criteria's own ledger (the same person or organisation) and a tier its honour has.</summary>
        private void Honour(CriterionTest test, string path, ILedgerDefinition? ledger)
        {
            if (HonourFacts.Parse(test.Fact) is not { } honour)
            {
                Error(path, $"未知的称号“{test.Fact}”");
                return;
            }

            var task = set.HonourTask(honour.Category)?.Honour;
            var title = task?.Title ?? TaskKinds.TitleOf(honour.Category);
            var honourLedger = LedgerCatalog.Find(task?.Ledger ?? TaskKinds.LedgerOf(honour.Category));
            if (ledger is not null && honourLedger is not null && honourLedger.Key != ledger.Key)
            {
                Error(path, $"称号“{title}”授予“{honourLedger.Title}”中的对象，与本类别的台账“{ledger.Title}”不同，查不到同一人或组织的记录");
            }

            if (honour.Tier is not { } tier)
            {
                return;
            }

            if (task is null)
            {
                Warning(path, $"本规划没有“{title}”的选树任务，层级“{tier}”按上级规划的层级核对");
            }
            else if (task.Tiers.All(t => t.Id != tier))
            {
                Error(path, task.Tiers.Count == 0
                    ? $"称号“{title}”不分层级，没有层级“{tier}”"
                    : $"称号“{title}”没有层级“{tier}”，可用：{string.Join("、", task.Tiers.Select(t => $"{t.Id}（{t.Name}）"))}");
            }
        }
    }
}
