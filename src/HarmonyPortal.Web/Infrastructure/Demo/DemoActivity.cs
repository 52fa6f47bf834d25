using HarmonyPortal.Core.Rules;
using System.Diagnostics;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Web.Features.Reporting;

namespace HarmonyPortal.Web.Infrastructure.Demo;

/// <summary>
/// Development only: every seed jurisdiction as it looks after a year of use (issue 20, "a lived-in demo"). In each, the
/// counties' clerks keep their ledgers; last year's gold coordinators went the whole way to a published list; this
/// year's nominations stand at every step (approved or forwarded, submitted, returned with a reason, still a draft);
/// some counties reported their ledgers, one report was returned, 赣州 reported 2023 late; materials and indicator
/// figures were reported and reviewed (<see cref="DemoMaterials"/>). Everything is written by the
/// demo logins through the portal's services, from seeded random data, and each step is skipped when already taken.
/// </summary>
public static class DemoActivity
{
    /// <summary>The year 赣州's 章贡区 reports late: its rules give the harmonious-enterprise ledger a deadline then.</summary>
    public const int LateYear = 2023;

    public static async Task<TimeSpan> EnsureAsync(IServiceProvider root, int year)
    {
        var watch = Stopwatch.StartNew();
        var nominations = new DemoNominations(root);
        var serial = 0;
        foreach (var jurisdiction in DemoJurisdictions.All)
        {
            var ledgers = jurisdiction.Counties.ToDictionary(c => c.Key, c => new DemoLedgers(
                root, c.Key + ".clerk", new DemoPeople(StableSeed(c.Key), c.IdPrefix, jurisdiction.AreaCode, ++serial), NameOf(c.Key), c.Place, c.Towns));
            foreach (var (county, index) in jurisdiction.Counties.Select((c, i) => (c, i)))
            {
                await ledgers[county.Key].InSessionAsync(() => FillAsync(ledgers[county.Key], year, small: index >= 3, registers: index < 3 && county.Registers));
            }

            var reviewer = jurisdiction.City + ".reviewer";
            await PublishedAsync(jurisdiction, ledgers, nominations, reviewer, year - 1);
            await InProgressAsync(jurisdiction, ledgers, nominations, reviewer, year);
            await ReportingAsync(root, jurisdiction, reviewer, year);
            if (jurisdiction.City == "gz")
            {
                await ledgers["gzzg"].HarmoniousEnterpriseAsync(LateYear, reached: true);
                await ReportAsync(root, "gzzg", LateYear);
            }
        }

        await DemoMaterials.EnsureAsync(root, year);
        return watch.Elapsed;
    }

    private static async Task FillAsync(DemoLedgers ledgers, int year, bool small, bool registers)
    {
        for (var i = 0; i < (small ? 2 : 3); i++)
        {
            await ledgers.CoordinatorAsync(year);
        }

        await ledgers.HarmoniousEnterpriseAsync(year, reached: true);
        if (small)
        {
            return;
        }

        await ledgers.MediationOrganizationAsync(year);
        await ledgers.SocialOrganizationAsync(year);
        await ledgers.HarmoniousEnterpriseAsync(year, reached: false);
        await ledgers.KeyEnterpriseAsync(year);
        if (registers)
        {
            await ledgers.CoverageRegistersAsync(year);
        }
    }

    /// <summary>Last year's gold coordinators of the first county: approved by the city, selected (one passed over), published.</summary>
    private static async Task PublishedAsync(DemoJurisdiction jurisdiction, Dictionary<string, DemoLedgers> ledgers, DemoNominations nominations, string reviewer, int year)
    {
        var county = jurisdiction.Nominating[0].Key;
        var clerk = county + ".clerk";
        var provinceSelects = await nominations.SelectingLevelAsync(clerk, GoldCategory.Coordinator, year) == RegionLevel.Province;
        var selector = provinceSelects ? jurisdiction.Province + ".reviewer" : reviewer;
        var first = await nominations.NominateAsync(clerk, GoldCategory.Coordinator, await ledgers[county].CoordinatorAsync(year, nominee: true));
        var second = await nominations.NominateAsync(clerk, GoldCategory.Coordinator, await ledgers[county].CoordinatorAsync(year, nominee: true));
        await nominations.SubmitAsync(clerk, first);
        await nominations.ApproveAsync(reviewer, first, second);
        if (provinceSelects)
        {
            await nominations.ForwardAsync(reviewer, first);
        }

        await nominations.SelectAsync(selector, first);
        await nominations.SelectAsync(selector, second, select: false);

        // 唐山: the city has no plan of its own and selects and publishes under 唐山高新区's (ADR 0009).
        await nominations.PublishAsync(selector, first);
    }

    /// <summary>This year's sheets, one at each step: approved (and forwarded where the province selects), submitted, returned, draft.</summary>
    private static async Task InProgressAsync(DemoJurisdiction jurisdiction, Dictionary<string, DemoLedgers> ledgers, DemoNominations nominations, string reviewer, int year)
    {
        var slots = new[] { year, year - 2 }
            .SelectMany(y => jurisdiction.Categories.SelectMany(category => jurisdiction.Nominating.Select(county => (County: county.Key, Category: category, Year: y))))
            .Take(4).ToList();
        var ids = new List<long>();
        foreach (var (county, category, slotYear) in slots)
        {
            var row = category switch
            {
                GoldCategory.Coordinator => await ledgers[county].CoordinatorAsync(slotYear, nominee: true),
                GoldCategory.MediationOrganization => await ledgers[county].MediationOrganizationAsync(slotYear),
                _ => await ledgers[county].SocialOrganizationAsync(slotYear),
            };
            ids.Add(await nominations.NominateAsync(county + ".clerk", category, row));
        }

        var (approved, submitted, returned) = (ids[0], ids[1], ids[2]);
        await nominations.SubmitAsync(slots[0].County + ".clerk", approved);
        await nominations.SubmitAsync(slots[1].County + ".clerk", submitted);
        await nominations.SubmitAsync(slots[2].County + ".clerk", returned);
        await nominations.ReturnAsync(reviewer, returned, "请补充近三年调处劳动争议的案例材料及所在单位意见后重新提交");
        await nominations.ApproveAsync(reviewer, approved);
        if (await nominations.SelectingLevelAsync(slots[0].County + ".clerk", slots[0].Category, year) == RegionLevel.Province)
        {
            await nominations.ForwardAsync(reviewer, approved);
        }
    }

    /// <summary>The first county reported this year's and last year's ledgers, the second's report was returned, the third has not reported.</summary>
    private static async Task ReportingAsync(IServiceProvider root, DemoJurisdiction jurisdiction, string reviewer, int year)
    {
        var counties = jurisdiction.Counties.Select(c => c.Key).ToList();
        await ReportAsync(root, counties[0], year);
        await ReportAsync(root, counties[0], year - 1);
        await ReportAsync(root, counties[1], year);
        await DemoActor.AsAsync(root, reviewer, async services =>
        {
            var regionId = await RegionIdAsync(services, counties[1]);
            var db = services.GetRequiredService<Core.Data.HarmonyDbContext>();
            if (db.LedgerReports.Any(r => r.RegionId == regionId && r.Year == year && r.ReturnedAtUtc == null)
                && !db.LedgerReports.Any(r => r.RegionId == regionId && r.Year == year && r.ReturnedAtUtc != null))
            {
                var outcome = await services.GetRequiredService<LedgerReportingService>().ReturnAsync(regionId, year, "协调员台账缺少部分人员的发证日期，请核实补正后重新报送", default);
                Ensure(outcome);
            }
        });

        // Further counties (岳阳's) alternate: every other one has reported.
        foreach (var county in counties.Skip(3).Where((_, i) => i % 2 == 0))
        {
            await ReportAsync(root, county, year);
        }
    }

    /// <summary>The county clerk reports the year's ledgers unless a report was ever made (a returned one stays returned).</summary>
    private static Task ReportAsync(IServiceProvider root, string county, int year) =>
        DemoActor.AsAsync(root, county + ".clerk", async services =>
        {
            var regionId = await RegionIdAsync(services, county);
            if (!services.GetRequiredService<Core.Data.HarmonyDbContext>().LedgerReports.Any(r => r.RegionId == regionId && r.Year == year))
            {
                Ensure(await services.GetRequiredService<LedgerReportingService>().ReportAsync(regionId, year, confirmed: true, default));
            }
        });

    private static async Task<int> RegionIdAsync(IServiceProvider services, string key)
    {
        var code = RegionSeed.FiveJurisdictions.SelectMany(p => p.SelfAndDescendants()).Single(r => r.Key == key).Code;
        return await Task.FromResult(services.GetRequiredService<Core.Data.HarmonyDbContext>().Regions.Where(r => r.Code == code).Select(r => r.Id).Single());
    }

    private static string NameOf(string key) => RegionSeed.FiveJurisdictions.SelectMany(p => p.SelfAndDescendants()).Single(r => r.Key == key).Name;

    private static void Ensure(Features.Shared.ServiceResult outcome)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Demo reporting step refused: " + outcome.Message);
        }
    }

    /// <summary>A seed from the county's key that is the same on every run and machine (string.GetHashCode is not).</summary>
    private static int StableSeed(string key) => key.Aggregate(20, (hash, c) => unchecked((hash * 31) + c));
}
