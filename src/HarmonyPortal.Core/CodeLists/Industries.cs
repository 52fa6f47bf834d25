namespace HarmonyPortal.Core.CodeLists;

/// <summary>
/// 所属行业 as stored: a GB/T 4754-2017 大类 code ("13") or, when only the 门类 is known, its letter ("C"). Text typed
/// before the list existed is kept as it was and shown as it is, marked as not from the list.
/// </summary>
public static class Industries
{
    private static CodeList List => NationalCodeLists.Industries;

    /// <summary>The stored code for what was typed (code, name or "code name"), or null when the list has no such entry.</summary>
    public static string? CodeOf(string text) => List.Find(text)?.Code;

    /// <summary>The name to show: "农副食品加工业" for "13", the stored text itself when it is not a code.</summary>
    public static string Name(string stored) => List.ByCode(stored)?.Name ?? stored;

    /// <summary>"13 农副食品加工业", as spreadsheets write it; the stored text itself when it is not a code.</summary>
    public static string Choice(string stored) => List.ByCode(stored) is { } item ? CodeList.Choice(item) : stored;

    /// <summary>True for text kept from before the list: not a code of GB/T 4754-2017.</summary>
    public static bool IsOffList(string? stored) => !string.IsNullOrEmpty(stored) && List.ByCode(stored) is null;

    /// <summary>The 门类 (sections) with their 大类 (divisions), in the standard's order.</summary>
    public static IReadOnlyList<(CodeItem Section, IReadOnlyList<CodeItem> Divisions)> Sections { get; } =
        [.. List.Items.Where(i => i.Parent is null).Select(s => (s, (IReadOnlyList<CodeItem>)[.. List.Items.Where(d => d.Parent == s.Code)]))];

    /// <summary>Every entry as "code name" (门类 then its 大类): the templates' drop-down list.</summary>
    public static IReadOnlyList<string> Choices { get; } = [.. List.Items.Select(CodeList.Choice)];
}
