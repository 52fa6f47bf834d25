using HarmonyPortal.Core.Ledgers.Fields;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// Builds valid ID numbers for test data with the product's MOD 11-2 (GB 11643), the one generator of tests, bench and
/// tools. The check itself is proved against the standard's examples and an independent reference in IdNumberTests.
/// </summary>
public static class TestIdNumbers
{
    /// <summary>Replaces the 18th character with the right check character.</summary>
    public static string WithCheckDigit(string eighteen) => eighteen[..17] + IdNumber.CheckCharacter(eighteen.AsSpan(0, 17));
}
