using FluentValidation;
using HarmonyPortal.Core.Input;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// The year a ledger form or an import writes into (a hidden field of the form). Whether the region's year is locked
/// by a report is checked against the database by <see cref="LedgerWriteService"/>.
/// </summary>
public sealed class LedgerYearInput
{
    public int Year { get; set; }
}

/// <summary>The year lies in the portal's range (ADR 0015), for the form and the import alike.</summary>
public sealed class LedgerYearInputValidator : AbstractValidator<LedgerYearInput>
{
    public LedgerYearInputValidator(TimeProvider clock) => RuleFor(x => x.Year).PortalYear(clock);
}
