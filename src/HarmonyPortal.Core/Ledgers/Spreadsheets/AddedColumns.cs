using HarmonyPortal.Core.Ledgers.Definitions;

namespace HarmonyPortal.Core.Ledgers.Spreadsheets;

/// <summary>
/// The columns the portal added to an official form (<see cref="ILedgerField.Added"/>) as one import meets them: the
/// values the clerk chose for the whole file, and, once the reader has found the header, which of those columns the
/// file lacks. A lacking column takes the chosen value on every row, else the row's own default
/// (<see cref="DefaultText"/>), else stays empty.
/// </summary>
public sealed class AddedColumns(IReadOnlyDictionary<string, string?> chosen)
{
    public static readonly AddedColumns None = new(new Dictionary<string, string?>());

    /// <summary>What the clerk chose, by field key (blank entries mean "not chosen").</summary>
    public IReadOnlyDictionary<string, string?> Chosen { get; } = chosen;

    /// <summary>The added columns the file lacks, in the form's order; filled by <see cref="LedgerSheetReader"/>.</summary>
    public List<ILedgerField> Absent { get; } = [];

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
