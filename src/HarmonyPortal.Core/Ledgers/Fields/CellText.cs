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
    /// ASCII (U+FF01–U+FF5E) to half-width, drops invisible characters (<see cref="WithoutInvisible"/>), and
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
        foreach (var raw in WithoutInvisible(input))
        {

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

    /// <summary>
    /// The text without the characters that show nothing yet make two look-alike values differ: format characters
    /// (zero-width spaces and joiners, bidirectional marks, embeddings, overrides and isolates, soft hyphens, byte-order
    /// marks, tags), variation selectors, the combining grapheme joiner, Hangul fillers and control characters other than
    /// whitespace; then composed (NFC), so a compatibility ideograph equals its unified form. Line breaks and tabs stay.
    /// </summary>
    public static string WithoutInvisible(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (IsPlain(input))
        {
            return input; // nothing to remove, nothing to compose: most cells of a ledger (an import asks for every cell)
        }

        var builder = new StringBuilder(input.Length);
        foreach (var rune in input.EnumerateRunes())
        {
            if (!IsInvisible(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        var text = builder.ToString();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Text of printable ASCII and whitespace, CJK Unified Ideographs (and Extension A), CJK punctuation (U+3000–U+3029),
    /// general punctuation U+2010–U+2027 (dashes, quotes, …) and full-width forms (U+FF01–U+FF5E) only: none of them is
    /// invisible, each is its own NFC form with combining class 0 and none composes with another, so
    /// <see cref="WithoutInvisible"/> returns such text unchanged without asking ICU whether it is normalized.
    /// </summary>
    private static bool IsPlain(string input)
    {
        foreach (var c in input)
        {
            var plain = c < 0x7F
                ? c >= ' ' || char.IsWhiteSpace(c)
                : c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u3029')
                    or (>= '\u2010' and <= '\u2027') or (>= '\uFF01' and <= '\uFF5E');
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInvisible(Rune rune)
    {
        var value = rune.Value;
        return Rune.GetUnicodeCategory(rune) switch
        {
            System.Globalization.UnicodeCategory.Format => true,
            System.Globalization.UnicodeCategory.Control => !Rune.IsWhiteSpace(rune),
            _ => value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0
                or 0x180B or 0x180C or 0x180D or 0x180F,
        };
    }
}
