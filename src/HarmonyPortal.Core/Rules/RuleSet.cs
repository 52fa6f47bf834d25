namespace HarmonyPortal.Core.Rules;

/// <summary>
/// The rules of one jurisdiction (a province or a city) for one plan period: its tasks with lead and
/// participating parties, quotas and deadlines, and the criteria of each gold category. Offices edit
/// these as data; code only evaluates and explains them.
/// </summary>
public sealed record RuleSet(
    string Jurisdiction,
    string Name,
    string Source,
    int FromYear,
    int ToYear,
    IReadOnlyList<RuleTask> Tasks,
    IReadOnlyDictionary<GoldCategory, CriterionNode> Criteria,
    IReadOnlyList<string> Notes)
{
    /// <summary>Coverage targets (配备覆盖目标); optional, so versions stored before they existed stay valid.</summary>
    public IReadOnlyList<CoverageTarget> CoverageTargets { get; init; } = [];
}

/// <summary>
/// Every unit of a kind in a region (each large or medium enterprise, each town, street and park) to have at
/// least <see cref="MinCoordinators"/> serving labour-relations coordinators by <see cref="Deadline"/>.
/// </summary>
public sealed record CoverageTarget(string Id, string Name, CoverageUnits Units, int MinCoordinators, DateOnly Deadline, string Clause);

/// <summary>The register a coverage target counts.</summary>
public enum CoverageUnits
{
    /// <summary>大中型企业名录.</summary>
    LargeMediumEnterprises,

    /// <summary>乡镇（街道）、园区名录.</summary>
    TownsAndParks,
}

public sealed record RuleTask(string Id, string Name, string Lead, IReadOnlyList<string> Participants, IReadOnlyList<Quota> Quotas, IReadOnlyList<Deadline> Deadlines);

/// <summary>A quota for every region of a level, or for one named region or bureau; per year or for the whole period.</summary>
public sealed record Quota(string? Level, string? Region, QuotaPeriod Per, int? Min, int? Max, string Unit, decimal? Share, string? Note);

public enum QuotaPeriod
{
    Year,
    Period,
}

public sealed record Deadline(int? Year, int? Batch, DateOnly Date, string What);

/// <summary>The three gold categories (金牌选树).</summary>
public enum GoldCategory
{
    Coordinator,
    SocialOrganization,
    MediationOrganization,
}

/// <summary>A criterion or a group of criteria ("all of" / "any one of").</summary>
public abstract record CriterionNode;

public sealed record CriterionGroup(GroupKind Kind, string? Text, IReadOnlyList<CriterionNode> Members) : CriterionNode;

public enum GroupKind
{
    All,
    Any,
}

/// <summary>
/// One criterion in the seed's own words. Automatic criteria carry a test over ledger facts; attested
/// ones are confirmed by a reviewer with evidence.
/// </summary>
public sealed record Criterion(string Id, string Text, string Clause, CriterionTest? Test) : CriterionNode
{
    public bool IsAutomatic => Test is not null;
}

/// <summary>A predicate over one fact of a ledger row: at least, at most, true, or no record within N years.</summary>
public sealed record CriterionTest(string Fact, TestOperator Operator, string? Value);

public enum TestOperator
{
    AtLeast,
    AtMost,
    IsTrue,
    NoneWithinYears,
}
