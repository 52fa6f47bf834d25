namespace HarmonyPortal.Core.Rules.Editing;

public static partial class RuleSetDiff
{
    /// <summary>
    /// Criteria compared per gold category, each criterion matched by its id: added, removed, changed (its wording, its
    /// test, its years); a change in how they combine ("须全部满足" / "满足其中一项即可") is said once per category.
    /// </summary>
    private static List<string> CriteriaLines(RuleSet a, RuleSet b)
    {
        var lines = new List<string>();
        foreach (var category in Enum.GetValues<GoldCategory>())
        {
            var title = TaskKinds.TitleOf(category);
            var before = a.Criteria.GetValueOrDefault(category);
            var after = b.Criteria.GetValueOrDefault(category);
            if (before is null && after is null)
            {
                continue;
            }

            if (before is null)
            {
                lines.Add($"{title} · 新增选树条件（{Leaves(after!).Count()} 项）");
                lines.AddRange(Leaves(after!).Select(c => $"{title} · 新增条件：{RuleTexts.Condition(c, b)}"));
                continue;
            }

            if (after is null)
            {
                lines.Add($"{title} · 删除全部选树条件（原 {Leaves(before).Count()} 项），改为沿用上级规划或不检查条件");
                continue;
            }

            var old = Leaves(before).GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var now = Leaves(after).GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            lines.AddRange(now.Values.Where(c => !old.ContainsKey(c.Id)).Select(c => $"{title} · 新增条件：{RuleTexts.Condition(c, b)}"));
            lines.AddRange(old.Values.Where(c => !now.ContainsKey(c.Id)).Select(c => $"{title} · 删除条件：{RuleTexts.Condition(c, a)}"));
            foreach (var c in now.Values.Where(c => old.ContainsKey(c.Id)))
            {
                var was = old[c.Id];
                if (RuleTexts.Condition(was) != RuleTexts.Condition(c))
                {
                    lines.Add($"{title} · 修改条件：{RuleTexts.Condition(was)} → {RuleTexts.Condition(c)}");
                }
                else if (was.Text != c.Text)
                {
                    lines.Add($"{title} · 修改条件的表述：{was.Text} → {c.Text}");
                }
            }

            var common = old.Keys.Where(now.ContainsKey).ToHashSet(StringComparer.Ordinal);
            if (Shape(before, common) != Shape(after, common))
            {
                lines.Add($"{title} · 条件的组合方式改变：{Combination(before)} → {Combination(after)}");
            }
        }

        return lines;
    }

    private static IEnumerable<Criterion> Leaves(CriterionNode node) => node switch
    {
        CriterionGroup g => g.Members.SelectMany(Leaves),
        Criterion c => [c],
        _ => [],
    };

    /// <summary>
    /// The grouping alone, over the criteria both versions have (added and removed ones are said on their own lines), to
    /// tell a regrouping from a change of the criteria themselves.
    /// </summary>
    private static string Shape(CriterionNode node, IReadOnlySet<string> common) => node switch
    {
        CriterionGroup g => $"{g.Kind}[{g.FromYear}-{g.ToYear}]({string.Join(",", g.Members.Select(m => Shape(m, common)).Where(m => m.Length > 0))})",
        Criterion c when common.Contains(c.Id) => c.Id,
        _ => "",
    };

    /// <summary>"须全部满足：A、B、其中一项即可（C、D）".</summary>
    private static string Combination(CriterionNode node) => node switch
    {
        CriterionGroup { Kind: GroupKind.All } g => "须全部满足（" + string.Join("；", g.Members.Select(Combination)) + "）",
        CriterionGroup g => "满足其中一项即可（" + string.Join("；", g.Members.Select(Combination)) + "）",
        Criterion c => RuleTexts.Condition(c),
        _ => "",
    };
}
