using System.Text;

namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// The first step for every value typed or pasted into a ledger: office spreadsheets carry
/// full-width digits and letters from Chinese input methods, ideographic and non-breaking spaces,
/// and stray line breaks, none of which the clerk can see.
/// </summary>
/// <remarks>
/// Meant for single-line field values. It collapses line breaks and turns full-width punctuation
/// (，（）：) into ASCII, so do not run multi-line notes or text shown as typed through it.
/// </remarks>
public static class CellText
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    /// <summary>
    /// Trims whitespace of any kind (including U+3000 and U+00A0) at both ends, converts full-width
    /// ASCII (U+FF01–U+FF5E) to half-width, drops zero-width spaces and byte-order marks, and
    /// collapses inner runs of whitespace to one space. Null, empty and whitespace-only give null.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return null;
        }

        var builder = new StringBuilder(input.Length);
        var pendingSpace = false;
        foreach (var raw in input)
        {
            if (raw is '\u200B' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(raw is >= FullWidthFirst and <= FullWidthLast ? (char)(raw - FullWidthOffset) : raw);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
