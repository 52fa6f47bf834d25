using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>The outcome of saving a ledger row: saved, refused with field errors, or beaten by another save.</summary>
public sealed record LedgerWriteResult(long? Id, IReadOnlyList<FieldError> Errors, LedgerConflict? Conflict = null)
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null;

    public static LedgerWriteResult Refused(IReadOnlyList<FieldError> errors) => new(null, errors);
}

/// <summary>Both versions of a row after a concurrent edit, field by field (personal data masked).</summary>
public sealed record LedgerConflict(
    int CurrentVersion,
    string? CurrentUpdatedBy,
    DateTime CurrentUpdatedAtUtc,
    IReadOnlyList<(string Header, string Yours, string Theirs)> Fields);
