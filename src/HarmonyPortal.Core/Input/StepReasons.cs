namespace HarmonyPortal.Core.Input;

/// <summary>
/// The reason typed with an official step — a return, a rejection, a withdrawal, an undone acceptance, a reopened
/// sheet: one rule for every step of nominations, materials and indicators (ADR 0015). Every column that keeps such a
/// reason is <see cref="MaxLength"/> characters wide.
/// </summary>
public static class StepReasons
{
    public const int MaxLength = 500;

    /// <summary>Why <paramref name="reason"/> cannot be kept as the <paramref name="what"/> of a step, or null; an optional one may be empty.</summary>
    public static string? Refusal(string what, string? reason, bool required = true)
    {
        var length = reason?.Trim().Length ?? 0;
        return length == 0 ? (required ? $"{what}：必填" : null)
            : length > MaxLength ? $"{what}：不能超过 {MaxLength} 字，现有 {length} 字"
            : null;
    }
}
