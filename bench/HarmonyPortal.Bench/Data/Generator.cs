using System.Data.Common;
using System.Diagnostics;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HarmonyPortal.Bench.Data;

/// <summary>
/// <c>generate</c>: a national-scale database through the product's schema and key material, the same for a seed.
/// Regions (the seed jurisdictions, then all 31 provinces filled out with generated cities and counties) and users
/// go through EF and the product's writers; ledger rows are bulk-loaded (SQLite: one transaction, one prepared
/// INSERT; PostgreSQL: binary COPY) with ID numbers sealed by the portal's own <see cref="PersonalDataProtector"/>
/// over the key ring the portal will read.
/// </summary>
internal static class Generator
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = GenerateOptions.Parse(args);
        var total = Stopwatch.StartNew();
        await using var db = new HarmonyDbContext(HarmonyDatabase.Options(options.Provider, options.ConnectionString));
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        await RegionSeeder.SeedIfEmptyAsync(db);
        await RuleSetSeeder.SeedMissingAsync(db, DateTime.UtcNow);

        var random = new Random(options.Seed);
        var regions = Stopwatch.StartNew();
        var counties = await AddNationalRegionsAsync(db, random);
        Console.WriteLine($"regions: {await db.Regions.CountAsync()} ({await db.Regions.CountAsync(r => r.Level == RegionLevel.Province)} provinces, {await db.Regions.CountAsync(r => r.Level == RegionLevel.City)} cities, {counties.Count} county-level units) in {regions.Elapsed.TotalSeconds:0.0} s");

        await AddUsersAsync(db, options);

        var protector = new PersonalDataProtector(
            DataProtectionProvider.Create(new DirectoryInfo(options.KeysDirectory), b => b.SetApplicationName("HarmonyPortal")),
            PersonalDataKey.FromConfiguration(null, options.KeysDirectory));
        var load = Stopwatch.StartNew();
        var hotCounty = counties.Single(c => c.Code == GenerateOptions.HotCountyCode);
        var hotProvince = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == GenerateOptions.HotProvinceCode);
        var plan = new LedgerPlan(options, counties, hotCounty, hotProvince.Path, random);
        var nominees = await LoadLedgersAsync(db, plan, protector);
        var seconds = load.Elapsed.TotalSeconds;
        Console.WriteLine($"ledger rows: {plan.Total:N0} in {seconds:0.0} s ({plan.Total / seconds:N0} rows/s, {options.Provider})");
        BenchResults.Record(new BenchResult($"generate.{options.Provider.ToString().ToLowerInvariant()}.rows-per-second", Math.Round(plan.Total / seconds), "rows/s", null, null, "reported", null));

        await PublishAsync(db, options, nominees);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            // As autovacuum would have by the time a dashboard is opened: statistics, and the visibility map that lets
            // counts use index-only scans (right after a bulk COPY every count reads the whole heap).
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

        Console.WriteLine($"generated in {total.Elapsed.TotalSeconds:0.0} s; sign in as {GenerateOptions.ProvinceUser} or {GenerateOptions.CountyUser} with the password given (--password)");
        return 0;
    }

    /// <summary>Adds every province, city and county the seed lacks; returns the county-level units (leaf first order of creation).</summary>
    private static async Task<List<Region>> AddNationalRegionsAsync(HarmonyDbContext db, Random random)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var all = await db.Regions.AsNoTracking().ToListAsync();
        var codes = all.Select(r => r.Code).ToHashSet();
        var order = all.Count(r => r.Level == RegionLevel.Province);
        foreach (var spec in NationalRegions.All)
        {
            var province = all.FirstOrDefault(r => r.Code == spec.Code)
                ?? await RegionWriter.AddAsync(db, new Region { Name = spec.Name, Code = spec.Code, Level = RegionLevel.Province, SortOrder = ++order }, null, default);
            var cities = all.Where(r => r.ParentId == province.Id && r.Level == RegionLevel.City).ToList();
            var names = new HashSet<string>(all.Where(r => r.Path.StartsWith(province.Path, StringComparison.Ordinal)).Select(r => r.Name[..Math.Min(2, r.Name.Length)]));
            var prefix = spec.Code[..2];
            var cityNumber = 0;
            while (cities.Count < spec.Cities)
            {
                var code = $"{prefix}{++cityNumber:00}00";
                if (!codes.Add(code))
                {
                    continue;
                }

                var name = spec.Cities == 1 ? spec.Name[..2] + "城区" : NationalRegions.PlaceName(random, names) + "市";
                cities.Add(await RegionWriter.AddAsync(db, new Region { Name = name, Code = code, Level = RegionLevel.City, SortOrder = cities.Count + 1 }, province, default));
            }

            var existing = all.Count(r => r.Level == RegionLevel.County && r.Path.StartsWith(province.Path, StringComparison.Ordinal));
            var missing = spec.Counties - existing;
            for (var i = 0; i < missing; i++)
            {
                var city = cities[i % cities.Count];
                var siblings = (all.Count(r => r.ParentId == city.Id) + (i / cities.Count)) + 1;
                string code;
                var n = siblings;
                do
                {
                    code = $"{city.Code[..4]}{n++:00}";
                }
                while (!codes.Add(code) && n < 100);

                var name = NationalRegions.PlaceName(random, names) + NationalRegions.CountySuffix(random);
                await RegionWriter.AddAsync(db, new Region { Name = name, Code = code, Level = RegionLevel.County, SortOrder = siblings }, city, default);
            }

            db.ChangeTracker.Clear();
        }

        await tx.CommitAsync();
        return await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Id).ToListAsync();
    }

    private static async Task AddUsersAsync(HarmonyDbContext db, GenerateOptions options)
    {
        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = SecuritySetup.PasswordHashIterations,
        }));
        foreach (var (userName, code, role) in new[]
        {
            (GenerateOptions.ProvinceUser, GenerateOptions.HotProvinceCode, UserRole.Reviewer),
            (GenerateOptions.CountyUser, GenerateOptions.HotCountyCode, UserRole.Clerk),
        })
        {
            var region = await db.Regions.SingleAsync(r => r.Code == code);
            var user = new AppUser
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = $"{region.Name}{role.ToChinese()}（基准测试）",
                RegionId = region.Id,
                UnitId = (await MemberUnits.HostAsync(db, region.Id, default)).Id,
                Role = role,
                LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                CreatedAtUtc = DateTime.UtcNow,
            };
            user.PasswordHash = hasher.HashPassword(user, options.Password);
            db.Users.Add(user);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Loads every ledger's rows; returns the ids of the coordinators to publish.</summary>
    private static async Task<List<(long Id, string Name, int RegionId)>> LoadLedgersAsync(HarmonyDbContext db, LedgerPlan plan, PersonalDataProtector protector)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var tx = db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal) ? await connection.BeginTransactionAsync() : null;
        var rows = new LedgerRowMaker(plan, protector);
        var nominees = new List<(long, string, int)>();
        await LoadAsync<MediationOrganization>(db, connection, tx, plan, "mediation-organizations", rows.MediationOrganization);
        await LoadAsync<Coordinator>(db, connection, tx, plan, "coordinators", (slot, id) =>
        {
            var row = rows.Coordinator(slot, id);
            if (slot.Published)
            {
                nominees.Add((id, row.Name, row.RegionId));
            }

            return row;
        });
        await LoadAsync<Mediator>(db, connection, tx, plan, "mediators", rows.Mediator);
        await LoadAsync<SocialOrganization>(db, connection, tx, plan, "social-organizations", rows.SocialOrganization);
        await LoadAsync<HarmoniousEnterprise>(db, connection, tx, plan, "harmonious-enterprises", rows.Harmonious);
        await LoadAsync<WageGuidanceEnterprise>(db, connection, tx, plan, "wage-guidance", rows.WageGuidance);
        await LoadAsync<NewEnterpriseService>(db, connection, tx, plan, "new-enterprise-services", rows.NewEnterpriseService);
        await LoadAsync<KeyEnterprise>(db, connection, tx, plan, "key-enterprises", rows.KeyEnterprise);
        await LoadAsync<PlanListEntry>(db, connection, tx, plan, "plan-lists", rows.PlanList);
        if (tx is not null)
        {
            await tx.CommitAsync();
        }
        else
        {
            // Ids were written as given: move each identity sequence past them.
            foreach (var type in new[] { typeof(Coordinator), typeof(MediationOrganization), typeof(Mediator), typeof(SocialOrganization), typeof(HarmoniousEnterprise), typeof(WageGuidanceEnterprise), typeof(NewEnterpriseService), typeof(KeyEnterprise), typeof(PlanListEntry) })
            {
                var table = db.Model.FindEntityType(type)!.GetTableName();
#pragma warning disable EF1002 // table names come from the model, not from input
                await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))");
#pragma warning restore EF1002
            }
        }

        await connection.CloseAsync();
        return nominees;
    }

    private static async Task LoadAsync<T>(HarmonyDbContext db, DbConnection connection, DbTransaction? tx, LedgerPlan plan, string ledger, Func<LedgerSlot, long, T> make)
        where T : LedgerRow
    {
        var watch = Stopwatch.StartNew();
        var slots = plan.Slots(ledger);
        await using (var table = await BulkTable<T>.OpenAsync(db, connection, tx))
        {
            for (var i = 0; i < slots.Count; i++)
            {
                await table.WriteAsync(make(slots[i], i + 1));
            }
        }

        Console.WriteLine($"  {ledger,-26} {slots.Count,9:N0} rows {watch.Elapsed.TotalSeconds,6:0.0} s");
    }

    /// <summary>One county sheet per county and one published city sheet per city of the hot province, the coordinators selected.</summary>
    private static async Task PublishAsync(HarmonyDbContext db, GenerateOptions options, List<(long Id, string Name, int RegionId)> nominees)
    {
        var now = DateTime.UtcNow;
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var citySheets = new Dictionary<int, NominationSheet>();
        var countySheets = new Dictionary<int, NominationSheet>();
        NominationSheet Sheet(Dictionary<int, NominationSheet> sheets, int regionId, SheetStatus status) =>
            sheets.TryGetValue(regionId, out var sheet) ? sheet : sheets[regionId] = db.NominationSheets.Add(new NominationSheet
            {
                RegionId = regionId, Category = GoldCategory.Coordinator, Year = options.Year, Batch = 1, Status = status,
                SubmittedAtUtc = now, Version = 1, CreatedAtUtc = now, UpdatedAtUtc = now,
            }).Entity;

        foreach (var (id, name, regionId) in nominees)
        {
            var county = regions[regionId];
            var countySheet = Sheet(countySheets, regionId, SheetStatus.Approved);
            var citySheet = Sheet(citySheets, county.ParentId!.Value, SheetStatus.Published);
            db.Nominations.Add(new Nomination
            {
                RegionId = regionId, Category = GoldCategory.Coordinator, Year = options.Year, Batch = 1, LedgerRowId = id, Name = name,
                Narrative = "长期扎根基层，协调化解劳动关系矛盾成效显著。", Sheet = countySheet, CitySheet = citySheet,
                CityDecision = Decision.Yes, ProvinceDecision = Decision.Yes, CreatedBy = GenerateOptions.CountyUser, CreatedAtUtc = now, UpdatedAtUtc = now,
            });
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"published list: {nominees.Count:N0} coordinators of {GenerateOptions.HotProvinceCode} selected, {citySheets.Count} city sheets published");
    }
}
