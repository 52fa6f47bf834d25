using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Checking;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// The checker run on an uploaded rule file, against the database's regions, member units and stored plans. Its
/// errors refuse the file, except an error the version it replaces (the same plan) already had: that plan was accepted
/// before the checker knew the error, and an office must be able to change one thing without fixing everything at
/// once — such an error is shown like a warning, and <c>rules check</c> still fails on it.
/// </summary>
public static class RuleUploadCheck
{
    public const string CarriedOverNote = "（此前版本已有，本次仍予保存，请尽快改正）";

    public static async Task<(IReadOnlyList<RuleFileError> Refused, IReadOnlyList<RuleFileError> Notes)> RunAsync(
        HarmonyDbContext db, RuleSet uploaded, RuleSet? replaced, CancellationToken ct)
    {
        var context = await StoredRulePlans.ContextAsync(db, await StoredRulePlans.LatestAsync(db, ct, uploaded.Jurisdiction), ct);
        var findings = RuleChecker.Check(uploaded, context);
        var carried = replaced is null || replaced.FromYear != uploaded.FromYear
            ? []
            : RuleChecker.Check(replaced, context).Where(f => f.IsError).Select(f => (f.Path, f.Message)).ToHashSet();
        var refused = findings.Where(f => f.IsError && !carried.Contains((f.Path, f.Message))).Select(f => new RuleFileError(f.Path, f.Message)).ToList();
        var notes = findings.Where(f => !f.IsError || carried.Contains((f.Path, f.Message)))
            .Select(f => new RuleFileError(f.Path, f.IsError ? f.Message + CarriedOverNote : f.Message)).ToList();
        return (refused, notes);
    }
}
