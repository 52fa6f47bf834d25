using System.Text.RegularExpressions;

namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>
/// Where a finding of the reader or the checker is, in the words of the editor's pages instead of a JSON path:
/// "$.tasks[2].quotas[0].min" is "任务“新企用工服务” · 第 1 项配额".
/// </summary>
public static partial class FindingPlace
{
    public static string Describe(RuleSet set, string path)
    {
        var task = TaskPath().Match(path);
        if (!task.Success)
        {
            return path switch
            {
                _ when path.StartsWith("$.criteria", StringComparison.Ordinal) => "选树条件",
                _ when path.StartsWith("$.coverageTargets", StringComparison.Ordinal) => "配备覆盖目标",
                "$.fromYear" or "$.toYear" => "规划期",
                "$.jurisdiction" => "所属地区",
                _ => "基本信息",
            };
        }

        var index = int.Parse(task.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var name = index < set.Tasks.Count ? $"任务“{set.Tasks[index].Name}”" : $"第 {index + 1} 项任务";
        var rest = path[task.Length..];
        var part = ItemPath().Match(rest);
        return !part.Success ? name : part.Groups[1].Value switch
        {
            "quotas" => $"{name} · 第 {int.Parse(part.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1} 项配额",
            _ => $"{name} · 第 {int.Parse(part.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1} 项期限",
        };
    }

    [GeneratedRegex(@"^\$\.tasks\[(\d+)\]")]
    private static partial Regex TaskPath();

    [GeneratedRegex(@"^\.(quotas|deadlines)\[(\d+)\]")]
    private static partial Regex ItemPath();
}
