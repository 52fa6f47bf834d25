using System.Globalization;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// An honour a criterion refers to: a gold category's title, optionally one tier of it (by the tier's id); or, with
/// <paramref name="HonourTaskId"/>, an office-defined honour (<see cref="OfficeHonour"/>, category −1) and one of its tiers.
/// </summary>
public sealed record HonourReference(GoldCategory Category, string? Tier, string HonourTaskId = "");

/// <summary>
/// The facts of "held an honour in an earlier year" criteria, written "honour:&lt;category&gt;[:&lt;tier id&gt;]" in a rule file
/// ("honour:coordinator", "honour:coordinator:tier2"). The category is the key the file's criteria use (coordinator,
/// socialOrganization, mediationOrganization): an honour is held by the same person or organisation, so it is one of
/// the category's own ledger.
/// </summary>
public static class HonourFacts
{
    public const string Prefix = "honour:";

    public static bool IsHonour(string fact) => fact.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The reference a fact names, or null when it is not an honour fact or names no known category.</summary>
    public static HonourReference? Parse(string fact)
    {
        if (!IsHonour(fact))
        {
            return null;
        }

        if (OfficeHonourFacts.Parse(fact) is { } office)
        {
            return office;
        }

        var parts = fact[Prefix.Length..].Split(':');
        return parts.Length is 1 or 2 && CategoryOf(parts[0]) is { } category && (parts.Length == 1 || parts[1].Length > 0)
            ? new HonourReference(category, parts.Length == 2 ? parts[1] : null)
            : null;
    }

    public static string Key(GoldCategory category, string? tier) => Prefix + CategoryKey(category) + (tier is null ? "" : ":" + tier);

    public static string CategoryKey(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "coordinator",
        GoldCategory.SocialOrganization => "socialOrganization",
        _ => "mediationOrganization",
    };

    public static GoldCategory? CategoryOf(string key) => key switch
    {
        "coordinator" => GoldCategory.Coordinator,
        "socialOrganization" => GoldCategory.SocialOrganization,
        "mediationOrganization" => GoldCategory.MediationOrganization,
        _ => null,
    };

    /// <summary>The tier's name in the plan (its honour task of the category), or the id when the plan names no such tier.</summary>
    public static string TierName(RuleSet? set, GoldCategory category, string tier) =>
        set?.HonourTask(category)?.Honour?.Tiers.FirstOrDefault(t => t.Id == tier)?.Name ?? tier;

    /// <summary>The honour's Chinese name: "金牌劳动关系协调员（银牌）"; the plan names the title and the tier when it has them.</summary>
    public static string Label(string fact, RuleSet? set = null)
    {
        if (Parse(fact) is not { } honour)
        {
            return fact;
        }

        var task = set?.HonourTask(honour.Category, honour.HonourTaskId)?.Honour;
        var title = task?.Title ?? (OfficeHonour.Is(honour.HonourTaskId) ? honour.HonourTaskId : TaskKinds.TitleOf(honour.Category));
        return honour.Tier is { } tier ? $"{title}（{TierProgression.TierName(task, tier)}）" : title;
    }

    /// <summary>The earlier years a test looks at, in words: "2025年及以前", "2025年", "2023–2025年".</summary>
    public static string Window(int year, int? withinYears) => withinYears switch
    {
        null => $"{year - 1}年及以前",
        1 => $"{year - 1}年",
        { } n => $"{year - n}–{year - 1}年",
    };

    /// <summary>The test in words: "此前年度获“金牌劳动关系协调员（银牌）”称号", "近 3 年内未获“…”称号".</summary>
    public static string Describe(CriterionTest test, RuleSet? set = null)
    {
        var label = Label(test.Fact, set);
        var within = test.Value is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? $"近 {n} 年内" : "此前年度";
        return test.Operator == TestOperator.NotHeld ? $"{within}未获“{label}”称号" : $"{within}已获“{label}”称号";
    }
}
