namespace HarmonyPortal.Core.Rules.Checking;

/// <summary>
/// Deadlines: a deadline's year lies in the plan period; its date lies in the period or in the year after it (the
/// last year's report is often due early the next year), and within its own year or the next when it names one; a
/// ledger's reporting deadline names a ledger, its own or the task's.
/// </summary>
public static partial class RuleChecker
{
    private sealed partial class Run
    {
        private void Deadline(RuleTask task, Deadline deadline, string path)
        {
            if (deadline.Year is { } year && !set.Governs(year))
            {
                Error($"{path}.year", $"{year} 年不在规划期 {set.PeriodText}内");
            }

            var date = deadline.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (deadline.Date.Year < set.FromYear || deadline.Date.Year > set.ToYear + 1)
            {
                Error($"{path}.date", $"期限 {date} 不在规划期 {set.PeriodText}或其次年内");
            }
            else if (deadline.Year is { } own && set.Governs(own) && (deadline.Date.Year < own || deadline.Date.Year > own + 1))
            {
                Error($"{path}.date", $"期限 {date} 不在所属的 {own} 年或其次年内");
            }

            // A ledger deadline naming no ledger serves every ledger the plan does not date separately (ReportingDeadlines).
            if (deadline.Step == DeadlineStep.Ledger && deadline.Ledger is null)
            {
                Warning($"{path}.ledger", $"台账报送期限未指明台账（ledger）：适用于本规划未单独规定期限的全部台账");
            }
        }
    }
}
