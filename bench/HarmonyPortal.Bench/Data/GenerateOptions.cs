using HarmonyPortal.Core.Data;

namespace HarmonyPortal.Bench.Data;

/// <summary>
/// What <c>generate</c> builds. The hot county (岳阳楼区 by default) holds <see cref="HotRows"/> rows of one ledger in
/// <see cref="Year"/>, so that a list 10,000 pages long exists to measure a deep page against the first one; the
/// other rows are spread over every county, nine ledgers and two years. <see cref="Published"/> coordinators of the
/// hot province are nominated, approved and published, for the published-list PDF.
/// </summary>
internal sealed record GenerateOptions(
    DatabaseProvider Provider,
    string ConnectionString,
    string KeysDirectory,
    int Seed,
    int Rows,
    int HotRows,
    int Published,
    int Year,
    string Password)
{
    public const string HotProvinceCode = "430000";
    public const string HotCountyCode = "430602";
    public const string HotLedger = "new-enterprise-services";
    public const string ProvinceUser = "bench.province";
    public const string CountyUser = "bench.county";
    public const string DefaultPassword = "Bench@2026-Harmony";

    public static GenerateOptions Parse(string[] args)
    {
        string? Option(string name) => Args.Option(args, name);
        int Int(string name, int fallback) => Args.Int(args, name, fallback);

        var rows = Int("--rows", 1_000_000);
        var (provider, connection) = Option("--connection") is { } cs
            ? (DatabaseProvider.Postgres, cs)
            : (DatabaseProvider.Sqlite, $"Data Source={Option("--db") ?? throw new ArgumentException("generate needs --db PATH or --connection CS")}");
        return new GenerateOptions(
            provider,
            connection,
            Option("--keys") ?? throw new ArgumentException("generate needs --keys DIR (the portal's <data>/keys)"),
            Int("--seed", 20261122),
            rows,
            Int("--hot-rows", (int)(rows * 0.55)),
            Int("--published", 3000),
            Int("--year", 2026),
            Option("--password") ?? DefaultPassword);
    }
}
