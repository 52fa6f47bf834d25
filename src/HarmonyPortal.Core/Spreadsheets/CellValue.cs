namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// One data cell to write. It exists so that a caller states the kind of every value (text, number or date) and the
/// writer never guesses: text is always written as a string cell, never as a formula, so values such as "=1+1",
/// "+1", "-1" or "@SUM(A1)" typed by users cannot become formulas when the export is opened (CSV/formula injection).
/// A small struct, so rows of cells cost no allocation beyond the caller's list.
/// </summary>
public readonly struct CellValue : IEquatable<CellValue>
{
    private readonly string? _text;
    private readonly double _number;

    private CellValue(CellValueKind kind, string? text, double number)
    {
        Kind = kind;
        _text = text;
        _number = number;
    }

    /// <summary>An empty cell (it still gets its column's borders and format).</summary>
    public static CellValue Empty => default;

    internal CellValueKind Kind { get; }

    /// <summary>The text of a text cell.</summary>
    internal string TextValue => _text ?? "";

    /// <summary>The number of a number cell, or <see cref="DateOnly.DayNumber"/> of a date cell.</summary>
    internal double NumberValue => _number;

    /// <summary>A string cell, always written as a string (inline string), never as a formula; null is an empty cell.</summary>
    public static CellValue Text(string? value) => value is null ? default : new CellValue(CellValueKind.Text, value, 0);

    /// <summary>A number cell. NaN and infinities cannot be stored in a workbook and are refused.</summary>
    public static CellValue Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A workbook cannot hold NaN or infinity.");
        }

        return new CellValue(CellValueKind.Number, null, value);
    }

    /// <summary>A number cell. Excel keeps 15 significant digits: write longer digit strings (ID numbers) as <see cref="Text(string?)"/>.</summary>
    public static CellValue Number(long value) => new(CellValueKind.Number, null, value);

    /// <summary>A date: a serial number with the date style (yyyy-mm-dd), whatever the column's format.</summary>
    public static CellValue Date(DateOnly value) => new(CellValueKind.Date, null, value.DayNumber);

    /// <summary>Same as <see cref="Text(string?)"/>.</summary>
    public static implicit operator CellValue(string? value) => Text(value);

    /// <summary>Same as <see cref="Text(string?)"/> (named alternative to the implicit conversion).</summary>
    public static CellValue FromString(string? value) => Text(value);

    public bool Equals(CellValue other) =>
        Kind == other.Kind && string.Equals(_text, other._text, StringComparison.Ordinal) && _number.Equals(other._number);

    public override bool Equals(object? obj) => obj is CellValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _text, _number);

    public static bool operator ==(CellValue left, CellValue right) => left.Equals(right);

    public static bool operator !=(CellValue left, CellValue right) => !left.Equals(right);

    public override string ToString() => Kind switch
    {
        CellValueKind.Text => TextValue,
        CellValueKind.Number => _number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        CellValueKind.Date => DateOnly.FromDayNumber((int)_number).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}
