namespace HarmonyPortal.TestSupport;

/// <summary>
/// Builds valid ID numbers for test data with its own MOD 11-2 (GB 11643), independent of the
/// product's implementation so that a bug there cannot make both sides agree.
/// </summary>
public static class TestIdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Replaces the 18th character with the right check character.</summary>
    public static string WithCheckDigit(string eighteen)
    {
        var sum = eighteen.Take(17).Select((c, i) => (c - '0') * Weights[i]).Sum();
        return eighteen[..17] + "10X98765432"[sum % 11];
    }
}
