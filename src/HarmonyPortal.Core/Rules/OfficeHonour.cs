namespace HarmonyPortal.Core.Rules;

/// <summary>
/// An honour an office defines beyond the three gold categories (山西's 培育达标企业典型, 岳阳's 培育达标典型): a nomination
/// or sheet of one stores <see cref="Category"/>, which no gold category equals, and the honour task's id; its title, ledger
/// and selecting level come from the plan governing the year (ADR 0026).
/// </summary>
public static class OfficeHonour
{
    /// <summary>The category stored for an office-defined honour: outside the three, so every query of a gold category skips it.</summary>
    public const GoldCategory Category = (GoldCategory)(-1);

    /// <summary>The longest honour task id a nomination stores (a task id of the plan).</summary>
    public const int MaxIdLength = RuleSetReader.MaxIdLength;

    /// <summary>Whether the key names an office-defined honour (a task id) rather than a gold category.</summary>
    public static bool Is(string? honourTaskId) => !string.IsNullOrEmpty(honourTaskId);

    /// <summary>The stored category of a key: the gold category, or <see cref="Category"/> when a task id is given.</summary>
    public static GoldCategory CategoryOf(GoldCategory category, string? honourTaskId) => Is(honourTaskId) ? Category : category;

    /// <summary>The plan's honours without a gold category, in plan order.</summary>
    public static IEnumerable<RuleTask> Of(RuleSet set) => set.Tasks.Where(t => t.Kind == TaskKind.Honour && t.Honour is { Category: null });
}
