namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// The Chinese label of an enumeration member as the official forms print it, plus the other
/// spellings clerks type into spreadsheets (e.g. 汉 for 汉族), so display, drop-downs and import agree.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LabelAttribute(string text, params string[] aliases) : Attribute
{
    public string Text { get; } = text;

    public IReadOnlyList<string> Aliases { get; } = aliases;
}
