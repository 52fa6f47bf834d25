using FluentValidation;
using HarmonyPortal.Core.Input;
using HarmonyPortal.Core.Reporting;

namespace HarmonyPortal.Web.Features.Reporting;

/// <summary>A region's 报送 of its ledgers of a year, with the form's required tick box.</summary>
public sealed class ReportInput
{
    public int Year { get; set; }

    public bool Confirmed { get; set; }
}

/// <summary>The level above returns a region's report of a year, saying why.</summary>
public sealed class ReturnReportInput
{
    public int Year { get; set; }

    public string? Reason { get; set; }
}

public sealed class ReportInputValidator : AbstractValidator<ReportInput>
{
    public ReportInputValidator(TimeProvider clock) =>
        RuleFor(x => x.Year).Must(year => PortalYears.Contains(year, PortalYearRules.Today(clock)))
            .WithMessage((_, year) => $"不能报送 {year} 年度的台账：{PortalYears.Refusal(year, PortalYearRules.Today(clock))}。");
}

public sealed class ReturnReportInputValidator : AbstractValidator<ReturnReportInput>
{
    public ReturnReportInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Year).PortalYear(clock);
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("退回原因：不能为空，请写明需要补正的内容。")
            .Must(r => r!.Trim().Length <= LedgerReport.ReturnReasonMaxLength).WithMessage($"退回原因：不能超过 {LedgerReport.ReturnReasonMaxLength} 个字。");
    }
}
