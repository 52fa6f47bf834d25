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

    /// <summary>The notice's document number (文号), e.g. 晋人社厅发〔2021〕53号.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The units that issued the notice, as they sign it.</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>What this plan takes from the plan of the level above where it states nothing itself.</summary>
    public Inheritance Inherits { get; init; } = Inheritance.Everything;

    /// <summary>The plan period as shown to users, e.g. "2021–2023 年".</summary>
    public string PeriodText => FromYear == ToYear ? $"{FromYear} 年" : $"{FromYear}–{ToYear} 年";

    /// <summary>Whether <paramref name="year"/> lies in the plan period.</summary>
    public bool Governs(int year) => year >= FromYear && year <= ToYear;

    /// <summary>The category's criteria in force in <paramref name="year"/> (members effective in other years dropped), or null.</summary>
    public CriterionNode? CriteriaFor(GoldCategory category, int year) =>
        Criteria.GetValueOrDefault(category) is { } node ? CriteriaYears.InForce(node, year) : null;

    /// <summary>The honour task conferring the category, found by its kind (not by a fixed id).</summary>
    public RuleTask? HonourTask(GoldCategory category) =>
        Tasks.FirstOrDefault(t => t.Kind == TaskKind.Honour && t.Honour?.Category == category);

    /// <summary>The honour task of a gold category, or (<paramref name="honourTaskId"/> given) the office-defined honour task with that id.</summary>
    public RuleTask? HonourTask(GoldCategory category, string? honourTaskId) =>
        OfficeHonour.Is(honourTaskId) ? OfficeHonour.Of(this).FirstOrDefault(t => t.Id == honourTaskId) : HonourTask(category);
}

/// <summary>
/// Which parts a plan inherits from the plan of the level above when it states none itself: criteria set by the
/// province, quotas and deadlines set by the city for the levels below it.
/// </summary>
public sealed record Inheritance(bool Criteria, bool Quotas, bool Deadlines)
{
    public static Inheritance Everything { get; } = new(true, true, true);
}

/// <summary>
/// Every unit of a kind in a region (each large or medium enterprise, each town, street and park) to have at
/// least <see cref="MinCoordinators"/> serving labour-relations coordinators by <see cref="Deadline"/>.
/// </summary>
public sealed record CoverageTarget(string Id, string Name, CoverageUnits Units, int MinCoordinators, DateOnly Deadline, string Clause)
{
    /// <summary>The share of the units that must be covered: 1 for "each", 0.5 for "大多数" (more than half).</summary>
    public decimal Share { get; init; } = 1m;
}

/// <summary>The register a coverage target counts.</summary>
public enum CoverageUnits
{
    /// <summary>大中型企业名录.</summary>
    LargeMediumEnterprises,

    /// <summary>乡镇（街道）、园区名录.</summary>
    TownsAndParks,

    /// <summary>The office's member units (人社、工会、工商联 each to have a coordinator).</summary>
    MemberUnits,
}

public sealed record RuleTask(string Id, string Name, string Lead, IReadOnlyList<string> Participants, IReadOnlyList<Quota> Quotas, IReadOnlyList<Deadline> Deadlines)
{
    /// <summary>How the engine measures the task; files written before kinds existed are read by <see cref="TaskKinds.Infer"/>.</summary>
    public TaskKind Kind { get; init; } = TaskKind.DisplayOnly;

    /// <summary>For <see cref="TaskKind.Honour"/>: the title conferred, over which ledger, by which level.</summary>
    public Honour? Honour { get; init; }

    /// <summary>For ledger counts and shares: the ledger and the optional filter (a field's value).</summary>
    public LedgerMeasure? Measure { get; init; }

    /// <summary>For <see cref="TaskKind.Indicator"/>: what the office reports as a number.</summary>
    public Indicator? Indicator { get; init; }

    /// <summary>For <see cref="TaskKind.Material"/>: the kind of material submitted.</summary>
    public MaterialKind? Material { get; init; }

    /// <summary>
    /// For materials and indicators without quotas: the level whose offices submit (赣州's 总结 is the city's own);
    /// null means the level below the plan's jurisdiction for a material, the jurisdiction itself for an indicator.
    /// </summary>
    public Regions.RegionLevel? SubmittedBy { get; init; }

    /// <summary>For <see cref="TaskKind.DisplayOnly"/>: why the portal shows the task without counting it.</summary>
    public string? DisplayReason { get; init; }

    /// <summary>Where the notice says it, e.g. "任务明细表 1".</summary>
    public string? Clause { get; init; }

    /// <summary>The deadlines of one step (submission to the city, report to the province, publication, a ledger's report).</summary>
    public IEnumerable<Deadline> DeadlinesOf(DeadlineStep step) => Deadlines.Where(d => d.Step == step || (d.Step == DeadlineStep.Any && step is DeadlineStep.Submit or DeadlineStep.Report));
}

/// <summary>What a task asks for, and so how the portal measures it.</summary>
public enum TaskKind
{
    /// <summary>A title conferred on rows of one ledger (the three gold categories, 培育达标企业典型 …), optionally in tiers.</summary>
    Honour,

    /// <summary>Rows of a ledger in the scope, optionally those with a field's value (指引类别 = 国企市场化薪酬).</summary>
    LedgerCount,

    /// <summary>The share of a ledger's rows that have a field's value (80% 培育企业达标).</summary>
    LedgerShare,

    /// <summary>Coordinators serving each unit of a register (大中型企业, 乡镇园区, 成员单位).</summary>
    Coverage,

    /// <summary>A number the office reports with evidence (年培训人数, 薪酬数据反馈比例).</summary>
    Indicator,

    /// <summary>A material to submit (总结材料, 专题情况报告, 经验做法, 典型案例).</summary>
    Material,

    /// <summary>Shown on the rules page, not counted; <see cref="RuleTask.DisplayReason"/> says why.</summary>
    DisplayOnly,
}

/// <summary>
/// A title an office confers: one of the three gold categories or any other over one ledger. The selecting level
/// selects and publishes; the levels below recommend, the levels above see the published list.
/// </summary>
public sealed record Honour(GoldCategory? Category, string Title, string Ledger, Regions.RegionLevel SelectingLevel, IReadOnlyList<HonourTier> Tiers);

/// <summary>A tier of an honour (铜牌, 银牌, 金牌); a tier may require the tier below held in an earlier year (逐年层级递进).</summary>
public sealed record HonourTier(string Id, string Name, bool RequiresTierBelow);

/// <summary>A ledger's rows, optionally only those whose field (its key) holds a value (its label or text).</summary>
public sealed record LedgerMeasure(string Ledger, string? Field, string? Value)
{
    public bool Filtered => Field is not null;
}

/// <summary>A figure an office reports for a year, with its unit (人, %, 户).</summary>
public sealed record Indicator(string Label, string Unit);

public enum MaterialKind
{
    /// <summary>总结材料.</summary>
    Summary,

    /// <summary>专题情况报告.</summary>
    TopicReport,

    /// <summary>经验做法.</summary>
    Experience,

    /// <summary>典型案例.</summary>
    TypicalCase,
}

/// <summary>
/// A quota for every region of a level, for one named region, or for a member unit of a region; per year, for the
/// whole plan, or for named years; a minimum, a maximum or a share.
/// </summary>
public sealed record Quota(string? Level, string? Region, QuotaPeriod Per, int? Min, int? Max, string Unit, decimal? Share, string? Note)
{
    /// <summary>The member unit of <see cref="Region"/> that holds the quota (市总工会), or null for the region's office.</summary>
    public string? MemberUnit { get; init; }

    /// <summary>For <see cref="QuotaPeriod.Years"/>: the years the quota counts.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>The tier of a tiered honour the quota counts, or null for all.</summary>
    public string? Tier { get; init; }

    /// <summary>"左右": the number is a target; falling short or passing it warns but never blocks.</summary>
    public bool Approximate { get; init; }
}

public enum QuotaPeriod
{
    /// <summary>Each year of the plan.</summary>
    Year,

    /// <summary>The whole plan period.</summary>
    Period,

    /// <summary>The named years together.</summary>
    Years,
}

/// <summary>A date by which one step of a task is due, for a year or a batch.</summary>
public sealed record Deadline(int? Year, int? Batch, DateOnly Date, string What)
{
    /// <summary>Which step is due; <see cref="DeadlineStep.Any"/> (files before steps existed) serves both submission and report.</summary>
    public DeadlineStep Step { get; init; } = DeadlineStep.Any;

    /// <summary>For <see cref="DeadlineStep.Ledger"/>: the ledger reported.</summary>
    public string? Ledger { get; init; }
}

public enum DeadlineStep
{
    /// <summary>Read from files without a step: serves both submission and report.</summary>
    Any,

    /// <summary>The county submits to the city (推荐报市).</summary>
    Submit,

    /// <summary>The city reports to the province (报省), or the level below the selecting level reports to it.</summary>
    Report,

    /// <summary>The selecting level selects and publishes.</summary>
    Publish,

    /// <summary>A ledger is reported upward (台账报送).</summary>
    Ledger,
}

/// <summary>The three gold categories (金牌选树).</summary>
public enum GoldCategory
{
    Coordinator,
    SocialOrganization,
    MediationOrganization,
}

/// <summary>A criterion or a group of criteria ("all of" / "any one of"), in force from and to a year when given.</summary>
public abstract record CriterionNode
{
    public int? FromYear { get; init; }

    public int? ToYear { get; init; }

    public bool InForce(int year) => (FromYear is null || year >= FromYear) && (ToYear is null || year <= ToYear);
}

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

/// <summary>
/// A predicate over one fact of a ledger row: at least, at most, true, false, or no record within N years; or, for an
/// honour fact ("honour:coordinator:tier2", <see cref="HonourFacts"/>), the honour held (or not) in an earlier year,
/// within <see cref="Value"/> years when given.
/// </summary>
public sealed record CriterionTest(string Fact, TestOperator Operator, string? Value);

public enum TestOperator
{
    AtLeast,
    AtMost,
    IsTrue,
    NoneWithinYears,

    /// <summary>The flag is "否".</summary>
    IsFalse,

    /// <summary>The honour was on a published list in an earlier year (within N years when a value is given).</summary>
    Held,

    /// <summary>The honour was on no published list in an earlier year (within N years when a value is given).</summary>
    NotHeld,
}
