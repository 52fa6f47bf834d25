using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// A verdict as recorded when a sheet was submitted: which rule-set version gave it, on which day, with
/// which attestations, and the explanation of every criterion. Later rule edits add versions and leave
/// this row, and the version it names, unchanged.
/// </summary>
public class NominationEvaluation
{
    public long Id { get; set; }

    public long NominationId { get; set; }

    public int RuleSetVersionId { get; set; }

    /// <summary>The version number within its jurisdiction, for display.</summary>
    public int RuleSetVersion { get; set; }

    public DateOnly EvaluatedOn { get; set; }

    public DateTime EvaluatedAtUtc { get; set; }

    public Outcome Outcome { get; set; }

    /// <summary>The attested criterion ids the verdict counted, comma-separated.</summary>
    public string Attested { get; set; } = "";

    /// <summary>The verdict tree as JSON: text, outcome, explanation, members.</summary>
    public string VerdictJson { get; set; } = "";
}
