using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules.Checking;

/// <summary>Quotas: whose they are (a region, a level, a member unit), and whether the task's kind reads them.</summary>
public static partial class RuleChecker
{
    private sealed partial class Run
    {
        private void QuotaScope(Quota quota, string path)
        {
            if (jurisdiction is null)
            {
                return;
            }

            if (quota.Region is { } code)
            {
                if (!regions.TryGetValue(code, out var region))
                {
                    Error($"{path}.region", $"未知的地区代码“{code}”");
                    return;
                }

                if (!subtree.ContainsKey(code))
                {
                    Error($"{path}.region", $"地区{Named(region)}不在本规划所属的{Named(jurisdiction)}范围内");
                    return;
                }

                if (quota.MemberUnit is { } unit)
                {
                    var units = context.MemberUnits.GetValueOrDefault(code) ?? [];
                    if (!units.Any(u => Offices.MemberUnits.Names(unit, u)))
                    {
                        Error($"{path}.memberUnit", units.Count == 0
                            ? $"{region.Name}没有成员单位，“{unit}”无法承担配额"
                            : $"“{unit}”不是{region.Name}的成员单位，可用：{string.Join("、", units)}");
                    }
                }
            }
            else if (quota.Level is { } levelText && Enum.TryParse<RegionLevel>(levelText, out var level))
            {
                if (level < jurisdiction.Level)
                {
                    Error($"{path}.level", $"层级{level.ToChinese()}高于本规划所属的{Named(jurisdiction)}（{jurisdiction.Level.ToChinese()}），配额不会落到任何地区");
                }
                else if (!subtree.Values.Any(r => r.Level == level))
                {
                    Error($"{path}.level", $"{Named(jurisdiction)}下没有{level.ToChinese()}地区，配额不会落到任何地区");
                }
            }
        }

        /// <summary>
        /// Whether the task's kind reads the quota: display-only tasks read none; counts (ledger rows, honours conferred,
        /// materials submitted) read min and max, never a share; shares read only share; a tier must be one of the honour's.
        /// </summary>
        private void QuotaMeasured(RuleTask task, Quota quota, string path)
        {
            switch (task.Kind)
            {
                case TaskKind.DisplayOnly:
                    Error(path, $"任务“{task.Name}”为展示类（不计量：{task.DisplayReason ?? "未说明原因"}），其配额不会被计量：请为任务指定计量方式（kind），或删去配额");
                    return;
                case TaskKind.Honour or TaskKind.LedgerCount or TaskKind.Material when quota.Share is not null:
                    var counted = task.Kind switch { TaskKind.Honour => "授予的荣誉数", TaskKind.Material => "提交的材料份数", _ => "台账行数" };
                    Error($"{path}.share", $"该任务按{counted}计量，不读取比例（share）：请改用 min / max，或把任务改为比例类（ledgerShare）");
                    break;
                case TaskKind.LedgerShare:
                    if (quota.Min is not null)
                    {
                        Error($"{path}.min", "比例类任务（ledgerShare）只读取 share（比例），min 不会被计量");
                    }

                    if (quota.Max is not null)
                    {
                        Error($"{path}.max", "比例类任务（ledgerShare）只读取 share（比例），max 不会被计量");
                    }

                    break;
            }

            if (quota.Tier is { } tier)
            {
                var tiers = task.Honour?.Tiers ?? [];
                if (tiers.Count == 0)
                {
                    Error($"{path}.tier", $"任务“{task.Name}”没有分层级的荣誉，层级“{tier}”不会被计量");
                }
                else if (!tiers.Any(t => t.Id == tier))
                {
                    Error($"{path}.tier", $"“{tier}”不是该荣誉的层级，可用：{string.Join("、", tiers.Select(t => $"{t.Id}（{t.Name}）"))}");
                }
            }
        }

        private void QuotaYears(Quota quota, string path)
        {
            for (var k = 0; k < quota.Years.Count; k++)
            {
                if (!set.Governs(quota.Years[k]))
                {
                    Error($"{path}.years[{k}]", $"{quota.Years[k]} 年不在规划期 {set.PeriodText}内");
                }
            }
        }
    }
}
