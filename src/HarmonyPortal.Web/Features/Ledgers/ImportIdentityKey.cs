using System.Globalization;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// A row's identity as the import remembers it to find repeats within the file. A keyed hash (64 lower-case hex
/// characters, what ID numbers are known by) is kept as its 32 bytes instead of a 64-character string, which an
/// import of 100,000 people would otherwise hold to its end (about 15 MB); any other identity is kept as its text.
/// Two keys are equal exactly when their identities are.
/// </summary>
internal readonly record struct ImportIdentityKey(UInt128 High, UInt128 Low, string? Text)
{
    public static ImportIdentityKey Of(string identity) =>
        identity.Length == 64 && IsLowerHex(identity)
            ? new(Half(identity.AsSpan(0, 32)), Half(identity.AsSpan(32)), null)
            : new(0, 0, identity);

    private static UInt128 Half(ReadOnlySpan<char> hex) =>
        UInt128.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static bool IsLowerHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
