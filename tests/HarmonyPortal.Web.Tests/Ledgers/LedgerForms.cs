namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>Readable form values for ledger rows, as a clerk would type them.</summary>
public static class LedgerForms
{
    /// <summary>The GB 11643 example number: female, born 1949-12-31.</summary>
    public const string ExampleId = "11010519491231002X";

    public static (string, string)[] Coordinator(string name = "李红", string id = ExampleId, string gender = "女", string servingSince = "2019-05-01",
        string phone = "13812345678", string? skillLevel = "三级", string? certificate = "HN2020-0001", string? certificateDate = "2020-06-30") =>
    [
        ("values[Name]", name), ("values[Gender]", gender), ("values[Ethnicity]", "汉族"), ("values[IdNumber]", id),
        ("values[WorkUnit]", "岳阳市某机械有限公司"), ("values[Position]", "人力资源部经理"), ("values[Education]", "本科"),
        ("values[ServingSince]", servingSince), ("values[Phone]", phone), ("values[Kind]", "劳动关系协调员"),
        ("values[SkillLevel]", skillLevel ?? ""), ("values[CertificateNumber]", certificate ?? ""), ("values[CertificateDate]", certificateDate ?? ""),
        ("values[CurrentlyServing]", "是"),
    ];

    public static (string, string)[] MediationOrganization(string name, int received, int settled) =>
    [
        ("values[TownName]", "洞庭街道"), ("values[Name]", name), ("values[Nature]", "企业劳动人事争议调解委员会"), ("values[Address]", "岳阳楼区洞庭路1号"),
        ("values[EstablishedOn]", "2018-03-01"), ("values[LeaderName]", "王强"), ("values[MediatorCount]", "5"), ("values[ContactName]", "赵敏"),
        ("values[ContactPhone]", "0730-8222222"), ("values[CasesReceived]", received.ToString()), ("values[CasesSettled]", settled.ToString()),
    ];

    public static (string, string)[] KeyEnterprise(string name, string hasLayoffPlan, string? laidOff = null, string lastYear = "300") =>
    [
        ("values[Name]", name), ("values[Locality]", "岳阳楼区"), ("values[Address]", "岳阳楼区工业园8号"), ("values[Industry]", "制造业"),
        ("values[ContactName]", "孙丽"), ("values[ContactPhone]", "13907301234"), ("values[EmployeesLastYearEnd]", lastYear),
        ("values[EmployeesNow]", "280"), ("values[HasLayoffPlan]", hasLayoffPlan), ("values[LaidOff]", laidOff ?? ""),
        ("values[PlannedLayoffs]", laidOff is null ? "" : "20"), ("values[LayoffPositions]", laidOff is null ? "" : "装配工"),
        ("values[WagesSettled]", laidOff is null ? "" : "是"), ("values[CompensationStandard]", laidOff is null ? "" : "N+1"),
        ("values[PaymentCapacityAssessment]", laidOff is null ? "" : "具备支付能力"),
    ];

    public static (string, string)[] With(this (string, string)[] form, string key, string value) =>
        [.. form.Where(f => f.Item1 != $"values[{key}]"), ($"values[{key}]", value)];
}
