namespace HarmonyPortal.Core.Input;

/// <summary>Checks a free-text value against its column's length before the database would refuse it (PostgreSQL) or keep it whole (SQLite).</summary>
public static class TextLimits
{
    /// <summary>The Chinese refusal when <paramref name="text"/> is longer than <paramref name="maxLength"/>, naming the field and the limit.</summary>
    public static string? Refusal(string field, string? text, int maxLength) =>
        text is not null && text.Length > maxLength ? $"{field}：不能超过 {maxLength} 个字，实际 {text.Length} 个" : null;
}
