using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Web.Features.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure.Demo;

/// <summary>
/// A county clerk's ledgers of one year, typed in through <see cref="LedgerWriteService"/> as the form would send them:
/// coordinators, a mediation organisation, a social organisation, harmonious and key enterprises, and (where asked)
/// the coverage registers. A row whose name the county already has that year is left alone, so a second run adds nothing.
/// </summary>
public sealed class DemoLedgers(IServiceProvider root, string clerk, DemoPeople people, string county, string place, IReadOnlyList<string> towns)
{
    private const string Yes = "是";

    public static string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.Label();

    private IServiceProvider? session;

    /// <summary>Runs several rows' writing in one sign-in of the clerk (one DI scope), which keeps start-up fast.</summary>
    public Task InSessionAsync(Func<Task> work) =>
        DemoActor.AsAsync(root, clerk, async services =>
        {
            session = services;
            try
            {
                await work();
            }
            finally
            {
                session = null;
            }
        });

    /// <summary>Writes the row unless the county already has one of that name in the year; returns its id either way.</summary>
    public Task<long> RowAsync(string ledger, int year, Dictionary<string, string?> values) =>
        session is { } current ? WriteAsync(current, ledger, year, values) : DemoActor.AsAsync(root, clerk, services => WriteAsync(services, ledger, year, values));

    private async Task<long> WriteAsync(IServiceProvider services, string ledger, int year, Dictionary<string, string?> values)
    {
        var definition = LedgerCatalog.Find(ledger)!;
        var writer = services.GetRequiredService<LedgerWriteService>();
        var db = services.GetRequiredService<HarmonyDbContext>();
        var name = values["Name"]!;
        var existing = await definition.Rows(db).Where(r => r.RegionId == writer.RegionId && r.Year == year && r.Name == name).Select(r => (long?)r.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var result = await writer.CreateAsync(definition, year, values, default);
        return result.Succeeded ? result.Value
            : throw new InvalidOperationException($"Demo ledger row {ledger} {name} ({clerk}, {year}) refused: "
                + string.Join("; ", result.Reasons) + (result.Conflict ? " (conflict)" : ""));
    }

    public Task<long> CoordinatorAsync(int year, bool nominee = false)
    {
        var (name, male) = people.Person();
        var (unit, _) = people.Enterprise(place);
        var skilled = nominee || people.Next(0, 3) > 0;
        var since = new DateOnly(nominee ? 2012 : 2016 + people.Next(0, 6), 1 + people.Next(0, 12), 1);
        return RowAsync("coordinators", year, new()
        {
            ["Name"] = name, ["Gender"] = male ? "男" : "女", ["Ethnicity"] = people.Next(0, 10) == 0 ? Ethnicities.All[people.Next(1, 12)] : Ethnicities.All[0],
            ["IdNumber"] = people.IdNumber(male), ["WorkUnit"] = unit, ["Position"] = people.Pick(["人力资源部经理", "工会主席", "综合办主任", "劳动关系专员"]),
            ["Education"] = Label(people.Pick([Education.Bachelor, Education.JuniorCollege, Education.Master])), ["ServingSince"] = $"{since:yyyy-MM-dd}",
            ["Phone"] = people.Mobile(), ["Kind"] = Label(people.Next(0, 5) == 0 && !nominee ? CoordinatorKind.CollectiveBargainingInstructor : CoordinatorKind.Coordinator),
            ["SkillLevel"] = skilled ? Label(nominee ? SkillLevel.Level2 : SkillLevel.Level3) : "", ["CertificateNumber"] = skilled ? $"{people.Next(2018, 2023)}-{people.Next(10000, 99999)}" : "",
            ["CertificateDate"] = skilled ? $"{since.AddYears(2):yyyy-MM-dd}" : "", ["CurrentlyServing"] = Yes, ["TownName"] = people.Pick(towns),
        });
    }

    public Task<long> MediationOrganizationAsync(int year)
    {
        var (leader, _) = people.Person();
        var (contact, _) = people.Person();
        var town = people.Pick(towns);
        var received = people.Next(40, 160);
        return RowAsync("mediation-organizations", year, new()
        {
            ["TownName"] = town, ["Name"] = $"{town}劳动人事争议调解委员会", ["Nature"] = Label(MediationOrganizationNature.TownStreet),
            ["Address"] = $"{county}{town}便民服务中心二楼", ["EstablishedOn"] = $"{2012 + people.Next(0, 6)}-0{people.Next(1, 9)}-15", ["LeaderName"] = leader,
            ["MediatorCount"] = people.Next(4, 12).ToString(), ["ContactName"] = contact, ["ContactPhone"] = people.OfficePhone(),
            ["CasesReceived"] = received.ToString(), ["CasesSettled"] = (received * people.Next(70, 95) / 100).ToString(),
        });
    }

    public Task<long> SocialOrganizationAsync(int year)
    {
        var (leader, _) = people.Person();
        var (contact, _) = people.Person();
        return RowAsync("social-organizations", year, new()
        {
            ["TownName"] = people.Pick(towns), ["Name"] = $"{county}{people.Pick(["劳动关系协调促进会", "和谐劳动关系服务中心", "企业劳动关系协会"])}",
            ["Nature"] = "社会团体", ["Address"] = $"{county}{people.Pick(towns)}人民路{people.Next(1, 200)}号", ["EstablishedOn"] = $"{2013 + people.Next(0, 5)}-03-01",
            ["LeaderName"] = leader, ["CoordinatorCount"] = people.Next(6, 15).ToString(), ["ContactName"] = contact, ["ContactPhone"] = people.OfficePhone(),
            ["CreditCode"] = people.CreditCodeOf("51"),
            ["CertifiedCoordinatorCount"] = people.Next(4, 6).ToString(),
        });
    }

    public Task<long> HarmoniousEnterpriseAsync(int year, bool reached)
    {
        var (name, _) = people.Enterprise(place);
        var (contact, _) = people.Person();
        return RowAsync("harmonious-enterprises", year, new()
        {
            ["Name"] = name, ["Address"] = $"{place}{people.Pick(towns)}工业园{people.Next(1, 60)}号", ["ContactName"] = contact, ["ContactPhone"] = people.Mobile(),
            ["EmployeeCount"] = people.Next(80, 900).ToString(), ["ServiceUnit"] = $"{county}人力资源和社会保障局", ["ReachedStandard"] = reached ? Yes : "否",
        });
    }

    public Task<long> KeyEnterpriseAsync(int year)
    {
        var (name, industry) = people.Enterprise(place);
        var (contact, _) = people.Person();
        var employees = people.Next(300, 2000);
        return RowAsync("key-enterprises", year, new()
        {
            ["Name"] = name, ["Locality"] = county, ["Address"] = $"{place}{people.Pick(towns)}{people.Next(1, 99)}号", ["Industry"] = industry,
            ["ContactName"] = contact, ["ContactPhone"] = people.Mobile(), ["EmployeesLastYearEnd"] = employees.ToString(),
            ["EmployeesNow"] = (employees - people.Next(0, 30)).ToString(), ["HasLayoffPlan"] = "否", ["JobRetentionPolicies"] = "稳岗返还、以工代训补贴",
        });
    }

    /// <summary>The county's 乡镇（街道）、园区名录 and two large or medium enterprises, for the coverage dashboard.</summary>
    public async Task CoverageRegistersAsync(int year)
    {
        foreach (var town in towns)
        {
            var (contact, _) = people.Person();
            await RowAsync("towns", year, new()
            {
                ["Name"] = town, ["Kind"] = Label(town.EndsWith("街道", StringComparison.Ordinal) ? TownKind.Street : town.EndsWith('区') || town.EndsWith('园') ? TownKind.Park : TownKind.Town),
                ["ContactName"] = contact, ["ContactPhone"] = people.OfficePhone(),
            });
        }

        foreach (var size in new[] { EnterpriseSize.Large, EnterpriseSize.Medium })
        {
            var (name, industry) = people.Enterprise(place);
            await RowAsync("large-enterprises", year, new()
            {
                ["Name"] = name, ["CreditCode"] = people.CreditCodeOf(), ["Size"] = Label(size), ["TownName"] = people.Pick(towns), ["Industry"] = industry,
                ["EmployeeCount"] = (size == EnterpriseSize.Large ? people.Next(1000, 3000) : people.Next(300, 999)).ToString(),
            });
        }
    }
}
