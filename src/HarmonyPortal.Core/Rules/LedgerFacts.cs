using System.Globalization;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Core.Rules;

/// <summary>A value read off a ledger row for a criterion, with its Chinese name and how to show it.</summary>
public sealed record Fact(string Label, decimal? Number, bool? Flag, DateOnly? Date, string Display);

/// <summary>
/// The ledger facts automatic criteria may test. Ordered values (学历, 技能等级) become ranks so that
/// "at least 高中" compares; percentages are in percent.
/// </summary>
public static class LedgerFacts
{
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>
    {
        "Education", "HoldsCertificate", "SkillLevel", "CurrentlyServing", "SuccessRate", "CertifiedCoordinators", "LegallyRegistered", "ViolationOrPunishment",
    };

    /// <summary>The fact of the row, or null when the row's ledger has no such fact.</summary>
    public static Fact? Of(LedgerRow row, string fact) => (fact, row) switch
    {
        ("Education", PersonRow p) => new Fact("学历", p.Education.Rank(), null, null, p.Education.Label()),
        ("HoldsCertificate", Coordinator c) => Flag("持有劳动关系协调员职业技能等级证书", c.SkillLevel is not null && !string.IsNullOrEmpty(c.CertificateNumber)),
        ("SkillLevel", Coordinator c) => new Fact("职业技能等级", c.SkillLevel is { } level ? SkillRank(level) : null, null, null, c.SkillLevel?.Label() ?? "无"),
        ("CurrentlyServing", Coordinator c) => Flag("现正在担任劳动关系协调员或专职集体协商指导员", c.CurrentlyServing),
        ("SuccessRate", MediationOrganization m) => new Fact("调解成功率", m.SuccessRate is { } rate ? Math.Round(rate * 100, 1) : null, null, null,
            m.SuccessRate is { } r ? Percent(Math.Round(r * 100, 1)) : "无受理案件"),
        ("CertifiedCoordinators", SocialOrganization s) => new Fact("持证协调员人数", s.CertifiedCoordinatorCount, null, null, s.CertifiedCoordinatorCount + " 人"),
        ("LegallyRegistered", SocialOrganization s) => Flag("依法登记（有统一社会信用代码）", !string.IsNullOrEmpty(s.CreditCode)),
        ("ViolationOrPunishment", SocialOrganization s) => LatestRecord(s),
        _ => null,
    };

    /// <summary>Turns a criterion's required value into the fact's scale (label → rank, "65" → 65).</summary>
    public static decimal? Required(string fact, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return fact switch
        {
            "Education" when Labels.TryParse(typeof(Education), value, out var e) => ((Education)e).Rank(),
            "SkillLevel" when Labels.TryParse(typeof(SkillLevel), value, out var s) => SkillRank((SkillLevel)s),
            _ when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>A fact's Chinese name, as the ledger rows that have it label it ("学历", "调解成功率"); the key itself when no ledger has it.</summary>
    public static string Label(string fact) =>
        LedgerCatalog.All.Select(l => Of(l.NewRow(), fact)?.Label).FirstOrDefault(l => l is not null) ?? fact;

    public static string Unit(string fact) => fact switch
    {
        "SuccessRate" => "%",
        "CertifiedCoordinators" => " 人",
        _ => "",
    };

    private static Fact Flag(string label, bool value) => new(label, null, value, null, value ? "是" : "否");

    private static decimal SkillRank(SkillLevel level) => 5 - (int)level;

    private static string Percent(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static Fact LatestRecord(SocialOrganization s)
    {
        var latest = new[] { s.LastViolationOn, s.LastCreditPunishmentOn }.Max();
        return new Fact("违法违规和信用惩戒记录", null, null, latest, latest is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "无");
    }
}
