using HarmonyPortal.Core.CodeLists;

namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// 民族 as GB/T 3304-1991 codes ("01" 汉族 … "56" 基诺族, "97" 其他, "98" 外国血统中国籍人士), read from the shipped list.
/// A name ("汉族", also "汉") or a code is accepted; the code is stored and the name shown.
/// </summary>
public static class Ethnicities
{
    private static CodeList List => NationalCodeLists.Ethnicities;

    /// <summary>The names a drop-down offers, in the standard's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. List.Items.Select(i => i.Name)];

    /// <summary>The code for "汉族", "汉", "01" or "01 汉族"; null when the text names no entry of the list.</summary>
    public static string? CodeOf(string text) => (List.Find(text) ?? List.Find(text + "族"))?.Code;

    /// <summary>The name to show: "汉族" for "01"; anything else (a value kept from before the codes) as it is.</summary>
    public static string Name(string stored) => List.ByCode(stored)?.Name ?? stored;
}
