using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace HarmonyPortal.Core.Tests.Data;

/// <summary>
/// A database with parties, users and ledger rows from before member units, migrated: the parties become units, each user
/// gets its region's unit of its old party, each row the unit of the user who created it, else of its last writer, else the host.
/// </summary>
public abstract class MemberUnitMigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task PartiesUsersAndRowsOfAnOlderDatabase_BecomeMemberUnitsAndTheirAttributions()
    {
        await using (var old = BeforeMemberUnitsContext.Create(database))
        {
            await using (var current = database.CreateContext())
            {
                await current.GetService<IMigrator>().MigrateAsync("Probe2Accounts"); // the migrations belong to the portal's context
            }

            var province = new Region { Name = "测试省", Code = "990000", Level = RegionLevel.Province, Path = "/" };
            old.Regions.Add(province);
            await old.SaveChangesAsync();
            var county = new Region { Name = "甲县", Code = "990101", Level = RegionLevel.County, ParentId = province.Id, Path = "/" };
            old.Regions.Add(county);
            await old.SaveChangesAsync();

            // The county's office as RegionWriter made it before (level-prefixed short names); the province has none.
            string[] shortNames = ["县人社局", "县总工会", "县企联/企协", "县工商联"];
            for (var party = 1; party <= 4; party++)
            {
                await old.Database.ExecuteSqlAsync($"""INSERT INTO "OfficeParties" ("RegionId", "Party", "Name", "ShortName", "HostsOffice") VALUES ({county.Id}, {party}, {"甲县单位" + party}, {shortNames[party - 1]}, {party == 1})""");
            }

            async Task UserAsync(string userName, int regionId, int party)
            {
                await old.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "DisplayName", "RegionId", "Party", "Role", "IsDisabled", "MustChangePassword",
                        "CreatedAtUtc", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                    VALUES ({Guid.NewGuid().ToString()}, {userName}, {userName.ToUpperInvariant()}, {userName}, {regionId}, {party}, {1}, {false}, {false},
                        {DateTime.UtcNow}, {false}, {false}, {false}, {true}, {0})
                    """);
            }

            await UserAsync("jx.union", county.Id, 2);
            await UserAsync("jx.clerk", county.Id, 1);
            await UserAsync("sheng.admin", province.Id, 1);

            var coordinators = LedgerCatalog.Find("coordinators")!;
            var created = TestLedgerRows.Create(coordinators, county.Id, 2026);
            var updated = TestLedgerRows.Create(coordinators, county.Id, 2026);
            var unknown = TestLedgerRows.Create(coordinators, county.Id, 2026);
            var town = TestLedgerRows.Create(LedgerCatalog.Find("towns")!, province.Id, 2026);
            (created.Name, created.UpdatedBy) = ("甲", "jx.clerk"); // created by the union clerk, last saved by the 人社局 clerk
            (updated.Name, updated.UpdatedBy) = ("乙", "jx.union");
            (unknown.Name, unknown.UpdatedBy) = ("丙", "（演示数据）");
            old.AddRange(created, updated, unknown, town);
            await old.SaveChangesAsync();
            old.AuditEntries.Add(new AuditEntry
            {
                AtUtc = DateTime.UtcNow, UserName = "jx.union", Action = AuditActions.LedgerCreated, ObjectType = "ledger:coordinators",
                ObjectId = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Outcome = AuditOutcome.Success, RegionId = county.Id,
            });
            await old.SaveChangesAsync();
        }

        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();

        var units = await db.MemberUnits.AsNoTracking().Include(u => u.Region).ToListAsync();
        var countyUnits = units.Where(u => u.Region.Code == "990101").OrderBy(u => u.SortOrder).ToList();
        Assert.Equal(["人社局", "总工会", "企联/企协", "工商联"], countyUnits.Select(u => u.ShortName));
        Assert.Equal(["甲县单位1", "甲县单位2", "甲县单位3", "甲县单位4"], countyUnits.Select(u => u.Name));
        Assert.Equal([Party.HumanResources, Party.TradeUnion, Party.EnterpriseConfederation, Party.IndustryCommerce], countyUnits.Select(u => u.Kind!.Value));
        Assert.All(countyUnits, u => Assert.True(u.IsActive));
        Assert.Equal("人社局", countyUnits.Single(u => u.HostsOffice).ShortName);
        var provinceUnits = units.Where(u => u.Region.Code == "990000").ToList();
        Assert.Equal(4, provinceUnits.Count);
        var provinceHost = Assert.Single(provinceUnits, u => u.HostsOffice);
        Assert.Equal(("人社厅", "测试省人力资源和社会保障厅"), (provinceHost.ShortName, provinceHost.Name));

        int UnitOf(string code, string shortName) => units.Single(u => u.Region.Code == code && u.ShortName == shortName).Id;
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.UnitId);
        Assert.Equal(UnitOf("990101", "总工会"), users["jx.union"]);
        Assert.Equal(UnitOf("990101", "人社局"), users["jx.clerk"]);
        Assert.Equal(UnitOf("990000", "人社厅"), users["sheng.admin"]);

        var rows = await db.Coordinators.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.UnitId);
        Assert.Equal(UnitOf("990101", "总工会"), rows["甲"]);
        Assert.Equal(UnitOf("990101", "总工会"), rows["乙"]);
        Assert.Equal(UnitOf("990101", "人社局"), rows["丙"]);
        Assert.Equal(UnitOf("990000", "人社厅"), await db.TownsAndParks.AsNoTracking().Select(t => t.UnitId).SingleAsync());
        Assert.Equal(1, await MemberUnits.CountRowsAsync(db, "coordinators", units.First(u => u.Region.Code == "990101").RegionId, "县人社局", 2026));
    }
}

public sealed class SqliteMemberUnitMigrationTests() : MemberUnitMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMemberUnitMigrationTests() : MemberUnitMigrationTests(DatabaseProvider.Postgres);
