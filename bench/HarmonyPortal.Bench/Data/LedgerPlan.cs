using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Bench.Data;

/// <summary>Where one generated row goes: its county and year, its index among that county's rows of the year, whether it is published.</summary>
internal readonly record struct LedgerSlot(Region County, int Year, int Index, bool Published);

/// <summary>
/// How the rows are spread: each ledger's share of the ordinary rows over every county round-robin, four in five in
/// the benchmark year and the rest the year before, shuffled so a county's rows are scattered over the table as
/// clerks' entries would be; plus the hot county's rows of the hot ledger and the hot province's published coordinators.
/// </summary>
internal sealed class LedgerPlan(GenerateOptions options, IReadOnlyList<Region> counties, Region hotCounty, string hotProvincePath, Random random)
{
    /// <summary>Share of the ordinary rows per ledger (the catalog's keys).</summary>
    private static readonly (string Ledger, double Share)[] Shares =
    [
        ("mediation-organizations", 0.06), ("coordinators", 0.18), ("mediators", 0.14), ("social-organizations", 0.05),
        ("harmonious-enterprises", 0.14), ("wage-guidance", 0.10), ("new-enterprise-services", 0.18), ("key-enterprises", 0.05),
        ("plan-lists", 0.10),
    ];

    public GenerateOptions Options => options;

    public Random Random => random;

    public int Ordinary => Math.Max(0, options.Rows - options.HotRows - options.Published);

    public int Total => options.Rows;

    public IReadOnlyList<LedgerSlot> Slots(string ledger)
    {
        var at = Array.FindIndex(Shares, s => s.Ledger == ledger);
        var count = at == Shares.Length - 1
            ? Ordinary - Shares[..^1].Sum(s => (int)(s.Share * Ordinary))
            : (int)(Shares[at].Share * Ordinary);
        var codes = new List<int>(count);
        for (var r = 0; r < count; r++)
        {
            codes.Add(Code(r % counties.Count, random.Next(5) == 0 ? 1 : 0, published: false));
        }

        if (ledger == GenerateOptions.HotLedger)
        {
            var hot = counties.ToList().FindIndex(c => c.Id == hotCounty.Id);
            codes.AddRange(Enumerable.Repeat(Code(hot, 0, published: false), options.HotRows));
        }

        if (ledger == "coordinators")
        {
            var province = counties.Select((c, i) => (c, i)).Where(x => x.c.Path.StartsWith(hotProvincePath, StringComparison.Ordinal)).Select(x => x.i).ToList();
            codes.AddRange(Enumerable.Range(0, options.Published).Select(i => Code(province[i % province.Count], 0, published: true)));
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(codes));
        var next = new int[counties.Count * 2];
        return codes.Select(code =>
        {
            var slot = code >> 1;
            return new LedgerSlot(counties[slot >> 1], options.Year - (slot & 1), next[slot]++, (code & 1) == 1);
        }).ToList();
    }

    private static int Code(int county, int yearsBack, bool published) => (((county << 1) | yearsBack) << 1) | (published ? 1 : 0);
}
