namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>Both versions of a row after a concurrent edit, field by field (personal data masked).</summary>
public sealed record LedgerConflict(
    int CurrentVersion,
    string? CurrentUpdatedBy,
    DateTime CurrentUpdatedAtUtc,
    IReadOnlyList<(string Header, string Yours, string Theirs)> Fields);
