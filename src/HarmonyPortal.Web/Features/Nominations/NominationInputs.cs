using FluentValidation;
using HarmonyPortal.Core.Input;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Infrastructure;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>The honour, year and batch a nomination page carries in its hidden fields: outside their ranges the request is answered 400.</summary>
[RefusedWhenInvalid]
public sealed class SheetKeyInput
{
    public GoldCategory Category { get; set; }

    /// <summary>The office-defined honour task's id; when given, <see cref="Category"/> is not read.</summary>
    public string? Honour { get; set; }

    /// <summary>The category stored for the key: the gold category, or <see cref="OfficeHonour.Category"/> for an office-defined honour.</summary>
    public GoldCategory StoredCategory => OfficeHonour.CategoryOf(Category, Honour);

    /// <summary>The key as pages link it (without the honour's title, which <see cref="NominationQueryService.KeyAsync"/> adds).</summary>
    public SheetKey ToSheetKey() => new(StoredCategory, Year, Batch) { Honour = Honour ?? "" };

    public int Year { get; set; }

    public int Batch { get; set; }
}

/// <summary>The clerk's new nominee: a ledger row, the batch and (for a tiered honour) the tier, and the narrative.</summary>
public sealed class NomineeInput
{
    public GoldCategory Category { get; set; }

    /// <summary>The office-defined honour task's id; when given, <see cref="Category"/> is not read.</summary>
    public string? Honour { get; set; }

    /// <summary>The year of the office-defined honour's sheet (its plan gives the ledger); the row must be of that year.</summary>
    public int? Year { get; set; }

    public long LedgerRowId { get; set; }

    public int Batch { get; set; }

    public string? Narrative { get; set; }

    public string? Tier { get; set; }
}

/// <summary>The narrative of a nominee, edited on the nominee's page.</summary>
public sealed class NarrativeInput
{
    public string? Narrative { get; set; }
}

public sealed class SheetKeyInputValidator : AbstractValidator<SheetKeyInput>
{
    public SheetKeyInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Year).PortalYear(clock);
        RuleFor(x => x.Batch).NominationBatch();
        RuleFor(x => x.Honour).HonourId();
    }
}

public sealed class NomineeInputValidator : AbstractValidator<NomineeInput>
{
    public NomineeInputValidator()
    {
        RuleFor(x => x.Batch).NominationBatch();
        RuleFor(x => x.Narrative).Narrative();
        RuleFor(x => x.Honour).HonourId();
    }
}

public sealed class NarrativeInputValidator : AbstractValidator<NarrativeInput>
{
    public NarrativeInputValidator() => RuleFor(x => x.Narrative).Narrative();
}

/// <summary>The rules a batch number and a narrative follow wherever they are typed or carried.</summary>
public static class NominationRules
{
    public static IRuleBuilderOptions<T, int> NominationBatch<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(0, NominationLimits.MaxBatch).WithMessage((_, batch) => $"批次：{batch} 不在 0 至 {NominationLimits.MaxBatch} 之间");

    /// <summary>Required, then at least <see cref="NominationLimits.NarrativeMinLength"/> and at most <see cref="NominationLimits.NarrativeMaxLength"/> characters once trimmed.</summary>
    public static IRuleBuilderOptions<T, string?> Narrative<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(n => Length(n) > 0).WithMessage("主要事迹：必填，请简要写明推荐对象的主要事迹")
            .Must(n => Length(n) >= NominationLimits.NarrativeMinLength)
            .WithMessage((_, n) => $"主要事迹：至少 {NominationLimits.NarrativeMinLength} 字，现有 {Length(n)} 字")
            .Must(n => Length(n) <= NominationLimits.NarrativeMaxLength)
            .WithMessage((_, n) => $"主要事迹：不能超过 {NominationLimits.NarrativeMaxLength} 字，现有 {Length(n)} 字");

    /// <summary>An office-defined honour's task id as the page carries it: at most <see cref="OfficeHonour.MaxIdLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> HonourId<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Must(h => h is null || h.Length <= OfficeHonour.MaxIdLength).WithMessage($"称号：编号不能超过 {OfficeHonour.MaxIdLength} 个字符");

    private static int Length(string? text) => text?.Trim().Length ?? 0;
}
