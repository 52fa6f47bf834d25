using FluentValidation;
using HarmonyPortal.Core.Input;

namespace HarmonyPortal.Web.Features.Shared;

/// <summary>
/// The typed part of every 延期 form (nominations, materials, indicators): the new date and the reason. The region,
/// task and year it applies to are checked by the services against the database.
/// </summary>
public sealed class ExtensionInput
{
    public DateOnly? NewDate { get; set; }

    public string? Reason { get; set; }
}

/// <summary>One set of date and reason checks for all three 延期 forms (ADR 0015).</summary>
public sealed class ExtensionInputValidator : AbstractValidator<ExtensionInput>
{
    public ExtensionInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.NewDate).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("新的截止日期：必填，格式如 2026-12-31")
            .Must(date => date >= PortalYearRules.Today(clock))
            .WithMessage((_, date) => $"新的截止日期：{date:yyyy-MM-dd} 早于今天 {PortalYearRules.Today(clock):yyyy-MM-dd}")
            .Must(date => date <= PortalYearRules.Today(clock).AddDays(DeadlineExtensionLimits.MaxDays))
            .WithMessage((_, date) => $"新的截止日期：{date:yyyy-MM-dd} 晚于 {PortalYearRules.Today(clock).AddDays(DeadlineExtensionLimits.MaxDays):yyyy-MM-dd}，最多延期一年");
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("延期原因：必填")
            .Must(r => r!.Trim().Length <= DeadlineExtensionLimits.ReasonMaxLength)
            .WithMessage((_, r) => $"延期原因：不能超过 {DeadlineExtensionLimits.ReasonMaxLength} 字，现有 {r!.Trim().Length} 字");
    }
}
