using System.Globalization;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules;

/// <summary>How rule elements read in Chinese on the rules page, in progress and in checks.</summary>
public static class RuleTexts
{
    public static string KindName(TaskKind kind) => kind switch
    {
        TaskKind.Honour => "选树（授予称号）",
        TaskKind.LedgerCount => "台账计数",
        TaskKind.LedgerShare => "台账比例",
        TaskKind.Coverage => "配备覆盖",
        TaskKind.Indicator => "报送指标",
        TaskKind.Material => "报送材料",
        _ => "仅展示，不计量",
    };

    public static string MaterialName(MaterialKind kind) => kind switch
    {
        MaterialKind.Summary => "总结材料",
        MaterialKind.TopicReport => "专题情况报告",
        MaterialKind.Experience => "经验做法",
        _ => "典型案例",
    };

    public static string StepName(DeadlineStep step) => step switch
    {
        DeadlineStep.Submit => "县级报市",
        DeadlineStep.Report => "报上级",
        DeadlineStep.Publish => "选树发布",
        DeadlineStep.Ledger => "台账报送",
        _ => "报送",
    };

    public static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省级",
        RegionLevel.City => "市级",
        RegionLevel.County => "县级",
        _ => level.ToChinese(),
    };

    /// <summary>What the task measures, e.g. "台账“劳动关系和谐企业培育名单”中 是否达标 = 是 的行".</summary>
    public static string Measures(RuleTask task) => task.Kind switch
    {
        TaskKind.Honour when task.Honour is { } h => $"{h.Title}（{LevelName(h.SelectingLevel)}选树发布{(h.Tiers.Count > 0 ? "；层级：" + string.Join("、", h.Tiers.Select(t => t.Name)) : "")}{Progression(h)}）",
        TaskKind.LedgerCount or TaskKind.LedgerShare when task.Measure is { } m => LedgerText(m),
        TaskKind.Indicator when task.Indicator is { } i => $"{i.Label}（{i.Unit}）",
        TaskKind.Material when task.Material is { } k => MaterialName(k),
        TaskKind.DisplayOnly => "不计入进度：" + (task.DisplayReason ?? ""),
        _ => "",
    };

    /// <summary>
    /// Who submits a material or indicator task and who reviews it, e.g. "由各市报送，省级审核", "由市级（本级）报送，省级审核";
    /// null for other kinds. A task with quotas is submitted by the regions its quotas name.
    /// </summary>
    public static string? Submission(RuleTask task, RegionLevel jurisdictionLevel)
    {
        if (task.Kind is not (TaskKind.Material or TaskKind.Indicator))
        {
            return null;
        }

        if (task.Quotas.Count > 0)
        {
            return "由配额所列地区报送，各由其上一级审核";
        }

        var level = task.Kind == TaskKind.Material ? Materials.MaterialTasks.SubmitterLevel(task, jurisdictionLevel) : task.SubmittedBy ?? jurisdictionLevel;
        var who = level == jurisdictionLevel ? $"由{LevelName(level)}（本级）报送"
            : "由各" + (level switch { RegionLevel.City => "市", RegionLevel.County => "县（市、区）", _ => LevelName(level) + "地区" }) + "报送";
        return level > RegionLevel.Province ? $"{who}，{LevelName(level - 1)}审核" : who;
    }

    /// <summary>"；逐年层级递进：银牌须此前年度已获铜牌、金牌须此前年度已获银牌", or nothing when no tier requires the one below.</summary>
    public static string Progression(Honour h)
    {
        var steps = h.Tiers.Select((t, i) => (Tier: t, Below: i > 0 ? h.Tiers[i - 1] : null)).Where(x => x.Tier.RequiresTierBelow && x.Below is not null)
            .Select(x => $"{x.Tier.Name}须此前年度已获{x.Below!.Name}").ToList();
        return steps.Count == 0 ? "" : "；逐年层级递进：" + string.Join("、", steps);
    }

    public static string LedgerText(LedgerMeasure m)
    {
        var ledger = LedgerCatalog.Find(m.Ledger);
        var title = ledger?.Title ?? m.Ledger;
        var field = m.Field is null ? null : ledger?.Fields.FirstOrDefault(f => f.Key == m.Field)?.Header ?? m.Field;
        return field is null ? $"“{title}”的行" : $"“{title}”中{field}为“{m.Value}”的行";
    }

    /// <summary>Who holds the quota: a level's every region, a named region, or a unit of a region.</summary>
    public static string Scope(Quota q, Func<string, string>? regionName = null, Func<string, string, string>? unitName = null)
    {
        if (q.Level is { } level && Enum.TryParse<RegionLevel>(level, out var l))
        {
            return "每个" + l switch { RegionLevel.Province => "省", RegionLevel.City => "市", RegionLevel.County => "县（市、区）", _ => "乡镇" };
        }

        var name = q.Region is null ? "" : regionName?.Invoke(q.Region) ?? q.Region;
        return q.MemberUnit is null ? name : $"{name}{(q.Region is { } code && unitName is not null ? unitName(code, q.MemberUnit) : q.MemberUnit)}";
    }

    public static string Period(Quota q) => q.Per switch
    {
        QuotaPeriod.Year => "每年",
        QuotaPeriod.Period => "规划期内",
        _ => string.Join("、", q.Years) + " 年合计",
    };

    /// <summary>The tier's name (金牌) as the task's honour gives it, or its id when the honour has no such tier.</summary>
    public static string TierName(RuleTask task, string tier) => task.Honour?.Tiers.FirstOrDefault(t => t.Id == tier)?.Name ?? tier;

    /// <summary>The requirement, e.g. "≥ 2 名且 ≤ 2 名", "10 名左右", "比例 ≥ 80%"; a tier's quota names the tier (by the task's honour when given).</summary>
    public static string Requirement(Quota q, RuleTask? task = null)
    {
        var tier = q.Tier is null ? "" : $"（{(task is null ? q.Tier : TierName(task, q.Tier))}）";
        if (q.Share is { } share)
        {
            return $"比例 ≥ {(share * 100).ToString("0.#", CultureInfo.InvariantCulture)}%{tier}";
        }

        if (q.Approximate && q.Min is { } target && (q.Max is null || q.Max == target))
        {
            return $"{target} {q.Unit}左右{tier}";
        }

        return (q.Min, q.Max) switch
        {
            ({ } min, { } max) when min == max => $"{min} {q.Unit}{tier}",
            ({ } min, { } max) => $"{min}–{max} {q.Unit}{(q.Approximate ? "左右" : "")}{tier}",
            ({ } min, null) => $"≥ {min} {q.Unit}{tier}",
            (null, { } max) => $"≤ {max} {q.Unit}{tier}",
            _ => tier,
        };
    }

    /// <summary>The register a coverage target counts, e.g. "大中型企业名录".</summary>
    public static string UnitsName(CoverageUnits units) => units switch
    {
        CoverageUnits.LargeMediumEnterprises => "大中型企业名录",
        CoverageUnits.TownsAndParks => "乡镇（街道）、园区名录",
        _ => "成员单位",
    };

    /// <summary>A coverage target's requirement, e.g. "大中型企业名录 每个单位至少 1 名，期限 2023-12-31".</summary>
    public static string CoverageRequirement(CoverageTarget t) =>
        $"{UnitsName(t.Units)}{(t.Share < 1 ? $" {(t.Share * 100).ToString("0.#", CultureInfo.InvariantCulture)}% 以上的单位" : " 每个单位")}至少 {t.MinCoordinators} 名，期限 {t.Deadline:yyyy-MM-dd}";

    /// <summary>A criterion as a short condition: "学历 ≥ 大专", "持证协调员人数 ≥ 3 人", or the attested text.</summary>
    public static string Condition(Criterion c, RuleSet? set = null)
    {
        var years = (c.FromYear, c.ToYear) switch
        {
            (null, null) => "",
            ({ } f, null) => $"（{f} 年起）",
            (null, { } t) => $"（至 {t} 年）",
            ({ } f, { } t) when f == t => $"（{f} 年）",
            ({ } f, { } t) => $"（{f}–{t} 年）",
        };
        if (c.Test is not { } test)
        {
            return $"{c.Text}（需审核确认）{years}";
        }

        if (HonourFacts.IsHonour(test.Fact))
        {
            return HonourFacts.Describe(test, set) + years;
        }

        var label = FactLabel(test.Fact);
        var unit = LedgerFacts.Unit(test.Fact);
        return test.Operator switch
        {
            TestOperator.IsFalse => $"{label}：否",
            TestOperator.AtLeast => $"{label} ≥ {test.Value}{unit}",
            TestOperator.AtMost => $"{label} ≤ {test.Value}{unit}",
            TestOperator.IsTrue => label,
            _ => $"近 {test.Value} 年内无{label}",
        } + years;
    }

    /// <summary>The Chinese name of a ledger fact criteria test.</summary>
    public static string FactLabel(string fact) => LedgerFacts.Label(fact);

    public static string Deadline(Deadline d) =>
        $"{d.Date:yyyy-MM-dd}（{StepName(d.Step)}{(d.Ledger is { } l ? "·" + (LedgerCatalog.Find(l)?.Title ?? l) : "")}{(d.Batch is { } b ? $"·第 {b} 批" : "")}）{d.What}";
}
