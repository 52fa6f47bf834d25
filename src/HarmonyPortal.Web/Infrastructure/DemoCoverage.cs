using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Development only: 虎岭高新区 (under Jiyuan, whose rules state the coverage targets) gets towns, a park, large and
/// medium enterprises and coordinators of the current year, so the dashboard's coverage shows something to read.
/// Skipped when the county already has a town register for the year, and when Demo:SampleLedgers is false (tests).
/// </summary>
public static class DemoCoverage
{
    private const string RegionCode = "410000-JY-HL";

    public static async Task EnsureAsync(IServiceProvider services, int year)
    {
        var db = services.GetRequiredService<HarmonyDbContext>();
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var regionId = await db.Regions.Where(r => r.Code == RegionCode).Select(r => (int?)r.Id).SingleOrDefaultAsync();
        if (regionId is not { } region || await db.TownsAndParks.AnyAsync(t => t.RegionId == region && t.Year == year))
        {
            return;
        }

        var now = DateTime.UtcNow;
        var host = (await Core.Offices.MemberUnits.HostAsync(db, region, default)).Id;
        T Row<T>(T row, string name)
            where T : LedgerRow
        {
            (row.RegionId, row.Year, row.Name, row.Version, row.CreatedAtUtc, row.UpdatedAtUtc, row.UpdatedBy) = (region, year, name, 1, now, now, "（演示数据）");
            row.UnitId = host;
            return row;
        }

        db.AddRange(
            Row(new TownOrPark { Kind = TownKind.Town }, "承留镇"),
            Row(new TownOrPark { Kind = TownKind.Town }, "王屋镇"),
            Row(new TownOrPark { Kind = TownKind.Street }, "玉泉街道"),
            Row(new TownOrPark { Kind = TownKind.Park }, "虎岭产业园"));
        string[] enterprises = ["济源演示钢铁有限公司", "济源演示化工有限公司", "济源演示机械制造有限公司", "济源演示食品有限公司"];
        var codes = enterprises.Select((_, i) => Code(i + 1)).ToList();
        db.AddRange(enterprises.Select((name, i) => Row(
            new LargeEnterprise { CreditCode = codes[i], Size = i < 2 ? EnterpriseSize.Large : EnterpriseSize.Medium, TownName = i % 2 == 0 ? "虎岭产业园" : "承留镇", EmployeeCount = 1200 - (i * 250) },
            name)));

        // Covered: the steel works (by credit code), the chemical works (by name), 虎岭产业园 and 承留镇; not the others.
        (string Name, string WorkUnit, string? Code, string? Town, bool Serving)[] coordinators =
        [
            ("赵演示", enterprises[0], codes[0], "虎岭产业园", true),
            ("钱演示", "济源演示化工有限公司", null, "承留镇", true),
            ("孙演示", enterprises[3], null, "王屋镇", false),
        ];
        foreach (var (c, i) in coordinators.Select((c, i) => (c, i)))
        {
            var row = Row(new Coordinator
            {
                Gender = Gender.Male, Ethnicity = Core.Ledgers.Ethnicities.CodeOf("汉族")!, WorkUnit = c.WorkUnit, WorkUnitCreditCode = c.Code, TownName = c.Town, CurrentlyServing = c.Serving,
                Education = Education.Bachelor, ServingSince = new DateOnly(2021, 3, 1), Phone = "1390391000" + i, IdNumber = IdNumberOf(i),
            }, c.Name);
            protector.Seal(row);
            db.Add(row);
        }

        await db.SaveChangesAsync();
    }

    private static string Code(int n)
    {
        var first17 = $"91419001{n:D9}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private static string IdNumberOf(int n)
    {
        var first17 = $"41900119850101{n:D2}1";
        return first17 + IdNumber.CheckCharacter(first17);
    }
}
