namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>One section of a difference between two versions of a plan: its title and its lines, in Chinese.</summary>
public sealed record RuleDiffSection(string Title, IReadOnlyList<string> Lines);

/// <summary>
/// Names for what a rule file holds as codes: a region's name by its code, a member unit's name by its region's code
/// and its key. Either returns null when it does not know the code; the code is then shown as it is.
/// </summary>
public sealed record RuleNames(Func<string, string?> Region, Func<string, string, string?>? MemberUnit = null)
{
    /// <summary>No names known: codes are shown as they are.</summary>
    public static RuleNames None { get; } = new(_ => null);

    public string RegionName(string code) => Region(code) ?? code;

    public string UnitName(string regionCode, string unit) => MemberUnit?.Invoke(regionCode, unit) ?? unit;
}

/// <summary>
/// What changes between the plan in force and a proposed version of it, as lines a clerk reads before publishing:
/// grouped by section, naming tasks, regions, member units and criteria, never codes or file paths.
/// </summary>
public static partial class RuleSetDiff
{
    public const string Basics = "规划信息";
    public const string Tasks = "任务";
    public const string Quotas = "配额";
    public const string Deadlines = "截止日期";
    public const string Criteria = "选树条件";
    public const string Coverage = "配备覆盖目标";
    public const string Notes = "说明";

    /// <summary>The sections that differ, in the order of the editor; empty when the two plans say the same.</summary>
    public static IReadOnlyList<RuleDiffSection> Compare(RuleSet current, RuleSet proposed, RuleNames names)
    {
        var sections = new List<RuleDiffSection>
        {
            new(Basics, BasicLines(current, proposed, names)),
            new(Tasks, TaskLines(current, proposed)),
            new(Quotas, QuotaLines(current, proposed, names)),
            new(Deadlines, DeadlineLines(current, proposed)),
            new(Criteria, CriteriaLines(current, proposed)),
            new(Coverage, CoverageLines(current, proposed)),
            new(Notes, NoteLines(current, proposed)),
        };
        return sections.Where(s => s.Lines.Count > 0).ToList();
    }

    private static List<string> BasicLines(RuleSet a, RuleSet b, RuleNames names)
    {
        var lines = new List<string>();
        void Changed(string label, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
            {
                lines.Add($"{label}：{Shown(before)} → {Shown(after)}");
            }
        }

        Changed("所属地区", names.RegionName(a.Jurisdiction), names.RegionName(b.Jurisdiction));
        Changed("规划名称", a.Name, b.Name);
        Changed("文号", a.DocumentNumber, b.DocumentNumber);
        Changed("发文单位", string.Join("、", a.Issuers), string.Join("、", b.Issuers));
        Changed("规划期", a.PeriodText, b.PeriodText);
        Changed("依据", a.Source, b.Source);
        Changed("本级未规定时沿用上级规划的选树条件", YesNo(a.Inherits.Criteria), YesNo(b.Inherits.Criteria));
        Changed("本级未规定时沿用上级规划的配额", YesNo(a.Inherits.Quotas), YesNo(b.Inherits.Quotas));
        Changed("本级未规定时沿用上级规划的截止日期", YesNo(a.Inherits.Deadlines), YesNo(b.Inherits.Deadlines));
        return lines;
    }

    private static List<string> TaskLines(RuleSet a, RuleSet b)
    {
        var lines = new List<string>();
        var before = a.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var after = b.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        lines.AddRange(b.Tasks.Where(t => !before.ContainsKey(t.Id)).Select(t => $"新增任务：{t.Name}（{RuleTexts.KindName(t.Kind)}）"));
        lines.AddRange(a.Tasks.Where(t => !after.ContainsKey(t.Id)).Select(t => $"删除任务：{t.Name}"));
        foreach (var task in b.Tasks.Where(t => before.ContainsKey(t.Id)))
        {
            var old = before[task.Id];
            if (old.Name != task.Name)
            {
                lines.Add($"任务改名：{old.Name} → {task.Name}");
            }

            if (old.Kind != task.Kind)
            {
                lines.Add($"{task.Name} · 计量方式：{RuleTexts.KindName(old.Kind)} → {RuleTexts.KindName(task.Kind)}");
            }

            if (RuleTexts.Measures(old) is var m1 && RuleTexts.Measures(task) is var m2 && m1 != m2 && old.Kind == task.Kind)
            {
                lines.Add($"{task.Name} · 计量内容：{Shown(m1)} → {Shown(m2)}");
            }

            if (old.Lead != task.Lead)
            {
                lines.Add($"{task.Name} · 牵头单位：{Shown(old.Lead)} → {Shown(task.Lead)}");
            }

            if (string.Join("、", old.Participants) is var p1 && string.Join("、", task.Participants) is var p2 && p1 != p2)
            {
                lines.Add($"{task.Name} · 参与单位：{Shown(p1)} → {Shown(p2)}");
            }

            if ((old.Clause ?? "") != (task.Clause ?? ""))
            {
                lines.Add($"{task.Name} · 出处：{Shown(old.Clause)} → {Shown(task.Clause)}");
            }
        }

        return lines;
    }

    private static List<string> NoteLines(RuleSet a, RuleSet b)
    {
        var lines = new List<string>();
        lines.AddRange(b.Notes.Where(n => !a.Notes.Contains(n)).Select(n => $"新增说明：{n}"));
        lines.AddRange(a.Notes.Where(n => !b.Notes.Contains(n)).Select(n => $"删除说明：{n}"));
        return lines;
    }

    private static List<string> CoverageLines(RuleSet a, RuleSet b)
    {
        var lines = new List<string>();
        var before = a.CoverageTargets.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var after = b.CoverageTargets.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        lines.AddRange(b.CoverageTargets.Where(t => !before.ContainsKey(t.Id)).Select(t => $"新增覆盖目标：{t.Name}：{RuleTexts.CoverageRequirement(t)}"));
        lines.AddRange(a.CoverageTargets.Where(t => !after.ContainsKey(t.Id)).Select(t => $"删除覆盖目标：{t.Name}：{RuleTexts.CoverageRequirement(t)}"));
        foreach (var target in b.CoverageTargets.Where(t => before.ContainsKey(t.Id)))
        {
            var old = before[target.Id];
            if (old.Name != target.Name)
            {
                lines.Add($"覆盖目标改名：{old.Name} → {target.Name}");
            }

            if (RuleTexts.CoverageRequirement(old) is var r1 && RuleTexts.CoverageRequirement(target) is var r2 && r1 != r2)
            {
                lines.Add($"{target.Name}：{r1} → {r2}");
            }
        }

        return lines;
    }

    private static string YesNo(bool value) => value ? "是" : "否";

    private static string Shown(string? value) => string.IsNullOrWhiteSpace(value) ? "（无）" : value;
}
