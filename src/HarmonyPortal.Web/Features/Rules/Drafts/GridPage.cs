using HarmonyPortal.Core.Rules.Editing;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>
/// The quota grid page: the grid of the draft, what was typed (after a refused post), each bad cell's message and the
/// page's errors (a refused upload, the rules' own errors).
/// </summary>
public sealed record GridPage(RuleDraftState State, QuotaGrid Grid)
{
    public const string FieldPrefix = "q|";

    public IReadOnlyDictionary<(int Row, int Column), string> Typed { get; init; } = new Dictionary<(int, int), string>();

    public IReadOnlyDictionary<(int Row, int Column), string> CellErrors { get; init; } = new Dictionary<(int, int), string>();

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The form field of a cell: q|r:430611|new-enterprise-service.</summary>
    public static string FieldName(QuotaGridRow row, QuotaGridColumn column) => FieldPrefix + row.Key + "|" + column.TaskId;

    public string TextOf(int row, int column) => Typed.TryGetValue((row, column), out var typed) ? typed : Grid.Cell(row, column).Text;

    /// <summary>The totals of what the page shows (typed cells that read count as typed).</summary>
    public IReadOnlyList<QuotaColumnTotal> Totals() => Grid.Totals((r, c) =>
        Typed.TryGetValue((r, c), out var typed) ? QuotaGridCellText.Parse(typed).Value : Grid.Cell(r, c).Value);

    /// <summary>The grid of a draft: its jurisdiction, the regions directly below it and its member units.</summary>
    public static QuotaGrid Build(RuleDraftState state) => QuotaGrid.Build(state.RuleSet, new QuotaGridScope(
        state.Region.Code, state.Region.Level,
        state.Children.Select(c => new QuotaGridRegion(c.Code, c.Name, c.Level)).ToList(),
        state.Units.Select(u => u.ShortName).ToList()));
}
