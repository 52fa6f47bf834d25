using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace HarmonyPortal.Core.Tests.Data;

/// <summary>
/// NationalCodeLists20 on a database filled before the code lists: 民族 and 学历 names become GB/T 3304 / GB/T 4658 codes,
/// 所属行业 names GB/T 4754 codes, and what no list knows stays as it was; going back restores the names.
/// </summary>
public abstract class NationalCodeListMigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task StoredNames_BecomeCodes_UnknownValuesAreKept_AndGoingBackRestoresTheNames()
    {
        // The same tables before and after: rows are written with the values the portal stored before the code lists.
        string[] ethnicities = ["汉族", "汉", "土家族", "维吾尔族", "基诺族", "火星族", "苗族", "回族"];
        await using (var old = database.CreateContext())
        {
            await old.GetService<IMigrator>().MigrateAsync("JobLeases19");
            var county = new Region { Name = "甲县", Code = "990101", Level = RegionLevel.County, Path = "/" };
            old.Regions.Add(county);
            await old.SaveChangesAsync();
            for (var i = 0; i < 8; i++)
            {
                var row = (Coordinator)TestLedgerRows.Create(LedgerCatalog.Find("coordinators")!, county.Id, 2026);
                (row.Name, row.Ethnicity, row.Education) = ("协调员" + (i + 1), ethnicities[i], (Education)(i + 1)); // 1 小学及以下 … 8 博士研究生
                old.Add(row);
            }

            foreach (var (name, industry) in new[] { ("甲厂", "制造业"), ("乙厂", "房地产业"), ("丙厂", "13 农副食品加工业"), ("丁厂", "机械加工及维修"), ("戊厂", "汽车制造业") })
            {
                var row = (KeyEnterprise)TestLedgerRows.Create(LedgerCatalog.Find("key-enterprises")!, county.Id, 2026);
                (row.Name, row.Industry) = (name, industry);
                old.Add(row);
            }

            var large = (LargeEnterprise)TestLedgerRows.Create(LedgerCatalog.Find("large-enterprises")!, county.Id, 2026);
            (large.Name, large.Industry) = ("大厂", "软件和信息技术服务业");
            old.Add(large);
            await old.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var people = await db.Coordinators.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Ethnicity, r.Education }).ToListAsync();
            Assert.Equal(["01", "01", "15", "05", "56", "火星族", "06", "03"], people.Select(p => p.Ethnicity));
            Assert.Equal([80, 70, 60, 40, 30, 20, 14, 11], people.Select(p => (int)p.Education));
            Assert.Equal(["小学及以下", "初中", "高中", "中专", "大专", "本科", "硕士研究生", "博士研究生"], people.Select(p => p.Education.Label()));
            Assert.Equal([1, 2, 3, 3, 5, 6, 7, 8], people.Select(p => p.Education.Rank())); // what "学历不低于…" compares is unchanged
            var industries = await db.KeyEnterprises.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Industry);
            Assert.Equal(new Dictionary<string, string> { ["甲厂"] = "C", ["乙厂"] = "70", ["丙厂"] = "13", ["丁厂"] = "机械加工及维修", ["戊厂"] = "36" }, industries);
            Assert.Equal("65", await db.LargeEnterprises.AsNoTracking().Select(r => r.Industry).SingleAsync());
        }

        await using (var back = database.CreateContext())
        {
            await back.GetService<IMigrator>().MigrateAsync("JobLeases19");
            var people = await back.Coordinators.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Ethnicity, r.Education }).ToListAsync();
            Assert.Equal(["汉族", "汉族", "土家族", "维吾尔族", "基诺族", "火星族", "苗族", "回族"], people.Select(p => p.Ethnicity));
            Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], people.Select(p => (int)p.Education));
            var industries = await back.KeyEnterprises.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Industry);
            Assert.Equal(new Dictionary<string, string> { ["甲厂"] = "制造业", ["乙厂"] = "房地产业", ["丙厂"] = "农副食品加工业", ["丁厂"] = "机械加工及维修", ["戊厂"] = "汽车制造业" }, industries);
        }
    }
}

public sealed class SqliteNationalCodeListMigrationTests() : NationalCodeListMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresNationalCodeListMigrationTests() : NationalCodeListMigrationTests(DatabaseProvider.Postgres);
