using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// Resident identity card number, GB 11643-1999 (ISO 7064 MOD 11-2 check character). Coordinators
/// and mediators are identified by it across ledgers and years, so a mistyped or Excel-damaged
/// number must be caught at entry, with a reason the clerk can act on.
/// </summary>
/// <remarks>
/// Birth years from 1800 are accepted: the standard sets no lower bound and its own example
/// 440524188001010014 was born in 1880. Inner spaces ("110105 19491231 002X") are removed, since
/// they carry nothing. The old 15-digit numbers are refused: they expired in 2013.
/// </remarks>
public static partial class IdNumber
{
    private const int Length = 18;

    private const int EarliestBirthYear = 1800;
    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// Normalizes the input (<see cref="CellText.Normalize"/>, inner spaces removed, x to X) and
    /// checks length, digits, birth date (1800-01-01 to <paramref name="today"/>) and the check
    /// character. <paramref name="error"/> is a Chinese reason without the field name.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today,
        [NotNullWhen(true)] out IdNumberInfo? info, [NotNullWhen(false)] out string? error)
    {
        info = null;
        var text = Normalize(input);
        if (text is null)
        {
            error = FieldMessages.Required;
            return false;
        }

        error = FindFormatError(text);
        if (error is not null)
        {
            return false;
        }

        var birthDigits = text.Substring(6, 8);
        if (!DateOnly.TryParseExact(birthDigits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            error = $"出生日期 {birthDigits} 不是有效日期";
            return false;
        }

        if (birthDate.Year < EarliestBirthYear)
        {
            error = $"出生日期 {birthDigits} 早于 {EarliestBirthYear} 年";
            return false;
        }

        if (birthDate > today)
        {
            error = $"出生日期 {birthDigits} 晚于今天";
            return false;
        }

        var expected = CheckCharacter(text.AsSpan(0, 17));
        if (text[17] != expected)
        {
            error = $"校验位应为 {expected}，实际为 {text[17]}";
            return false;
        }

        var gender = (text[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        info = new IdNumberInfo(text, birthDate, gender, text[..6]);
        return true;
    }

    /// <summary>The MOD 11-2 check character ('0'–'9' or 'X') for the first 17 digits.</summary>
    /// <exception cref="ArgumentException">Not exactly 17 ASCII digits.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != Weights.Length)
        {
            throw new ArgumentException($"Expected {Weights.Length} digits, got {first17Digits.Length}.", nameof(first17Digits));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            var c = first17Digits[i];
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException($"Character {i + 1} is not a digit.", nameof(first17Digits));
            }

            sum += (c - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// "11010519491231002X" becomes "110105********002X" (region and the last four kept, as in the
    /// log masking). Any other length becomes all '*', so a malformed number leaks nothing.
    /// </summary>
    public static string Mask(string normalized)
    {
        if (string.IsNullOrEmpty(normalized))
        {
            return string.Empty;
        }

        return normalized.Length == Length
            ? string.Concat(normalized.AsSpan(0, 6), "********", normalized.AsSpan(14))
            : new string('*', normalized.Length);
    }

    /// <summary>
    /// True when a value meant as an ID number looks like Excel stored it as a number and lost
    /// digits (Excel keeps 15 significant digits): scientific notation such as "1.10105E+17", or,
    /// when the cell was numeric (<paramref name="fromNumericCell"/>), 18 digits ending in "000" or
    /// 16–17 digits. The clerk must then re-enter the column as text; the digits cannot be recovered.
    /// </summary>
    public static bool LooksLikeLostPrecision(string? input, bool fromNumericCell)
    {
        var text = CellText.Normalize(input);
        if (text is null)
        {
            return false;
        }

        if (ScientificNotation().IsMatch(text))
        {
            return true;
        }

        if (!fromNumericCell || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        return text.Length is 16 or 17 || (text.Length == Length && text.EndsWith("000", StringComparison.Ordinal));
    }

    private static string? Normalize(string? input)
    {
        var text = CellText.Normalize(input);
        return text?.Replace(" ", "", StringComparison.Ordinal).Replace('x', 'X');
    }

    private static string? FindFormatError(string text)
    {
        if (text.Length != Length)
        {
            return $"应为 {Length} 位，实际 {text.Length} 位";
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return "前 17 位只能是数字";
            }
        }

        return char.IsAsciiDigit(text[17]) || text[17] == 'X' ? null : "第 18 位只能是数字或 X";
    }

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?[Ee][+-]?\d+$")]
    private static partial Regex ScientificNotation();
}
