using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.PersonalData;

namespace HarmonyPortal.Bench.Data;

/// <summary>
/// Makes one row of each ledger for a <see cref="LedgerSlot"/>: names unique in the county and year as the tables
/// require, ID numbers and credit codes unique in the year and valid, cross-field rules respected (settled ≤ received,
/// the layoff block only with a layoff plan, gender matching the ID number).
/// </summary>
internal sealed class LedgerRowMaker(LedgerPlan plan, PersonalDataProtector protector)
{
    private static readonly string[] MediationForms = ["劳动争议调解委员会", "劳动人事争议调解中心", "劳动争议调解工作室", "劳动争议调解服务站"];
    private static readonly string[] SocialForms = ["劳动关系服务协会", "劳动关系协调服务中心", "人力资源服务促进会", "劳动关系研究会"];
    private static readonly string[] Positions = ["科员", "副主任", "主任", "调解员", "工会主席", "人事经理", "专职协调员"];

    private readonly Random random = plan.Random;
    private readonly Dictionary<(int Region, int Year), List<long>> organizations = [];
    private readonly List<long> anyOrganization = [];
    private readonly HashSet<(int Year, string Id)> coordinatorIds = [];
    private readonly HashSet<(int Year, string Id)> mediatorIds = [];
    private readonly HashSet<(int Year, string Code)> creditCodes = [];

    public MediationOrganization MediationOrganization(LedgerSlot slot, long id)
    {
        var received = random.Next(0, 200);
        var row = Organization(new MediationOrganization
        {
            Nature = (MediationOrganizationNature)(random.Next(4) == 0 ? random.Next(2, 10) : 1),
            MediatorCount = random.Next(3, 16),
            CasesReceived = received,
            CasesSettled = received == 0 ? 0 : random.Next(received / 2, received + 1),
        }, slot, id, ChineseIdentities.OrganizationName(slot.County.Name, slot.Index, MediationForms));
        (organizations.TryGetValue((row.RegionId, row.Year), out var list) ? list : organizations[(row.RegionId, row.Year)] = []).Add(id);
        anyOrganization.Add(id);
        return row;
    }

    public Coordinator Coordinator(LedgerSlot slot, long id)
    {
        var skill = random.Next(5) switch { 0 => (SkillLevel?)null, 1 => Core.Ledgers.SkillLevel.Level3, 2 => Core.Ledgers.SkillLevel.Level2, _ => Core.Ledgers.SkillLevel.Level4 };
        var row = Person(new Coordinator
        {
            Kind = random.Next(10) == 0 ? CoordinatorKind.CollectiveBargainingInstructor : CoordinatorKind.Coordinator,
            SkillLevel = skill,
            CurrentlyServing = random.Next(20) != 0,
        }, slot, id, coordinatorIds);
        if (skill is not null)
        {
            row.CertificateNumber = $"{slot.County.Code[..6]}{random.Next(0, 100_000_000):00000000}";
            row.CertificateDate = Day(2012, slot.Year);
        }

        return row;
    }

    public Mediator Mediator(LedgerSlot slot, long id)
    {
        var candidates = organizations.TryGetValue((slot.County.Id, slot.Year), out var local) ? local : anyOrganization;
        return Person(new Mediator { MediationOrganizationId = candidates[random.Next(candidates.Count)] }, slot, id, mediatorIds);
    }

    public SocialOrganization SocialOrganization(LedgerSlot slot, long id)
    {
        string code;
        do
        {
            code = ChineseIdentities.SocialOrganizationCreditCode(random, RegionCode(slot));
        }
        while (!creditCodes.Add((slot.Year, code)));

        var coordinators = random.Next(1, 20);
        return Organization(new SocialOrganization
        {
            Nature = random.Next(3) == 0 ? "民办非企业单位" : "社会团体",
            CreditCode = code,
            CoordinatorCount = coordinators,
            CertifiedCoordinatorCount = random.Next(0, coordinators + 1),
        }, slot, id, ChineseIdentities.OrganizationName(slot.County.Name, slot.Index, SocialForms));
    }

    public HarmoniousEnterprise Harmonious(LedgerSlot slot, long id) =>
        Enterprise(new HarmoniousEnterprise { ReachedStandard = random.Next(3) != 0 }, slot, id);

    public WageGuidanceEnterprise WageGuidance(LedgerSlot slot, long id) =>
        Enterprise(new WageGuidanceEnterprise { Kind = (WageGuidanceKind)random.Next(1, 4) }, slot, id);

    public NewEnterpriseService NewEnterpriseService(LedgerSlot slot, long id) =>
        Enterprise(new NewEnterpriseService { ServedOn = Day(slot.Year, slot.Year) }, slot, id);

    public KeyEnterprise KeyEnterprise(LedgerSlot slot, long id)
    {
        var before = random.Next(50, 3000);
        var row = Common(new KeyEnterprise
        {
            Locality = slot.County.Name,
            Address = ChineseIdentities.Address(random, slot.County.Name),
            Industry = ChineseIdentities.Industry(random),
            ContactName = ChineseIdentities.PersonName(random),
            ContactPhone = ChineseIdentities.Mobile(random),
            EmployeesLastYearEnd = before,
            EmployeesNow = Math.Max(1, before + random.Next(-before / 5, before / 5 + 1)),
        }, slot, id, ChineseIdentities.EnterpriseName(slot.County.Name, slot.Index));
        if (random.Next(10) == 0)
        {
            row.HasLayoffPlan = true;
            row.PlannedLayoffs = random.Next(5, Math.Max(6, before / 10));
            row.LaidOff = random.Next(0, row.PlannedLayoffs.Value + 1);
            row.LayoffPositions = "生产线操作工、仓储物流岗";
            row.WagesSettled = true;
            row.CompensationStandard = "按《劳动合同法》N+1 标准支付经济补偿";
            row.PaymentCapacityAssessment = "企业账面资金充足，具备支付能力";
        }

        return row;
    }

    public PlanListEntry PlanList(LedgerSlot slot, long id)
    {
        var kind = (PlanListKind)random.Next(1, 5);
        var row = Common(new PlanListEntry
        {
            Kind = kind,
            Address = ChineseIdentities.Address(random, slot.County.Name),
            ContactName = ChineseIdentities.PersonName(random),
            ContactPhone = ChineseIdentities.Mobile(random),
            EmployeeCount = random.Next(10, 2000),
            Date = Day(slot.Year, slot.Year),
        }, slot, id, ChineseIdentities.EnterpriseName(slot.County.Name, slot.Index));
        if (kind == PlanListKind.WageArrearsCase)
        {
            row.WorkersConcerned = random.Next(3, 120);
            row.AmountRecovered = random.Next(10_000, 5_000_000) / 100m;
        }

        return row;
    }

    private T Enterprise<T>(T row, LedgerSlot slot, long id)
        where T : EnterpriseRow
    {
        row.Address = ChineseIdentities.Address(random, slot.County.Name);
        row.ContactName = ChineseIdentities.PersonName(random);
        row.ContactPhone = ChineseIdentities.Mobile(random);
        row.EmployeeCount = random.Next(10, 2000);
        row.ServiceUnit = slot.County.Name + "人力资源和社会保障局";
        return Common(row, slot, id, ChineseIdentities.EnterpriseName(slot.County.Name, slot.Index));
    }

    private T Organization<T>(T row, LedgerSlot slot, long id, string name)
        where T : OrganizationRow
    {
        row.TownName = random.Next(3) == 0 ? null : ChineseIdentities.PersonName(random)[..1] + "家街道";
        row.Address = ChineseIdentities.Address(random, slot.County.Name);
        row.EstablishedOn = Day(2005, slot.Year);
        row.LeaderName = ChineseIdentities.PersonName(random);
        row.ContactName = ChineseIdentities.PersonName(random);
        row.ContactPhone = ChineseIdentities.Mobile(random);
        return Common(row, slot, id, name);
    }

    private T Person<T>(T row, LedgerSlot slot, long id, HashSet<(int, string)> taken)
        where T : PersonRow
    {
        var male = random.Next(2) == 0;
        string number;
        do
        {
            number = ChineseIdentities.IdNumber(random, RegionCode(slot), Day(1962, 2001), male);
        }
        while (!taken.Add((slot.Year, number)));

        row.Gender = male ? Gender.Male : Gender.Female;
        row.Ethnicity = ChineseIdentities.Ethnicity(random);
        row.IdNumber = number;
        protector.Seal(row);
        row.WorkUnit = random.Next(2) == 0 ? slot.County.Name + "人力资源和社会保障局" : ChineseIdentities.EnterpriseName(slot.County.Name, random.Next(0, 10_000));
        row.Position = Positions[random.Next(Positions.Length)];
        row.Education = (Education)random.Next(3, 8);
        row.ServingSince = Day(2010, slot.Year);
        row.Phone = ChineseIdentities.Mobile(random);
        return Common(row, slot, id, ChineseIdentities.PersonName(random));
    }

    private T Common<T>(T row, LedgerSlot slot, long id, string name)
        where T : LedgerRow
    {
        row.Id = id;
        row.RegionId = slot.County.Id;
        row.Year = slot.Year;
        row.Name = name;
        row.Status = random.Next(20) == 0 ? LedgerRowStatus.NeedsReview : LedgerRowStatus.Active;
        row.Version = 1;
        row.CreatedAtUtc = new DateTime(slot.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 60 * 24 * 300));
        row.UpdatedAtUtc = row.CreatedAtUtc;
        row.UpdatedBy = GenerateOptions.CountyUser;
        return row;
    }

    /// <summary>The six-digit GB/T 2260 code an ID number or credit code starts with (a functional zone's parent's).</summary>
    private static string RegionCode(LedgerSlot slot) => slot.County.Code[..6];

    private DateOnly Day(int fromYear, int toYear)
    {
        var first = new DateOnly(fromYear, 1, 1);
        return first.AddDays(random.Next(0, new DateOnly(toYear, 12, 28).DayNumber - first.DayNumber));
    }
}
