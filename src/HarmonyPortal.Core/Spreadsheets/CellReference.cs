namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>A1-style references ("A", "AB", "A1:L1", "$3:$3"), the only addressing the written XML needs.</summary>
internal static class CellReference
{
    /// <summary>Excel's last column, XFD.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Excel's last row.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Letters of a 1-based column number: 1 → "A", 27 → "AA".</summary>
    public static string Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, MaxColumns);
        Span<char> buffer = stackalloc char[3];
        var position = buffer.Length;
        while (column > 0)
        {
            column--;
            buffer[--position] = (char)('A' + (column % 26));
            column /= 26;
        }

        return new string(buffer[position..]);
    }

    public static string Cell(int column, int row) => Column(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Range(int firstColumn, int firstRow, int lastColumn, int lastRow) =>
        Cell(firstColumn, firstRow) + ":" + Cell(lastColumn, lastRow);
}
