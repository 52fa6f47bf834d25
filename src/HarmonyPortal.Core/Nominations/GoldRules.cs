using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// The rules a region's nominations of a category answer to in a year: the criteria in force of the nearest plan
/// that defines them (with the version, so verdicts can name it), and the honour task conferring the category,
/// found by its kind, with its quotas, deadlines and selecting level.
/// </summary>
public sealed record GoldRules(RuleSet? CriteriaSet, RuleSetVersion? CriteriaVersion, RuleTask? Task, RuleSet? TaskSet, int Year = 0)
{
    /// <summary>The category's criteria in force in the year, or null when no plan up the chain sets any.</summary>
    public CriterionNode? Criteria(GoldCategory category) => CriteriaSet?.CriteriaFor(category, Year);

    /// <summary>
    /// The criteria a nominee of <paramref name="tier"/> answers to: the category's, plus the tier below held in an earlier
    /// year when the honour's tier requires it (<see cref="TierProgression"/>).
    /// </summary>
    public CriterionNode? Criteria(GoldCategory category, string? tier) =>
        TierProgression.With(Criteria(category), Task?.Honour is { } honour ? TierProgression.Requirement(honour, category, tier, HonourId) : null);

    /// <summary>The gold category the rules were looked up for, or <see cref="OfficeHonour.Category"/>.</summary>
    public GoldCategory Category { get; init; }

    /// <summary>The office-defined honour task's id, or "" for a gold category.</summary>
    public string HonourId { get; init; } = "";

    /// <summary>The title shown on pages and printed forms: the plan's title of an office-defined honour, else the category's name.</summary>
    public string Title => OfficeHonour.Is(HonourId) ? Task?.Honour?.Title ?? HonourId : CategoryName(Category);

    /// <summary>
    /// The ledger whose rows are nominated: the honour's ledger in the plan for an office-defined honour (none when no plan up
    /// the chain defines the task any more: the page is then not found), else the category's.
    /// </summary>
    public ILedgerDefinition LedgerDefinition => OfficeHonour.Is(HonourId)
        ? (Task?.Honour?.Ledger is { } ledger ? LedgerCatalog.Find(ledger) : null) ?? throw new Core.Scope.OutOfScopeException()
        : Ledger(Category);

    /// <summary>The plan a nominee's verdict answers to: the criteria's, or the honour task's when only its tier progression applies.</summary>
    public RuleSet? VerdictSet => CriteriaSet ?? TaskSet;

    /// <summary>The stored version of <see cref="VerdictSet"/>, which a recorded verdict names.</summary>
    public RuleSetVersion? VerdictVersion => CriteriaVersion ?? Chain.FirstOrDefault(c => ReferenceEquals(c.Set, TaskSet)).Version;

    /// <summary>The tiers a nominee may be recommended for (the honour's, lowest first); none when the honour has no tiers.</summary>
    public IReadOnlyList<HonourTier> Tiers => Task?.Honour?.Tiers ?? [];

    /// <summary>Whether the criteria come from a plan of a level above (the nearest plan sets none and inherits them).</summary>
    public bool CriteriaInherited { get; init; }

    /// <summary>Says where inherited criteria come from: "选树条件依照《…》（上级规划）"; null for the plan's own criteria.</summary>
    public string? CriteriaSourceNote => CriteriaInherited && CriteriaSet is { } set ? InheritedNote(set) : null;

    /// <summary>What the sheet, the nominee page and the printed form say when no plan up the chain sets criteria for the category.</summary>
    public const string NoCriteriaWarning = "本级及上级规划均未规定该类别的选树条件，推荐未经条件检查";

    public static string InheritedNote(RuleSet set) => $"选树条件依照《{set.Name}》（上级规划）";

    /// <summary>
    /// Set when no plan up the region's chain defines the honour and the region acts on it as the plan of a region below
    /// defines it (the level that plan names to select and publish): that region's name. 唐山市 has no plan; 唐山高新区's
    /// plan has the city select and publish its gold titles.
    /// </summary>
    public string? TaskFrom { get; init; }

    /// <summary>What the pages say when the honour comes from a plan below: "本级未制定规划：…依照下级规划…".</summary>
    public string? TaskFromNote => TaskFrom is { } from && TaskSet is { } set ? BelowNote(from, set, Task!.Honour!.SelectingLevel) : null;

    public static string BelowNote(string region, RuleSet set, RegionLevel level) =>
        $"本级未制定规划：依照下级规划《{set.Name}》（{region}，{set.PeriodText}），本类别由本级（{level.ToChinese()}）择优选树并发布名单；配额和报送期限按该规划对{region}的规定。";

    /// <summary>The level that selects and publishes the category: the honour's, or the province when no plan says.</summary>
    public RegionLevel SelectingLevel => Task?.Honour?.SelectingLevel ?? RegionLevel.Province;

    /// <summary>The batches of the year the rule set names, or none (batch 0) when it has no batches.</summary>
    public IReadOnlyList<int> Batches(int year) =>
        Task?.Deadlines.Where(d => d.Year == year && d.Batch is > 0).Select(d => d.Batch!.Value).Distinct().Order().ToList() is { Count: > 0 } batches ? batches : [0];

    /// <summary>The plans governing the year up the region chain (leaf first), where step deadlines are looked for.</summary>
    public IReadOnlyList<(RuleSet Set, RuleSetVersion Version)> Chain { get; init; } = [];

    /// <summary>
    /// The deadline of a step for the year (or batch): from the honour task of the nearest plan up the chain that sets
    /// one and governs the year (a plan continuing after its period sets no dated deadline); a plan that does not
    /// inherit deadlines stops the walk. Null when none does: the page then says <see cref="SheetEvaluator.NoDeadline"/>.
    /// </summary>
    public Deadline? DeadlineOf(GoldCategory category, DeadlineStep step, int? batch)
    {
        foreach (var (set, version) in Chain)
        {
            if (version.Governs(Year) && set.HonourTask(category, HonourId) is { } task && SheetEvaluator.DeadlineOf(task, step, Year, batch) is { } found)
            {
                return found;
            }

            if (!set.Inherits.Deadlines)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The ledger whose rows can be nominated for the category.</summary>
    public static ILedgerDefinition Ledger(GoldCategory category) => LedgerCatalog.Find(TaskKinds.LedgerOf(category))!;

    public static string CategoryName(GoldCategory category) => EligibilityCard.CategoryName(category);

    public static string BatchName(int batch) => batch == 0 ? "" : $"第 {batch} 批";

    /// <summary>What the pages say when a city or county confers the honour itself; null when the province does (the default).</summary>
    public static string? SelectingNote(RegionLevel level) => level switch
    {
        RegionLevel.City => "本类别由市级择优选树并发布名单，发布即报省；省级查看各市已发布的名单，不再择优。",
        RegionLevel.County => "本类别由县级择优选树并发布名单，发布即报市；上级查看已发布的名单，不再择优。",
        _ => null,
    };
}
