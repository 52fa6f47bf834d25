using System.Buffers;
using System.Text;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Makes any .NET string safe to put in a workbook's XML: characters XML 1.0 forbids (control characters other
/// than tab, line feed and carriage return; unpaired surrogates; U+FFFE, U+FFFF) are dropped, literal "_xHHHH_"
/// sequences are escaped (Excel would otherwise decode them as characters) and text is cut at Excel's cell limit.
/// Strings that need none of this (nearly all) are returned as they are, without allocating.
/// </summary>
internal static class XmlText
{
    /// <summary>Excel's limit on the characters in one cell.</summary>
    public const int MaxCellLength = 32_767;

    private static readonly SearchValues<char> Suspicious = SearchValues.Create(BuildSuspicious());

    public static string Clean(string value, int maxLength = MaxCellLength)
    {
        var span = value.AsSpan();
        if (span.IndexOfAny(Suspicious) < 0 && value.Length <= maxLength)
        {
            return value;
        }

        var builder = new StringBuilder(Math.Min(value.Length + 16, maxLength));
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    if (builder.Length + 2 > maxLength)
                    {
                        break;
                    }

                    builder.Append(c).Append(span[i + 1]);
                    i++;
                }

                continue;
            }

            if (!IsLegalSingle(c))
            {
                continue;
            }

            if (c == '_' && IsEscapeSequence(span[i..]))
            {
                // "_x0041_" would be read back as "A"; "_x005F_" is the escaped underscore.
                if (builder.Length + 7 > maxLength)
                {
                    break;
                }

                builder.Append("_x005F_");
                continue;
            }

            if (builder.Length + 1 > maxLength)
            {
                break;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True when the text starts or ends with white space, which XML needs xml:space="preserve" to keep.</summary>
    public static bool NeedsPreserve(string value) =>
        value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));

    private static bool IsLegalSingle(char c) =>
        c switch
        {
            '\t' or '\n' or '\r' => true,
            < '\u0020' => false,
            >= '\uD800' and <= '\uDFFF' => false,
            '\uFFFE' or '\uFFFF' => false,
            _ => true,
        };

    private static bool IsEscapeSequence(ReadOnlySpan<char> text) =>
        text.Length >= 7 && (text[1] is 'x' or 'X') && char.IsAsciiHexDigit(text[2]) && char.IsAsciiHexDigit(text[3])
        && char.IsAsciiHexDigit(text[4]) && char.IsAsciiHexDigit(text[5]) && text[6] == '_';

    private static string BuildSuspicious()
    {
        var chars = new StringBuilder();
        for (var c = '\0'; c < '\u0020'; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                chars.Append(c);
            }
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            chars.Append(c);
        }

        chars.Append('\uFFFE').Append('\uFFFF').Append('_');
        return chars.ToString();
    }
}
