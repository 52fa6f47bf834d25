namespace HarmonyPortal.Core.Regions;

/// <summary>One unit of the national GB/T 2260 list: a province, a prefecture-level or a county-level unit.</summary>
public sealed record NationalRegion(string Code, string Name, string? ParentCode)
{
    /// <summary>The portal level the unit usually takes: provinces, prefectures and the rest (county-level).</summary>
    public RegionLevel Level => ParentCode is null ? RegionLevel.Province
        : Code.EndsWith("00", StringComparison.Ordinal) ? RegionLevel.City
        : RegionLevel.County;
}

/// <summary>
/// The national GB/T 2260 region list shipped with the portal (Regions/Data/gbt2260.tsv, made by tools/gbt2260/convert.js;
/// ADR 0024): an administrator creates a region with a national code by picking it under its parent's code.
/// </summary>
public sealed class NationalRegionList
{
    private readonly Dictionary<string, NationalRegion> byCode;
    private readonly ILookup<string, NationalRegion> byParent;

    private NationalRegionList(string version, string source, List<NationalRegion> entries)
    {
        Version = version;
        Source = source;
        Entries = entries;
        byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        byParent = entries.Where(e => e.ParentCode is not null).ToLookup(e => e.ParentCode!, StringComparer.Ordinal);
    }

    /// <summary>The list embedded in Core, read once.</summary>
    public static NationalRegionList Shipped => LazyShipped.Value;

    private static readonly Lazy<NationalRegionList> LazyShipped = new(() =>
    {
        using var stream = typeof(NationalRegionList).Assembly.GetManifestResourceStream("regions/gbt2260.tsv")
            ?? throw new InvalidOperationException("The embedded GB/T 2260 list (regions/gbt2260.tsv) is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    });

    /// <summary>The data date of the list (its header's "version").</summary>
    public string Version { get; }

    /// <summary>The header's "source" line: package, version and licence.</summary>
    public string Source { get; }

    /// <summary>Every unit, ordered by code.</summary>
    public IReadOnlyList<NationalRegion> Entries { get; }

    public IEnumerable<NationalRegion> Provinces => Entries.Where(e => e.ParentCode is null);

    public NationalRegion? Find(string? code) => code is not null && byCode.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>The units directly under <paramref name="parentCode"/> in the list (none for a local code).</summary>
    public IEnumerable<NationalRegion> ChildrenOf(string? parentCode) => parentCode is null ? [] : byParent[parentCode];

    /// <summary>Every unit below <paramref name="code"/> (children, and their children).</summary>
    public IEnumerable<NationalRegion> DescendantsOf(string code) =>
        ChildrenOf(code).SelectMany(c => DescendantsOf(c.Code).Prepend(c));

    /// <summary>
    /// Why a region coded <paramref name="code"/> (a national code) cannot sit under <paramref name="parentCode"/>
    /// (null for a province), in Chinese for the form; null when the list has it there.
    /// </summary>
    public string? RefusalUnder(string code, string? parentCode, string? parentName)
    {
        var entry = Find(code);
        if (entry is null)
        {
            return $"区划代码：{code} 不在国家行政区划列表（GB/T 2260，{Version}）中；功能区或乡镇街道请勾选“本地代码”。";
        }

        if (entry.ParentCode != parentCode)
        {
            return parentCode is null
                ? $"区划代码：{code}（{entry.Name}）不是省级地区。"
                : $"区划代码：{code}（{entry.Name}）在国家行政区划列表中不是{parentName}（{parentCode}）的下级。";
        }

        return null;
    }

    public static NationalRegionList Parse(TextReader reader)
    {
        string version = "", source = "";
        var entries = new List<NationalRegion>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.StartsWith('#'))
            {
                version = Header(line, "version") ?? version;
                source = Header(line, "source") ?? source;
                continue;
            }

            var fields = line.Split('\t');
            if (line.Length == 0 || fields[0] == "code")
            {
                continue;
            }

            if (fields.Length != 3 || fields[0].Length != 6 || !fields[0].All(char.IsAsciiDigit) || fields[1].Length == 0)
            {
                throw new FormatException($"GB/T 2260 list, line {lineNumber}: expected code, name and parent code separated by tabs.");
            }

            entries.Add(new NationalRegion(fields[0], fields[1], fields[2].Length == 0 ? null : fields[2]));
        }

        return new NationalRegionList(version, source, entries);
    }

    private static string? Header(string line, string key)
    {
        var prefix = $"# {key}:";
        return line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..].Trim() : null;
    }
}
