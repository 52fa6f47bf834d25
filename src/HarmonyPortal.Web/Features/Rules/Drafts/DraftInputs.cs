using System.Globalization;
using FluentValidation;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>The new-plan form: which jurisdiction, which period, how to start.</summary>
public sealed class NewPlanInput
{
    public int RegionId { get; set; }

    public int? FromYear { get; set; }

    public int? ToYear { get; set; }

    public string? Name { get; set; }

    public DraftStart Start { get; set; } = DraftStart.CopyPlan;

    public int? SourceVersionId { get; set; }
}

/// <summary>The plan's basic facts: name, source, 文号, issuing units, period end, inheritance, notes.</summary>
public sealed class BasicsInput
{
    public string? Name { get; set; }

    public string? Source { get; set; }

    public string? DocumentNumber { get; set; }

    /// <summary>Issuing units chosen from the office's member units (their full names).</summary>
    public List<string> Issuers { get; set; } = [];

    /// <summary>Issuers not among the member units (a bureau that issued only this notice), one per line.</summary>
    public string? OtherIssuers { get; set; }

    public int? ToYear { get; set; }

    public bool InheritCriteria { get; set; }

    public bool InheritQuotas { get; set; }

    public bool InheritDeadlines { get; set; }

    /// <summary>说明, one per line.</summary>
    public string? Notes { get; set; }

    public static BasicsInput From(RuleSet set) => new()
    {
        Name = set.Name, Source = set.Source, DocumentNumber = set.DocumentNumber, Issuers = [.. set.Issuers], ToYear = set.ToYear,
        InheritCriteria = set.Inherits.Criteria, InheritQuotas = set.Inherits.Quotas, InheritDeadlines = set.Inherits.Deadlines,
        Notes = string.Join("\n", set.Notes),
    };

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>One task's form: what it is, who leads it, and what the portal counts.</summary>
public sealed class TaskInput
{
    public string? Name { get; set; }

    public TaskKind Kind { get; set; } = TaskKind.LedgerCount;

    public string? Lead { get; set; }

    public List<string> Participants { get; set; } = [];

    public string? Clause { get; set; }

    /// <summary>For an honour: one of the three gold categories, or empty for another title.</summary>
    public GoldCategory? HonourCategory { get; set; }

    public string? HonourTitle { get; set; }

    public string? HonourLedger { get; set; }

    public Core.Regions.RegionLevel SelectingLevel { get; set; } = Core.Regions.RegionLevel.City;

    /// <summary>Tiers from the lowest, separated by 、 or commas (铜牌、银牌、金牌); empty for none.</summary>
    public string? Tiers { get; set; }

    /// <summary>逐年层级递进: each tier requires the tier below held in an earlier year.</summary>
    public bool TiersProgressive { get; set; }

    public string? MeasureLedger { get; set; }

    public string? MeasureField { get; set; }

    public string? MeasureValue { get; set; }

    public string? IndicatorLabel { get; set; }

    public string? IndicatorUnit { get; set; }

    public MaterialKind? Material { get; set; }

    /// <summary>报送单位层级 of a material or indicator without quotas; null for the default (see <see cref="RuleTask.SubmittedBy"/>).</summary>
    public Core.Regions.RegionLevel? SubmittedBy { get; set; }

    public string? DisplayReason { get; set; }

    public static TaskInput From(RuleTask t) => new()
    {
        Name = t.Name, Kind = t.Kind, Lead = t.Lead, Participants = [.. t.Participants], Clause = t.Clause,
        HonourCategory = t.Honour?.Category, HonourTitle = t.Honour?.Title, HonourLedger = t.Honour?.Ledger,
        SelectingLevel = t.Honour?.SelectingLevel ?? Core.Regions.RegionLevel.City,
        Tiers = t.Honour is { Tiers.Count: > 0 } h ? string.Join("、", h.Tiers.Select(x => x.Name)) : null,
        TiersProgressive = t.Honour?.Tiers.Any(x => x.RequiresTierBelow) ?? false,
        MeasureLedger = t.Measure?.Ledger, MeasureField = t.Measure?.Field, MeasureValue = t.Measure?.Value,
        IndicatorLabel = t.Indicator?.Label, IndicatorUnit = t.Indicator?.Unit, Material = t.Material, SubmittedBy = t.SubmittedBy, DisplayReason = t.DisplayReason,
    };
}

/// <summary>One deadline's form: which task, year or batch, step, date.</summary>
public sealed class DeadlineInput
{
    public int TaskIndex { get; set; }

    public int? Year { get; set; }

    public int? Batch { get; set; }

    public DeadlineStep Step { get; set; } = DeadlineStep.Submit;

    public string? Date { get; set; }

    public string? What { get; set; }

    public string? Ledger { get; set; }

    public DateOnly? ParsedDate() =>
        DateOnly.TryParseExact((Date ?? "").Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>A new plan's period and name: the period within the years a rule set may name, its end not before its start.</summary>
public sealed class NewPlanInputValidator : AbstractValidator<NewPlanInput>
{
    public NewPlanInputValidator()
    {
        const int earliest = Core.Input.PortalYears.Earliest, latest = Core.Input.PortalYears.RuleSetLatest;
        RuleFor(x => x.FromYear).Must(from => from is >= earliest and <= latest).WithMessage($"开始年度应在 {earliest} 至 {latest} 年之间");
        RuleFor(x => x.ToYear).Cascade(CascadeMode.Stop).Must((input, to) => (to ?? 0) >= (input.FromYear ?? 0))
            .WithMessage(input => $"结束年度 {input.ToYear ?? 0} 早于开始年度 {input.FromYear ?? 0}")
            .Must(to => (to ?? 0) <= latest).WithMessage($"结束年度应不晚于 {latest} 年");
        RuleFor(x => x.Name).Must(name => name!.Trim().Length <= RuleSetReader.MaxNameLength).When(x => !string.IsNullOrWhiteSpace(x.Name))
            .WithMessage($"不能超过 {RuleSetReader.MaxNameLength} 个字");
    }
}
