namespace HarmonyPortal.Core.Rules;

/// <summary>
/// The honour fact of an office-defined honour's tier, "honour:task:&lt;tier id&gt;@&lt;honour task id&gt;": what tier
/// progression (逐年层级递进) of a tiered office-defined honour tests. The portal writes it itself; a rule file's criteria
/// are keyed by gold category and name the three gold titles only (the reader refuses this form there).
/// </summary>
public static class OfficeHonourFacts
{
    private const string Marker = HonourFacts.Prefix + "task:";

    /// <summary>The fact of <paramref name="tier"/> of the office-defined honour <paramref name="honourTaskId"/>.</summary>
    public static string Key(string honourTaskId, string tier) => Marker + tier + "@" + honourTaskId;

    /// <summary>Whether the fact names an office-defined honour (well formed or not).</summary>
    public static bool Is(string fact) => fact.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>The reference, or null when the fact is not of this form. The tier id is before the first "@", the task id after it.</summary>
    public static HonourReference? Parse(string fact)
    {
        if (!Is(fact))
        {
            return null;
        }

        var rest = fact[Marker.Length..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < rest.Length - 1 ? new HonourReference(OfficeHonour.Category, rest[..at], rest[(at + 1)..]) : null;
    }
}
