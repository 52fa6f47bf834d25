using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

/// <summary>A seed file that gains coverage targets reaches databases seeded before, as a new version, unless an office replaced the seed.</summary>
public abstract class RuleSetSeederTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;
    private HarmonyDbContext db = null!;
    private int jiyuan;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync(provider);
        db = await database.CreateMigratedContextAsync();
        await RegionSeeder.SeedIfEmptyAsync(db);
        jiyuan = await db.Regions.Where(r => r.Code == "410000-JY").Select(r => r.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task StoreAsync(string json, string createdBy)
    {
        db.RuleSetVersions.Add(new RuleSetVersion { RegionId = jiyuan, Version = 1, Json = json, Name = "济源", CreatedAtUtc = Now, CreatedBy = createdBy });
        await db.SaveChangesAsync();
    }

    private static string OldSeed()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(SeedRuleSets.Json("jiyuan-2022.json"))!.AsObject();
        json.Remove("coverageTargets");
        return json.ToJsonString();
    }

    private async Task<List<(int Version, string CreatedBy, bool HasTargets)>> VersionsAsync()
    {
        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jiyuan).OrderBy(v => v.Version).ToListAsync();
        return versions.Select(v => (v.Version, v.CreatedBy, RuleSetReader.Read(v.Json).RuleSet!.CoverageTargets.Count > 0)).ToList();
    }

    [Fact]
    public async Task AnOlderSeed_GetsTheCurrentSeedAsVersion2_Once_AndVersion1StaysAsItWas()
    {
        await StoreAsync(OldSeed(), RuleSetSeeder.SeedAuthor);

        await RuleSetSeeder.SeedMissingAsync(db, Now);
        await RuleSetSeeder.SeedMissingAsync(db, Now);

        Assert.Equal([(1, RuleSetSeeder.SeedAuthor, false), (2, RuleSetSeeder.SeedAuthor, true)], await VersionsAsync());
    }

    [Fact]
    public async Task AVersionAnOfficeStored_IsNeverReplacedByTheSeed()
    {
        await StoreAsync(OldSeed(), "jy.admin");

        await RuleSetSeeder.SeedMissingAsync(db, Now);

        Assert.Equal([(1, "jy.admin", false)], await VersionsAsync());
    }
}

public sealed class SqliteRuleSetSeederTests() : RuleSetSeederTests(DatabaseProvider.Sqlite);

public sealed class PostgresRuleSetSeederTests() : RuleSetSeederTests(DatabaseProvider.Postgres);
