namespace HarmonyPortal.Core.Nominations;

public static class NominationLimits
{
    public const int NarrativeMinLength = 20;

    public const int NarrativeMaxLength = 4000;

    public const int ReasonMaxLength = Input.StepReasons.MaxLength;

    /// <summary>The highest batch a rule set may name (batch 0 is a year without batches).</summary>
    public const int MaxBatch = 20;

    /// <summary>A deadline may be extended by at most this long from today.</summary>
    public const int ExtensionMaxDays = Input.DeadlineExtensionLimits.MaxDays;

    /// <summary>The year and batch of a request (query string, hidden field): outside their ranges answered 400 in Chinese.</summary>
    public static void CheckYearAndBatch(int year, int batch, DateOnly today)
    {
        if (Input.PortalYears.Refusal(year, today) is { } refusal)
        {
            throw new Input.InvalidInputException(refusal);
        }

        if (batch is < 0 or > MaxBatch)
        {
            throw new Input.InvalidInputException($"批次：{batch} 不在 0 至 {MaxBatch} 之间");
        }
    }
}
