using System.Diagnostics.CodeAnalysis;

namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// Unified social credit code (统一社会信用代码), GB 32100-2015. Social organisations and enterprises
/// in the ledgers are registered under it, and the gold criteria check registration, so it must be a
/// code that can exist: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY", a registration
/// authority the standard lists, and the MOD 31 check character.
/// </summary>
/// <remarks>
/// Only what every valid code satisfies is checked. The organisation category (2nd character), the
/// region (3rd–8th) and the organisation code's own check (17th) are not, because codes issued
/// under later amendments and by functional zones would be refused wrongly.
/// </remarks>
public static class CreditCode
{
    private const int Length = 18;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商(市场监管), A 中央军委改革和编制办公室, N 农业, Y 其他.</summary>
    private const string RegistrationAuthorities = "123456789ANY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// Normalizes (<see cref="CellText.Normalize"/>, inner spaces removed, upper case) and checks
    /// length, character set, registration authority and check character.
    /// </summary>
    public static bool TryParse(string? input,
        [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        var text = CellText.Normalize(input)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (text is null)
        {
            error = FieldMessages.Required;
            return false;
        }

        if (text.Length != Length)
        {
            error = $"应为 {Length} 位，实际 {text.Length} 位";
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            if (!Alphabet.Contains(text[i], StringComparison.Ordinal))
            {
                error = $"第 {i + 1} 位“{text[i]}”不是允许的字符";
                return false;
            }
        }

        if (!RegistrationAuthorities.Contains(text[0], StringComparison.Ordinal))
        {
            error = $"第 1 位“{text[0]}”不是有效的登记管理部门代码";
            return false;
        }

        var expected = CheckCharacter(text.AsSpan(0, 17));
        if (text[17] != expected)
        {
            error = $"校验位应为 {expected}，实际为 {text[17]}";
            return false;
        }

        normalized = text;
        error = null;
        return true;
    }

    /// <summary>The check character for the first 17 characters: 31 − (Σ value × weight mod 31), 31 giving '0'.</summary>
    /// <exception cref="ArgumentException">Not exactly 17 characters of the code's alphabet (upper case).</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Weights.Length)
        {
            throw new ArgumentException($"Expected {Weights.Length} characters, got {first17.Length}.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"Character {i + 1} '{first17[i]}' is not in the code's alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - sum % 31) % 31];
    }
}
