using System.Text.Json;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Core.CodeLists;

/// <summary>One entry of a national code list: its code, its name, and the code of the entry it belongs to (大类 → 门类).</summary>
public sealed record CodeItem(string Code, string Name, string? Parent = null);

/// <summary>
/// A national standard's code list as shipped in CodeLists/Data (one file per standard and year). Read once; finds an
/// entry by its code ("13"), its name ("农副食品加工业") or both ("13 农副食品加工业", as the templates' drop-downs write it).
/// </summary>
public sealed partial class CodeList
{
    private readonly Dictionary<string, CodeItem> byCode;
    private readonly Dictionary<string, CodeItem> byName;

    private CodeList(string standard, string title, IReadOnlyList<CodeItem> items)
    {
        Standard = standard;
        Title = title;
        Items = items;
        byCode = items.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        byName = new Dictionary<string, CodeItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byName[item.Name] = item; // a 大类 named like its 门类 (房地产业, 教育, 国际组织) wins: it says more
        }
    }

    /// <summary>The standard's number and year: "GB/T 4754-2017".</summary>
    public string Standard { get; }

    /// <summary>The standard's title: "国民经济行业分类".</summary>
    public string Title { get; }

    /// <summary>All entries in the standard's order (a 门类 before its 大类).</summary>
    public IReadOnlyList<CodeItem> Items { get; }

    public CodeItem? ByCode(string code) => byCode.GetValueOrDefault(code);

    /// <summary>The entry <paramref name="text"/> names by code, by name, or as "code name"; null when none.</summary>
    public CodeItem? Find(string? text)
    {
        var t = text?.Trim().Trim('\u3000');
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (byCode.TryGetValue(t, out var item) || byName.TryGetValue(t, out item))
        {
            return item;
        }

        var both = CodeAndName().Match(t);
        return both.Success && byCode.TryGetValue(both.Groups[1].Value, out item) && item.Name == both.Groups[2].Value.Trim() ? item : null;
    }

    /// <summary>"13 农副食品加工业": how drop-downs in the templates and exports write an entry.</summary>
    public static string Choice(CodeItem item) => item.Code + " " + item.Name;

    [GeneratedRegex(@"^([A-Za-z]|\d{2})[\s\u3000]*(.+)$")]
    private static partial Regex CodeAndName();

    internal static CodeList Load(string resource)
    {
        using var stream = typeof(CodeList).Assembly.GetManifestResourceStream("codelists/" + resource)
            ?? throw new InvalidOperationException($"The code list {resource} is not embedded.");
        var file = JsonSerializer.Deserialize<CodeListFile>(stream, Json)
            ?? throw new InvalidOperationException($"The code list {resource} is empty.");
        return new CodeList(file.Standard, file.Title, [.. file.Items.Select(i => new CodeItem(i.Code, i.Name, i.Parent))]);
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record CodeListFile(string Standard, string Title, IReadOnlyList<CodeListEntry> Items);

    private sealed record CodeListEntry(string Code, string Name, string? Parent);
}
