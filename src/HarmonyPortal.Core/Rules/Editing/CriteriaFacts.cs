using System.Globalization;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>How a fact is compared: the operators offered and what kind of value each takes.</summary>
public enum CriteriaValueKind
{
    /// <summary>No value (是).</summary>
    None,

    /// <summary>A level picked from a list (学历, 技能等级).</summary>
    Level,

    /// <summary>A percentage, 0–100 (调解成功率).</summary>
    Percent,

    /// <summary>A whole number of people, at least 1 (持证协调员人数).</summary>
    Count,

    /// <summary>A whole number of years, 1–100 (N 年内无记录).</summary>
    Years,

    /// <summary>A whole number of earlier years looked at, 1–100, or nothing for any earlier year (此前获得称号).</summary>
    OptionalYears,
}

/// <summary>A comparison offered for a fact: its operator, its wording (不低于, 年内无记录 …) and its value.</summary>
public sealed record CriteriaComparison(TestOperator Operator, string Label, CriteriaValueKind ValueKind);

/// <summary>A ledger fact an automatic test may read, as the editor offers it: its Chinese name, comparisons and levels.</summary>
public sealed record CriteriaFact(string Key, string Label, IReadOnlyList<CriteriaComparison> Comparisons, IReadOnlyList<string> Levels)
{
    public CriteriaComparison? Comparison(TestOperator op) => Comparisons.FirstOrDefault(c => c.Operator == op);
}

/// <summary>
/// The facts of a gold category's ledger (<see cref="LedgerFacts"/>) with what the editor offers for each, and the
/// plain Chinese reading of a test ("学历不低于大专").
/// </summary>
public static class CriteriaFacts
{
    /// <summary>The operator as written in a form and in the rule file.</summary>
    public static string OperatorKey(TestOperator op) => op switch
    {
        TestOperator.AtLeast => "atLeast",
        TestOperator.AtMost => "atMost",
        TestOperator.IsTrue => "isTrue",
        TestOperator.IsFalse => "isFalse",
        TestOperator.Held => "held",
        TestOperator.NotHeld => "notHeld",
        _ => "noneWithinYears",
    };

    public static TestOperator? ParseOperator(string? text) => text switch
    {
        "atLeast" => TestOperator.AtLeast,
        "atMost" => TestOperator.AtMost,
        "isTrue" => TestOperator.IsTrue,
        "noneWithinYears" => TestOperator.NoneWithinYears,
        "isFalse" => TestOperator.IsFalse,
        "held" => TestOperator.Held,
        "notHeld" => TestOperator.NotHeld,
        _ => null,
    };

    /// <summary>The ledger whose rows are nominated for the category in this plan.</summary>
    public static ILedgerDefinition? LedgerOf(RuleSet set, GoldCategory category) =>
        LedgerCatalog.Find(set.HonourTask(category)?.Honour?.Ledger ?? TaskKinds.LedgerOf(category));

    /// <summary>The facts the category's ledger has, in the order of <see cref="LedgerFacts.Known"/>.</summary>
    public static IReadOnlyList<CriteriaFact> For(RuleSet set, GoldCategory category)
    {
        var row = LedgerOf(set, category)?.NewRow();
        return row is null ? [] : [.. LedgerFacts.Known.Where(key => LedgerFacts.Of(row, key) is not null).Select(key => Describe(key, LedgerFacts.Of(row, key)!)), .. Honours(set, category)];
    }

    /// <summary>
    /// The honours a criterion of the category may ask held (or not) in an earlier year: the category's own title, and each
    /// tier of it the plan names; the same person or organisation, so of the category's ledger only.
    /// </summary>
    public static IReadOnlyList<CriteriaFact> Honours(RuleSet set, GoldCategory category)
    {
        CriteriaComparison[] comparisons = [new(TestOperator.Held, "此前年度已获该称号", CriteriaValueKind.OptionalYears), new(TestOperator.NotHeld, "此前年度未获该称号", CriteriaValueKind.OptionalYears)];
        var tiers = set.HonourTask(category)?.Honour?.Tiers ?? [];
        return [new CriteriaFact(HonourFacts.Key(category, null), "曾获称号：" + HonourFacts.Label(HonourFacts.Key(category, null), set), comparisons, []),
            .. tiers.Select(t => new CriteriaFact(HonourFacts.Key(category, t.Id), "曾获称号：" + HonourFacts.Label(HonourFacts.Key(category, t.Id), set), comparisons, []))];
    }

    /// <summary>The fact's Chinese name, read off any ledger that has it; the key itself when none does.</summary>
    public static string Label(string key) => LedgerFacts.Label(key);

    /// <summary>The short name of the category used in messages: "“调解成功率”不是金牌协调员台账的字段".</summary>
    public static string CategoryShortName(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "金牌协调员",
        GoldCategory.SocialOrganization => "金牌社会组织",
        _ => "金牌调解组织",
    };

    /// <summary>The test in words: "学历不低于大专", "调解成功率不低于 65%", "近 3 年内无违法违规和信用惩戒记录", "依法登记（有统一社会信用代码）".</summary>
    public static string Describe(CriterionTest test, RuleSet? set = null)
    {
        if (HonourFacts.IsHonour(test.Fact))
        {
            return HonourFacts.Describe(test, set);
        }

        var label = Label(test.Fact);
        return test.Operator switch
        {
            TestOperator.IsTrue => label,
            TestOperator.IsFalse => $"{label}：否",
            TestOperator.NoneWithinYears => $"近 {test.Value} 年内无{label}",
            _ => $"{label}{(test.Operator == TestOperator.AtLeast ? AtLeastWord(test.Fact) : AtMostWord(test.Fact))}{Spaced(test.Value)}{LedgerFacts.Unit(test.Fact).Trim()}",
        };
    }

    private static string Spaced(string? value) =>
        value is not null && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? $" {value}" : value ?? "";

    private static string AtLeastWord(string fact) => fact == "CertifiedCoordinators" ? "不少于" : "不低于";

    private static string AtMostWord(string fact) => fact == "CertifiedCoordinators" ? "不多于" : "不高于";

    private static CriteriaFact Describe(string key, Fact sample) => key switch
    {
        "Education" => Levels(key, sample.Label, Labels.All<Education>()),
        "SkillLevel" => Levels(key, sample.Label, Labels.All<SkillLevel>()),
        "SuccessRate" => new CriteriaFact(key, sample.Label, [new(TestOperator.AtLeast, "不低于（%）", CriteriaValueKind.Percent)], []),
        "CertifiedCoordinators" => new CriteriaFact(key, sample.Label, [new(TestOperator.AtLeast, "不少于（人）", CriteriaValueKind.Count)], []),
        "ViolationOrPunishment" => new CriteriaFact(key, sample.Label, [new(TestOperator.NoneWithinYears, "若干年内无记录", CriteriaValueKind.Years)], []),
        _ when sample.Flag is not null => new CriteriaFact(key, sample.Label, [new(TestOperator.IsTrue, "是", CriteriaValueKind.None), new(TestOperator.IsFalse, "否", CriteriaValueKind.None)], []),
        _ => new CriteriaFact(key, sample.Label, [new(TestOperator.AtLeast, "不低于", CriteriaValueKind.Count)], []),
    };

    private static CriteriaFact Levels(string key, string label, IReadOnlyList<string> levels) =>
        new(key, label, [new(TestOperator.AtLeast, "不低于", CriteriaValueKind.Level), new(TestOperator.AtMost, "不高于", CriteriaValueKind.Level)], levels);
}
