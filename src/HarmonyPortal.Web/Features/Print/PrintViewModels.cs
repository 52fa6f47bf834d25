using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Nominations;

namespace HarmonyPortal.Web.Features.Print;

/// <summary>What every printed document shares: its title, orientation, and where the PDF of it is.</summary>
public abstract record PrintDocument(string Title, string FileName, string PdfPath, bool Landscape)
{
    /// <summary>Set when printing to PDF: the print CSS to inline (the HTML view links the file instead).</summary>
    public string? InlineCss { get; set; }

    public DateOnly PrintedOn { get; init; }

    public string PrintedBy { get; init; } = "";

    /// <summary>How many full ID numbers the document shows (the rest are masked), for the audit entry.</summary>
    public int FullIdNumbers { get; init; }
}

/// <summary>An attested condition on the printed form: the clerk's evidence and where the reviewer's confirmation stands.</summary>
public sealed record AttestedCriterion(string Text, string Clause, string? Evidence, string? AttestedBy)
{
    /// <summary>"已确认（姓名，日期）", "未予确认：理由（姓名，日期）", "待审核确认" or "未提供证明材料".</summary>
    public string State { get; init; } = Core.Rules.AttestationReview.StateName(null);
}

/// <summary>推荐表 of one nominee.</summary>
public sealed record RecommendationForm(
    Nomination Nomination,
    SheetKey Key,
    IReadOnlyList<(string Field, string Value)> Fields,
    bool FieldsFrozen,
    IReadOnlyList<AttestedCriterion> Criteria,
    NominationEvaluation? Evaluation,
    IReadOnlyList<string> EvaluationDetails,
    string? CriteriaSetName)
    : PrintDocument($"{Nomination.Name} {Key.Title}推荐表", $"{Nomination.Name}-{Key.Title}推荐表.pdf", $"/print/nominations/{Nomination.Id}.pdf", false)
{
    /// <summary>The tier the nominee is recommended for (银牌), or null when the honour has no tiers.</summary>
    public string? TierName { get; init; }

    /// <summary>"选树条件依照《…》（上级规划）" when the criteria come from a plan of a level above.</summary>
    public string? CriteriaSourceNote { get; init; }

    /// <summary>No plan up the chain sets criteria for the category in the year: the form prints the warning.</summary>
    public bool NoCriteria { get; init; }

    /// <summary>The level that selects the category (the honour's), which labels the selection line: 省级择优, 市级择优.</summary>
    public Core.Regions.RegionLevel SelectingLevel { get; init; } = Core.Regions.RegionLevel.Province;
}

/// <summary>One line of a printed table: the nominee, its region, the ledger's list fields, and the decisions.</summary>
public sealed record PrintLine(int Number, string Name, string Region, IReadOnlyList<string> Values, Decision City, Decision Province);

/// <summary>The summary table of one sheet, with signature and seal lines.</summary>
public sealed record SheetTable(NominationSheet Sheet, SheetKey Key, IReadOnlyList<string> Headers, IReadOnlyList<PrintLine> Lines)
    : PrintDocument($"{Sheet.Region.Name} {Key.Title}推荐汇总表", $"{Sheet.Region.Name}-{Key.Title}推荐汇总表.pdf", $"/print/sheets/{Sheet.Id}.pdf", true)
{
    /// <summary>The level that selects the category (the honour's), which heads the selection column: 省级择优, 市级择优.</summary>
    public Core.Regions.RegionLevel SelectingLevel { get; init; } = Core.Regions.RegionLevel.Province;

    /// <summary>The head of the selection column, e.g. 市级择优 where the city confers the title.</summary>
    public string SelectionHead => Core.Regions.RegionLevelNames.ToChinese(SelectingLevel) + "择优";
}

/// <summary>The published list of the user's subtree for a category, year and batch.</summary>
public sealed record PublishedList(string RegionName, SheetKey Key, IReadOnlyList<string> Headers, IReadOnlyList<PrintLine> Lines)
    : PrintDocument($"{RegionName} {Key.Title}名单", $"{RegionName}-{Key.Title}名单.pdf", $"/print/published.pdf?{Key.Query}", true);
