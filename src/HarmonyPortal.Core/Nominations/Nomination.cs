using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// One candidate (a ledger row) recommended for a gold category: the narrative of achievements, the
/// criteria attested with evidence, the decision of the city and the selection of the province, and the
/// ledger data frozen when the city approved it.
/// </summary>
public class Nomination : IRegionOwned
{
    public long Id { get; set; }

    /// <summary>The nominating region: the region of the ledger row.</summary>
    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    /// <summary>The member unit responsible for the nomination: the nominating clerk's unit.</summary>
    public int? UnitId { get; set; }

    /// <summary>The gold category, or <see cref="OfficeHonour.Category"/> for an honour an office defines (<see cref="HonourTaskId"/>).</summary>
    public GoldCategory Category { get; set; }

    /// <summary>The id of the office-defined honour task (培育达标企业典型) in the plan governing the year; "" for a gold category.</summary>
    public string HonourTaskId { get; set; } = "";

    public int Year { get; set; }

    public int Batch { get; set; }

    /// <summary>The tier of a tiered honour the nominee is recommended for (a tier's id in the plan: 铜牌, 银牌, 金牌), or null.</summary>
    public string? Tier { get; set; }

    /// <summary>The ledger row of the category's ledger (coordinators, social or mediation organisations).</summary>
    public long LedgerRowId { get; set; }

    /// <summary>The candidate's name when nominated, for lists and timelines.</summary>
    public string Name { get; set; } = "";

    /// <summary>主要事迹: the achievements, in the clerk's words.</summary>
    public string Narrative { get; set; } = "";

    /// <summary>The sheet of the nominating region.</summary>
    public long SheetId { get; set; }

    public NominationSheet Sheet { get; set; } = null!;

    /// <summary>The city sheet the nominee was consolidated into after approval (its own sheet for a city's own nominee).</summary>
    public long? CitySheetId { get; set; }

    public NominationSheet? CitySheet { get; set; }

    public Decision CityDecision { get; set; }

    public string? CityReason { get; set; }

    public Decision ProvinceDecision { get; set; }

    public string? ProvinceReason { get; set; }

    /// <summary>The ledger row's fields (masked) at approval, as {"表头": "值"} JSON.</summary>
    public string? FrozenJson { get; set; }

    public DateTime? FrozenAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<NominationAttestation> Attestations { get; } = [];

    public List<NominationEvidence> Evidence { get; } = [];

    /// <summary>
    /// Selected (入选) on a list its selecting level has published: the nominee's own sheet published (a county's or
    /// city's own list), or the city sheet that carried it upward. The published list, the year-end 入选名单 and the
    /// honour history all read this one condition.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Nomination, bool>> OnPublishedList =
        n => n.ProvinceDecision == Decision.Yes && (n.Sheet.Status == SheetStatus.Published || n.CitySheet != null && n.CitySheet.Status == SheetStatus.Published);
}

/// <summary>A reviewer's decision on one nominee: the city's 通过/不通过, the province's 入选/未入选.</summary>
public enum Decision
{
    Pending = 0,
    Yes = 1,
    No = 2,
}

public static class DecisionNames
{
    public static string CityText(this Decision decision) => decision switch
    {
        Decision.Yes => "通过",
        Decision.No => "不通过",
        _ => "待审核",
    };

    public static string ProvinceText(this Decision decision) => decision switch
    {
        Decision.Yes => "入选",
        Decision.No => "未入选",
        _ => "待择优",
    };
}
