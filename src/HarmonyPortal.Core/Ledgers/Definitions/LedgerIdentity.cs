namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>
/// The name key: how a row whose identity is blank (a social organisation without credit code) is known within its
/// region and year. Prefixed so that it never equals an ID number's hash or a credit code.
/// </summary>
public static class LedgerIdentity
{
    private const string Prefix = "名称\u001F";

    public static string NameKey(string name) => Prefix + name;

    public static bool IsNameKey(string identity) => identity.StartsWith(Prefix, StringComparison.Ordinal);

    public static string NameOf(string nameKey) => nameKey[Prefix.Length..];
}
