namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Turns requested sheet names into names Excel accepts: at most 31 characters, none of []:*?/\, not starting or
/// ending with an apostrophe, not empty, not the reserved "History", and unique in the workbook ignoring case
/// ("台账", "台账(2)", …). It exists because an invalid or duplicate name makes Excel refuse the whole file.
/// </summary>
internal sealed class SheetNames
{
    public const int MaxLength = 31;

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reserves a name (the hidden "lists" sheet) so that no caller's sheet takes it.</summary>
    public void Reserve(string name) => _used.Add(name);

    public string MakeUnique(string? requested)
    {
        var name = Sanitize(requested);
        if (_used.Add(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var suffix = $"({n})";
            var candidate = Cut(name, MaxLength - suffix.Length).TrimEnd('\'') + suffix;
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    internal static string Sanitize(string? requested)
    {
        var cleaned = XmlText.Clean(requested ?? "", 1000);
        var chars = cleaned.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(chars[i]))
            {
                chars[i] = '_';
            }
        }

        var name = Cut(new string(chars).Trim(), MaxLength).Trim('\'').Trim();
        if (name.Length == 0)
        {
            return "Sheet";
        }

        return string.Equals(name, "History", StringComparison.OrdinalIgnoreCase) ? "History_" : name;
    }

    /// <summary>The first <paramref name="max"/> UTF-16 units, never splitting a surrogate pair.</summary>
    private static string Cut(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        var length = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..length];
    }
}
