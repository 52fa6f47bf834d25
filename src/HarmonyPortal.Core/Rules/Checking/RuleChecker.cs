using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules.Checking;

/// <summary>
/// Checks a rule set that read without errors against what the portal knows (regions, member units, other plans)
/// and against itself: whatever a plan states that the portal would silently never measure, or that no office
/// could satisfy, is reported with its JSON path. The rules editor (upload) and <c>rules check</c> share it;
/// docs/rules/checker.md lists every check with its message.
/// </summary>
public static partial class RuleChecker
{
    public static IReadOnlyList<RuleFinding> Check(RuleSet set, RuleCheckContext context)
    {
        var run = new Run(set, context);
        run.Jurisdiction();
        run.Period();
        for (var i = 0; i < set.Tasks.Count; i++)
        {
            run.Task(set.Tasks[i], $"$.tasks[{i}]");
        }

        run.Criteria();
        run.SelectingLevelsAcrossPlans();
        return run.Findings;
    }

    private sealed partial class Run
    {
        private readonly RuleSet set;
        private readonly RuleCheckContext context;
        private readonly Dictionary<string, KnownRegion> regions;
        private readonly KnownRegion? jurisdiction;

        /// <summary>The jurisdiction and every region below it, by code; empty when the jurisdiction is unknown.</summary>
        private readonly Dictionary<string, KnownRegion> subtree = new(StringComparer.Ordinal);

        public Run(RuleSet set, RuleCheckContext context)
        {
            this.set = set;
            this.context = context;
            regions = context.Regions.GroupBy(r => r.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            jurisdiction = regions.GetValueOrDefault(set.Jurisdiction);
            if (jurisdiction is null)
            {
                return;
            }

            var children = context.Regions.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!, StringComparer.Ordinal);
            var pending = new Stack<KnownRegion>([jurisdiction]);
            while (pending.TryPop(out var region))
            {
                if (subtree.TryAdd(region.Code, region))
                {
                    foreach (var child in children[region.Code])
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        public List<RuleFinding> Findings { get; } = [];

        private int Years => set.ToYear - set.FromYear + 1;

        private void Error(string path, string message) => Findings.Add(new RuleFinding(path, message, FindingSeverity.Error));

        private void Warning(string path, string message) => Findings.Add(new RuleFinding(path, message, FindingSeverity.Warning));

        private static string Named(KnownRegion region) => $"{region.Name}（{region.Code}）";

        public void Jurisdiction()
        {
            if (jurisdiction is null)
            {
                Error("$.jurisdiction", $"未知的地区代码“{set.Jurisdiction}”：规划须属于一个已有的省、市或县级地区");
            }
        }

        public void Period()
        {
            foreach (var other in context.OtherPlans.Where(p => p.Jurisdiction == set.Jurisdiction && p.FromYear != set.FromYear))
            {
                if (other.FromYear <= set.ToYear && set.FromYear <= other.ToYear)
                {
                    var period = other.FromYear == other.ToYear ? $"{other.FromYear} 年" : $"{other.FromYear}–{other.ToYear} 年";
                    Error("$.fromYear", $"规划期 {set.PeriodText}与本地区已有的规划“{other.Label}”（{period}）重叠：同一地区的规划期不能交叉，每一年只能由一个规划管辖");
                }
            }
        }

        public void Task(RuleTask task, string path)
        {
            for (var j = 0; j < task.Quotas.Count; j++)
            {
                var quotaPath = $"{path}.quotas[{j}]";
                var quota = task.Quotas[j];
                QuotaScope(quota, quotaPath);
                QuotaMeasured(task, quota, quotaPath);
                QuotaYears(quota, quotaPath);
            }

            Contradictions(task, path);
            for (var k = 0; k < task.Deadlines.Count; k++)
            {
                Deadline(task, task.Deadlines[k], $"{path}.deadlines[{k}]");
            }

            if (task.Honour is { } honour)
            {
                SelectingLevel(honour, $"{path}.honour.selectingLevel");
            }

            if (task.SubmittedBy is { } submitter)
            {
                SubmittedBy(task, submitter, $"{path}.submittedBy");
            }
        }

        /// <summary>
        /// The level that submits a material or indicator must be the jurisdiction's own or one below it, and exist in
        /// its subtree; with quotas, the quotas' regions submit and the level is not read.
        /// </summary>
        private void SubmittedBy(RuleTask task, RegionLevel level, string path)
        {
            if (jurisdiction is not null && level < jurisdiction.Level)
            {
                Error(path, $"报送单位层级为{level.ToChinese()}，高于本规划所属的{Named(jurisdiction)}（{jurisdiction.Level.ToChinese()}）：规划只能要求本级或下级地区报送");
            }
            else if (jurisdiction is not null && !subtree.Values.Any(r => r.Level == level))
            {
                Error(path, $"报送单位层级为{level.ToChinese()}，但{Named(jurisdiction)}下没有{level.ToChinese()}地区，无人报送");
            }
            else if (task.Quotas.Count > 0)
            {
                Warning(path, $"任务“{task.Name}”已下达配额，由配额所列地区报送，报送单位层级（{level.ToChinese()}）不起作用");
            }
        }

        private void SelectingLevel(Honour honour, string path)
        {
            if (jurisdiction is null || honour.SelectingLevel <= jurisdiction.Level || subtree.Values.Any(r => r.Level == honour.SelectingLevel))
            {
                return;
            }

            Error(path, $"选树层级为{honour.SelectingLevel.ToChinese()}，但{Named(jurisdiction)}下没有{honour.SelectingLevel.ToChinese()}地区，无人能选树发布");
        }
    }
}
