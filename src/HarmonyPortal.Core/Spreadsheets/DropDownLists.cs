namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Decides where a drop-down's values live. Excel accepts an inline list ("男,女") only up to 255 characters and
/// without commas or quotes in the values; longer lists (e.g. every town of a county) go to one column each of the
/// hidden sheet "lists", written when the workbook is finished. Identical lists share a column.
/// </summary>
internal sealed class DropDownLists
{
    public const string SheetName = "lists";
    public const int MaxInlineLength = 255;

    private readonly Dictionary<string, int> _columnByKey = new(StringComparer.Ordinal);
    private readonly List<string[]> _hidden = [];

    /// <summary>The lists that go to the hidden sheet, one column each, in order.</summary>
    public IReadOnlyList<string[]> Hidden => _hidden;

    /// <summary>The data-validation formula for these values, or null when no value is left after cleaning.</summary>
    public string? Formula(IReadOnlyList<string> values)
    {
        var items = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => XmlText.Clean(v, XmlText.MaxCellLength)).ToArray();
        if (items.Length == 0)
        {
            return null;
        }

        var inline = string.Join(',', items);
        if (inline.Length <= MaxInlineLength && !items.Any(i => i.Contains(',', StringComparison.Ordinal) || i.Contains('"', StringComparison.Ordinal)))
        {
            return "\"" + inline + "\"";
        }

        var key = string.Join('\u0001', items);
        if (!_columnByKey.TryGetValue(key, out var column))
        {
            if (_hidden.Count == CellReference.MaxColumns)
            {
                throw new InvalidOperationException("Too many distinct drop-down lists for one workbook.");
            }

            _hidden.Add(items);
            column = _hidden.Count;
            _columnByKey.Add(key, column);
        }

        var letters = CellReference.Column(column);
        var lastRow = Math.Min(items.Length, CellReference.MaxRows);
        return $"{SheetName}!${letters}$1:${letters}${lastRow}";
    }
}
