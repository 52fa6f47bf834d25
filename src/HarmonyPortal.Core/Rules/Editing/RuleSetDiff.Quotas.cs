namespace HarmonyPortal.Core.Rules.Editing;

public static partial class RuleSetDiff
{
    /// <summary>
    /// Quotas matched by task and by what they bind and count: the level, region or member unit, the period, the named
    /// years and the tier. Two quotas alike in all of these are matched in their order.
    /// </summary>
    private static List<string> QuotaLines(RuleSet a, RuleSet b, RuleNames names)
    {
        var lines = new List<string>();
        var removed = new List<string>();
        var oldTasks = a.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var task in b.Tasks)
        {
            var before = oldTasks.TryGetValue(task.Id, out var old) ? Keyed(old.Quotas) : [];
            var after = Keyed(task.Quotas);
            foreach (var (key, quota) in after)
            {
                if (!before.Remove(key, out var was))
                {
                    lines.Add($"新增配额：{Holder(quota, names)} · {task.Name}：{RuleTexts.Period(quota)} {Requirement(quota)}");
                }
                else if (Requirement(was) != Requirement(quota))
                {
                    lines.Add($"{Holder(quota, names)} · {task.Name}：{RuleTexts.Period(quota)} {Requirement(was)} → {Requirement(quota)}");
                }
                else if ((was.Note ?? "") != (quota.Note ?? ""))
                {
                    lines.Add($"{Holder(quota, names)} · {task.Name}：{RuleTexts.Period(quota)} {Requirement(quota)} 的说明：{Shown(was.Note)} → {Shown(quota.Note)}");
                }
            }

            removed.AddRange(before.Values.Select(q => $"删除配额：{Holder(q, names)} · {task.Name}：{RuleTexts.Period(q)} {Requirement(q)}"));
        }

        lines.AddRange(removed);
        return lines;
    }

    private static string Holder(Quota q, RuleNames names) => RuleTexts.Scope(q, names.RegionName, names.UnitName);

    private static string Requirement(Quota q) => RuleTexts.Requirement(q);

    private static Dictionary<string, Quota> Keyed(IReadOnlyList<Quota> quotas)
    {
        var keyed = new Dictionary<string, Quota>(StringComparer.Ordinal);
        foreach (var group in quotas.GroupBy(QuotaKey, StringComparer.Ordinal))
        {
            foreach (var (quota, index) in group.Select((q, i) => (q, i)))
            {
                keyed[$"{group.Key}#{index}"] = quota;
            }
        }

        return keyed;
    }

    /// <summary>What tells two quotas of a task apart: what they bind (level, region, member unit), the period, the named years and the tier.</summary>
    public static string QuotaKey(Quota q) => $"{q.Level}|{q.Region}|{q.MemberUnit}|{q.Per}|{string.Join(",", q.Years)}|{q.Tier}";

    private static List<string> DeadlineLines(RuleSet a, RuleSet b)
    {
        var lines = new List<string>();
        var removed = new List<string>();
        var oldTasks = a.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var task in b.Tasks)
        {
            var before = oldTasks.TryGetValue(task.Id, out var old) ? KeyedDeadlines(old.Deadlines) : [];
            foreach (var (key, deadline) in KeyedDeadlines(task.Deadlines))
            {
                if (!before.Remove(key, out var was))
                {
                    lines.Add($"新增截止日期：{DeadlineLabel(task, deadline)}：{deadline.Date:yyyy-MM-dd}{What(deadline)}");
                }
                else if (was.Date != deadline.Date || was.What != deadline.What)
                {
                    var sameYear = was.Date.Year == deadline.Date.Year && deadline.Year == deadline.Date.Year;
                    var format = sameYear ? "MM-dd" : "yyyy-MM-dd";
                    var whatChanged = was.What != deadline.What ? $"（{Shown(was.What)} → {Shown(deadline.What)}）" : "";
                    lines.Add($"{DeadlineLabel(task, deadline)}：{was.Date.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} → {deadline.Date.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}{whatChanged}");
                }
            }

            removed.AddRange(before.Values.Select(d => $"删除截止日期：{DeadlineLabel(task, d)}：{d.Date:yyyy-MM-dd}{What(d)}"));
        }

        lines.AddRange(removed);
        return lines;
    }

    /// <summary>"2024 年 · 打造金牌劳动关系协调员 · 县级报市", with the batch and the ledger where there are.</summary>
    private static string DeadlineLabel(RuleTask task, Deadline d) =>
        $"{(d.Year is { } y ? $"{y} 年" : "每年")}{(d.Batch is { } b && b > 0 ? $"第 {b} 批" : "")} · {task.Name} · {RuleTexts.StepName(d.Step)}" +
        (d.Ledger is { } l ? "·" + (Ledgers.Definitions.LedgerCatalog.Find(l)?.Title ?? l) : "");

    private static string What(Deadline d) => string.IsNullOrWhiteSpace(d.What) ? "" : $"（{d.What}）";

    private static Dictionary<string, Deadline> KeyedDeadlines(IReadOnlyList<Deadline> deadlines)
    {
        var keyed = new Dictionary<string, Deadline>(StringComparer.Ordinal);
        foreach (var group in deadlines.GroupBy(d => $"{d.Year}|{d.Batch}|{d.Step}|{d.Ledger}", StringComparer.Ordinal))
        {
            foreach (var (deadline, index) in group.Select((d, i) => (d, i)))
            {
                keyed[$"{group.Key}#{index}"] = deadline;
            }
        }

        return keyed;
    }
}
