using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Core.Ledgers.Spreadsheets;

/// <summary>
/// The columns the portal added to an official form (<see cref="ILedgerField.Added"/>) as one import meets them: the
/// values the clerk chose for the whole file, and, once the reader has found the header, which of those columns the
/// file lacks. A lacking column takes the chosen value on every row, else the row's own default
/// (<see cref="DefaultText"/>), else stays empty. A lacking column needed only on some rows (<see cref="ILedgerField.RequiredWhen"/>)
/// takes that value on those rows only, and the import learns which rows they are (<see cref="NeededOn"/>).
/// </summary>
public sealed class AddedColumns(IReadOnlyDictionary<string, string?> chosen)
{
    public static readonly AddedColumns None = new(new Dictionary<string, string?>());

    /// <summary>What the clerk chose, by field key (blank entries mean "not chosen").</summary>
    public IReadOnlyDictionary<string, string?> Chosen { get; } = chosen;

    /// <summary>The added columns the file lacks, in the form's order; filled by <see cref="LedgerSheetReader"/>.</summary>
    public List<ILedgerField> Absent { get; } = [];

    /// <summary>
    /// For each lacking column with a <see cref="ILedgerField.RequiredWhen"/> condition, the rows (numbers in the file) that
    /// meet it, in file order; filled by <see cref="ApplyConditions"/> as the rows are read.
    /// </summary>
    public Dictionary<string, List<int>> NeededOn { get; } = [];

    private List<ILedgerField>? conditional;

    /// <summary>
    /// Keeps the file's value of each lacking conditional column on a row that meets the condition (noting the row) and
    /// clears it on the others, so that a row without a planned layoff is not given a layoff's 经济补偿标准.
    /// </summary>
    public void ApplyConditions(ILedgerDefinition definition, int rowNumber, Dictionary<string, string?> values)
    {
        conditional ??= Absent.Where(f => f.RequiredWhen is not null).ToList();
        foreach (var field in conditional)
        {
            if (field.RequiredWhen!.Holds(definition, values))
            {
                (NeededOn.TryGetValue(field.Key, out var rows) ? rows : NeededOn[field.Key] = []).Add(rowNumber);
            }
            else
            {
                values[field.Key] = null;
            }
        }
    }

    /// <summary>
    /// Whether the preview asks for a lacking column: always, unless it is needed only on some rows and no row of the file
    /// needs it (a list without any planned layoff is not asked for 经济补偿标准).
    /// </summary>
    public static bool Asked(ILedgerField field, IReadOnlyDictionary<string, IReadOnlyList<int>> neededOn) =>
        field.RequiredWhen is null || neededOn.GetValueOrDefault(field.Key) is { Count: > 0 };

    /// <summary>Which rows a lacking conditional column is for, in the clerk's words: “是否有裁员计划”为“是”的 2 行（第 5、7 行）.</summary>
    public static string RowsNeeding(ILedgerDefinition definition, ILedgerField field, IReadOnlyList<int> rows) =>
        $"{field.RequiredWhen!.Describe(definition)}的 {rows.Count} 行（{RowList(rows)}）";

    /// <summary>第 5、7 行; past ten rows the first ten and 等.</summary>
    public static string RowList(IReadOnlyList<int> rows) =>
        "第 " + string.Join("、", rows.Take(10)) + (rows.Count > 10 ? " 等" : "") + " 行";

    /// <summary>The text every row takes for a lacking column: the chosen value, else the default, else null.</summary>
    public string? ValueFor(ILedgerDefinition definition, ILedgerField field) =>
        Chosen.GetValueOrDefault(field.Key) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : DefaultText(definition, field);

    /// <summary>
    /// The value a new row has before anything is filled in (类别 协调员, 是否在任 是, a count 0), as the form would show
    /// it; null when the row's default is no real value (an empty name, an undefined enumeration, no date).
    /// </summary>
    public static string? DefaultText(ILedgerDefinition definition, ILedgerField field)
    {
        var value = field.Get(definition.NewRow());
        return value switch
        {
            null or "" => null,
            DateOnly => null,
            Enum e when !Enum.IsDefined(e.GetType(), e) => null,
            _ => FieldValues.Format(field, value),
        };
    }

    /// <summary>Whether a lacking column can take one value for the whole file: not the identity (ID number, credit code), even optional.</summary>
    public static bool Choosable(ILedgerDefinition definition, ILedgerField field) =>
        field != definition.IdentityField && (field.Kind is not (FieldKind.IdNumber or FieldKind.CreditCode) || !field.Required);
}
