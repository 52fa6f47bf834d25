namespace HarmonyPortal.Core.Rules.Checking;

/// <summary>
/// Quotas of one task no office could satisfy together: for the same scope (level, region, member unit) and tier, a
/// minimum above a maximum of the same period, a yearly minimum summed over a period above its maximum, a yearly
/// maximum summed over a period below its minimum, a minimum of some years above the maximum of years holding them.
/// A "左右" (approximate) quota only warns.
/// </summary>
public static partial class RuleChecker
{
    private sealed partial class Run
    {
        private void Contradictions(RuleTask task, string path)
        {
            var quotas = task.Quotas.Select((q, j) => (Quota: q, Path: $"{path}.quotas[{j}]"))
                .GroupBy(x => (x.Quota.Level, x.Quota.Region, Unit: x.Quota.MemberUnit is { } u ? Offices.MemberUnits.WithoutLevel(u) : null, x.Quota.Tier));
            foreach (var scope in quotas)
            {
                foreach (var a in scope)
                {
                    foreach (var b in scope.Where(b => b.Path != a.Path))
                    {
                        Pair(a.Quota, a.Path, b.Quota, b.Path);
                    }
                }
            }
        }

        /// <summary>Reports where <paramref name="a"/>'s minimum (or the sum of its yearly maximum) cannot meet <paramref name="b"/>.</summary>
        private void Pair(Quota a, string aPath, Quota b, string bPath)
        {
            var aYears = YearsOf(a);
            var bYears = YearsOf(b);
            string? message = null;
            var field = "min";
            if (a.Per == QuotaPeriod.Year && b.Per == QuotaPeriod.Year || a.Per != QuotaPeriod.Year && b.Per != QuotaPeriod.Year && aYears.SetEquals(bYears))
            {
                if (a.Min > b.Max)
                {
                    message = $"{Span(a)}下限 {a.Min} 高于同一范围、同一期间的配额 {bPath} 的上限 {b.Max}，两者无法同时满足";
                }
            }
            else if (a.Per == QuotaPeriod.Year && b.Per != QuotaPeriod.Year)
            {
                var n = bYears.Count;
                if (a.Min * n > b.Max)
                {
                    message = $"每年下限 {a.Min}，{Span(b)}合计至少 {a.Min * n}，超过配额 {bPath} 的上限 {b.Max}，两者无法同时满足";
                }
                else if (b.Min > a.Max * n)
                {
                    field = "max";
                    message = $"每年上限 {a.Max}，{Span(b)}合计至多 {a.Max * n}，达不到配额 {bPath} 的下限 {b.Min}，两者无法同时满足";
                }
            }
            else if (a.Per != QuotaPeriod.Year && b.Per != QuotaPeriod.Year && aYears.IsProperSubsetOf(bYears) && a.Min > b.Max)
            {
                message = $"{Span(a)}合计下限 {a.Min} 已超过配额 {bPath}（{Span(b)}）的上限 {b.Max}，两者无法同时满足";
            }

            if (message is null)
            {
                return;
            }

            if (a.Approximate || b.Approximate)
            {
                Warning($"{aPath}.{field}", message + "（含“左右”的约数配额，只提示、不阻止）");
            }
            else
            {
                Error($"{aPath}.{field}", message);
            }
        }

        private HashSet<int> YearsOf(Quota quota) => quota.Per switch
        {
            QuotaPeriod.Years => [.. quota.Years],
            _ => [.. Enumerable.Range(set.FromYear, Math.Max(Years, 1))],
        };

        private string Span(Quota quota) => quota.Per switch
        {
            QuotaPeriod.Year => "每年",
            QuotaPeriod.Years => string.Join("、", quota.Years.Order()) + " 年",
            _ => $"整个规划期（{set.PeriodText}）",
        };
    }
}
