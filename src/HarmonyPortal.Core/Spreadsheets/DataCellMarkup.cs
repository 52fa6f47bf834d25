using System.Text;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// The fixed UTF-8 markup around data cells and rows, per style, copied as bytes by <see cref="DataRowWriter"/> while
/// the values themselves are escaped and encoded. Data rows are the only part of a sheet that grows with the data, and
/// building them element by element costs about a third of the export's time for markup that never varies. Each cell
/// is written as <c>&lt;c r="</c> + column letters + row digits + the style's rest: readers such as exceljs need the
/// reference on every cell (it is optional in the schema, but they fail without it).
/// </summary>
internal static class DataCellMarkup
{
    public static ReadOnlySpan<byte> RowStart => "<row r=\""u8;
    public static ReadOnlySpan<byte> RowStartEnd => "\">"u8;
    public static ReadOnlySpan<byte> RowEnd => "</row>"u8;
    public static ReadOnlySpan<byte> NumberEnd => "</v></c>"u8;
    public static ReadOnlySpan<byte> TextEnd => "</t></is></c>"u8;

    /// <summary>What follows a cell's reference ("B7"), per style.</summary>
    public static readonly byte[][] Empty = Build(s => $"\" s=\"{s}\"/>");
    public static readonly byte[][] NumberStart = Build(s => $"\" s=\"{s}\"><v>");
    public static readonly byte[][] TextStart = Build(s => $"\" s=\"{s}\" t=\"inlineStr\"><is><t>");
    public static readonly byte[][] TextStartPreserve =
        Build(s => $"\" s=\"{s}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");

    /// <summary>The start of a cell in a 1-based column, up to its row number: <c>&lt;c r="B</c>.</summary>
    public static byte[] CellStart(int column) => Encoding.ASCII.GetBytes("<c r=\"" + CellReference.Column(column));

    private static byte[][] Build(Func<string, string> markup) =>
        XlsxStyles.Names.Select(s => Encoding.ASCII.GetBytes(markup(s))).ToArray();
}
