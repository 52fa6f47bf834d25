namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Estimates how many lines a wrapped header needs in its column, counting East Asian characters as two units of
/// Excel's column width and others as one. An estimate is enough: it only sets the header row's height.
/// </summary>
internal static class HeaderText
{
    private const int MaxLines = 6;

    public static int Lines(string header, double columnWidth)
    {
        var available = Math.Max(1.0, columnWidth - 1);
        var lines = 0;
        foreach (var segment in header.Split('\n'))
        {
            var units = 0.0;
            foreach (var c in segment)
            {
                units += IsWide(c) ? 2.1 : 1.1; // bold glyphs are a little wider
            }

            lines += Math.Max(1, (int)Math.Ceiling(units / available));
        }

        return Math.Clamp(lines, 1, MaxLines);
    }

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
